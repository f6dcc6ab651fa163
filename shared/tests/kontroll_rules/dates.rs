//! A bill's dates: CTRL-7 (no refund before the agreement) and CTRL-8 (six
//! months after the end of the month of treatment).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn ctrl_7_no_refund_before_the_agreement() {
    let doctor = Doctor {
        hpr: "9144889".parse().unwrap(),
        role: DoctorRole::Vikar,
        covers: Some("9144888".parse().unwrap()),
        agreement_from: Some(d(2023, 10, 11)),
        listed: None,
        started: None,
    };
    let c = BillContext {
        doctor: Some(&doctor),
        ..ctx()
    };
    let (report, _) = check_bill(&bill("2ad"), &c);
    assert_eq!(report.issues[0].code, IssueCode::NoSettlementAgreement);
    assert_eq!(rule_of(&report.issues[0]), "CTRL-7");
    let mut on_the_day = bill("2ad");
    on_the_day.date = d(2023, 10, 11);
    assert!(check_bill(&on_the_day, &c).0.is_empty());
}

#[test]
fn ctrl_8_six_months_after_the_end_of_the_month_of_treatment() {
    // The end of the sixth month after (a recorded choice), not CAL-8 from
    // the month's last day: April → 31 October, February → 31 August.
    assert_eq!(time_bar(d(2025, 4, 20)), Some(d(2025, 10, 31)));
    assert_eq!(time_bar(d(2026, 2, 1)), Some(d(2026, 8, 31)));
    assert_eq!(time_bar(d(2024, 8, 31)), Some(d(2025, 2, 28)));
    // On a weekend it rolls forward (CAL-7): Saturday 31 October 2026 →
    // Monday 2 November; Saturday 28 February 2026 → Monday 2 March.
    assert_eq!(time_bar(d(2026, 4, 20)), Some(d(2026, 11, 2)));
    assert_eq!(time_bar(d(2025, 8, 31)), Some(d(2026, 3, 2)));
    let mut b = bill("2ad");
    b.date = d(2024, 4, 20);
    b.sent = Some(d(2024, 10, 31));
    assert!(
        check_bill(&b, &ctx()).0.is_empty(),
        "on the bar date it is in time"
    );
    b.sent = Some(d(2024, 11, 1));
    let (report, _) = check_bill(&b, &ctx());
    assert_eq!(report.issues[0].code, IssueCode::BillTimeBarred);
    assert_eq!(rule_of(&report.issues[0]), "CTRL-8");
}
