//! A month's bills together: CTRL-1 (the same bill twice is refused, an
//! amount-only difference flagged), CTRL-6 (a substitute and the GP at the same
//! time are both flagged), bill files in any column order with bad rows
//! standing alone, and the sample file's one planted error per rule.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn ctrl_1_the_same_bill_twice_is_refused_an_amount_only_difference_flagged() {
    let r = batch(
        "hpr,pasient,dato,klokkeslett,takster,belop
9144889,15038510190,10.10.2023,10:00,2ad 701a,\"26,00\"
9144889,15038510190,10.10.2023,10:00,701a 2ad,\"26,00\"
9144889,15038510190,10.10.2023,10:00,2ad 701a,\"30,00\"
9144889,15038510190,10.10.2023,10:20,2ad 701a,\"26,00\"
",
    );
    let found: Vec<_> = r
        .issues
        .iter()
        .flat_map(|b| {
            b.report
                .issues
                .iter()
                .map(move |i| (b.line, i.code, rule_of(i).to_owned()))
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (3, IssueCode::BillDuplicate, "CTRL-1".into()),
            (4, IssueCode::BillDiffersOnlyInAmount, "CTRL-1".into()),
        ]
    );
    assert_eq!(r.with_errors, 1);
    assert_eq!(r.with_warnings, 1);
}

#[test]
fn ctrl_6_substitute_and_gp_at_the_same_time_are_both_flagged() {
    let r = batch(
        "hpr;pasient;dato;klokkeslett;takster
6654321;15038510190;12.10.2023;09:00;2ad
9144888;01019010046;12.10.2023;09:00;2ad
9144889;31127010040;12.10.2023;09:00;2ad
6654321;31127010040;12.10.2023;09:20;2ad
",
    );
    let flagged: Vec<_> = r
        .issues
        .iter()
        .map(|b| {
            (
                b.line,
                b.report.issues[0].code,
                rule_of(&b.report.issues[0]).to_owned(),
            )
        })
        .collect();
    assert_eq!(
        flagged,
        vec![
            (2, IssueCode::SubstituteOverlap, "CTRL-6".into()),
            (3, IssueCode::SubstituteOverlap, "CTRL-6".into()),
        ],
        "not the other GP at the same time, nor the substitute at another time"
    );
}

#[test]
fn bill_files_read_in_any_column_order_and_bad_rows_stand_alone() {
    let r = batch(
        "takster;klokkeslett;dato;pasient;hpr
2ad;10:00;10.10.2023;15038510190;9144889
2ad;25:00;10.10.2023;15038510190;9144889
2ad;10:00;10.10.2023
2ad;10:40;10.10.2023;15038510190;1234567
",
    );
    let found: Vec<_> = r
        .issues
        .iter()
        .map(|b| (b.line, b.report.issues[0].code))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, IssueCode::TimeInvalid),
            (4, IssueCode::RaggedRow),
            (5, IssueCode::DoctorNotListed),
        ]
    );
    assert_eq!(r.bills, 4);
    assert!(matches!(
        read_bills(b"hpr;pasient;dato;takster\n", &fnr()),
        Err(FileError::MissingColumn { column, .. }) if column == "klokkeslett"
    ));
    let (_, problems) = read_doctors(b"hpr;rolle\n9144889;overlege\n6654321;vikar\n").unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].report.issues[0].code, IssueCode::NotOneOf);
    assert_eq!(problems[1].report.issues[0].path, "vikar_for");
}

#[test]
fn the_sample_file_has_one_planted_error_per_rule() {
    let bills = include_bytes!("../../../public/eksempel/regningskort.csv");
    let doctors = include_bytes!("../../../public/eksempel/legeliste.csv");
    let (doctors, problems) = read_doctors(doctors).unwrap();
    assert!(problems.is_empty());
    let fnr = FnrContext {
        today: d(2026, 11, 23),
        allow_synthetic: true,
    };
    let rows = read_bills(bills, &fnr).unwrap();
    let r = check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs: Tariffs::builtin(),
            forced_year: None,
            sent: d(2026, 11, 23),
        },
    );
    for rule in [
        "CTRL-1", "CTRL-2", "CTRL-3", "CTRL-4", "CTRL-5", "CTRL-6", "CTRL-7", "CTRL-8",
    ] {
        assert!(
            r.by_rule.contains_key(rule),
            "{rule} planted: {:?}",
            r.by_rule
        );
    }
    // Only the planted lines (from line 427) have issues.
    assert!(
        r.issues.iter().all(|b| b.line >= 427),
        "{:?}",
        r.issues.first()
    );
    assert_eq!(r.issues.len(), 14);
    let lis1 = r.doctors.iter().find(|s| s.hpr == "3345671").unwrap();
    assert!(lis1.new_doctor);
    assert!(lis1.missing.contains(&"2cd".to_owned()) && lis1.missing.contains(&"701a".to_owned()));
    let upload = r.month_upload("2026-10");
    let dist = peer_distribution(&upload.own_aggregates(), 3.0);
    assert_eq!(dist.outliers(), vec!["5612347"]);
}
