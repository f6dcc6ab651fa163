//! FK-8, trips claimed twice: the duplicate set agrees with a plain map, the
//! batched check answers as the line-by-line check, and duplicates inside a
//! file name the first line and count once.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Seeded pseudo-random numbers (an LCG's high bits) for the tests' files.
fn picks(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        state >> 33
    }
}

#[test]
fn fk_8_the_duplicate_set_agrees_with_a_plain_map_over_many_trips() {
    // 20,000 lines over 300 patients, 40 days and 3 amounts: many repeats,
    // each must name the line the trip was first seen on.
    let people: Vec<_> = ["15038510190", "01019010046", "31127010040"]
        .iter()
        .map(|n| frist_domain::ids::Fodselsnummer::parse(n, &ctx("2026-04-01", None).fnr).unwrap())
        .collect();
    let mut dups = Duplicates::new();
    dups.reserve(1000);
    let mut plain = std::collections::HashMap::new();
    let mut pick = picks(7);
    for line_no in 2..20_002u64 {
        let pick = pick();
        let transport = d("2026-01-02") + chrono::Days::new(pick % 40);
        let line = ClaimLine {
            fnr: people[(pick / 40 % 3) as usize],
            transport,
            payout: transport + chrono::Days::new(pick / 120 % 2),
            amount_ore: [14_600, 17_100, 34_200][(pick / 240 % 3) as usize],
        };
        let first = *plain.entry(line.trip()).or_insert(line_no);
        let expected = (first != line_no).then_some(first);
        assert_eq!(dups.check(&line, line_no), expected, "line {line_no}");
    }
    assert_eq!(plain.len(), 3 * 40 * 2 * 3);
}

/// FK-1 … FK-8: the batched check (`push`, `finish`) gives every line the
/// answer, and the file the report, that `check` gives one line at a time,
/// across many batches, with repeats near and far, bad lines and CR LF.
#[test]
fn fk_8_the_batched_check_answers_as_the_line_by_line_check() {
    let people = ["15038510190", "01019010046", "31127010040", "1503851019X"];
    let mut file = String::from("fodselsnummer;transportdato;utbetalingsdato;egenandel\n");
    let mut pick = picks(11);
    for n in 0..3_000u64 {
        let pick = pick();
        let day = 2 + pick % 27;
        let end = if n % 7 == 0 { "\r\n" } else { "\n" };
        file.push_str(&format!(
            "{};{day:02}.03.2026;{:02}.03.2026;{}{end}",
            people[(pick / 27 % 4) as usize],
            day + pick / 200 % 2,
            ["171", "171,00", "342", "abc"][(pick / 400 % 4) as usize],
        ));
        if n % 500 == 0 {
            file.push_str("ragged;line\n");
        }
    }
    let read = |batched: bool| {
        let mut checker = Checker::new(ctx("2026-04-01", None));
        let mut answers = Vec::new();
        let mut on =
            |line: u64, issues: Vec<frist_domain::validation::Issue>, valid: Option<ClaimLine>| {
                answers.push((line, issues, valid));
            };
        frist_domain::frikort::csv()
            .feed(file.as_bytes(), true, &mut |r| {
                if batched {
                    checker.push(&r, &mut on);
                } else {
                    let (issues, valid) = checker.check(&r);
                    on(r.line(), issues, valid);
                }
            })
            .unwrap();
        checker.finish(&mut on);
        (answers, checker.report)
    };
    let (one_by_one, report) = read(false);
    let (batched, batched_report) = read(true);
    assert_eq!(one_by_one.len(), 3_006);
    assert!(report.duplicates > 1_000, "{report:?}");
    assert!(
        report.valid > 10 && report.with_errors > 1_000,
        "{report:?}"
    );
    assert_eq!(batched, one_by_one);
    assert_eq!(batched_report, report);
}

#[test]
fn fk_8_duplicates_inside_a_file_name_the_first_line_and_count_once() {
    let mut checker = Checker::new(ctx("2026-04-01", None));
    let mut stream = frist_domain::frikort::csv();
    let file = b"fodselsnummer;transportdato;utbetalingsdato;egenandel\n\
        15038510190;02.03.2026;10.03.2026;171\n\
        15038510190;02.03.2026;10.03.2026;171,00\n\
        15038510190;02.03.2026;10.03.2026;172\n";
    let mut first = Vec::new();
    stream
        .feed(file, true, &mut |r| {
            let (issues, _) = checker.check(&r);
            first.extend(
                issues
                    .iter()
                    .filter_map(|i| i.params.get("first_line").cloned()),
            );
        })
        .unwrap();
    assert_eq!(first, [2i64.into()]);
    let r = checker.report;
    assert_eq!((r.lines, r.valid, r.duplicates), (3, 2, 1));
    assert_eq!(r.valid_amount_ore, 17_100 + 17_200);
    assert_eq!(r.by_code.get("duplicate_trip"), Some(&1));
}
