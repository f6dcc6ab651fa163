//! Postnummer, phone number and e-mail address (rule ID-7).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{IdError, digits, string_conversions};

/// ID-7: exactly four digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Postnummer([u8; 4]);

impl FromStr for Postnummer {
    type Err = IdError;
    fn from_str(text: &str) -> Result<Self, IdError> {
        digits::<4>(text).map(Self)
    }
}

impl Postnummer {
    /// The four digits.
    pub fn as_str(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Postnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0 {
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// ID-7: a Norwegian phone number, 8 digits, with an optional `+47` or `0047`
/// prefix; spaces allowed. Stored as the 8 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Telefon([u8; 8]);

impl FromStr for Telefon {
    type Err = IdError;
    fn from_str(text: &str) -> Result<Self, IdError> {
        let t = text.trim();
        let rest = if let Some(r) = t.strip_prefix("+47") {
            r
        } else if let Some(r) = t.strip_prefix("0047") {
            r
        } else {
            t
        };
        match digits::<8>(rest) {
            Ok(d) => Ok(Self(d)),
            Err(IdError::Empty) => Err(IdError::Empty),
            Err(_) => Err(IdError::BadPhone),
        }
    }
}

impl Telefon {
    /// The eight digits, without prefix or spaces.
    pub fn as_str(&self) -> String {
        self.0.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

impl fmt::Display for Telefon {
    /// `XX XX XX XX`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{}{} {}{} {}{} {}{}",
            d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]
        )
    }
}

/// ID-7: an e-mail address: one `@`, something before it, and a dot inside
/// the domain. Stored trimmed, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Epost(String);

impl Epost {
    /// Checks without allocating.
    pub fn validate(text: &str) -> Result<(), IdError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(IdError::Empty);
        }
        let mut parts = t.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(IdError::BadEmail);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok || t.chars().any(char::is_whitespace) {
            return Err(IdError::BadEmail);
        }
        Ok(())
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Epost {
    type Err = IdError;
    fn from_str(text: &str) -> Result<Self, IdError> {
        Self::validate(text)?;
        Ok(Self(text.trim().to_owned()))
    }
}

impl fmt::Display for Epost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_conversions!(Postnummer, Telefon, Epost);
