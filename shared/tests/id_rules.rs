//! Named tests for the identifier rules ID-1 … ID-7.

// Under wasm32 the same tests run through wasm-bindgen-test (Node).
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use frist_domain::ids::{
    FnrContext, FnrKind, Fodselsnummer, HprNummer, IdError, Kontonummer, Organisasjonsnummer,
};

fn ctx(today: &str) -> FnrContext {
    FnrContext::production(today.parse().unwrap())
}

fn today() -> FnrContext {
    ctx("2026-11-23")
}

/// Builds a number from nine digits with the classic check digits.
fn with_check(first9: &str) -> Option<String> {
    let d: Vec<u8> = first9.bytes().map(|b| b - b'0').collect();
    let arr: [u8; 9] = d.try_into().ok()?;
    frist_domain::ids::fnr_check_digits(&arr).map(|[k1, k2]| format!("{first9}{k1}{k2}"))
}

/// A valid number for birth date `ddmmyy` with an individual number near
/// `individual`, stepping by `step` (±1) until the check digits exist.
fn near(ddmmyy: &str, individual: i32, step: i32) -> String {
    (0..40)
        .map(|i| individual + i * step)
        .find_map(|ind| with_check(&format!("{ddmmyy}{ind:03}")))
        .unwrap_or_else(|| panic!("no valid number near {ddmmyy}{individual}"))
}

#[test]
fn id_1_check_digit_remainder_1_is_never_valid() {
    // 010127050: the classic K1 would be 10, so no number with this base is
    // valid under the classic rule; before 2032 every completion is refused.
    assert_eq!(with_check("010127050"), None);
    for k in 0..100 {
        let n = format!("010127050{k:02}");
        let r = Fodselsnummer::parse(&n, &today());
        assert!(
            matches!(
                r,
                Err(IdError::BadCheckDigit | IdError::NewSeriesNotYetIssued)
            ),
            "{n}: {r:?}"
        );
    }
}

#[test]
fn id_1_leap_days() {
    // 29 Feb 2000 exists (individual 500–999 with YY ≤ 39 → 2000s) ...
    let n = Fodselsnummer::parse(&with_check("290200523").unwrap(), &today()).unwrap();
    assert_eq!(n.birth_date(), NaiveDate::from_ymd_opt(2000, 2, 29));
    // ... 29 Feb 1900 does not (individual 000–499 → 1900s).
    assert_eq!(
        Fodselsnummer::parse(&with_check("290200123").unwrap(), &today()),
        Err(IdError::NoSuchDate)
    );
    // 29 Feb 2001 never existed.
    assert_eq!(
        Fodselsnummer::parse(&with_check("290201523").unwrap(), &today()),
        Err(IdError::NoSuchDate)
    );
}

#[test]
fn id_1_each_century_range() {
    let born = |ddmmyy: &str, individual: i32, step: i32| {
        Fodselsnummer::parse(&near(ddmmyy, individual, step), &today()).map(|n| n.birth_date())
    };
    let ymd = |y, m, d| Ok(NaiveDate::from_ymd_opt(y, m, d));
    assert_eq!(born("010150", 0, 1), ymd(1950, 1, 1)); // 000–499
    assert_eq!(born("010150", 499, -1), ymd(1950, 1, 1));
    assert_eq!(born("010154", 500, 1), ymd(1854, 1, 1)); // 500–749, YY ≥ 54
    assert_eq!(born("010199", 749, -1), ymd(1899, 1, 1));
    assert_eq!(born("010153", 500, 1), Err(IdError::UnknownCentury)); // 500–749, YY < 54
    assert_eq!(born("010140", 900, 1), ymd(1940, 1, 1)); // 900–999, YY ≥ 40
    assert_eq!(born("010140", 800, 1), Err(IdError::UnknownCentury)); // 750–899, YY ≥ 40
    assert_eq!(born("010120", 500, 1), ymd(2020, 1, 1)); // 500–999, YY ≤ 39
    assert_eq!(born("010120", 999, -1), ymd(2020, 1, 1));
}

