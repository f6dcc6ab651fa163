//! Claims control, rule by rule (CTRL-1 … CTRL-9 in docs/rules.md §6), with the
//! takster docs/rules.md and seed 003 name, checked against the tariff data
//! files in `shared/data/takster/`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use frist_domain::IssueCode;
use frist_domain::ids::FnrContext;
use frist_domain::kontroll::{
    Aggregate, BatchContext, Bill, BillContext, Doctor, DoctorRole, Line, Rep, Tariffs,
    check_batch, check_bill, entry_covers, missing_takster, parse_takster, peer_distribution,
    read_bills, read_doctors, rule_of, time_bar,
};
use frist_domain::table::FileError;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fnr() -> FnrContext {
    FnrContext::production(d(2026, 11, 23))
}

/// A bill in the 2023–24 tariff year (October 2023), sent in time.
fn bill(takster: &str) -> Bill {
    Bill {
        line: 2,
        hpr: "9144889".parse().unwrap(),
        patient: frist_domain::ids::Fodselsnummer::parse("15038510190", &fnr()).unwrap(),
        date: d(2023, 10, 10),
        time: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        takster: parse_takster(takster).unwrap(),
        amount_ore: None,
        sent: None,
    }
}

fn ctx() -> BillContext<'static> {
    BillContext {
        tariffs: Tariffs::builtin(),
        forced_year: None,
        sent: d(2023, 11, 1),
        doctor: None,
    }
}

/// The (code, rule, takst) of every issue of a bill.
fn findings(takster: &str) -> Vec<(IssueCode, String, String)> {
    let (report, _) = check_bill(&bill(takster), &ctx());
    report
        .issues
        .iter()
        .map(|i| {
            let takst = match i.params.get("takst") {
                Some(frist_domain::Param::Text(t)) => t.clone(),
                _ => String::new(),
            };
            (i.code, rule_of(i).to_owned(), takst)
        })
        .collect()
}

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
fn ctrl_7_no_refund_before_the_agreement() {
    let doctor = Doctor {
        hpr: "9144889".parse().unwrap(),
        role: DoctorRole::Vikar,
        covers: Some("9144888".parse().unwrap()),
        agreement_from: Some(d(2023, 10, 11)),
        listed: None,
        started: None,
    };
    let c = BillContext {
        doctor: Some(&doctor),
        ..ctx()
    };
    let (report, _) = check_bill(&bill("2ad"), &c);
    assert_eq!(report.issues[0].code, IssueCode::NoSettlementAgreement);
    assert_eq!(rule_of(&report.issues[0]), "CTRL-7");
    let mut on_the_day = bill("2ad");
    on_the_day.date = d(2023, 10, 11);
    assert!(check_bill(&on_the_day, &c).0.is_empty());
}

#[test]
fn ctrl_8_six_months_after_the_end_of_the_month_of_treatment() {
    // The end of the sixth month after (a recorded choice), not CAL-8 from
    // the month's last day: April → 31 October, February → 31 August.
    assert_eq!(time_bar(d(2025, 4, 20)), Some(d(2025, 10, 31)));
    assert_eq!(time_bar(d(2026, 2, 1)), Some(d(2026, 8, 31)));
    assert_eq!(time_bar(d(2024, 8, 31)), Some(d(2025, 2, 28)));
    // On a weekend it rolls forward (CAL-7): Saturday 31 October 2026 →
    // Monday 2 November; Saturday 28 February 2026 → Monday 2 March.
    assert_eq!(time_bar(d(2026, 4, 20)), Some(d(2026, 11, 2)));
    assert_eq!(time_bar(d(2025, 8, 31)), Some(d(2026, 3, 2)));
    let mut b = bill("2ad");
    b.date = d(2024, 4, 20);
    b.sent = Some(d(2024, 10, 31));
    assert!(
        check_bill(&b, &ctx()).0.is_empty(),
        "on the bar date it is in time"
    );
    b.sent = Some(d(2024, 11, 1));
    let (report, _) = check_bill(&b, &ctx());
    assert_eq!(report.issues[0].code, IssueCode::BillTimeBarred);
    assert_eq!(rule_of(&report.issues[0]), "CTRL-8");
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

const DOCTORS: &str = "hpr;rolle;vikar_for;avtale_fra;listepasienter;startet
9144889;fastlege;;2015-03-01;1200;2015-03-01
9144888;fastlege;;;1100;
6654321;vikar;9144888;01.10.2023;;2023-10-01
";

fn batch(bills: &str) -> frist_domain::kontroll::BatchReport {
    let (doctors, problems) = read_doctors(DOCTORS.as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let rows = read_bills(bills.as_bytes(), &fnr()).unwrap();
    check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs: Tariffs::builtin(),
            forced_year: None,
            sent: d(2023, 11, 1),
        },
    )
}

