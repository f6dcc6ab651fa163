//! Named tests for the frikort rules FK-1 … FK-9 (docs/rules.md §5, seed 002)
//! and the claim-file readers. Fixed dates only.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use frist_domain::frikort::{
    Checker, ClaimLine, Duplicates, FileError, LineContext, LineRules, RawRef, Record, check_line,
    format_ore, parse_amount, payment_due, read_xlsx, return_trip_ore, submission_deadline,
    time_bar,
};
use frist_domain::ids::FnrContext;
use frist_domain::{IssueCode, Param, Severity};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(today: &str, aware: Option<&str>) -> LineContext {
    LineContext {
        fnr: FnrContext {
            today: d(today),
            allow_synthetic: false,
        },
        received: d(today),
        aware: aware.map(d),
    }
}

fn raw<'a>(fnr: &'a str, transport: &'a str, payout: &'a str, amount: &'a str) -> RawRef<'a> {
    RawRef {
        fodselsnummer: fnr,
        transportdato: transport,
        utbetalingsdato: payout,
        egenandel: amount,
        referanse: "",
    }
}

fn codes(issues: &[frist_domain::Issue]) -> Vec<(String, IssueCode, Severity)> {
    issues
        .iter()
        .map(|i| (i.path.clone(), i.code, i.severity))
        .collect()
}

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

#[test]
fn fk_2_six_months_from_awareness_rolled_forward_late_lines_are_warned() {
    assert_eq!(submission_deadline(d("2026-01-31")), Ok(d("2026-07-31")));
    // 17 May 2026 is a Sunday and Constitution Day: Monday 18th.
    assert_eq!(submission_deadline(d("2025-11-17")), Ok(d("2026-05-18")));
    let line = raw("15038510190", "2025-11-01", "2025-11-10", "171");
    let (issues, _) = check_line(&line, &ctx("2026-05-18", Some("2025-11-17")));
    assert!(issues.is_empty(), "on the deadline: {issues:?}");
    let (issues, line) = check_line(&line, &ctx("2026-05-19", Some("2025-11-17")));
    assert_eq!(
        codes(&issues),
        [("".into(), IssueCode::LateSubmission, Severity::Warning)]
    );
    assert!(line.is_some(), "late is a warning, not an error");
}

/// FK-2 without an "aware" date (**choice**): the HF knew of its claim when
/// it paid the share out, so the 6 months run from each line's payout.
#[test]
fn fk_2_without_an_aware_date_six_months_from_each_payout() {
    // Paid out 17 November 2025: deadline Monday 18 May 2026 (as above).
    let line = raw("15038510190", "2025-11-01", "2025-11-17", "171");
    let (issues, _) = check_line(&line, &ctx("2026-05-18", None));
    assert!(issues.is_empty(), "on the deadline: {issues:?}");
    let (issues, line) = check_line(&line, &ctx("2026-05-19", None));
    assert_eq!(
        codes(&issues),
        [(
            "utbetalingsdato".into(),
            IssueCode::LateSubmission,
            Severity::Warning
        )]
    );
    assert_eq!(issues[0].params["deadline"], Param::Date(d("2026-05-18")));
    assert!(line.is_some());
    // A later payout in the same file is in time.
    let (issues, _) = check_line(
        &raw("15038510190", "2025-12-01", "2025-12-01", "171"),
        &ctx("2026-05-19", None),
    );
    assert!(issues.is_empty(), "{issues:?}");
}

