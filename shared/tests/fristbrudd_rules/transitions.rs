//! The case's state machine, FB-4 … FB-8: a refused transition names the
//! allowed ones, every state offers exactly the transitions `apply` accepts,
//! and an event form names the field that is wrong.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn fb_4_8_a_refused_transition_names_the_allowed_ones() {
    let c = case_on("2026-03-20");
    let err = c
        .apply(&Event::Forward, Actor::Helfo, d("2026-03-20"))
        .unwrap_err();
    assert_eq!(err.from, State::Notified);
    assert_eq!(err.allowed, [EventKind::TakeUp]);
    let issue = err.issue();
    assert_eq!(issue.code, IssueCode::TransitionNotAllowed);
    let text = frist_domain::messages::render(&issue, frist_domain::messages::Lang::Nb);
    assert_eq!(
        text,
        "«Formidlet til annen behandler» er ikke mulig når saken er «Varslet». Mulig nå: Ta saken."
    );
    // The site may only report its own appointment or upload, never act for Helfo.
    assert!(
        c.apply(&Event::TakeUp, Actor::Site, d("2026-03-20"))
            .is_err()
    );
    assert_eq!(
        c.allowed(Actor::Site, d("2026-03-20")),
        [EventKind::DocumentUploaded, EventKind::SiteFoundAppointment]
    );
}

#[test]
fn fb_4_8_every_state_offers_exactly_the_transitions_apply_accepts() {
    use strum::IntoEnumIterator;
    // Walk every reachable case; at each, for every actor and event kind,
    // `allowed` offers it exactly when `apply` accepts it. People act on the
    // contact deadline day (so "not reached" is possible), the sweep later.
    let probe = |c: &Case, kind: EventKind, on: NaiveDate| -> Option<Event> {
        Some(match kind {
            EventKind::Notify | EventKind::DocumentUploaded => return None,
            EventKind::LetterSent => Event::LetterSent { sent: on },
            EventKind::SiteFoundAppointment => Event::SiteFoundAppointment {
                appointment: on.max(c.fristdato.succ_opt().unwrap()),
            },
            k => serde_json::from_value(serde_json::json!({"event": k.as_str()})).unwrap(),
        })
    };
    let mut frontier = vec![case_on("2026-03-20")];
    let mut seen: Vec<Case> = Vec::new();
    while let Some(c) = frontier.pop() {
        if seen.contains(&c) {
            continue;
        }
        seen.push(c.clone());
        assert!(seen.len() < 2_000, "the state machine loops");
        for actor in [Actor::Helfo, Actor::Site, Actor::System] {
            let on = match actor {
                Actor::System => d("2026-06-01"),
                _ => c
                    .deadlines()
                    .contact_by
                    .unwrap_or(c.notified_on)
                    .max(c.notified_on),
            };
            let allowed = c.allowed(actor, on);
            for kind in EventKind::iter() {
                let offered = allowed.contains(&kind);
                let next = match probe(&c, kind, on) {
                    Some(e) => c.apply(&e, actor, on),
                    None if kind == EventKind::DocumentUploaded && actor == Actor::Site => {
                        c.upload(on)
                    }
                    None => {
                        assert!(!offered, "{kind:?} offered to {actor:?}");
                        continue;
                    }
                };
                match (offered, next) {
                    (true, Ok(next)) => {
                        if next != c {
                            frontier.push(next);
                        }
                        // An appointment within the fristdato too (variant 1).
                        if kind == EventKind::SiteFoundAppointment && on <= c.fristdato {
                            let within = Event::SiteFoundAppointment { appointment: on };
                            frontier.extend(c.apply(&within, actor, on).ok());
                        }
                    }
                    (true, Err(e)) => {
                        panic!(
                            "{kind:?} offered to {actor:?} in {:?} but refused: {e:?}",
                            c.state
                        )
                    }
                    (false, Ok(_)) => {
                        panic!(
                            "{kind:?} not offered to {actor:?} in {:?} but accepted",
                            c.state
                        )
                    }
                    (false, Err(_)) => {}
                }
            }
        }
    }
    // Every state and every variant is reached.
    for state in State::iter() {
        assert!(
            seen.iter().any(|c| c.state == state),
            "{state:?} never reached"
        );
    }
    for variant in Variant::iter() {
        assert!(
            seen.iter().any(|c| c.variant == Some(variant)),
            "{variant:?} never reached"
        );
    }
}

#[test]
fn fb_4_8_an_event_form_names_the_field_that_is_wrong() {
    use frist_domain::fristbrudd::EventForm;
    let form = |event: &str, sent: &str| EventForm {
        event: event.into(),
        sent: sent.into(),
        appointment: String::new(),
    };
    assert_eq!(
        form("letter_sent", "30.03.2026").check(),
        Ok(Event::LetterSent {
            sent: d("2026-03-30")
        })
    );
    let codes = |f: EventForm| -> Vec<(String, IssueCode)> {
        f.check()
            .unwrap_err()
            .issues
            .into_iter()
            .map(|i| (i.path, i.code))
            .collect()
    };
    assert_eq!(
        codes(form("letter_sent", "")),
        [("sent".into(), IssueCode::Required)]
    );
    assert_eq!(
        codes(form("letter_sent", "31.02.2026")),
        [("sent".into(), IssueCode::DateInvalid)]
    );
    assert_eq!(codes(form("", "")), [("event".into(), IssueCode::Required)]);
    // Only events a person sends: not the notification, not an upload.
    for wrong in ["teleport", "notify", "document_uploaded"] {
        assert_eq!(
            codes(form(wrong, "")),
            [("event".into(), IssueCode::NotOneOf)]
        );
    }
    assert_eq!(form("forward", "").check(), Ok(Event::Forward));
}
