//! Named tests for the fristbrudd rules FB-1 … FB-11 (DOMAIN.md §3, seed 000).
//! Fixed dates only; Easter 2026 is 5 April (holidays 2, 3 and 6 April).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use chrono::NaiveDate;
use frist_domain::IssueCode;
use frist_domain::fristbrudd::{
    Actor, Case, DeadlineKind, Event, EventKind, NotificationForm, QueueItem, SiteAction, State,
    Variant, WaitingList, case_number, check_pdf, queue_order, service_figures,
};
use frist_domain::ids::FnrContext;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ctx(today: &str) -> FnrContext {
    FnrContext {
        today: d(today),
        allow_synthetic: false,
    }
}

fn form() -> NotificationForm {
    NotificationForm {
        patient_fnr: "150385 10190".into(),
        patient_name: "Ola Nordmann".into(),
        patient_phone: "+47 912 34 567".into(),
        specialty: "Ortopedi".into(),
        fristdato: "20.04.2026".into(),
        referral_received: "2026-01-15".into(),
        warning_sent: "10.03.2026".into(),
        kind: "expected".into(),
        urgent: false,
        urgent_reason: String::new(),
    }
}

fn codes(f: &NotificationForm, today: &str) -> Vec<(String, IssueCode)> {
    match f.check(&ctx(today)) {
        Ok(_) => Vec::new(),
        Err(r) => r.issues.into_iter().map(|i| (i.path, i.code)).collect(),
    }
}

fn case_on(notified: &str) -> Case {
    let n = form().check(&ctx("2026-03-20")).unwrap();
    Case::new(&n, d(notified))
}

fn helfo(c: &Case, e: Event, on: &str) -> Case {
    c.apply(&e, Actor::Helfo, d(on))
        .unwrap_or_else(|err| panic!("{e:?} from {:?}: {err:?}", c.state))
}

#[test]
fn fb_1_a_complete_expected_notification_is_accepted() {
    let n = form().check(&ctx("2026-03-20")).unwrap();
    assert_eq!(n.fristdato, d("2026-04-20"));
    assert_eq!(n.patient_phone.as_str(), "91234567");
    assert_eq!(n.urgent_reason, None);
}

#[test]
fn fb_1_every_missing_field_is_named() {
    let got = codes(&NotificationForm::default(), "2026-03-20");
    let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "patient_fnr",
            "patient_name",
            "patient_phone",
            "specialty",
            "fristdato",
            "referral_received",
            "warning_sent",
            "kind"
        ]
    );
    assert!(got.iter().all(|(_, c)| *c == IssueCode::Required));
}

#[test]
fn fb_1_fristdato_cannot_be_before_the_referral() {
    let mut f = form();
    f.fristdato = "14.01.2026".into();
    f.kind = "occurred".into();
    assert!(codes(&f, "2026-03-20").contains(&("fristdato".into(), IssueCode::DateBeforeReferral)));
}

#[test]
fn fb_1_occurred_needs_a_past_fristdato_and_expected_a_future_one() {
    let mut f = form();
    f.kind = "occurred".into();
    assert_eq!(
        codes(&f, "2026-03-20"),
        [("fristdato".into(), IssueCode::OccurredNeedsPastFrist)]
    );
    // The day itself: not yet occurred, so "expected" is right on the fristdato.
    assert_eq!(
        codes(&f, "2026-04-20"),
        [("fristdato".into(), IssueCode::OccurredNeedsPastFrist)]
    );
    assert!(codes(&form(), "2026-04-20").is_empty());
    assert_eq!(codes(&f, "2026-04-21"), []);
    assert_eq!(
        codes(&form(), "2026-04-21"),
        [("fristdato".into(), IssueCode::ExpectedNeedsFutureFrist)]
    );
}

#[test]
fn fb_1_the_warning_letter_must_be_sent_and_not_before_the_referral() {
    let mut f = form();
    f.warning_sent = "2026-03-21".into();
    assert_eq!(
        codes(&f, "2026-03-20"),
        [("warning_sent".into(), IssueCode::DateInFuture)]
    );
    f.warning_sent = "2026-01-14".into();
    assert_eq!(
        codes(&f, "2026-03-20"),
        [("warning_sent".into(), IssueCode::DateBeforeReferral)]
    );
}

