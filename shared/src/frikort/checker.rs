//! FK-1 … FK-8 over a whole file, line by line, and the file's report.

use serde::Deserialize;
use serde::Serialize;

use super::duplicates::Duplicates;
use super::duplicates::TripKey;
use super::duplicates::trip_hash;
use super::line::ClaimLine;
use super::line::LineContext;
use super::line::LineRules;
use super::line::RawRef;
use crate::table::Record;
use crate::validation::Issue;
use crate::validation::IssueCode;

/// The lines with issues the page shows first.
pub const FIRST_ISSUES: usize = 200;

/// One line's issues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineIssues {
    /// The line's number in the file.
    pub line: u64,
    /// Its issues, errors and warnings.
    pub issues: Vec<Issue>,
}

/// A whole file's check, built line by line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    /// Data lines read.
    pub lines: u64,
    /// Lines without errors.
    pub valid: u64,
    /// Lines with at least one error.
    pub with_errors: u64,
    /// Lines with at least one warning.
    pub with_warnings: u64,
    /// Issue code → lines with it.
    pub by_code: std::collections::BTreeMap<String, u64>,
    /// FK-8: lines that repeat an earlier trip.
    pub duplicates: u64,
    /// FK-6: time-barred lines.
    pub time_barred: u64,
    /// FK-2: lines sent late.
    pub late: u64,
    /// The sum of the valid lines' co-payments, in øre.
    pub valid_amount_ore: i64,
    /// The first [`FIRST_ISSUES`] lines with issues.
    pub first_issues: Vec<LineIssues>,
}

/// FK-1 … FK-8 over a file: give it each [`Record`] in order, to
/// [`Checker::check`] for each answer at once, or to [`Checker::push`] and
/// then [`Checker::finish`] for the same answers a little later, faster.
/// The line rules and FK-8 can also run on two threads:
/// [`LineRules::record`] on one, [`Checker::push_checked`] on the other.
pub struct Checker {
    rules: LineRules,
    dups: Duplicates,
    /// The report so far.
    pub report: FileReport,
    /// Lines pushed whose FK-8 lookup waits for the batch to fill.
    pending: Vec<Checked>,
    /// The pending valid lines' trip keys and their hashes.
    keys: Vec<(TripKey, u64)>,
    /// What [`Duplicates::touch`] read, kept so the reads stay.
    touched: u32,
}

/// A line after the line rules, waiting for FK-8: its number, its issues
/// so far, and the line when valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    line_no: u64,
    issues: Vec<Issue>,
    line: Option<ClaimLine>,
}

impl LineRules {
    /// FK-1, FK-2, FK-6 for one record of a file, ready for
    /// [`Checker::push_checked`].
    pub fn record(&self, record: &Record<'_>) -> Checked {
        let (issues, line) = match record {
            Record::Line { fields, .. } => self.check(&RawRef::from_fields(fields)),
            other => (other.issue().into_iter().collect(), None),
        };
        Checked {
            line_no: record.line(),
            issues,
            line,
        }
    }
}

/// Lines whose FK-8 lookups [`Checker::push`] makes together: enough for
/// the processor to overlap their cache misses, few enough that the slots
/// read stay in cache until they are used.
const BATCH: usize = 256;

impl Checker {
    /// A checker for one claim received in `ctx`.
    pub fn new(ctx: LineContext) -> Self {
        Checker {
            rules: LineRules::new(ctx),
            dups: Duplicates::new(),
            report: FileReport::default(),
            pending: Vec::with_capacity(BATCH),
            keys: Vec::with_capacity(BATCH),
            touched: 0,
        }
    }

    /// The line rules this checker applies, for [`LineRules::record`] on
    /// another thread.
    pub fn rules(&self) -> LineRules {
        self.rules
    }

    /// Sizes the duplicate set for a file of `bytes` bytes (about 45 bytes
    /// a line), when the size is known before reading.
    pub fn expect_bytes(&mut self, bytes: u64) {
        self.dups.reserve(usize::try_from(bytes / 45).unwrap_or(0));
    }

