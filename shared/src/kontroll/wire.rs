//! The edge's types for CTRL-9: the month a page asks for and the upload of
//! a month's figures.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::peers::Distribution;
use super::peers::MonthUpload;
use super::peers::size_class;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

/// The most doctors one municipality's month may hold.
pub const MAX_DOCTORS: usize = 500;

crate::named_enum! {
    /// CTRL-9's comparable GPs: the same municipality size class, or all.
    pub enum PeerGroup {
        /// Municipalities of the same size class.
        Class,
        /// Every municipality.
        All,
    }
}

/// What the edge answers for a month: the distribution, with the
/// municipality's own doctors named and every other doctor a bare value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerView {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The size class the doctors are compared within.
    pub peers: PeerGroup,
    /// The municipality's class that month (`small`, `medium`, `large`).
    pub size_class: String,
    /// How many municipalities the peers come from.
    pub organisations: u64,
    /// CTRL-9's answer for the month.
    pub distribution: Distribution,
}

/// A month as `YYYY-MM`, not after today's month.
pub fn parse_month(text: &str, today: NaiveDate) -> Result<NaiveDate, Issue> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .ok()
        .filter(|_| text.trim().len() == 7);
    match first {
        None => Err(Issue::error("month", IssueCode::DateInvalid)),
        Some(m) if m > today => {
            Err(Issue::error("month", IssueCode::DateInFuture).with("today", today))
        }
        Some(m) => Ok(m),
    }
}

impl MonthUpload {
    /// The figures' own checks: each doctor once, list sizes a doctor can
    /// have, amounts that are not negative.
    pub fn check(&self) -> Report {
        let mut r = Report::new();
        if self.doctors.is_empty() {
            r.push(Issue::error("doctors", IssueCode::Required));
        }
        if self.doctors.len() > MAX_DOCTORS {
            r.push(
                Issue::error("doctors", IssueCode::NumberOutOfRange)
                    .with("min", 1i64)
                    .with("max", MAX_DOCTORS),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, d) in self.doctors.iter().enumerate() {
            if !seen.insert(d.hpr) {
                r.push(Issue::error(
                    format!("doctors[{i}].hpr"),
                    IssueCode::AlreadyExists,
                ));
            }
            if !(1..=10_000).contains(&d.listed) {
                r.push(
                    Issue::error(format!("doctors[{i}].listed"), IssueCode::NumberOutOfRange)
                        .with("min", 1i64)
                        .with("max", 10_000i64),
                );
            }
            if !(0..=100_000_000_000).contains(&d.refund_ore) {
                r.push(
                    Issue::error(
                        format!("doctors[{i}].refund_ore"),
                        IssueCode::NumberOutOfRange,
                    )
                    .with("min", 0i64)
                    .with("max", 100_000_000_000i64),
                );
            }
            if d.bills > 1_000_000 {
                r.push(
                    Issue::error(format!("doctors[{i}].bills"), IssueCode::NumberOutOfRange)
                        .with("min", 0i64)
                        .with("max", 1_000_000i64),
                );
            }
        }
        r
    }

    /// CTRL-9: the municipality's size class from its doctors' lists.
    pub fn size_class(&self) -> &'static str {
        size_class(self.doctors.iter().map(|d| u64::from(d.listed)).sum())
    }
}