#[test]
fn fb_1_identifiers_and_dates_say_what_is_wrong() {
    let mut f = form();
    f.patient_fnr = "15038510191".into();
    f.patient_phone = "12".into();
    f.fristdato = "31.04.2026".into();
    let got = codes(&f, "2026-03-20");
    assert_eq!(
        got,
        [
            ("patient_fnr".into(), IssueCode::IdBadCheckDigit),
            ("patient_phone".into(), IssueCode::PhoneInvalid),
            ("fristdato".into(), IssueCode::DateInvalid)
        ]
    );
}

#[test]
fn fb_3_an_urgent_notification_needs_a_reason() {
    let mut f = form();
    f.urgent = true;
    assert_eq!(
        codes(&f, "2026-03-20"),
        [("urgent_reason".into(), IssueCode::UrgentNeedsReason)]
    );
    f.urgent_reason = "Rask progresjon".into();
    assert_eq!(
        f.check(&ctx("2026-03-20"))
            .unwrap()
            .urgent_reason
            .as_deref(),
        Some("Rask progresjon")
    );
}

#[test]
fn fb_3_confirmed_urgent_cases_go_first_then_earliest_fristdato_then_earliest_notice() {
    let item = |id: &str, frist: &str, urgent: bool, at: i64| QueueItem {
        id: id.into(),
        fristdato: d(frist),
        urgent,
        notified_at: at,
    };
    let mut q = [
        item("late", "2026-05-01", false, 1),
        item("early-second", "2026-04-01", false, 20),
        item("urgent", "2026-06-01", true, 30),
        item("early-first", "2026-04-01", false, 10),
    ];
    q.sort_by(queue_order);
    let ids: Vec<&str> = q.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["urgent", "early-first", "early-second", "late"]);
}

#[test]
fn fb_3_helfo_confirms_urgency_once() {
    let mut f = form();
    f.urgent = true;
    f.urgent_reason = "Kreft".into();
    let c = Case::new(&f.check(&ctx("2026-03-20")).unwrap(), d("2026-03-20"));
    assert!(c.urgent && !c.urgent_confirmed);
    assert!(c.allowed(Actor::Helfo).contains(&EventKind::ConfirmUrgent));
    let c = helfo(&c, Event::ConfirmUrgent, "2026-03-20");
    assert!(c.urgent_confirmed);
    assert!(!c.allowed(Actor::Helfo).contains(&EventKind::ConfirmUrgent));
    // A case the site did not flag cannot be confirmed urgent.
    assert!(
        case_on("2026-03-20")
            .apply(&Event::ConfirmUrgent, Actor::Helfo, d("2026-03-20"))
            .is_err()
    );
}

#[test]
fn fb_4_contact_by_is_three_calendar_days_rolled_forward() {
    let c = helfo(&case_on("2026-03-27"), Event::TakeUp, "2026-03-27");
    assert_eq!(c.deadlines().contact_by, Some(d("2026-03-30")));
    assert_eq!(
        c.next_deadline(),
        Some((DeadlineKind::ContactBy, d("2026-03-30")))
    );
    // Taken up Wednesday before Easter: Saturday → Sunday → Easter Monday → Tuesday 7 April.
    let c = helfo(&case_on("2026-04-01"), Event::TakeUp, "2026-04-01");
    assert_eq!(c.deadlines().contact_by, Some(d("2026-04-07")));
}

#[test]
fn fb_5_reply_by_is_ten_working_days_after_the_letter_across_easter() {
    let c = helfo(&case_on("2026-03-25"), Event::TakeUp, "2026-03-25");
    let c = helfo(&c, Event::NotReached, "2026-03-30");
    let c = helfo(
        &c,
        Event::LetterSent {
            sent: d("2026-03-30"),
        },
        "2026-03-30",
    );
    assert_eq!(c.deadlines().reply_by, Some(d("2026-04-16")));
    assert!(
        !c.due_for_return(d("2026-04-16")),
        "the reply deadline day itself still counts"
    );
    assert!(c.due_for_return(d("2026-04-17")));
    // Only the sweep (System) returns a case, and only after the deadline.
    assert!(
        c.apply(&Event::Return, Actor::System, d("2026-04-16"))
            .is_err()
    );
    assert!(
        c.apply(&Event::Return, Actor::Helfo, d("2026-04-17"))
            .is_err()
    );
    let r = c
        .apply(&Event::Return, Actor::System, d("2026-04-17"))
        .unwrap();
    assert_eq!(r.state, State::Returned);
    assert_eq!(r.first_outcome_on, Some(d("2026-04-17")));
    assert_eq!(r.waiting_list(), WaitingList::Keep);
}

