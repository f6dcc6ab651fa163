//! When a message takes effect: FL-4 (visible a month early only if sent six
//! weeks before), FL-5 (registered two working days later, across Easter and
//! Christmas) and FL-6 (the timing class boundaries of the seed; a new GP
//! replacing an agreement gets its class).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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
