//! Norwegian identifiers (rules ID-1 … ID-7).
//!
//! Each identifier is a newtype that can only hold a valid value. Parsing
//! accepts what people type — spaces, dots and dashes between the digits — and
//! says exactly what is wrong when it fails ([`IdError`]). Every `validate`
//! function works on a stack buffer and never allocates, so the browser can run
//! it on each keystroke.

mod contact;
mod fnr;
mod hpr;
mod kontonr;
mod orgnr;

pub use contact::{Epost, Postnummer, Telefon};
pub use fnr::{
    FnrContext, FnrKind, Fodselsnummer, NEW_SERIES_FROM, check_digits_for as fnr_check_digits,
};
pub use hpr::HprNummer;
pub use kontonr::Kontonummer;
pub use orgnr::Organisasjonsnummer;

use crate::validation::IssueCode;

/// What is wrong with an identifier. One variant per broken rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Nothing was given.
    #[error("empty")]
    Empty,
    /// Characters other than digits and the separators people type.
    #[error("contains characters other than digits")]
    NotDigits,
    /// Too few or too many digits.
    #[error("expected {expected} digits, found {found}")]
    WrongLength {
        /// The digits the identifier has.
        expected: u8,
        /// The digits found.
        found: usize,
    },
    /// The check digit(s) do not match.
    #[error("bad check digit")]
    BadCheckDigit,
    /// ID-1: the date part is not a real date (31 April, 29 February in a
    /// common year, month 13 …).
    #[error("no such date")]
    NoSuchDate,
    /// ID-1: the individual number and year give no century.
    #[error("individual number and year give no century")]
    UnknownCentury,
    /// ID-1: the birth date is after today.
    #[error("birth date is after today")]
    BirthDateInFuture,
    /// ID-1: the number passes only the check-digit rule that starts on
    /// 1 January 2032, so it cannot have been issued yet.
    #[error("valid only under the 2032 check-digit rule, which is not in force yet")]
    NewSeriesNotYetIssued,
    /// ID-2: a synthetic test identity where only real ones are allowed.
    #[error("synthetic test identity not allowed here")]
    SyntheticNotAllowed,
    /// ID-6: all zeros (a placeholder, never a real number).
    #[error("all zeros")]
    AllZeros,
    /// ID-7: not a Norwegian phone number.
    #[error("not a Norwegian phone number")]
    BadPhone,
    /// ID-7: not an e-mail address.
    #[error("not an e-mail address")]
    BadEmail,
}

impl IdError {
    /// The product-wide issue code for this error.
    pub const fn code(self) -> IssueCode {
        match self {
            IdError::Empty => IssueCode::Required,
            IdError::NotDigits => IssueCode::IdNotDigits,
            IdError::WrongLength { .. } => IssueCode::IdWrongLength,
            IdError::BadCheckDigit => IssueCode::IdBadCheckDigit,
            IdError::NoSuchDate => IssueCode::IdNoSuchDate,
            IdError::UnknownCentury => IssueCode::IdUnknownCentury,
            IdError::BirthDateInFuture => IssueCode::IdBirthDateInFuture,
            IdError::NewSeriesNotYetIssued => IssueCode::IdNewSeriesNotYetIssued,
            IdError::SyntheticNotAllowed => IssueCode::IdSyntheticNotAllowed,
            IdError::AllZeros => IssueCode::IdAllZeros,
            IdError::BadPhone => IssueCode::PhoneInvalid,
            IdError::BadEmail => IssueCode::EmailInvalid,
        }
    }
}

/// Characters people type between digits of an identifier.
const fn is_separator(c: u8) -> bool {
    matches!(c, b' ' | b'.' | b'-' | b'\t')
}

