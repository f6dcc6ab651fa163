//! Issue 10, data: the local D1 exported with `wrangler d1 export` (by
//! `scripts/d1-export.sh`, what `make backup` runs) and imported into an
//! empty state with `wrangler d1 execute` (what `make restore` runs) serves
//! every case, message and audit entry again.

use frist_tests::{Server, d1};
use serde_json::Value;

const TODAY: &str = "2026-03-20";

fn numbers(s: &Server, path: &str) -> Vec<String> {
    let helfo = s.login_as("helfo");
    let a = s
        .call("GET", &format!("{path}?limit=200"))
        .session(&helfo)
        .on(TODAY)
        .send();
    assert_eq!(a.status, 200, "{path}: {:?}", a.body);
    let mut n: Vec<String> = a.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} v{}", i["number"], i["version"]))
        .collect();
    n.sort();
    n
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_restored_backup_has_every_case() {
    let s = Server::start(&[("FRIST_TEST_CLOCK", "1")]).unwrap();
    let site = s.login_as("behandlingssted");
    for fnr in ["15038510190", "01019010046", "31127010040"] {
        let a = s
            .call("POST", "/api/v1/fristbrudd/cases")
            .session(&site)
            .idempotent()
            .on(TODAY)
            .json(&frist_tests::fb_notification(fnr, "2026-04-01"))
            .send();
        assert_eq!(a.status, 201, "{:?}", a.body);
    }
    let cases = numbers(&s, "/api/v1/fristbrudd/cases");
    assert_eq!(cases.len(), 8, "five seeded and three new: {cases:?}");
    let messages = numbers(&s, "/api/v1/fastlege/messages");

    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("frist-backup.sql");
    // What `make backup` runs.
    let export = std::process::Command::new("bash")
        .arg(frist_tests::root().join("scripts/d1-export.sh"))
        .arg(s.state())
        .arg(&dump)
        .output()
        .unwrap();
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let sql = std::fs::read_to_string(&dump).unwrap();
    assert!(sql.contains("CREATE TABLE"), "the export holds the schema");

    let restored = tempfile::Builder::new()
        .prefix("frist-restored-")
        .tempdir()
        .unwrap();
    d1(
        restored.path(),
        &["execute", "DB", "--file", dump.to_str().unwrap()],
    )
    .unwrap();
    let r = Server::start_on(restored, &[("FRIST_TEST_CLOCK", "1")]).unwrap();
    assert_eq!(numbers(&r, "/api/v1/fristbrudd/cases"), cases);
    assert_eq!(numbers(&r, "/api/v1/fastlege/messages"), messages);
    // The audit trail came along, and is still append-only.
    let helfo = r.login_as("helfo_admin");
    let audit: Value = r
        .call("GET", "/api/v1/audit?limit=200")
        .session(&helfo)
        .send()
        .body;
    assert!(
        audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "fristbrudd.create"),
        "{audit:?}"
    );
}
