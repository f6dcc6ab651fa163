//! Fødselsnummer and the other person numbers (rules ID-1, ID-2, ID-3).
//!
//! Sources: Skatteetaten, "Nytt fødselsnummer fra 2032" and "Utvidelse av
//! D-nummerserien" (folkeregisteret-api-dokumentasjon); HIS 1001:2010
//! (Direktoratet for e-helse, hjelpenummer); Norsk helsenett, felles
//! hjelpenummer.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{IdError, ascii, digits, mod11_remainder};

mod birth;

use birth::{
    D_NUMBER_DAY_OFFSET, H_NUMBER_MONTH_OFFSET, TENOR_MONTH_OFFSET, date_key, extended_d_century,
    from_key, key_of, standard_century,
};

/// ID-1: weights of the first check digit K1 over digits 1–9.
const K1_WEIGHTS: [u8; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
/// ID-1: weights of the second check digit K2 over digits 1–10.
const K2_WEIGHTS: [u8; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
/// ID-1: from this date a K1 remainder of 1, 2 or 3 is also valid
/// (Skatteetaten's new number series).
pub const NEW_SERIES_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2032, 1, 1) {
    Some(d) => d,
    None => panic!("valid constant"),
};

/// The kind of person number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FnrKind {
    /// An ordinary fødselsnummer.
    Fodselsnummer,
    /// ID-2: day + 40.
    DNummer,
    /// ID-2: month + 40; an organisation's internal help number.
    HNummer,
    /// ID-2: first digit 8 or 9; Norsk helsenett's national help number.
    FhNummer,
}

impl FnrKind {
    /// The wire name (`fodselsnummer`, `d_nummer`, `h_nummer`, `fh_nummer`).
    pub const fn as_str(self) -> &'static str {
        match self {
            FnrKind::Fodselsnummer => "fodselsnummer",
            FnrKind::DNummer => "d_nummer",
            FnrKind::HNummer => "h_nummer",
            FnrKind::FhNummer => "fh_nummer",
        }
    }
}

/// What a person number is checked against: the date it is checked on, and
/// whether the deployment accepts synthetic test identities (test mode only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FnrContext {
    /// Today's date in Europe/Oslo (CAL-5). Birth dates after it are refused,
    /// and the 2032 check-digit rule applies from [`NEW_SERIES_FROM`].
    pub today: NaiveDate,
    /// ID-2: accept Tenor (+80) and NAV (D-number + 40) test identities.
    pub allow_synthetic: bool,
}

impl FnrContext {
    /// A production context: real identities only.
    pub const fn production(today: NaiveDate) -> Self {
        Self {
            today,
            allow_synthetic: false,
        }
    }
}

/// A valid Norwegian person number: fødselsnummer, D-, H- or FH-nummer.
///
/// The value is private and only reachable through parsing. `Debug` and
/// `Display` mask the personal part (ID-3), so a stray `{:?}` in a log line
/// cannot leak it; [`Fodselsnummer::as_str`] gives the full number to code that
/// must send or store it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fodselsnummer {
    digits: [u8; 11],
    kind: FnrKind,
    synthetic: bool,
    /// The birth date as a [`date_key`], turned into a date only when asked.
    birth: Option<u32>,
}

impl Fodselsnummer {
    /// ID-1/ID-2: parses and fully checks a person number for `ctx`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use frist_domain::ids::{FnrContext, FnrKind, Fodselsnummer};
    /// let ctx = FnrContext::production(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    /// let n = Fodselsnummer::parse("311299 56715", &ctx).unwrap();
    /// assert_eq!(n.kind(), FnrKind::Fodselsnummer);
    /// assert_eq!(n.birth_date(), NaiveDate::from_ymd_opt(1899, 12, 31));
    /// assert_eq!(n.masked(), "311299 *****");
    /// ```
    pub fn parse(text: &str, ctx: &FnrContext) -> Result<Self, IdError> {
        let (digits, kind, synthetic, birth) = Self::checked(text, ctx)?;
        Ok(Fodselsnummer {
            digits,
            kind,
            synthetic,
            birth,
        })
    }

    /// Checks without keeping the value: the cheap call for per-keystroke
    /// validation. Never allocates.
    pub fn validate(text: &str, ctx: &FnrContext) -> Result<(), IdError> {
        Self::checked(text, ctx).map(|_| ())
    }

