//! `frist frikort check` and `frist kontroll check`: every line and a summary
//! (FK-1, FK-6), a large file answered in order as one thread does (FK-8), and
//! the sample month's planted errors as JSON lines (CTRL-1, CTRL-2).

use super::*;

/// Writes `text` to a file of its own under the target directory.
fn claim_file(name: &str, text: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("frikort");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// FK-1 … FK-8 on the command line: one JSON object per data line, in file
/// order, numbered as in the file (the header is line 1).
#[test]
fn fk_frikort_check_prints_every_line_and_a_summary() {
    let path = claim_file(
        "mixed.csv",
        "fodselsnummer;transportdato;utbetalingsdato;egenandel\n\
         15038510190;02.03.2026;10.03.2026;171,00\n\
         15038510191;02.03.2026;10.03.2026;171,00\n\
         \n\
         15038510190;02.03.2026;10.03.2026;171\n\
         01019010046;05.03.2026;12.03.2026;400\n",
    );
    let args = ["frikort", "check", &path, "--today", "2026-04-01", "--json"];
    let (code, out, err) = frist(&args, None);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            r#"{"line":2,"issues":[]}"#,
            r#"{"line":3,"issues":[{"path":"fodselsnummer","code":"id_bad_check_digit","severity":"error"}]}"#,
            r#"{"line":5,"issues":[{"path":"","code":"duplicate_trip","severity":"error"}]}"#,
            r#"{"line":6,"issues":[{"path":"egenandel","code":"amount_above_return_trip","severity":"warning"}]}"#,
        ]
    );
    assert!(
        err.contains("lines: 4") && err.contains("valid: 2"),
        "{err}"
    );
    // FK-6 counts from --received: paid out 10 March 2023, barred after 10 March 2026.
    let old = claim_file(
        "old.csv",
        "fodselsnummer,transportdato,utbetalingsdato,egenandel\n15038510190,2023-03-02,2023-03-10,146\n",
    );
    let (code, out, _) = frist(
        &[
            "frikort",
            "check",
            &old,
            "--today",
            "2026-04-01",
            "--received",
            "2026-03-10",
        ],
        None,
    );
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = frist(
        &[
            "frikort",
            "check",
            &old,
            "--today",
            "2026-04-01",
            "--received",
            "2026-03-11",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert!(out.contains("time_barred: 1"), "{out}");
    // A file that cannot be read: exit 2, the reason in Norwegian.
    let bad = claim_file("bad.csv", "fnr;dato\n1;2\n");
    let (code, _, err) = frist(&["frikort", "check", &bad], None);
    assert_eq!(code, 2);
    assert!(err.contains("ukjent kolonne «fnr»"), "{err}");
}

/// FK-1 … FK-8 over a file of many pieces and batches: the check (read,
/// line rules and FK-8 on separate threads) answers every line once, in file
/// order, as the line-by-line check in one thread does.
#[test]
fn fk_frikort_check_of_a_large_file_answers_in_order_as_one_thread_does() {
    use frist_domain::frikort::{Checker, LineContext};
    let mut text = String::from("fodselsnummer;transportdato;utbetalingsdato;egenandel\n");
    for n in 0..30_000u32 {
        let fnr = ["15038510190", "01019010046", "31127010040", "15038510191"][(n % 4) as usize];
        let day = 1 + n / 4 % 28;
        let amount = ["171", "342,00", "x"][(n / 112 % 3) as usize];
        text.push_str(&format!(
            "{fnr};{day:02}.03.2026;{day:02}.03.2026;{amount}\n"
        ));
    }
    let path = claim_file("large.csv", &text);
    let (code, out, err) = frist(
        &["frikort", "check", &path, "--today", "2026-04-01", "--json"],
        None,
    );
    assert_eq!(code, 1, "{err}");
    let answers = lines(&out);
    let numbers: Vec<u64> = answers
        .iter()
        .map(|a| a["line"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (2..30_002).collect::<Vec<_>>());

    let today = "2026-04-01".parse().unwrap();
    let mut checker = Checker::new(LineContext {
        fnr: frist_domain::ids::FnrContext::production(today),
        received: today,
        aware: None,
    });
    let mut expected = Vec::new();
    frist_domain::frikort::csv()
        .feed(text.as_bytes(), true, &mut |r| {
            let (issues, _) = checker.check(&r);
            expected.push(issues.iter().map(|i| i.code.as_str()).collect::<Vec<_>>());
        })
        .unwrap();
    let codes: Vec<Vec<&str>> = answers
        .iter()
        .map(|a| {
            a["issues"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["code"].as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(codes, expected);
    let r = &checker.report;
    assert!(r.duplicates > 10_000 && r.valid > 100, "{r:?}");
    assert!(err.contains(&format!("valid: {}\n", r.valid)), "{err}");
    assert!(
        err.contains(&format!("duplicate_trip: {}\n", r.duplicates)),
        "{err}"
    );
}

/// CTRL-1 … CTRL-9 on the command line: the sample file's planted errors,
/// one JSON line per bill naming rule and takst, then one per doctor.
#[test]
fn ctrl_kontroll_check_prints_the_planted_errors_as_json_lines() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/eksempel/regningskort.csv"
    );
    let doctors = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/eksempel/legeliste.csv"
    );
    let args = [
        "kontroll",
        "check",
        sample,
        "--leger",
        doctors,
        "--today",
        "2026-11-23",
        "--allow-synthetic",
    ];
    let (code, out, err) = frist(&args, None);
    assert_eq!(code, 1, "{err}");
    let all = lines(&out);
    let bill = |line: u64| {
        all.iter()
            .find(|v| v["line"] == line)
            .unwrap_or_else(|| panic!("line {line} reported"))
            .clone()
    };
    assert_eq!(bill(429)["issues"][0]["params"]["rule"], "CTRL-2");
    assert_eq!(bill(429)["issues"][0]["params"]["takst"], "1bd");
    assert_eq!(bill(432)["issues"][0]["code"], "takst_needs_companion");
    assert_eq!(bill(434)["issues"][0]["params"]["rule"], "CTRL-5");
    // April 2026: 31 October is a Saturday, the bar rolls to Monday 2 November.
    assert_eq!(bill(438)["issues"][0]["params"]["bar"], "2026-11-02");
    let outlier = all.iter().find(|v| v["doctor"] == "5612347").unwrap();
    assert_eq!(outlier["unusual_payout"], true);
    let lis1 = all.iter().find(|v| v["doctor"] == "3345671").unwrap();
    assert_eq!(lis1["new_doctor"], true);
    assert!(
        lis1["missing_takster"]
            .as_array()
            .unwrap()
            .contains(&"2cd".into())
    );
    // The takst frist's list does not hold (2xz) is named as a warning
    // (CTRL-2, a choice: the list is partial), not refused.
    assert_eq!(bill(439)["issues"][0]["code"], "takst_unknown");
    assert_eq!(bill(439)["issues"][0]["severity"], "warning");
    let summary = &all.last().unwrap()["summary"];
    assert_eq!(summary["with_errors"], 10);
    assert_eq!(summary["tariff_years"][0]["exact"], false);

    // --tariff-year checks against a chosen year; an unknown one is a usage error.
    let mut with_year = args.to_vec();
    with_year.extend(["--tariff-year", "2023"]);
    let (_, out, _) = frist(&with_year, None);
    let summary = lines(&out).last().unwrap()["summary"].clone();
    assert_eq!(summary["tariff_years"][0]["year"], 2023);
    assert_eq!(summary["tariff_years"][0]["exact"], true);
    let mut bad_year = args.to_vec();
    bad_year.extend(["--tariff-year", "1999"]);
    let (code, _, err) = frist(&bad_year, None);
    assert_eq!(code, 2);
    assert!(err.contains("1999"), "{err}");
}
