//! Every IssueCode has a text in every language (STYLE 9), and the three
//! texts of a code use the same parameters.

// Under wasm32 the same tests run through wasm-bindgen-test (Node).
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use frist_domain::messages::{Lang, placeholders, render, template};
use frist_domain::validation::{Issue, IssueCode};
use strum::IntoEnumIterator;

#[test]
fn every_issue_code_has_a_text_in_bokmal_nynorsk_and_english() {
    let mut missing = Vec::new();
    for code in IssueCode::iter() {
        for lang in Lang::iter() {
            let t = template(code, lang);
            if t.trim().len() < 10 || !t.ends_with('.') {
                missing.push(format!("{code:?}/{lang:?}: {t:?}"));
            }
        }
        let mut nb = placeholders(template(code, Lang::Nb));
        let mut nn = placeholders(template(code, Lang::Nn));
        let mut en = placeholders(template(code, Lang::En));
        nb.sort_unstable();
        nn.sort_unstable();
        en.sort_unstable();
        if nb != nn || nb != en {
            missing.push(format!(
                "{code:?}: parameters differ: nb {nb:?} nn {nn:?} en {en:?}"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn nynorsk_is_not_a_copy_of_bokmal() {
    let same = IssueCode::iter()
        .filter(|c| template(*c, Lang::Nb) == template(*c, Lang::Nn))
        .count();
    let all = IssueCode::iter().count();
    assert!(
        same * 3 < all,
        "{same} of {all} nynorsk texts are identical to bokmål"
    );
}

#[test]
fn issue_codes_have_stable_wire_names() {
    for code in IssueCode::iter() {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert!(
            code.as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        );
    }
}

#[test]
fn parameters_are_filled_in_with_norwegian_formatting() {
    let issue = Issue::error("d", IssueCode::DateOutOfRange)
        .with("min", chrono::NaiveDate::from_ymd_opt(1947, 1, 1).unwrap())
        .with(
            "max",
            chrono::NaiveDate::from_ymd_opt(2199, 12, 31).unwrap(),
        );
    assert_eq!(
        render(&issue, Lang::Nb),
        "Datoen må være mellom 01.01.1947 og 31.12.2199."
    );
    assert_eq!(
        render(&issue, Lang::En),
        "The date must be between 01.01.1947 and 31.12.2199."
    );
}

#[test]
fn english_is_not_a_copy_of_bokmal() {
    let same: Vec<IssueCode> = IssueCode::iter()
        .filter(|c| template(*c, Lang::Nb) == template(*c, Lang::En))
        .collect();
    assert!(same.is_empty(), "English identical to bokmål: {same:?}");
}

/// The issue texts are data in the text catalogue, keyed by each code's
/// wire name: one entry per code, each with three texts, and no stale key.
#[test]
fn the_catalogue_has_one_entry_per_issue_code_and_no_other() {
    use std::collections::{BTreeMap, BTreeSet};
    let catalogue: BTreeMap<String, Vec<String>> =
        serde_json::from_str(include_str!("../../texts/issues.json")).unwrap();
    let keys: BTreeSet<&str> = catalogue.keys().map(String::as_str).collect();
    let codes: BTreeSet<&str> = IssueCode::iter().map(IssueCode::as_str).collect();
    assert_eq!(keys, codes);
    for (key, texts) in &catalogue {
        assert!(
            texts.len() == 3 && texts.iter().all(|t| !t.trim().is_empty()),
            "{key}: needs three texts, [nb, nn, en]"
        );
    }
}
