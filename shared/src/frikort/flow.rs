//! A frikort claim's flow: which step each state allows and which state
//! follows (FK-3, FK-4, FK-9), what one uploaded chunk must hold, when a
//! claim is complete, and FK-8 across claims — pure functions over what the
//! edge loaded, so the edge only loads, calls and stores.

use std::collections::{HashMap, HashSet};

use crate::frikort::{CHUNK_LINES, ChunkAnswer, ClaimLine, ClaimStatus, LineIssues};
use crate::{Issue, IssueCode};

/// What can be done to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStep {
    /// A chunk of lines arrives.
    Chunk,
    /// Every chunk is in: the claim is received (FK-3's clock starts).
    Submit,
    /// Helfo decides one line (FK-4/5).
    Decide,
    /// Helfo approves every clean line as claimed.
    ApproveClean,
    /// Helfo pays the approved lines not yet paid (FK-4, FK-9).
    Pay,
    /// Helfo demands part of a payment back (FK-7).
    Repay,
}

impl ClaimStep {
    /// Whether a claim in `status` with `payments` payments allows this
    /// step; `Err` names the state that refuses it. A repayment needs a
    /// payment to repay, in whatever state the claim is.
    ///
    /// ```
    /// use frist_domain::frikort::ClaimStatus;
    /// use frist_domain::frikort::flow::ClaimStep;
    /// assert_eq!(ClaimStep::Chunk.check(ClaimStatus::Receiving, 0), Ok(()));
    /// assert_eq!(
    ///     ClaimStep::Pay.check(ClaimStatus::Receiving, 0),
    ///     Err(ClaimStatus::Receiving)
    /// );
    /// ```
    pub fn check(self, status: ClaimStatus, payments: usize) -> Result<(), ClaimStatus> {
        let allowed = match self {
            ClaimStep::Chunk | ClaimStep::Submit => status == ClaimStatus::Receiving,
            ClaimStep::Decide | ClaimStep::ApproveClean | ClaimStep::Pay => {
                status == ClaimStatus::Received
            }
            ClaimStep::Repay => payments > 0,
        };
        if allowed { Ok(()) } else { Err(status) }
    }

    /// The state after this step was taken from `status`, given the lines
    /// still `undecided` and those approved but `unpaid` afterwards. FK-4:
    /// decisions and payments settle the claim when nothing waits
    /// ([`ClaimStatus::after_settlement`]); a chunk and a repayment change
    /// no state.
    pub const fn then(self, status: ClaimStatus, undecided: u64, unpaid: u64) -> ClaimStatus {
        match self {
            ClaimStep::Chunk | ClaimStep::Repay => status,
            ClaimStep::Submit => ClaimStatus::Received,
            ClaimStep::Decide | ClaimStep::ApproveClean | ClaimStep::Pay => {
                ClaimStatus::after_settlement(undecided, unpaid)
            }
        }
    }
}

/// Chunk `n` of a claim announced with `chunks_expected` chunks: numbered
/// from 0. The issue is the query's (`n`).
pub fn check_chunk_number(n: u32, chunks_expected: i64) -> Result<(), Issue> {
    if i64::from(n) < chunks_expected {
        return Ok(());
    }
    Err(Issue::error("n", IssueCode::NumberOutOfRange)
        .with("min", 0i64)
        .with("max", chunks_expected - 1))
}

/// A chunk holds between 1 and [`CHUNK_LINES`] lines.
pub fn check_chunk_size(lines: usize) -> Result<(), Issue> {
    if (1..=CHUNK_LINES).contains(&lines) {
        return Ok(());
    }
    Err(Issue::error("lines", IssueCode::NumberOutOfRange)
        .with("min", 1i64)
        .with("max", CHUNK_LINES as i64))
}

/// A chunk's lines are numbered as in the file (the header is line 1),
/// none twice.
pub fn check_line_numbers(numbers: impl IntoIterator<Item = u64>) -> Result<(), Issue> {
    let mut seen = HashSet::new();
    for line in numbers {
        if line < 2 || !seen.insert(line) {
            return Err(Issue::error("lines", IssueCode::NumberOutOfRange).with("min", 2i64));
        }
    }
    Ok(())
}

/// The chunks of `0..chunks_expected` not among `received`.
pub fn missing_chunks(chunks_expected: u32, received: &[u32]) -> Vec<u32> {
    (0..chunks_expected)
        .filter(|n| !received.contains(n))
        .collect()
}

/// One line of a chunk after FK-1 and FK-8 within the claim: its issues,
/// the keyed hash of its trip, and the line when it is still valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedLine {
    /// The line's number in the file.
    pub line: u64,
    /// What FK-1 and FK-8 found.
    pub issues: Vec<Issue>,
    /// The keyed hash of its trip (FK-8), when the line names one.
    pub trip_key: Option<String>,
    /// The line as the claim keeps it, while it is still valid.
    pub claim_line: Option<ClaimLine>,
}

/// FK-8 across claims: a valid line whose trip key the organisation's
/// earlier claims hold (`earlier`: trip key → claim number) is refused as
/// claimed before, naming that claim.
pub fn mark_earlier_claims(lines: &mut [CheckedLine], earlier: &HashMap<String, String>) {
    for line in lines {
        if let Some(number) = line.trip_key.as_ref().and_then(|k| earlier.get(k)) {
            line.issues
                .push(Issue::error("", IssueCode::DuplicateEarlierClaim).with("claim", &**number));
            line.trip_key = None;
            line.claim_line = None;
        }
    }
}

/// What the edge answers for chunk `n`, and the amount its valid lines
/// claim (øre).
pub fn tally(n: u32, lines: &[CheckedLine]) -> (ChunkAnswer, i64) {
    let valid: Vec<&ClaimLine> = lines.iter().filter_map(|l| l.claim_line.as_ref()).collect();
    let answer = ChunkAnswer {
        n,
        lines: lines.len() as u64,
        valid: valid.len() as u64,
        issues: lines
            .iter()
            .filter(|l| !l.issues.is_empty())
            .map(|l| LineIssues {
                line: l.line,
                issues: l.issues.clone(),
            })
            .collect(),
    };
    (answer, valid.iter().map(|l| l.amount_ore).sum())
}
