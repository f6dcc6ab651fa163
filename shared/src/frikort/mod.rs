//! Frikort settlement (rules FK-1 … FK-9, seed 002): a health trust (HF)
//! claims back from Helfo the frikort co-payments it advanced for patient
//! travel, in files of many lines; Helfo settles line by line (FK-4).
//!
//! The line rules are [`check_line`] (FK-1, FK-2, FK-6) with the file-level
//! duplicate check of [`Duplicates`] (FK-8); the clocks are
//! [`submission_deadline`] (FK-2), [`payment_due`] (FK-3) and [`time_bar`]
//! (FK-6). A claim file is read by [`crate::table`] with [`SCHEMA`].

mod amount;
mod checker;
mod claim;
mod deadlines;
mod duplicates;
mod file;
mod line;
mod rates;
mod settlement;

/// The claim's states and FK-8 across claims, as the edge runs them.
pub mod flow;

pub use crate::table::CsvStream;
pub use crate::table::FileError;
pub use crate::table::Record;
pub use amount::{format_ore, parse_amount};
pub use checker::{Checked, Checker, FIRST_ISSUES, FileReport, LineIssues};
pub use claim::{
    CHUNK_LINES, Chunk, ChunkAnswer, ClaimStatus, ClaimView, Fingerprint, NewClaim, NumberedLine,
    Payment, is_fingerprint,
};
pub use deadlines::{
    BAR_YEARS, PAYMENT_DAYS, SUBMIT_MONTHS, payment_due, submission_deadline, time_bar,
};
pub use duplicates::Duplicates;
pub use file::{SCHEMA, csv, read_xlsx};
pub use line::{ClaimLine, LineContext, LineRules, RawLine, RawRef, Trip, check_line};
pub use rates::{RATES, Rate, return_trip_ore};
pub use settlement::{
    Decision, DecisionForm, LineView, NOTE_MAX, PaymentForm, Reason, RepaymentCause, RepaymentForm,
    claim_number,
};
