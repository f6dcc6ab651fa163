//! Issue 25: sign-in through HelseID and ID-porten, against the local
//! OpenID Providers (`oidc-provider`, the same protocol the real ones
//! speak). A linked person lands in a session of their user; every way a
//! sign-in can go wrong is refused — with the login page's reason in the
//! redirect, no session, and an audit entry naming the reason.

use std::sync::OnceLock;

use frist_tests::op::{Browser, LocalOp};
use frist_tests::{Server, Session};
use serde_json::json;

struct World {
    op: LocalOp,
    server: Server,
}

/// One pair of providers and one frist server pointed at them, for every
/// test in this file (they run one at a time).
fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let op = LocalOp::start().expect("local OpenID Provider");
        let vars = op.vars();
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let server = Server::start(&vars).expect("server");
        World { op, server }
    })
}

/// The session cookie a finished sign-in left in the browser, as the
/// harness's [`Session`].
fn session_of(b: &Browser, s: &Server) -> Option<Session> {
    b.cookie(&s.base, "frist_session").map(|v| Session {
        cookie: format!("frist_session={v}"),
        user: serde_json::Value::Null,
    })
}

/// The reason a refused sign-in names in its redirect to the login page.
fn refusal(location: &str) -> &str {
    location
        .split_once("/logg-inn?innlogging=")
        .map_or("", |(_, r)| r)
}

/// The newest audit entry of a refused sign-in at `provider`.
fn last_refusal_audited(s: &Server, provider: &str) -> String {
    let admin = s.login_as("helfo_admin");
    let a = s
        .call("GET", &format!("/api/v1/audit?object_kind=oidc_{provider}"))
        .session(&admin)
        .send();
    assert_eq!(a.status, 200, "{:?}", a.body);
    let first = &a.body["items"][0];
    assert_eq!(first["action"], "login.refused", "{first}");
    first["object_id"].as_str().unwrap_or_default().to_owned()
}

