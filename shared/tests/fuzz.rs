#![cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
//! Issue 10, bad input: generated input for every parser — identifiers,
//! dates and amounts, the CSV and XLSX readers, and every request body the
//! edge accepts — must never panic, and what parses must make sense. The
//! budget is the number of cases per property: 256 in `make test`, more in
//! `make fuzz` (`PROPTEST_CASES`). A crasher found becomes a named
//! regression case at the end of this file.

use chrono::NaiveDate;
use frist_domain::access::{NewOrganisation, NewUser, OrgKind};
use frist_domain::api::{LoginRequest, UserPatch};
use frist_domain::fastlege::{CheckContext, ListBounds, MessageForm, Replaced};
use frist_domain::frikort::{self, DecisionForm, NewClaim, PaymentForm, RepaymentForm};
use frist_domain::fristbrudd::{EventForm, NotificationForm, SweepRequest};
use frist_domain::ids::{
    Epost, FnrContext, Fodselsnummer, HprNummer, Kontonummer, Organisasjonsnummer, Postnummer,
    Telefon,
};
use frist_domain::kontroll::{self, MonthUpload};
use frist_domain::{calendar, table};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn ctx() -> FnrContext {
    FnrContext {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        allow_synthetic: false,
    }
}

/// Text a clerk might type, or paste, or a machine might send: digits,
/// separators, letters, Norwegian letters, control characters, emoji.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 .\\-/]{0,16}",
        "[0-9]{11}",
        "\\PC{0,40}",
        any::<String>(),
    ]
}

