//! Lists and the audit trail: lists page with opaque cursors and refuse
//! unknown ones, and the audit trail names ids only and is scoped to the
//! organisation.

use super::*;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn lists_page_with_opaque_cursors_and_refuse_unknown_ones() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..50 {
        let path = match &cursor {
            Some(c) => format!("/api/v1/users?limit=2&cursor={c}"),
            None => "/api/v1/users?limit=2".into(),
        };
        let page = s.call("GET", &path).session(&admin).send();
        assert_eq!(page.status, 200, "{:?}", page.body);
        let items = page.body["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|u| u["id"].as_str().unwrap().to_owned()));
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let all = s
        .call("GET", "/api/v1/users?limit=200")
        .session(&admin)
        .send();
    let all: Vec<String> = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(seen, all, "paging visits every user once, in order");
    assert!(all.len() >= 5);
    let bad = s
        .call("GET", "/api/v1/users?cursor=u_nope")
        .session(&admin)
        .send();
    assert_eq!(bad.status, 400);
    assert_eq!(bad.issues(), vec!["cursor:cursor_invalid"]);
    let bad = s
        .call("GET", "/api/v1/audit?cursor=abc")
        .session(&admin)
        .send();
    assert_eq!(bad.status, 400);
    let bad = s
        .call("GET", "/api/v1/users?limit=1000")
        .session(&admin)
        .send();
    assert_eq!(bad.issues(), vec!["limit:number_out_of_range"]);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_audit_trail_names_ids_only_and_is_scoped_to_the_organisation() {
    let s = server();
    let (id, email) = new_user("o_lillehammer", "kommune", "audit");
    let admin = s.login_as("helfo_admin");
    let all = s
        .call("GET", "/api/v1/audit?limit=200")
        .session(&admin)
        .send();
    let text = all.body.to_string();
    assert!(text.contains(&id));
    assert!(
        !text.contains(&email),
        "no e-mail address in the audit trail"
    );
    assert!(!text.contains("Test audit"), "no names in the audit trail");
    let entry = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["object_id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(entry["actor_user_id"], "u_demo_admin");
    assert!(entry["session_id"].as_str().unwrap().starts_with("s_"));
    assert!(entry["at"].as_str().unwrap().ends_with('Z'));
    // A hospital sees none of Lillehammer's entries.
    let hospital = s.login_as("behandlingssted");
    let theirs = s
        .call("GET", "/api/v1/audit?limit=200")
        .session(&hospital)
        .send();
    for e in theirs.body["items"].as_array().unwrap() {
        let mine =
            e["organisation_id"] == "o_innlandet" || e["actor_organisation_id"] == "o_innlandet";
        assert!(mine, "{e}");
    }
    assert!(!theirs.body.to_string().contains(&id));
}
