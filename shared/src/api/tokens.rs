//! API tokens as their owners see them.

use serde::{Deserialize, Serialize};

/// An API token as its owner sees it: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenView {
    /// Its id, for revoking it.
    pub id: String,
    /// The name its owner gave it.
    pub name: String,
    /// When it was made (ISO 8601, UTC).
    pub created_at: String,
    /// When it was made (Unix ms).
    pub created_ms: i64,
    /// When it stops working (ISO 8601, UTC).
    pub expires_at: String,
    /// When a request last used it.
    pub last_used_at: Option<String>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
    /// Neither revoked nor expired.
    pub active: bool,
}
