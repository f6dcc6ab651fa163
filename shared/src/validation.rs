//! The one way frist tells a person what is wrong: a [`Report`] of coded
//! [`Issue`]s. The browser renders it next to each field; the edge returns the
//! very same JSON (under `issues` in a problem+json body) when it refuses a
//! submission; the CLI prints it.
//!
//! Wire form (documented in the README):
//!
//! ```json
//! {"issues": [{"path": "patient.fnr", "code": "id_bad_check_digit",
//!              "severity": "error", "params": {}}]}
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::IdError;

/// Whether an issue blocks. Warnings never block a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Refuses the form or line.
    Error,
    /// Shown and sent along; never blocks.
    Warning,
}

/// Every issue frist can report, product-wide. Serialised in `snake_case`;
/// each has a text in every language in [`crate::messages`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum IssueCode {
    // --- general ---
    /// A required field is empty.
    Required,
    /// Text is longer than allowed. Params: `max`.
    TooLong,
    /// Not a date. The UI asks for `dd.mm.åååå`.
    DateInvalid,
    /// A date outside the range frist can compute with. Params: `min`, `max`.
    DateOutOfRange,
    // --- identifiers (ID-1 … ID-7) ---
    /// Characters other than digits.
    IdNotDigits,
    /// Wrong number of digits. Params: `expected`, `found`.
    IdWrongLength,
    /// Check digit does not match.
    IdBadCheckDigit,
    /// ID-1: the date part is not a real date.
    IdNoSuchDate,
    /// ID-1: individual number and year give no century.
    IdUnknownCentury,
    /// ID-1: birth date after today.
    IdBirthDateInFuture,
    /// ID-1: valid only under the 2032 rule, not yet in force.
    IdNewSeriesNotYetIssued,
    /// ID-2: synthetic test identity refused in production.
    IdSyntheticNotAllowed,
    /// ID-6: all zeros.
    IdAllZeros,
    /// ID-7: not a Norwegian phone number.
    PhoneInvalid,
    /// ID-7: not an e-mail address.
    EmailInvalid,
    // --- requests and accounts ---
    /// The value is not one of the allowed ones. Params: `allowed`.
    NotOneOf,
    /// The referenced object does not exist (or is not visible to the user).
    NotFound,
    /// A number outside its range. Params: `min`, `max`.
    NumberOutOfRange,
    /// The body is not the JSON the route expects. Params: `line`, `column`.
    InvalidJson,
    /// A pagination cursor that frist did not hand out.
    CursorInvalid,
    /// The role does not fit the kind of organisation. Params: `role`, `kind`.
    RoleNotForOrgKind,
    /// A password shorter than allowed. Params: `min`.
    PasswordTooShort,
    /// The password is the e-mail address.
    PasswordIsEmail,
    /// Another object already has this value (an e-mail address, an orgnr).
    AlreadyExists,
    /// An administrator cannot deactivate their own account.
    CannotDeactivateSelf,
    // --- fristbrudd (FB-1 … FB-8) ---
    /// A date after today. Params: `today`.
    DateInFuture,
    /// FB-1: a date before the referral was received. Params: `referral`.
    DateBeforeReferral,
    /// FB-1: an occurred breach needs a fristdato before today. Params: `today`.
    OccurredNeedsPastFrist,
    /// FB-1: an expected breach needs a fristdato today or later. Params: `today`.
    ExpectedNeedsFutureFrist,
    /// FB-3: a medically urgent case needs a reason.
    UrgentNeedsReason,
    /// FB-1: the patient already has an open case at this site. Params: `case_number`.
    OpenCaseExists,
    /// FB-4…8: a transition the state machine does not allow now.
    /// Params: `state`, `event`, `allowed`.
    TransitionNotAllowed,
    /// FB-4: the letter date is before the case was taken up or after today.
    /// Params: `state`, `event`, `allowed`.
    LetterDateInvalid,
    /// FB-4: "not reached" before the 3 contact days have passed. Params:
    /// `state`, `event`, `allowed`.
    NotReachedTooEarly,
    /// FB-8: the site reported an appointment; Helfo records its result
    /// first. Params: `state`, `event`, `allowed`.
    AppointmentAwaitsHelfo,
    /// FB-8: an appointment before today. Params: `state`, `event`, `allowed`.
    AppointmentInPast,
    /// FB-8: forwarding needs the documentation. Params: `state`, `event`, `allowed`.
    DocumentsMissing,
    /// FB-7: the case already has its one documentation file.
    /// Params: `state`, `event`, `allowed`.
    DocumentAlreadyUploaded,
    /// FB-7: the file is larger than allowed. Params: `max_mb`.
    FileTooLarge,
    /// FB-7: the file is not a PDF (checked by content, not by name).
    FileNotPdf,
    // --- fastlege (FL-1 … FL-12) ---
    /// FL-12: built against another form version. Params: `current`, `got`.
    SchemaOutdated,
    /// FL-1 (warning): the last working day differs from the notice rule.
    /// Params: `expected`, `months`.
    NoticePeriodDiffers,
    /// A date before the start it belongs to. Params: `start`.
    DateBeforeStart,
    /// FL-9: more citizens moved than the list takes. Params: `listetak`.
    MovedExceedsListetak,
    /// FL-9: list size, new cap and moves do not add up. Params: `current`,
    /// `new`, `expected`.
    ListNumbersDoNotAddUp,
    /// FL-9: moves given where nobody needs to move. Params: `current`, `new`.
    NoMoveNeeded,
    /// FL-9: the consequence must be confirmed in words. Params: `count`, `to`.
    ConfirmMoves,
    /// FL-11 (warning): self-employed without a direct settlement date.
    DirectSettlementMissing,
    /// FL-11 (warning): the agreement starts after the doctor does. Params: `start`.
    DirectSettlementAfterStart,
    /// FL-4 (warning): sent too late to be visible a month early. Params: `latest`.
    NotVisibleMonthBefore,
    /// FL-10: an unapproved substitute for more than a year. Params: `max_end`.
    SubstituteTooLong,
    /// FL-8: registered already; it cannot be undone.
    AlreadyRegistered,
    // --- frikort (FK-1 … FK-9) ---
    /// FK-1: not a positive amount in kroner with at most two decimals.
    AmountInvalid,
    /// FK-1: paid out before the transport. Params: `transport`.
    PayoutBeforeTransport,
    /// FK-6: received after the bar date. Params: `bar`.
    TimeBarred,
    /// FK-1 (warning): above a return trip's co-payment. Params: `max`.
    AmountAboveReturnTrip,
    /// FK-2 (warning): sent after the 6-month deadline. Params: `deadline`.
    LateSubmission,
    /// A row with another number of fields than the header. Params:
    /// `expected`, `found`.
    RaggedRow,
    /// A row that is not UTF-8 text.
    NotUtf8,
    /// FK-8: the same trip earlier in the file. Params: `first_line`.
    DuplicateTrip,
    /// FK-8: the same trip in an earlier claim. Params: `claim`.
    DuplicateEarlierClaim,
    /// FK-5: a rejection needs a reason code. Params: `allowed`.
    ReasonRequired,
    /// FK-9: the payment must be the approved lines not yet paid. Params: `expected`.
    PaymentNotApproved,
    /// FK-4: no approved line is waiting to be paid.
    NothingToPay,
    /// FK-9: no payout account is recorded for the health trust.
    PayoutAccountMissing,
    /// FK-9: not the account the RHF has set. Params: `expected`.
    AccountNotRegistered,
    /// FK-4: the line is paid; its decision stands.
    LineAlreadyPaid,
    /// FK-5: more approved than claimed. Params: `max`.
    ApprovedAboveClaimed,
    /// FK-5: "other" needs a note saying what the deviation rests on.
    NoteRequired,
    /// FK-7: no repayment when Helfo's own wrong information caused the advance.
    RepaymentNotOwed,
    /// A line that failed the checks cannot be approved.
    LineInvalid,
    // --- claims control (CTRL-1 … CTRL-9) ---
    /// Not a time of day `tt:mm`.
    TimeInvalid,
    /// A takst field that cannot be read. Params: `takst` (the bad part).
    TakstUnreadable,
    /// A takst the tariff year does not have. Params: `takst`, `year`.
    TakstUnknown,
    /// No tariff year covers the date (or the year asked for). Params: `year`.
    TariffYearMissing,
    /// CTRL-1: the same bill earlier in the file. Params: `first_line`.
    BillDuplicate,
    /// CTRL-1 (warning): the same bill but for the amount. Params: `first_line`.
    BillDiffersOnlyInAmount,
    /// CTRL-2: a takst that must stand alone. Params: `takst`.
    TakstMustStandAlone,
    /// CTRL-2: two takster that may not stand together. Params: `takst`, `other`.
    TakstInvalidCombination,
    /// CTRL-2: a takst outside the other's list of allowed companions.
    /// Params: `takst`, `other`.
    TakstNotInWhitelist,
    /// CTRL-3: a supplement without a main takst. Params: `takst`.
    TakstNeedsCompanion,
    /// CTRL-4: more repetitions than allowed. Params: `takst`, `max`, `count`.
    TakstRepeatedTooOften,
    /// CTRL-5: day and evening variant together. Params: `takst`, `other`.
    TakstDayAndEvening,
    /// CTRL-6 (warning): a substitute and the GP at the same date and time.
    /// Params: `other_line`, `other_hpr`.
    SubstituteOverlap,
    /// CTRL-7: treatment before the direct settlement agreement. Params: `from`.
    NoSettlementAgreement,
    /// CTRL-8: the bill reaches Helfo after the bar date. Params: `bar`.
    BillTimeBarred,
    /// (warning) The doctor is not on the practitioner list.
    DoctorNotListed,
    /// CTRL-9: figures for a GP another municipality has in the GP register
    /// (its fastlege messages) and this one has not.
    DoctorOfAnotherMunicipality,
    /// Not a case, message or claim number of frist.
    NotANumberOfFrist,
    /// The claim file was sent before, as the claim named. Params:
    /// `claim`, `date`.
    FileAlreadySent,
    /// Not a file fingerprint as frist makes it (32 hex digits).
    FingerprintInvalid,
}

