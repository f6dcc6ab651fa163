//! Organisasjonsnummer (rule ID-4). Source: Brønnøysundregistrene; the
//! algorithm as in python-stdnum `stdnum/no/orgnr.py`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{IdError, ascii, digits, mod11_remainder, string_conversions};

/// ID-4: weights over the first eight digits.
const WEIGHTS: [u8; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

/// A valid 9-digit organisasjonsnummer.
///
/// ```
/// use frist_domain::ids::Organisasjonsnummer;
/// // Helse Sør-Øst RHF, one of the four RHFs of seed 002.
/// let o: Organisasjonsnummer = "991 324 968".parse().unwrap();
/// assert_eq!(o.to_string(), "991 324 968");
/// assert_eq!(o.as_str(), "991324968");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Organisasjonsnummer([u8; 9]);

impl Organisasjonsnummer {
    /// Checks without allocating.
    pub fn validate(text: &str) -> Result<(), IdError> {
        text.parse::<Self>().map(|_| ())
    }

    /// The nine digits.
    pub fn as_str(&self) -> String {
        String::from_utf8_lossy(&ascii(&self.0)).into_owned()
    }
}

impl FromStr for Organisasjonsnummer {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        let d = digits::<9>(text)?;
        // ID-4: mod 11; remainder 0 → check 0, remainder 1 → never issued.
        if mod11_remainder(&d[..8], &WEIGHTS, d[8]) != 0 {
            return Err(IdError::BadCheckDigit);
        }
        Ok(Self(d))
    }
}

impl fmt::Display for Organisasjonsnummer {
    /// `XXX XXX XXX`, as Brønnøysundregistrene prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = ascii(&self.0);
        let s = std::str::from_utf8(&a).map_err(|_| fmt::Error)?;
        write!(f, "{} {} {}", &s[..3], &s[3..6], &s[6..])
    }
}

string_conversions!(Organisasjonsnummer);
