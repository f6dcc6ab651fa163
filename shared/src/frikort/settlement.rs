//! Helfo's settlement of a claim: decisions per line (FK-4, FK-5), payments
//! (FK-4, FK-9) and repayment demands (FK-7).

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::amount::format_ore;
use super::amount::parse_amount;
use super::claim::Payment;
use super::deadlines::time_bar;
use crate::fields;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

crate::named_enum! {
    /// FK-5: why Helfo pays other than claimed.
    pub enum Reason {
        /// The line failed the checks of FK-1/FK-6/FK-8.
        InvalidLine,
        /// FK-8: the trip was claimed before («Reisen er krevd før»).
        Duplicate,
        /// FK-6: the claim is time-barred («Foreldet»).
        TimeBarred,
        /// The patient had no frikort on the day of travel.
        NoFrikort,
        /// The amount is wrong («Feil beløp»).
        WrongAmount,
        /// Another reason, which the note must state (FK-5).
        Other,
    }
}

impl Reason {
    /// Its snake_case name (`time_barred`), as in JSON and a [`DecisionForm`].
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Its name in bokmål («Foreldet»).
    pub const fn name_nb(self) -> &'static str {
        match self {
            Reason::InvalidLine => "Linjen har feil",
            Reason::Duplicate => "Reisen er krevd før",
            Reason::TimeBarred => "Foreldet",
            Reason::NoFrikort => "Pasienten hadde ikke frikort på reisedagen",
            Reason::WrongAmount => "Feil beløp",
            Reason::Other => "Annet",
        }
    }
}

/// Helfo's decision on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Approved: as claimed, or at a lower amount with a reason (FK-5).
    Approved,
    /// Rejected, with a reason: nothing is paid for the line.
    Rejected,
}

/// A claim line as the API shows it (the fødselsnummer masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    /// The line's number in the file (the header is line 1).
    pub line: u64,
    /// ID-3: the patient's fødselsnummer masked, `DDMMYY *****` (of an invalid
    /// line: its first six digits as sent).
    pub fnr_masked: String,
    /// The date of transport; `None` for an invalid line.
    pub transport: Option<NaiveDate>,
    /// The date the HF paid out the frikort share; `None` for an invalid line.
    pub payout: Option<NaiveDate>,
    /// The co-payment claimed, in øre; `None` for an invalid line.
    pub amount_ore: Option<i64>,
    /// The HF's own reference (at most 100 characters kept); empty when none.
    pub reference: String,
    /// The line had no error when it arrived (FK-1, FK-6, FK-8); an invalid
    /// line is rejected with reason `invalid_line` at once (FK-4).
    pub valid: bool,
    /// What the checks found when the line arrived: errors and warnings.
    pub issues: Vec<Issue>,
    /// FK-4: Helfo's decision; `None` while the line waits for one.
    pub decision: Option<Decision>,
    /// FK-5: why Helfo deviates from the claim; `None` when it does not.
    pub reason: Option<Reason>,
    /// FK-5: what the deviation rests on, in Helfo's words.
    #[serde(default)]
    pub note: Option<String>,
    /// The amount approved, in øre (0 when rejected); `None` while undecided.
    pub approved_ore: Option<i64>,
    /// FK-4: the payment (its number) that paid the line.
    #[serde(default)]
    pub payment: Option<u32>,
}

/// The longest note on a decision (FK-5) or a repayment (FK-7).
pub const NOTE_MAX: usize = 500;

/// `POST …/lines/:line/decision` (FK-4, FK-5): approve (in full, or a
/// smaller amount with a reason) or reject with a reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DecisionForm {
    /// `approved` or `rejected`.
    pub decision: String,
    /// FK-5: a [`Reason`] by its snake_case name; required when the decision
    /// deviates from the claim.
    pub reason: String,
    /// An approved amount other than claimed (then a reason is required).
    pub amount: String,
    /// FK-5: the basis of a deviation; required with reason `other`.
    pub note: String,
}

/// `POST …/payment` (FK-4, FK-9): the approved lines not yet paid, paid on
/// a day to the account the RHF has set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentForm {
    /// The day paid, `dd.mm.åååå` or ISO; not in the future.
    pub paid_on: String,
    /// The amount in NOK: exactly the approved total of the lines not yet paid.
    pub amount: String,
    /// The account, to confirm it; empty means the one on record.
    pub account: String,
}

