//! Named tests for the fastlege rules FL-1 … FL-12 (docs/rules.md §4, seeds 001
//! and 003). Fixed dates only. Easter 2023 is 9 April (holidays 6, 7 and 10
//! April); Easter 2026 is 5 April (2, 3 and 6 April).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use frist_domain::fastlege::{
    CheckContext, ContactForm, ListBounds, MessageForm, MessageKind, Replaced, SCHEMA_VERSION,
    TimingClass, chase_from, expected_registration, last_working_day, moves_in_words,
    reaching_age_limit, timing, timing_class, turns_age, visible_month_before,
};
use frist_domain::{IssueCode, Report, Severity};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(today: &str) -> CheckContext {
    CheckContext {
        today: d(today),
        bounds: ListBounds::DEFAULT,
    }
}

fn base(kind: &str) -> MessageForm {
    MessageForm {
        schema_version: SCHEMA_VERSION,
        kind: kind.into(),
        contact: ContactForm {
            name: "Kari Kommune".into(),
            phone: "61 05 00 00".into(),
            email: "kari@lillehammer.kommune.no".into(),
        },
        gp_name: "Per Olsen".into(),
        gp_hpr: "9144889".into(),
        practice: "Storgata legesenter".into(),
        ..MessageForm::default()
    }
}

fn codes(r: &Report, severity: Severity) -> Vec<(String, IssueCode)> {
    r.issues
        .iter()
        .filter(|i| i.severity == severity)
        .map(|i| (i.path.clone(), i.code))
        .collect()
}

fn errors(r: &Report) -> Vec<(String, IssueCode)> {
    codes(r, Severity::Error)
}

fn warnings(r: &Report) -> Vec<(String, IssueCode)> {
    codes(r, Severity::Warning)
}

fn e(path: &str, code: IssueCode) -> (String, IssueCode) {
    (path.to_owned(), code)
}

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

#[test]
fn fl_2_every_message_needs_a_contact_person() {
    let mut f = base("new_vacant_list");
    f.contact = ContactForm::default();
    f.start_date = "01.03.2027".into();
    f.listetak = "0".into();
    let (r, m) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(
        errors(&r),
        [
            e("contact.name", IssueCode::Required),
            e("contact.phone", IssueCode::Required),
            e("contact.email", IssueCode::Required),
        ]
    );
    assert!(m.is_none());
    f.contact.name = "Kari".into();
    f.contact.phone = "12".into();
    f.contact.email = "kari@".into();
    let (r, _) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(
        errors(&r),
        [
            e("contact.phone", IssueCode::PhoneInvalid),
            e("contact.email", IssueCode::EmailInvalid),
        ]
    );
}

#[test]
fn fl_4_visible_a_month_early_only_if_sent_six_weeks_before() {
    assert_eq!(
        visible_month_before(d("2026-04-20"), d("2026-06-01")),
        Ok(true)
    );
    assert_eq!(
        visible_month_before(d("2026-04-21"), d("2026-06-01")),
        Ok(false)
    );
    let t = timing(d("2026-04-20"), None, Some(d("2026-06-01"))).unwrap();
    assert_eq!(t.visible_from, Some(d("2026-05-01")));
    let late = timing(d("2026-04-21"), None, Some(d("2026-06-01"))).unwrap();
    assert_eq!(late.visible_month_before, Some(false));
    assert_eq!(late.visible_from, Some(d("2026-04-23")));
    // FL-3/FL-4 in the form: a warning with the latest day.
    let mut f = base("new_vacant_list");
    f.start_date = "01.06.2026".into();
    f.listetak = "0".into();
    let (r, m) = f.check(&ctx("2026-04-21"), None);
    assert_eq!(
        warnings(&r),
        [e("start_date", IssueCode::NotVisibleMonthBefore)]
    );
    assert_eq!(
        r.issues[0].params.get("latest"),
        Some(&d("2026-04-20").into())
    );
    assert!(m.is_some(), "a warning does not stop the message");
}

