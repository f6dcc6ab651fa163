//! The checks the worker runs, each from a [`Source`] to its answer.

use std::collections::VecDeque;

use frist_domain::Issue;
use frist_domain::frikort::{CHUNK_LINES, Checker, FileReport, NumberedLine, RawRef};
use frist_domain::ids::FnrContext;
use frist_domain::kontroll::{
    BILL_SCHEMA, BatchChecker, BatchContext, BatchReport, Tariffs, bill_of, read_doctors,
};
use frist_domain::table::{CsvStream, Record};

use crate::{ClaimContext, ControlContext, Failure, FileRecords, Source};

/// A claim file's check: the report, and the lines with errors (kept in
/// the worker until the user asks for the error file).
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    /// The report, or why the file could not be read.
    pub result: Result<FileReport, Failure>,
    /// (line, issues) of each line with an error, in line order.
    pub invalid: Vec<(u64, Vec<Issue>)>,
    /// The file's fingerprint, also when it could not be read to the end.
    pub fingerprint: String,
}

/// FK-1 … FK-8 over a whole claim file, `progress` told the share read
/// after each slice.
pub fn check_claims<S: Source>(
    source: S,
    ctx: ClaimContext,
    progress: &mut dyn FnMut(f64),
) -> Findings {
    let mut checker = Checker::new(ctx.line_context());
    let mut records = FileRecords::new(source);
    checker.expect_bytes(records.size());
    let mut invalid = Vec::new();
    // The answers come in line order, a batch of lines at a time.
    let mut answer = |line_no, issues, line: Option<_>| {
        if line.is_none() {
            invalid.push((line_no, issues));
        }
    };
    let result = loop {
        let step = records.step(&mut |r| checker.push(&r, &mut answer));
        progress(records.progress());
        match step {
            Ok(false) => {}
            Ok(true) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    checker.finish(&mut answer);
    Findings {
        result: result.map(|()| std::mem::take(&mut checker.report)),
        invalid,
        fingerprint: records.fingerprint.finish(),
    }
}

/// A claim file read again for its valid lines, [`CHUNK_LINES`] at a time,
/// so a million lines never sit in memory: the page asks for the next
/// chunk when it has sent the last.
pub struct ClaimChunks<S> {
    records: FileRecords<S>,
    checker: Checker,
    ready: VecDeque<Vec<NumberedLine>>,
    batch: Vec<NumberedLine>,
    done: bool,
}

impl<S: Source> ClaimChunks<S> {
    /// The chunks of the file in `source`, checked in `ctx`.
    pub fn new(source: S, ctx: ClaimContext) -> Self {
        ClaimChunks {
            records: FileRecords::new(source),
            checker: Checker::new(ctx.line_context()),
            ready: VecDeque::new(),
            batch: Vec::with_capacity(CHUNK_LINES),
            done: false,
        }
    }

    /// The next chunk of valid lines; `None` when the file is done.
    pub fn next_chunk(&mut self) -> Result<Option<Vec<NumberedLine>>, Failure> {
        while self.ready.is_empty() && !self.done {
            let (checker, batch, ready) = (&mut self.checker, &mut self.batch, &mut self.ready);
            self.done = self.records.step(&mut |r| {
                let (_, line) = checker.check(&r);
                if let (Some(_), Record::Line { line: no, fields }) = (line, r) {
                    batch.push(RawRef::from_fields(&fields).numbered(no));
                    if batch.len() == CHUNK_LINES {
                        ready.push_back(std::mem::take(batch));
                    }
                }
            })?;
            if self.done && !self.batch.is_empty() {
                self.ready.push_back(std::mem::take(&mut self.batch));
            }
        }
        Ok(self.ready.pop_front())
    }
}

/// A month of doctors' bills against the practitioner list and the tariff
/// tables (claims control).
pub fn control(bills: &[u8], ctx: &ControlContext) -> Result<BatchReport, Failure> {
    let doctors = read_doctors(ctx.doctors_csv.as_bytes())
        .map(|(doctors, _)| doctors)
        .unwrap_or_default();
    let fnr = FnrContext {
        today: ctx.today,
        allow_synthetic: ctx.allow_synthetic,
    };
    let mut checker = BatchChecker::new(BatchContext {
        doctors: &doctors,
        tariffs: Tariffs::builtin(),
        forced_year: ctx.forced_year,
        sent: ctx.today,
    });
    let mut stream = CsvStream::new(&BILL_SCHEMA);
    stream.feed(bills, true, &mut |r| checker.push(bill_of(&r, &fnr)))?;
    Ok(checker.finish())
}