#[test]
fn fb_4_a_letter_cannot_be_dated_before_take_up_or_in_the_future() {
    let c = helfo(&case_on("2026-03-25"), Event::TakeUp, "2026-03-26");
    let c = helfo(&c, Event::NotReached, "2026-03-30");
    let early = c.apply(
        &Event::LetterSent {
            sent: d("2026-03-25"),
        },
        Actor::Helfo,
        d("2026-03-30"),
    );
    assert_eq!(
        early.unwrap_err().reason,
        Some(IssueCode::LetterDateInvalid)
    );
    let future = c.apply(
        &Event::LetterSent {
            sent: d("2026-03-31"),
        },
        Actor::Helfo,
        d("2026-03-30"),
    );
    assert!(future.is_err());
}

#[test]
fn fb_6_a_wanting_an_offer_asks_the_site_for_documentation() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientWantsOffer, "2026-03-24");
    assert_eq!(c.state, State::FindingOffer);
    assert_eq!(
        c.site_action(),
        SiteAction::UploadDocumentation {
            by: d("2026-03-27")
        }
    );
    assert_eq!(c.waiting_list(), WaitingList::Keep);
    assert_eq!(c.first_outcome_on, Some(d("2026-03-24")));
    // Forwarding needs the documentation first.
    let err = c
        .apply(&Event::Forward, Actor::Helfo, d("2026-03-25"))
        .unwrap_err();
    assert_eq!(err.reason, Some(IssueCode::DocumentsMissing));
    assert!(!c.allowed(Actor::Helfo).contains(&EventKind::Forward));
}

#[test]
fn fb_6_b_not_reached_also_asks_for_documentation() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::NotReached, "2026-03-26");
    assert!(matches!(
        c.site_action(),
        SiteAction::UploadDocumentation { .. }
    ));
    let uploaded = c.upload().unwrap();
    assert_eq!(uploaded.site_action(), SiteAction::KeepOnList);
}

#[test]
fn fb_6_c_declining_stops_the_case_and_keeps_the_place() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientDeclines, "2026-03-23");
    assert_eq!(c.state, State::Declined);
    assert_eq!(c.site_action(), SiteAction::StoppedKeepOnList);
    assert!(c.allowed(Actor::Helfo).is_empty());
}

#[test]
fn fb_7_one_pdf_by_content_within_the_size_cap() {
    assert!(check_pdf(1000, b"%PDF-1.7\n").is_ok());
    assert_eq!(
        check_pdf(1000, b"PK\x03\x04").unwrap_err().code,
        IssueCode::FileNotPdf
    );
    assert_eq!(
        check_pdf(1000, b" %PDF-1.7").unwrap_err().code,
        IssueCode::FileNotPdf
    );
    let big = check_pdf(20 * 1024 * 1024 + 1, b"%PDF-1.7").unwrap_err();
    assert_eq!(big.code, IssueCode::FileTooLarge);
    // Exactly one file: a second upload is refused.
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientWantsOffer, "2026-03-23")
        .upload()
        .unwrap();
    assert_eq!(
        c.upload().unwrap_err().reason,
        Some(IssueCode::DocumentAlreadyUploaded)
    );
}

fn forwarded() -> Case {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientWantsOffer, "2026-03-23");
    let c = helfo(&c, Event::DocumentsReceived, "2026-03-24");
    helfo(&c, Event::Forward, "2026-03-25")
}

#[test]
fn fb_8_accepted_means_remove_from_the_waiting_list() {
    let c = helfo(&forwarded(), Event::OfferAccepted, "2026-04-01");
    assert_eq!(c.state, State::Accepted);
    assert_eq!(c.waiting_list(), WaitingList::Remove);
    assert_eq!(c.site_action(), SiteAction::RemoveFromList);
}