impl IssueCode {
    /// The wire name, e.g. `id_bad_check_digit`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A parameter of an issue, filled into its message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    /// A whole number, written with a space between thousands.
    Int(i64),
    /// A date, written `dd.mm.åååå`.
    Date(NaiveDate),
    /// Text, as it is.
    Text(String),
}

impl From<i64> for Param {
    fn from(v: i64) -> Self {
        Param::Int(v)
    }
}
impl From<usize> for Param {
    fn from(v: usize) -> Self {
        Param::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<NaiveDate> for Param {
    fn from(v: NaiveDate) -> Self {
        Param::Date(v)
    }
}
impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::Text(v.to_owned())
    }
}

/// One finding: which field, what is wrong, how bad, and the values the
/// message needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// The field, as a path into the submitted document: `patient.fnr`,
    /// `lines[41].fnr`. Empty for the document as a whole.
    pub path: String,
    /// What is wrong.
    pub code: IssueCode,
    /// Whether it blocks.
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    /// The values the text names (`{max}`, `{today}` …).
    pub params: BTreeMap<String, Param>,
}

impl Issue {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, code: IssueCode) -> Self {
        Self {
            path: path.into(),
            code,
            severity: Severity::Error,
            params: BTreeMap::new(),
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, code: IssueCode) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, code)
        }
    }

    /// Adds a parameter.
    pub fn with(mut self, name: &str, value: impl Into<Param>) -> Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// The issue for an identifier that failed to parse, with its parameters.
    pub fn from_id_error(path: impl Into<String>, err: IdError) -> Self {
        let issue = Self::error(path, err.code());
        match err {
            IdError::WrongLength { expected, found } => issue
                .with("expected", i64::from(expected))
                .with("found", found),
            _ => issue,
        }
    }
}

