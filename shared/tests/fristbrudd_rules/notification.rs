//! The notification and its documents: FB-1 (every field, the fristdato
//! against the referral and today, the warning letter, identifiers and dates,
//! the case number's form), FB-3 (an urgent notification needs a reason, the
//! queue order, Helfo confirms urgency once) and FB-7 (one PDF, by content,
//! within the size cap).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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

#[test]
fn fb_1_case_numbers_have_the_fixed_form() {
    assert_eq!(case_number(2026, 42), "FB-2026-000042");
    assert_eq!(case_number(2026, 123_456), "FB-2026-123456");
}
