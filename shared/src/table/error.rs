//! What makes a whole file unreadable.

use serde::{Deserialize, Serialize};

/// A problem with the file as a whole: nothing in it can be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum FileError {
    /// Nothing but blank space.
    #[error("the file is empty")]
    Empty,
    /// A required column is not in the header.
    #[error("the header lacks the column {column} (columns: {allowed})")]
    MissingColumn {
        /// The column missing.
        column: String,
        /// The columns a file may have, in words.
        allowed: String,
    },
    /// The header names a column the schema does not know.
    #[error("the header has an unknown column {column} (columns: {allowed})")]
    UnknownColumn {
        /// The name as the file writes it.
        column: String,
        /// The columns a file may have, in words.
        allowed: String,
    },
    /// The first row holds digits where column names belong: a data line,
    /// so the file has no header row. Its content is never repeated (it may
    /// be a fødselsnummer).
    #[error("the first row is data, not column names (columns: {allowed})")]
    NoHeaderRow {
        /// The columns a file may have, in words.
        allowed: String,
    },
    /// The header names a column twice.
    #[error("the header names {column} twice")]
    DuplicateColumn {
        /// The column named twice.
        column: String,
    },
    /// The header is not UTF-8.
    #[error("the header is not UTF-8 text")]
    NotText,
    /// The XLSX workbook cannot be opened or has no sheet.
    #[error("the workbook cannot be read: {reason}")]
    Workbook {
        /// What the workbook reader said.
        reason: String,
    },
}

impl FileError {
    /// The sentence shown to people, in bokmål.
    pub fn text_nb(&self) -> String {
        match self {
            FileError::Empty => "Filen er tom.".into(),
            FileError::MissingColumn { column, allowed } => format!(
                "Overskriftsraden mangler kolonnen «{column}». Første rad må navngi kolonnene {allowed}."
            ),
            FileError::UnknownColumn { column, allowed } => format!(
                "Overskriftsraden har en ukjent kolonne «{column}». Tillatte kolonner er {allowed}."
            ),
            FileError::NoHeaderRow { allowed } => format!(
                "Første rad er en datalinje, ikke kolonnenavn. Legg til en overskriftsrad med kolonnene {allowed}."
            ),
            FileError::DuplicateColumn { column } => {
                format!("Overskriftsraden har kolonnen «{column}» to ganger.")
            }
            FileError::NotText => {
                "Filen er ikke tekst i UTF-8. Lagre den som CSV UTF-8 og prøv igjen.".into()
            }
            FileError::Workbook { reason } => {
                format!("Regnearket kan ikke leses ({reason}). Lagre det som .xlsx og prøv igjen.")
            }
        }
    }
}
