//! FK-1: the versioned table of co-payment rates.

/// FK-1: the co-payment for one leg of a patient journey (pasientreise-
/// forskriften § 24), from a year on, in øre, with its source. A year uses
/// the newest rate from on or before it. **choice**: years between two
/// verified rates use the older one, so the "above a return trip" warning
/// errs towards warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The first year the rate applies.
    pub from_year: i32,
    /// The co-payment for one way, in øre.
    pub one_way_ore: i64,
    /// Where the rate is published.
    pub source: &'static str,
}

/// FK-1: the versioned rate table. Adding a year is a new row here.
pub const RATES: &[Rate] = &[
    Rate {
        from_year: 2016,
        one_way_ore: 14_600,
        source: "https://tts.as/2015/auke-i-eigendelar-fra-1-januar-2016/",
    },
    Rate {
        from_year: 2024,
        one_way_ore: 17_100,
        source: "https://www.pasientreiser.no/pasientreiseordningen/nasjonal-veileder-regelverk/veileder/-24.-egenandel",
    },
];

/// FK-1: the co-payment for a return trip in `year`, in øre (`None` before
/// the table starts).
pub fn return_trip_ore(year: i32) -> Option<i64> {
    RATES
        .iter()
        .rev()
        .find(|r| r.from_year <= year)
        .map(|r| 2 * r.one_way_ore)
}
