//! FB-1: the hospital's notification as the site types it, and its check.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use crate::fields;
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
        /// The deadline will be breached.
        Expected,
        /// The deadline has been breached.
        Occurred,
    }
}

impl BreachKind {
    /// The kind's name in bokmål, as the receipt shows it.
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
    /// The patient's fødselsnummer (or D-number).
    pub patient_fnr: String,
    /// The patient's name.
    pub patient_name: String,
    /// The patient's phone number, for Helfo's call (FB-4).
    pub patient_phone: String,
    /// The specialty the patient waits for.
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
    /// FB-3: why the case is urgent, required when `urgent`.
    pub urgent_reason: String,
}

/// A notification that passed every FB-1 check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// The patient's checked fødselsnummer.
    pub fnr: Fodselsnummer,
    /// The patient's name.
    pub patient_name: String,
    /// The patient's phone number.
    pub patient_phone: Telefon,
    /// The specialty the patient waits for.
    pub specialty: String,
    /// The legal deadline for treatment.
    pub fristdato: NaiveDate,
    /// When the referral was received.
    pub referral_received: NaiveDate,
    /// When the patient was warned of the breach.
    pub warning_sent: NaiveDate,
    /// Whether the breach has happened or is expected.
    pub kind: BreachKind,
    /// The reason, when the site flags the case as medically urgent.
    pub urgent_reason: Option<String>,
}

/// The notification's dates, for the FB-1 rules between them.
struct Dates {
    frist: Option<NaiveDate>,
    referral: Option<NaiveDate>,
    warning: Option<NaiveDate>,
}

impl NotificationForm {
    /// Every FB-1 problem, field by field; or the checked notification.
    /// `ctx.today` is today in Europe/Oslo.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use frist_domain::fristbrudd::NotificationForm;
    /// use frist_domain::ids::FnrContext;
    /// use frist_domain::IssueCode;
    ///
    /// let ctx = FnrContext::production(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    /// let form = NotificationForm {
    ///     fristdato: "31.02.2026".into(),
    ///     ..NotificationForm::default()
    /// };
    /// let report = form.check(&ctx).unwrap_err();
    /// let fristdato = report.issues.iter().find(|i| i.path == "fristdato").unwrap();
    /// assert_eq!(fristdato.code, IssueCode::DateInvalid);
    /// ```
    pub fn check(&self, ctx: &FnrContext) -> Result<Notification, Report> {
        let mut r = Report::new();
        let fnr = fields::id(&mut r, "patient_fnr", &self.patient_fnr, |v| {
            Fodselsnummer::parse(v, ctx)
        });
        let name = fields::text(&mut r, "patient_name", &self.patient_name, TEXT_MAX);
        let phone = fields::id(&mut r, "patient_phone", &self.patient_phone, str::parse);
        let specialty = fields::text(&mut r, "specialty", &self.specialty, TEXT_MAX);
        let dates = Dates {
            frist: fields::date(&mut r, "fristdato", &self.fristdato),
            referral: fields::date(&mut r, "referral_received", &self.referral_received),
            warning: fields::date(&mut r, "warning_sent", &self.warning_sent),
        };
        let kind = self.breach_kind(&mut r);
        check_dates(&mut r, &dates, kind, ctx.today);
        let urgent_reason = self.urgent_reason(&mut r);
        let Dates {
            frist,
            referral,
            warning,
        } = dates;
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

    /// `expected` or `occurred`.
    fn breach_kind(&self, r: &mut Report) -> Option<BreachKind> {
        let kind = fields::required(r, "kind", &self.kind)?;
        let parsed = kind.parse::<BreachKind>();
        if parsed.is_err() {
            r.push(Issue::error("kind", IssueCode::NotOneOf).with("allowed", "expected, occurred"));
        }
        parsed.ok()
    }

    /// FB-3: the reason, required when the case is flagged urgent.
    fn urgent_reason(&self, r: &mut Report) -> Option<String> {
        if !self.urgent {
            return None;
        }
        let reason = fields::text(r, "urgent_reason", &self.urgent_reason, TEXT_MAX);
        // `text` reported `required`; give the reason's own code instead.
        if let Some(last) = r.issues.last_mut()
            && reason.is_none()
            && last.path == "urgent_reason"
            && last.code == IssueCode::Required
        {
            last.code = IssueCode::UrgentNeedsReason;
        }
        reason
    }
}

/// FB-1: the rules between the dates and today.
fn check_dates(r: &mut Report, dates: &Dates, kind: Option<BreachKind>, today: NaiveDate) {
    let Dates {
        frist,
        referral,
        warning,
    } = *dates;
    if referral.is_some_and(|d| d > today) {
        r.push(Issue::error("referral_received", IssueCode::DateInFuture).with("today", today));
    }
    if warning.is_some_and(|d| d > today) {
        r.push(Issue::error("warning_sent", IssueCode::DateInFuture).with("today", today));
    }
    if let (Some(w), Some(rr)) = (warning, referral)
        && w < rr
    {
        r.push(Issue::error("warning_sent", IssueCode::DateBeforeReferral).with("referral", rr));
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
                Issue::error("fristdato", IssueCode::OccurredNeedsPastFrist).with("today", today),
            );
        }
        (Some(f), Some(BreachKind::Expected)) if f < today => {
            r.push(
                Issue::error("fristdato", IssueCode::ExpectedNeedsFutureFrist).with("today", today),
            );
        }
        _ => {}
    }
}
