//! Deadlines a user can take with them (issue 9): an iCalendar file
//! (RFC 5545, written by the `icalendar` crate) with one all-day event per
//! deadline and a reminder the day before.
//!
//! The events carry the case number and what is due — never the patient's
//! name or fødselsnummer, since calendars are synced to third parties. Each
//! event's UID is stable (case + deadline kind), so importing the file again
//! after a deadline moved updates the event instead of adding a second one.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

/// One deadline in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// Stable within the case (e.g. `contact_by`).
    pub key: &'static str,
    /// The day of the event.
    pub date: NaiveDate,
    /// The event's title as the user reads it.
    pub summary: String,
}

/// The calendar for the object `id`, named `name`, stamped `stamp` (the
/// caller's clock: the domain has none).
pub fn calendar(id: &str, name: &str, deadlines: &[Deadline], stamp: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for d in deadlines {
        cal.push(
            Event::new()
                .uid(&format!("{id}-{}@frist", d.key))
                .timestamp(stamp)
                .summary(&d.summary)
                .starts(d.date)
                // DTEND is exclusive (RFC 5545 §3.6.1): a one-day event ends the next day.
                .ends(d.date.succ_opt().unwrap_or(d.date))
                .alarm(
                    Alarm::display(&d.summary, -TimeDelta::days(1))
                        .uid(&format!("{id}-{}-reminder@frist", d.key))
                        .timestamp(stamp)
                        .done(),
                )
                .done(),
        );
    }
    cal.done().to_string()
}
