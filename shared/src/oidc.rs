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

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ids::{FnrContext, Fodselsnummer, HprNummer};
use crate::{Issue, IssueCode, Report};

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

/// The claims of an ID token frist reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IdClaims {
    /// The issuer.
    #[serde(default)]
    pub iss: String,
    /// The audience: a string or a list on the wire.
    #[serde(default, deserialize_with = "audience")]
    pub aud: Vec<String>,
    /// The authorized party, when the audience has several.
    #[serde(default)]
    pub azp: Option<String>,
    /// Expiry, seconds since the epoch.
    #[serde(default)]
    pub exp: Option<i64>,
    /// Time of issue, seconds since the epoch.
    #[serde(default)]
    pub iat: Option<i64>,
    /// The nonce frist sent with the request.
    #[serde(default)]
    pub nonce: Option<String>,
    /// The provider's subject identifier.
    #[serde(default)]
    pub sub: Option<String>,
    /// The authentication context (ID-porten's security level).
    #[serde(default)]
    pub acr: Option<String>,
    /// ID-porten's national identity number.
    #[serde(default)]
    pub pid: Option<String>,
    /// The provider's session id.
    #[serde(default)]
    pub sid: Option<String>,
    /// HelseID's HPR number.
    #[serde(
        rename = "helseid://claims/hpr/hpr_number",
        default,
        deserialize_with = "text"
    )]
    pub hpr: Option<String>,
    /// HelseID's national identity number.
    #[serde(rename = "helseid://claims/identity/pid", default)]
    pub helseid_pid: Option<String>,
    /// HelseID's security level (`"4"` for high).
    #[serde(
        rename = "helseid://claims/identity/security_level",
        default,
        deserialize_with = "text"
    )]
    pub security_level: Option<String>,
}

/// `aud` is a string or an array of strings (OpenID Connect Core 2).
fn audience<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => vec![s],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    })
}

/// A claim that may come as a string or a number (HPR numbers do both).
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.first().and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }),
        _ => None,
    })
}

/// What frist expects of one ID token.
#[derive(Debug, Clone)]
pub struct Expect<'a> {
    /// The provider the token came from.
    pub provider: Provider,
    /// Its issuer identifier.
    pub issuer: &'a str,
    /// frist's client id there.
    pub client_id: &'a str,
    /// The nonce frist sent.
    pub nonce: &'a str,
    /// The lowest level accepted, as the provider writes it.
    pub level: &'a str,
    /// Now, in seconds since the epoch.
    pub now_s: i64,
}

impl IdClaims {
    /// Every check of the module's header, in order; the first that fails
    /// is the answer.
    pub fn check(&self, expect: &Expect<'_>) -> Result<(), Refusal> {
        if self.iss != expect.issuer {
            return Err(Refusal::Issuer);
        }
        let audience_ok = self.aud.iter().any(|a| a == expect.client_id)
            && (self.aud.len() == 1 || self.azp.as_deref() == Some(expect.client_id));
        if !audience_ok {
            return Err(Refusal::Audience);
        }
        match self.exp {
            Some(exp) if exp + CLOCK_SKEW_S > expect.now_s => {}
            _ => return Err(Refusal::Expired),
        }
        match self.iat {
            Some(iat)
                if iat <= expect.now_s + CLOCK_SKEW_S
                    && iat >= expect.now_s - MAX_TOKEN_AGE_S - CLOCK_SKEW_S => {}
            _ => return Err(Refusal::IssuedAt),
        }
        if !constant_time_eq(self.nonce.as_deref().unwrap_or(""), expect.nonce)
            || expect.nonce.is_empty()
        {
            return Err(Refusal::Nonce);
        }
        let required = expect.provider.level_rank(expect.level).unwrap_or(u8::MAX);
        let level = match expect.provider {
            Provider::Helseid => self.security_level.as_deref(),
            Provider::Idporten => self.acr.as_deref(),
        };
        match level.and_then(|l| expect.provider.level_rank(l)) {
            Some(rank) if rank >= required => Ok(()),
            _ => Err(Refusal::Level),
        }
    }

