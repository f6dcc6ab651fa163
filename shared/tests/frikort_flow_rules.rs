//! The frikort claim's flow (FK-4, FK-8, FK-9): which step each state
//! allows, which state follows, a chunk's bounds, completeness, and FK-8
//! across claims over what the edge loaded. Fixed dates only.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use std::collections::HashMap;

use chrono::NaiveDate;
use frist_domain::frikort::flow::{
    CheckedLine, ClaimStep, check_chunk_number, check_chunk_size, check_line_numbers,
    mark_earlier_claims, missing_chunks, tally,
};
use frist_domain::frikort::{CHUNK_LINES, ClaimLine, ClaimStatus, LineContext, RawRef, check_line};
use frist_domain::ids::FnrContext;
use frist_domain::{IssueCode, Param};

const STEPS: [ClaimStep; 6] = [
    ClaimStep::Chunk,
    ClaimStep::Submit,
    ClaimStep::Decide,
    ClaimStep::ApproveClean,
    ClaimStep::Pay,
    ClaimStep::Repay,
];

#[test]
fn fk_4_each_state_allows_its_steps_only() {
    use ClaimStatus::{Paid, Received, Receiving};
    let allowed = |status| -> Vec<ClaimStep> {
        STEPS
            .into_iter()
            .filter(|s| s.check(status, 0).is_ok())
            .collect()
    };
    assert_eq!(allowed(Receiving), [ClaimStep::Chunk, ClaimStep::Submit]);
    assert_eq!(
        allowed(Received),
        [ClaimStep::Decide, ClaimStep::ApproveClean, ClaimStep::Pay]
    );
    assert_eq!(allowed(Paid), []);
    // A refusal names the state that refused.
    assert_eq!(ClaimStep::Decide.check(Paid, 0), Err(Paid));
}

#[test]
fn fk_7_a_repayment_needs_a_payment_in_any_state() {
    for status in [
        ClaimStatus::Receiving,
        ClaimStatus::Received,
        ClaimStatus::Paid,
    ] {
        assert_eq!(ClaimStep::Repay.check(status, 0), Err(status));
        assert_eq!(ClaimStep::Repay.check(status, 1), Ok(()));
    }
}

#[test]
fn fk_9_decisions_and_payments_settle_when_nothing_waits() {
    use ClaimStatus::{Paid, Received, Receiving};
    assert_eq!(ClaimStep::Submit.then(Receiving, 3, 0), Received);
    assert_eq!(ClaimStep::Chunk.then(Receiving, 3, 0), Receiving);
    assert_eq!(ClaimStep::Decide.then(Received, 1, 0), Received);
    assert_eq!(ClaimStep::ApproveClean.then(Received, 0, 2), Received);
    assert_eq!(ClaimStep::Pay.then(Received, 0, 0), Paid);
    assert_eq!(ClaimStep::Repay.then(Paid, 0, 0), Paid);
}

#[test]
fn a_chunk_is_numbered_within_the_claim_and_holds_1_to_5000_lines() {
    assert_eq!(check_chunk_number(0, 2), Ok(()));
    assert_eq!(check_chunk_number(1, 2), Ok(()));
    let issue = check_chunk_number(2, 2).unwrap_err();
    assert_eq!(
        (issue.path.as_str(), issue.code),
        ("n", IssueCode::NumberOutOfRange)
    );
    assert_eq!(issue.params.get("max"), Some(&Param::Int(1)));
    assert!(check_chunk_size(0).is_err());
    assert!(check_chunk_size(1).is_ok());
    assert!(check_chunk_size(CHUNK_LINES).is_ok());
    assert!(check_chunk_size(CHUNK_LINES + 1).is_err());
}

#[test]
fn a_chunks_lines_follow_the_header_and_none_comes_twice() {
    assert_eq!(check_line_numbers([2, 3, 7]), Ok(()));
    assert!(check_line_numbers([1, 2]).is_err(), "line 1 is the header");
    assert!(check_line_numbers([2, 3, 2]).is_err());
}

#[test]
fn missing_chunks_are_those_not_received() {
    assert_eq!(missing_chunks(4, &[0, 2]), [1, 3]);
    assert_eq!(missing_chunks(2, &[1, 0]), Vec::<u32>::new());
}

fn valid_line() -> ClaimLine {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let ctx = LineContext {
        fnr: FnrContext {
            today: d("2026-04-01"),
            allow_synthetic: false,
        },
        received: d("2026-04-01"),
        aware: None,
    };
    let raw = RawRef {
        fodselsnummer: "15038510190",
        transportdato: "2026-03-02",
        utbetalingsdato: "2026-03-10",
        egenandel: "171",
        referanse: "",
    };
    check_line(&raw, &ctx).1.expect("a valid line")
}

fn checked(line: u64, key: Option<&str>) -> CheckedLine {
    CheckedLine {
        line,
        issues: Vec::new(),
        trip_key: key.map(str::to_owned),
        claim_line: key.map(|_| valid_line()),
    }
}

#[test]
fn fk_8_a_trip_in_an_earlier_claim_is_refused_naming_that_claim() {
    let mut lines = vec![
        checked(2, Some("aa")),
        checked(3, Some("bb")),
        checked(4, None),
    ];
    let earlier = HashMap::from([("bb".to_owned(), "FK-2026-000001".to_owned())]);
    mark_earlier_claims(&mut lines, &earlier);
    assert!(lines[0].claim_line.is_some() && lines[0].issues.is_empty());
    assert_eq!(lines[1].claim_line, None);
    assert_eq!(lines[1].trip_key, None);
    assert_eq!(lines[1].issues[0].code, IssueCode::DuplicateEarlierClaim);
    assert_eq!(
        lines[1].issues[0].params.get("claim"),
        Some(&Param::Text("FK-2026-000001".into()))
    );
    let (answer, claimed) = tally(5, &lines);
    assert_eq!((answer.n, answer.lines, answer.valid), (5, 3, 1));
    assert_eq!(answer.issues.len(), 1);
    assert_eq!(answer.issues[0].line, 3);
    assert_eq!(claimed, 17_100);
}