#[test]
fn id_1_birth_date_after_today_is_refused() {
    let n = with_check("241126500").unwrap(); // 24 Nov 2026
    assert_eq!(
        Fodselsnummer::parse(&n, &ctx("2026-11-23")),
        Err(IdError::BirthDateInFuture)
    );
    assert!(Fodselsnummer::parse(&n, &ctx("2026-11-24")).is_ok());
}

#[test]
fn id_1_new_series_only_from_2032() {
    // K1 remainder 1: 30018299980 (Skatteetaten's pattern: counting down from 999).
    assert_eq!(
        Fodselsnummer::parse("30018299980", &ctx("2031-12-31")),
        Err(IdError::NewSeriesNotYetIssued)
    );
    let n = Fodselsnummer::parse("30018299980", &ctx("2032-01-01")).unwrap();
    assert_eq!(n.birth_date(), None, "the 2032 series carries no century");
    // Structural parsing (serde) accepts it: it may be valid at some date.
    assert!("30018299980".parse::<Fodselsnummer>().is_ok());
}

#[test]
fn id_2_d_number_days_41_to_71() {
    for day in 41..=71u32 {
        let n = with_check(&format!("{day:02}0180123"));
        let Some(n) = n else { continue };
        let p = Fodselsnummer::parse(&n, &today()).unwrap();
        assert_eq!(p.kind(), FnrKind::DNummer);
        assert_eq!(p.birth_date(), NaiveDate::from_ymd_opt(1980, 1, day - 40));
    }
    for day in [32u32, 40, 72, 79] {
        if let Some(n) = with_check(&format!("{day:02}0180123")) {
            assert_eq!(
                Fodselsnummer::parse(&n, &today()),
                Err(IdError::NoSuchDate),
                "{n}"
            );
        }
    }
}

#[test]
fn id_2_h_number_months_41_to_52() {
    for month in 41..=52u32 {
        let Some(n) = with_check(&format!("15{month:02}80123")) else {
            continue;
        };
        let p = Fodselsnummer::parse(&n, &today()).unwrap();
        assert_eq!(p.kind(), FnrKind::HNummer, "{n}");
        assert!(!p.synthetic());
        assert_eq!(
            p.birth_date(),
            NaiveDate::from_ymd_opt(1980, month - 40, 15)
        );
    }
    for month in [13u32, 40, 53, 80, 93] {
        if let Some(n) = with_check(&format!("15{month:02}80123")) {
            assert_eq!(
                Fodselsnummer::parse(&n, &today()),
                Err(IdError::NoSuchDate),
                "{n}"
            );
        }
    }
}

#[test]
fn id_2_extended_d_series_gives_uncertain_birth_dates() {
    // Individual 218, YY 00: 1900 by the standard table, 2000 by the extended one.
    let n = Fodselsnummer::parse("41010021861", &today()).unwrap();
    assert_eq!(n.kind(), FnrKind::DNummer);
    assert_eq!(n.birth_date(), None);
}

#[test]
fn id_2_synthetic_only_when_allowed() {
    let ordinary = near("011080", 123, 1); // October: not synthetic
    assert!(
        !Fodselsnummer::parse(&ordinary, &today())
            .unwrap()
            .synthetic()
    );
    let tenor = near("018180", 123, 1); // month 81 = January + 80
    assert_eq!(
        Fodselsnummer::parse(&tenor, &today()),
        Err(IdError::SyntheticNotAllowed)
    );
    let test_mode = FnrContext {
        allow_synthetic: true,
        ..today()
    };
    assert!(
        Fodselsnummer::parse(&tenor, &test_mode)
            .unwrap()
            .synthetic()
    );
}

#[test]
fn id_2_fh_number_has_no_date() {
    let n = Fodselsnummer::parse("80000000179", &today()).unwrap();
    assert_eq!(n.kind(), FnrKind::FhNummer);
    assert_eq!(n.birth_date(), None);
}

