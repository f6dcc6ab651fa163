//! Fristbrudd in the browser (FB-1 … FB-11): the hospital's notification
//! form with its receipt, the case lists, Helfo's queue, the case page with
//! the actions each side may take now, the printable cover sheet for the
//! postal route, and Helfo's service-level dashboard.
//!
//! Every check is `frist_domain::fristbrudd`'s, run on each keystroke; the
//! edge runs the same checks again and remains the authority.
//!
//! One component per file; `pages/fristbrudd.rs` names the pages.

mod actions;
mod appointment_form;
mod case_detail;
mod case_facts;
mod case_fields;
mod case_fieldsets;
mod case_list;
mod case_table;
mod copy_case;
mod cover_sheet;
mod deadlines;
mod frist_check;
mod history;
mod letter_form;
mod new_case;
mod patient_search;
mod queue;
mod receipt;
mod stats;
mod upload;

pub use case_detail::CaseDetail;
pub use case_list::CaseList;
pub use cover_sheet::CoverSheet;
pub use new_case::NewCase;
pub use queue::Queue;
pub use stats::Stats;
