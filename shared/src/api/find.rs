//! Finding an object by its number, and a patient's cases by fødselsnummer.

use serde::{Deserialize, Serialize};

use crate::validation::{Issue, IssueCode};

/// Which kind of object a number names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum NumberKind {
    /// `FB-åååå-nnnnnn`, a fristbrudd case.
    Case,
    /// `FL-åååå-nnnnnn`, a fastlege message.
    Message,
    /// `FK-åååå-nnnnnn`, a frikort claim.
    Claim,
}

/// `GET /api/v1/find?number=`: the object a number names, if the caller
/// may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// What the number names.
    pub kind: NumberKind,
    /// The object's id, for its page.
    pub id: String,
    /// The number in its stored form, `FB-2026-000123`.
    pub number: String,
}

/// Reads a case, message or claim number as people type it — any case,
/// with or without the dashes, the sequence with or without its leading
/// zeros — into the stored form `FB-2026-000123`.
///
/// ```
/// use frist_domain::api::{NumberKind, parse_number};
/// assert_eq!(parse_number(" fb-2026-123 "), Ok((NumberKind::Case, "FB-2026-000123".into())));
/// assert_eq!(parse_number("FL2026000001"), Ok((NumberKind::Message, "FL-2026-000001".into())));
/// assert!(parse_number("FX-2026-000001").is_err());
/// assert!(parse_number("FK-2026-1234567").is_err());
/// ```
pub fn parse_number(text: &str) -> Result<(NumberKind, String), Issue> {
    let bad = || Issue::error("number", IssueCode::NotANumberOfFrist);
    let t: String = text
        .trim()
        .chars()
        .filter(|c| *c != '-' && *c != ' ')
        .collect::<String>()
        .to_ascii_uppercase();
    if !t.is_ascii() || t.len() < 7 {
        return Err(bad());
    }
    let (prefix, rest) = t.split_at(2);
    let kind = match prefix {
        "FB" => NumberKind::Case,
        "FL" => NumberKind::Message,
        "FK" => NumberKind::Claim,
        _ => return Err(bad()),
    };
    let (year, seq) = rest.split_at(4);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year) || !digits(seq) || seq.len() > 6 {
        return Err(bad());
    }
    let seq: u32 = seq.parse().map_err(|_| bad())?;
    Ok((kind, format!("{prefix}-{year}-{seq:06}")))
}

/// `POST /api/v1/fristbrudd/patient-search` (Helfo): a patient's cases,
/// found by fødselsnummer — in the body, never in a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PatientSearch {
    /// The patient's fødselsnummer (or D-number), as typed.
    pub patient_fnr: String,
}
