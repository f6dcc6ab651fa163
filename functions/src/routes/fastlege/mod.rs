//! Fastlege routes (FL-1 … FL-12): a municipality sends messages to the GP
//! register, sees them and its dashboard; Helfo sees them soonest-effective
//! first, registers them (FL-8) and works the FL-7 chase list.
//!
//! Every check is `frist_domain::fastlege`'s — the same the browser ran on
//! each keystroke — with the municipality's own termination messages as the
//! agreements a new GP or vacant list may replace. The SQL is
//! [`crate::store::fastlege`]'s.

mod followup;
mod messages;

pub use followup::{chase, chase_by_email, dashboard, due_chase};
pub use messages::{create, get, list, register};
