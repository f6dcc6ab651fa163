//! Who may do what: organisation kinds, roles, the checks on new
//! organisations and users, the session clock and the login throttle.
//!
//! The edge enforces all of it; the app runs the same checks while an
//! administrator types. Nothing here reads the clock: times are Unix
//! milliseconds passed in by the caller.

use serde::{Deserialize, Serialize};

use crate::ids::{Epost, Organisasjonsnummer};
use crate::validation::{Issue, IssueCode, Report};

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

/// The longest name of an organisation or a person.
pub const NAME_MAX: usize = 120;
/// The longest e-mail address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// The shortest password. NIST SP 800-63B asks for at least 8; frist asks
/// for 12 because these accounts reach health data.
pub const PASSWORD_MIN: usize = 12;
/// The longest password (keeps the hashing cost bounded).
pub const PASSWORD_MAX: usize = 128;

/// A new organisation, as an administrator submits it. Missing fields read
/// as empty so they are reported as `required`; unknown fields are refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewOrganisation {
    pub name: String,
    pub orgnr: String,
    /// The wire name of an [`OrgKind`]; checked by [`NewOrganisation::validate`].
    pub kind: String,
}

impl NewOrganisation {
    /// Every problem with the form, field by field.
    pub fn validate(&self) -> Report {
        let mut report = Report::new();
        check_name(&mut report, "name", &self.name);
        if self.orgnr.trim().is_empty() {
            report.push(Issue::error("orgnr", IssueCode::Required));
        } else if let Err(e) = Organisasjonsnummer::validate(&self.orgnr) {
            report.push(Issue::from_id_error("orgnr", e));
        }
        crate::fields::one_of::<OrgKind>(&mut report, "kind", &self.kind);
        report
    }

    /// The kind, once [`NewOrganisation::validate`] found no error.
    pub fn org_kind(&self) -> Option<OrgKind> {
        self.kind.parse().ok()
    }
}

/// A new user, as an administrator submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewUser {
    pub name: String,
    pub email: String,
    /// The wire name of a [`Role`].
    pub role: String,
    pub organisation_id: String,
    /// The first password, which the administrator hands over.
    pub password: String,
}

impl NewUser {
    /// Every problem with the form. `org_kind` is the kind of the chosen
    /// organisation, or `None` when it does not exist (or is not visible).
    pub fn validate(&self, org_kind: Option<OrgKind>) -> Report {
        let mut report = Report::new();
        check_name(&mut report, "name", &self.name);
        check_email(&mut report, "email", &self.email);
        let role = crate::fields::one_of::<Role>(&mut report, "role", &self.role);
        if self.organisation_id.trim().is_empty() {
            report.push(Issue::error("organisation_id", IssueCode::Required));
        } else {
            match (org_kind, role) {
                (None, _) => report.push(Issue::error("organisation_id", IssueCode::NotFound)),
                (Some(kind), Some(role)) if role.org_kind() != kind => report.push(
                    Issue::error("role", IssueCode::RoleNotForOrgKind)
                        .with("role", role.name_nb())
                        .with("kind", kind.name_nb()),
                ),
                _ => {}
            }
        }
        check_password(&mut report, "password", &self.password, &self.email);
        report
    }
}

/// An e-mail address as stored and compared: trimmed and lower-cased.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A name of a person or an organisation: required, at most [`NAME_MAX`].
pub(crate) fn check_name(report: &mut Report, path: &str, name: &str) {
    let n = name.trim().chars().count();
    if n == 0 {
        report.push(Issue::error(path, IssueCode::Required));
    } else if n > NAME_MAX {
        report.push(Issue::error(path, IssueCode::TooLong).with("max", NAME_MAX));
    }
}

