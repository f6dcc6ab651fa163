//! Issue 9: every text of the app exists in bokmål, nynorsk and English.
//!
//! The app's texts live in `texts/app/*.json` as `key: [nb, nn, en]`.
//! These tests read them (and the app's sources) directly, so they run
//! without a server; the browser test `language.test.mjs` then switches
//! language on every page and looks for untranslated keys on screen.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use frist_domain::{access, fastlege, frikort, fristbrudd, kontroll};
use strum::IntoEnumIterator;

fn app_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app")
}

/// Every key with its three texts, and the file it came from.
fn texts() -> BTreeMap<String, (String, Vec<String>)> {
    let mut all = BTreeMap::new();
    let mut files: Vec<_> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../texts/app"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
    files.sort();
    assert!(files.len() >= 5, "the locale files are missing: {files:?}");
    for f in files {
        let table: BTreeMap<String, Vec<String>> =
            serde_json::from_str(&fs::read_to_string(&f).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for (key, value) in table {
            let earlier = all.insert(key.clone(), (name.clone(), value));
            assert!(
                earlier.is_none(),
                "{key} is defined in {name} and {earlier:?}"
            );
        }
    }
    all
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_app_text_exists_in_bokmal_nynorsk_and_english_with_the_same_placeholders() {
    let texts = texts();
    assert!(texts.len() > 300, "only {} texts", texts.len());
    for (key, (file, value)) in &texts {
        assert_eq!(value.len(), 3, "{file}: {key} needs [nb, nn, en]");
        for (lang, text) in ["nb", "nn", "en"].iter().zip(value) {
            assert!(!text.trim().is_empty(), "{file}: {key} has no {lang} text");
            assert_eq!(
                placeholders(text),
                placeholders(&value[0]),
                "{file}: {key}: the {lang} text names other placeholders than bokmål"
            );
        }
    }
}

/// Texts that read the same in English: names, codes and loanwords.
fn same_in_english(nb: &str) -> bool {
    let mut bare = String::new();
    for (i, piece) in nb.split(['{', '}']).enumerate() {
        if i % 2 == 0 {
            bare.push_str(piece); // outside a {placeholder}
        }
    }
    let words: Vec<&str> = bare
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    const NAMES: &[&str] = &[
        "frist",
        "Helfo",
        "HPR",
        "LIS1",
        "CSV",
        "XLSX",
        "PDF",
        "ID",
        "OK",
        "Status",
        "E",
        "post",
        "kr",
        "FB",
        "FL",
        "FK",
        "CTRL",
        "Administrator",
        "Helsenorge",
    ];
    words.iter().all(|w| NAMES.contains(w))
}

#[test]
fn english_is_not_a_copy_of_bokmal() {
    let copies: Vec<String> = texts()
        .into_iter()
        .filter(|(_, (_, v))| v[0] == v[2] && !same_in_english(&v[0]))
        .map(|(key, (file, v))| format!("{file}: {key} = {:?}", v[0]))
        .collect();
    assert!(copies.is_empty(), "untranslated:\n{}", copies.join("\n"));
}

/// Every `t("…")` and `tf("…", …)` key in the app's code.
fn keys_in_code() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&app_dir().join("src"), &mut files);
    let mut keys = Vec::new();
    for f in files {
        let code = fs::read_to_string(&f).unwrap();
        for call in ["t(\"", "tf(\""] {
            for (at, _) in code.match_indices(call) {
                let before = code[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue; // e.g. `set("`, `alert("`
                }
                let rest = &code[at + call.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                keys.push((format!("{}", f.display()), key.to_owned()));
            }
        }
    }
    keys
}

#[test]
fn every_key_the_app_uses_has_a_text() {
    let texts = texts();
    let keys = keys_in_code();
    assert!(
        keys.len() > 300,
        "only {} keys found in app/src",
        keys.len()
    );
    let missing: Vec<String> = keys
        .iter()
        .filter(|(_, k)| !texts.contains_key(k))
        .map(|(f, k)| format!("{f}: {k}"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys without a text:\n{}",
        missing.join("\n")
    );
}

fn enum_keys<T: IntoEnumIterator + Into<&'static str>>(ty: &str) -> Vec<String> {
    T::iter()
        .map(|v| format!("enum.{ty}.{}", v.into()))
        .collect()
}

#[test]
fn every_domain_value_the_app_names_has_a_text() {
    let texts = texts();
    let keys = [
        enum_keys::<access::OrgKind>("OrgKind"),
        enum_keys::<access::Role>("Role"),
        enum_keys::<fastlege::MessageKind>("MessageKind"),
        enum_keys::<fastlege::Competence>("Competence"),
        enum_keys::<fastlege::Status>("Status"),
        enum_keys::<frikort::ClaimStatus>("ClaimStatus"),
        enum_keys::<frikort::Reason>("Reason"),
        enum_keys::<fristbrudd::BreachKind>("BreachKind"),
        enum_keys::<fristbrudd::State>("State"),
        enum_keys::<fristbrudd::Variant>("Variant"),
        enum_keys::<fristbrudd::EventKind>("EventKind"),
        enum_keys::<fristbrudd::DeadlineKind>("DeadlineKind"),
        enum_keys::<kontroll::DoctorRole>("DoctorRole"),
    ]
    .concat();
    let missing: Vec<&String> = keys.iter().filter(|k| !texts.contains_key(*k)).collect();
    assert!(missing.is_empty(), "no text for {missing:?}");
}
