//! The claim's deadlines: FK-2 (six months from awareness, or from each
//! payout, rolled forward; late lines are warned), FK-3 (payment due thirty
//! days after receipt) and FK-6 (time-barred three years after the payout; the
//! line rules bar exactly the payouts past their bar date).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn fk_2_six_months_from_awareness_rolled_forward_late_lines_are_warned() {
    assert_eq!(submission_deadline(d("2026-01-31")), Ok(d("2026-07-31")));
    // 17 May 2026 is a Sunday and Constitution Day: Monday 18th.
    assert_eq!(submission_deadline(d("2025-11-17")), Ok(d("2026-05-18")));
    let line = raw("15038510190", "2025-11-01", "2025-11-10", "171");
    let (issues, _) = check_line(&line, &ctx("2026-05-18", Some("2025-11-17")));
    assert!(issues.is_empty(), "on the deadline: {issues:?}");
    let (issues, line) = check_line(&line, &ctx("2026-05-19", Some("2025-11-17")));
    assert_eq!(
        codes(&issues),
        [("".into(), IssueCode::LateSubmission, Severity::Warning)]
    );
    assert!(line.is_some(), "late is a warning, not an error");
}

/// FK-2 without an "aware" date (**choice**): the HF knew of its claim when
/// it paid the share out, so the 6 months run from each line's payout.
#[test]
fn fk_2_without_an_aware_date_six_months_from_each_payout() {
    // Paid out 17 November 2025: deadline Monday 18 May 2026 (as above).
    let line = raw("15038510190", "2025-11-01", "2025-11-17", "171");
    let (issues, _) = check_line(&line, &ctx("2026-05-18", None));
    assert!(issues.is_empty(), "on the deadline: {issues:?}");
    let (issues, line) = check_line(&line, &ctx("2026-05-19", None));
    assert_eq!(
        codes(&issues),
        [(
            "utbetalingsdato".into(),
            IssueCode::LateSubmission,
            Severity::Warning
        )]
    );
    assert_eq!(issues[0].params["deadline"], Param::Date(d("2026-05-18")));
    assert!(line.is_some());
    // A later payout in the same file is in time.
    let (issues, _) = check_line(
        &raw("15038510190", "2025-12-01", "2025-12-01", "171"),
        &ctx("2026-05-19", None),
    );
    assert!(issues.is_empty(), "{issues:?}");
}

/// FK-2's per-line deadline agrees with `submission_deadline` for every
/// payout over two years (the rules find the boundary once per file).
#[test]
fn fk_2_line_rules_warn_exactly_the_payouts_whose_six_months_ran_out() {
    let received = d("2026-05-19");
    let rules = frist_domain::frikort::LineRules::new(ctx("2026-05-19", None));
    let mut day = d("2024-06-01");
    while day <= received {
        let text = day.to_string();
        let (issues, _) = rules.check(&raw("15038510190", &text, &text, "171"));
        let late = issues.iter().any(|i| i.code == IssueCode::LateSubmission);
        assert_eq!(
            late,
            received > submission_deadline(day).unwrap(),
            "payout {day}"
        );
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn fk_3_payment_due_thirty_days_after_receipt_rolled_forward() {
    assert_eq!(payment_due(d("2026-11-23")), Ok(d("2026-12-23")));
    // 25 and 26 December, then a Sunday: Monday 28th.
    assert_eq!(payment_due(d("2026-11-25")), Ok(d("2026-12-28")));
}

#[test]
fn fk_6_time_barred_three_years_after_payout_on_the_bar_date_still_in_time() {
    // 17 May 2026 is a holiday on a Sunday: the bar date rolls to the 18th.
    assert_eq!(time_bar(d("2023-05-17")), Ok(d("2026-05-18")));
    // Found by an audit on 1 May 2026 (FK-2: 6 months from then), so only
    // the bar speaks.
    let line = raw("15038510190", "2023-05-16", "2023-05-17", "146");
    let (issues, _) = check_line(&line, &ctx("2026-05-18", Some("2026-05-01")));
    assert!(issues.is_empty(), "{issues:?}");
    let (issues, line) = check_line(&line, &ctx("2026-05-19", Some("2026-05-01")));
    assert_eq!(
        codes(&issues),
        [(
            "utbetalingsdato".into(),
            IssueCode::TimeBarred,
            Severity::Error
        )]
    );
    assert!(line.is_none());
}

#[test]
fn fk_6_line_rules_bar_exactly_the_payouts_whose_bar_date_is_passed() {
    // LineRules finds the last barred payout once per file; it must agree
    // with time_bar for every payout, across 29 February, Easter and the
    // 17 May that rolls, for receipts on working days and holidays alike.
    let received = [
        "2026-05-18",
        "2026-05-19",
        "2027-02-28",
        "2027-03-01",
        "2028-02-29",
        "2028-03-01",
        "2026-04-02",
        "2026-04-07",
        "2026-12-27",
        "2029-01-02",
    ];
    for r in received {
        let context = ctx(r, None);
        let rules = LineRules::new(context);
        let mut payout = d(r) - chrono::Days::new(5 * 365);
        while payout < d(r) {
            let text = payout.format("%d.%m.%Y").to_string();
            let line = raw("15038510190", &text, &text, "146");
            let barred = |issues: &[frist_domain::Issue]| {
                issues.iter().any(|i| i.code == IssueCode::TimeBarred)
            };
            let expected = d(r) > time_bar(payout).unwrap();
            assert_eq!(
                barred(&rules.check(&line).0),
                expected,
                "received {r}, payout {payout}"
            );
            assert_eq!(barred(&check_line(&line, &context).0), expected);
            payout = payout.succ_opt().unwrap();
        }
    }
}
