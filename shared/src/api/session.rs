//! Logging in, and the session as the app sees it.

use serde::{Deserialize, Serialize};

use super::{OrganisationView, UserView};
use crate::validation::{Issue, IssueCode, Report};

/// `POST /api/v1/session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoginRequest {
    /// The address the user logs in with.
    pub email: String,
    /// Their password.
    pub password: String,
}

impl LoginRequest {
    /// Only that both are given; whether they are right is the edge's
    /// business, and it never says which one was wrong.
    pub fn validate(&self) -> Report {
        let mut report = Report::new();
        if self.email.trim().is_empty() {
            report.push(Issue::error("email", IssueCode::Required));
        }
        if self.password.is_empty() {
            report.push(Issue::error("password", IssueCode::Required));
        }
        report
    }
}

/// `GET /api/v1/session`: who is logged in, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Who is logged in.
    pub user: UserView,
    /// Their organisation.
    pub organisation: OrganisationView,
    /// When the session ends unless used again (Unix ms).
    pub expires_at: i64,
    /// When the session ends whatever happens (Unix ms).
    pub absolute_expires_at: i64,
    /// Milliseconds until the session ends unless used again, counted by
    /// the edge's clock: the app warns two minutes before, whatever the
    /// browser's clock says.
    #[serde(default)]
    pub remaining_ms: i64,
    /// `local` or `production`.
    pub mode: String,
    /// The key (hex, 256 bits) the browser encrypts this user's drafts
    /// with: derived by the edge from a server secret and the user, given
    /// only to that user's session, kept only in memory by the app.
    #[serde(default)]
    pub draft_key: Option<String>,
    /// Names this user's drafts in the browser's store (a keyed hash of the
    /// user, so the store says nothing of who they are).
    #[serde(default)]
    pub draft_owner: Option<String>,
    /// FL-10: the listetak bounds this deployment agreed (a setting of the
    /// edge), so the browser checks a fastlege message as the edge will.
    #[serde(default)]
    pub list_bounds: crate::fastlege::ListBounds,
}
