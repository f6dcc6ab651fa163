//! The notification at the edge (FB-1), its documents (FB-7) and
//! cross-hospital access: the edge checks a notification and refuses a second
//! open case for the patient, refuses a wrong type, a fake PDF, a second file
//! and a too large one, and another hospital can neither see nor change a case.

use super::*;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_1_the_edge_checks_the_notification_and_refuses_a_second_open_case() {
    let s = server();
    let fb = Fb::new(s);
    let empty = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .idempotent()
        .on(NOTIFIED)
        .json(&json!({}))
        .send();
    assert_eq!(empty.status, 422);
    for field in ["patient_fnr", "patient_name", "fristdato", "kind"] {
        assert!(
            empty.issues().contains(&format!("{field}:required")),
            "{:?}",
            empty.issues()
        );
    }
    // FB-1: an expected breach needs a fristdato not yet passed.
    let late = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .idempotent()
        .on(NOTIFIED)
        .json(&notification(&patient(1), "2026-03-19"))
        .send();
    assert_eq!(late.issues(), ["fristdato:expected_needs_future_frist"]);

    let fnr = patient(2);
    let key = "fb1-first";
    let first = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .header("Idempotency-Key", key)
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(first.status, 201, "{:?}", first.body);
    let number = first.body["number"].as_str().unwrap().to_owned();
    assert!(number.starts_with("FB-2026-"), "{number}");
    assert_eq!(first.body["notified_on"], NOTIFIED);
    // FB-11: 10 working days from Friday 20 March 2026, past the Easter
    // holidays of 2, 3 and 6 April.
    assert_eq!(first.body["service_limit"], "2026-04-08");
    // The receipt carries no personal data.
    assert!(!first.body.to_string().contains(&fnr));
    assert!(!first.body.to_string().contains("Kari"));
    // The same key again: the same answer, one case.
    let again = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .header("Idempotency-Key", key)
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.body["number"], number.as_str());
    // A new key for the same patient: FB-1 one open case per patient.
    let second = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&fb.site)
        .idempotent()
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(second.status, 422);
    assert_eq!(second.issues(), ["patient_fnr:open_case_exists"]);
    assert_eq!(
        second.body["issues"][0]["params"]["case_number"],
        number.as_str()
    );
    // The form asks the same while the user types.
    let check = s
        .call("POST", "/api/v1/fristbrudd/patient-check")
        .session(&fb.site)
        .on(NOTIFIED)
        .json(&json!({"patient_fnr": fnr}))
        .send();
    assert_eq!(check.status, 200);
    assert_eq!(check.body["open_case"], number.as_str());
    let other = s
        .call("POST", "/api/v1/fristbrudd/patient-check")
        .session(&fb.site)
        .on(NOTIFIED)
        .json(&json!({"patient_fnr": patient(3)}))
        .send();
    assert_eq!(other.body["open_case"], Value::Null);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fb_7_the_edge_refuses_a_wrong_type_a_fake_pdf_a_second_file_and_a_too_large_one() {
    let s = server();
    let fb = Fb::new(s);
    let c = fb.notify(&patient(50), "2026-04-01");
    let c = fb.get(&fb.site, c["id"].as_str().unwrap());
    let word = fb.upload(&c, b"PK\x03\x04word".to_vec(), "application/msword");
    assert_eq!(word.status, 415);
    let multipart = fb.upload(
        &c,
        b"--x\r\n\r\n%PDF-1.7".to_vec(),
        "multipart/form-data; boundary=x",
    );
    assert_eq!(multipart.status, 415);
    let fake = fb.upload(&c, b"<html>not a pdf</html>".to_vec(), "application/pdf");
    assert_eq!(fake.status, 422);
    assert_eq!(fake.issues(), ["document:file_not_pdf"]);
    let mut big = pdf();
    big.resize(20 * 1024 * 1024 + 1, b' ');
    let large = fb.upload(&c, big, "application/pdf");
    assert_eq!(large.status, 413);
    // Nothing was stored by the refusals.
    let unchanged = fb.get(&fb.site, c["id"].as_str().unwrap());
    assert_eq!(unchanged["version"], c["version"]);
    assert_eq!(unchanged["document_bytes"], Value::Null);
    let ok = fb.upload(&c, pdf(), "application/pdf");
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    // A second file: refused, whether with the old version or the new one.
    assert_eq!(fb.upload(&c, pdf(), "application/pdf").status, 412);
    let second = fb.upload(&ok.body, pdf(), "application/pdf");
    assert_eq!(second.status, 409);
    assert_eq!(second.issues(), ["event:document_already_uploaded"]);
    // Without If-Match: 428.
    let bare = s
        .call(
            "PUT",
            &format!(
                "/api/v1/fristbrudd/cases/{}/document",
                c["id"].as_str().unwrap()
            ),
        )
        .session(&fb.site)
        .body("application/pdf", pdf())
        .send();
    assert_eq!(bare.status, 428);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn another_hospital_can_neither_see_nor_change_the_case() {
    let s = server();
    let fb = Fb::new(s);
    let other = s.elsewhere(
        ("Vestre Viken HF sykehus", "910000004", "behandlingssted"),
        ("Vera Viken", "vera@viken.example"),
        "behandlingssted",
    );
    let fnr = patient(60);
    let c = fb.notify(&fnr, "2026-04-01");
    let id = c["id"].as_str().unwrap();
    for path in [
        format!("/api/v1/fristbrudd/cases/{id}"),
        format!("/api/v1/fristbrudd/cases/{id}/document"),
    ] {
        let a = s.call("GET", &path).session(&other).send();
        assert_eq!(a.status, 404, "{path}");
    }
    let change = fb.try_event(
        &other,
        &c,
        json!({"event": "site_found_appointment", "appointment": "2026-03-31"}),
        "2026-03-23",
    );
    assert_eq!(change.status, 404);
    let list = s
        .call("GET", "/api/v1/fristbrudd/cases")
        .session(&other)
        .send();
    assert_eq!(list.status, 200);
    assert_eq!(list.body["items"], json!([]));
    // The same patient may have a case at the other hospital (FB-1 is per site).
    let theirs = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&other)
        .idempotent()
        .on(NOTIFIED)
        .json(&notification(&fnr, "2026-04-01"))
        .send();
    assert_eq!(theirs.status, 201, "{:?}", theirs.body);
    // The demo hospital's list masks the number and never shows the name.
    let mine = s
        .call("GET", "/api/v1/fristbrudd/cases?state=open")
        .session(&fb.site)
        .send();
    let text = mine.body.to_string();
    assert!(!text.contains(&fnr) && !text.contains("Kari"), "{text}");
    assert!(text.contains(&format!("{} *****", &fnr[..6])));
    // Unchanged by all of it.
    assert_eq!(fb.get(&fb.helfo, id)["version"], c["version"]);
}
