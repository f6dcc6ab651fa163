//! The tariff table: one JSON file per tariff year in `shared/data/takster/`,
//! embedded at build time ([`Tariffs::builtin`]), checked when loaded.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use super::takst::Takst;

include!(concat!(env!("OUT_DIR"), "/tariffs.rs"));

/// One tariff year (1 July – 30 June), as one data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TariffYear {
    /// The year of its 1 July start (2024 is 1 July 2024 – 30 June 2025).
    pub year: i32,
    /// Its first day.
    pub valid_from: NaiveDate,
    /// Its last day; not before `valid_from` (checked when loaded).
    pub valid_to: NaiveDate,
    /// Where the year's takster come from.
    pub source: String,
    /// A note on the file, for the person who updates it: what was verified
    /// and what not; `None` when the file has none.
    #[serde(default)]
    pub note: Option<String>,
    /// Its takster, in the file's order; no code twice (checked when loaded).
    pub takster: Vec<Takst>,
    /// Lower-case code → index into `takster`.
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl TariffYear {
    /// A takst by code, in any case (`2AD` = `2ad`).
    pub fn takst(&self, code: &str) -> Option<&Takst> {
        self.index
            .get(&code.to_ascii_lowercase())
            .map(|i| &self.takster[*i])
    }
}

/// A problem in a tariff data file, found when it is loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TariffError {
    /// The file is not a tariff year as JSON.
    #[error("{file}: not a tariff year: {reason}")]
    Format {
        /// The name the file was loaded under.
        file: String,
        /// What the JSON reader found wrong.
        reason: String,
    },
    /// A takst code is listed twice (compared in lower case).
    #[error("{file}: takst {code} is listed twice")]
    DuplicateCode {
        /// The name the file was loaded under.
        file: String,
        /// The takst, as written the second time.
        code: String,
    },
    /// CTRL-5: a takst's `pair` does not name the takst back.
    #[error("{file}: takst {code} names the pair {pair}, which does not name it back")]
    PairNotSymmetric {
        /// The name the file was loaded under.
        file: String,
        /// The takst.
        code: String,
        /// The pair it names.
        pair: String,
    },
    /// `valid_to` is before `valid_from`.
    #[error("{file}: the year runs from {from} to {to}")]
    BadPeriod {
        /// The name the file was loaded under.
        file: String,
        /// Its `valid_from`.
        from: NaiveDate,
        /// Its `valid_to`.
        to: NaiveDate,
    },
    /// The year's days overlap another year's.
    #[error("{file}: overlaps another tariff year")]
    Overlap {
        /// The name the file was loaded under.
        file: String,
    },
}

/// Every tariff year frist knows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tariffs {
    years: Vec<TariffYear>,
}

impl Tariffs {
    /// Loads tariff years from `(name, json)` pairs, checking each.
    pub fn load<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, TariffError> {
        let mut years: Vec<TariffYear> = Vec::new();
        for (file, text) in files {
            let fail = |reason: String| TariffError::Format {
                file: file.to_owned(),
                reason,
            };
            let mut year: TariffYear =
                serde_json::from_str(text).map_err(|e| fail(e.to_string()))?;
            if year.valid_to < year.valid_from {
                return Err(TariffError::BadPeriod {
                    file: file.to_owned(),
                    from: year.valid_from,
                    to: year.valid_to,
                });
            }
            for (i, t) in year.takster.iter().enumerate() {
                if year.index.insert(t.code.to_ascii_lowercase(), i).is_some() {
                    return Err(TariffError::DuplicateCode {
                        file: file.to_owned(),
                        code: t.code.clone(),
                    });
                }
            }
            for t in &year.takster {
                if let Some(pair) = &t.pair {
                    let back = year.takst(pair).and_then(|p| p.pair.as_deref());
                    if !back.is_some_and(|b| b.eq_ignore_ascii_case(&t.code)) {
                        return Err(TariffError::PairNotSymmetric {
                            file: file.to_owned(),
                            code: t.code.clone(),
                            pair: pair.clone(),
                        });
                    }
                }
            }
            if years
                .iter()
                .any(|y| y.valid_from <= year.valid_to && year.valid_from <= y.valid_to)
            {
                return Err(TariffError::Overlap {
                    file: file.to_owned(),
                });
            }
            years.push(year);
        }
        years.sort_by_key(|y| y.valid_from);
        Ok(Tariffs { years })
    }

    /// The tariff years built into frist (`shared/data/takster/*.json`).
    /// A broken file fails the build's tests, never a user's check.
    pub fn builtin() -> &'static Tariffs {
        static BUILTIN: OnceLock<Tariffs> = OnceLock::new();
        BUILTIN.get_or_init(|| Tariffs::load(TARIFF_FILES.iter().copied()).unwrap_or_default())
    }

    /// The built-in files checked, for the test that guards them.
    pub fn check_builtin() -> Result<Tariffs, TariffError> {
        Tariffs::load(TARIFF_FILES.iter().copied())
    }

    /// The year in force on `date`.
    pub fn on(&self, date: NaiveDate) -> Option<&TariffYear> {
        self.years
            .iter()
            .find(|y| y.valid_from <= date && date <= y.valid_to)
    }

    /// The year in force on `date`, or — for a date after the last year
    /// frist has — that last year, marked as not exact (a new tariff year
    /// changes amounts far more than rules). `None` before the first year.
    pub fn for_date(&self, date: NaiveDate) -> Option<(&TariffYear, bool)> {
        if let Some(y) = self.on(date) {
            return Some((y, true));
        }
        self.years
            .iter()
            .rev()
            .find(|y| y.valid_to < date)
            .map(|y| (y, false))
    }

    /// The year starting 1 July of `year`.
    pub fn year(&self, year: i32) -> Option<&TariffYear> {
        self.years.iter().find(|y| y.year == year)
    }

    /// Every year, earliest first.
    pub fn years(&self) -> &[TariffYear] {
        &self.years
    }
}

/// CTRL-2: whether `entry` of an invalid-combination list covers `code`:
/// the code itself, or a group — `11` is every takst whose leading digits
/// are 11 (11e, 11cd, not 110), `1b` every takst starting with 1b.
pub fn entry_covers(entry: &str, code: &str) -> bool {
    let (e, c) = (entry.trim().to_ascii_lowercase(), code.to_ascii_lowercase());
    if e == c {
        return true;
    }
    if e.is_empty() || !c.starts_with(&e) {
        return false;
    }
    if e.bytes().all(|b| b.is_ascii_digit()) {
        // A number names the group with exactly these leading digits.
        !c.as_bytes()[e.len()].is_ascii_digit()
    } else {
        true
    }
}

pub(super) fn covered(list: &[String], code: &str) -> bool {
    list.iter().any(|e| entry_covers(e, code))
}