crate::named_enum! {
    /// FK-7: why a refund was not the HF's due.
    pub enum RepaymentCause {
        /// The HF's own claim was wrong (the ordinary case: repay).
        HfError,
        /// The HF advanced the share because Helfo told it something wrong:
        /// no repayment («HF plikter ikke å betale tilbake refusjon som
        /// skyldes uriktig informasjon fra HELFO»). An earlier refund on a
        /// like basis is not such information.
        HelfoInformation,
    }
}

/// `POST …/repayment` (FK-7): a demand to repay part of one payment, with
/// its cause and reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RepaymentForm {
    /// The payment's number; empty means the latest.
    pub payment: String,
    /// The amount in NOK to repay: at least 1 øre, at most what the payment
    /// paid and is not yet demanded back.
    pub amount: String,
    /// `hf_error` or `helfo_information`.
    pub cause: String,
    /// Why the HF must repay, in Helfo's words; required, at most
    /// [`NOTE_MAX`] characters.
    pub reason: String,
}

impl PaymentForm {
    /// FK-4, FK-9: a payment of the approved lines not yet paid
    /// (`payable_ore` over `payable_lines`), on a date not in the future, to
    /// the account the RHF has set (`registered`). Lines still undecided
    /// do not hold it back. The date and the account as stored — or every
    /// problem, field by field. The browser runs the same check as the
    /// caseworker types.
    pub fn check(
        &self,
        payable_lines: u64,
        payable_ore: i64,
        registered: Option<&str>,
        today: NaiveDate,
    ) -> Result<(NaiveDate, String), Report> {
        let mut r = Report::new();
        if payable_lines == 0 {
            r.push(Issue::error("", IssueCode::NothingToPay));
        }
        let paid_on = fields::date(&mut r, "paid_on", &self.paid_on);
        if let Some(d) = paid_on
            && d > today
        {
            r.push(Issue::error("paid_on", IssueCode::DateInFuture).with("today", today));
        }
        if payable_lines > 0 && parse_amount(&self.amount) != Some(payable_ore) {
            r.push(
                Issue::error("amount", IssueCode::PaymentNotApproved)
                    .with("expected", &*format_ore(payable_ore)),
            );
        }
        let account = self.account(&mut r, registered);
        match (paid_on, account) {
            (Some(d), Some(a)) if !r.has_errors() => Ok((d, a)),
            _ => Err(r),
        }
    }

    /// FK-9: the account the RHF has on record; what the caseworker types,
    /// when anything, must be that account.
    fn account(&self, r: &mut Report, registered: Option<&str>) -> Option<String> {
        match (registered, self.account.trim()) {
            (None, _) => {
                r.push(Issue::error("account", IssueCode::PayoutAccountMissing));
                None
            }
            (Some(on_record), "") => Some(on_record.to_owned()),
            (Some(on_record), typed) => match typed.parse::<crate::ids::Kontonummer>() {
                Ok(k) if k.as_str() == on_record => Some(k.as_str()),
                Ok(_) => {
                    let shown = on_record
                        .parse::<crate::ids::Kontonummer>()
                        .map_or_else(|_| on_record.to_owned(), |k| k.to_string());
                    r.push(
                        Issue::error("account", IssueCode::AccountNotRegistered)
                            .with("expected", &*shown),
                    );
                    None
                }
                Err(e) => {
                    r.push(Issue::from_id_error("account", e));
                    None
                }
            },
        }
    }
}

impl RepaymentForm {
    /// FK-7 and FK-6: which payment, an amount no larger than what it paid
    /// and is not yet demanded back, a cause that makes the HF owe it, a
    /// reason, and Helfo's claim not time-barred (3 years after that
    /// payment). The payment's number and the amount in øre, or every
    /// problem.
    pub fn check(&self, payments: &[Payment], today: NaiveDate) -> Result<(u32, i64), Report> {
        let mut r = Report::new();
        let payment = self.payment(&mut r, payments);
        if payments.is_empty() {
            r.push(Issue::error("payment", IssueCode::Required));
        }
        let amount = fields::amount(&mut r, "amount", &self.amount);
        let left = payment.map_or(0, |p| p.amount_ore - p.repaid_ore);
        if let Some(a) = amount
            && payment.is_some()
            && (a < 1 || a > left)
        {
            r.push(
                Issue::error("amount", IssueCode::NumberOutOfRange)
                    .with("min", 1i64)
                    .with("max", left),
            );
        }
        match self.cause.trim() {
            "" => r.push(Issue::error("cause", IssueCode::Required)),
            c => match c.parse::<RepaymentCause>() {
                Ok(RepaymentCause::HfError) => {}
                Ok(RepaymentCause::HelfoInformation) => {
                    r.push(Issue::error("cause", IssueCode::RepaymentNotOwed))
                }
                Err(_) => r.push(
                    Issue::error("cause", IssueCode::NotOneOf)
                        .with("allowed", "hf_error, helfo_information"),
                ),
            },
        }
        fields::text(&mut r, "reason", &self.reason, NOTE_MAX);
        if let Some(p) = payment
            && let Ok(bar) = time_bar(p.paid_on)
            && today > bar
        {
            r.push(Issue::error("", IssueCode::TimeBarred).with("bar", bar));
        }
        match (payment, amount) {
            (Some(p), Some(a)) if !r.has_errors() => Ok((p.n, a)),
            _ => Err(r),
        }
    }

