//! Every route in `ROUTES`, called by every caller in `everyone()` against
//! the objects of one organisation: the objects made for it (`World`: a
//! fristbrudd case, a fastlege message, a kontroll month, a frikort claim), the
//! call of one route as one caller, and the test that each answer is the
//! status `expected` gives and every list holds only the caller's
//! organisation's items.

use super::*;

/// The demo health trust's claim: two good lines in one chunk.
fn claim_chunk() -> serde_json::Value {
    json!({"lines": [
        {"line": 2, "fodselsnummer": "15038510190", "transportdato": "02.03.2026",
         "utbetalingsdato": "10.03.2026", "egenandel": "171,00"},
        {"line": 3, "fodselsnummer": "01019010046", "transportdato": "05.03.2026",
         "utbetalingsdato": "12.03.2026", "egenandel": "171,00"}
    ]})
}

/// A fastlege message as a municipality sends it (FL-2, FL-12).
fn vacant_list(start: &str) -> serde_json::Value {
    json!({
        "schema_version": frist_domain::fastlege::SCHEMA_VERSION, "kind": "new_vacant_list",
        "contact": {"name": "Kari Kommune", "phone": "61 05 00 00", "email": "kari@kommune.example"},
        "practice": "Storgata legesenter", "start_date": start, "listetak": "0"
    })
}

/// The date every call runs on (the test clock), and the demo hospital's
/// notification its case comes from.
const TODAY: &str = "2026-03-20";

fn notification(fnr: &str) -> serde_json::Value {
    frist_tests::fb_notification(fnr, "2026-04-01")
}

/// The month of claims-control sums every call is about.
const MONTH: &str = "2026-02";

/// A municipality's month of sums for CTRL-9: two doctors.
fn month_sums() -> serde_json::Value {
    json!({"doctors": [
        {"hpr": "9144889", "refund_ore": 250000, "listed": 1000, "bills": 40},
        {"hpr": "9144888", "refund_ore": 210000, "listed": 900, "bills": 35}
    ]})
}

struct World {
    sessions: Vec<(Who, Session)>,
    other_org: String,
    /// A fristbrudd case of the demo hospital.
    case: String,
    /// Its number.
    case_number: String,
    /// A fastlege termination message of Lillehammer.
    message: String,
    /// A received frikort claim of Helse Sør-Øst.
    claim: String,
}

/// Another municipality with one user, Otto: the organisation's id.
fn other_kommune(s: &Server) -> String {
    let admin = s.login_as("helfo_admin");
    let org = s
        .call("POST", "/api/v1/organisations")
        .session(&admin)
        .idempotent()
        .json(&json!({"name": "Østre Toten kommune", "orgnr": "939817964", "kind": "kommune"}))
        .send();
    assert_eq!(org.status, 201, "{:?}", org.body);
    let other_org = org.body["id"].as_str().unwrap().to_owned();
    let user = s
        .call("POST", "/api/v1/users")
        .session(&admin)
        .idempotent()
        .json(
            &json!({"name": "Otto Toten", "email": "otto@toten.example", "role": "kommune",
                      "organisation_id": other_org, "password": "et-langt-passord"}),
        )
        .send();
    assert_eq!(user.status, 201, "{:?}", user.body);
    other_org
}

/// A session for every caller in `everyone()` but nobody.
fn sessions(s: &Server) -> Vec<(Who, Session)> {
    let mut sessions = Vec::new();
    for who in everyone() {
        match who {
            Who::Nobody => {}
            Who::Demo(role) => sessions.push((who, s.login(demo(role).0, DEMO_PASSWORD))),
            Who::OtherKommune => {
                sessions.push((who, s.login("otto@toten.example", "et-langt-passord")))
            }
        }
    }
    sessions
}

/// The demo hospital's case: its id and number.
fn one_case(s: &Server) -> (String, String) {
    let site = s.login_as("behandlingssted");
    let case = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&site)
        .idempotent()
        .on(TODAY)
        .json(&notification("15038510190"))
        .send();
    assert_eq!(case.status, 201, "{:?}", case.body);
    (
        case.body["id"].as_str().unwrap().to_owned(),
        case.body["number"].as_str().unwrap().to_owned(),
    )
}

/// Lillehammer's termination message and month of sums: the message's id.
fn one_message_and_month(s: &Server) -> String {
    let kommune = s.login_as("kommune");
    let message = s
        .call("POST", "/api/v1/fastlege/messages")
        .session(&kommune)
        .idempotent()
        .on(TODAY)
        .json(&json!({
            "schema_version": frist_domain::fastlege::SCHEMA_VERSION, "kind": "termination",
            "contact": {"name": "Kari Kommune", "phone": "61 05 00 00", "email": "kari@kommune.example"},
            "gp_name": "Per Olsen", "gp_hpr": "9144889", "practice": "Storgata legesenter",
            "notice_date": "2026-03-02"
        }))
        .send();
    assert_eq!(message.status, 201, "{:?}", message.body);
    let sums = s
        .call("PUT", &format!("/api/v1/kontroll/months/{MONTH}"))
        .session(&kommune)
        .on(TODAY)
        .json(&month_sums())
        .send();
    assert_eq!(sums.status, 200, "{:?}", sums.body);
    message.body["id"].as_str().unwrap().to_owned()
}

