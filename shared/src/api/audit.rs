//! The audit log as the API shows it.

use serde::{Deserialize, Serialize};

/// which session. Never personal data: objects are named by id only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub action: String,
    pub object_kind: String,
    pub object_id: Option<String>,
    /// The organisation the object belongs to.
    pub organisation_id: Option<String>,
    pub actor_user_id: Option<String>,
    pub actor_organisation_id: Option<String>,
    pub session_id: Option<String>,
    /// A read of a list: every object shown, as a JSON array of ids.
    #[serde(default)]
    pub object_ids: Option<String>,
    /// A keyed hash of the client's address.
    #[serde(default)]
    pub client: Option<String>,
}
