//! Differential tests against independent reference implementations:
//! python-stdnum (fødselsnummer) and the `holidays` package (Norwegian public
//! holidays), through fixture files written by
//! `tests/differential/gen_fixtures.py` and committed. These tests do not need
//! Python. Where frist deliberately differs from python-stdnum, the test
//! requires that the difference falls in a documented class (docs/rules.md
//! ID-2) — checked against the rule written out here on its own, never
//! accepted for being a D-number alone — and counts it.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use frist_domain::calendar;
use frist_domain::ids::{FnrContext, FnrKind, Fodselsnummer, IdError};

fn fixture(name: &str) -> (BTreeMap<String, String>, Vec<Vec<String>>) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut header = BTreeMap::new();
    let mut rows = Vec::new();
    for line in text.lines() {
        if let Some(kv) = line.strip_prefix("# ") {
            if let Some((k, v)) = kv.split_once('=') {
                header.insert(k.to_owned(), v.to_owned());
            }
        } else if !line.is_empty() {
            rows.push(line.split('\t').map(str::to_owned).collect());
        }
    }
    (header, rows)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// ID-2's extended D-number series (since 16 Nov 2021), written here from
/// the rulebook on its own, not from frist's code: the birth date the
/// extended table gives `value` (day − 40), if any.
fn extended_series_birth(value: &str) -> Option<NaiveDate> {
    let n = |a: usize, b: usize| value[a..b].parse::<u32>().ok();
    let (day, month, yy, individual) = (n(0, 2)? - 40, n(2, 4)?, n(4, 6)?, n(6, 9)?);
    let century = match (individual, yy) {
        (500..=599, 58..) => 1800,
        (0..=199, ..=39) => 1900,
        (0..=499 | 600..=999, 40..) => 1900,
        (200..=999, ..=39) => 2000,
        _ => return None,
    };
    NaiveDate::from_ymd_opt((century + yy) as i32, month, day)
}

