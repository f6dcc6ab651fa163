//! `/kontroll`: a municipality checks its doctors' bills before Helfo does
//! (CTRL-1 … CTRL-9). The bill file (an EPJ export) is checked here in the
//! browser with the same rules as `frist kontroll check`; no bill and no
//! patient leaves the browser. Only when the clerk asks are each doctor's
//! monthly sums sent, to compare the doctors with comparable GPs elsewhere.
//!
//! One component per file; `pages/kontroll.rs` names the pages.

mod bill_issues;
mod claims_control;
mod control;
mod control_inputs;
mod file;
mod names;
mod peer_chart;
mod peers;
mod per_doctor;
mod results;

pub use claims_control::Kontroll;