    /// [`Fodselsnummer::parse`] up to building the value: the birth date is
    /// still a [`date_key`].
    fn checked(
        text: &str,
        ctx: &FnrContext,
    ) -> Result<([u8; 11], FnrKind, bool, Option<u32>), IdError> {
        let d = digits::<11>(text)?;
        let new_rule_allowed = ctx.today >= NEW_SERIES_FROM;
        let (kind, synthetic, birth) = classify_key(&d, new_rule_allowed, Some(ctx.today))?;
        if synthetic && !ctx.allow_synthetic {
            return Err(IdError::SyntheticNotAllowed);
        }
        Ok((d, kind, synthetic, birth))
    }

    /// The number's kind.
    pub const fn kind(&self) -> FnrKind {
        self.kind
    }

    /// ID-2: a synthetic test identity (Tenor +80, or a NAV D-number with
    /// month + 40).
    pub const fn synthetic(&self) -> bool {
        self.synthetic
    }

    /// The birth date, when the number gives one with certainty: never for
    /// FH-numbers or numbers valid only under the 2032 rule, and for D-numbers
    /// only when exactly one century fits.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.birth.and_then(from_key)
    }

    /// The eleven digits as one number (a compact key, e.g. for FK-8).
    pub fn number(&self) -> u64 {
        // In pairs, then fours, so the multiplications do not wait on one
        // another in a chain of eleven.
        let d = self.digits.map(u64::from);
        let pair = |i: usize| d[i] * 10 + d[i + 1];
        let four = |i: usize| pair(i) * 100 + pair(i + 2);
        (four(0) * 10_000 + four(4)) * 1_000 + pair(8) * 10 + d[10]
    }

    /// The eleven digits.
    pub fn as_str(&self) -> String {
        String::from_utf8_lossy(&ascii(&self.digits)).into_owned()
    }

    /// ID-3: the masked form for lists, `DDMMYY *****`.
    pub fn masked(&self) -> String {
        let a = ascii(&self.digits);
        format!("{} *****", String::from_utf8_lossy(&a[..6]))
    }
}

impl fmt::Debug for Fodselsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fodselsnummer")
            .field("masked", &self.masked())
            .field("kind", &self.kind)
            .finish()
    }
}

impl fmt::Display for Fodselsnummer {
    /// Masked (ID-3). Use [`Fodselsnummer::as_str`] for the full number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Structural parsing, independent of the date: check digits (accepting the
/// 2032 rule), a real date in some century, synthetic numbers allowed. It is
/// what serde uses; a caller that decides on a real submission must also call
/// [`Fodselsnummer::parse`] with today's context.
impl FromStr for Fodselsnummer {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let d = digits::<11>(text)?;
        let (kind, synthetic, birth) = classify_key(&d, true, None)?;
        Ok(Fodselsnummer {
            digits: d,
            kind,
            synthetic,
            birth,
        })
    }
}

