//! Helfo's deadlines: FB-4 (contact within three calendar days rolled
//! forward, not reached from the contact deadline on and by the sweep after
//! it, the letter's date), FB-5 (the reply deadline ten working days after the
//! letter, across Easter) and the calendar file of every running deadline
//! (FB-4, FB-5, FB-11) without patient data.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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
