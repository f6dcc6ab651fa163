//! Compiles the app's texts (`texts/app/*.json`, in the project's one text
//! catalogue `texts/`) into one sorted table.
//!
//! Every file maps a key to `[bokmål, nynorsk, English]`. The build fails
//! when a key lacks a language or appears twice; `tests/tests/i18n.rs`
//! checks the rest (empty texts, placeholders, keys the code uses).

use std::collections::BTreeMap;
use std::{env, fs, path::Path};

fn main() {
    let dir =
        Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("../texts/app");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("texts/app exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut all: BTreeMap<String, [String; 3]> = BTreeMap::new();
    let mut problems = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = fs::read_to_string(f).expect("readable locale file");
        let table: BTreeMap<String, Vec<String>> = match serde_json::from_str(&text) {
            Ok(t) => t,
            Err(e) => panic!("{}: {e}", f.display()),
        };
        for (key, texts) in table {
            let texts: [String; 3] = match texts.try_into() {
                Ok(t) => t,
                Err(_) => {
                    problems.push(format!("{}: {key}: needs [nb, nn, en]", f.display()));
                    continue;
                }
            };
            if all.insert(key.clone(), texts).is_some() {
                problems.push(format!("{}: {key}: defined twice", f.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "locale errors:\n{}",
        problems.join("\n")
    );
    let mut out = String::from(
        "/// Every app text as (key, [nb, nn, en]), sorted by key.\npub static TEXTS: &[(&str, [&str; 3])] = &[\n",
    );
    for (key, [nb, nn, en]) in &all {
        out.push_str(&format!("    ({key:?}, [{nb:?}, {nn:?}, {en:?}]),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("texts.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