/// Any JSON value, nested up to a few levels, with huge numbers and long
/// strings among them.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        Just(json!(u64::MAX)),
        Just(json!(1e308)),
        typed().prop_map(Value::String),
        Just(Value::String("9".repeat(10_000))),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A body for `T`: its own field names with any values (so the reader gets
/// past the field names), plus sometimes a field it does not know.
fn body_for<T: Default + serde::Serialize>() -> impl Strategy<Value = Vec<u8>> {
    let keys: Vec<String> = match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let n = keys.len().max(1);
    (
        prop::collection::vec(any_json(), n),
        prop::collection::vec(any::<bool>(), n),
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(move |(values, keep, extra, cut)| {
            let mut m = Map::new();
            for ((k, v), keep) in keys.iter().zip(values).zip(keep) {
                if keep {
                    m.insert(k.clone(), v);
                }
            }
            if extra {
                m.insert("unknown_field".into(), json!(1));
            }
            let mut bytes = serde_json::to_vec(&Value::Object(m)).unwrap();
            // Sometimes truncated, as a dropped connection leaves it.
            if cut % 5 == 0 {
                let at = bytes.len() * usize::from(cut) / 256;
                bytes.truncate(at);
            }
            bytes
        })
}

/// Parses `bytes` as `T` the way the edge does; a body that parses is then
/// checked by the domain (which must not panic either).
fn read<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    serde_json::from_slice(bytes).ok()
}

proptest! {
    #[test]
    fn identifiers_never_panic_and_what_parses_is_well_formed(text in typed()) {
        if let Ok(f) = Fodselsnummer::parse(&text, &ctx()) {
            let digits = f.as_str();
            prop_assert_eq!(digits.len(), 11);
            prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
            // The canonical form parses to itself.
            prop_assert_eq!(Fodselsnummer::parse(&digits, &ctx()).map(|g| g.as_str()), Ok(digits.clone()));
        }
        let _ = HprNummer::validate(&text);
        let _ = Organisasjonsnummer::validate(&text);
        let _ = Kontonummer::validate(&text);
        let _ = Epost::validate(&text);
        let _ = text.parse::<Telefon>();
        let _ = text.parse::<Postnummer>();
    }

    #[test]
    fn dates_and_amounts_never_panic_and_round_trip(text in typed()) {
        if let Some(d) = calendar::parse_date(&text) {
            prop_assert_eq!(calendar::parse_date(&calendar::format_nb(d)), Some(d));
        }
        // FK-1: an amount is positive, and reads back from how frist writes it.
        if let Some(ore) = frikort::parse_amount(&text) {
            prop_assert!(ore > 0, "{} → {}", text, ore);
            let written = format!("{},{:02}", ore / 100, ore % 100);
            prop_assert_eq!(frikort::parse_amount(&written), Some(ore), "{} → {}", text, written);
        }
        let _ = kontroll::parse_month(&text, ctx().today);
    }

    #[test]
    fn the_claim_reader_reads_the_same_lines_however_the_file_is_cut(
        bytes in prop_oneof![
            any::<Vec<u8>>(),
            // Mostly well-formed files with damage.
            // Lines plain (the reader's fast path), quoted, or ending in CR LF,
            // a lone CR or nothing (csv_core's).
            // References of letters beyond ASCII (read eight bytes at a
            // time, a character may straddle two words or two pieces), a
            // colon (the byte after `;`), or a byte that is not UTF-8.
            (prop::collection::vec(("[0-9]{11}", "[0-9.]{0,10}", "[0-9,]{0,7}", 0..6u8, "[Rø:å]{0,9}", any::<bool>()), 0..30), any::<u8>())
                .prop_map(|(rows, sep)| {
                    let d = if sep % 2 == 0 { ';' } else { ',' };
                    let mut s = format!("fodselsnummer{d}transportdato{d}utbetalingsdato{d}egenandel{d}referanse\n").into_bytes();
                    for (f, t, a, form, r, broken) in rows {
                        let a = if form == 1 { format!("\"{a}\"") } else { a };
                        let end = ["\n", "\n", "\r\n", "\r", "", "\n\n"][usize::from(form)];
                        s.extend(format!("{f}{d}{t}{d}{t}{d}{a}{d}{r}").bytes());
                        if broken {
                            s.push(0xC3);
                        }
                        s.extend(end.bytes());
                    }
                    s
                }),
        ],
        cut in any::<prop::sample::Index>(),
    ) {
        let read = |pieces: &[&[u8]]| {
            let mut stream = frikort::csv();
            let mut lines = Vec::new();
            let mut result = Ok(());
            for (i, p) in pieces.iter().enumerate() {
                result = stream.feed(p, i + 1 == pieces.len(), &mut |r: table::Record<'_>| {
                    let fields = match r {
                        table::Record::Line { fields, .. } => (0..5).map(|c| fields.get(c).to_owned()).collect(),
                        other => vec![format!("{:?}", other.issue())],
                    };
                    lines.push((r.line(), fields));
                });
                if result.is_err() {
                    break;
                }
            }
            (result.map_err(|e| format!("{e:?}")), lines)
        };
        let at = if bytes.is_empty() { 0 } else { cut.index(bytes.len()) };
        let whole = read(&[&bytes]);
        let split = read(&[&bytes[..at], &bytes[at..]]);
        // A byte at a time no line is ever whole in one piece, so every line
        // goes through csv_core: the fast path must read exactly as it does.
        // (The empty last piece ends the file even when it has no bytes.)
        let bytewise = read(&bytes.chunks(1).chain([&[][..]]).collect::<Vec<_>>());
        prop_assert_eq!(&whole, &split);
        prop_assert_eq!(&whole, &bytewise);
    }

    #[test]
    fn the_workbook_readers_refuse_damaged_files_without_panicking(bytes in any::<Vec<u8>>()) {
        let _ = frikort::read_xlsx(&bytes, &mut |_| {});
        let _ = kontroll::read_bills(&bytes, &ctx());
        let _ = kontroll::read_doctors(&bytes);
    }

    #[test]
    fn fristbrudd_bodies_never_panic(a in body_for::<NotificationForm>(), b in body_for::<EventForm>(), c in body_for::<SweepRequest>()) {
        if let Some(f) = read::<NotificationForm>(&a) { let _ = f.check(&ctx()); }
        if let Some(f) = read::<EventForm>(&b) { let _ = f.check(); }
        let _ = read::<SweepRequest>(&c);
    }

    #[test]
    fn fastlege_bodies_never_panic(a in body_for::<MessageForm>(), replaced in any::<bool>()) {
        if let Some(f) = read::<MessageForm>(&a) {
            let ctx = CheckContext { today: ctx().today, bounds: ListBounds::DEFAULT };
            let r = replaced.then(|| Replaced { termination: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap() });
            let _ = f.check(&ctx, r);
        }
    }

    #[test]
    fn frikort_and_kontroll_bodies_never_panic(
        a in body_for::<NewClaim>(), b in body_for::<DecisionForm>(), c in body_for::<PaymentForm>(),
        d in body_for::<RepaymentForm>(), e in any_json(), claimed in any::<i64>(), paid in any::<bool>(),
    ) {
        let _ = read::<NewClaim>(&a);
        if let Some(f) = read::<DecisionForm>(&b) { let _ = f.check(claimed, paid); }
        if let Some(f) = read::<PaymentForm>(&c) { let _ = f.check(2, claimed, Some("86011117947"), ctx().today); }
        if let Some(f) = read::<RepaymentForm>(&d) {
            let p = frist_domain::frikort::Payment {
                n: 1, paid_on: ctx().today, amount_ore: claimed, account: "86011117947".into(),
                lines: 1, repaid_ore: 0, repayment_reason: None,
            };
            let _ = f.check(&[p], ctx().today);
        }
        if let Ok(m) = serde_json::from_value::<MonthUpload>(json!({"doctors": [e]})) { let _ = m.check(); }
    }

    #[test]
    fn account_bodies_never_panic(a in body_for::<NewOrganisation>(), b in body_for::<NewUser>(), c in body_for::<UserPatch>(), d in body_for::<LoginRequest>()) {
        if let Some(f) = read::<NewOrganisation>(&a) { let _ = f.validate(); }
        if let Some(f) = read::<NewUser>(&b) { let _ = f.validate(Some(OrgKind::Kommune)); let _ = f.validate(None); }
        if let Some(f) = read::<UserPatch>(&c) { let _ = f.validate("a@b.no"); }
        if let Some(f) = read::<LoginRequest>(&d) { let _ = f.validate(); }
    }
}

/// Crashers and surprises the generators found, kept as named cases.
#[test]
fn found_by_fuzzing_a_date_with_a_sign_or_a_short_year_is_refused() {
    for text in [
        "-1-1-1",
        "+202-01-01",
        "1.1.-001",
        "01.01.+202",
        "2026-1-1",
        "1.1.26",
    ] {
        assert_eq!(calendar::parse_date(text), None, "{text}");
    }
    assert_eq!(
        calendar::parse_date(" 1.2.2026 "),
        NaiveDate::from_ymd_opt(2026, 2, 1)
    );
    assert_eq!(
        calendar::parse_date("2026-02-01"),
        NaiveDate::from_ymd_opt(2026, 2, 1)
    );
}