#[test]
fn fb_8_declined_offer_and_no_offer_found_stop_the_case_and_keep_the_place() {
    for (e, s) in [
        (Event::OfferDeclined, State::DeclinedOffer),
        (Event::NoOfferFound, State::NoOfferFound),
    ] {
        let c = helfo(&forwarded(), e, "2026-04-01");
        assert_eq!(c.state, s);
        assert_eq!(c.waiting_list(), WaitingList::Keep);
        assert_eq!(c.site_action(), SiteAction::StoppedKeepOnList);
    }
}

#[test]
fn fb_8_the_site_found_an_appointment_in_three_variants() {
    let site = |c: &Case, appt: &str| {
        c.apply(
            &Event::SiteFoundAppointment {
                appointment: d(appt),
            },
            Actor::Site,
            d("2026-03-26"),
        )
        .unwrap()
    };
    let open = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let v1 = site(&open, "2026-04-20");
    assert_eq!(
        (v1.state, v1.variant),
        (State::SiteFoundAppointment, Some(Variant::WithinFrist))
    );
    assert_eq!(v1.site_action(), SiteAction::StoppedKeepOnList);
    let v2 = site(&forwarded(), "2026-04-21");
    assert_eq!(v2.variant, Some(Variant::BeforeHelfo));
    let accepted = helfo(&forwarded(), Event::OfferAccepted, "2026-03-26");
    let v3 = site(&accepted, "2026-05-01");
    assert_eq!(v3.variant, Some(Variant::AfterAccepted));
    assert_eq!(v3.site_action(), SiteAction::ConsiderCancelling);
    // Helfo cannot report the site's appointment, and a stopped case takes no more.
    assert!(
        open.apply(
            &Event::SiteFoundAppointment {
                appointment: d("2026-04-01")
            },
            Actor::Helfo,
            d("2026-03-26")
        )
        .is_err()
    );
    assert!(
        v1.apply(
            &Event::SiteFoundAppointment {
                appointment: d("2026-04-01")
            },
            Actor::Site,
            d("2026-03-26")
        )
        .is_err()
    );
}

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
        c.allowed(Actor::Site),
        [EventKind::DocumentUploaded, EventKind::SiteFoundAppointment]
    );
}

#[test]
fn fb_4_8_every_state_offers_exactly_the_transitions_apply_accepts() {
    // Walk every path; at each step, what `allowed` offers must be what
    // `apply` accepts, for every event kind.
    let c = case_on("2026-03-20");
    let mut frontier = vec![c];
    let mut seen = 0;
    while let Some(c) = frontier.pop() {
        seen += 1;
        assert!(seen < 500, "the state machine loops");
        for actor in [Actor::Helfo, Actor::Site] {
            let allowed = c.allowed(actor);
            for kind in allowed {
                let on = c.taken_up_on.unwrap_or(c.notified_on);
                let next = match kind {
                    EventKind::DocumentUploaded => c.upload(),
                    EventKind::LetterSent => c.apply(&Event::LetterSent { sent: on }, actor, on),
                    EventKind::SiteFoundAppointment => c.apply(
                        &Event::SiteFoundAppointment {
                            appointment: c.fristdato,
                        },
                        actor,
                        on,
                    ),
                    k => {
                        let e: Event =
                            serde_json::from_value(serde_json::json!({"event": k.as_str()}))
                                .unwrap();
                        c.apply(&e, actor, on)
                    }
                };
                let next = next.unwrap_or_else(|e| {
                    panic!("{kind:?} offered in {:?} but refused: {e:?}", c.state)
                });
                if next != c && kind != EventKind::ContactAttempt {
                    frontier.push(next);
                }
            }
        }
    }
    assert!(seen > 20, "only {seen} states reached");
}

#[test]
fn fb_11_service_limit_and_figures() {
    let c = case_on("2026-04-01");
    assert_eq!(c.deadlines().service_limit, d("2026-04-20"));
    assert_eq!(
        c.next_deadline(),
        Some((DeadlineKind::ServiceLimit, d("2026-04-20")))
    );
    let f = service_figures(d("2026-04-01"), d("2026-04-20")).unwrap();
    assert_eq!((f.working_days, f.within_limit), (10, true));
    let f = service_figures(d("2026-04-01"), d("2026-04-21")).unwrap();
    assert_eq!((f.working_days, f.within_limit), (11, false));
}

#[test]
fn fb_1_case_numbers_have_the_fixed_form() {
    assert_eq!(case_number(2026, 42), "FB-2026-000042");
    assert_eq!(case_number(2026, 123_456), "FB-2026-123456");
}

