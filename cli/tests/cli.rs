//! The `frist` command's interface, exactly as issue 3 specifies it.

use std::io::Write;
use std::process::{Command, Stdio};

fn frist(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frist"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Write stdin from a thread: a large input would otherwise deadlock
    // against the child's full stdout pipe.
    let mut input = child.stdin.take().unwrap();
    let text = stdin.unwrap_or("").to_owned();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn id_fnr_prints_one_object_per_value_in_order() {
    let (code, out, _) = frist(
        &[
            "id",
            "fnr",
            "--today",
            "2026-11-23",
            "31129956715",
            "31129956716",
            "41010021861",
        ],
        None,
    );
    assert_eq!(code, 1, "one value is invalid");
    let v = lines(&out);
    assert_eq!(v.len(), 3);
    assert_eq!(
        v[0],
        serde_json::json!({"input": "31129956715", "valid": true, "kind": "fodselsnummer",
            "synthetic": false, "birth_date": "1899-12-31", "error": null})
    );
    assert_eq!(v[1]["valid"], false);
    assert_eq!(v[1]["error"], "id_bad_check_digit");
    assert_eq!(v[1]["kind"], serde_json::Value::Null);
    assert_eq!(v[2]["kind"], "d_nummer");
    assert_eq!(v[2]["birth_date"], serde_json::Value::Null);
    // Field order is part of the interface.
    assert!(out.starts_with(r#"{"input":"31129956715","valid":true,"kind":"#));
}

#[test]
fn id_fnr_reads_stdin_and_keeps_the_input_as_given() {
    let (code, out, _) = frist(
        &["id", "fnr", "--today", "2026-11-23", "-"],
        Some("311299 56715\n01818012337\n"),
    );
    assert_eq!(code, 1);
    let v = lines(&out);
    assert_eq!(v[0]["input"], "311299 56715");
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[1]["error"], "id_synthetic_not_allowed");
    let (code, out, _) = frist(
        &[
            "id",
            "fnr",
            "--today",
            "2026-11-23",
            "--allow-synthetic",
            "-",
        ],
        Some("01818012337\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(lines(&out)[0]["synthetic"], true);
}

#[test]
fn id_fnr_today_decides_future_birth_dates_and_the_2032_rule() {
    let (code, out, _) = frist(&["id", "fnr", "--today", "2031-12-31", "30018299980"], None);
    assert_eq!(code, 1);
    assert_eq!(lines(&out)[0]["error"], "id_new_series_not_yet_issued");
    let (code, _, _) = frist(&["id", "fnr", "--today", "2032-01-01", "30018299980"], None);
    assert_eq!(code, 0);
}

#[test]
fn id_orgnr_kontonr_hpr() {
    let (code, out, _) = frist(
        &[
            "id",
            "orgnr",
            "991324968",
            "983658725",
            "983658776",
            "883658752",
        ],
        None,
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        lines(&out)
            .iter()
            .all(|v| v["kind"] == "orgnr" && v["valid"] == true)
    );
    let (code, out, _) = frist(&["id", "kontonr", "8601.11.17947", "86011117948"], None);
    assert_eq!(code, 1);
    let v = lines(&out);
    assert_eq!(
        (v[0]["valid"].clone(), v[1]["error"].clone()),
        (true.into(), "id_bad_check_digit".into())
    );
    let (code, out, _) = frist(&["id", "hpr", "-"], Some("1234567\n0000000\n"));
    assert_eq!(code, 1);
    assert_eq!(lines(&out)[1]["error"], "id_all_zeros");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(frist(&["id", "fnr"], None).0, 2, "no value");
    assert_eq!(
        frist(&["id", "fnr", "--today", "23.11.2026", "31129956715"], None).0,
        2,
        "bad --today"
    );
    assert_eq!(frist(&["id", "nope", "1"], None).0, 2);
    assert_eq!(
        frist(&["calendar", "holidays", "1900"], None).0,
        2,
        "out of range"
    );
    assert_eq!(
        frist(&["calendar", "add-workdays", "2024-01-01"], None).0,
        2,
        "N missing"
    );
}

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

/// Issue 4: every demo account in the seed has the password the README
/// gives, hashed in the edge's format (checked natively with PBKDF2).
#[test]
fn seed_password_hashes_match_the_readme_password() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../functions/seed/demo.sql"
    ))
    .unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains("frist-demo-2026"),
        "README names the demo password"
    );
    let hashes: Vec<&str> = seed
        .split('\'')
        .filter(|s| s.starts_with("pbkdf2-sha256$"))
        .collect();
    assert_eq!(hashes.len(), 5, "one demo user per role");
    for h in hashes {
        let (code, out, _) = frist(&["auth", "verify-password", h], Some("frist-demo-2026\n"));
        assert_eq!((code, out.trim()), (0, "match"), "{h}");
        let (code, out, _) = frist(&["auth", "verify-password", h], Some("frist-demo-2025\n"));
        assert_eq!((code, out.trim()), (1, "no match"), "{h}");
    }
    for email in [
        "saksbehandler@helfo.example",
        "admin@helfo.example",
        "sykehus@innlandet.example",
        "kommune@lillehammer.example",
        "okonomi@helse-sorost.example",
    ] {
        assert!(
            seed.contains(email) && readme.contains(email),
            "{email} in seed and README"
        );
    }
}

