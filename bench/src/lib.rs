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

/// `count` fristbrudd queue items (FB-3): one in ten confirmed urgent,
/// fristdato through 2026, notified through 2026, ids `FB-2026-NNNNNN` (some
/// repeated, so the last tie-breaker is used).
pub fn queue_items(count: usize, seed: u64) -> Vec<frist_domain::fristbrudd::QueueItem> {
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or(NaiveDate::MIN);
    (0..count)
        .map(|_| frist_domain::fristbrudd::QueueItem {
            id: format!("FB-2026-{:06}", rng.below(1_000_000)),
            fristdato: start + chrono::Days::new(rng.below(365)),
            urgent: rng.below(10) == 0,
            notified_at: 1_767_225_600_000 + rng.below(365 * 86_400_000) as i64,
        })
        .collect()
}

/// The kinds of bad line a generated claim file can hold, with their share
/// (per mille) of all lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimErrors {
    pub bad_fnr: u32,
    pub bad_amount: u32,
    pub payout_before_transport: u32,
    pub time_barred: u32,
    pub duplicate: u32,
    pub ragged: u32,
}

impl ClaimErrors {
    /// About 5 % bad lines in all, 1 % of each kind but ragged (0.5 %).
    pub const DEFAULT: ClaimErrors = ClaimErrors {
        bad_fnr: 10,
        bad_amount: 10,
        payout_before_transport: 10,
        time_barred: 10,
        duplicate: 10,
        ragged: 5,
    };

    pub const NONE: ClaimErrors = ClaimErrors {
        bad_fnr: 0,
        bad_amount: 0,
        payout_before_transport: 0,
        time_barred: 0,
        duplicate: 0,
        ragged: 0,
    };
}

/// Writes a realistic claim file of `lines` data lines (semicolon CSV,
/// `dd.mm.åååå` dates, decimal comma, as an HF's export) checked on
/// `today`: trips in the year before `today`, payouts 0–20 days later,
/// 171 or 342 kr, with `errors` mixed in. Same seed, same file.
pub fn claim_file(
    out: &mut dyn std::io::Write,
    lines: usize,
    today: NaiveDate,
    errors: ClaimErrors,
    seed: u64,
) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    let people = fodselsnummer(lines / 4 + 16, seed ^ 0x5eed)
        .into_iter()
        .filter(|n| {
            frist_domain::ids::Fodselsnummer::validate(
                n,
                &frist_domain::ids::FnrContext::production(today),
            )
            .is_ok()
        })
        .collect::<Vec<_>>();
    writeln!(
        out,
        "fodselsnummer;transportdato;utbetalingsdato;egenandel;referanse"
    )?;
    let mut previous = String::new();
    let thresholds = [
        errors.bad_fnr,
        errors.bad_amount,
        errors.payout_before_transport,
        errors.time_barred,
        errors.duplicate,
        errors.ragged,
    ];
    for i in 0..lines {
        let person = &people[rng.below(people.len() as u64) as usize];
        let transport = today - chrono::Days::new(20 + rng.below(345));
        let mut payout = transport + chrono::Days::new(rng.below(21));
        let mut amount = if rng.below(3) == 0 {
            "342,00"
        } else {
            "171,00"
        }
        .to_owned();
        let mut fnr = person.clone();
        let roll = rng.below(1000) as u32;
        let mut acc = 0;
        let kind = thresholds.iter().position(|t| {
            acc += t;
            roll < acc
        });
        match kind {
            Some(0) => fnr.replace_range(10..11, if fnr.ends_with('0') { "1" } else { "0" }),
            Some(1) => amount = "-171".into(),
            Some(2) => payout = transport - chrono::Days::new(1 + rng.below(5)),
            Some(3) => payout = today - chrono::Days::new(3 * 366 + 30 + rng.below(300)),
            Some(4) if !previous.is_empty() => {
                writeln!(out, "{previous}")?;
                continue;
            }
            Some(5) => {
                writeln!(out, "{fnr};{}", transport.format("%d.%m.%Y"))?;
                continue;
            }
            _ => {}
        }
        let transport = if payout < transport && kind == Some(3) {
            payout
        } else {
            transport
        };
        let line = format!(
            "{fnr};{};{};{amount};T{i}",
            transport.format("%d.%m.%Y"),
            payout.format("%d.%m.%Y")
        );
        writeln!(out, "{line}")?;
        previous = line;
    }
    Ok(())
}