/// FK-2's per-line deadline agrees with `submission_deadline` for every
/// payout over two years (the rules find the boundary once per file).
#[test]
fn fk_2_line_rules_warn_exactly_the_payouts_whose_six_months_ran_out() {
    let received = d("2026-05-19");
    let rules = frist_domain::frikort::LineRules::new(ctx("2026-05-19", None));
    let mut day = d("2024-06-01");
    while day <= received {
        let text = day.to_string();
        let (issues, _) = rules.check(&raw("15038510190", &text, &text, "171"));
        let late = issues.iter().any(|i| i.code == IssueCode::LateSubmission);
        assert_eq!(
            late,
            received > submission_deadline(day).unwrap(),
            "payout {day}"
        );
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn fk_3_payment_due_thirty_days_after_receipt_rolled_forward() {
    assert_eq!(payment_due(d("2026-11-23")), Ok(d("2026-12-23")));
    // 25 and 26 December, then a Sunday: Monday 28th.
    assert_eq!(payment_due(d("2026-11-25")), Ok(d("2026-12-28")));
}

#[test]
fn fk_6_time_barred_three_years_after_payout_on_the_bar_date_still_in_time() {
    // 17 May 2026 is a holiday on a Sunday: the bar date rolls to the 18th.
    assert_eq!(time_bar(d("2023-05-17")), Ok(d("2026-05-18")));
    // Found by an audit on 1 May 2026 (FK-2: 6 months from then), so only
    // the bar speaks.
    let line = raw("15038510190", "2023-05-16", "2023-05-17", "146");
    let (issues, _) = check_line(&line, &ctx("2026-05-18", Some("2026-05-01")));
    assert!(issues.is_empty(), "{issues:?}");
    let (issues, line) = check_line(&line, &ctx("2026-05-19", Some("2026-05-01")));
    assert_eq!(
        codes(&issues),
        [(
            "utbetalingsdato".into(),
            IssueCode::TimeBarred,
            Severity::Error
        )]
    );
    assert!(line.is_none());
}

/// Reads `text` whole, and again one byte at a time; both must agree.
fn read_all(text: &[u8]) -> Result<Vec<(u64, Vec<IssueCode>)>, FileError> {
    let run = |pieces: &mut dyn Iterator<Item = &[u8]>| {
        let mut checker = Checker::new(ctx("2026-04-01", None));
        let mut out = Vec::new();
        let mut stream = frist_domain::frikort::csv();
        let mut on = |r: Record<'_>| {
            let (issues, _) = checker.check(&r);
            out.push((r.line(), issues.iter().map(|i| i.code).collect::<Vec<_>>()));
        };
        for p in pieces {
            stream.feed(p, false, &mut on)?;
        }
        stream.feed(&[], true, &mut on)?;
        Ok(out)
    };
    let whole = run(&mut std::iter::once(text));
    let bytewise = run(&mut text.chunks(1));
    assert_eq!(whole, bytewise, "piecewise reading differs");
    whole
}

#[test]
fn fk_1_claim_files_in_every_accepted_layout_give_the_same_lines() {
    let variants: [&[u8]; 5] = [
        b"fodselsnummer,transportdato,utbetalingsdato,egenandel\n15038510190,2026-03-02,2026-03-10,171.00\n01019010046,2026-03-05,2026-03-12,342\n",
        b"Fodselsnummer;Transportdato;Utbetalingsdato;Egenandel;Referanse\r\n15038510190;02.03.2026;10.03.2026;171,00;A1\r\n01019010046;05.03.2026;12.03.2026;342;A2\r\n",
        b"\xEF\xBB\xBFEGENANDEL;utbetalingsdato;FODSELSNUMMER;transportdato\n171,00;10.03.2026;15038510190;2026-03-02\n342;2026-03-12;01019010046;05.03.2026",
        b"referanse,egenandel,fodselsnummer,transportdato,utbetalingsdato\n\"Tur, retur\",\"171,00\",15038510190,02.03.2026,10.03.2026\n\"B\",342,01019010046,05.03.2026,12.03.2026\n\n",
        b"f\xC3\xB8dselsnummer;transportdato;utbetalingsdato;egenandel\n15038510190;02.03.2026;10.03.2026;171\n01019010046;05.03.2026;12.03.2026;342\n",
    ];
    for v in variants {
        let lines = read_all(v).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(v)));
        assert_eq!(
            lines,
            [(2, vec![]), (3, vec![])],
            "{}",
            String::from_utf8_lossy(v)
        );
    }
}

