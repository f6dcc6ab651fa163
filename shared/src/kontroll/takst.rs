//! CTRL-2 … CTRL-5: one takst as a tariff data file has it — its refund, how
//! often it may stand on a bill ([`Rep`]) and its day or evening variant.

use serde::Deserialize;
use serde::Serialize;

use crate::frikort::parse_amount;

/// CTRL-4: how often a takst may stand on one bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Rep {
    /// `0`: once.
    Once,
    /// `50%`: a second time at half price.
    SecondHalf,
    /// `n`: up to n times.
    Times(u32),
    /// `rep`: unlimited.
    Unlimited,
    /// `rep 50%`: unlimited, every repetition at half price.
    UnlimitedHalf,
}

impl Rep {
    /// The most times the takst may stand on one bill.
    pub fn max(self) -> Option<u32> {
        match self {
            Rep::Once => Some(1),
            Rep::SecondHalf => Some(2),
            Rep::Times(n) => Some(n.max(1)),
            Rep::Unlimited | Rep::UnlimitedHalf => None,
        }
    }
}

impl TryFrom<String> for Rep {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.trim() {
            "0" => Ok(Rep::Once),
            "50%" => Ok(Rep::SecondHalf),
            "rep" => Ok(Rep::Unlimited),
            "rep 50%" => Ok(Rep::UnlimitedHalf),
            n => n
                .parse()
                .map(Rep::Times)
                .map_err(|_| format!("rep must be 0, 50%, rep, rep 50% or a number, not {n:?}")),
        }
    }
}

impl From<Rep> for String {
    fn from(r: Rep) -> String {
        match r {
            Rep::Once => "0".into(),
            Rep::SecondHalf => "50%".into(),
            Rep::Times(n) => n.to_string(),
            Rep::Unlimited => "rep".into(),
            Rep::UnlimitedHalf => "rep 50%".into(),
        }
    }
}

/// CTRL-5: a takst's day (`d`) or evening (`k`) variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// Daytime (`d`).
    Day,
    /// Evening (`k`).
    Evening,
}

/// One takst of one tariff year, as the data file has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Takst {
    /// The takst's code, as on a bill (`2ad`).
    pub code: String,
    /// What the takst pays for, as Normaltariffen words it.
    pub text: String,
    #[serde(default)]
    /// The tariff's chapter, when the file names it.
    pub chapter: Option<String>,
    /// Honorar, refund and co-payment in kroner (`175,00`); `None` where the
    /// source gives no figure.
    pub fee: Option<String>,
    /// The refund in kroner as the tariff writes it (`171,00`).
    pub refund: Option<String>,
    /// The patient's co-payment in kroner, when any.
    pub copay: Option<String>,
    /// `None` where the source does not say: no repetition check.
    #[serde(default)]
    pub rep: Option<Rep>,
    #[serde(default)]
    /// CTRL-5: the day or evening variant, when the takst has one.
    pub time: Option<TimeOfDay>,
    /// CTRL-5: the other day/evening variant.
    #[serde(default)]
    pub pair: Option<String>,
    /// CTRL-2: may not stand with any other takst (1bd, 1bk).
    #[serde(default)]
    pub alone: bool,
    /// CTRL-2: takster or groups (`11` = every 11-takst, `1b` = every 1b…)
    /// that may not stand on the same bill …
    #[serde(default)]
    pub invalid_with: Vec<String>,
    /// … except these.
    #[serde(default)]
    pub invalid_except: Vec<String>,
    /// CTRL-2: the only takster allowed beside it (2ae, 2aek), if listed.
    #[serde(default)]
    pub only_with: Option<Vec<String>>,
    /// CTRL-3: refused alone; needs a main takst on the same bill.
    #[serde(default)]
    pub needs_companion: bool,
    /// Where the year's takster come from.
    pub source: String,
    #[serde(default)]
    /// A note on the file, for the person who updates it.
    pub note: Option<String>,
}

impl Takst {
    /// The refund in øre, when the source gives it.
    pub fn refund_ore(&self) -> Option<i64> {
        self.refund.as_deref().and_then(parse_amount)
    }
}
