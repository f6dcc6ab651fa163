//! The administrator's forms: a new organisation, a new user, and the
//! checks on names, addresses and passwords they share with other forms.

use serde::{Deserialize, Serialize};

use super::{OrgKind, Role};
use crate::ids::{Epost, Organisasjonsnummer};
use crate::validation::{Issue, IssueCode, Report};

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
    /// The organisation's name.
    pub name: String,
    /// Its organisasjonsnummer, as typed (ID-3).
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
    /// The person's name.
    pub name: String,
    /// Their e-mail address, which they log in with.
    pub email: String,
    /// The wire name of a [`Role`].
    pub role: String,
    /// The organisation they belong to.
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

/// An e-mail address: required, at most [`EMAIL_MAX`], and well formed.
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
}
