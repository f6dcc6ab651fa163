//! Fristbrudd: a hospital's notice that a patient's legal deadline for
//! treatment is (or will be) breached, and Helfo's case from contact to
//! outcome (rules FB-1 … FB-11, seed 000).
//!
//! The notification is checked by [`NotificationForm::check`] (FB-1). A case
//! moves only through [`Case::apply`], which refuses any transition not in
//! the state machine and names the ones that are allowed. Deadlines (FB-4,
//! FB-5, FB-11), the site's waiting-list duty (FB-2), what the site must do
//! now, and Helfo's queue order (FB-3) are pure functions of the case.

mod case;
mod deadlines;
mod document;
mod event;
mod notification;
mod queue;
mod state;
mod stats;
mod wire;

pub use case::{Case, TransitionError, case_number};
pub use deadlines::{
    CONTACT_DAYS, DeadlineKind, Deadlines, REPLY_WORKING_DAYS, SERVICE_LIMIT_WORKING_DAYS,
    SiteAction, WaitingList, contact_by, reply_by, service_limit,
};
pub use document::{PDF_MAX_BYTES, check_pdf};
pub use event::{Actor, Event, EventForm, EventKind, event_date};
pub use notification::{BreachKind, Notification, NotificationForm, TEXT_MAX};
pub use queue::{QueueItem, queue_order};
pub use state::{State, Variant};
pub use stats::{MonthStats, ServiceFigures, monthly_stats, service_figures};
pub use wire::{
    CaseCreated, CaseSummary, CaseView, HistoryEntry, OutboxMessage, PatientCheck,
    PatientCheckAnswer, SweepRequest, SweepResult, mask_fnr, update_email,
};
