//! The message form as the clerk types it (every kind's fields in one form)
//! and the checked [`Message`] the edge stores.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::substitute::SubstituteFacts;
use super::timing::Timing;

/// FL-12: the version of the message form. A message built against another
/// version is refused; raise this whenever the form's fields change.
pub const SCHEMA_VERSION: u32 = 2;
/// The longest name, practice and place text.
pub const TEXT_MAX: usize = 120;

crate::named_enum! {
    /// FL-1, FL-2, FL-10: the kinds of message a municipality sends.
    pub enum MessageKind {
        /// FL-1: a GP has given notice.
        Termination,
        /// FL-2: a new GP agreement.
        NewGp,
        /// FL-2: a new list without a GP (ubesatt liste, e.g. a 0-list).
        NewVacantList,
        /// FL-9: a change of listetak, with the citizens who move.
        ListSize,
        /// FL-10: a substitute starts.
        SubstituteStart,
        /// FL-10: a substitute covers another GP than reported.
        SubstituteChange,
        /// FL-10: a substitute ends earlier than reported.
        SubstituteEnd,
    }
}

impl MessageKind {
    /// Its snake_case name (`new_gp`), as in JSON and [`MessageForm::kind`].
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Its name in bokmål («Ny fastlegeavtale»).
    pub const fn name_nb(self) -> &'static str {
        match self {
            MessageKind::Termination => "Oppsigelse av fastlegeavtale",
            MessageKind::NewGp => "Ny fastlegeavtale",
            MessageKind::NewVacantList => "Ny ubesatt liste",
            MessageKind::ListSize => "Endring av listetak",
            MessageKind::SubstituteStart => "Vikar starter",
            MessageKind::SubstituteChange => "Endring av vikariat",
            MessageKind::SubstituteEnd => "Vikariat avsluttes tidligere",
        }
    }

    /// Whether the message replaces an ended agreement (and so has an FL-6
    /// timing class).
    pub const fn replaces_agreement(self) -> bool {
        matches!(self, MessageKind::NewGp | MessageKind::NewVacantList)
    }
}

crate::named_enum! {
    /// FL-10: the substitute's competence.
    pub enum Competence {
        /// Specialist in general practice.
        Specialist,
        /// Approved GP (godkjent allmennlege).
        Approved,
        /// In specialisation.
        InSpecialisation,
        /// None of these.
        None,
    }
}

impl Competence {
    /// Its name in bokmål («Godkjent allmennlege»).
    pub const fn name_nb(self) -> &'static str {
        match self {
            Competence::Specialist => "Spesialist i allmennmedisin",
            Competence::Approved => "Godkjent allmennlege",
            Competence::InSpecialisation => "Under spesialisering i allmennmedisin",
            Competence::None => "Ingen av disse",
        }
    }
}

/// FL-2: the municipality's contact person — required on every message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContactForm {
    /// The contact person's name; required.
    pub name: String,
    /// Their phone number (ID-7); required.
    pub phone: String,
    /// Their e-mail address (ID-7); required.
    pub email: String,
}

/// One message as the clerk types it: every kind's fields in one form (a
/// kind uses its own and ignores the rest). Dates `dd.mm.åååå` or ISO;
/// numbers as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MessageForm {
    /// FL-12: the form version the message was built with.
    pub schema_version: u32,
    /// The [`MessageKind`] by its snake_case name (`new_gp`); required.
    pub kind: String,
    /// FL-2: the municipality's contact person.
    pub contact: ContactForm,
    /// The GP: the one resigning, starting, changing list, or covered.
    pub gp_name: String,
    /// The GP's HPR number (ID-6); not asked for a new vacant list.
    pub gp_hpr: String,
    /// Optional; gives the FL-1 age-limit date on the dashboard.
    pub gp_birth_date: String,
    /// The practice (legesenter): of a termination (FL-1) or a new GP or
    /// vacant list.
    pub practice: String,
    // termination (FL-1)
    /// FL-1: the day the GP gave notice; not in the future.
    pub notice_date: String,
    /// Months of notice; empty means the default 6.
    pub notice_months: String,
    /// Empty means computed from the notice.
    pub last_working_day: String,
    // new GP / vacant list (FL-2 … FL-6)
    /// The first day of a new GP agreement or vacant list (FL-4 … FL-6), or of
    /// a substitute's period (FL-10).
    pub start_date: String,
    /// The new list's listetak, within the deployment's list bounds (FL-10).
    pub listetak: String,
    /// The termination message this replaces (its id), if any.
    pub replaces: String,
    /// FL-8: how many citizens move to the new list.
    pub citizens_moved: String,
    // list size (FL-9)
    /// The day a list-size change takes effect (FL-9), or a substitute starts
    /// covering another GP (FL-10).
    pub effective_date: String,
    /// FL-9: the citizens on the list now.
    pub current_list_size: String,
    /// FL-9: the listetak from `effective_date` on.
    pub new_listetak: String,
    /// FL-9: where the citizens who move go; required when any move.
    pub move_to: String,
    /// FL-9: the clerk has confirmed the consequence in words.
    pub confirmed: bool,
    // FL-11
    /// FL-11: the new GP or substitute is self-employed, and so needs a direct
    /// settlement agreement with Helfo.
    pub self_employed: bool,
    /// FL-11: the agreement's first day; missing or after the start is a
    /// warning.
    pub direct_settlement_date: String,
    // substitutes (FL-10)
    /// FL-10: the substitute's name.
    pub substitute_name: String,
    /// FL-10: the substitute's HPR number (ID-6).
    pub substitute_hpr: String,
    /// FL-10: the substitute's [`Competence`] by its snake_case name; required
    /// when a substitute starts.
    pub competence: String,
    /// FL-10: the substitute has completed LIS1.
    pub lis1_completed: bool,
    /// FL-10: the substitute's last day: of a new period, or the earlier end.
    pub end_date: String,
    /// FL-2: what the clerk wants Helfo to know besides the fields (seed
    /// 003: «Gjerne med utfyllende kommentar dersom en føler at det er
    /// nødvendig»). Optional.
    pub comment: String,
}

/// The longest comment on a message.
pub const COMMENT_MAX: usize = 1000;

/// A checked message: what the edge stores and lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// What the message reports.
    pub kind: MessageKind,
    /// When it takes effect (start, the day after termination, the change).
    pub effective: NaiveDate,
    /// FL-4 … FL-7: the message's timeline, from the day it is sent.
    pub timing: Timing,
    /// The GP's HPR number; `None` for a new vacant list.
    pub gp_hpr: Option<String>,
    /// The GP's name; `None` for a new vacant list.
    pub gp_name: Option<String>,
    /// FL-1: the GP's birth date, when the form gave one (never on a
    /// substitute message).
    pub gp_birth_date: Option<NaiveDate>,
    /// FL-8: the citizens who move, and so get a letter.
    pub citizens_moved: u32,
    /// A one-line description for lists, in bokmål.
    pub summary_nb: String,
    /// FL-10: who substitutes, and when, for the one-year total.
    pub substitute: Option<SubstituteFacts>,
}
