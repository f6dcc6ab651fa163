//! The API's types for a claim file: announcing it, its chunks of lines,
//! its fingerprint and how a claim is shown.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::checker::LineIssues;
use super::line::RawRef;

/// Lines per upload chunk: small enough for one D1 batch and the edge's
/// body cap, large enough that a million lines take 200 requests.
pub const CHUNK_LINES: usize = 5_000;

crate::named_enum! {
    /// Where a claim stands.
    pub enum ClaimStatus {
        /// Chunks are arriving; not yet a claim Helfo sees as complete.
        Receiving,
        /// Every chunk arrived: received by Helfo, the FK-3 clock runs.
        /// Lines are decided and paid a part at a time (FK-4).
        Received,
        /// FK-9: settled — every line decided and every approved line paid
        /// to the RHF's account.
        Paid,
    }
}

impl ClaimStatus {
    /// Its snake_case name (`received`), as in JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// FK-4: a received claim is settled when no line waits for a decision
    /// and no approved line waits for its payment; until then it stays
    /// received, and what is decided is paid without waiting for the rest.
    ///
    /// ```
    /// use frist_domain::frikort::ClaimStatus;
    /// // Two lines paid, one disputed: the claim is still open.
    /// assert_eq!(ClaimStatus::after_settlement(1, 0), ClaimStatus::Received);
    /// assert_eq!(ClaimStatus::after_settlement(0, 0), ClaimStatus::Paid);
    /// ```
    pub const fn after_settlement(undecided: u64, approved_unpaid: u64) -> ClaimStatus {
        if undecided == 0 && approved_unpaid == 0 {
            ClaimStatus::Paid
        } else {
            ClaimStatus::Received
        }
    }

    /// Its name in bokmål («Mottatt av Helfo»), as a refused step names the
    /// claim's state.
    pub const fn name_nb(self) -> &'static str {
        match self {
            ClaimStatus::Receiving => "Under opplasting",
            ClaimStatus::Received => "Mottatt av Helfo",
            ClaimStatus::Paid => "Utbetalt",
        }
    }
}

/// `POST /api/v1/frikort/claims`: announces a claim file before its chunks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewClaim {
    /// The name of the HF's file; required, at most 200 characters.
    pub file_name: String,
    /// FK-2: when the HF became aware of the claims (optional).
    pub aware: String,
    /// Data lines the HF sends, and in how many chunks.
    pub lines: u64,
    /// How many chunks the lines come in, at most [`CHUNK_LINES`] lines each.
    pub chunks: u32,
    /// The file's [`Fingerprint`] (optional): a file the HF has sent before
    /// is refused, naming the earlier claim, unless `resend`.
    pub fingerprint: String,
    /// The HF has seen that the file was sent before and sends it again.
    pub resend: bool,
}

/// A claim file's fingerprint: XXH3-128 of its bytes, as 32 lower-case hex
/// digits. The same file sent twice has the same fingerprint (issue 24),
/// whatever it is called; it is fed the slices the check reads anyway.
///
/// ```
/// use frist_domain::frikort::{Fingerprint, is_fingerprint};
/// let mut whole = Fingerprint::default();
/// whole.update(b"fodselsnummer;transportdato\n15038510190;02.03.2026\n");
/// let mut in_parts = Fingerprint::default();
/// in_parts.update(b"fodselsnummer;transport");
/// in_parts.update(b"dato\n15038510190;02.03.2026\n");
/// assert_eq!(whole.finish(), in_parts.finish());
/// assert!(is_fingerprint(&whole.finish()));
/// ```
#[derive(Clone, Default)]
pub struct Fingerprint(xxhash_rust::xxh3::Xxh3);