#[test]
fn ctrl_1_the_same_bill_twice_is_refused_an_amount_only_difference_flagged() {
    let r = batch(
        "hpr,pasient,dato,klokkeslett,takster,belop
9144889,15038510190,10.10.2023,10:00,2ad 701a,\"26,00\"
9144889,15038510190,10.10.2023,10:00,701a 2ad,\"26,00\"
9144889,15038510190,10.10.2023,10:00,2ad 701a,\"30,00\"
9144889,15038510190,10.10.2023,10:20,2ad 701a,\"26,00\"
",
    );
    let found: Vec<_> = r
        .issues
        .iter()
        .flat_map(|b| {
            b.report
                .issues
                .iter()
                .map(move |i| (b.line, i.code, rule_of(i).to_owned()))
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (3, IssueCode::BillDuplicate, "CTRL-1".into()),
            (4, IssueCode::BillDiffersOnlyInAmount, "CTRL-1".into()),
        ]
    );
    assert_eq!(r.with_errors, 1);
    assert_eq!(r.with_warnings, 1);
}

#[test]
fn ctrl_6_substitute_and_gp_at_the_same_time_are_both_flagged() {
    let r = batch(
        "hpr;pasient;dato;klokkeslett;takster
6654321;15038510190;12.10.2023;09:00;2ad
9144888;01019010046;12.10.2023;09:00;2ad
9144889;31127010040;12.10.2023;09:00;2ad
6654321;31127010040;12.10.2023;09:20;2ad
",
    );
    let flagged: Vec<_> = r
        .issues
        .iter()
        .map(|b| {
            (
                b.line,
                b.report.issues[0].code,
                rule_of(&b.report.issues[0]).to_owned(),
            )
        })
        .collect();
    assert_eq!(
        flagged,
        vec![
            (2, IssueCode::SubstituteOverlap, "CTRL-6".into()),
            (3, IssueCode::SubstituteOverlap, "CTRL-6".into()),
        ],
        "not the other GP at the same time, nor the substitute at another time"
    );
}

#[test]
fn bill_files_read_in_any_column_order_and_bad_rows_stand_alone() {
    let r = batch(
        "takster;klokkeslett;dato;pasient;hpr
2ad;10:00;10.10.2023;15038510190;9144889
2ad;25:00;10.10.2023;15038510190;9144889
2ad;10:00;10.10.2023
2ad;10:40;10.10.2023;15038510190;1234567
",
    );
    let found: Vec<_> = r
        .issues
        .iter()
        .map(|b| (b.line, b.report.issues[0].code))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, IssueCode::TimeInvalid),
            (4, IssueCode::RaggedRow),
            (5, IssueCode::DoctorNotListed),
        ]
    );
    assert_eq!(r.bills, 4);
    assert!(matches!(
        read_bills(b"hpr;pasient;dato;takster\n", &fnr()),
        Err(FileError::MissingColumn { column, .. }) if column == "klokkeslett"
    ));
    let (_, problems) = read_doctors(b"hpr;rolle\n9144889;overlege\n6654321;vikar\n").unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].report.issues[0].code, IssueCode::NotOneOf);
    assert_eq!(problems[1].report.issues[0].path, "vikar_for");
}

#[test]
fn ctrl_9_an_outlier_among_synthetic_peers_is_flagged_and_nobody_else() {
    // 24 peers between 2.00 and 2.46 kr per listed patient, one at 6.00.
    let mut peers: Vec<Aggregate> = (0..24)
        .map(|i| Aggregate {
            hpr: String::new(),
            refund_ore: 200_000 + i * 2_000,
            listed: 1_000,
            own: false,
        })
        .collect();
    peers.push(Aggregate {
        hpr: "5612347".into(),
        refund_ore: 600_000,
        listed: 1_000,
        own: true,
    });
    // One high but ordinary doctor: 2.60.
    peers.push(Aggregate {
        hpr: "9144889".into(),
        refund_ore: 260_000,
        listed: 1_000,
        own: true,
    });
    let dist = peer_distribution(&peers, 3.0);
    assert!(dist.enough_peers);
    assert_eq!(dist.outliers(), vec!["5612347"]);
    assert!((dist.median - 2.25).abs() < 0.02, "{}", dist.median);
    // A smaller k flags more; fewer than five peers flag nobody.
    assert!(
        peer_distribution(&peers, 0.5)
            .points
            .iter()
            .filter(|p| p.outlier)
            .count()
            > 1
    );
    assert!(!peer_distribution(&peers[22..], 3.0).enough_peers);
    assert!(
        peer_distribution(&peers[22..], 3.0)
            .points
            .iter()
            .all(|p| !p.outlier)
    );
    // No listed patients: nothing to divide by, left out.
    let none = [Aggregate {
        hpr: "1".into(),
        refund_ore: 5,
        listed: 0,
        own: true,
    }];
    assert!(peer_distribution(&none, 3.0).points.is_empty());
}