/// The result of a validation: all issues found, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Every issue, in the order found.
    pub issues: Vec<Issue>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// A report of one issue.
    pub fn of(issue: Issue) -> Self {
        let mut r = Self::new();
        r.push(issue);
        r
    }

    /// Adds an issue.
    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    /// Whether any issue is an error (warnings never block).
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// The issues at one field.
    pub fn at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| i.path == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_wire_form_is_stable() {
        let mut r = Report::new();
        r.push(Issue::from_id_error(
            "patient.fnr",
            IdError::WrongLength {
                expected: 11,
                found: 10,
            },
        ));
        r.push(Issue::warning("lines[41].amount", IssueCode::TooLong).with("max", 80i64));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"issues":[{"path":"patient.fnr","code":"id_wrong_length","severity":"error","params":{"expected":11,"found":10}},{"path":"lines[41].amount","code":"too_long","severity":"warning","params":{"max":80}}]}"#
        );
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        assert!(r.has_errors());
    }

    #[test]
    fn warnings_alone_do_not_block() {
        let mut r = Report::new();
        r.push(Issue::warning("x", IssueCode::TooLong));
        assert!(!r.has_errors());
        assert!(!r.is_empty());
    }

    #[test]
    fn date_params_round_trip_as_dates() {
        let issue = Issue::error("d", IssueCode::DateOutOfRange)
            .with("min", NaiveDate::from_ymd_opt(1947, 1, 1).unwrap());
        let json = serde_json::to_string(&issue).unwrap();
        let back: Issue = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back.params["min"],
            Param::Date(NaiveDate::from_ymd_opt(1947, 1, 1).unwrap())
        );
    }
}