    /// The identifiers that may link this person to a frist user, in the
    /// provider's order of strength (HPR number, national number, `sub`).
    pub fn identities(&self, provider: Provider) -> Vec<(LinkKind, String)> {
        provider
            .link_kinds()
            .iter()
            .filter_map(|kind| {
                let value = match (provider, kind) {
                    (Provider::Helseid, LinkKind::Hpr) => self.hpr.clone(),
                    (Provider::Helseid, LinkKind::Pid) => self.helseid_pid.clone(),
                    (Provider::Idporten, LinkKind::Pid) => self.pid.clone(),
                    (_, LinkKind::Sub) => self.sub.clone(),
                    _ => None,
                };
                let value = value
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())?;
                // Stored as an administrator's link stores it (HPR numbers
                // left-padded to nine digits).
                let value = match kind {
                    LinkKind::Hpr => value.parse::<HprNummer>().ok()?.as_str(),
                    _ => value,
                };
                Some((*kind, value))
            })
            .collect()
    }
}

/// Equality that takes as long for every string of the same length.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// An administrator's link of a person at a provider to a frist user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewIdentityLink {
    /// The wire name of a [`Provider`].
    pub provider: String,
    /// The wire name of a [`LinkKind`] the provider offers.
    pub kind: String,
    /// The HPR number, national identity number or `sub`.
    pub value: String,
}

/// The longest `sub` frist stores.
pub const SUB_MAX: usize = 255;

impl NewIdentityLink {
    /// Every problem with the form, and the link as stored when there is
    /// none: an HPR number left-padded to nine digits, a national number
    /// as its eleven digits, a `sub` trimmed.
    pub fn check(&self, fnr: &FnrContext) -> Result<(Provider, LinkKind, String), Report> {
        let mut report = Report::new();
        let provider = one_of::<Provider>(&mut report, "provider", &self.provider);
        let kind = one_of::<LinkKind>(&mut report, "kind", &self.kind);
        if let (Some(p), Some(k)) = (provider, kind)
            && !p.link_kinds().contains(&k)
        {
            let allowed: Vec<&'static str> = p.link_kinds().iter().map(|k| (*k).into()).collect();
            report.push(
                Issue::error("kind", IssueCode::NotOneOf).with("allowed", &*allowed.join(", ")),
            );
        }
        let value = self.value.trim();
        let stored = match kind {
            _ if value.is_empty() => {
                report.push(Issue::error("value", IssueCode::Required));
                None
            }
            Some(LinkKind::Hpr) => value
                .parse::<HprNummer>()
                .map_err(|e| report.push(Issue::from_id_error("value", e)))
                .ok()
                .map(|h| h.as_str()),
            Some(LinkKind::Pid) => Fodselsnummer::parse(value, fnr)
                .map_err(|e| report.push(Issue::from_id_error("value", e)))
                .ok()
                .map(|n| n.as_str()),
            Some(LinkKind::Sub) if value.chars().count() > SUB_MAX => {
                report.push(Issue::error("value", IssueCode::TooLong).with("max", SUB_MAX));
                None
            }
            Some(LinkKind::Sub) => Some(value.to_owned()),
            None => None,
        };
        match (provider, kind, stored) {
            (Some(p), Some(k), Some(v)) if !report.has_errors() => Ok((p, k, v)),
            _ => Err(report),
        }
    }
}

/// How a link's value is shown in lists: a national number masked (ID-3),
/// anything else as it is.
pub fn shown_value(kind: LinkKind, stored: &str) -> String {
    match kind {
        LinkKind::Pid => format!("{} *****", stored.chars().take(6).collect::<String>()),
        _ => stored.to_owned(),
    }
}

/// One link, as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityLinkView {
    /// The link's id.
    pub id: String,
    /// The user it lets the person in as.
    pub user_id: String,
    /// The provider.
    pub provider: Provider,
    /// What the person is recognised by.
    pub kind: LinkKind,
    /// The value, a national number masked.
    pub shown: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
}

/// A provider the login page offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderView {
    /// The provider.
    pub id: Provider,
    /// Its name on the button.
    pub name: String,
}

/// What the login page offers: the configured providers, and whether
/// e-mail and password are accepted (always in local mode; in production
/// only when a setting turns it on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginOptions {
    /// The providers configured here.
    pub providers: Vec<ProviderView>,
    /// Whether e-mail and password are accepted.
    pub password: bool,
}