#[test]
fn fk_1_broken_files_are_refused_and_broken_lines_stand_alone() {
    assert_eq!(read_all(b""), Err(FileError::Empty));
    assert_eq!(read_all(b"\n\n"), Err(FileError::Empty));
    // A header and no lines: a file with nothing to claim, not an error.
    assert_eq!(
        read_all(b"fodselsnummer;transportdato;utbetalingsdato;egenandel\n"),
        Ok(vec![])
    );
    assert_eq!(
        read_all(b"fnr;transportdato;utbetalingsdato;egenandel\n1;2;3;4\n"),
        Err(FileError::UnknownColumn {
            column: "fnr".into(),
            allowed:
                "fodselsnummer, transportdato, utbetalingsdato, egenandel og eventuelt referanse"
                    .into(),
        })
    );
    assert_eq!(
        read_all(b"fodselsnummer;transportdato;egenandel\n1;2;3\n"),
        Err(FileError::MissingColumn {
            column: "utbetalingsdato".into(),
            allowed:
                "fodselsnummer, transportdato, utbetalingsdato, egenandel og eventuelt referanse"
                    .into(),
        })
    );
    assert_eq!(read_all(b"\xFF\xFEf;t\n"), Err(FileError::NotText));
    // Bad lines stand alone (FK-4): the good ones around them are still good.
    let lines = read_all(
        b"fodselsnummer;transportdato;utbetalingsdato;egenandel\n\
          15038510190;02.03.2026;10.03.2026;171\n\
          15038510190;02.03.2026\n\
          01019010046;05.03.2026;12.03.2026;34\xE52\n\
          15038510190;02.03.2026;10.03.2026;171\n\
          01019010046;05.03.2026;12.03.2026;342\n",
    )
    .unwrap();
    assert_eq!(
        lines,
        [
            (2, vec![]),
            (3, vec![IssueCode::RaggedRow]),
            (4, vec![IssueCode::NotUtf8]),
            (5, vec![IssueCode::DuplicateTrip]),
            (6, vec![]),
        ]
    );
}

#[test]
fn fk_6_line_rules_bar_exactly_the_payouts_whose_bar_date_is_passed() {
    // LineRules finds the last barred payout once per file; it must agree
    // with time_bar for every payout, across 29 February, Easter and the
    // 17 May that rolls, for receipts on working days and holidays alike.
    let received = [
        "2026-05-18",
        "2026-05-19",
        "2027-02-28",
        "2027-03-01",
        "2028-02-29",
        "2028-03-01",
        "2026-04-02",
        "2026-04-07",
        "2026-12-27",
        "2029-01-02",
    ];
    for r in received {
        let context = ctx(r, None);
        let rules = LineRules::new(context);
        let mut payout = d(r) - chrono::Days::new(5 * 365);
        while payout < d(r) {
            let text = payout.format("%d.%m.%Y").to_string();
            let line = raw("15038510190", &text, &text, "146");
            let barred = |issues: &[frist_domain::Issue]| {
                issues.iter().any(|i| i.code == IssueCode::TimeBarred)
            };
            let expected = d(r) > time_bar(payout).unwrap();
            assert_eq!(
                barred(&rules.check(&line).0),
                expected,
                "received {r}, payout {payout}"
            );
            assert_eq!(barred(&check_line(&line, &context).0), expected);
            payout = payout.succ_opt().unwrap();
        }
    }
}

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

