//! The audit log as the API shows it.

use serde::{Deserialize, Serialize};

/// which session. Never personal data: objects are named by id only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Its place in the log, rising; the list pages by it.
    pub seq: i64,
    /// When (ISO 8601, UTC).
    pub at: String,
    /// What was done, e.g. `fristbrudd.read` or `token.create`.
    pub action: String,
    /// The kind of object, e.g. `fristbrudd_case` or `user`.
    pub object_kind: String,
    /// The object's id, if one object.
    pub object_id: Option<String>,
    /// The organisation the object belongs to.
    pub organisation_id: Option<String>,
    /// Who did it; `None` when no one was logged in.
    pub actor_user_id: Option<String>,
    /// The organisation of who did it.
    pub actor_organisation_id: Option<String>,
    /// The session (or API token) it was done in.
    pub session_id: Option<String>,
    /// A read of a list: every object shown, as a JSON array of ids.
    #[serde(default)]
    pub object_ids: Option<String>,
    /// A keyed hash of the client's address.
    #[serde(default)]
    pub client: Option<String>,
}
