//! The error body every route answers with.

use serde::{Deserialize, Serialize};

use crate::validation::Issue;

/// An `application/problem+json` body (RFC 9457) as frist sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The problem kind, e.g. `invalid` or `not_found` (`type` on the wire).
    #[serde(rename = "type")]
    pub kind: String,
    /// The kind again, as the title.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// In bokmål.
    pub detail: String,
    /// In English.
    pub detail_en: String,
    /// The field issues of a validation problem.
    #[serde(default)]
    pub issues: Vec<Issue>,
}