/// Collects exactly `N` digits from `text`, skipping separators, without
/// allocating. Also accepts a non-breaking space (U+00A0), which spreadsheets
/// put into numbers.
/// The common case of [`digits`], exactly N ASCII digits, checked 16 bytes
/// at once: every byte must be 0x30..=0x39, high nibble 3 and low nibble at
/// most 9 (adding 6 to a low nibble never carries into the next byte).
fn exact_digits<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    const LOW: u128 = u128::from_le_bytes([0x0F; 16]);
    let exact = <&[u8; N]>::try_from(bytes).ok().filter(|_| N <= 16)?;
    let mut padded = [b'0'; 16];
    padded[..N].copy_from_slice(exact);
    let v = u128::from_le_bytes(padded);
    let low = v & LOW;
    let digits = v & !LOW == u128::from_le_bytes([0x30; 16])
        && (low + u128::from_le_bytes([0x06; 16])) & !LOW == 0;
    let mut out = [0u8; N];
    out.copy_from_slice(&low.to_le_bytes()[..N]);
    digits.then_some(out)
}

pub(crate) fn digits<const N: usize>(text: &str) -> Result<[u8; N], IdError> {
    let mut out = [0u8; N];
    if let Some(exact) = exact_digits(text.as_bytes()) {
        return Ok(exact);
    }
    let mut found = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_digit() {
            if found < N {
                out[found] = c - b'0';
            }
            found += 1;
        } else if c == 0xC2 && bytes.get(i + 1) == Some(&0xA0) {
            i += 1; // U+00A0 NO-BREAK SPACE
        } else if !is_separator(c) {
            return Err(IdError::NotDigits);
        }
        i += 1;
    }
    match found {
        0 => Err(IdError::Empty),
        n if n == N => Ok(out),
        n => Err(IdError::WrongLength {
            expected: N as u8,
            found: n,
        }),
    }
}

/// Mod-11 check: `(Σ weight·digit + check) mod 11`. A valid number gives 0.
pub(crate) fn mod11_remainder(digits: &[u8], weights: &[u8], check: u8) -> u32 {
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * u32::from(*w))
        .sum();
    (sum + u32::from(check)) % 11
}

/// `TryFrom<String>` (through `FromStr`) and `Into<String>` (through
/// `as_str`, the plain stored form) for serde's `try_from`/`into`.
macro_rules! string_conversions {
    ($($t:ty),*) => {$(
        impl TryFrom<String> for $t {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                s.parse()
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.as_str().to_string()
            }
        }
    )*};
}
pub(crate) use string_conversions;

/// Writes digits as ASCII into a fixed buffer.
pub(crate) fn ascii<const N: usize>(digits: &[u8; N]) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, d) in out.iter_mut().zip(digits) {
        *o = b'0' + d;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 16-at-once check agrees with a byte-by-byte one for every ASCII
    /// byte in every position.
    #[test]
    fn exact_digits_agrees_with_a_byte_at_a_time() {
        for pos in 0..11 {
            for b in 0u8..128 {
                let mut text = *b"31129956715";
                text[pos] = b;
                let expected = text
                    .iter()
                    .all(u8::is_ascii_digit)
                    .then(|| text.map(|c| c - b'0'));
                assert_eq!(exact_digits::<11>(&text), expected, "{pos} {b}");
            }
        }
        assert_eq!(exact_digits::<11>(b"3112995671"), None);
        assert_eq!(
            exact_digits::<9>(b"974760673"),
            Some([9, 7, 4, 7, 6, 0, 6, 7, 3])
        );
    }

    #[test]
    fn digits_accepts_what_people_type() {
        assert_eq!(digits::<4>("12 34"), Ok([1, 2, 3, 4]));
        assert_eq!(digits::<4>("12.3-4"), Ok([1, 2, 3, 4]));
        assert_eq!(digits::<4>("12\u{a0}34"), Ok([1, 2, 3, 4]));
        assert_eq!(digits::<4>("12a4"), Err(IdError::NotDigits));
        assert_eq!(digits::<4>("  "), Err(IdError::Empty));
        assert_eq!(
            digits::<4>("12345"),
            Err(IdError::WrongLength {
                expected: 4,
                found: 5
            })
        );
        assert_eq!(
            digits::<4>("123"),
            Err(IdError::WrongLength {
                expected: 4,
                found: 3
            })
        );
    }
}
