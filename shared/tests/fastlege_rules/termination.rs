//! A GP's agreement ending: FL-1 (the notice period's last working day, the
//! seed's 7 October 2022 notice ending 30 April 2023, a termination message
//! that warns when its last day differs, GPs reaching 70 within twelve months)
//! and FL-7 (chased from the day after one month before termination; the chase
//! e-mail names only the message and the last day).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn fl_1_the_seeds_notice_7_october_2022_ends_30_april_2023() {
    // Seed 001: «sagt opp 7. oktober 2022 … Siste arbeidsdag: 30. april 2023
    // (alternativt 6 måneders oppsigelsestid)».
    assert_eq!(last_working_day(d("2022-10-07"), 6), Ok(d("2023-04-30")));
    // Counted from the 1st of the next month, whatever the day of notice.
    assert_eq!(last_working_day(d("2022-10-31"), 6), Ok(d("2023-04-30")));
    assert_eq!(last_working_day(d("2026-01-31"), 6), Ok(d("2026-07-31")));
    assert_eq!(last_working_day(d("2026-08-15"), 6), Ok(d("2027-02-28")));
    assert_eq!(last_working_day(d("2026-11-23"), 3), Ok(d("2027-02-28")));
}

#[test]
fn fl_1_a_termination_message_computes_the_last_day_and_warns_when_it_differs() {
    let mut f = base("termination");
    f.notice_date = "07.10.2022".into();
    let (r, m) = f.check(&ctx("2022-10-07"), None);
    assert!(r.is_empty(), "{r:?}");
    let m = m.unwrap();
    assert_eq!(m.timing.termination, Some(d("2023-04-30")));
    assert_eq!(m.effective, d("2023-05-01"));
    // FL-7: in time up to 30 March; Helfo asks from 31 March.
    assert_eq!(m.timing.chase_from, Some(d("2023-03-31")));
    assert_eq!(m.timing.class, None);
    // A last day other than the rule's: a warning, not a refusal.
    f.last_working_day = "31.03.2023".into();
    let (r, m) = f.check(&ctx("2022-10-07"), None);
    assert_eq!(
        warnings(&r),
        [e("last_working_day", IssueCode::NoticePeriodDiffers)]
    );
    assert_eq!(m.unwrap().timing.termination, Some(d("2023-03-31")));
    // Before the notice, or a notice in the future: refused.
    f.last_working_day = "01.10.2022".into();
    let (r, m) = f.check(&ctx("2022-10-07"), None);
    assert_eq!(
        errors(&r),
        [e("last_working_day", IssueCode::DateBeforeStart)]
    );
    assert!(m.is_none());
    f.last_working_day.clear();
    let (r, _) = f.check(&ctx("2022-10-06"), None);
    assert_eq!(errors(&r), [e("notice_date", IssueCode::DateInFuture)]);
}

#[test]
fn fl_1_gps_reaching_70_within_twelve_months() {
    assert_eq!(turns_age(d("1956-02-29"), 70), Ok(d("2026-02-28")));
    let gps = vec![
        (
            "Eldre Lege".to_owned(),
            "1000001".to_owned(),
            d("1956-12-01"),
        ),
        (
            "Yngre Lege".to_owned(),
            "1000002".to_owned(),
            d("1960-01-01"),
        ),
        (
            "Passert Lege".to_owned(),
            "1000003".to_owned(),
            d("1956-11-22"),
        ),
        (
            "Grense Lege".to_owned(),
            "1000004".to_owned(),
            d("1957-11-23"),
        ),
    ];
    let due = reaching_age_limit(&gps, d("2026-11-23"), 70);
    let names: Vec<&str> = due.iter().map(|a| a.gp_name.as_str()).collect();
    assert_eq!(names, ["Eldre Lege", "Grense Lege"]);
    assert_eq!(due[0].reaches_limit_on, d("2026-12-01"));
    // The limit is a setting (75 where the kommune has extended it).
    assert!(reaching_age_limit(&gps, d("2026-11-23"), 75).is_empty());
}

/// Seed 001: «Hvis melding fra kommunen ikke er mottatt innen en måned før
/// opphør av avtalen, etterspør Helfo informasjon fra kommunen» — in time on
/// T − 1 month (CAL-8), chased from the day after.
#[test]
fn fl_7_chased_from_the_day_after_one_month_before_termination() {
    assert_eq!(chase_from(d("2023-04-30")), Ok(d("2023-03-31")));
    assert_eq!(chase_from(d("2026-05-31")), Ok(d("2026-05-01")));
    assert_eq!(chase_from(d("2026-03-31")), Ok(d("2026-03-01")));
    assert_eq!(chase_from(d("2024-03-31")), Ok(d("2024-03-01")));
}

/// FL-7 by e-mail (issue 26): Helfo's request names the termination
/// message and the agreement's last day, and links to the message — no GP
/// name, no HPR number, no phone.
#[test]
fn fl_7_the_chase_email_names_only_the_message_and_the_last_day() {
    let link = "https://frist.example/fastlege/meldinger/m_42";
    let (subject, body) = frist_domain::mail::fl_chase("FL2026000007", "30.04.2026", link);
    assert!(subject.contains("FL2026000007"));
    assert!(body.contains("FL2026000007") && body.contains("30.04.2026"));
    assert!(body.contains(link));
    let digits: String = format!("{subject}{}", body.replace(link, ""))
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(digits, "2026000007202600000730042026");
}