#[test]
fn fk_1_xlsx_workbooks_read_like_csv() {
    let bytes = include_bytes!("fixtures/frikort-claim.xlsx");
    let mut checker = Checker::new(ctx("2026-04-01", None));
    let mut seen = Vec::new();
    read_xlsx(bytes, &mut |r| {
        let (issues, line) = checker.check(&r);
        seen.push((
            r.line(),
            issues.iter().map(|i| i.code).collect::<Vec<_>>(),
            line.map(|l| l.amount_ore),
        ));
    })
    .unwrap();
    assert_eq!(
        seen,
        [
            (2, vec![], Some(17_100)),
            (3, vec![], Some(34_200)),
            (4, vec![IssueCode::IdBadCheckDigit], None),
            (6, vec![IssueCode::DuplicateTrip], None),
        ]
    );
    assert!(matches!(
        read_xlsx(b"not a workbook", &mut |_| {}),
        Err(FileError::Workbook { .. })
    ));
}

#[test]
fn fk_1_line_numbers_are_the_files_even_across_blank_lines() {
    let lines = read_all(
        b"fodselsnummer;transportdato;utbetalingsdato;egenandel\r\n\r\n\
          15038510190;02.03.2026;10.03.2026;171\r\n\r\n\r\n\
          01019010046;05.03.2026;12.03.2026;0\r\n",
    )
    .unwrap();
    assert_eq!(lines, [(3, vec![]), (6, vec![IssueCode::AmountInvalid])]);
}

#[test]
fn fk_5_a_deviation_from_the_claim_always_carries_a_reason() {
    use frist_domain::frikort::{Decision, DecisionForm, Reason};
    let form = |decision: &str, reason: &str, amount: &str| DecisionForm {
        decision: decision.into(),
        reason: reason.into(),
        amount: amount.into(),
        note: String::new(),
    };
    let code = |f: DecisionForm| f.check(17_100, false).unwrap_err().issues[0].code;
    // As claimed: no reason needed.
    assert_eq!(
        form("approved", "", "").check(17_100, false),
        Ok((Decision::Approved, None, None, 17_100))
    );
    // Another amount, or a rejection: a reason from the list.
    assert_eq!(code(form("approved", "", "100")), IssueCode::ReasonRequired);
    assert_eq!(code(form("rejected", "", "")), IssueCode::ReasonRequired);
    assert_eq!(
        form("approved", "wrong_amount", "100,00").check(17_100, false),
        Ok((Decision::Approved, Some(Reason::WrongAmount), None, 10_000))
    );
    assert_eq!(
        form("rejected", "no_frikort", "").check(17_100, false),
        Ok((Decision::Rejected, Some(Reason::NoFrikort), None, 0))
    );
    assert_eq!(code(form("rejected", "because", "")), IssueCode::NotOneOf);
    assert_eq!(code(form("maybe", "", "")), IssueCode::NotOneOf);
    assert_eq!(code(form("approved", "", "-1")), IssueCode::AmountInvalid);
}

/// FK-5: «Dersom det foreligger avvik … skal grunnlaget for avviket
/// dokumenteres av HELFO»: "other" says in words what it rests on, and
/// Helfo pays at most what was claimed.
#[test]
fn fk_5_other_needs_a_note_and_nothing_above_the_claim_is_approved() {
    use frist_domain::frikort::{Decision, DecisionForm, Reason};
    let other = DecisionForm {
        decision: "rejected".into(),
        reason: "other".into(),
        ..Default::default()
    };
    let r = other.check(17_100, false).unwrap_err();
    assert_eq!(paths(&r), [("note".into(), IssueCode::NoteRequired)]);
    let with_note = DecisionForm {
        note: "  Reisen gjaldt en annen pasient  ".into(),
        ..other
    };
    assert_eq!(
        with_note.check(17_100, false),
        Ok((
            Decision::Rejected,
            Some(Reason::Other),
            Some("Reisen gjaldt en annen pasient".into()),
            0
        ))
    );
    let above = DecisionForm {
        decision: "approved".into(),
        reason: "wrong_amount".into(),
        amount: "171,01".into(),
        note: String::new(),
    };
    let r = above.check(17_100, false).unwrap_err();
    assert_eq!(
        paths(&r),
        [("amount".into(), IssueCode::ApprovedAboveClaimed)]
    );
    // A paid line keeps its decision (FK-4).
    let again = DecisionForm {
        decision: "rejected".into(),
        reason: "duplicate".into(),
        ..Default::default()
    };
    let r = again.check(17_100, true).unwrap_err();
    assert_eq!(paths(&r), [("decision".into(), IssueCode::LineAlreadyPaid)]);
}

