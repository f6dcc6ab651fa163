//! Organisations and users as administrators see and change them.

use serde::{Deserialize, Serialize};

use crate::access::{OrgKind, Role, check_password};
use crate::validation::{Issue, IssueCode, Report};

/// An organisation as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    /// Its id, `o_…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its organisasjonsnummer, nine digits.
    pub orgnr: String,
    /// What kind of organisation it is, which decides its users' roles.
    pub kind: OrgKind,
    /// FK-9: the account refunds are paid to, as the RHF has set it.
    #[serde(default)]
    pub payout_account: Option<String>,
    /// When it was made (ISO 8601, UTC).
    pub created_at: String,
}

/// `PUT /api/v1/organisations/:id/payout-account` (administrators): FK-9,
/// the account the RHF has set for the health trust's refunds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PayoutAccountForm {
    /// The kontonummer as typed (ID-5).
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
    /// Their id, `u_…`.
    pub id: String,
    /// Their name.
    pub name: String,
    /// The address they log in with, lower-cased.
    pub email: String,
    /// What they may do.
    pub role: Role,
    /// The organisation they belong to.
    pub organisation_id: String,
    /// Whether they may log in; deactivated users keep their history.
    pub active: bool,
    /// The object version, for `ETag` and `If-Match`.
    pub version: i64,
    /// When the user was made (ISO 8601, UTC).
    pub created_at: String,
}

/// out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserPatch {
    /// A new name.
    pub name: Option<String>,
    /// `false` deactivates the user and ends their sessions and tokens.
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
