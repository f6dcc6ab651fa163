//! FK-1, one claim line: its checks (dates, identifiers, amounts), amounts
//! read as øre, and a date outside the calendar is out of range, not invalid.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn fk_1_a_claim_line_and_its_checks() {
    let c = ctx("2026-04-01", None);
    let (issues, line) = check_line(
        &raw("15038510190", "02.03.2026", "2026-03-10", "171,00"),
        &c,
    );
    assert!(issues.is_empty(), "{issues:?}");
    let line = line.unwrap();
    assert_eq!((line.amount_ore, line.transport), (17_100, d("2026-03-02")));
    // Paid out before the trip, or in the future: refused.
    let (issues, line) = check_line(&raw("15038510190", "2026-03-10", "2026-03-02", "171"), &c);
    assert_eq!(
        codes(&issues),
        [(
            "utbetalingsdato".into(),
            IssueCode::PayoutBeforeTransport,
            Severity::Error
        )]
    );
    assert!(line.is_none());
    let (issues, _) = check_line(&raw("15038510190", "2026-03-10", "2026-04-02", "171"), &c);
    assert_eq!(issues[0].code, IssueCode::DateInFuture);
    // Amounts are positive øre, never floats.
    let (issues, _) = check_line(&raw("15038510190", "2026-03-02", "2026-03-10", "0"), &c);
    assert_eq!(issues[0].code, IssueCode::AmountInvalid);
    // A bad fødselsnummer is named as such.
    let (issues, _) = check_line(&raw("15038510191", "2026-03-02", "2026-03-10", "171"), &c);
    assert_eq!(issues[0].path, "fodselsnummer");
    // Above a return trip (2 × 171 kr from 2024): a warning, the line stays valid.
    let (issues, line) = check_line(&raw("15038510190", "2026-03-02", "2026-03-10", "400"), &c);
    assert_eq!(
        codes(&issues),
        [(
            "egenandel".into(),
            IssueCode::AmountAboveReturnTrip,
            Severity::Warning
        )]
    );
    assert!(line.is_some());
    assert_eq!(return_trip_ore(2024), Some(34_200));
    assert_eq!(return_trip_ore(2020), Some(29_200));
    assert_eq!(return_trip_ore(2010), None);
}

#[test]
fn fk_1_amounts_are_read_as_ore() {
    for (text, ore) in [
        ("171", 17_100),
        ("171,00", 17_100),
        ("171.5", 17_150),
        ("1 234,50", 123_450),
        ("kr 99,99", 9_999),
        // A no-break space between thousands, other spaces beyond ASCII,
        // around and inside.
        ("1\u{a0}234,50", 123_450),
        ("\u{a0}171\u{2003}", 17_100),
        (" kr\t1 7 1 ,0\u{b}", 17_100),
    ] {
        assert_eq!(parse_amount(text), Some(ore), "{text}");
    }
    for bad in [
        "",
        "-171",
        "0,00",
        "1,234",
        "17l",
        "1.2.3",
        "17½",
        "1\u{a0}234,50\u{a0}kr",
    ] {
        assert_eq!(parse_amount(bad), None, "{bad}");
    }
    assert_eq!(format_ore(123_450), "1\u{a0}234,50\u{a0}kr");
}

/// One answer per kind of mistake on every form (`frist_domain::fields`): a
/// well-formed date outside the calendar's years is out of range, as on the
/// fristbrudd and fastlege forms, not "invalid".
#[test]
fn fk_1_a_date_outside_the_calendar_is_out_of_range_not_invalid() {
    let c = ctx("2026-04-01", None);
    let (issues, line) = check_line(&raw("15038510190", "02.03.1900", "2026-03-10", "171"), &c);
    assert_eq!(
        codes(&issues),
        [(
            "transportdato".into(),
            IssueCode::DateOutOfRange,
            Severity::Error
        )]
    );
    assert!(line.is_none());
    let (issues, _) = check_line(&raw("15038510190", "31.02.2026", "2026-03-10", "171"), &c);
    assert_eq!(issues[0].code, IssueCode::DateInvalid);
}
