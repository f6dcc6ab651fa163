//! The case lists' orders as SQL, from one list of keys per order: the
//! `ORDER BY` and the keyset cursor's row value are both made from it, and
//! FB-3's is held to the domain's comparator by a test.

/// A list's order as SQL: each column and whether it sorts descending; the
/// last is the id, so the order is total and a keyset cursor works.
pub type Order = &'static [(&'static str, bool)];

/// `GET /fristbrudd/cases`: next deadline first.
pub const LIST_ORDER: Order = &[("c.next_deadline", false), ("c.id", false)];

/// FB-3's queue order, key by key as
/// [`frist_domain::fristbrudd::queue_order`] compares: confirmed urgent
/// first, then earliest fristdato, then earliest notification, then id.
/// The unit test below holds the two to the same answer.
pub const QUEUE_ORDER: Order = &[
    ("c.urgent_confirmed", true),
    ("c.fristdato", false),
    ("c.notified_at", false),
    ("c.id", false),
];

/// `ORDER BY` of `order`.
pub(super) fn order_by(order: Order) -> String {
    let keys: Vec<String> = order
        .iter()
        .map(|(col, desc)| {
            if *desc {
                format!("{col} DESC")
            } else {
                (*col).to_owned()
            }
        })
        .collect();
    keys.join(", ")
}

/// The same order as one ascending row value, for the keyset cursor
/// (`(key) > (key of the cursor's case)`): a descending column is negated.
pub(super) fn cursor_key(order: Order) -> String {
    let keys: Vec<String> = order
        .iter()
        .map(|(col, desc)| {
            if *desc {
                format!("-{col}")
            } else {
                (*col).to_owned()
            }
        })
        .collect();
    keys.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use frist_domain::fristbrudd::{QueueItem, queue_order};

    #[test]
    fn the_sql_orders_read_as_before() {
        assert_eq!(order_by(LIST_ORDER), "c.next_deadline, c.id");
        assert_eq!(
            order_by(QUEUE_ORDER),
            "c.urgent_confirmed DESC, c.fristdato, c.notified_at, c.id"
        );
        assert_eq!(
            cursor_key(QUEUE_ORDER),
            "-c.urgent_confirmed, c.fristdato, c.notified_at, c.id"
        );
    }

    /// FB-3: sorting by [`QUEUE_ORDER`], column by column as SQLite would,
    /// gives the domain's `queue_order` for every pair of a set of cases
    /// that differ in each key.
    #[test]
    fn fb_3_the_queue_sql_orders_as_the_domain_does() {
        use std::cmp::Ordering;
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut items = Vec::new();
        for (i, (urgent, fristdato, notified_at)) in [
            (false, "2026-03-01", 5),
            (true, "2026-03-09", 9),
            (false, "2026-03-01", 2),
            (true, "2026-03-02", 9),
            (false, "2026-02-20", 7),
            (true, "2026-03-02", 1),
            (false, "2026-03-01", 2),
        ]
        .into_iter()
        .enumerate()
        {
            items.push(QueueItem {
                id: format!("fb{}", 9 - i),
                fristdato: d(fristdato),
                urgent,
                notified_at,
            });
        }
        let by_sql = |a: &QueueItem, b: &QueueItem| -> Ordering {
            QUEUE_ORDER.iter().fold(Ordering::Equal, |o, (col, desc)| {
                let key = match *col {
                    "c.urgent_confirmed" => i64::from(a.urgent).cmp(&i64::from(b.urgent)),
                    "c.fristdato" => a.fristdato.cmp(&b.fristdato),
                    "c.notified_at" => a.notified_at.cmp(&b.notified_at),
                    "c.id" => a.id.cmp(&b.id),
                    other => panic!("no field for {other}"),
                };
                o.then(if *desc { key.reverse() } else { key })
            })
        };
        for a in &items {
            for b in &items {
                assert_eq!(by_sql(a, b), queue_order(a, b), "{a:?} vs {b:?}");
            }
        }
    }
}