#[test]
fn fl_5_registration_two_working_days_later_across_easter_and_christmas() {
    // Easter 2026: Wednesday 1 April → 7 (Tuesday after Easter Monday), 8 April.
    assert_eq!(expected_registration(d("2026-04-01")), Ok(d("2026-04-08")));
    // Christmas 2026: 24 December is a working day, 25 and 26 are not.
    assert_eq!(expected_registration(d("2026-12-23")), Ok(d("2026-12-28")));
    // Friday → Tuesday.
    assert_eq!(expected_registration(d("2026-11-20")), Ok(d("2026-11-24")));
}

#[test]
fn fl_6_timing_class_boundaries_of_the_seed() {
    let t = d("2023-04-30");
    assert_eq!(timing_class(d("2023-04-16"), t), TimingClass::I);
    assert_eq!(timing_class(d("2023-04-17"), t), TimingClass::II);
    assert_eq!(timing_class(d("2023-04-30"), t), TimingClass::II);
    assert_eq!(timing_class(d("2023-05-01"), t), TimingClass::III);
    // From the sending day: Wednesday 12 April 2023 → R 14 April: class I;
    // Thursday 13 April → R Monday 17 April: class II.
    let i = timing(d("2023-04-12"), Some(t), None).unwrap();
    assert_eq!(
        (i.expected_registration, i.class),
        (d("2023-04-14"), Some(TimingClass::I))
    );
    assert_eq!(i.fourteen_day_line, Some(d("2023-04-16")));
    let ii = timing(d("2023-04-13"), Some(t), None).unwrap();
    assert_eq!(
        (ii.expected_registration, ii.class),
        (d("2023-04-17"), Some(TimingClass::II))
    );
    // Each class says what it means for citizens, before sending.
    assert!(
        TimingClass::III
            .consequences_nb()
            .iter()
            .any(|c| c.contains("epikriser"))
    );
    assert!(
        TimingClass::II
            .consequences_nb()
            .iter()
            .any(|c| c.contains("etter at de er flyttet"))
    );
}