#[test]
fn ctrl_9_new_doctors_see_the_takster_their_peers_use_and_they_do_not() {
    let map = |pairs: &[(&str, u64)]| {
        pairs
            .iter()
            .map(|(c, n)| ((*c).to_owned(), *n))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let a = map(&[("2ad", 40), ("2cd", 10), ("701a", 8), ("1bd", 3)]);
    let b = map(&[("2ad", 35), ("2cd", 12), ("701a", 2)]);
    let c = map(&[("2ad", 50), ("2cd", 1), ("2dd", 4)]);
    let new = map(&[("2ad", 30), ("1ad", 5)]);
    assert_eq!(missing_takster(&new, &[&a, &b, &c]), vec!["2cd", "701a"]);
}

#[test]
fn the_sample_file_has_one_planted_error_per_rule() {
    let bills = include_bytes!("../../public/eksempel/regningskort.csv");
    let doctors = include_bytes!("../../public/eksempel/legeliste.csv");
    let (doctors, problems) = read_doctors(doctors).unwrap();
    assert!(problems.is_empty());
    let fnr = FnrContext {
        today: d(2026, 11, 23),
        allow_synthetic: true,
    };
    let rows = read_bills(bills, &fnr).unwrap();
    let r = check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs: Tariffs::builtin(),
            forced_year: None,
            sent: d(2026, 11, 23),
        },
    );
    for rule in [
        "CTRL-1", "CTRL-2", "CTRL-3", "CTRL-4", "CTRL-5", "CTRL-6", "CTRL-7", "CTRL-8",
    ] {
        assert!(
            r.by_rule.contains_key(rule),
            "{rule} planted: {:?}",
            r.by_rule
        );
    }
    // Only the planted lines (from line 427) have issues.
    assert!(
        r.issues.iter().all(|b| b.line >= 427),
        "{:?}",
        r.issues.first()
    );
    assert_eq!(r.issues.len(), 14);
    let lis1 = r.doctors.iter().find(|s| s.hpr == "3345671").unwrap();
    assert!(lis1.new_doctor);
    assert!(lis1.missing.contains(&"2cd".to_owned()) && lis1.missing.contains(&"701a".to_owned()));
    let upload = r.month_upload("2026-10");
    let dist = peer_distribution(&upload.own_aggregates(), 3.0);
    assert_eq!(dist.outliers(), vec!["5612347"]);
}

/// CTRL-9 compares refunds; a bill whose refund is unknown (no amount in the
/// file, none in the tariff year: 2024–25 has none) must not count as zero.
#[test]
fn ctrl_9_a_doctor_with_bills_of_unknown_refund_is_left_out_not_compared_on_zeros() {
    let (doctors, _) = read_doctors(DOCTORS.as_bytes()).unwrap();
    let rows = read_bills(
        "hpr,pasient,dato,klokkeslett,takster,belop
9144889,15038510190,10.10.2024,10:00,2ad,
9144888,01019010046,10.10.2024,11:00,2ad,\"250,00\"
"
        .as_bytes(),
        &fnr(),
    )
    .unwrap();
    let r = check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs: Tariffs::builtin(),
            forced_year: None,
            sent: d(2024, 11, 1),
        },
    );
    let unknown = r.doctors.iter().find(|s| s.hpr == "9144889").unwrap();
    assert_eq!(
        (unknown.months[0].unpriced, unknown.months[0].refund_ore),
        (1, 0)
    );
    let priced = r.doctors.iter().find(|s| s.hpr == "9144888").unwrap();
    assert_eq!(
        (priced.months[0].unpriced, priced.months[0].refund_ore),
        (0, 25_000)
    );
    let upload = r.month_upload("2024-10");
    let hprs: Vec<String> = upload.doctors.iter().map(|d| d.hpr.to_string()).collect();
    assert_eq!(hprs, ["9144888"]);
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
