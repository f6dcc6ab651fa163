//! The message form's checks: FL-2 (every message needs a contact person),
//! FL-9 (list numbers must add up and be confirmed; the property that a list
//! change passes exactly when they do), FL-10 (substitutes without LIS1 at most
//! a year in total; the bounds are settings), FL-11 (direct settlement after
//! the start is warned loudly but sent) and FL-12 (an older form version is
//! refused).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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
