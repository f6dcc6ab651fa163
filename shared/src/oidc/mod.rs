//! Sign-in through HelseID and ID-porten (OpenID Connect): what an ID token
//! must say before frist lets its person in, and which of its claims name
//! the person. No I/O and no clock: the edge fetches, verifies the
//! signature with WebCrypto, and hands the decoded claims here with `now`.
//!
//! What is checked, in this order, each with its own [`Refusal`]: the
//! issuer (`iss`), the audience (`aud`, and `azp` when there are several),
//! expiry (`exp`), the time of issue (`iat`, not in the future and not
//! older than [`MAX_TOKEN_AGE_S`]), the `nonce` frist sent, and the security
//! level (HelseID's `security_level` claim, ID-porten's `acr`).

mod claims;
mod jws;
mod links;

pub use claims::{Expect, IdClaims};
pub use jws::{ACCEPTED_ALGS, Jws, JwsHeader, split_jws};
pub use links::{
    IdentityLinkView, LoginOptions, NewIdentityLink, ProviderView, SUB_MAX, shown_value,
};

crate::named_enum! {
    /// An identity provider frist can be configured for.
    pub enum Provider {
        /// HelseID (Norsk helsenett): health personnel, hospitals, health trusts.
        Helseid,
        /// ID-porten (Digdir): municipal clerks and Helfo's own staff.
        Idporten,
    }
}

crate::named_enum! {
    /// What links a signed-in person to a frist user.
    pub enum LinkKind {
        /// The person's number in Helsepersonellregisteret (HelseID).
        Hpr,
        /// The person's national identity number (`pid`).
        Pid,
        /// The provider's own stable subject identifier (`sub`).
        Sub,
    }
}

crate::named_enum! {
    /// Why a sign-in was refused: the code the login page shows a text for
    /// and the audit trail records. Never carries personal data.
    pub enum Refusal {
        /// The provider is not configured here.
        UnknownProvider,
        /// The provider could not be reached or answered nonsense.
        ProviderUnavailable,
        /// The person cancelled at the provider, or it answered with an error.
        ProviderError,
        /// `state` unknown, already used, expired, or not this browser's.
        State,
        /// The provider refused to exchange the code (replayed, expired,
        /// or the PKCE verifier did not match).
        CodeRefused,
        /// The ID token is not a well-formed JWS, or uses an algorithm
        /// frist does not accept.
        Malformed,
        /// The token's key id is not in the provider's key set, even after
        /// fetching it again.
        UnknownKey,
        /// The signature does not verify with the provider's key.
        Signature,
        /// `iss` is not the configured issuer.
        Issuer,
        /// `aud`/`azp` does not name frist's client.
        Audience,
        /// The token has expired.
        Expired,
        /// `iat` is in the future or too long ago.
        IssuedAt,
        /// `nonce` missing or not the one sent.
        Nonce,
        /// The security level is below what frist requires.
        Level,
        /// No claim that names the person (HPR number, `pid`, `sub`).
        NoIdentity,
        /// No administrator has linked this person to a frist user, or the
        /// user is deactivated.
        NotLinked,
    }
}

/// The clock difference tolerated between frist and the provider.
pub const CLOCK_SKEW_S: i64 = 120;
/// An ID token older than this is refused even if not yet expired.
pub const MAX_TOKEN_AGE_S: i64 = 600;
/// How long a started sign-in may take (state, nonce and verifier are kept
/// this long, then forgotten).
pub const LOGIN_TTL_MS: i64 = 10 * 60 * 1000;

/// The HelseID claim with the HPR number.
pub const HELSEID_HPR: &str = "helseid://claims/hpr/hpr_number";
/// The HelseID claim with the person's national identity number.
pub const HELSEID_PID: &str = "helseid://claims/identity/pid";
/// The HelseID claim with the security level (`"4"` for high).
pub const HELSEID_LEVEL: &str = "helseid://claims/identity/security_level";

impl Provider {
    /// The name shown on the login button.
    pub const fn display_name(self) -> &'static str {
        match self {
            Provider::Helseid => "HelseID",
            Provider::Idporten => "ID-porten",
        }
    }

    /// The scopes asked for unless settings say otherwise.
    pub const fn default_scopes(self) -> &'static str {
        match self {
            Provider::Helseid => {
                "openid profile helseid://scopes/identity/pid \
                 helseid://scopes/identity/security_level helseid://scopes/hpr/hpr_number"
            }
            Provider::Idporten => "openid profile",
        }
    }

    /// The lowest level frist accepts unless settings say otherwise:
    /// access to health information needs the high level (Normen's
    /// security level 4; ID-porten's `idporten-loa-high`).
    pub const fn default_level(self) -> &'static str {
        match self {
            Provider::Helseid => "4",
            Provider::Idporten => "idporten-loa-high",
        }
    }

    /// The `acr_values` to ask for, if the provider takes them.
    pub fn acr_values(self, level: &str) -> Option<&str> {
        (self == Provider::Idporten).then_some(level)
    }

    /// The kinds of link this provider's tokens can satisfy, strongest first.
    pub const fn link_kinds(self) -> &'static [LinkKind] {
        match self {
            Provider::Helseid => &[LinkKind::Hpr, LinkKind::Pid, LinkKind::Sub],
            Provider::Idporten => &[LinkKind::Pid, LinkKind::Sub],
        }
    }

    /// The rank of a level as this provider writes it (higher is stronger),
    /// or `None` if it is not one it uses.
    pub fn level_rank(self, level: &str) -> Option<u8> {
        match self {
            Provider::Helseid => level
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=4).contains(n)),
            Provider::Idporten => match level {
                "idporten-loa-low" => Some(2),
                "idporten-loa-substantial" | "Level3" | "level3" => Some(3),
                "idporten-loa-high" | "Level4" | "level4" => Some(4),
                _ => None,
            },
        }
    }
}
