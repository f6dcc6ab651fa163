//! Kontonummer, a Norwegian bank account number (rule ID-5). Source: the
//! MOD11 rule of the Norwegian banks; python-stdnum `stdnum/no/kontonr.py`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{IdError, ascii, digits, mod11_remainder, string_conversions};

/// ID-5: weights over the first ten digits.
const WEIGHTS: [u8; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// A valid 11-digit account number. Displayed `XXXX XX XXXXX`.
///
/// ```
/// use frist_domain::ids::Kontonummer;
/// let k: Kontonummer = "8601.11.17947".parse().unwrap();
/// assert_eq!(k.to_string(), "8601 11 17947");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Kontonummer([u8; 11]);

impl Kontonummer {
    /// Checks without allocating.
    pub fn validate(text: &str) -> Result<(), IdError> {
        text.parse::<Self>().map(|_| ())
    }

    /// The eleven digits.
    pub fn as_str(&self) -> String {
        String::from_utf8_lossy(&ascii(&self.0)).into_owned()
    }
}

impl FromStr for Kontonummer {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        let d = digits::<11>(text)?;
        if mod11_remainder(&d[..10], &WEIGHTS, d[10]) != 0 {
            return Err(IdError::BadCheckDigit);
        }
        Ok(Self(d))
    }
}

impl fmt::Display for Kontonummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = ascii(&self.0);
        let s = std::str::from_utf8(&a).map_err(|_| fmt::Error)?;
        write!(f, "{} {} {}", &s[..4], &s[4..6], &s[6..])
    }
}

string_conversions!(Kontonummer);
