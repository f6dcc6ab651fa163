//! The rulebook and the code point at each other.
//!
//! `docs/rules.md` gives every rule an ID under a heading `### <ID> <name>`,
//! and code and tests name those IDs in doc comments, comments and test
//! names. A rule ID met in code must lead a reader to its entry, and an entry
//! must lead to code: so every ID used in code or tests has an entry, every
//! entry is used somewhere, and every entry says where its rule comes from
//! (`Source:`) and where it lives (`Where:`).
//!
//! The scanner is hand-written (std only). A rule ID is `CAL`, `ID`, `FB`,
//! `FL`, `FK` or `CTRL`, a `-` and one or two digits, not preceded by an
//! ASCII letter or digit and not followed by another digit or a `-`, so a
//! case number such as `FB-2026-000001` is not a rule.
#![cfg(not(target_arch = "wasm32"))] // reads the repository's files

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const PREFIXES: [&str; 6] = ["CTRL", "CAL", "ID", "FB", "FL", "FK"];

/// Where code and tests live, from the repository root.
const SOURCES: &str = "shared/src shared/tests functions/src app/src cli/src cli/tests \
                       tests/src tests/tests tests/e2e";

/// This file names IDs to test the scanner, not as rules.
const THIS_FILE: &str = "shared/tests/rulebook.rs";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The length of the rule ID at the start of `b`, if one starts there.
fn id_at(b: &[u8]) -> Option<usize> {
    PREFIXES.iter().find_map(|p| {
        let rest = b
            .strip_prefix(p.as_bytes())?
            .strip_prefix(b"-".as_slice())?;
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let ok = (1..=2).contains(&digits) && rest.get(digits) != Some(&b'-');
        ok.then_some(p.len() + 1 + digits)
    })
}

/// The rule IDs in `text`, in order.
fn ids_in(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        match id_at(&b[i..]).filter(|_| word_start) {
            Some(len) => {
                out.push(text[i..i + len].to_owned());
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

fn rulebook() -> String {
    let path = root().join("docs/rules.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each entry's ID and the lines under its heading, up to the next heading.
fn entries(text: &str) -> Vec<(String, Vec<&str>)> {
    let mut out: Vec<(String, Vec<&str>)> = Vec::new();
    let mut current = None;
    for line in text.lines() {
        if line.starts_with('#') {
            let id = line
                .strip_prefix("### ")
                .and_then(|r| r.split_whitespace().next());
            current = id.filter(|id| ids_in(id) == [*id]).map(|id| {
                out.push((id.to_owned(), Vec::new()));
                out.len() - 1
            });
        } else if let Some(k) = current {
            out[k].1.push(line);
        }
    }
    out
}

/// Every `.rs` and `.mjs` file under `dir`, without `node_modules` and `target`.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let list = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in list.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "node_modules" && name != "target" {
                walk(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs" || e == "mjs") {
            out.push(path);
        }
    }
}

/// Every rule ID used in code or tests, with the first file that uses it.
fn used() -> BTreeMap<String, String> {
    let root = root();
    let mut files = Vec::new();
    for dir in SOURCES.split_whitespace() {
        walk(&root.join(dir), &mut files);
    }
    files.sort();
    let mut out = BTreeMap::new();
    for path in files {
        let rel = path.strip_prefix(&root).unwrap_or(&path);
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel == THIS_FILE {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for id in ids_in(&String::from_utf8_lossy(&bytes)) {
            out.entry(id).or_insert_with(|| rel.clone());
        }
    }
    out
}

#[test]
fn the_scanner_finds_rule_ids_and_not_case_numbers() {
    let found = ids_in("FB-4, (CTRL-12) FL-7: ID-1/ID-2 FB-2026-000001 XFB-4 FK-123 fb_4 CAL-3.");
    assert_eq!(found, ["FB-4", "CTRL-12", "FL-7", "ID-1", "ID-2", "CAL-3"]);
}

#[test]
fn every_rule_id_in_code_and_tests_has_an_entry() {
    let text = rulebook();
    let defined: BTreeSet<String> = entries(&text).into_iter().map(|(id, _)| id).collect();
    let missing: Vec<String> = used()
        .into_iter()
        .filter(|(id, _)| !defined.contains(id))
        .map(|(id, file)| format!("{id} (used in {file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "rule IDs used in code or tests without an entry `### <ID> <name>` in docs/rules.md:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn every_entry_is_used_in_code_or_tests() {
    let text = rulebook();
    let used = used();
    let unused: Vec<String> = entries(&text)
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| !used.contains_key(id))
        .collect();
    assert!(
        unused.is_empty(),
        "docs/rules.md has entries no code or test names (name the rule where it is implemented): {}",
        unused.join(", ")
    );
}

#[test]
fn every_entry_has_one_heading_a_source_and_a_where() {
    let text = rulebook();
    let entries = entries(&text);
    assert!(
        !entries.is_empty(),
        "docs/rules.md has no `### <ID> <name>` entries"
    );
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for (id, lines) in &entries {
        if !seen.insert(id.as_str()) {
            problems.push(format!("{id}: more than one entry"));
        }
        for label in ["Source:", "Where:"] {
            if !lines.iter().any(|l| l.trim_start().starts_with(label)) {
                problems.push(format!("{id}: no line starting with `{label}`"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "docs/rules.md:\n  {}",
        problems.join("\n  ")
    );
}
