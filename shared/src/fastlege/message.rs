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
    pub fn as_str(self) -> &'static str {
        self.into()
    }

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
    pub name: String,
    pub phone: String,
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
    pub kind: String,
    pub contact: ContactForm,
    /// The GP: the one resigning, starting, changing list, or covered.
    pub gp_name: String,
    pub gp_hpr: String,
    /// Optional; gives the FL-1 age-limit date on the dashboard.
    pub gp_birth_date: String,
    pub practice: String,
    // termination (FL-1)
    pub notice_date: String,
    /// Months of notice; empty means the default 6.
    pub notice_months: String,
    /// Empty means computed from the notice.
    pub last_working_day: String,
    // new GP / vacant list (FL-2 … FL-6)
    pub start_date: String,
    pub listetak: String,
    /// The termination message this replaces (its id), if any.
    pub replaces: String,
    /// FL-8: how many citizens move to the new list.
    pub citizens_moved: String,
    // list size (FL-9)
    pub effective_date: String,
    pub current_list_size: String,
    pub new_listetak: String,
    pub move_to: String,
    /// FL-9: the clerk has confirmed the consequence in words.
    pub confirmed: bool,
    // FL-11
    pub self_employed: bool,
    pub direct_settlement_date: String,
    // substitutes (FL-10)
    pub substitute_name: String,
    pub substitute_hpr: String,
    pub competence: String,
    pub lis1_completed: bool,
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
    pub kind: MessageKind,
    /// When it takes effect (start, the day after termination, the change).
    pub effective: NaiveDate,
    pub timing: Timing,
    pub gp_hpr: Option<String>,
    pub gp_name: Option<String>,
    pub gp_birth_date: Option<NaiveDate>,
    /// FL-8: the citizens who move, and so get a letter.
    pub citizens_moved: u32,
    /// A one-line description for lists, in bokmål.
    pub summary_nb: String,
    /// FL-10: who substitutes, and when, for the one-year total.
    pub substitute: Option<SubstituteFacts>,
}