#[test]
fn fb_9_the_update_email_names_only_the_case_number() {
    let (subject, body) = frist_domain::fristbrudd::update_email("FB-2026-000042");
    assert!(subject.contains("FB-2026-000042") && body.contains("FB-2026-000042"));
    let digits: String = format!("{subject}{body}")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert_eq!(
        digits, "20260000422026000042",
        "no other numbers (no fødselsnummer, no dates)"
    );
}

#[test]
fn fb_11_monthly_share_within_the_limit_and_mean_working_days() {
    use frist_domain::fristbrudd::monthly_stats;
    let rows = [
        (d("2026-03-02"), Some(d("2026-03-06"))), // 4 working days
        (d("2026-03-10"), Some(d("2026-03-31"))), // 15 working days: late
        (d("2026-03-20"), None),
        (d("2026-04-01"), Some(d("2026-04-20"))), // 10 working days across Easter
    ];
    let s = monthly_stats(&rows);
    assert_eq!(s.len(), 2);
    assert_eq!(
        (
            s[0].month.as_str(),
            s[0].cases,
            s[0].with_outcome,
            s[0].within_limit
        ),
        ("2026-03", 3, 2, 1)
    );
    assert_eq!(s[0].mean_working_days, Some(9.5));
    assert_eq!((s[1].month.as_str(), s[1].within_limit), ("2026-04", 1));
    assert_eq!(s[1].mean_working_days, Some(10.0));
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

#[test]
fn fb_4_5_11_the_calendar_file_holds_every_running_deadline_and_no_patient_data() {
    // Taken up on 25 March: contact by 28 March → Saturday → Monday 30 March
    // (FB-4); first outcome by notified + 10 working days, skipping 2, 3 and
    // 6 April (Easter) = Monday 13 April (FB-11).
    let c = helfo(&case_on("2026-03-25"), Event::TakeUp, "2026-03-25");
    let running = c.running_deadlines();
    assert_eq!(
        running,
        vec![
            (DeadlineKind::ContactBy, d("2026-03-30")),
            (DeadlineKind::ServiceLimit, d("2026-04-13")),
        ]
    );
    let deadlines: Vec<frist_domain::ics::Deadline> = running
        .iter()
        .map(|(kind, date)| frist_domain::ics::Deadline {
            key: kind.into(),
            date: *date,
            summary: format!("FB-2026-000001: {}", kind.name_nb()),
        })
        .collect();
    let stamp = "2026-03-25T12:00:00Z".parse().unwrap();
    let ics = frist_domain::ics::calendar("FB-2026-000001", "Fristbrudd", &deadlines, stamp);
    let ics = ics.replace("\r\n ", ""); // unfold long lines (RFC 5545 §3.1)
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260330"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260413"), "{ics}");
    assert!(ics.contains("UID:FB-2026-000001-contact_by@frist"), "{ics}");
    assert!(
        ics.contains("UID:FB-2026-000001-service_limit@frist"),
        "{ics}"
    );
    assert!(ics.contains("DTSTAMP:20260325T120000Z"), "{ics}");
    assert!(ics.contains("DTEND;VALUE=DATE:20260331"), "{ics}");
    assert_eq!(ics.matches("TRIGGER:-PT86400S").count(), 2, "{ics}");
    // No clock and no randomness: every stamp is the given one, every UID is stable.
    let stamps: Vec<&str> = ics.lines().filter(|l| l.starts_with("DTSTAMP")).collect();
    assert_eq!(stamps, vec!["DTSTAMP:20260325T120000Z"; 4], "{ics}");
    assert!(
        ics.lines()
            .filter(|l| l.starts_with("UID:"))
            .all(|l| l.ends_with("@frist")),
        "{ics}"
    );
    assert!(
        ics.contains("SUMMARY:FB-2026-000001: Helfo kontakter pasienten innen"),
        "{ics}"
    );
    for personal in ["Ola", "Nordmann", "15038510190", "912"] {
        assert!(!ics.contains(personal), "{personal} in {ics}");
    }
    // A closed case has no running deadlines.
    let c = helfo(&c, Event::PatientDeclines, "2026-03-26");
    assert!(c.running_deadlines().is_empty());
}