/// Helse Sør-Øst's claim, uploaded and received: its id.
fn one_claim(s: &Server) -> String {
    let hf = s.login_as("hf");
    let claim = s
        .call("POST", "/api/v1/frikort/claims")
        .session(&hf)
        .idempotent()
        .on(TODAY)
        .json(&json!({"file_name": "krav.csv", "lines": 2, "chunks": 1}))
        .send();
    assert_eq!(claim.status, 201, "{:?}", claim.body);
    let claim = claim.body["id"].as_str().unwrap().to_owned();
    let chunk = s
        .call("PUT", &format!("/api/v1/frikort/claims/{claim}/chunks/0"))
        .session(&hf)
        .on(TODAY)
        .json(&claim_chunk())
        .send();
    assert_eq!(chunk.body["valid"], 2, "{:?}", chunk.body);
    let submitted = s
        .call("POST", &format!("/api/v1/frikort/claims/{claim}/submit"))
        .session(&hf)
        .on(TODAY)
        .json(&json!({}))
        .send();
    assert_eq!(submitted.body["status"], "received", "{:?}", submitted.body);
    claim
}

fn world(s: &Server) -> World {
    let other_org = other_kommune(s);
    let sessions = sessions(s);
    let (case, case_number) = one_case(s);
    let message = one_message_and_month(s);
    let claim = one_claim(s);
    World {
        sessions,
        other_org,
        case,
        case_number,
        message,
        claim,
    }
}

/// The route's path with its placeholders filled: the objects of `w`, or
/// someone else's where the route is about users, organisations or tokens.
fn path_of(spec: &RouteSpec, w: &World) -> String {
    let path = spec.path.replace(
        ":id",
        if spec.path.contains("users") {
            TARGET_USER
        } else if spec.path.contains("fristbrudd") {
            &w.case
        } else if spec.path.contains("fastlege") {
            &w.message
        } else if spec.path.contains("frikort") {
            &w.claim
        } else if spec.path.contains("tokens") {
            "t_someone_elses"
        } else {
            TARGET_ORG
        },
    );
    let path = path
        .replace(":provider", "helseid")
        .replace(":link", "l_no_such_link")
        .replace(":line", "2")
        .replace(":n", "0")
        .replace(":month", MONTH);
    if spec.id == RouteId::Find {
        format!("{path}?number={}", w.case_number)
    } else {
        path
    }
}

/// The caller's session (none for nobody).
fn session_of(s: &Server, w: &World, spec: &RouteSpec, who: Who) -> Option<Session> {
    let session = w
        .sessions
        .iter()
        .find(|(w, _)| *w == who)
        .map(|(_, s)| s.clone());
    // Logging out would end the session the other rows use: log in afresh.
    match (spec.id, who, session) {
        (RouteId::Logout, Who::Demo(role), Some(_)) => Some(s.login_as(role)),
        (RouteId::Logout, Who::OtherKommune, Some(_)) => {
            Some(s.login("otto@toten.example", "et-langt-passord"))
        }
        (_, _, s) => s,
    }
}

/// The current version of the object a change at `path` is about, read
/// with Helfo's eyes, so a refusal is about access and never about a stale
/// version.
fn current_etag(s: &Server, w: &World, path: &str) -> String {
    let helfo = &w
        .sessions
        .iter()
        .find(|(w, _)| *w == Who::Demo("helfo"))
        .unwrap()
        .1;
    let object = path
        .trim_end_matches("/events")
        .trim_end_matches("/register")
        .trim_end_matches("/repayment")
        .trim_end_matches("/payment")
        .trim_end_matches("/document");
    let current = s.call("GET", object).session(helfo).send();
    current.header("etag").to_owned()
}

