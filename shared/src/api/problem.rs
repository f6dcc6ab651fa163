//! The error body every route answers with.

use serde::{Deserialize, Serialize};

use crate::validation::Issue;

/// An `application/problem+json` body (RFC 9457) as frist sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// In bokmål.
    pub detail: String,
    pub detail_en: String,
    #[serde(default)]
    pub issues: Vec<Issue>,
}