    /// The issues of one record and its line when valid (FK-4: each line
    /// stands alone; a bad line never stops the others). Do not mix with
    /// [`Checker::push`] before [`Checker::finish`].
    pub fn check(&mut self, record: &Record<'_>) -> (Vec<Issue>, Option<ClaimLine>) {
        debug_assert!(
            self.pending.is_empty(),
            "check() between push() and finish()"
        );
        let Checked {
            line_no,
            mut issues,
            mut line,
        } = self.rules.record(record);
        self.dups.mark(line_no, &mut issues, &mut line);
        tally(&mut self.report, line_no, &issues, line.as_ref());
        (issues, line)
    }

    /// [`Checker::check`] for a whole file: the line rules now, FK-8 and the
    /// answer once [`BATCH`] lines are in, to `on` in line order (the line's
    /// number, its issues, the line when valid). Call [`Checker::finish`]
    /// after the last record.
    pub fn push(
        &mut self,
        record: &Record<'_>,
        on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>),
    ) {
        let checked = self.rules.record(record);
        self.push_checked(checked, on);
    }

    /// [`Checker::push`] for a line the rules have checked, in line order.
    pub fn push_checked(
        &mut self,
        checked: Checked,
        on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>),
    ) {
        self.pending.push(checked);
        if self.pending.len() == BATCH {
            self.resolve(on);
        }
    }

    /// The answers [`Checker::push`] still holds.
    pub fn finish(&mut self, on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>)) {
        self.resolve(on);
    }

    /// FK-8 for the pending lines: every slot they need is read first, then
    /// each line is looked up in order, as `check` would one at a time.
    fn resolve(&mut self, on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>)) {
        let mut pending = std::mem::take(&mut self.pending);
        self.keys.clear();
        self.keys.extend(pending.iter().filter_map(|c| {
            let key = TripKey::of(c.line.as_ref()?);
            Some((key, trip_hash(&key)))
        }));
        self.dups.room_for(self.dups.trips.len() + self.keys.len());
        self.touched ^= self.dups.touch(self.keys.iter().map(|(_, hash)| *hash));
        let mut keys = self.keys.iter();
        for Checked {
            line_no,
            mut issues,
            line,
        } in pending.drain(..)
        {
            let line = line.and_then(|l| {
                let (key, hash) = keys.next()?;
                let Some(first) = self.dups.insert(*key, *hash, line_no) else {
                    return Some(l);
                };
                issues.push(duplicate(first));
                None
            });
            tally(&mut self.report, line_no, &issues, line.as_ref());
            on(line_no, issues, line);
        }
        self.pending = pending;
    }
}

/// FK-8: the line repeats the trip first seen on line `first`.
pub(super) fn duplicate(first: u64) -> Issue {
    Issue::error("", IssueCode::DuplicateTrip).with("first_line", first as i64)
}

/// Counts one checked line into the file's report.
fn tally(r: &mut FileReport, line_no: u64, issues: &[Issue], line: Option<&ClaimLine>) {
    use crate::validation::Severity;
    r.lines += 1;
    if issues.iter().any(|i| i.severity == Severity::Error) {
        r.with_errors += 1;
    } else {
        r.valid += 1;
        if let Some(l) = line {
            r.valid_amount_ore += l.amount_ore;
        }
    }
    if issues.iter().any(|i| i.severity == Severity::Warning) {
        r.with_warnings += 1;
    }
    for i in issues {
        let code = i.code.as_str();
        match r.by_code.get_mut(code) {
            Some(n) => *n += 1,
            None => {
                r.by_code.insert(code.to_owned(), 1);
            }
        }
        match i.code {
            IssueCode::DuplicateTrip => r.duplicates += 1,
            IssueCode::TimeBarred => r.time_barred += 1,
            IssueCode::LateSubmission => r.late += 1,
            _ => {}
        }
    }
    if !issues.is_empty() && r.first_issues.len() < FIRST_ISSUES {
        r.first_issues.push(LineIssues {
            line: line_no,
            issues: issues.to_vec(),
        });
    }
}