/// FB-4, FB-5, FB-11 on the command line: Easter 2026 (2, 3 and 6 April).
#[test]
fn fb_4_5_11_fristbrudd_deadlines_across_easter() {
    let (code, out, _) = frist(
        &[
            "fristbrudd",
            "deadlines",
            "--taken-up",
            "2026-04-01",
            "--letter-sent",
            "2026-03-30",
            "--notified",
            "2026-04-01",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        r#"{"contact_by":"2026-04-07","reply_by":"2026-04-16","service_limit":"2026-04-20"}"#
    );
    let (_, out, _) = frist(
        &["fristbrudd", "deadlines", "--taken-up", "2026-03-27"],
        None,
    );
    assert_eq!(
        out.trim(),
        r#"{"contact_by":"2026-03-30","reply_by":null,"service_limit":null}"#
    );
}

/// FB-3 on the command line: confirmed urgent first, then fristdato, then notice time.
#[test]
fn fb_3_fristbrudd_queue_order_and_bad_lines() {
    let input = concat!(
        r#"{"id":"late","fristdato":"2026-05-01","urgent":false,"notified_at":1}"#,
        "\n",
        r#"{"id":"b","fristdato":"2026-04-01","notified_at":"2026-03-02T08:00:00Z"}"#,
        "\n",
        r#"{"id":"urgent","fristdato":"2026-06-01","urgent":true,"notified_at":9}"#,
        "\n",
        r#"{"id":"a","fristdato":"2026-04-01","notified_at":"2026-03-01T08:00:00Z"}"#,
        "\n",
    );
    let (code, out, _) = frist(&["fristbrudd", "queue", "-"], Some(input));
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["urgent", "a", "b", "late"]
    );
    let (code, out, err) = frist(&["fristbrudd", "queue", "-"], Some("{\"id\":\"x\"}\n"));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("line 1"), "{err}");
}

/// FL-1 on the command line: the seed's notice of 7 October 2022.
#[test]
fn fl_1_fastlege_notice_prints_the_last_working_day() {
    let (code, out, _) = frist(&["fastlege", "notice", "--notice-date", "2022-10-07"], None);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "2023-04-30");
    let (_, out, _) = frist(
        &[
            "fastlege",
            "notice",
            "--notice-date",
            "2026-08-15",
            "--months",
            "3",
        ],
        None,
    );
    assert_eq!(out.trim(), "2026-11-30");
}

/// FL-4/5/6/7 on the command line: class II at the seed's boundary, across
/// Easter 2023.
#[test]
fn fl_5_6_fastlege_timing_as_json() {
    let (code, out, _) = frist(
        &[
            "fastlege",
            "timing",
            "--sent",
            "2023-04-13",
            "--termination",
            "2023-04-30",
            "--start",
            "2023-05-01",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        r#"{"expected_registration":"2023-04-17","class":"II","visible_month_before":false,"chase_from":"2023-03-31"}"#
    );
    let (_, out, _) = frist(
        &[
            "fastlege",
            "timing",
            "--sent",
            "2023-04-12",
            "--termination",
            "2023-04-30",
        ],
        None,
    );
    assert_eq!(
        out.trim(),
        r#"{"expected_registration":"2023-04-14","class":"I","visible_month_before":null,"chase_from":"2023-03-31"}"#
    );
}

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