#[test]
fn id_3_masked_display() {
    let n = Fodselsnummer::parse("31129956715", &today()).unwrap();
    assert_eq!(n.masked(), "311299 *****");
    assert_eq!(n.to_string(), "311299 *****");
    assert_eq!(n.as_str(), "31129956715");
    assert_eq!(serde_json::to_string(&n).unwrap(), "\"31129956715\"");
}

#[test]
fn id_4_the_four_rhf_numbers_of_seed_002_validate() {
    for n in ["991324968", "983658725", "983658776", "883658752"] {
        assert!(n.parse::<Organisasjonsnummer>().is_ok(), "{n}");
    }
    assert_eq!(
        "991324969".parse::<Organisasjonsnummer>(),
        Err(IdError::BadCheckDigit)
    );
}

#[test]
fn id_5_account_number_display() {
    let k: Kontonummer = "86011117947".parse().unwrap();
    assert_eq!(k.to_string(), "8601 11 17947");
    assert_eq!(
        "86011117940".parse::<Kontonummer>(),
        Err(IdError::BadCheckDigit)
    );
}

#[test]
fn id_6_hpr_placeholder_refused_and_padded() {
    assert_eq!("0000000".parse::<HprNummer>(), Err(IdError::AllZeros));
    assert_eq!(
        "9144889".parse::<HprNummer>().unwrap().as_str(),
        "009144889"
    );
    assert_eq!(
        "1234567890".parse::<HprNummer>(),
        Err(IdError::WrongLength {
            expected: 9,
            found: 10
        })
    );
}

#[test]
fn id_7_phone_and_email() {
    use frist_domain::ids::{Epost, Telefon};
    assert_eq!(
        "+47 960 96 533".parse::<Telefon>().unwrap().to_string(),
        "96 09 65 33"
    );
    assert_eq!("960965333".parse::<Telefon>(), Err(IdError::BadPhone));
    assert!("post@helfo.no".parse::<Epost>().is_ok());
    assert_eq!("post@.no".parse::<Epost>(), Err(IdError::BadEmail));
    assert_eq!(
        "post helfo@helfo.no".parse::<Epost>(),
        Err(IdError::BadEmail)
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// Any text at all gives an answer, never a panic.
        #[test]
        fn id_parsers_never_panic(text in "\\PC{0,20}") {
            let _ = Fodselsnummer::parse(&text, &today());
            let _ = text.parse::<Fodselsnummer>();
            let _ = text.parse::<Organisasjonsnummer>();
            let _ = text.parse::<Kontonummer>();
            let _ = text.parse::<HprNummer>();
        }

        /// ID-1: a number that parses gives back the same digits, and the
        /// separators people type do not change the verdict.
        #[test]
        fn id_1_round_trip_and_separators(digits in "[0-9]{11}", sep in "[ .-]{0,1}") {
            let spaced = format!("{}{sep}{}", &digits[..6], &digits[6..]);
            let a = Fodselsnummer::parse(&digits, &today());
            let b = Fodselsnummer::parse(&spaced, &today());
            prop_assert_eq!(a, b);
            if let Ok(n) = a {
                prop_assert_eq!(n.as_str(), digits);
            }
        }

        /// ID-1: changing any single digit of a valid number gives a bad
        /// check digit (mod 11 catches every single-digit error).
        #[test]
        fn id_1_single_digit_errors_are_caught(day in 1u32..=28, month in 1u32..=12, yy in 0u32..=99, ind in 0u32..=499, pos in 0usize..11, delta in 1u8..=9) {
            let base = format!("{day:02}{month:02}{yy:02}{ind:03}");
            let Some(n) = with_check(&base) else { return Ok(()) };
            prop_assert!(Fodselsnummer::parse(&n, &today()).is_ok());
            let mut bytes = n.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let broken = String::from_utf8(bytes).unwrap();
            // K2 covers digits 1–10 with weights that are never 0 mod 11, and 11 is prime.
            prop_assert_eq!(Fodselsnummer::parse(&broken, &today()), Err(IdError::BadCheckDigit));
        }
    }
}
