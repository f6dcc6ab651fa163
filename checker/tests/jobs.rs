//! The checker worker's jobs, natively: the same answers the page used to
//! compute itself (a file read a megabyte at a time, CSV or XLSX), the
//! valid lines as chunks, the claims control, and the messages' JSON.

use chrono::NaiveDate;
use frist_checker::{
    ClaimChunks, ClaimContext, ControlContext, Failure, Reply, Request, SLICE, Source,
    check_claims, control,
};
use frist_domain::frikort::{CHUNK_LINES, Checker, FileReport, LineContext};
use frist_domain::ids::FnrContext;
use frist_domain::table::FileError;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx() -> ClaimContext {
    ClaimContext {
        today: date("2026-04-01"),
        allow_synthetic: false,
        aware: None,
    }
}

/// A claim file of `n` lines: every 10th a bad date, every 7th a repeat.
fn claim_file(n: u64) -> Vec<u8> {
    let people = ["15038510190", "01019010046", "31127010040"];
    let mut file = String::from("fodselsnummer;transportdato;utbetalingsdato;egenandel\n");
    for i in 0..n {
        let day = 2 + i % 27;
        let transport = if i % 10 == 3 {
            "31.02.2026".to_owned()
        } else {
            format!("{day:02}.03.2026")
        };
        let who = if i % 7 == 0 { 0 } else { (i / 27 % 3) as usize };
        file.push_str(&format!(
            "{};{transport};{day:02}.03.2026;{}\n",
            people[who],
            100 + i % 300
        ));
    }
    file.into_bytes()
}

/// The report the domain's checker gives the whole file at once.
fn report_in_one_go(bytes: &[u8]) -> FileReport {
    let mut checker = Checker::new(LineContext {
        fnr: FnrContext {
            today: date("2026-04-01"),
            allow_synthetic: false,
        },
        received: date("2026-04-01"),
        aware: None,
    });
    let mut on = |_, _, _| {};
    frist_domain::frikort::csv()
        .feed(bytes, true, &mut |r| checker.push(&r, &mut on))
        .unwrap();
    checker.finish(&mut on);
    checker.report
}

#[test]
fn a_file_read_in_slices_is_checked_as_a_whole_one() {
    // Over two slices, so a line is cut between reads.
    let bytes = claim_file(60_000);
    assert!(bytes.len() as u64 > 2 * SLICE);
    let mut shares = Vec::new();
    let findings = check_claims(bytes.as_slice(), ctx(), &mut |s| shares.push(s));
    let report = findings.result.unwrap();
    assert_eq!(report, report_in_one_go(&bytes));
    assert_eq!(report.lines, 60_000);
    assert!(
        report.with_errors >= 6_000 && report.duplicates > 0,
        "{report:?}"
    );
    // The lines with errors are kept, in order, one per line with an error.
    assert_eq!(findings.invalid.len() as u64, report.with_errors);
    assert!(findings.invalid.windows(2).all(|w| w[0].0 < w[1].0));
    // Progress rises to the whole file, once a slice.
    assert_eq!(shares.len(), 3);
    assert!(shares.windows(2).all(|w| w[0] < w[1]) && shares[2] == 1.0);
    assert_eq!(findings.fingerprint.len(), 32);
}

#[test]
fn the_same_bytes_have_the_same_fingerprint_and_others_another() {
    let a = claim_file(100);
    let b = claim_file(101);
    let fp = |bytes: &[u8]| check_claims(bytes, ctx(), &mut |_| {}).fingerprint;
    assert_eq!(fp(&a), fp(&a));
    assert_ne!(fp(&a), fp(&b));
}

#[test]
fn a_workbook_is_read_whole_and_checked_like_csv() {
    let bytes: &[u8] = include_bytes!("../../shared/tests/fixtures/frikort-claim.xlsx");
    let findings = check_claims(bytes, ctx(), &mut |_| {});
    let report = findings.result.unwrap();
    assert!(report.lines > 0, "{report:?}");
}

#[test]
fn a_file_without_its_columns_is_refused_with_the_column_named() {
    let bytes = b"transportdato;utbetalingsdato;egenandel\n01.03.2026;02.03.2026;171\n".as_slice();
    let findings = check_claims(bytes, ctx(), &mut |_| {});
    match findings.result {
        Err(Failure::File(FileError::MissingColumn { column, .. })) => {
            assert_eq!(column, "fodselsnummer")
        }
        other => panic!("{other:?}"),
    }
}

/// A source that fails after its first read: a file moved away.
struct Vanishing(Vec<u8>, bool);

impl Source for Vanishing {
    fn size(&self) -> u64 {
        self.0.len() as u64
    }

    fn read(&mut self, start: u64, end: u64) -> Result<Vec<u8>, Failure> {
        if std::mem::replace(&mut self.1, true) {
            return Err(Failure::Unreadable);
        }
        Ok(self.0[start as usize..end as usize].to_vec())
    }
}

#[test]
fn a_file_that_cannot_be_read_says_so() {
    let findings = check_claims(Vanishing(claim_file(10), false), ctx(), &mut |_| {});
    assert_eq!(findings.result, Err(Failure::Unreadable));
}

#[test]
fn the_chunks_hold_every_valid_line_once_in_order() {
    let bytes = claim_file(12_000);
    let report = report_in_one_go(&bytes);
    let mut chunks = ClaimChunks::new(bytes.as_slice(), ctx());
    let mut lines = Vec::new();
    let mut sizes = Vec::new();
    while let Some(chunk) = chunks.next_chunk().unwrap() {
        sizes.push(chunk.len());
        lines.extend(chunk);
    }
    assert_eq!(lines.len() as u64, report.valid);
    assert!(sizes[..sizes.len() - 1].iter().all(|&n| n == CHUNK_LINES));
    assert!(lines.windows(2).all(|w| w[0].line < w[1].line));
    // Asked again after the last: still none.
    assert_eq!(chunks.next_chunk().unwrap(), None);
}

#[test]
fn the_claims_control_checks_a_month_of_the_example_bills() {
    let bills = include_bytes!("../../public/eksempel/regningskort.csv");
    let doctors = include_str!("../../public/eksempel/legeliste.csv");
    let report = control(
        bills,
        &ControlContext {
            doctors_csv: doctors.to_owned(),
            forced_year: None,
            today: date("2026-03-20"),
            allow_synthetic: true,
        },
    )
    .unwrap();
    assert!(report.bills > 0, "{report:?}");
    let refused = control(
        b"hpr;dato\n1;2\n",
        &ControlContext {
            doctors_csv: String::new(),
            forced_year: None,
            today: date("2026-03-20"),
            allow_synthetic: true,
        },
    );
    assert!(matches!(refused, Err(Failure::File(_))), "{refused:?}");
}

#[test]
fn messages_are_tagged_json_both_ways() {
    let request = Request::CheckClaims(ctx());
    let json = serde_json::to_string(&request).unwrap();
    assert!(json.contains(r#""kind":"check_claims""#), "{json}");
    assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), request);
    let reply = Reply::Checked {
        result: Err(Failure::File(FileError::Empty)),
        fingerprint: "ab".into(),
    };
    let json = serde_json::to_string(&reply).unwrap();
    assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
    assert_eq!(
        serde_json::from_str::<Request>(r#"{"kind":"next_chunk"}"#).unwrap(),
        Request::NextChunk
    );
}
