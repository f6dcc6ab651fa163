//! Fastlege: a municipality's messages to the GP register (rules FL-1 …
//! FL-12, seeds 001 and 003). What Helfo registers is on Helsenorge at once
//! and cannot be undone, so every message is checked — and its timing
//! consequences shown — before it is sent.
//!
//! [`MessageForm::check`] validates one message of any kind and returns the
//! [`Report`] (errors refuse the message; warnings are shown and sent along)
//! and, when there are no errors, the [`Message`] the edge stores. The date
//! rules are free functions: [`last_working_day`] (FL-1),
//! [`expected_registration`] (FL-5), [`visible_month_before`] (FL-4),
//! [`timing_class`] (FL-6), [`chase_from`] (FL-7), [`turns_age`] (FL-1).

mod check;
mod list;
mod message;
mod substitute;
mod termination;
mod timing;
mod wire;

pub use check::{CheckContext, ListBounds, Replaced};
pub use list::moves_in_words;
pub use message::{
    COMMENT_MAX, Competence, ContactForm, Message, MessageForm, MessageKind, SCHEMA_VERSION,
    TEXT_MAX,
};
pub use substitute::{
    SubstituteFacts, UNAPPROVED_SUBSTITUTE_YEARS, substitute_total, unapproved_periods,
};
pub use timing::{
    AGE_LIMIT, CLASS_I_DAYS, NOTICE_MONTHS, PROCESSING_WORKING_DAYS, Timing, TimingClass,
    VISIBLE_DAYS, chase_from, expected_registration, last_working_day, latest_for_visibility,
    termination_date, timing, timing_class, turns_age, visible_month_before,
};
pub use wire::{
    AgeLimit, Dashboard, Ending, MessageCreated, MessageView, RegisterRequest, Status,
    message_number, reaching_age_limit,
};