fn check_email(report: &mut Report, path: &str, email: &str) {
    if email.trim().is_empty() {
        report.push(Issue::error(path, IssueCode::Required));
    } else if email.trim().len() > EMAIL_MAX {
        report.push(Issue::error(path, IssueCode::TooLong).with("max", EMAIL_MAX));
    } else if let Err(e) = Epost::validate(email) {
        report.push(Issue::from_id_error(path, e));
    }
}

/// Checks a new password: long enough, not too long, not the e-mail address.
pub fn check_password(report: &mut Report, path: &str, password: &str, email: &str) {
    let n = password.chars().count();
    if n == 0 {
        report.push(Issue::error(path, IssueCode::Required));
    } else if n < PASSWORD_MIN {
        report.push(Issue::error(path, IssueCode::PasswordTooShort).with("min", PASSWORD_MIN));
    } else if n > PASSWORD_MAX {
        report.push(Issue::error(path, IssueCode::TooLong).with("max", PASSWORD_MAX));
    } else if !email.trim().is_empty() && normalise_email(password) == normalise_email(email) {
        report.push(Issue::error(path, IssueCode::PasswordIsEmail));
    }
}

/// How long a session lives: it ends after `idle_ms` without a request, and
/// after `absolute_ms` whatever happens (ASVS 7.3.1, 7.3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPolicy {
    pub idle_ms: i64,
    pub absolute_ms: i64,
}

impl SessionPolicy {
    /// 30 minutes idle, 10 hours in all: one working day.
    pub const DEFAULT: SessionPolicy = SessionPolicy {
        idle_ms: 30 * 60 * 1000,
        absolute_ms: 10 * 60 * 60 * 1000,
    };

    /// The state of a session created at `created` and last used at
    /// `last_seen`, at `now`.
    pub fn status(&self, created: i64, last_seen: i64, now: i64) -> SessionStatus {
        let absolute_end = created.saturating_add(self.absolute_ms);
        let idle_end = last_seen.saturating_add(self.idle_ms);
        if now >= absolute_end {
            SessionStatus::Expired(ExpiryReason::Absolute)
        } else if now >= idle_end {
            SessionStatus::Expired(ExpiryReason::Idle)
        } else {
            SessionStatus::Active {
                expires_at: idle_end.min(absolute_end),
            }
        }
    }

    /// When a session used at `now` expires if nothing more happens.
    pub fn expires_at(&self, created: i64, now: i64) -> i64 {
        now.saturating_add(self.idle_ms)
            .min(created.saturating_add(self.absolute_ms))
    }
}

/// Whether a session may still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStatus {
    /// Usable until `expires_at` (Unix ms) unless used again.
    Active {
        expires_at: i64,
    },
    Expired(ExpiryReason),
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ExpiryReason {
    Idle,
    Absolute,
}

/// Failed logins allowed before the account or the client must wait
/// (ASVS 2.4.1 anti-automation; NIST 800-63B §5.2.2 allows up to 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginThrottle {
    /// Failures per account within the window before it is locked.
    pub per_account: u32,
    /// Failures per client within the window before it is locked.
    pub per_client: u32,
    /// The window, in milliseconds.
    pub window_ms: i64,
}

impl LoginThrottle {
    /// 5 per account and 20 per client in 15 minutes.
    pub const DEFAULT: LoginThrottle = LoginThrottle {
        per_account: 5,
        per_client: 20,
        window_ms: 15 * 60 * 1000,
    };

    /// Whether a login may be tried, given the failures within the window
    /// (for the account and for the client) and the oldest of each.
    pub fn verdict(&self, account: Failures, client: Failures, now: i64) -> Throttle {
        let wait = |f: Failures, limit: u32| {
            (f.count >= limit).then(|| (f.oldest.saturating_add(self.window_ms) - now).max(1000))
        };
        match (
            wait(account, self.per_account),
            wait(client, self.per_client),
        ) {
            (None, None) => Throttle::Allowed,
            (a, c) => Throttle::Locked {
                retry_after_ms: a.unwrap_or(0).max(c.unwrap_or(0)),
            },
        }
    }
}

