//! FB-3: the order of Helfo's work queue.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

/// FB-3: what the queue order needs of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// The case's number.
    pub id: String,
    /// The patient's legal deadline for treatment.
    pub fristdato: NaiveDate,
    /// Medically urgent, confirmed by Helfo.
    pub urgent: bool,
    /// When the notification arrived (Unix ms).
    pub notified_at: i64,
}

/// FB-3: confirmed urgent cases first, then earliest fristdato (seniority),
/// then earliest notification; the id settles exact ties.
pub fn queue_order(a: &QueueItem, b: &QueueItem) -> Ordering {
    b.urgent
        .cmp(&a.urgent)
        .then(a.fristdato.cmp(&b.fristdato))
        .then(a.notified_at.cmp(&b.notified_at))
        .then_with(|| a.id.cmp(&b.id))
}