/// A body the route accepts from a caller it allows (`n` keeps names and
/// addresses apart between calls).
fn body_of(spec: &RouteSpec, n: usize) -> Option<serde_json::Value> {
    match spec.id {
        RouteId::Login => Some(json!({})),
        RouteId::OrganisationCreate => Some(json!({
            "name": format!("Ny kommune {n}"), "orgnr": "920000002", "kind": "kommune"})),
        RouteId::UserCreate => Some(json!({
            "name": "Ny Bruker", "email": format!("ny{n}@lillehammer.example"), "role": "kommune",
            "organisation_id": TARGET_ORG, "password": "et-langt-passord"})),
        RouteId::UserUpdate => Some(json!({"name": "Kari Kommune"})),
        RouteId::FbCaseCreate => Some(notification("01019010046")),
        RouteId::FbPatientCheck | RouteId::FbPatientSearch => {
            Some(json!({"patient_fnr": "15038510190"}))
        }
        RouteId::FbEvent => Some(json!({"event": "take_up"})),
        RouteId::Sweep => Some(json!({"today": TODAY})),
        RouteId::FlMessageCreate => Some(vacant_list("01.09.2026")),
        RouteId::FlRegister => Some(json!({})),
        RouteId::FkClaimCreate => Some(json!({"file_name": "nytt.csv", "lines": 1, "chunks": 1})),
        RouteId::FkChunkPut => Some(claim_chunk()),
        RouteId::FkSubmit | RouteId::FkApproveClean => Some(json!({})),
        RouteId::FkDecision => Some(json!({"decision": "approved"})),
        RouteId::FkPayment => {
            Some(json!({"paid_on": TODAY, "amount": "342,00", "account": "8601 11 17947"}))
        }
        RouteId::FkRepayment => {
            Some(json!({"amount": "100", "cause": "hf_error", "reason": "Feil beløp"}))
        }
        RouteId::OrganisationAccount => Some(json!({"account": "8601 11 17947"})),
        RouteId::TokenCreate => Some(json!({"name": "Skript"})),
        RouteId::KtMonthPut => Some(month_sums()),
        RouteId::MailSend | RouteId::MailResend => Some(json!({})),
        RouteId::IdentityCreate => {
            Some(json!({"provider": "helseid", "kind": "sub", "value": format!("sub-{n}")}))
        }
        _ => None,
    }
}

fn call(s: &Server, w: &World, spec: &RouteSpec, who: Who, n: usize) -> Answer {
    let path = path_of(spec, w);
    let mut c = s.call(spec.method, &path).on(TODAY);
    if let Some(sess) = &session_of(s, w, spec, who) {
        c = c.session(sess);
    }
    if spec.creates {
        c = c.idempotent();
    }
    if spec.conditional {
        c = c.header("If-Match", &current_etag(s, w, &path));
    }
    if let Some(b) = body_of(spec, n) {
        c = c.json(&b);
    }
    if spec.id == RouteId::FbDocumentPut {
        c = c.body("application/pdf", b"%PDF-1.7\n%test\n".to_vec());
    }
    c.send()
}

/// The items of a list answer the caller's organisation `own` may not see:
/// organisations and users of others, and audit entries neither about its
/// objects nor made by its users.
fn foreign_items(route: RouteId, a: &Answer, own: &str) -> Vec<String> {
    let items = a.body["items"].as_array().cloned().unwrap_or_default();
    items
        .iter()
        .filter(|i| match route {
            RouteId::OrganisationList => i["id"] != own,
            RouteId::UserList => i["organisation_id"] != own,
            _ => i["organisation_id"] != own && i["actor_organisation_id"] != own,
        })
        .map(|i| i.to_string())
        .collect()
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn every_route_answers_every_role_and_every_organisation_as_the_table_says() {
    let s = server();
    let w = world(s);
    let own_org = |who: Who| -> String {
        match who {
            Who::OtherKommune => w.other_org.clone(),
            Who::Demo(role) => demo(role).2.to_owned(),
            Who::Nobody => String::new(),
        }
    };
    let mut wrong = Vec::new();
    let mut n = 0;
    for spec in ROUTES {
        for who in everyone() {
            n += 1;
            let a = call(s, &w, spec, who, n);
            let want = expected(spec.id, who);
            if a.status != want {
                wrong.push(format!(
                    "{} {} as {who:?}: got {} want {want} ({})",
                    spec.method,
                    spec.path,
                    a.status,
                    a.kind()
                ));
                continue;
            }
            if a.status >= 400 && a.header("content-type") != "application/problem+json" {
                wrong.push(format!(
                    "{} {} as {who:?}: error is not problem+json",
                    spec.method, spec.path
                ));
            }
            let scoped = matches!(
                spec.id,
                RouteId::OrganisationList
                    | RouteId::UserList
                    | RouteId::AuditList
                    | RouteId::FbCaseList
                    | RouteId::FlMessageList
                    | RouteId::FkClaimList
            );
            let helfo = matches!(who, Who::Demo("helfo" | "helfo_admin"));
            if scoped && a.status == 200 && !helfo {
                let own = own_org(who);
                let foreign = foreign_items(spec.id, &a, &own);
                let empty = a.body["items"].as_array().is_none_or(Vec::is_empty);
                if !foreign.is_empty() || (spec.id != RouteId::AuditList && empty) {
                    wrong.push(format!(
                        "{} as {who:?}: sees {foreign:?} (own {own})",
                        spec.path
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {n} calls wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
