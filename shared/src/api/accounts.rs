//! Organisations and users as administrators see and change them.

use serde::{Deserialize, Serialize};

use crate::access::{OrgKind, Role, check_password};
use crate::validation::{Issue, IssueCode, Report};

/// An organisation as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub id: String,
    pub name: String,
    pub orgnr: String,
    pub kind: OrgKind,
    /// FK-9: the account refunds are paid to, as the RHF has set it.
    #[serde(default)]
    pub payout_account: Option<String>,
    pub created_at: String,
}

/// `PUT /api/v1/organisations/:id/payout-account` (administrators): FK-9,
/// the account the RHF has set for the health trust's refunds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PayoutAccountForm {
    pub account: String,
}

impl PayoutAccountForm {
    /// The account as stored (11 digits), or what is wrong with it (ID-5).
    ///
    /// ```
    /// use frist_domain::api::PayoutAccountForm;
    /// let form = PayoutAccountForm { account: "8601 11 17947".into() };
    /// assert_eq!(form.check().unwrap(), "86011117947");
    /// ```
    pub fn check(&self) -> Result<String, Report> {
        if self.account.trim().is_empty() {
            return Err(Report::of(Issue::error("account", IssueCode::Required)));
        }
        self.account
            .parse::<crate::ids::Kontonummer>()
            .map(|k| k.as_str())
            .map_err(|e| Report::of(Issue::from_id_error("account", e)))
    }
}

/// A user as the API shows it. `version` is the object version that
/// `If-Match` must name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub organisation_id: String,
    pub active: bool,
    pub version: i64,
    pub created_at: String,
}

/// out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserPatch {
    pub name: Option<String>,
    pub active: Option<bool>,
    /// A new password (a reset); ends the user's sessions.
    pub password: Option<String>,
}

impl UserPatch {
    /// Every problem with the change; `email` is the user's address.
    pub fn validate(&self, email: &str) -> Report {
        let mut report = Report::new();
        if let Some(name) = &self.name {
            crate::access::check_name(&mut report, "name", name);
        }
        if let Some(pw) = &self.password {
            check_password(&mut report, "password", pw, email);
        }
        report
    }

    /// Whether the change asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.active.is_none() && self.password.is_none()
    }
}
