//! The `frist` command's interface, exactly as issue 3 specifies it.

use std::io::Write;
use std::process::{Command, Stdio};

mod auth;
mod calendar;
mod cases;
mod files;
mod id;

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
