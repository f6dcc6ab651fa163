//! FB-1: the hospital's notification as the site types it, and its check.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use crate::calendar;
use crate::ids::FnrContext;
use crate::ids::Fodselsnummer;
use crate::ids::Telefon;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

/// The longest specialty, name and urgency reason.
pub const TEXT_MAX: usize = 120;

crate::named_enum! {
    /// FB-1: whether the breach has happened or is expected.
    pub enum BreachKind {
        Expected,
        Occurred,
    }
}

impl BreachKind {
    pub const fn name_nb(self) -> &'static str {
        match self {
            BreachKind::Expected => "Fristbrudd vil inntreffe",
            BreachKind::Occurred => "Fristbrudd har inntruffet",
        }
    }
}

/// FB-1: the notification as the site types it. Dates may be `dd.mm.åååå`
/// or ISO. Missing fields read as empty and are reported as `required`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotificationForm {
    pub patient_fnr: String,
    pub patient_name: String,
    pub patient_phone: String,
    pub specialty: String,
    /// The legal deadline for treatment (*fristdato*).
    pub fristdato: String,
    /// When the referral was received.
    pub referral_received: String,
    /// When the letter «Varsel om fristbrudd» was sent to the patient.
    pub warning_sent: String,
    /// `expected` or `occurred`.
    pub kind: String,
    /// FB-3: the site asks Helfo to put the patient ahead for medical reasons.
    pub urgent: bool,
    pub urgent_reason: String,
}

/// A notification that passed every FB-1 check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub fnr: Fodselsnummer,
    pub patient_name: String,
    pub patient_phone: Telefon,
    pub specialty: String,
    pub fristdato: NaiveDate,
    pub referral_received: NaiveDate,
    pub warning_sent: NaiveDate,
    pub kind: BreachKind,
    /// The reason, when the site flags the case as medically urgent.
    pub urgent_reason: Option<String>,
}

fn text(report: &mut Report, path: &str, value: &str) -> Option<String> {
    let v = value.trim();
    let n = v.chars().count();
    if n == 0 {
        report.push(Issue::error(path, IssueCode::Required));
        None
    } else if n > TEXT_MAX {
        report.push(Issue::error(path, IssueCode::TooLong).with("max", TEXT_MAX));
        None
    } else {
        Some(v.to_owned())
    }
}

pub(super) fn date(report: &mut Report, path: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        report.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    let Some(d) = calendar::parse_date(value) else {
        report.push(Issue::error(path, IssueCode::DateInvalid));
        return None;
    };
    if calendar::is_working_day(d).is_err() {
        report.push(
            Issue::error(path, IssueCode::DateOutOfRange)
                .with("min", calendar::MIN_DATE)
                .with("max", calendar::MAX_DATE),
        );
        return None;
    }
    Some(d)
}

impl NotificationForm {
    /// Every FB-1 problem, field by field; or the checked notification.
    /// `ctx.today` is today in Europe/Oslo.
    pub fn check(&self, ctx: &FnrContext) -> Result<Notification, Report> {
        let mut r = Report::new();
        let fnr = if self.patient_fnr.trim().is_empty() {
            r.push(Issue::error("patient_fnr", IssueCode::Required));
            None
        } else {
            Fodselsnummer::parse(&self.patient_fnr, ctx)
                .map_err(|e| r.push(Issue::from_id_error("patient_fnr", e)))
                .ok()
        };
        let name = text(&mut r, "patient_name", &self.patient_name);
        let phone = if self.patient_phone.trim().is_empty() {
            r.push(Issue::error("patient_phone", IssueCode::Required));
            None
        } else {
            self.patient_phone
                .parse::<Telefon>()
                .map_err(|e| r.push(Issue::from_id_error("patient_phone", e)))
                .ok()
        };
        let specialty = text(&mut r, "specialty", &self.specialty);
        let frist = date(&mut r, "fristdato", &self.fristdato);
        let referral = date(&mut r, "referral_received", &self.referral_received);
        let warning = date(&mut r, "warning_sent", &self.warning_sent);
        let kind = if self.kind.trim().is_empty() {
            r.push(Issue::error("kind", IssueCode::Required));
            None
        } else {
            match self.kind.parse::<BreachKind>() {
                Ok(k) => Some(k),
                Err(_) => {
                    r.push(
                        Issue::error("kind", IssueCode::NotOneOf)
                            .with("allowed", "expected, occurred"),
                    );
                    None
                }
            }
        };
        let today = ctx.today;
        if referral.is_some_and(|d| d > today) {
            r.push(Issue::error("referral_received", IssueCode::DateInFuture).with("today", today));
        }
        if warning.is_some_and(|d| d > today) {
            r.push(Issue::error("warning_sent", IssueCode::DateInFuture).with("today", today));
        }
        if let (Some(w), Some(rr)) = (warning, referral)
            && w < rr
        {
            r.push(
                Issue::error("warning_sent", IssueCode::DateBeforeReferral).with("referral", rr),
            );
        }
        // FB-1: fristdato ≥ referral date.
        if let (Some(f), Some(rr)) = (frist, referral)
            && f < rr
        {
            r.push(Issue::error("fristdato", IssueCode::DateBeforeReferral).with("referral", rr));
        }
        // FB-1: occurred needs fristdato < today; expected needs fristdato ≥ today.
        match (frist, kind) {
            (Some(f), Some(BreachKind::Occurred)) if f >= today => {
                r.push(
                    Issue::error("fristdato", IssueCode::OccurredNeedsPastFrist)
                        .with("today", today),
                );
            }
            (Some(f), Some(BreachKind::Expected)) if f < today => {
                r.push(
                    Issue::error("fristdato", IssueCode::ExpectedNeedsFutureFrist)
                        .with("today", today),
                );
            }
            _ => {}
        }
        let urgent_reason = if self.urgent {
            text(&mut r, "urgent_reason", &self.urgent_reason).or_else(|| {
                // `text` reported `required`; give the reason's own code instead.
                if let Some(last) = r.issues.last_mut()
                    && last.path == "urgent_reason"
                    && last.code == IssueCode::Required
                {
                    last.code = IssueCode::UrgentNeedsReason;
                }
                None
            })
        } else {
            None
        };
        match (fnr, name, phone, specialty, frist, referral, warning, kind) {
            (
                Some(fnr),
                Some(patient_name),
                Some(patient_phone),
                Some(specialty),
                Some(fristdato),
                Some(referral_received),
                Some(warning_sent),
                Some(kind),
            ) if !r.has_errors() => Ok(Notification {
                fnr,
                patient_name,
                patient_phone,
                specialty,
                fristdato,
                referral_received,
                warning_sent,
                kind,
                urgent_reason,
            }),
            _ => Err(r),
        }
    }
}
