//! Across claims and organisations: refunds go only to the account an
//! administrator recorded for the RHF (FK-9), a trip claimed in an earlier
//! claim is found by its keyed hash (FK-8), and another health trust can
//! neither see nor add to a claim.

use super::*;

/// FK-9: «Innvilgede krav på refusjon skal utbetales til det helseforetak og
/// til den konto RHF har fastsatt» — without an account on record nothing
/// is paid; an administrator records it.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fk_9_refunds_go_only_to_the_account_an_administrator_recorded_for_the_rhf() {
    let s = server();
    let other = s.elsewhere(
        ("Helse Midt-Norge RHF", "983658776", "hf"),
        ("Mia Midt", "mia@helse-midt.example"),
        "hf",
    );
    let helfo = s.login_as("helfo");
    let claim = new_claim(s, &other, 1, 1);
    let id = claim["id"].as_str().unwrap();
    let base = format!("/api/v1/frikort/claims/{id}");
    let a = chunk(
        s,
        &other,
        id,
        0,
        &[line(2, "15038510190", "16.03.2026", "17.03.2026", "171,00")],
    );
    assert_eq!(a.body["valid"], 1, "{:?}", a.body);
    assert_eq!(
        post(s, &other, &format!("{base}/submit"), json!({})).status,
        200
    );
    let approved = post(s, &helfo, &format!("{base}/approve-clean"), json!({}));
    assert_eq!(approved.body["payout_account"], Value::Null);
    let pay = |version: &Value| {
        s.call("POST", &format!("{base}/payment"))
            .session(&helfo)
            .if_match(version)
            .on(TODAY)
            .json(&json!({"paid_on": "20.03.2026", "amount": "171,00"}))
            .send()
    };
    let refused = pay(&approved.body["version"]);
    assert_eq!(refused.status, 422);
    assert_eq!(refused.issues(), ["account:payout_account_missing"]);
    // Only an administrator records the account, and only a valid one.
    let org = approved.body["organisation_id"].as_str().unwrap();
    let path = format!("/api/v1/organisations/{org}/payout-account");
    let set = |who: &Session, account: &str| {
        s.call("PUT", &path)
            .session(who)
            .json(&json!({ "account": account }))
            .send()
    };
    assert_eq!(set(&helfo, "8601 11 17947").status, 403);
    let admin = s.login_as("helfo_admin");
    assert_eq!(
        set(&admin, "8601 11 17948").issues(),
        ["account:id_bad_check_digit"]
    );
    let recorded = set(&admin, "1234 56 78903");
    assert_eq!(recorded.status, 200, "{:?}", recorded.body);
    assert_eq!(recorded.body["payout_account"], "12345678903");
    let now = s.call("GET", &base).session(&helfo).send();
    let paid = pay(&now.body["version"]);
    assert_eq!(paid.status, 200, "{:?}", paid.body);
    assert_eq!(paid.body["payments"][0]["account"], "12345678903");
    assert_eq!(paid.body["status"], "paid");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fk_8_a_trip_claimed_in_an_earlier_claim_is_found_by_its_keyed_hash() {
    let s = server();
    let hf = s.login_as("hf");
    let trip = line(2, "15038510190", "09.03.2026", "16.03.2026", "171,00");
    let first = new_claim(s, &hf, 1, 1);
    let a = chunk(
        s,
        &hf,
        first["id"].as_str().unwrap(),
        0,
        std::slice::from_ref(&trip),
    );
    assert_eq!(a.body["valid"], 1, "{:?}", a.body);
    let second = new_claim(s, &hf, 1, 1);
    let b = chunk(s, &hf, second["id"].as_str().unwrap(), 0, &[trip]);
    assert_eq!(b.body["valid"], 0);
    assert_eq!(
        codes_of(&b.body),
        [(2, vec!["duplicate_earlier_claim".to_owned()])]
    );
    assert_eq!(
        b.body["issues"][0]["issues"][0]["params"]["claim"],
        first["number"]
    );
    // Chunk numbers beyond the announced ones, and empty chunks, are refused.
    let id = second["id"].as_str().unwrap();
    assert_eq!(chunk(s, &hf, id, 5, &[]).status, 400);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn another_health_trust_can_neither_see_nor_add_to_a_claim() {
    let s = server();
    let hf = s.login_as("hf");
    let claim = new_claim(s, &hf, 1, 1);
    let id = claim["id"].as_str().unwrap();
    let other = s.elsewhere(
        ("Helse Nord RHF", "883658752", "hf"),
        ("Nils Nord", "nils@helse-nord.example"),
        "hf",
    );
    let a = s
        .call("GET", &format!("/api/v1/frikort/claims/{id}"))
        .session(&other)
        .send();
    assert_eq!(a.status, 404);
    let put = chunk(
        s,
        &other,
        id,
        0,
        &[line(2, "15038510190", "02.03.2026", "10.03.2026", "171")],
    );
    assert_eq!(put.status, 404);
    let list = s
        .call("GET", "/api/v1/frikort/claims")
        .session(&other)
        .send();
    assert_eq!(list.body["items"], json!([]));
    // Helfo may not send claims; a municipality may not see them.
    let helfo = s.login_as("helfo");
    assert_eq!(chunk(s, &helfo, id, 0, &[]).status, 403);
    let kommune = s.login_as("kommune");
    let k = s
        .call("GET", "/api/v1/frikort/claims")
        .session(&kommune)
        .send();
    assert_eq!(k.status, 403);
}