#[test]
fn fl_6_a_new_gp_replacing_an_agreement_gets_its_class() {
    let mut f = base("new_gp");
    f.start_date = "01.05.2023".into();
    f.listetak = "1200".into();
    f.citizens_moved = "1100".into();
    f.replaces = "fl_old".into();
    let replaced = Some(Replaced {
        termination: d("2023-04-30"),
    });
    // FL-9: the 1,100 citizens moved onto the new list are confirmed first.
    let (r, _) = f.check(&ctx("2023-04-13"), replaced);
    assert_eq!(errors(&r), [e("confirmed", IssueCode::ConfirmMoves)]);
    f.confirmed = true;
    let (_, m) = f.check(&ctx("2023-04-13"), replaced);
    let m = m.unwrap();
    assert_eq!(m.timing.class, Some(TimingClass::II));
    assert_eq!(m.citizens_moved, 1100);
    // A replaced agreement the edge could not find is named as such.
    let (r, m) = f.check(&ctx("2023-04-13"), None);
    assert!(errors(&r).contains(&e("replaces", IssueCode::NotFound)));
    assert!(m.is_none());
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

fn list_change(current: &str, new: &str, moved: &str) -> MessageForm {
    MessageForm {
        effective_date: "01.02.2027".into(),
        current_list_size: current.into(),
        new_listetak: new.into(),
        citizens_moved: moved.into(),
        move_to: "ny ubesatt liste ved Storgata legesenter".into(),
        confirmed: true,
        ..base("list_size")
    }
}

#[test]
fn fl_9_list_numbers_must_add_up_and_be_confirmed() {
    let today = ctx("2026-11-23");
    let (r, m) = list_change("1 200", "1000", "200").check(&today, None);
    assert!(r.is_empty(), "{r:?}");
    assert_eq!(m.unwrap().citizens_moved, 200);
    let (r, m) = list_change("1200", "1000", "150").check(&today, None);
    assert_eq!(
        errors(&r),
        [e("citizens_moved", IssueCode::ListNumbersDoNotAddUp)]
    );
    assert_eq!(r.issues[0].params.get("expected"), Some(&200i64.into()));
    assert!(m.is_none());
    let (r, _) = list_change("900", "1000", "10").check(&today, None);
    assert_eq!(errors(&r), [e("citizens_moved", IssueCode::NoMoveNeeded)]);
    let mut unconfirmed = list_change("1200", "1000", "200");
    unconfirmed.confirmed = false;
    let (r, _) = unconfirmed.check(&today, None);
    assert_eq!(errors(&r), [e("confirmed", IssueCode::ConfirmMoves)]);
    let mut nowhere = list_change("1200", "1000", "200");
    nowhere.move_to.clear();
    let (r, _) = nowhere.check(&today, None);
    assert_eq!(errors(&r), [e("move_to", IssueCode::Required)]);
    assert_eq!(
        moves_in_words(200, "Dr. Hansen"),
        "200 innbyggere flyttes til Dr. Hansen."
    );
    // A new list cannot take more citizens than its listetak.
    let mut f = base("new_gp");
    f.start_date = "01.03.2027".into();
    f.listetak = "500".into();
    f.citizens_moved = "600".into();
    f.confirmed = true;
    let (r, _) = f.check(&today, None);
    assert_eq!(
        errors(&r),
        [e("citizens_moved", IssueCode::MovedExceedsListetak)]
    );
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// FL-9: a list change passes exactly when the moves are the list size
    /// above the new listetak.
    #[test]
    fn fl_9_accepted_exactly_when_the_numbers_add_up(current in 0u32..3000, new in 0u32..3000, moved in 0u32..3000) {
        let f = list_change(&current.to_string(), &new.to_string(), &moved.to_string());
        let (r, m) = f.check(&ctx("2026-11-23"), None);
        proptest::prop_assert_eq!(m.is_some(), moved == current.saturating_sub(new), "{:?}", r);
    }
}

#[test]
fn fl_10_substitutes_without_lis1_at_most_a_year_and_bounds_are_settings() {
    let mut f = base("substitute_start");
    f.substitute_name = "Vera Vikar".into();
    f.substitute_hpr = "9144890".into();
    f.start_date = "01.01.2027".into();
    f.end_date = "01.02.2028".into();
    f.competence = "none".into();
    let (r, _) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(errors(&r), [e("end_date", IssueCode::SubstituteTooLong)]);
    // One year is 1 January to 31 December; a year and a day is too long.
    assert_eq!(
        r.issues[0].params.get("max_end"),
        Some(&d("2027-12-31").into())
    );
    f.end_date = "01.01.2028".into();
    assert_eq!(
        errors(&f.check(&ctx("2026-11-23"), None).0),
        [e("end_date", IssueCode::SubstituteTooLong)]
    );
    f.end_date = "31.12.2027".into();
    let (r, m) = f.check(&ctx("2026-11-23"), None);
    assert!(errors(&r).is_empty(), "{r:?}");
    let facts = m.unwrap().substitute.unwrap();
    assert_eq!(
        (facts.hpr.as_str(), facts.start, facts.end, facts.unapproved),
        (
            "9144890",
            Some(d("2027-01-01")),
            Some(d("2027-12-31")),
            true
        )
    );
    f.end_date = "01.02.2028".into();
    f.lis1_completed = true;
    assert!(f.check(&ctx("2026-11-23"), None).1.is_some());
    f.competence = "approved".into();
    f.lis1_completed = false;
    assert!(f.check(&ctx("2026-11-23"), None).1.is_some());
    f.end_date = "31.12.2026".into();
    let (r, _) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(errors(&r), [e("end_date", IssueCode::DateBeforeStart)]);
    // Early end and change name the substitute and the GP.
    let mut end = base("substitute_end");
    end.substitute_name = "Vera Vikar".into();
    end.substitute_hpr = "9144890".into();
    end.end_date = "15.03.2027".into();
    let (_, m) = end.check(&ctx("2026-11-23"), None);
    assert_eq!(m.unwrap().effective, d("2027-03-15"));
    // List bounds come from the deployment, not the code.
    let mut f = base("new_vacant_list");
    f.start_date = "01.03.2027".into();
    f.listetak = "3500".into();
    let (r, _) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(errors(&r), [e("listetak", IssueCode::NumberOutOfRange)]);
    let wide = CheckContext {
        today: d("2026-11-23"),
        bounds: ListBounds { min: 0, max: 4000 },
    };
    assert!(f.check(&wide, None).1.is_some());
}

#[test]
fn fl_11_direct_settlement_after_start_is_warned_loudly_but_sent() {
    let mut f = base("new_gp");
    f.start_date = "01.03.2027".into();
    f.listetak = "1000".into();
    f.self_employed = true;
    let (r, m) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(
        warnings(&r),
        [e(
            "direct_settlement_date",
            IssueCode::DirectSettlementMissing
        )]
    );
    assert!(m.is_some());
    f.direct_settlement_date = "15.03.2027".into();
    let (r, _) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(
        warnings(&r),
        [e(
            "direct_settlement_date",
            IssueCode::DirectSettlementAfterStart
        )]
    );
    f.direct_settlement_date = "01.02.2027".into();
    assert!(f.check(&ctx("2026-11-23"), None).0.is_empty());
    // Employed doctors are in the kommune's own agreement: no question.
    f.self_employed = false;
    f.direct_settlement_date.clear();
    assert!(f.check(&ctx("2026-11-23"), None).0.is_empty());
}

#[test]
fn fl_12_a_message_from_an_older_form_version_is_refused() {
    let mut f = base("new_vacant_list");
    f.schema_version = SCHEMA_VERSION - 1;
    let (r, m) = f.check(&ctx("2026-11-23"), None);
    assert_eq!(errors(&r), [e("schema_version", IssueCode::SchemaOutdated)]);
    assert!(m.is_none());
    let text = frist_domain::messages::render(&r.issues[0], frist_domain::messages::Lang::Nb);
    assert!(text.contains("gammel versjon"), "{text}");
    // Every kind is known by name; an unknown one lists them.
    let (r, _) = base("flytting").check(&ctx("2026-11-23"), None);
    assert_eq!(errors(&r), [e("kind", IssueCode::NotOneOf)]);
    use strum::IntoEnumIterator;
    assert_eq!(MessageKind::iter().count(), 7);
}

/// FL-10: «a doctor without completed LIS1 may substitute for at most one
/// year in total» — a total over every period, overlaps counted once, early
/// ends applied.
#[test]
fn fl_10_the_year_is_a_total_over_every_period_of_the_doctor() {
    use frist_domain::fastlege::{SubstituteFacts, substitute_total, unapproved_periods};
    let start = |s: &str, e: &str, unapproved: bool| SubstituteFacts {
        hpr: "009144890".into(),
        start: Some(d(s)),
        end: Some(d(e)),
        unapproved,
    };
    let early_end = |e: &str| SubstituteFacts {
        hpr: "009144890".into(),
        start: None,
        end: Some(d(e)),
        unapproved: false,
    };
    // Eight months, cut to three by an early end; a period after LIS1 does
    // not count.
    let messages = [
        start("2026-01-01", "2026-08-31", true),
        early_end("2026-03-31"),
        start("2026-09-01", "2027-06-30", false),
    ];
    let periods = unapproved_periods(&messages);
    assert_eq!(periods, [(d("2026-01-01"), d("2026-03-31"))]);
    // 90 days used; 275 left of the 365 from 1 January 2026.
    assert_eq!(
        substitute_total(&periods, d("2027-01-01"), d("2027-10-02")),
        Ok(())
    );
    assert_eq!(
        substitute_total(&periods, d("2027-01-01"), d("2027-10-03")),
        Err(d("2027-10-02"))
    );
    // Overlapping periods count their common days once.
    let overlapping = [(d("2026-01-01"), d("2026-06-30"))];
    assert_eq!(
        substitute_total(&overlapping, d("2026-06-01"), d("2026-12-31")),
        Ok(())
    );
    // A year used up: nothing more fits.
    let used = [(d("2025-01-01"), d("2025-12-31"))];
    assert_eq!(
        substitute_total(&used, d("2026-03-01"), d("2026-03-01")),
        Err(d("2026-02-28"))
    );
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
