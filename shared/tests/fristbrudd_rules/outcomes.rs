//! The outcome paths: FB-6 (a) wanting an offer, (b) not reached and (c)
//! declining, each asking the site for what it must do; FB-8 after the case is
//! forwarded (accepted means remove from the waiting list, a declined offer or
//! no offer found stops the case and keeps the place, the site's appointment
//! and Helfo's result).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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

#[test]
fn fb_6_c_declining_stops_the_case_and_keeps_the_place() {
    let c = helfo(&case_on("2026-03-20"), Event::TakeUp, "2026-03-23");
    let c = helfo(&c, Event::PatientDeclines, "2026-03-23");
    assert_eq!(c.state, State::Declined);
    assert_eq!(c.site_action(), SiteAction::StoppedKeepOnList);
    assert!(c.allowed(Actor::Helfo, d("2026-03-23")).is_empty());
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
