//! What the page and the checker worker say to each other.

use chrono::NaiveDate;
use frist_domain::frikort::{FileReport, LineContext, NumberedLine};
use frist_domain::ids::FnrContext;
use frist_domain::kontroll::BatchReport;
use frist_domain::table::FileError;
use serde::{Deserialize, Serialize};

/// The page's side: what to do with the file sent beside the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Check a claim file (FK-1 … FK-8) and report.
    CheckClaims(ClaimContext),
    /// Read a claim file again, for its valid lines in chunks to send.
    StartChunks(ClaimContext),
    /// The next chunk of the file [`Request::StartChunks`] opened.
    NextChunk,
    /// The lines with errors of the last check, for the error file.
    ErrorLines,
    /// Check a month of doctors' bills (claims control).
    Control(ControlContext),
}

/// The worker's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    /// The worker's module is loaded; requests may come.
    Ready,
    /// The share of the file read so far (0–1).
    Progress {
        /// 0–1.
        share: f64,
    },
    /// A claim file checked, or why it could not be.
    Checked {
        /// The report, or why the file could not be read.
        result: Result<FileReport, Failure>,
        /// The file's fingerprint (issue 24), also for a file with errors.
        fingerprint: String,
    },
    /// The next chunk of valid lines, or `None` when the file is done.
    Chunk {
        /// The lines, or `None` after the last chunk.
        result: Result<Option<Vec<NumberedLine>>, Failure>,
    },
    /// The lines with errors of the last check, in line order.
    ErrorLines {
        /// (line, issues) for each line with an error.
        lines: Vec<(u64, Vec<frist_domain::Issue>)>,
    },
    /// A month of bills checked.
    Controlled {
        /// The report, or why the file could not be read.
        result: Result<BatchReport, Failure>,
    },
}

/// Why a file could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// The file's shape is wrong (columns, encoding, workbook).
    File(FileError),
    /// The browser could not read the file (moved, deleted, no access).
    Unreadable,
    /// A request the worker does not know or cannot answer now.
    Protocol,
}

impl From<FileError> for Failure {
    fn from(e: FileError) -> Self {
        Failure::File(e)
    }
}

/// A claim's context: the day it is checked and sent, and when the health
/// trust learned of the trips (FK-2's 30 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimContext {
    /// Today, by the Oslo calendar.
    pub today: NaiveDate,
    /// Synthetic test identities are accepted (local mode).
    pub allow_synthetic: bool,
    /// When the health trust learned of the trips, if said.
    pub aware: Option<NaiveDate>,
}

impl ClaimContext {
    /// The domain's line context: received today.
    pub fn line_context(&self) -> LineContext {
        LineContext {
            fnr: FnrContext {
                today: self.today,
                allow_synthetic: self.allow_synthetic,
            },
            received: self.today,
            aware: self.aware,
        }
    }
}

/// A claims-control check's context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlContext {
    /// The practitioner list as CSV (HPR numbers, roles, list sizes).
    pub doctors_csv: String,
    /// A tariff year chosen by the user, else each bill's own.
    pub forced_year: Option<i32>,
    /// Today (the month is sent today).
    pub today: NaiveDate,
    /// Synthetic test identities are accepted (local mode).
    pub allow_synthetic: bool,
}
