//! The tariff data (CTRL-2's takster): the data files load and name their
//! sources, a tariff year is data and a new file takes effect from its first
//! day, the tariff year can be forced and must exist, and unknown takster and
//! unreadable fields are named.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn the_tariff_data_files_load_and_name_their_sources() {
    let tariffs = Tariffs::check_builtin().expect("every data file loads");
    assert!(tariffs.years().len() >= 2, "at least two tariff years");
    for year in tariffs.years() {
        assert!(year.source.starts_with("https://"), "{}", year.year);
        for t in &year.takster {
            assert!(
                t.source.starts_with("https://"),
                "{} {} has a source",
                year.year,
                t.code
            );
        }
        // CTRL-3: every takst of the 1 Dec 2017 companion list is marked.
        for code in [
            "2cd", "2ck", "2cdd", "2dd", "2dk", "2nk", "2p", "3bd", "7", "11cd", "11ck", "11dd",
            "11dk", "11e", "11f", "11gd", "11hd", "11id", "11nk", "12bd", "12cd", "701c",
        ] {
            let t = year
                .takst(code)
                .unwrap_or_else(|| panic!("{} has {code}", year.year));
            assert!(t.needs_companion, "{} {code} needs a companion", year.year);
        }
    }
    // Takster are found in any case.
    assert_eq!(tariffs.years()[0].takst("2AD").unwrap().code, "2ad");
}

#[test]
fn a_tariff_year_is_data_a_new_file_takes_effect_from_its_first_day() {
    let file = r#"{"year": 2031, "valid_from": "2031-07-01", "valid_to": "2032-06-30",
        "source": "https://example.org/tariff-2031",
        "takster": [
          {"code": "9x", "text": "Test", "fee": "100,00", "refund": "40,00", "copay": "60,00",
           "rep": "50%", "source": "https://example.org/9x"},
          {"code": "9y", "text": "Test", "fee": null, "refund": "10,00", "copay": null,
           "rep": "3", "source": "https://example.org/9y"}
        ]}"#;
    let tariffs = Tariffs::load([("2031.json", file)]).unwrap();
    assert!(tariffs.on(d(2031, 6, 30)).is_none());
    let year = tariffs.on(d(2031, 7, 1)).unwrap();
    assert_eq!(year.takst("9x").unwrap().rep, Some(Rep::SecondHalf));
    // After the last year frist has, the last year is used, marked not exact.
    assert_eq!(
        tariffs
            .for_date(d(2033, 1, 1))
            .map(|(y, exact)| (y.year, exact)),
        Some((2031, false))
    );
    // CTRL-4 "50%": a second time at half price; a third is refused.
    let c = BillContext {
        tariffs: &tariffs,
        forced_year: None,
        sent: d(2031, 8, 1),
        doctor: None,
    };
    let mut b = bill("9x*2 9y*3");
    b.date = d(2031, 7, 10);
    let (report, refund) = check_bill(&b, &c);
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(refund, Some(4_000 + 2_000 + 3 * 1_000));
    b.takster = parse_takster("9x*3 9y*4").unwrap();
    let (report, _) = check_bill(&b, &c);
    let codes: Vec<_> = report
        .issues
        .iter()
        .map(|i| (i.code, rule_of(i).to_owned()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (IssueCode::TakstRepeatedTooOften, "CTRL-4".into()),
            (IssueCode::TakstRepeatedTooOften, "CTRL-4".into())
        ]
    );
    // A broken file is refused with what is wrong.
    let bad = file.replace(r#""code": "9y""#, r#""code": "9X""#);
    assert!(Tariffs::load([("bad.json", bad.as_str())]).is_err());
}

#[test]
fn unknown_takster_and_unreadable_fields_are_named() {
    // CTRL-2 (choice): frist's table is partial, so a takst it does not hold
    // is named for a person to check — a warning, not an error.
    assert_eq!(
        findings("2ad 2xz")[0],
        (IssueCode::TakstUnknown, "CTRL-2".into(), "2xz".into())
    );
    let (report, refund) = check_bill(&bill("2ad 2xz"), &ctx());
    assert!(!report.has_errors(), "{report:?}");
    assert_eq!(refund, None, "no amount is known for 2xz");
    assert_eq!(parse_takster("2ad, 2cd*2 +701a").unwrap().len(), 3);
    assert_eq!(
        parse_takster("2cd*2 2cd").unwrap()[0],
        Line {
            code: "2cd".into(),
            count: 3
        }
    );
    assert_eq!(parse_takster("2ad *x"), Err("*x".into()));
    assert_eq!(parse_takster("2a-d"), Err("2a-d".into()));
}

#[test]
fn tariff_year_can_be_forced_and_must_exist() {
    let c = BillContext {
        forced_year: Some(1999),
        ..ctx()
    };
    let (report, _) = check_bill(&bill("2ad"), &c);
    assert_eq!(report.issues[0].code, IssueCode::TariffYearMissing);
    // Before the first year frist has, a bill cannot be checked.
    let mut old = bill("2ad");
    old.date = d(2015, 3, 3);
    assert_eq!(
        check_bill(&old, &ctx()).0.issues[0].code,
        IssueCode::TariffYearMissing
    );
}
