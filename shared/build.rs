//! Embeds every tariff year in `data/takster/` (CTRL: the takster are
//! reference data, never code): adding a year is dropping in a file. And
//! compiles the issue texts of the project's text catalogue
//! (`texts/issues.json`) into one sorted table, so nothing is parsed at run
//! time, in the browser or at the edge.

use std::collections::BTreeMap;
use std::{env, fs, path::Path};

fn main() {
    tariffs();
    issue_texts();
}

/// `TARIFF_FILES`: every tariff year file, by name, as text.
fn tariffs() {
    let dir =
        Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("data/takster");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// Every tariff year file, by name, as text.\npub static TARIFF_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("tariffs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// `ISSUE_TEXTS`: every issue code's `[nb, nn, en]` texts, sorted by the
/// code's wire name. The build fails when an entry lacks a language.
fn issue_texts() {
    let file = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("../texts/issues.json");
    println!("cargo:rerun-if-changed={}", file.display());
    let text = fs::read_to_string(&file).expect("texts/issues.json is readable");
    let table: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut out = String::from("static ISSUE_TEXTS: &[(&str, [&str; 3])] = &[\n");
    for (key, texts) in &table {
        let [nb, nn, en] = texts.as_slice() else {
            panic!("{}: {key}: needs [nb, nn, en]", file.display());
        };
        out.push_str(&format!("    ({key:?}, [{nb:?}, {nn:?}, {en:?}]),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("issue_texts.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
