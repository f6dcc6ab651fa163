//! What is told and counted: FB-9 (the update e-mail names only the case
//! number) and FB-11 (not reached is Helfo's first outcome, the service limit
//! and the monthly figures).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// FB-11 with seed 000, step 3, which lists «Helfo får ikke tak i
/// pasienten» among the results Helfo registers: it is a first answer.
#[test]
fn fb_11_not_reached_is_helfos_first_outcome() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::NotReached, "2026-03-26");
    assert_eq!(c.first_outcome_on, Some(d("2026-03-26")));
    let f = service_figures(c.notified_on, d("2026-03-26")).unwrap();
    assert!(f.within_limit);
    assert_eq!(
        c.running_deadlines(),
        [],
        "the service limit no longer runs"
    );
}

#[test]
fn fb_11_service_limit_and_figures() {
    let c = case_on("2026-04-01");
    assert_eq!(c.deadlines().service_limit, d("2026-04-20"));
    assert_eq!(
        c.next_deadline(),
        Some((DeadlineKind::ServiceLimit, d("2026-04-20")))
    );
    let f = service_figures(d("2026-04-01"), d("2026-04-20")).unwrap();
    assert_eq!((f.working_days, f.within_limit), (10, true));
    let f = service_figures(d("2026-04-01"), d("2026-04-21")).unwrap();
    assert_eq!((f.working_days, f.within_limit), (11, false));
}

#[test]
fn fb_9_the_update_email_names_only_the_case_number() {
    let link = "https://frist.example/fristbrudd/saker/c_7f3a9";
    let (subject, body) = frist_domain::fristbrudd::update_email("FB-2026-000042", link);
    assert!(subject.contains("FB-2026-000042") && body.contains("FB-2026-000042"));
    // The link straight to the case (issue 26), which asks to sign in first.
    assert!(body.contains(link));
    let digits: String = format!("{subject}{}", body.replace(link, ""))
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(
        digits, "20260000422026000042",
        "no other numbers (no fødselsnummer, no dates)"
    );
}

#[test]
fn fb_11_monthly_share_within_the_limit_and_mean_working_days() {
    use frist_domain::fristbrudd::monthly_stats;
    let rows = [
        (d("2026-03-02"), Some(d("2026-03-06"))), // 4 working days
        (d("2026-03-10"), Some(d("2026-03-31"))), // 15 working days: late
        (d("2026-03-20"), None),
        (d("2026-04-01"), Some(d("2026-04-20"))), // 10 working days across Easter
    ];
    let s = monthly_stats(&rows);
    assert_eq!(s.len(), 2);
    assert_eq!(
        (
            s[0].month.as_str(),
            s[0].cases,
            s[0].with_outcome,
            s[0].within_limit
        ),
        ("2026-03", 3, 2, 1)
    );
    assert_eq!(s[0].mean_working_days, Some(9.5));
    assert_eq!((s[1].month.as_str(), s[1].within_limit), ("2026-04", 1));
    assert_eq!(s[1].mean_working_days, Some(10.0));
}