fn one_of<T>(report: &mut Report, path: &str, value: &str) -> Option<T>
where
    T: std::str::FromStr + strum::IntoEnumIterator + Into<&'static str>,
{
    if value.trim().is_empty() {
        report.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    value.trim().parse::<T>().ok().or_else(|| {
        let allowed: Vec<&'static str> = T::iter().map(Into::into).collect();
        report.push(Issue::error(path, IssueCode::NotOneOf).with("allowed", &*allowed.join(", ")));
        None
    })
}

/// The signature algorithms frist verifies (RFC 7518 names).
pub const ACCEPTED_ALGS: &[&str] = &["ES256", "RS256", "PS256"];

/// The three parts of a compact JWS.
#[derive(Debug, Clone)]
pub struct Jws<'a> {
    /// The protected header, decoded.
    pub header: JwsHeader,
    /// `header.payload`, the bytes the signature covers.
    pub signing_input: &'a str,
    /// The payload, still base64url.
    pub payload_b64: &'a str,
    /// The signature, still base64url.
    pub signature_b64: &'a str,
}

/// The header fields frist reads.
#[derive(Debug, Clone, Deserialize)]
pub struct JwsHeader {
    /// The signature algorithm.
    pub alg: String,
    /// The id of the key that signed.
    #[serde(default)]
    pub kid: Option<String>,
}