    /// The payment demanded back: the one named, or the last.
    fn payment<'a>(&self, r: &mut Report, payments: &'a [Payment]) -> Option<&'a Payment> {
        match self.payment.trim() {
            "" => payments.last(),
            n => {
                let found = n
                    .parse::<u32>()
                    .ok()
                    .and_then(|n| payments.iter().find(|p| p.n == n));
                if found.is_none() {
                    let numbers: Vec<String> = payments.iter().map(|p| p.n.to_string()).collect();
                    r.push(
                        Issue::error("payment", IssueCode::NotOneOf)
                            .with("allowed", &*numbers.join(", ")),
                    );
                }
                found
            }
        }
    }
}

/// The claim number `FK-YYYY-NNNNNN`.
pub fn claim_number(year: i32, seq: i64) -> String {
    format!("FK-{year:04}-{seq:06}")
}

impl DecisionForm {
    /// The decision, its reason, note and approved amount for a line
    /// claiming `claimed` øre — or what is wrong. FK-5: every deviation has
    /// a reason, "other" a note on its basis, and Helfo never approves more
    /// than was claimed. FK-4: a paid line's decision stands.
    pub fn check(
        &self,
        claimed: i64,
        paid: bool,
    ) -> Result<(Decision, Option<Reason>, Option<String>, i64), crate::validation::Report> {
        use strum::IntoEnumIterator;
        let mut r = crate::validation::Report::new();
        if paid {
            r.push(Issue::error("decision", IssueCode::LineAlreadyPaid));
            return Err(r);
        }
        let reasons = || {
            Reason::iter()
                .map(Reason::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let reason = if self.reason.trim().is_empty() {
            None
        } else {
            match self.reason.trim().parse::<Reason>() {
                Ok(x) => Some(x),
                Err(_) => {
                    r.push(
                        Issue::error("reason", IssueCode::NotOneOf).with("allowed", &*reasons()),
                    );
                    None
                }
            }
        };
        let decision = match self.decision.trim() {
            "approved" => Decision::Approved,
            "rejected" => Decision::Rejected,
            other => {
                let code = if other.is_empty() {
                    IssueCode::Required
                } else {
                    IssueCode::NotOneOf
                };
                r.push(Issue::error("decision", code).with("allowed", "approved, rejected"));
                return Err(r);
            }
        };
        let amount = match fields::optional_amount(&mut r, "amount", &self.amount) {
            Some(a) if a > claimed => {
                r.push(
                    Issue::error("amount", IssueCode::ApprovedAboveClaimed)
                        .with("max", &*format_ore(claimed)),
                );
                claimed
            }
            Some(a) => a,
            None => claimed,
        };
        let deviates = decision == Decision::Rejected || amount != claimed;
        if deviates && reason.is_none() && self.reason.trim().is_empty() {
            r.push(Issue::error("reason", IssueCode::ReasonRequired).with("allowed", &*reasons()));
        }
        let note = self.note.trim();
        if reason == Some(Reason::Other) && note.is_empty() {
            r.push(Issue::error("note", IssueCode::NoteRequired));
        } else if note.chars().count() > NOTE_MAX {
            r.push(Issue::error("note", IssueCode::TooLong).with("max", NOTE_MAX));
        }
        if r.has_errors() {
            return Err(r);
        }
        let approved = if decision == Decision::Approved {
            amount
        } else {
            0
        };
        let note = (!note.is_empty()).then(|| note.to_owned());
        Ok((decision, reason, note, approved))
    }
}
