//! Named tests for the fristbrudd rules FB-1 … FB-11 (docs/rules.md §3, seed 000).
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
    let today = d("2026-03-20");
    assert!(
        c.allowed(Actor::Helfo, today)
            .contains(&EventKind::ConfirmUrgent)
    );
    let c = helfo(&c, Event::ConfirmUrgent, "2026-03-20");
    assert!(c.urgent_confirmed);
    assert!(
        !c.allowed(Actor::Helfo, today)
            .contains(&EventKind::ConfirmUrgent)
    );
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
    // "Not reached" on 30 March was the first outcome already (FB-11).
    assert_eq!(r.first_outcome_on, Some(d("2026-03-30")));
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
    let early = early.unwrap_err();
    assert_eq!(early.reason, Some(IssueCode::LetterDateInvalid));
    // Said at the field with the dates allowed, not as a list of events
    // (issue 24): the page and the edge show this same sentence.
    assert_eq!(
        frist_domain::messages::render(&early.issue(), frist_domain::messages::Lang::Nb),
        "Brevdatoen må være fra 26.03.2026, da saken ble tatt, til og med i dag, 30.03.2026."
    );
    assert_eq!(early.issue().path, "sent");
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
fn fb_6_a_wanting_an_offer_asks_the_site_for_documentation_without_an_invented_date() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientWantsOffer, "2026-03-24");
    assert_eq!(c.state, State::FindingOffer);
    // Seed 000 says only «må laste opp»: no date of upload is set or shown.
    assert_eq!(c.site_action(), SiteAction::UploadDocumentation);
    assert_eq!(
        c.running_deadlines(),
        [],
        "no deadline runs once the wish is known"
    );
    assert_eq!(c.waiting_list(), WaitingList::Keep);
    assert_eq!(c.first_outcome_on, Some(d("2026-03-24")));
    // Forwarding needs the documentation first.
    let err = c
        .apply(&Event::Forward, Actor::Helfo, d("2026-03-25"))
        .unwrap_err();
    assert_eq!(err.reason, Some(IssueCode::DocumentsMissing));
    assert!(
        !c.allowed(Actor::Helfo, d("2026-03-25"))
            .contains(&EventKind::Forward)
    );
}

#[test]
fn fb_6_b_not_reached_also_asks_for_documentation() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::NotReached, "2026-03-26");
    assert_eq!(c.site_action(), SiteAction::UploadDocumentation);
    let uploaded = c.upload(d("2026-03-26")).unwrap();
    assert_eq!(uploaded.site_action(), SiteAction::KeepOnList);
}

/// Seed 000, steps 2–3: «Helfo får ikke tak i pasienten. Helfo må likevel
/// starte arbeidet med å skaffe et tilbud. Opprinnelig behandlingssted må
/// laste opp henvisning …».
#[test]
fn fb_6_b_a_patient_not_reached_is_forwarded_once_the_documentation_is_in() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::NotReached, "2026-03-26");
    // Straight from "not reached" ...
    let err = c
        .apply(&Event::Forward, Actor::Helfo, d("2026-03-27"))
        .unwrap_err();
    assert_eq!(err.reason, Some(IssueCode::DocumentsMissing));
    let with_docs = c.upload(d("2026-03-27")).unwrap();
    assert!(
        with_docs
            .allowed(Actor::Helfo, d("2026-03-27"))
            .contains(&EventKind::Forward)
    );
    assert_eq!(
        helfo(&with_docs, Event::Forward, "2026-03-27").state,
        State::Forwarded
    );
    // ... and with the letter out, waiting for the patient's reply.
    let letter = helfo(
        &c,
        Event::LetterSent {
            sent: d("2026-03-26"),
        },
        "2026-03-26",
    )
    .upload(d("2026-03-30"))
    .unwrap();
    let f = helfo(&letter, Event::Forward, "2026-03-30");
    assert_eq!(f.state, State::Forwarded);
    // Choice: a forwarded case is no longer returned for want of a reply.
    assert!(!f.due_for_return(d("2026-06-01")));
    assert_eq!(f.running_deadlines(), []);
    let accepted = helfo(&f, Event::OfferAccepted, "2026-04-08");
    assert_eq!(accepted.waiting_list(), WaitingList::Remove);
}

