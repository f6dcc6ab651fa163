//! The front page's counts.

use serde::{Deserialize, Serialize};

/// (issue 24). An area the caller's role has no work in is absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// The day the counts are for (Europe/Oslo).
    pub today: chrono::NaiveDate,
    /// Helfo: every open case; a hospital: its own.
    pub fristbrudd: Option<WorkCounts>,
    /// Helfo: messages to register; a municipality: its messages Helfo has
    /// not registered yet.
    pub fastlege: Option<WorkCounts>,
    /// FL-7: terminations with no new GP or vacant list whose chase date
    /// has come — the very list Helfo asks about (a municipality: its own).
    pub chase: Option<u32>,
    /// Helfo: claims to settle; a health trust: its claims Helfo has not
    /// settled.
    pub frikort: Option<WorkCounts>,
}

/// An area's open items by where their deadline stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCounts {
    /// Open items in all.
    pub open: u32,
    /// Not yet taken up: a fristbrudd case Helfo has not started on, a
    /// claim with no line decided. Absent where it means nothing.
    pub new: Option<u32>,
    /// The deadline has passed.
    pub overdue: u32,
    /// The deadline is today or within seven days.
    pub due_this_week: u32,
    /// A hospital: cases where it must act now (documentation, the waiting
    /// list, an appointment date). A health trust: claims begun and not
    /// sent.
    pub act_now: Option<u32>,
}
