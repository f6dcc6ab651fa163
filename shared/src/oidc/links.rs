//! An administrator's links from a person at a provider to a frist user,
//! and what the login page offers.

use serde::{Deserialize, Serialize};

use super::{LinkKind, Provider};
use crate::fields;
use crate::ids::{FnrContext, Fodselsnummer, HprNummer};
use crate::{Issue, IssueCode, Report};

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
        let provider = fields::one_of::<Provider>(&mut report, "provider", self.provider.trim());
        let kind = fields::one_of::<LinkKind>(&mut report, "kind", self.kind.trim());
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