/// FB-4: «Dersom Helfo ikke får tak i pasienten i løpet av 3 dager»: "not
/// reached" is known when the 3 days are over — Helfo may record it from the
/// contact deadline on, and the sweep does it the day after.
#[test]
fn fb_4_not_reached_from_the_contact_deadline_on_and_by_the_sweep_after_it() {
    // Taken up Monday 23 March: contact by Thursday 26 March.
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    for early in ["2026-03-23", "2026-03-25"] {
        let err = c
            .apply(&Event::NotReached, Actor::Helfo, d(early))
            .unwrap_err();
        assert_eq!(err.reason, Some(IssueCode::NotReachedTooEarly), "{early}");
        assert!(
            !c.allowed(Actor::Helfo, d(early))
                .contains(&EventKind::NotReached)
        );
    }
    assert!(
        c.allowed(Actor::Helfo, d("2026-03-26"))
            .contains(&EventKind::NotReached)
    );
    // The sweep: not on the deadline day (Helfo still has it), the day after.
    assert!(!c.due_for_not_reached(d("2026-03-26")));
    assert!(c.due_for_not_reached(d("2026-03-27")));
    let swept = c
        .apply(&Event::NotReached, Actor::System, d("2026-03-27"))
        .unwrap();
    assert_eq!(swept.state, State::NotReached);
    assert_eq!(swept.site_action(), SiteAction::UploadDocumentation);
    // The site cannot record it.
    assert!(
        c.apply(&Event::NotReached, Actor::Site, d("2026-03-27"))
            .is_err()
    );
    // Reached in time: nothing for the sweep to do.
    let wants = helfo(&c, Event::PatientWantsOffer, "2026-03-24");
    assert!(!wants.due_for_not_reached(d("2026-04-30")));
}

/// FB-11 with seed 000, step 3, which lists «Helfo får ikke tak i
/// pasienten» among the results Helfo registers: it is a first answer.
#[test]
fn fb_11_not_reached_is_helfos_first_outcome() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::NotReached, "2026-03-26");
    assert_eq!(c.first_outcome_on, Some(d("2026-03-26")));
    let f = service_figures(c.notified_on, d("2026-03-26")).unwrap();
    assert!(f.within_limit);
    assert_eq!(
        c.running_deadlines(),
        [],
        "the service limit no longer runs"
    );
}

#[test]
fn fb_6_c_declining_stops_the_case_and_keeps_the_place() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientDeclines, "2026-03-23");
    assert_eq!(c.state, State::Declined);
    assert_eq!(c.site_action(), SiteAction::StoppedKeepOnList);
    assert!(c.allowed(Actor::Helfo, d("2026-03-23")).is_empty());
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
        .upload(d("2026-03-23"))
        .unwrap();
    assert_eq!(
        c.upload(d("2026-03-23")).unwrap_err().reason,
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
    }
    let declined = helfo(&forwarded(), Event::OfferDeclined, "2026-04-01");
    assert_eq!(declined.site_action(), SiteAction::StoppedKeepOnList);
}

/// Seed 000, step 5: «Helfo finner ikke behandlingstilbud. Helfo vil ta
/// kontakt med det opprinnelige behandlingsstedet … og undersøke når
/// pasienten kan få time ved det opprinnelige behandlingsstedet.»
#[test]
fn fb_8_no_offer_found_asks_the_site_when_the_patient_can_come() {
    let c = helfo(&forwarded(), Event::NoOfferFound, "2026-04-01");
    assert_eq!(c.site_action(), SiteAction::GiveAppointmentDate);
    assert!(
        c.allowed(Actor::Site, d("2026-04-02"))
            .contains(&EventKind::SiteFoundAppointment)
    );
    let answered = c
        .apply(
            &Event::SiteFoundAppointment {
                appointment: d("2026-05-04"),
            },
            Actor::Site,
            d("2026-04-02"),
        )
        .unwrap();
    assert_eq!(answered.state, State::NoOfferFound);
    assert_eq!(answered.site_appointment_on, Some(d("2026-05-04")));
    assert_eq!(answered.variant, None, "nothing for Helfo to weigh");
    assert_eq!(answered.site_action(), SiteAction::StoppedKeepOnList);
}