#[test]
fn fk_7_helfos_repayment_claim_is_barred_three_years_after_the_refund() {
    // The same rule as FK-6, counted from the refund: paid Friday 20 March
    // 2026 → barred after Tuesday 20 March 2029.
    assert_eq!(time_bar(d("2026-03-20")), Ok(d("2029-03-20")));
    // 29 February + 3 years is 28 February (CAL-8), a Friday in 2031.
    assert_eq!(time_bar(d("2028-02-29")), Ok(d("2031-02-28")));
}

fn paths(r: &frist_domain::Report) -> Vec<(String, IssueCode)> {
    r.issues.iter().map(|i| (i.path.clone(), i.code)).collect()
}

/// Seed 002 § 3: «Feil eller tvist om enkeltreiser i en faktura skal ikke
/// medføre forsinkelse i oppgjøret for øvrige enkeltreiser i samme faktura».
#[test]
fn fk_4_approved_lines_are_paid_while_a_disputed_line_waits() {
    use frist_domain::frikort::{ClaimStatus, PaymentForm};
    let today = d("2026-03-20");
    let pay = PaymentForm {
        paid_on: "20.03.2026".into(),
        amount: "342,00".into(),
        account: String::new(),
    };
    // Two lines approved (342 kr), one still in dispute: the two are paid.
    assert_eq!(
        pay.check(2, 34_200, Some("86011117947"), today),
        Ok((d("2026-03-20"), "86011117947".to_owned()))
    );
    assert_eq!(ClaimStatus::after_settlement(1, 0), ClaimStatus::Received);
    // The disputed line decided: the claim is settled once it is paid or
    // rejected, and only then.
    assert_eq!(ClaimStatus::after_settlement(0, 1), ClaimStatus::Received);
    assert_eq!(ClaimStatus::after_settlement(0, 0), ClaimStatus::Paid);
    // Nothing approved and unpaid: there is nothing to pay.
    let r = pay.check(0, 0, Some("86011117947"), today).unwrap_err();
    assert_eq!(paths(&r), [(String::new(), IssueCode::NothingToPay)]);
}

#[test]
fn fk_9_a_payment_goes_to_the_account_the_rhf_has_set_on_a_past_date() {
    use frist_domain::frikort::PaymentForm;
    let today = d("2026-03-20");
    let on_record = Some("86011117947");
    let good = PaymentForm {
        paid_on: "20.03.2026".into(),
        amount: "342,00".into(),
        account: "8601 11 17947".into(),
    };
    assert_eq!(
        good.check(2, 34_200, on_record, today),
        Ok((d("2026-03-20"), "86011117947".to_owned()))
    );
    // Every problem at once, field by field, the way the browser shows them.
    let bad = PaymentForm {
        paid_on: "21.03.2026".into(),
        amount: "342,01".into(),
        account: "8601 11 17948".into(),
    };
    let r = bad.check(2, 34_200, on_record, today).unwrap_err();
    assert_eq!(
        paths(&r),
        [
            ("paid_on".into(), IssueCode::DateInFuture),
            ("amount".into(), IssueCode::PaymentNotApproved),
            ("account".into(), IssueCode::IdBadCheckDigit),
        ]
    );
    // A valid account, but not the one the RHF has set.
    let other = PaymentForm {
        account: "1234 56 78903".into(),
        ..good.clone()
    };
    let r = other.check(2, 34_200, on_record, today).unwrap_err();
    assert_eq!(
        paths(&r),
        [("account".into(), IssueCode::AccountNotRegistered)]
    );
    assert_eq!(
        r.issues[0].params["expected"],
        Param::Text("8601 11 17947".into())
    );
    // No account on record: nothing can be paid.
    let r = good.check(2, 34_200, None, today).unwrap_err();
    assert_eq!(
        paths(&r),
        [("account".into(), IssueCode::PayoutAccountMissing)]
    );
    let empty = PaymentForm::default()
        .check(2, 34_200, on_record, today)
        .unwrap_err();
    assert_eq!(empty.issues[0].code, IssueCode::Required);
}

