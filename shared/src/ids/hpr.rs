//! HPR-nummer, the health personnel register number (rule ID-6). No check
//! digit is published (Helsedirektoratet); NAV's systems left-pad to 9 digits.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{IdError, is_separator, string_conversions};

/// ID-6: at most this many digits; stored left-padded to it.
const MAX_DIGITS: usize = 9;

/// A valid HPR number, stored as 9 digits.
///
/// ```
/// use frist_domain::ids::HprNummer;
/// let h: HprNummer = "1234567".parse().unwrap();
/// assert_eq!(h.as_str(), "001234567");
/// assert!("0000000".parse::<HprNummer>().is_err()); // the seed's placeholder
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HprNummer(u32);

impl HprNummer {
    /// Checks without allocating.
    pub fn validate(text: &str) -> Result<(), IdError> {
        text.parse::<Self>().map(|_| ())
    }

    /// Left-padded to 9 digits.
    pub fn as_str(&self) -> String {
        format!("{:09}", self.0)
    }

    /// The number as an integer.
    pub const fn get(&self) -> u32 {
        self.0
    }
}

impl FromStr for HprNummer {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        let mut value: u32 = 0;
        let mut found = 0usize;
        for c in text.bytes() {
            if c.is_ascii_digit() {
                found += 1;
                if found <= MAX_DIGITS {
                    value = value * 10 + u32::from(c - b'0');
                }
            } else if !is_separator(c) {
                return Err(IdError::NotDigits);
            }
        }
        match found {
            0 => Err(IdError::Empty),
            n if n > MAX_DIGITS => Err(IdError::WrongLength {
                expected: MAX_DIGITS as u8,
                found: n,
            }),
            _ if value == 0 => Err(IdError::AllZeros),
            _ => Ok(Self(value)),
        }
    }
}

impl fmt::Display for HprNummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

string_conversions!(HprNummer);