/// Failed logins within the window: how many, and when the oldest was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Failures {
    pub count: u32,
    pub oldest: i64,
}

/// Whether a login attempt is let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    Allowed,
    Locked { retry_after_ms: i64 },
}

/// Minutes to wait, rounded up, for a message to the user.
pub fn minutes_to_wait(retry_after_ms: i64) -> i64 {
    (retry_after_ms.max(0) + 59_999) / 60_000
}

/// A stored password hash: PBKDF2-HMAC-SHA256 with a random salt, written
/// `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`. The edge computes it
/// with WebCrypto (whose Workers implementation allows at most
/// [`PBKDF2_ITERATIONS`] iterations); the CLI computes the very same value
/// natively for seed data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
}

/// PBKDF2 iterations: the most Cloudflare Workers' WebCrypto accepts.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
/// Salt length in bytes.
pub const SALT_LEN: usize = 16;
/// Derived key length in bytes.
pub const HASH_LEN: usize = 32;

impl PasswordHash {
    /// Reads the stored form; `None` if it is not one frist wrote.
    pub fn parse(stored: &str) -> Option<PasswordHash> {
        let mut parts = stored.split('$');
        let (Some("pbkdf2-sha256"), Some(iter), Some(salt), Some(hash), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let iterations = iter
            .parse()
            .ok()
            .filter(|n| (1..=PBKDF2_ITERATIONS).contains(n))?;
        Some(PasswordHash {
            iterations,
            salt: from_hex(salt)?,
            hash: from_hex(hash).filter(|h| h.len() == HASH_LEN)?,
        })
    }
}

impl std::fmt::Display for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pbkdf2-sha256${}$", self.iterations)?;
        for b in &self.salt {
            write!(f, "{b:02x}")?;
        }
        f.write_str("$")?;
        for b in &self.hash {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if text.is_empty() || !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> NewUser {
        NewUser {
            name: "Kari Nordmann".into(),
            email: "kari@lillehammer.kommune.no".into(),
            role: "kommune".into(),
            organisation_id: "o_lillehammer".into(),
            password: "lang-nok-passord".into(),
        }
    }

    #[test]
    fn a_complete_user_for_the_right_kind_of_organisation_is_accepted() {
        assert!(user().validate(Some(OrgKind::Kommune)).is_empty());
    }

    #[test]
    fn a_role_must_fit_the_kind_of_organisation() {
        let r = user().validate(Some(OrgKind::Hf));
        let issue = r.at("role").next().expect("role issue");
        assert_eq!(issue.code, IssueCode::RoleNotForOrgKind);
        // Helfo administrators belong to Helfo only.
        let mut admin = user();
        admin.role = "helfo_admin".into();
        assert!(admin.validate(Some(OrgKind::Helfo)).is_empty());
        assert!(admin.validate(Some(OrgKind::Kommune)).has_errors());
    }

    #[test]
    fn unknown_roles_name_the_allowed_ones() {
        let mut u = user();
        u.role = "superuser".into();
        let r = u.validate(Some(OrgKind::Kommune));
        let issue = r.at("role").next().unwrap();
        assert_eq!(issue.code, IssueCode::NotOneOf);
        assert_eq!(
            issue.params["allowed"],
            crate::Param::Text("behandlingssted, kommune, hf, helfo, helfo_admin".into())
        );
    }

    #[test]
    fn passwords_must_be_long_and_not_the_address() {
        let mut u = user();
        u.password = "kort".into();
        assert_eq!(
            u.validate(Some(OrgKind::Kommune)).issues[0].code,
            IssueCode::PasswordTooShort
        );
        u.password = "KARI@lillehammer.kommune.no".into();
        assert_eq!(
            u.validate(Some(OrgKind::Kommune)).issues[0].code,
            IssueCode::PasswordIsEmail
        );
        u.password = "x".repeat(PASSWORD_MAX + 1);
        assert_eq!(
            u.validate(Some(OrgKind::Kommune)).issues[0].code,
            IssueCode::TooLong
        );
    }

    #[test]
    fn a_missing_organisation_is_reported_at_its_field() {
        let r = user().validate(None);
        assert_eq!(
            r.at("organisation_id").next().unwrap().code,
            IssueCode::NotFound
        );
    }

    #[test]
    fn organisations_need_a_valid_orgnr_and_a_known_kind() {
        let ok = NewOrganisation {
            name: "Lillehammer kommune".into(),
            orgnr: "945 578 564".into(),
            kind: "kommune".into(),
        };
        assert!(ok.validate().is_empty(), "{:?}", ok.validate());
        let bad = NewOrganisation {
            name: " ".into(),
            orgnr: "945578565".into(),
            kind: "bank".into(),
        };
        let r = bad.validate();
        assert_eq!(r.at("name").next().unwrap().code, IssueCode::Required);
        assert_eq!(
            r.at("orgnr").next().unwrap().code,
            IssueCode::IdBadCheckDigit
        );
        assert_eq!(r.at("kind").next().unwrap().code, IssueCode::NotOneOf);
    }

    #[test]
    fn password_hashes_round_trip_and_refuse_other_formats() {
        let h = PasswordHash {
            iterations: PBKDF2_ITERATIONS,
            salt: vec![0xab; SALT_LEN],
            hash: vec![0x01; HASH_LEN],
        };
        let text = h.to_string();
        assert!(text.starts_with("pbkdf2-sha256$100000$abab"));
        assert_eq!(PasswordHash::parse(&text), Some(h));
        assert_eq!(PasswordHash::parse("bcrypt$10$x$y"), None);
        assert_eq!(PasswordHash::parse("pbkdf2-sha256$100001$ab$01"), None);
        assert_eq!(PasswordHash::parse("pbkdf2-sha256$1000$zz$01"), None);
    }

    const MIN: i64 = 60_000;

    #[test]
    fn sessions_end_after_idle_time_and_after_absolute_time() {
        let p = SessionPolicy::DEFAULT;
        let t0 = 1_790_000_000_000;
        assert_eq!(
            p.status(t0, t0 + 10 * MIN, t0 + 39 * MIN),
            SessionStatus::Active {
                expires_at: t0 + 40 * MIN
            }
        );
        assert_eq!(
            p.status(t0, t0 + 10 * MIN, t0 + 40 * MIN),
            SessionStatus::Expired(ExpiryReason::Idle)
        );
        // Kept busy all day, it still ends after ten hours.
        let busy = t0 + 10 * 60 * MIN - 1;
        assert_eq!(
            p.status(t0, busy, busy),
            SessionStatus::Active {
                expires_at: t0 + 10 * 60 * MIN
            }
        );
        assert_eq!(
            p.status(t0, busy, busy + 1),
            SessionStatus::Expired(ExpiryReason::Absolute)
        );
    }

    #[test]
    fn the_throttle_locks_an_account_after_five_failures_for_the_rest_of_the_window() {
        let t = LoginThrottle::DEFAULT;
        let now = 1_790_000_000_000;
        let four = Failures {
            count: 4,
            oldest: now - 5 * MIN,
        };
        assert_eq!(t.verdict(four, four, now), Throttle::Allowed);
        let five = Failures { count: 5, ..four };
        assert_eq!(
            t.verdict(five, five, now),
            Throttle::Locked {
                retry_after_ms: 10 * MIN
            }
        );
        assert_eq!(minutes_to_wait(10 * MIN), 10);
        assert_eq!(minutes_to_wait(10 * MIN + 1), 11);
        // The client limit is separate and higher.
        let client = Failures {
            count: 20,
            oldest: now - 14 * MIN,
        };
        assert_eq!(
            t.verdict(Failures::default(), client, now),
            Throttle::Locked {
                retry_after_ms: MIN
            }
        );
    }
}
