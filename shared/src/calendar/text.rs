//! Dates as Norwegians write and type them.

use chrono::{Datelike, NaiveDate};

/// Formats a date the Norwegian way, `dd.mm.åååå`.
pub fn format_nb(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// Parses `dd.mm.åååå` (also `d.m.åååå`) or ISO `åååå-mm-dd`: digits
/// only, four of them for the year (found by fuzzing: `-1-1-1` once read
/// as the year −1).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    fn number(part: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
        (len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    }
    // The common case, `dd.mm.åååå`, without splitting.
    if let &[d1, d2, b'.', m1, m2, b'.', y1, y2, y3, y4] = text.as_bytes() {
        let digits = [d1, d2, m1, m2, y1, y2, y3, y4];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |a: u8, b: u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
            let year = n(y1, y2) * 100 + n(y3, y4);
            return NaiveDate::from_ymd_opt(year as i32, n(m1, m2), n(d1, d2));
        }
    }
    let t = text.trim();
    let (sep, iso) = if t.contains('-') {
        ('-', true)
    } else {
        ('.', false)
    };
    let mut parts = t.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (y, m, d) = if iso {
        (number(a, 4..=4)?, number(b, 2..=2)?, number(c, 2..=2)?)
    } else {
        (number(c, 4..=4)?, number(b, 1..=2)?, number(a, 1..=2)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}