impl TryFrom<&str> for Fodselsnummer {
    type Error = IdError;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl Serialize for Fodselsnummer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

impl<'de> Deserialize<'de> for Fodselsnummer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Which check-digit rule a number satisfies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CheckRule {
    /// K1 remainder 0: valid at any date.
    Classic,
    /// K1 remainder 1, 2 or 3: valid only from 2032.
    NewSeries,
}

/// ID-1: both check digits. K2 is strict; K1 may leave remainder 0 (classic)
/// or 1–3 (the 2032 series).
fn check_digits(d: &[u8; 11]) -> Result<CheckRule, IdError> {
    if mod11_remainder(&d[..10], &K2_WEIGHTS, d[10]) != 0 {
        return Err(IdError::BadCheckDigit);
    }
    match mod11_remainder(&d[..9], &K1_WEIGHTS, d[9]) {
        0 => Ok(CheckRule::Classic),
        1..=3 => Ok(CheckRule::NewSeries),
        _ => Err(IdError::BadCheckDigit),
    }
}

/// ID-1/ID-2 on the digits: the kind, whether synthetic, and the birth date
/// as a [`date_key`] when exactly one century fits.
fn classify_key(
    d: &[u8; 11],
    new_rule_allowed: bool,
    today: Option<NaiveDate>,
) -> Result<(FnrKind, bool, Option<u32>), IdError> {
    let rule = check_digits(d)?;
    if rule == CheckRule::NewSeries && !new_rule_allowed {
        return Err(IdError::NewSeriesNotYetIssued);
    }

    // ID-2: FH-numbers carry no date; only the check digits are checked.
    if d[0] >= 8 {
        return Ok((FnrKind::FhNummer, false, None));
    }

    let day_field = d[0] * 10 + d[1];
    let month_field = d[2] * 10 + d[3];
    let yy = u32::from(d[4]) * 10 + u32::from(d[5]);
    let individual = u32::from(d[6]) * 100 + u32::from(d[7]) * 10 + u32::from(d[8]);

    let (day, is_d) = match day_field {
        1..=31 => (day_field, false),
        41..=71 => (day_field - D_NUMBER_DAY_OFFSET, true),
        _ => return Err(IdError::NoSuchDate),
    };
    let (month, plus40, tenor) = match month_field {
        1..=12 => (month_field, false, false),
        41..=52 => (month_field - H_NUMBER_MONTH_OFFSET, true, false),
        81..=92 => (month_field - TENOR_MONTH_OFFSET, false, true),
        _ => return Err(IdError::NoSuchDate),
    };
    let (kind, synthetic) = match (is_d, plus40, tenor) {
        (true, false, t) => (FnrKind::DNummer, t),
        // ID-2: a D-number with month + 40 is NAV's synthetic D-number.
        (true, true, _) => (FnrKind::DNummer, true),
        (false, true, _) => (FnrKind::HNummer, false),
        (false, false, t) => (FnrKind::Fodselsnummer, t),
    };
    let (day, month) = (u32::from(day), u32::from(month));

    // ID-1: a number valid only by the 2032 rule carries no century; its DDMM
    // must be a real date in some year ending in YY.
    if rule == CheckRule::NewSeries {
        let some_year = if yy.is_multiple_of(4) { 2000 } else { 2001 };
        date_key(some_year, month, day).ok_or(IdError::NoSuchDate)?;
        return Ok((kind, synthetic, None));
    }

    let standard = standard_century(individual, yy);
    // ID-2: since 16 Nov 2021 a D-number may also come from the extended
    // series, so either table may give the century.
    let extended = is_d.then(|| extended_d_century(individual, yy)).flatten();
    let birth = |century: u32| {
        let date = date_key(century + yy, month, day).ok_or(IdError::NoSuchDate)?;
        // Today's month and day are looked at only within its year.
        let year = date >> 9;
        match today.map(|t| (t.year_ce().1, t)) {
            Some((ty, t)) if year > ty || year == ty && date > key_of(t) => {
                Err(IdError::BirthDateInFuture)
            }
            _ => Ok(date),
        }
    };
    match (standard, extended.filter(|c| Some(*c) != standard)) {
        (None, None) => Err(IdError::UnknownCentury),
        (Some(century), None) | (None, Some(century)) => {
            Ok((kind, synthetic, Some(birth(century)?)))
        }
        // Two centuries fit: valid when either gives a real past date, with
        // a birth date only when exactly one does.
        (Some(a), Some(b)) => match (birth(a), birth(b)) {
            (Ok(date), Err(_)) | (Err(_), Ok(date)) => Ok((kind, synthetic, Some(date))),
            (Ok(_), Ok(_)) => Ok((kind, synthetic, None)),
            (Err(IdError::NoSuchDate), Err(IdError::NoSuchDate)) => Err(IdError::NoSuchDate),
            (Err(_), Err(_)) => Err(IdError::BirthDateInFuture),
        },
    }
}

/// Computes a valid classic K1K2 pair for nine leading digits, when one exists.
/// For generators of test data and the CLI's documentation examples.
pub fn check_digits_for(first9: &[u8; 9]) -> Option<[u8; 2]> {
    let k1 = (11 - mod11_remainder(first9, &K1_WEIGHTS, 0)) % 11;
    if k1 == 10 {
        return None;
    }
    let mut ten = [0u8; 10];
    ten[..9].copy_from_slice(first9);
    ten[9] = k1 as u8;
    let k2 = (11 - mod11_remainder(&ten, &K2_WEIGHTS, 0)) % 11;
    if k2 == 10 {
        return None;
    }
    Some([k1 as u8, k2 as u8])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn number_is_the_eleven_digits() {
        for text in ["31129956715", "15038510190", "01019010046"] {
            let n: Fodselsnummer = text.parse().unwrap();
            assert_eq!(n.number(), text.parse::<u64>().unwrap());
        }
    }

    #[test]
    fn check_digits_for_builds_a_valid_number() {
        let first9 = [3, 1, 1, 2, 9, 9, 5, 6, 7];
        assert_eq!(check_digits_for(&first9), Some([1, 5]));
    }

    #[test]
    fn debug_never_shows_the_personal_part() {
        let n = Fodselsnummer::parse("31129956715", &FnrContext::production(today())).unwrap();
        let shown = format!("{n:?} {n}");
        assert!(!shown.contains("56715"), "{shown}");
    }
}
