//! Issue 4, the access table: every route in `frist_domain::api::ROUTES`,
//! called as nobody, as each role, and as a user of another organisation of
//! the same kind, against the objects of one organisation (Lillehammer
//! kommune). Each answer must be the expected status, and every list must
//! hold only what the caller's organisation may see.
//!
//! `expected` matches on `RouteId` without a wildcard, so a new route does
//! not compile until its row is written here.

use frist_domain::api::{ROUTES, RouteId, RouteSpec};
use frist_tests::{Answer, DEMO_PASSWORD, Server, Session, demo, server};
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Nobody,
    /// A demo user of this role (in the demo organisation of its kind).
    Demo(&'static str),
    /// A kommune user in another municipality than the target objects'.
    OtherKommune,
}

const TARGET_ORG: &str = "o_lillehammer";
const TARGET_USER: &str = "u_demo_kommune";

fn everyone() -> Vec<Who> {
    vec![
        Who::Nobody,
        Who::Demo("behandlingssted"),
        Who::Demo("kommune"),
        Who::Demo("hf"),
        Who::Demo("helfo"),
        Who::Demo("helfo_admin"),
        Who::OtherKommune,
    ]
}

/// The status `who` must get from `route` on Lillehammer's objects.
fn expected(route: RouteId, who: Who) -> u16 {
    use RouteId as R;
    let sees_target = matches!(who, Who::Demo("kommune" | "helfo" | "helfo_admin"));
    let admin = who == Who::Demo("helfo_admin");
    if who == Who::Nobody {
        return match route {
            R::Health => 200,
            R::Login => 422,
            R::LoginOptions => 200,
            // The sign-in's redirects answer everyone with a redirect: to
            // the provider, or (here: no sign-in under way) back to the
            // login page with the refusal.
            R::OidcStart | R::OidcCallback => 303,
            R::SessionGet
            | R::Logout
            | R::OrganisationList
            | R::OrganisationCreate
            | R::OrganisationGet
            | R::OrganisationAccount
            | R::UserList
            | R::UserCreate
            | R::UserGet
            | R::UserUpdate
            | R::AuditList
            | R::FbCaseCreate
            | R::FbPatientCheck
            | R::FbCaseList
            | R::FbQueue
            | R::FbCaseGet
            | R::FbEvent
            | R::FbDocumentPut
            | R::FbDocumentGet
            | R::FbStats
            | R::OutboxList
            | R::Sweep
            | R::FlMessageCreate
            | R::FlMessageList
            | R::FlMessageGet
            | R::FlRegister
            | R::FlDashboard
            | R::FlChase
            | R::FkClaimCreate
            | R::FkClaimList
            | R::FkClaimGet
            | R::FkChunkPut
            | R::FkSubmit
            | R::FkLines
            | R::FkDecision
            | R::FkApproveClean
            | R::FkPayment
            | R::FkRepayment
            | R::FkReport
            | R::TokenCreate
            | R::TokenList
            | R::TokenRevoke
            | R::KtMonthPut
            | R::KtMonthGet
            | R::Overview
            | R::Find
            | R::FbPatientSearch
            | R::MailList
            | R::MailResend
            | R::MailSend
            | R::IdentityList
            | R::IdentityCreate
            | R::IdentityDelete => 401,
        };
    }
    let site = who == Who::Demo("behandlingssted");
    let helfo = matches!(who, Who::Demo("helfo" | "helfo_admin"));
    let kommune = matches!(who, Who::Demo("kommune") | Who::OtherKommune);
    let hf = who == Who::Demo("hf");
    match route {
        R::Health => 200,
        R::Login => 422,
        R::SessionGet | R::OrganisationList | R::UserList | R::AuditList => 200,
        R::Logout => 204,
        R::OrganisationGet | R::UserGet if sees_target => 200,
        R::OrganisationGet | R::UserGet => 404,
        R::OrganisationCreate | R::UserCreate if admin => 201,
        R::UserUpdate | R::OrganisationAccount if admin => 200,
        R::OrganisationCreate | R::UserCreate | R::UserUpdate | R::OrganisationAccount => 403,
        // Fristbrudd: the target is a case of the demo hospital (Innlandet).
        R::FbCaseCreate if site => 201,
        R::FbPatientCheck | R::FbDocumentPut if site => 200,
        R::FbCaseList | R::FbCaseGet | R::FbDocumentGet if site || helfo => 200,
        R::FbQueue | R::FbStats if helfo => 200,
        // The body is "take up": Helfo's first call takes the case (200); the
        // hospital may not (409), nor may the administrator once it is taken.
        R::FbEvent if who == Who::Demo("helfo") => 200,
        R::FbEvent if site || helfo => 409,
        R::Sweep if admin => 200,
        R::FbCaseCreate
        | R::FbPatientCheck
        | R::FbCaseList
        | R::FbQueue
        | R::FbCaseGet
        | R::FbEvent
        | R::FbDocumentPut
        | R::FbDocumentGet
        | R::FbStats
        | R::Sweep => 403,
        R::OutboxList => 200,
        // Fastlege: the target is a termination message of Lillehammer.
        R::FlMessageCreate if kommune => 201,
        R::FlMessageList | R::FlDashboard if kommune => 200,
        R::FlMessageList | R::FlDashboard if helfo => 200,
        R::FlMessageGet if sees_target && (helfo || kommune) => 200,
        R::FlMessageGet if kommune => 404,
        R::FlChase if helfo => 200,
        // Helfo registers first (200); the administrator finds it done (409).
        R::FlRegister if who == Who::Demo("helfo") => 200,
        R::FlRegister if helfo => 409,
        R::FlMessageCreate
        | R::FlMessageList
        | R::FlMessageGet
        | R::FlRegister
        | R::FlDashboard
        | R::FlChase => 403,
        // Frikort: the target is a received claim of Helse Sør-Øst.
        R::FkClaimCreate if hf => 201,
        // The chunk sent again answers as the first time; submit repeats.
        R::FkChunkPut | R::FkSubmit if hf => 200,
        R::FkClaimList | R::FkClaimGet | R::FkLines | R::FkReport if hf || helfo => 200,
        R::FkDecision | R::FkApproveClean | R::FkRepayment if helfo => 200,
        // Helfo pays first (200); the administrator finds it paid (409).
        R::FkPayment if who == Who::Demo("helfo") => 200,
        R::FkPayment if helfo => 409,
        R::FkClaimCreate
        | R::FkClaimList
        | R::FkClaimGet
        | R::FkChunkPut
        | R::FkSubmit
        | R::FkLines
        | R::FkDecision
        | R::FkApproveClean
        | R::FkPayment
        | R::FkRepayment
        | R::FkReport => 403,
        // Only a health trust has a machine path, and so tokens; it makes
        // its own and lists its own, and nobody revokes another's.
        R::TokenCreate if hf => 201,
        R::TokenList if hf => 200,
        R::TokenRevoke if hf => 404,
        R::TokenCreate | R::TokenList | R::TokenRevoke => 403,
        // Claims control: each municipality sends its own month's sums and
        // sees the comparison; Helfo sees every doctor. The month's two
        // doctors are Lillehammer's GPs: another municipality is refused.
        R::KtMonthPut if who == Who::OtherKommune => 422,
        R::KtMonthPut if kommune => 200,
        // It has sent nothing for the month, so it has no comparison yet.
        R::KtMonthGet if who == Who::OtherKommune => 404,
        R::KtMonthGet if kommune || helfo => 200,
        R::KtMonthPut | R::KtMonthGet => 403,
        // The front page's counts: every role, each its own.
        R::Overview => 200,
        // The number is the demo hospital's case: found by the hospital
        // and by Helfo; to anyone else it does not exist.
        R::Find if site || helfo => 200,
        R::Find => 404,
        // Only Helfo finds a patient's cases by fødselsnummer.
        R::FbPatientSearch if helfo => 200,
        R::FbPatientSearch => 403,
        // E-mail delivery is the administrator's; the id here is no e-mail.
        R::MailList | R::MailSend if admin => 200,
        R::MailResend if admin => 404,
        R::MailList | R::MailResend | R::MailSend => 403,
        R::LoginOptions => 200,
        R::OidcStart | R::OidcCallback => 303,
        // Linking sign-in identities is the administrator's; the link id
        // here is no link.
        R::IdentityList if admin => 200,
        R::IdentityCreate if admin => 201,
        R::IdentityDelete if admin => 404,
        R::IdentityList | R::IdentityCreate | R::IdentityDelete => 403,
    }
}

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

