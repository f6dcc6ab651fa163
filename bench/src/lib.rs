//! Seeded input generators shared by the criterion benches and the
//! side-by-side scripts, so frist and the reference tools see the same data.

use chrono::NaiveDate;
use frist_domain::ids::fnr_check_digits;

/// A small, fast, seeded generator (SplitMix64): no dependency, and the same
/// sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// `count` fødselsnummer, about 90 % valid (1900s and 2000s births) and the
/// rest with one digit changed.
pub fn fodselsnummer(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let year = 1930 + rng.below(95) as i32;
        let Some(date) = NaiveDate::from_yo_opt(year, 1 + rng.below(365) as u32) else {
            continue;
        };
        let individual = if year >= 2000 {
            500 + rng.below(500)
        } else {
            rng.below(500)
        };
        let s = format!("{}{:03}", date.format("%d%m%y"), individual);
        let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        let Ok(first9) = <[u8; 9]>::try_from(d) else {
            continue;
        };
        let Some([k1, k2]) = fnr_check_digits(&first9) else {
            continue;
        };
        let mut n = format!("{s}{k1}{k2}");
        if rng.below(10) == 0 {
            let pos = rng.below(11) as usize;
            let digit = (n.as_bytes()[pos] - b'0' + 1 + rng.below(9) as u8) % 10;
            n.replace_range(pos..=pos, &digit.to_string());
        }
        out.push(n);
    }
    out
}

/// `count` (date, n) pairs: dates 1950–2090, n in 0..=400.
pub fn workday_additions(count: usize, seed: u64) -> Vec<(NaiveDate, u32)> {
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or(NaiveDate::MIN);
    (0..count)
        .map(|_| {
            (
                start + chrono::TimeDelta::days(rng.below(51_000) as i64),
                rng.below(401) as u32,
            )
        })
        .collect()
}