impl Fingerprint {
    /// Feeds the next bytes of the file.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The fingerprint of the bytes fed so far.
    pub fn finish(&self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

/// Whether `text` is a [`Fingerprint`] as frist writes it.
pub fn is_fingerprint(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// One line of a chunk: its number in the file and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumberedLine {
    /// The line's number in the file (the header is line 1).
    pub line: u64,
    /// The patient's fødselsnummer, as in the file.
    pub fodselsnummer: String,
    /// The date of transport, as in the file.
    pub transportdato: String,
    /// The date the HF paid out the frikort share, as in the file.
    pub utbetalingsdato: String,
    /// The co-payment in NOK, as in the file (`171,00`).
    pub egenandel: String,
    /// The HF's own reference for the line, as in the file; empty when none.
    pub referanse: String,
}

impl RawRef<'_> {
    /// The line as sent in a chunk, numbered as in the file.
    pub fn numbered(&self, line: u64) -> NumberedLine {
        NumberedLine {
            line,
            fodselsnummer: self.fodselsnummer.to_owned(),
            transportdato: self.transportdato.to_owned(),
            utbetalingsdato: self.utbetalingsdato.to_owned(),
            egenandel: self.egenandel.to_owned(),
            referanse: self.referanse.to_owned(),
        }
    }
}

impl NumberedLine {
    /// Its fields, borrowed, as the line rules read them.
    pub fn raw(&self) -> RawRef<'_> {
        RawRef {
            fodselsnummer: &self.fodselsnummer,
            transportdato: &self.transportdato,
            utbetalingsdato: &self.utbetalingsdato,
            egenandel: &self.egenandel,
            referanse: &self.referanse,
        }
    }
}

/// `PUT /api/v1/frikort/claims/:id/chunks/:n`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Chunk {
    /// The chunk's lines, 1 to [`CHUNK_LINES`] of them, numbered as in the
    /// file.
    pub lines: Vec<NumberedLine>,
}

/// What the edge found in a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkAnswer {
    /// The chunk's number, from 0.
    pub n: u32,
    /// The lines in the chunk.
    pub lines: u64,
    /// Those without errors, FK-8 against earlier claims included.
    pub valid: u64,
    /// Lines with issues, found again at the edge (duplicates of earlier
    /// claims only the edge can see).
    pub issues: Vec<LineIssues>,
}

/// A claim as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    /// The claim's id.
    pub id: String,
    /// The claim number `FK-YYYY-NNNNNN`.
    pub number: String,
    /// The id of the health trust (HF) that sent it.
    pub organisation_id: String,
    /// That health trust's name (empty in the answer that announces the
    /// claim).
    pub organisation_name: String,
    /// Where the claim stands.
    pub status: ClaimStatus,
    /// The name of the HF's file.
    pub file_name: String,
    /// FK-2: when the HF became aware of the claims; `None` when not given.
    pub aware: Option<NaiveDate>,
    /// FK-3: the day every chunk was in and the claim was received; `None`
    /// while it is receiving.
    pub received_on: Option<NaiveDate>,
    /// FK-3.
    pub due: Option<NaiveDate>,
    /// The data lines announced.
    pub lines_expected: u64,
    /// The chunks announced.
    pub chunks_expected: u32,
    /// Chunks that have arrived, so an upload can resume.
    pub chunks_received: Vec<u32>,
    /// The lines received so far.
    pub lines: u64,
    /// Of those, the lines without errors.
    pub valid_lines: u64,
    /// What the valid lines claim, in øre.
    pub claimed_ore: i64,
    /// FK-4, FK-5: what Helfo has approved of the decided lines, in øre.
    pub approved_ore: i64,
    /// Lines without a decision yet.
    pub undecided: u64,
    /// FK-4: approved lines not yet paid, and their sum: the next payment.
    pub payable_lines: u64,
    /// The approved amount of those lines, in øre.
    pub payable_ore: i64,
    /// What the payments so far add up to.
    pub paid_ore: i64,
    /// FK-4/FK-9: each payment with the lines it covered, oldest first.
    pub payments: Vec<Payment>,
    /// FK-7: what Helfo has demanded back, over all payments.
    pub repayment_ore: i64,
    /// FK-9: the account the RHF has set for this health trust, if recorded.
    pub payout_account: Option<String>,
    /// The claim's version, raised by every change: the `ETag`, and what a
    /// change's `If-Match` must name.
    pub version: i64,
    /// When the claim was announced, as an RFC 3339 UTC timestamp with
    /// milliseconds.
    pub created_at: String,
}

/// FK-4/FK-9: one payment of a claim — the approved lines that were not
/// yet paid, paid together on one day to the RHF's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// 1, 2, … within the claim.
    pub n: u32,
    /// FK-9: the day it was paid; today or earlier.
    pub paid_on: NaiveDate,
    /// FK-4: what it paid, in øre: the approved amount of its lines.
    pub amount_ore: i64,
    /// FK-9: the account it was paid to (ID-5, 11 digits).
    pub account: String,
    /// How many lines it paid.
    pub lines: u64,
    /// FK-7: what Helfo has demanded back of it, and why.
    pub repaid_ore: i64,
    /// FK-7: the reason given with the latest demand on it; `None` when
    /// nothing has been demanded back.
    pub repayment_reason: Option<String>,
}