fn refused_with(b: &mut Browser, s: &Server, callback: &str, provider: &str, reason: &str) {
    let landed = b.finish(callback);
    assert_eq!(refusal(&landed), reason, "landed on {landed}");
    assert!(
        session_of(b, s).is_none(),
        "a refused sign-in has no session"
    );
    assert_eq!(last_refusal_audited(s, provider), reason);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_linked_person_signs_in_through_helseid_and_lands_on_their_users_session() {
    let w = world();
    let s = &w.server;
    let options = s.call("GET", "/api/v1/session/options").send();
    assert_eq!(options.status, 200);
    assert_eq!(options.body["providers"][0]["id"], "helseid");
    assert_eq!(options.body["providers"][1]["id"], "idporten");
    assert_eq!(options.body["password"], true, "local mode offers both");

    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    assert!(
        callback.contains("/api/v1/oidc/helseid/callback?"),
        "{callback}"
    );
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    let session = session_of(&b, s).expect("a session cookie");
    let me = s.call("GET", "/api/v1/session").session(&session).send();
    assert_eq!(me.status, 200, "{:?}", me.body);
    assert_eq!(me.body["user"]["id"], "u_demo_sykehus");
    assert_eq!(me.body["user"]["role"], "behandlingssted");

    // The login is audited with how it was made.
    let admin = s.login_as("helfo_admin");
    let audit = s
        .call("GET", "/api/v1/audit?object_kind=session")
        .session(&admin)
        .send();
    let entries = audit.body["items"].as_array().unwrap().clone();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "login.helseid" && e["actor_user_id"] == "u_demo_sykehus"),
        "{entries:?}"
    );

    // A person with no HPR number is linked by the provider's `sub`.
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "hans-helseforetak");
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    let session = session_of(&b, s).expect("a session cookie");
    let me = s.call("GET", "/api/v1/session").session(&session).send();
    assert_eq!(me.body["user"]["id"], "u_demo_hf");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn next_is_kept_and_never_leaves_the_app() {
    let w = world();
    let s = &w.server;
    for (next, expected) in [
        ("/frikort", "/frikort"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/api/v1/users", "/"),
    ] {
        let mut b = Browser::new();
        let start = b.get(&format!(
            "{}/api/v1/oidc/idporten/start?next={}",
            s.base,
            next.replace(':', "%3A")
        ));
        assert_eq!(start.status, 303);
        let callback = b.continue_at_provider(&s.base, start.location.unwrap(), "15838540063");
        assert_eq!(
            b.finish(&callback),
            format!("{}{expected}", s.base),
            "next={next}"
        );
    }
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn id_porten_signs_in_a_clerk_and_logout_ends_the_providers_session_too() {
    let w = world();
    let s = &w.server;
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "idporten", "15838540063");
    assert!(callback.contains("iss="), "RFC 9207: {callback}");
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    let session = session_of(&b, s).expect("a session");
    let me = s.call("GET", "/api/v1/session").session(&session).send();
    assert_eq!(me.body["user"]["id"], "u_demo_kommune");

    let out = s.call("DELETE", "/api/v1/session").session(&session).send();
    assert_eq!(out.status, 200, "{:?}", out.body);
    let end = out.body["end_session_url"].as_str().unwrap();
    assert!(
        end.starts_with(&format!("{}/session/end?", w.op.idporten)),
        "{end}"
    );
    assert!(end.contains("client_id=frist-local"), "{end}");
    assert!(end.contains("post_logout_redirect_uri="), "{end}");
    // No ID token (it carries the national identity number) in a URL.
    assert!(!end.contains("id_token_hint"), "{end}");
    assert!(!end.contains("15838540063"), "{end}");
    // frist's session is over.
    let me = s.call("GET", "/api/v1/session").session(&session).send();
    assert_eq!(me.status, 401);
    // A password session logs out as before, with nothing more to do.
    let pw = s.login_as("kommune");
    let out = s.call("DELETE", "/api/v1/session").session(&pw).send();
    assert_eq!(out.status, 204);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn every_spoiled_id_token_is_refused_with_its_own_reason() {
    let w = world();
    let s = &w.server;
    for (provider, person) in [("helseid", "siri-sykehus"), ("idporten", "15838540063")] {
        for (mode, reason) in [
            ("wrong_signature", "signature"),
            ("unknown_kid", "unknown_key"),
            ("wrong_iss", "issuer"),
            ("wrong_aud", "audience"),
            ("expired", "expired"),
            ("wrong_nonce", "nonce"),
        ] {
            let mut b = Browser::new();
            let callback = b.sign_in_at_provider(&s.base, provider, person);
            w.op.spoil_next(provider, mode);
            refused_with(&mut b, s, &callback, provider, reason);
        }
    }
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_rotated_provider_key_is_fetched_when_a_token_names_it() {
    let w = world();
    let s = &w.server;
    // A first sign-in caches the key set.
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    // The provider signs with a new key it publishes only now.
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    w.op.spoil_next("helseid", "rotated");
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    assert!(session_of(&b, s).is_some());
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn state_is_used_once_and_only_by_the_browser_that_started_it() {
    let w = world();
    let s = &w.server;
    // Used twice: the second time it is gone.
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    let mut thief = Browser::new();
    // Another browser cannot finish this sign-in (login CSRF)…
    let landed = thief.finish(&callback);
    assert_eq!(refusal(&landed), "state");
    assert_eq!(last_refusal_audited(s, "helseid"), "state");
    // …and the attempt used it up, so it cannot be replayed either.
    let landed = b.finish(&callback);
    assert_eq!(refusal(&landed), "state");

    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "idporten", "15838540063");
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    let landed = b.finish(&callback);
    assert_eq!(refusal(&landed), "state", "a replayed callback");

    // Made up, or none at all.
    let mut b = Browser::new();
    let landed = b.finish(&format!(
        "{}/api/v1/oidc/helseid/callback?code=abc&state=made-up",
        s.base
    ));
    assert_eq!(refusal(&landed), "state");
    let landed = b.finish(&format!("{}/api/v1/oidc/helseid/callback", s.base));
    assert_eq!(refusal(&landed), "state");
}

/// Splits a callback URL into its `code` and `state`.
fn code_and_state(callback: &str) -> (String, String) {
    let query = callback.split_once('?').unwrap().1;
    let get = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .unwrap()
            .to_owned()
    };
    (get("code"), get("state"))
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_replayed_code_and_a_wrong_pkce_verifier_are_refused_by_the_provider() {
    let w = world();
    let s = &w.server;
    let mut b = Browser::new();
    // Sign-in A gets its code; it is not used yet.
    let a = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    let (code_a, _) = code_and_state(&a);
    // Sign-in B, in the same browser, gets as far as its callback; A's
    // code is presented with B's state — and so with B's PKCE verifier,
    // which does not match the challenge A's code was issued for.
    let bb = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    let (_, state_b) = code_and_state(&bb);
    let forged = format!(
        "{}/api/v1/oidc/helseid/callback?code={code_a}&state={state_b}",
        s.base
    );
    refused_with(&mut b, s, &forged, "helseid", "code_refused");

    // A code used once cannot be used again.
    let mut b = Browser::new();
    let first = b.sign_in_at_provider(&s.base, "idporten", "15838540063");
    let (code_1, _) = code_and_state(&first);
    assert_eq!(b.finish(&first), format!("{}/", s.base));
    // (A browser of its own, so the first sign-in's session is not in it.)
    let mut b = Browser::new();
    let second = b.sign_in_at_provider(&s.base, "idporten", "15838540063");
    let (_, state_2) = code_and_state(&second);
    let replay = format!(
        "{}/api/v1/oidc/idporten/callback?code={code_1}&state={state_2}",
        s.base
    );
    refused_with(&mut b, s, &replay, "idporten", "code_refused");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn too_low_a_security_level_is_refused() {
    let w = world();
    let s = &w.server;
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "lars-lavniva");
    refused_with(&mut b, s, &callback, "helseid", "level");
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "idporten", "02849040009");
    refused_with(&mut b, s, &callback, "idporten", "level");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn only_a_person_an_administrator_linked_gets_in() {
    let w = world();
    let s = &w.server;
    // Per is known to ID-porten but to nobody in frist.
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "idporten", "07916540072");
    refused_with(&mut b, s, &callback, "idporten", "not_linked");
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "helseid", "ulla-ukjent");
    refused_with(&mut b, s, &callback, "helseid", "not_linked");

    // The administrator links Per to a new clerk of Lillehammer.
    let admin = s.login_as("helfo_admin");
    let user = s
        .call("POST", "/api/v1/users")
        .session(&admin)
        .idempotent()
        .json(
            &json!({"name": "Per Ukoblet", "email": "per@lillehammer.example",
            "role": "kommune", "organisation_id": "o_lillehammer", "password": "et-langt-passord"}),
        )
        .send();
    assert_eq!(user.status, 201, "{:?}", user.body);
    let user_id = user.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/users/{user_id}/identities");
    // A wrong number is refused at its field, in both languages.
    let bad = s
        .call("POST", &path)
        .session(&admin)
        .idempotent()
        .json(&json!({"provider": "idporten", "kind": "pid", "value": "07916540073"}))
        .send();
    assert_eq!(bad.status, 422, "{:?}", bad.body);
    assert_eq!(bad.body["issues"][0]["path"], "value");
    let bad = s
        .call("POST", &path)
        .session(&admin)
        .idempotent()
        .json(&json!({"provider": "idporten", "kind": "hpr", "value": "9144889"}))
        .send();
    assert_eq!(
        bad.status, 422,
        "ID-porten has no HPR numbers: {:?}",
        bad.body
    );
    let link = s
        .call("POST", &path)
        .session(&admin)
        .idempotent()
        .json(&json!({"provider": "idporten", "kind": "pid", "value": "079165 40072"}))
        .send();
    assert_eq!(link.status, 201, "{:?}", link.body);
    assert_eq!(link.body["shown"], "079165 *****", "the number is masked");
    // One person, one user.
    let again = s
        .call("POST", "/api/v1/users/u_demo_kommune/identities")
        .session(&admin)
        .idempotent()
        .json(&json!({"provider": "idporten", "kind": "pid", "value": "07916540072"}))
        .send();
    assert_eq!(again.status, 422, "{:?}", again.body);
    let list = s.call("GET", &path).session(&admin).send();
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    assert!(
        !list.body.to_string().contains("07916540072"),
        "never in clear"
    );

    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "idporten", "07916540072");
    assert_eq!(b.finish(&callback), format!("{}/", s.base));
    let me = s
        .call("GET", "/api/v1/session")
        .session(&session_of(&b, s).unwrap())
        .send();
    assert_eq!(me.body["user"]["id"], user_id.as_str());

    // Unlinked, or the user deactivated: out again.
    let link_id = link.body["id"].as_str().unwrap();
    let gone = s
        .call("DELETE", &format!("{path}/{link_id}"))
        .session(&admin)
        .send();
    assert_eq!(gone.status, 204);
    let mut b = Browser::new();
    let callback = b.sign_in_at_provider(&s.base, "idporten", "07916540072");
    refused_with(&mut b, s, &callback, "idporten", "not_linked");
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn a_cancelled_sign_in_and_an_unknown_provider_send_the_person_back_with_a_reason() {
    let w = world();
    let s = &w.server;
    let mut b = Browser::new();
    // The provider answers with an error, as when the person cancels.
    let callback = b.sign_in_at_provider(&s.base, "helseid", "siri-sykehus");
    let (_, state) = code_and_state(&callback);
    let cancelled = format!(
        "{}/api/v1/oidc/helseid/callback?error=access_denied&state={state}",
        s.base
    );
    refused_with(&mut b, s, &cancelled, "helseid", "provider_error");

    let mut b = Browser::new();
    let start = b.get(&format!("{}/api/v1/oidc/feide/start", s.base));
    assert_eq!(start.status, 303);
    assert_eq!(
        refusal(start.location.as_deref().unwrap()),
        "unknown_provider"
    );
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn production_offers_no_password_login_unless_a_setting_turns_it_on() {
    let secrets = [
        ("FRIST_MODE", "production"),
        ("FRIST_SERVER_SECRET", "a-test-server-secret-of-some-length"),
        ("FRIST_TRIP_KEY", "a-test-trip-key-of-some-length"),
        ("FRIST_MAIL_FROM", "frist@frist.example"),
        ("FRIST_APP_URL", "https://frist.example"),
    ];
    let s = Server::start(&secrets).unwrap();
    let options = s.call("GET", "/api/v1/session/options").send();
    assert_eq!(options.body["password"], false);
    // No provider is configured here, and the local stand-ins are never
    // a production default.
    assert_eq!(options.body["providers"], json!([]));
    let a = s.try_login("admin@helfo.example", "whatever-it-is");
    assert_eq!(a.status, 403, "{:?}", a.body);
    assert_eq!(a.kind(), "password_login_off");

    let mut with_password = secrets.to_vec();
    with_password.push(("FRIST_PASSWORD_LOGIN", "on"));
    let s = Server::start(&with_password).unwrap();
    let options = s.call("GET", "/api/v1/session/options").send();
    assert_eq!(options.body["password"], true);
    let a = s.try_login("admin@helfo.example", "whatever-it-is");
    assert_eq!(a.status, 401, "checked, and refused: {:?}", a.body);
}
