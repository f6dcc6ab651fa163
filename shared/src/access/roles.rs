//! Organisation kinds and the roles of their users.

crate::named_enum! {
    /// The kind of an organisation, which decides the roles its users can have.
    pub enum OrgKind {
        /// A hospital or other treatment site (fristbrudd).
        Behandlingssted,
        /// A municipality (fastlege messages, claims control).
        Kommune,
        /// A health trust's finance department (frikort claims).
        Hf,
        /// Helfo itself.
        Helfo,
    }
}

impl OrgKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The name shown to people, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            OrgKind::Behandlingssted => "Behandlingssted",
            OrgKind::Kommune => "Kommune",
            OrgKind::Hf => "Helseforetak",
            OrgKind::Helfo => "Helfo",
        }
    }
}

crate::named_enum! {
    /// A user's role. Every API route names the roles it allows.
    pub enum Role {
        /// A clerk at a treatment site: sends fristbrudd notifications.
        Behandlingssted,
        /// A clerk in a municipality: sends fastlege messages.
        Kommune,
        /// A finance clerk at a health trust: sends frikort claims.
        Hf,
        /// A Helfo caseworker: handles everything that arrives.
        Helfo,
        /// A Helfo administrator: a caseworker who also manages organisations
        /// and users.
        HelfoAdmin,
    }
}

impl Role {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The kind of organisation a user with this role belongs to.
    pub const fn org_kind(self) -> OrgKind {
        match self {
            Role::Behandlingssted => OrgKind::Behandlingssted,
            Role::Kommune => OrgKind::Kommune,
            Role::Hf => OrgKind::Hf,
            Role::Helfo | Role::HelfoAdmin => OrgKind::Helfo,
        }
    }

    /// Whether the role sees every organisation's data. Every other role
    /// sees only its own organisation's.
    pub const fn sees_all_organisations(self) -> bool {
        matches!(self, Role::Helfo | Role::HelfoAdmin)
    }

    /// The name shown to people, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            Role::Behandlingssted => "Behandlingssted",
            Role::Kommune => "Kommune",
            Role::Hf => "Helseforetak (økonomi)",
            Role::Helfo => "Saksbehandler i Helfo",
            Role::HelfoAdmin => "Administrator i Helfo",
        }
    }
}
