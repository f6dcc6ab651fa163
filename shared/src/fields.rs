//! The field parsers every form and every file line uses: required text of
//! a bounded length, dates, numbers, amounts and identifiers. Each reads one
//! field as typed, reports what is wrong with it under the field's path, and
//! gives the value when it is right.
//!
//! One answer per kind of mistake, on every form:
//!
//! | mistake | code |
//! |---|---|
//! | empty or only whitespace | `required` |
//! | text longer than its limit | `too_long` (`max`) |
//! | not a date | `date_invalid` |
//! | a date outside [`calendar::MIN_DATE`]..=[`calendar::MAX_DATE`] | `date_out_of_range` (`min`, `max`) |
//! | not a whole number in its bounds | `number_out_of_range` (`min`, `max`) |
//! | not an amount | `amount_invalid` |
//! | an identifier that breaks a rule | that rule's `id_*` code |
//!
//! ```
//! use frist_domain::fields;
//! use frist_domain::{IssueCode, Report};
//!
//! let mut report = Report::new();
//! let day = fields::date(&mut report, "fristdato", "30.04.2023");
//! assert_eq!(day.map(|d| d.to_string()).as_deref(), Some("2023-04-30"));
//! assert!(fields::date(&mut report, "fristdato", "01.01.1900").is_none());
//! assert_eq!(report.issues[0].code, IssueCode::DateOutOfRange);
//! ```

use chrono::NaiveDate;

use crate::calendar;
use crate::frikort::parse_amount;
use crate::ids::{HprNummer, IdError};
use crate::validation::{Issue, IssueCode, Report};

/// Where a parser puts what it found wrong: a form's [`Report`], or the
/// issue list of one file line.
pub trait IssueSink {
    /// Adds one issue.
    fn add(&mut self, issue: Issue);
}

impl IssueSink for Report {
    fn add(&mut self, issue: Issue) {
        self.push(issue);
    }
}

impl IssueSink for Vec<Issue> {
    fn add(&mut self, issue: Issue) {
        self.push(issue);
    }
}

/// Empty or only whitespace (as `trim().is_empty()`, stopping at the first
/// other character).
pub fn blank(text: &str) -> bool {
    // Most fields start with a printable ASCII character: no decoding.
    match text.as_bytes().first() {
        Some(b'!'..=b'~') => false,
        _ => text.chars().all(char::is_whitespace),
    }
}

/// `value`, or `required` when it is blank.
pub fn required<'a>(out: &mut impl IssueSink, path: &str, value: &'a str) -> Option<&'a str> {
    if blank(value) {
        out.add(Issue::error(path, IssueCode::Required));
        None
    } else {
        Some(value)
    }
}

/// Required text of at most `max` characters, trimmed.
pub fn text(out: &mut impl IssueSink, path: &str, value: &str, max: usize) -> Option<String> {
    let v = required(out, path, value)?.trim();
    if v.chars().count() > max {
        out.add(Issue::error(path, IssueCode::TooLong).with("max", max));
        return None;
    }
    Some(v.to_owned())
}

/// A required date, `dd.mm.åååå` or ISO, within the calendar's range.
pub fn date(out: &mut impl IssueSink, path: &str, value: &str) -> Option<NaiveDate> {
    required(out, path, value)?;
    let Some(d) = calendar::parse_date(value) else {
        out.add(Issue::error(path, IssueCode::DateInvalid));
        return None;
    };
    if !calendar::in_range(d) {
        out.add(
            Issue::error(path, IssueCode::DateOutOfRange)
                .with("min", calendar::MIN_DATE)
                .with("max", calendar::MAX_DATE),
        );
        return None;
    }
    Some(d)
}

/// A date that may be left empty; when given, as [`date`].
pub fn optional_date(out: &mut impl IssueSink, path: &str, value: &str) -> Option<NaiveDate> {
    if blank(value) {
        None
    } else {
        date(out, path, value)
    }
}

/// A whole number from `min` to `max` (spaces ignored); empty counts as
/// `default` when given, else it is `required`.
pub fn number(
    out: &mut impl IssueSink,
    path: &str,
    value: &str,
    bounds: (u32, u32),
    default: Option<u32>,
) -> Option<u32> {
    if blank(value) {
        if default.is_none() {
            out.add(Issue::error(path, IssueCode::Required));
        }
        return default;
    }
    optional_number(out, path, value, bounds)
}

/// A whole number that may be left empty; when given, as [`number`].
pub fn optional_number(
    out: &mut impl IssueSink,
    path: &str,
    value: &str,
    (min, max): (u32, u32),
) -> Option<u32> {
    let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if v.is_empty() {
        return None;
    }
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            out.add(
                Issue::error(path, IssueCode::NumberOutOfRange)
                    .with("min", i64::from(min))
                    .with("max", i64::from(max)),
            );
            None
        }
    }
}

/// A required amount in NOK as typed, in øre ([`parse_amount`]).
pub fn amount(out: &mut impl IssueSink, path: &str, value: &str) -> Option<i64> {
    required(out, path, value)?;
    optional_amount(out, path, value)
}

/// An amount that may be left empty; when given, as [`amount`].
pub fn optional_amount(out: &mut impl IssueSink, path: &str, value: &str) -> Option<i64> {
    if blank(value) {
        return None;
    }
    let a = parse_amount(value);
    if a.is_none() {
        out.add(Issue::error(path, IssueCode::AmountInvalid));
    }
    a
}

/// A required identifier read by `parse`; a broken rule is reported with
/// the identifier's own code (`id_*`) and parameters.
pub fn id<T>(
    out: &mut impl IssueSink,
    path: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, IdError>,
) -> Option<T> {
    let v = required(out, path, value)?;
    parse(v)
        .map_err(|e| out.add(Issue::from_id_error(path, e)))
        .ok()
}

/// A required HPR number.
pub fn hpr(out: &mut impl IssueSink, path: &str, value: &str) -> Option<HprNummer> {
    id(out, path, value.trim(), str::parse)
}

/// One of a closed set of names (an enum's wire names): `required` when
/// blank, `not_one_of` (`allowed`: every name) when it is none of them.
pub fn one_of<T>(out: &mut impl IssueSink, path: &str, value: &str) -> Option<T>
where
    T: std::str::FromStr + strum::IntoEnumIterator + Into<&'static str>,
{
    required(out, path, value)?;
    value.parse::<T>().ok().or_else(|| {
        let allowed: Vec<&'static str> = T::iter().map(Into::into).collect();
        out.add(Issue::error(path, IssueCode::NotOneOf).with("allowed", &*allowed.join(", ")));
        None
    })
}