/// Splits a compact JWS; `decode` turns base64url into bytes (the caller's
/// base64 crate). Refuses `alg: none` and anything not in [`ACCEPTED_ALGS`].
pub fn split_jws<'a>(
    token: &'a str,
    decode: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<Jws<'a>, Refusal> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    let header: JwsHeader = decode(h)
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or(Refusal::Malformed)?;
    if !ACCEPTED_ALGS.contains(&header.alg.as_str()) || s.is_empty() {
        return Err(Refusal::Malformed);
    }
    Ok(Jws {
        header,
        signing_input: &token[..h.len() + 1 + p.len()],
        payload_b64: p,
        signature_b64: s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> IdClaims {
        IdClaims {
            iss: "https://helseid-sts.test.nhn.no".into(),
            aud: vec!["frist".into()],
            exp: Some(1_000_300),
            iat: Some(1_000_000),
            nonce: Some("n-1".into()),
            sub: Some("s-1".into()),
            hpr: Some("9144889".into()),
            security_level: Some("4".into()),
            ..IdClaims::default()
        }
    }

    fn expect() -> Expect<'static> {
        Expect {
            provider: Provider::Helseid,
            issuer: "https://helseid-sts.test.nhn.no",
            client_id: "frist",
            nonce: "n-1",
            level: "4",
            now_s: 1_000_010,
        }
    }

    #[test]
    fn a_good_token_passes_and_names_its_person_strongest_first() {
        assert_eq!(claims().check(&expect()), Ok(()));
        let ids = claims().identities(Provider::Helseid);
        assert_eq!(ids[0], (LinkKind::Hpr, "009144889".into()));
        assert_eq!(ids[1], (LinkKind::Sub, "s-1".into()));
    }

    #[test]
    fn each_claim_has_its_own_refusal() {
        type Change = Box<dyn Fn(&mut IdClaims)>;
        let cases: Vec<(Change, Refusal)> = vec![
            (Box::new(|c| c.iss = "https://evil".into()), Refusal::Issuer),
            (
                Box::new(|c| c.aud = vec!["other".into()]),
                Refusal::Audience,
            ),
            (
                Box::new(|c| c.aud = vec!["frist".into(), "other".into()]),
                Refusal::Audience,
            ),
            (
                Box::new(|c| c.exp = Some(1_000_010 - CLOCK_SKEW_S - 1)),
                Refusal::Expired,
            ),
            (Box::new(|c| c.exp = None), Refusal::Expired),
            (
                Box::new(|c| c.iat = Some(1_000_010 + CLOCK_SKEW_S + 5)),
                Refusal::IssuedAt,
            ),
            (
                Box::new(|c| c.iat = Some(1_000_010 - MAX_TOKEN_AGE_S - CLOCK_SKEW_S - 1)),
                Refusal::IssuedAt,
            ),
            (Box::new(|c| c.nonce = Some("n-2".into())), Refusal::Nonce),
            (Box::new(|c| c.nonce = None), Refusal::Nonce),
            (
                Box::new(|c| c.security_level = Some("3".into())),
                Refusal::Level,
            ),
            (Box::new(|c| c.security_level = None), Refusal::Level),
        ];
        for (change, refusal) in cases {
            let mut c = claims();
            change(&mut c);
            assert_eq!(c.check(&expect()), Err(refusal), "{c:?}");
        }
        let mut several = claims();
        several.aud = vec!["frist".into(), "other".into()];
        several.azp = Some("frist".into());
        assert_eq!(several.check(&expect()), Ok(()));
    }

    #[test]
    fn id_porten_levels_are_ranked_and_substantial_is_below_high() {
        let p = Provider::Idporten;
        let mut c = claims();
        c.security_level = None;
        c.acr = Some("idporten-loa-substantial".into());
        let e = Expect {
            provider: p,
            level: "idporten-loa-high",
            ..expect()
        };
        assert_eq!(c.check(&e), Err(Refusal::Level));
        c.acr = Some("idporten-loa-high".into());
        assert_eq!(c.check(&e), Ok(()));
        let low_ok = Expect {
            level: "idporten-loa-substantial",
            ..e
        };
        c.acr = Some("idporten-loa-substantial".into());
        assert_eq!(c.check(&low_ok), Ok(()));
        c.pid = Some("15838540063".into());
        assert_eq!(c.identities(p)[0], (LinkKind::Pid, "15838540063".into()));
    }

    #[test]
    fn claims_parse_from_either_shape() {
        let c: IdClaims = serde_json::from_str(
            r#"{"iss":"i","aud":"frist","helseid://claims/hpr/hpr_number":9144889,
                "helseid://claims/identity/security_level":"4"}"#,
        )
        .unwrap();
        assert_eq!(c.aud, vec!["frist".to_owned()]);
        assert_eq!(c.hpr.as_deref(), Some("9144889"));
        assert_eq!(c.security_level.as_deref(), Some("4"));
    }

    #[test]
    fn a_link_is_checked_and_stored_in_one_form() {
        let ctx = FnrContext {
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            allow_synthetic: true,
        };
        let link = |p: &str, k: &str, v: &str| NewIdentityLink {
            provider: p.into(),
            kind: k.into(),
            value: v.into(),
        };
        assert_eq!(
            link("helseid", "hpr", "9144889").check(&ctx),
            Ok((Provider::Helseid, LinkKind::Hpr, "009144889".into()))
        );
        assert_eq!(
            link("idporten", "pid", "158385 40063").check(&ctx),
            Ok((Provider::Idporten, LinkKind::Pid, "15838540063".into()))
        );
        let codes = |l: NewIdentityLink| -> Vec<(String, IssueCode)> {
            l.check(&ctx)
                .unwrap_err()
                .issues
                .iter()
                .map(|i| (i.path.clone(), i.code))
                .collect()
        };
        assert_eq!(
            codes(link("idporten", "hpr", "9144889")),
            [("kind".into(), IssueCode::NotOneOf)]
        );
        assert_eq!(
            codes(link("feide", "sub", "x")),
            [("provider".into(), IssueCode::NotOneOf)]
        );
        assert_eq!(
            codes(link("idporten", "pid", "15838540064")),
            [("value".into(), IssueCode::IdBadCheckDigit)]
        );
        assert_eq!(
            codes(link("helseid", "sub", " ")),
            [("value".into(), IssueCode::Required)]
        );
        let real_only = FnrContext {
            allow_synthetic: false,
            ..ctx
        };
        assert!(
            link("idporten", "pid", "15838540063")
                .check(&real_only)
                .is_err()
        );
        assert_eq!(shown_value(LinkKind::Pid, "15838540063"), "158385 *****");
    }

    #[test]
    fn a_jws_must_have_three_parts_and_an_accepted_algorithm() {
        let decode = |s: &str| Some(s.as_bytes().to_vec());
        let ok = split_jws(r#"{"alg":"ES256","kid":"k"}.p.s"#, decode).unwrap();
        assert_eq!(ok.header.kid.as_deref(), Some("k"));
        assert_eq!(ok.signing_input, r#"{"alg":"ES256","kid":"k"}.p"#);
        for bad in [
            r#"{"alg":"none"}.p.s"#,
            r#"{"alg":"HS256"}.p.s"#,
            r#"{"alg":"ES256"}.p."#,
            r#"{"alg":"ES256"}.p"#,
            r#"{"alg":"ES256"}.p.s.x"#,
            "garbage",
        ] {
            assert_eq!(
                split_jws(bad, decode).err(),
                Some(Refusal::Malformed),
                "{bad}"
            );
        }
    }
}