fn payment(
    n: u32,
    paid_on: &str,
    amount_ore: i64,
    repaid_ore: i64,
) -> frist_domain::frikort::Payment {
    frist_domain::frikort::Payment {
        n,
        paid_on: d(paid_on),
        amount_ore,
        account: "86011117947".into(),
        lines: 2,
        repaid_ore,
        repayment_reason: None,
    }
}

#[test]
fn fk_7_fk_6_a_repayment_is_at_most_what_is_left_of_its_payment_and_not_time_barred() {
    use frist_domain::frikort::RepaymentForm;
    let form = |payment: &str, amount: &str, reason: &str| RepaymentForm {
        payment: payment.into(),
        amount: amount.into(),
        cause: "hf_error".into(),
        reason: reason.into(),
    };
    let payments = [
        payment(1, "2026-03-20", 34_200, 17_100),
        payment(2, "2026-04-10", 17_100, 0),
    ];
    // Empty names the latest payment.
    assert_eq!(
        form("", "100", "Feil beløp").check(&payments, d("2026-04-20")),
        Ok((2, 10_000))
    );
    // 171,01 kr is one øre more than is left of payment 1.
    let r = form("1", "171,01", " ")
        .check(&payments, d("2026-04-20"))
        .unwrap_err();
    assert_eq!(
        paths(&r),
        [
            ("amount".into(), IssueCode::NumberOutOfRange),
            ("reason".into(), IssueCode::Required)
        ]
    );
    assert_eq!(
        paths(
            &form("3", "100", "x")
                .check(&payments, d("2026-04-20"))
                .unwrap_err()
        ),
        [("payment".into(), IssueCode::NotOneOf)]
    );
    // FK-6: three years after payment 1, Helfo's claim on it is barred;
    // payment 2 is still in time.
    let r = form("1", "100", "Feil beløp")
        .check(&payments, d("2029-03-21"))
        .unwrap_err();
    assert_eq!(paths(&r), [(String::new(), IssueCode::TimeBarred)]);
    assert!(
        form("2", "100", "Feil beløp")
            .check(&payments, d("2029-03-21"))
            .is_ok()
    );
}

/// FK-7: «HF plikter ikke å betale tilbake refusjon som skyldes uriktig
/// informasjon fra HELFO».
#[test]
fn fk_7_no_repayment_when_helfos_wrong_information_caused_the_advance() {
    use frist_domain::frikort::RepaymentForm;
    let payments = [payment(1, "2026-03-20", 34_200, 0)];
    let form = |cause: &str| RepaymentForm {
        payment: "1".into(),
        amount: "171".into(),
        cause: cause.into(),
        reason: "Pasienten hadde ikke frikort".into(),
    };
    assert_eq!(
        form("hf_error").check(&payments, d("2026-04-01")),
        Ok((1, 17_100))
    );
    let r = form("helfo_information")
        .check(&payments, d("2026-04-01"))
        .unwrap_err();
    assert_eq!(paths(&r), [("cause".into(), IssueCode::RepaymentNotOwed)]);
    let r = form("").check(&payments, d("2026-04-01")).unwrap_err();
    assert_eq!(paths(&r), [("cause".into(), IssueCode::Required)]);
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