#[test]
fn id_1_id_2_agree_with_python_stdnum_on_generated_numbers() {
    let (header, rows) = fixture("fnr_stdnum.tsv");
    let today = date(&header["today"]);
    let ctx = FnrContext::production(today);
    assert!(rows.len() >= 100_000, "only {} numbers", rows.len());

    let mut documented: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for row in &rows {
        let (value, stdnum_valid, stdnum_birth, category) =
            (&row[0], row[1] == "1", row[2].as_str(), row[3].as_str());
        let ours = Fodselsnummer::parse(value, &ctx);
        let mut fail = |why: String| failures.push(format!("{value} ({category}): {why}"));
        match (&ours, stdnum_valid) {
            (Ok(n), true) => match n.birth_date() {
                Some(b) if b.to_string() == stdnum_birth => {}
                // stdnum knows only the standard table. frist's other date
                // must be the extended series' reading, and stdnum's must be
                // impossible (in the future), or frist would have two.
                Some(b)
                    if n.kind() == FnrKind::DNummer
                        && extended_series_birth(value) == Some(b)
                        && date(stdnum_birth) > today =>
                {
                    *documented
                        .entry("d_number_extended_series_birth_date")
                        .or_default() += 1;
                }
                Some(b) => fail(format!("birth date {b}, stdnum {stdnum_birth}")),
                // Uncertain only when both tables give a possible date.
                None if n.kind() == FnrKind::DNummer
                    && date(stdnum_birth) <= today
                    && extended_series_birth(value)
                        .is_some_and(|e| e <= today && e.to_string() != stdnum_birth) =>
                {
                    *documented
                        .entry("d_number_birth_date_uncertain")
                        .or_default() += 1;
                }
                None => fail(format!("no birth date, stdnum {stdnum_birth}")),
            },
            (Err(IdError::SyntheticNotAllowed), true) => {
                // stdnum accepts day+40 and month+40 together; docs/rules.md ID-2
                // calls that NAV's synthetic D-number, refused in production.
                *documented
                    .entry("nav_synthetic_d_number_refused")
                    .or_default() += 1;
            }
            (Err(e), true) => fail(format!("refused ({e:?}), stdnum accepts")),
            (Ok(n), false) if n.kind() == FnrKind::FhNummer => {
                *documented.entry("fh_number_accepted").or_default() += 1;
            }
            // Valid only by the extended series: it must give a real,
            // past date (and so a known birth date).
            (Ok(n), false)
                if n.kind() == FnrKind::DNummer
                    && extended_series_birth(value).is_some_and(|e| e <= today)
                    && n.birth_date() == extended_series_birth(value) =>
            {
                *documented
                    .entry("d_number_extended_series_accepted")
                    .or_default() += 1;
            }
            (Ok(n), false) => fail(format!("accepted as {:?}, stdnum refuses", n.kind())),
            (Err(_), false) => {}
        }
        // What each generated category must give, whatever stdnum says.
        let expected = match category {
            "fnr" | "hnr" | "dnr" | "dnr_ext" | "fh" => ours.is_ok(),
            "tenor" => ours == Err(IdError::SyntheticNotAllowed),
            "new2032" => ours == Err(IdError::NewSeriesNotYetIssued),
            "future" => ours == Err(IdError::BirthDateInFuture),
            "badlen" => matches!(ours, Err(IdError::WrongLength { .. })),
            _ => true,
        };
        if !expected {
            failures.push(format!("{value} ({category}): {ours:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The documented classes occur (so this test would notice if they vanished).
    assert!(
        documented.get("fh_number_accepted").copied().unwrap_or(0) > 1_000,
        "{documented:?}"
    );
    assert!(
        documented
            .get("d_number_birth_date_uncertain")
            .copied()
            .unwrap_or(0)
            > 1_000,
        "{documented:?}"
    );
    assert!(
        documented
            .get("d_number_extended_series_accepted")
            .copied()
            .unwrap_or(0)
            > 100,
        "{documented:?}"
    );
}

#[test]
fn id_1_numbers_of_the_2032_series_are_valid_from_2032() {
    let (_, rows) = fixture("fnr_stdnum.tsv");
    let ctx = FnrContext::production(date("2032-06-01"));
    let new: Vec<_> = rows.iter().filter(|r| r[3] == "new2032").collect();
    assert!(new.len() > 1_000);
    for row in new {
        let r = Fodselsnummer::parse(&row[0], &ctx);
        assert!(
            matches!(r, Ok(ref n) if n.birth_date().is_none()),
            "{}: {r:?}",
            row[0]
        );
    }
}

#[test]
fn cal_1_holidays_agree_with_the_holidays_package_for_every_year() {
    let (header, rows) = fixture("holidays_no.tsv");
    let min: i32 = header["min_year"].parse().unwrap();
    let max: i32 = header["max_year"].parse().unwrap();
    assert!(min <= 1947 && max >= 2099, "fixture covers {min}–{max}");
    let mut theirs: BTreeMap<i32, BTreeSet<NaiveDate>> = BTreeMap::new();
    for row in &rows {
        let d = date(&row[0]);
        theirs.entry(d.year()).or_default().insert(d);
    }
    for year in min.max(calendar::MIN_YEAR)..=max {
        let ours: BTreeSet<NaiveDate> = calendar::holidays(year)
            .unwrap()
            .iter()
            .map(|h| h.date)
            .collect();
        assert_eq!(Some(&ours), theirs.get(&year), "year {year}");
    }
}

#[test]
fn cal_3_working_days_agree_with_a_python_day_by_day_walk() {
    let (_, rows) = fixture("workdays_python.tsv");
    assert!(rows.len() >= 10_000);
    for row in &rows {
        let (start, n, result, between) = (
            date(&row[0]),
            row[1].parse::<u32>().unwrap(),
            date(&row[2]),
            row[3].parse::<i64>().unwrap(),
        );
        assert_eq!(
            calendar::add_working_days(start, n).unwrap(),
            result,
            "{start} + {n}"
        );
        assert_eq!(
            calendar::working_days_between(start, result).unwrap(),
            between
        );
    }
}
