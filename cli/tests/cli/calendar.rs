//! `frist calendar`: the holidays with both names (CAL-1), adding working
//! days singly and from stdin and counting them (CAL-3), and a hundred
//! thousand lines on stdin.

use super::*;

#[test]
fn calendar_holidays_prints_twelve_with_both_names() {
    let (code, out, _) = frist(&["calendar", "holidays", "1970"], None);
    assert_eq!(code, 0);
    let v = lines(&out);
    assert_eq!(v.len(), 12);
    assert_eq!(
        v[0],
        serde_json::json!({"date": "1970-01-01", "name_nb": "Første nyttårsdag", "name_en": "New Year's Day"})
    );
    // 17 May 1970 was also Whit Sunday: two objects on one date.
    let may17: Vec<_> = v.iter().filter(|h| h["date"] == "1970-05-17").collect();
    assert_eq!(may17.len(), 2);
    assert!(may17.iter().any(|h| h["name_en"] == "Whit Sunday"));
}

#[test]
fn calendar_add_workdays_single_and_stdin() {
    let (code, out, _) = frist(&["calendar", "add-workdays", "2024-03-27", "1"], None);
    assert_eq!((code, out.as_str()), (0, "2024-04-02\n"));
    let (code, out, err) = frist(
        &["calendar", "add-workdays", "-"],
        Some("2024-12-31 1\n2023-04-05 10\nnonsense\n2024-12-20 5\n"),
    );
    assert_eq!(code, 1, "one bad line");
    assert_eq!(out, "2025-01-02\n2023-04-24\n\n2024-12-31\n");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn calendar_workdays_between() {
    let (code, out, _) = frist(
        &["calendar", "workdays-between", "2024-12-20", "2025-01-03"],
        None,
    );
    // 23, 24, 27, 30, 31 December and 2, 3 January.
    assert_eq!((code, out.trim()), (0, "7"));
}

#[test]
fn a_hundred_thousand_lines_on_stdin() {
    let input: String = (0..100_000)
        .map(|i| format!("2024-01-{:02} {}\n", 1 + i % 28, i % 300))
        .collect();
    let (code, out, _) = frist(&["calendar", "add-workdays", "-"], Some(&input));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 100_000);
}
