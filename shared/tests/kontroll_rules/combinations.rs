//! The takster of one bill: CTRL-2 (group entries, 1bd stands alone, invalid
//! combinations with groups and exceptions, 2ae allows only its list, and the
//! property that 1bd with any other takst is refused), CTRL-3 (supplements need
//! a main takst), CTRL-4 (a once-only takst twice) and CTRL-5 (day and evening
//! never together, reported once).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn ctrl_2_group_entries_cover_whole_groups() {
    assert!(entry_covers("11", "11e"));
    assert!(entry_covers("11", "11cd"));
    assert!(!entry_covers("11", "110"));
    assert!(!entry_covers("1", "11e"));
    assert!(entry_covers("1", "1ad"));
    assert!(entry_covers("1b", "1bd"));
    assert!(!entry_covers("1b", "1ad"));
    assert!(entry_covers("2ak", "2AK"));
}

#[test]
fn ctrl_2_1bd_stands_alone() {
    assert!(findings("1bd").is_empty());
    assert_eq!(
        findings("1bd 701a"),
        vec![(
            IssueCode::TakstMustStandAlone,
            "CTRL-2".into(),
            "1bd".into()
        )]
    );
}

#[test]
fn ctrl_2_invalid_combinations_with_groups_and_exceptions() {
    // 2ad excludes the whole 1-group: 1ad may not stand beside it.
    let f = findings("2ad 1ad");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, IssueCode::TakstInvalidCombination);
    assert_eq!(f[0].1, "CTRL-2");
    // 2ad excludes the 11-group except 11e (which needs a companion: it has one).
    assert!(findings("2ad 11e").is_empty(), "{:?}", findings("2ad 11e"));
    assert_eq!(
        findings("2ad 11cd")[0].0,
        IssueCode::TakstInvalidCombination
    );
    // A consultation with a lab takst is a normal bill.
    assert!(findings("2ad 701a").is_empty());
}

#[test]
fn ctrl_2_2ae_allows_only_its_list() {
    assert!(
        findings("2ae 2cd 701a").is_empty(),
        "{:?}",
        findings("2ae 2cd 701a")
    );
    assert_eq!(
        findings("2ae 1e"),
        vec![(
            IssueCode::TakstNotInWhitelist,
            "CTRL-2".into(),
            "2ae".into()
        )]
    );
}

#[test]
fn ctrl_3_supplements_need_a_main_takst() {
    assert_eq!(
        findings("2cd"),
        vec![(
            IssueCode::TakstNeedsCompanion,
            "CTRL-3".into(),
            "2cd".into()
        )]
    );
    assert!(findings("2ad 2cd").is_empty());
    // Two supplements do not make a main takst.
    let f = findings("2cd 2dd");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(
        f.iter()
            .all(|(c, r, _)| *c == IssueCode::TakstNeedsCompanion && r == "CTRL-3")
    );
}

#[test]
fn ctrl_4_a_once_only_takst_twice_is_refused() {
    assert_eq!(
        findings("2ad*2"),
        vec![(
            IssueCode::TakstRepeatedTooOften,
            "CTRL-4".into(),
            "2ad".into()
        )]
    );
    // Written twice counts the same as *2.
    assert_eq!(findings("2ad 2ad")[0].0, IssueCode::TakstRepeatedTooOften);
}

#[test]
fn ctrl_5_day_and_evening_never_together_and_reported_once() {
    assert_eq!(
        findings("2ad 2ak"),
        vec![(IssueCode::TakstDayAndEvening, "CTRL-5".into(), "2ad".into())]
    );
    assert_eq!(findings("1ad 1ak")[0].1, "CTRL-5");
}

#[cfg(not(target_arch = "wasm32"))]
mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// CTRL-2: any bill with 1bd and another takst is refused.
        #[test]
        fn ctrl_2_1bd_with_any_other_takst_is_refused(
            year in 0usize..8, picks in proptest::collection::vec(0usize..1000, 1..4),
        ) {
            let tariffs = Tariffs::builtin();
            let year = &tariffs.years()[year % tariffs.years().len()];
            let others: Vec<&str> = picks
                .iter()
                .map(|i| year.takster[i % year.takster.len()].code.as_str())
                .filter(|c| !c.eq_ignore_ascii_case("1bd"))
                .collect();
            prop_assume!(!others.is_empty());
            let mut b = bill(&format!("1bd {}", others.join(" ")));
            b.date = year.valid_from;
            let c = BillContext { sent: year.valid_from, ..ctx() };
            let (report, _) = check_bill(&b, &c);
            prop_assert!(report.has_errors());
            prop_assert!(report.issues.iter().any(|i| i.code == IssueCode::TakstMustStandAlone
                || i.code == IssueCode::TakstDayAndEvening));
        }
    }
}