/// Seed 000, step 5: the site reports the appointment; «Helfo kontakter
/// deretter pasienten» and records the result of the variant.
#[test]
fn fb_8_the_site_reports_an_appointment_and_helfo_records_the_result() {
    let today = d("2026-03-26");
    let site = |c: &Case, appt: &str| {
        c.apply(
            &Event::SiteFoundAppointment {
                appointment: d(appt),
            },
            Actor::Site,
            today,
        )
        .unwrap()
    };
    let open = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    // (1) Within the fristdato: reported, not yet stopped; Helfo can only stop.
    let v1 = site(&open, "2026-04-20");
    assert_eq!(
        (v1.state, v1.variant),
        (State::Contacting, Some(Variant::WithinFrist))
    );
    assert!(v1.appointment_pending());
    assert_eq!(v1.site_action(), SiteAction::AppointmentReported);
    assert_eq!(
        v1.allowed(Actor::Helfo, today),
        [EventKind::StopForSiteAppointment]
    );
    let err = v1
        .apply(&Event::PatientWantsOffer, Actor::Helfo, today)
        .unwrap_err();
    assert_eq!(err.reason, Some(IssueCode::AppointmentAwaitsHelfo));
    let stopped = helfo(&v1, Event::StopForSiteAppointment, "2026-03-26");
    assert_eq!(stopped.state, State::SiteFoundAppointment);
    assert_eq!(stopped.variant, Some(Variant::WithinFrist));
    assert_eq!(stopped.site_action(), SiteAction::StoppedKeepOnList);
    assert_eq!(stopped.first_outcome_on, Some(today));
    // (2) Before Helfo found an offer: Helfo may stop or go on.
    let finding = helfo(&open, Event::PatientWantsOffer, "2026-03-24");
    let v2 = site(&finding, "2026-04-21");
    assert_eq!(v2.variant, Some(Variant::BeforeHelfo));
    assert_eq!(
        v2.allowed(Actor::Helfo, today),
        [
            EventKind::StopForSiteAppointment,
            EventKind::ContinueDespiteAppointment
        ]
    );
    let goes_on = helfo(&v2, Event::ContinueDespiteAppointment, "2026-03-26");
    assert_eq!(goes_on.state, State::FindingOffer);
    assert!(!goes_on.appointment_pending());
    assert_eq!(goes_on.site_appointment_on, Some(d("2026-04-21")));
    // Choice: after forwarding, before acceptance — not "before Helfo".
    assert_eq!(
        site(&forwarded(), "2026-04-21").variant,
        Some(Variant::AfterForwarded)
    );
    // (3) After the patient accepted: the patient keeps the list place while
    // Helfo weighs cancelling its offer; kept offer → remove after all.
    let accepted = helfo(&forwarded(), Event::OfferAccepted, "2026-03-26");
    let v3 = site(&accepted, "2026-05-01");
    assert_eq!(v3.variant, Some(Variant::AfterAccepted));
    assert_eq!(v3.waiting_list(), WaitingList::Keep);
    let kept = helfo(&v3, Event::ContinueDespiteAppointment, "2026-03-27");
    assert_eq!(kept.state, State::Accepted);
    assert_eq!(kept.site_action(), SiteAction::RemoveFromList);
    let cancelled = helfo(&v3, Event::StopForSiteAppointment, "2026-03-27");
    assert_eq!(cancelled.state, State::SiteFoundAppointment);
    assert_eq!(cancelled.waiting_list(), WaitingList::Keep);
    // An appointment before today is refused, naming the field.
    let past = open
        .apply(
            &Event::SiteFoundAppointment {
                appointment: d("2026-03-25"),
            },
            Actor::Site,
            today,
        )
        .unwrap_err();
    assert_eq!(past.reason, Some(IssueCode::AppointmentInPast));
    assert_eq!(past.issue().path, "appointment");
    // Helfo cannot report the site's appointment, and a stopped case takes no more.
    assert!(
        open.apply(
            &Event::SiteFoundAppointment {
                appointment: d("2026-04-01")
            },
            Actor::Helfo,
            today
        )
        .is_err()
    );
    assert!(
        stopped
            .apply(
                &Event::SiteFoundAppointment {
                    appointment: d("2026-04-01")
                },
                Actor::Site,
                today
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
    let link = "https://frist.example/fristbrudd/saker/c_7f3a9";
    let (subject, body) = frist_domain::fristbrudd::update_email("FB-2026-000042", link);
    assert!(subject.contains("FB-2026-000042") && body.contains("FB-2026-000042"));
    // The link straight to the case (issue 26), which asks to sign in first.
    assert!(body.contains(link));
    let digits: String = format!("{subject}{}", body.replace(link, ""))
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