fn world(s: &Server) -> World {
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
    let site = s.login_as("behandlingssted");
    let case = s
        .call("POST", "/api/v1/fristbrudd/cases")
        .session(&site)
        .idempotent()
        .on(TODAY)
        .json(&notification("15038510190"))
        .send();
    assert_eq!(case.status, 201, "{:?}", case.body);
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
    World {
        sessions,
        other_org,
        case: case.body["id"].as_str().unwrap().to_owned(),
        case_number: case.body["number"].as_str().unwrap().to_owned(),
        message: message.body["id"].as_str().unwrap().to_owned(),
        claim,
    }
}

fn call(s: &Server, w: &World, spec: &RouteSpec, who: Who, n: usize) -> Answer {
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
    let session = w
        .sessions
        .iter()
        .find(|(w, _)| *w == who)
        .map(|(_, s)| s.clone());
    // Logging out would end the session the other rows use: log in afresh.
    let session = match (spec.id, who, session) {
        (RouteId::Logout, Who::Demo(role), Some(_)) => Some(s.login_as(role)),
        (RouteId::Logout, Who::OtherKommune, Some(_)) => {
            Some(s.login("otto@toten.example", "et-langt-passord"))
        }
        (_, _, s) => s,
    };
    let mut path = path
        .replace(":provider", "helseid")
        .replace(":link", "l_no_such_link")
        .replace(":line", "2")
        .replace(":n", "0")
        .replace(":month", MONTH);
    if spec.id == RouteId::Find {
        path = format!("{path}?number={}", w.case_number);
    }
    let mut c = s.call(spec.method, &path).on(TODAY);
    if let Some(sess) = &session {
        c = c.session(sess);
    }
    if spec.creates {
        c = c.idempotent();
    }
    if spec.conditional {
        // The current version, read with Helfo's eyes, so a refusal is about
        // access and never about a stale version.
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
        c = c.header("If-Match", current.header("etag"));
    }
    let body = match spec.id {
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
    };
    if let Some(b) = body {
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
