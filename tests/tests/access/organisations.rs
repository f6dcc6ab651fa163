//! Organisation isolation on the user and organisation routes: a user of
//! another organisation can neither read nor change its objects.

use super::*;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_user_of_another_organisation_can_neither_read_nor_change_its_objects() {
    let s = server();
    let admin = s.login_as("helfo_admin");
    // A municipality of its own, with one user, made here.
    let org = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .json(&json!({"name": "Vestre Toten kommune", "orgnr": "974931001", "kind": "kommune"}))
        .send();
    assert_eq!(org.status, 201, "{:?}", org.body);
    let org_id = org.body["id"].as_str().unwrap();
    let u = s
        .call("POST", "/api/v1/users")
        .session(&admin)
        .idempotent()
        .json(
            &json!({"name": "Vera Vestre", "email": "vera@vestre.example", "role": "kommune",
                      "organisation_id": org_id, "password": "et-langt-passord"}),
        )
        .send();
    let user_id = u.body["id"].as_str().unwrap().to_owned();
    let etag = format!("\"{}\"", u.body["version"]);
    let lillehammer = s.login_as("kommune");
    for path in [
        format!("/api/v1/organisations/{org_id}"),
        format!("/api/v1/users/{user_id}"),
    ] {
        let a = s.call("GET", &path).session(&lillehammer).send();
        assert_eq!(a.status, 404, "{path}");
        assert_eq!(a.kind(), "not_found");
    }
    let users = s
        .call("GET", &format!("/api/v1/users?organisation_id={org_id}"))
        .session(&lillehammer)
        .send();
    assert_eq!(users.status, 200);
    assert_eq!(users.body["items"], json!([]));
    let change = s
        .call("PATCH", &format!("/api/v1/users/{user_id}"))
        .session(&lillehammer)
        .header("If-Match", &etag)
        .json(&json!({"active": false}))
        .send();
    assert_eq!(change.status, 403);
    // Vera is untouched and still logs in.
    s.login("vera@vestre.example", "et-langt-passord");
    // Ids that do not exist answer exactly like ids of others.
    let none = s
        .call("GET", "/api/v1/users/u_finnes_ikke")
        .session(&lillehammer)
        .send();
    assert_eq!(none.status, 404);
    assert_eq!(
        none.body["detail"],
        s.call("GET", &format!("/api/v1/users/{user_id}"))
            .session(&lillehammer)
            .send()
            .body["detail"]
    );
}
