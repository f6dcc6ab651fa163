//! Frikort settlement (rules FK-1 … FK-9, seed 002): a health trust (HF)
//! claims back from Helfo the frikort co-payments it advanced for patient
//! travel, in files of many lines; Helfo settles line by line (FK-4).
//!
//! The line rules are [`check_line`] (FK-1, FK-2, FK-6) with the file-level
//! duplicate check of [`Duplicates`] (FK-8); the clocks are
//! [`submission_deadline`] (FK-2), [`payment_due`] (FK-3) and [`time_bar`]
//! (FK-6). A claim file is read by [`crate::table`] with [`SCHEMA`].

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{self, CalendarError};
use crate::ids::{FnrContext, Fodselsnummer};
pub use crate::table::{CsvStream, FileError, Record};
use crate::table::{Fields, Schema};
use crate::validation::{Issue, IssueCode, Report};

/// FK-2: months after the HF became aware of a claim to send it.
pub const SUBMIT_MONTHS: u32 = 6;
/// FK-3: calendar days from receipt to Helfo's payment.
pub const PAYMENT_DAYS: i64 = 30;
/// FK-6: years from payout (or refund) to the time bar.
pub const BAR_YEARS: u32 = 3;

/// FK-1: the co-payment for one leg of a patient journey (pasientreise-
/// forskriften § 24), from a year on, in øre, with its source. A year uses
/// the newest rate from on or before it. **choice**: years between two
/// verified rates use the older one, so the "above a return trip" warning
/// errs towards warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub from_year: i32,
    pub one_way_ore: i64,
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

/// FK-2: the last day to send a claim the HF became aware of on `aware`:
/// aware + 6 months (CAL-8), rolled forward (CAL-7). Seed 002 § 2.2:
/// «senest innen 6 – seks – måneder etter at HF ble oppmerksom på
/// refusjonskravet».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::submission_deadline;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(submission_deadline(d(2026, 1, 31)), Ok(d(2026, 7, 31)));
/// // 17 May 2026 is a Sunday and Constitution Day: Monday the 18th.
/// assert_eq!(submission_deadline(d(2025, 11, 17)), Ok(d(2026, 5, 18)));
/// ```
pub fn submission_deadline(aware: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::roll_forward(calendar::add_months(aware, SUBMIT_MONTHS)?)
}

/// FK-3: Helfo pays by received + 30 days, rolled forward. Seed 002 § 3:
/// «senest innen 30 dager etter at HELFO har mottatt refusjonskravet».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::payment_due;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Received Friday 20 March 2026: 19 April is a Sunday, so Monday 20 April.
/// assert_eq!(payment_due(d(2026, 3, 20)), Ok(d(2026, 4, 20)));
/// ```
pub fn payment_due(received: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::roll_forward(calendar::add_days(received, PAYMENT_DAYS)?)
}

/// FK-6: the bar date of a line paid out on `payout` (and of Helfo's
/// repayment claim for a refund paid on that day): payout + 3 years,
/// rolled forward. Received on the bar date itself is still in time. Seed
/// 002 § 6: «foreldes 3 – tre - år etter at fordringen oppstod (dato for
/// utbetaling av frikortandel …)».
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::frikort::time_bar;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(time_bar(d(2026, 3, 20)), Ok(d(2029, 3, 20)));
/// // 29 February + 3 years is 28 February (CAL-8).
/// assert_eq!(time_bar(d(2028, 2, 29)), Ok(d(2031, 2, 28)));
/// ```
pub fn time_bar(payout: NaiveDate) -> Result<NaiveDate, CalendarError> {
    calendar::roll_forward(calendar::add_years(payout, BAR_YEARS)?)
}

/// An amount in NOK as typed (`171`, `171,00`, `1 234.50`) in øre; `None`
/// unless it is a positive amount with at most two decimals.
#[inline]
pub fn parse_amount(text: &str) -> Option<i64> {
    // One pass over bytes, no allocation: a claim check reads an amount per
    // line. Beyond ASCII only whitespace (a no-break space between
    // thousands) can belong in an amount; such text is read as ASCII with
    // spaces in its place.
    if !text.is_ascii() {
        return amount_beyond_ascii(text);
    }
    // ASCII's whitespace, as `char::is_whitespace` has it.
    let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let mut t = text.as_bytes();
    while let [first, rest @ ..] = t
        && space(first)
    {
        t = rest;
    }
    while let [rest @ .., last] = t
        && space(last)
    {
        t = rest;
    }
    while let Some(rest) = t.strip_prefix(b"kr") {
        t = rest;
    }
    let (mut kr, mut whole_digits) = (0i64, 0);
    let (mut ore, mut ore_digits) = (0i64, 0);
    let mut after_separator = false;
    for c in t {
        match c {
            b'0'..=b'9' => {
                let digit = i64::from(c - b'0');
                if !after_separator && whole_digits < 9 {
                    kr = kr * 10 + digit;
                    whole_digits += 1;
                } else if after_separator && ore_digits < 2 {
                    ore = ore * 10 + digit;
                    ore_digits += 1;
                } else {
                    return None;
                }
            }
            b',' | b'.' if !after_separator => after_separator = true,
            c if space(c) => {}
            _ => return None,
        }
    }
    let ore = if ore_digits == 1 { ore * 10 } else { ore };
    let total = kr * 100 + ore;
    (whole_digits > 0 && total > 0).then_some(total)
}

/// [`parse_amount`] of text with characters beyond ASCII.
#[cold]
fn amount_beyond_ascii(text: &str) -> Option<i64> {
    let plain: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if plain.is_ascii() {
        parse_amount(&plain)
    } else {
        None
    }
}

/// Øre as people read it: `1 234,50 kr`.
pub fn format_ore(ore: i64) -> String {
    let kr = ore / 100;
    let digits = kr.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{grouped},{:02}\u{a0}kr", (ore % 100).abs())
}

/// One data line as read from a file: the fields as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawLine {
    pub fodselsnummer: String,
    pub transportdato: String,
    pub utbetalingsdato: String,
    pub egenandel: String,
    pub referanse: String,
}

/// One data line borrowed from the reader's buffer (no copies).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RawRef<'a> {
    pub fodselsnummer: &'a str,
    pub transportdato: &'a str,
    pub utbetalingsdato: &'a str,
    pub egenandel: &'a str,
    pub referanse: &'a str,
}

impl RawLine {
    pub fn as_ref(&self) -> RawRef<'_> {
        RawRef {
            fodselsnummer: &self.fodselsnummer,
            transportdato: &self.transportdato,
            utbetalingsdato: &self.utbetalingsdato,
            egenandel: &self.egenandel,
            referanse: &self.referanse,
        }
    }
}

impl RawRef<'_> {
    pub fn to_owned_line(&self) -> RawLine {
        RawLine {
            fodselsnummer: self.fodselsnummer.to_owned(),
            transportdato: self.transportdato.to_owned(),
            utbetalingsdato: self.utbetalingsdato.to_owned(),
            egenandel: self.egenandel.to_owned(),
            referanse: self.referanse.to_owned(),
        }
    }
}

/// A line that passed FK-1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimLine {
    pub fnr: Fodselsnummer,
    pub transport: NaiveDate,
    pub payout: NaiveDate,
    pub amount_ore: i64,
}

impl ClaimLine {
    /// FK-8: what makes two lines the same trip.
    pub fn trip(&self) -> Trip {
        Trip {
            fnr: self.fnr.as_str(),
            transport: self.transport,
            payout: self.payout,
            amount_ore: self.amount_ore,
        }
    }
}

/// FK-8: the same patient, transport date, payout date and amount.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Trip {
    pub fnr: String,
    pub transport: NaiveDate,
    pub payout: NaiveDate,
    pub amount_ore: i64,
}

impl Trip {
    /// The text a keyed hash is taken of (at the edge, never stored plain).
    pub fn canonical(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.fnr, self.transport, self.payout, self.amount_ore
        )
    }
}

/// What the line rules need besides the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineContext {
    /// Today in Oslo and whether synthetic identities are allowed.
    pub fnr: FnrContext,
    /// When Helfo receives the claim (FK-3, FK-6 count from it).
    pub received: NaiveDate,
    /// When the HF became aware of the claim (FK-2), if known.
    pub aware: Option<NaiveDate>,
}

/// Empty or only whitespace (as `trim().is_empty()`, stopping at the first
/// other character).
fn blank(text: &str) -> bool {
    // Most fields start with a printable ASCII character: no decoding.
    match text.as_bytes().first() {
        Some(b'!'..=b'~') => false,
        _ => text.chars().all(char::is_whitespace),
    }
}

fn date_field(issues: &mut Vec<Issue>, path: &str, text: &str) -> Option<NaiveDate> {
    if blank(text) {
        issues.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    match calendar::parse_date(text).filter(|d| calendar::in_range(*d)) {
        Some(d) => Some(d),
        None => {
            issues.push(Issue::error(path, IssueCode::DateInvalid));
            None
        }
    }
}

/// FK-1, FK-2, FK-6: every issue of one line, and the line when it has no
/// error. Warnings (a late claim, an amount above a return trip) leave the
/// line valid. For many lines, make one [`LineRules`] and use its `check`.
pub fn check_line(raw: &RawRef<'_>, ctx: &LineContext) -> (Vec<Issue>, Option<ClaimLine>) {
    LineRules::new(*ctx).check(raw)
}

/// The last day in `lo..hi` for which `holds` is true, for a `holds` that
/// is true up to some day and false after it (found by bisection); `None`
/// when it is false already at `lo`.
fn last_true(holds: impl Fn(NaiveDate) -> bool, lo: NaiveDate, hi: NaiveDate) -> Option<NaiveDate> {
    let (mut lo, mut hi) = (lo, hi);
    if !holds(lo) {
        return None;
    }
    // Invariant: holds(lo), and not holds(hi).
    while hi - lo > chrono::TimeDelta::days(1) {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// The line rules with what is the same for every line of a claim worked
/// out once: the FK-6 bar and the FK-2 deadline depend only on the context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRules {
    ctx: LineContext,
    /// FK-6: the latest payout date whose bar date is before `received`;
    /// every payout on or before it is time-barred.
    last_barred_payout: Option<NaiveDate>,
    /// FK-2: the deadline, when `received` is after it.
    missed_deadline: Option<NaiveDate>,
    /// FK-2 without an "aware" date (**choice**: the HF knew of its claim
    /// at the latest when it paid the share out): the latest payout date
    /// whose 6 months ran out before `received`.
    last_late_payout: Option<NaiveDate>,
}

impl LineRules {
    pub fn new(ctx: LineContext) -> Self {
        // FK-6: `time_bar` never decreases as the payout date grows (CAL-8
        // clamps 29 Feb to 28 Feb, CAL-7 only rolls forward), so the barred
        // payouts are the dates up to one boundary, found by bisection in the
        // window two to four years before `received`.
        let barred = |p: NaiveDate| time_bar(p).is_ok_and(|bar| ctx.received > bar);
        let before = |days| {
            let d = ctx.received.checked_sub_days(chrono::Days::new(days));
            d.unwrap_or(calendar::MIN_DATE).max(calendar::MIN_DATE)
        };
        let last_barred_payout = last_true(barred, before(4 * 366), before(2 * 365));
        let missed_deadline = ctx
            .aware
            .and_then(|aware| submission_deadline(aware).ok())
            .filter(|deadline| ctx.received > *deadline);
        // FK-2 per line: `submission_deadline` never decreases either.
        let late = |p: NaiveDate| submission_deadline(p).is_ok_and(|d| ctx.received > d);
        let last_late_payout = match ctx.aware {
            Some(_) => None,
            None => last_true(late, before(400), before(150)),
        };
        LineRules {
            ctx,
            last_barred_payout,
            missed_deadline,
            last_late_payout,
        }
    }

    /// See [`check_line`].
    pub fn check(&self, raw: &RawRef<'_>) -> (Vec<Issue>, Option<ClaimLine>) {
        let ctx = &self.ctx;
        let mut issues = Vec::new();
        let fnr = if blank(raw.fodselsnummer) {
            issues.push(Issue::error("fodselsnummer", IssueCode::Required));
            None
        } else {
            Fodselsnummer::parse(raw.fodselsnummer, &ctx.fnr)
                .map_err(|e| issues.push(Issue::from_id_error("fodselsnummer", e)))
                .ok()
        };
        let transport = date_field(&mut issues, "transportdato", raw.transportdato);
        let payout = date_field(&mut issues, "utbetalingsdato", raw.utbetalingsdato);
        let amount = if blank(raw.egenandel) {
            issues.push(Issue::error("egenandel", IssueCode::Required));
            None
        } else {
            let a = parse_amount(raw.egenandel);
            if a.is_none() {
                issues.push(Issue::error("egenandel", IssueCode::AmountInvalid));
            }
            a
        };
        let today = ctx.fnr.today;
        if let (Some(t), Some(p)) = (transport, payout)
            && p < t
        {
            issues.push(
                Issue::error("utbetalingsdato", IssueCode::PayoutBeforeTransport)
                    .with("transport", t),
            );
        }
        if let Some(p) = payout
            && p > today
        {
            issues.push(
                Issue::error("utbetalingsdato", IssueCode::DateInFuture).with("today", today),
            );
        }
        // FK-6: received after the bar date is refused; on it, still in time.
        if let Some(p) = payout
            && self.last_barred_payout.is_some_and(|last| p <= last)
            && let Ok(bar) = time_bar(p)
        {
            issues.push(Issue::error("utbetalingsdato", IssueCode::TimeBarred).with("bar", bar));
        }
        // FK-1 (warning): more than a return trip's co-payment that year.
        if let (Some(a), Some(t)) = (amount, transport)
            && let Some(max) = return_trip_ore(t.year())
            && a > max
        {
            issues.push(
                Issue::warning("egenandel", IssueCode::AmountAboveReturnTrip)
                    .with("max", &*format_ore(max)),
            );
        }
        // FK-2 (warning): sent after aware + 6 months; without an aware
        // date, after payout + 6 months.
        if let Some(deadline) = self.missed_deadline {
            issues.push(Issue::warning("", IssueCode::LateSubmission).with("deadline", deadline));
        } else if let Some(p) = payout
            && self.last_late_payout.is_some_and(|last| p <= last)
            && let Ok(deadline) = submission_deadline(p)
        {
            issues.push(
                Issue::warning("utbetalingsdato", IssueCode::LateSubmission)
                    .with("deadline", deadline),
            );
        }
        let has_error = issues
            .iter()
            .any(|i| i.severity == crate::validation::Severity::Error);
        let line = match (fnr, transport, payout, amount) {
            (Some(fnr), Some(transport), Some(payout), Some(amount_ore)) if !has_error => {
                Some(ClaimLine {
                    fnr,
                    transport,
                    payout,
                    amount_ore,
                })
            }
            _ => None,
        };
        (issues, line)
    }
}

/// FK-8 inside one file: remembers each trip's first line.
///
/// A million-line file has about a million trips, and finding each in a
/// table of that size misses the processor's cache and its page-table
/// cache: that wait was most of a claim check's time. So the table is
/// small, 4 bytes a slot, one miss per trip, and [`Checker::push`] reads
/// many lines' slots together so that their misses overlap.
///
/// The layout: the trips in order of first sighting, and an open-addressed
/// table (linear probing, at most three quarters full) of 4-byte slots. A
/// slot holds the trip's position in `trips` plus one in its low bits (as
/// many as the table has slots, so it always fits; 0 is an empty slot) and
/// the hash's next bits above them, so a trip's key is read only when
/// those match. (`hashbrown` keeps its control bytes and slots apart, which
/// costs two misses per trip, and has no way to read a slot ahead of time.)
#[derive(Debug, Default)]
pub struct Duplicates {
    /// Every distinct trip once, with the line it was first seen on.
    trips: Vec<(TripKey, u64)>,
    slots: Vec<u32>,
}

/// FK-8's trip as three words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct TripKey {
    fnr: u64,
    /// Transport date (high half) and payout date (low half).
    days: u64,
    amount_ore: i64,
}

impl TripKey {
    fn of(line: &ClaimLine) -> Self {
        // Year and day of the year: one number per date, cheaper than a
        // count of days (which divides by 400).
        let day = |d: NaiveDate| (d.year() as u64) << 9 | u64::from(d.ordinal());
        TripKey {
            fnr: line.fnr.number(),
            days: day(line.transport) << 32 | day(line.payout),
            amount_ore: line.amount_ore,
        }
    }
}

fn trip_hash(key: &TripKey) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

impl Duplicates {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `lines` more trips, so a large file's table is not rebuilt
    /// as it grows.
    pub fn reserve(&mut self, lines: usize) {
        self.trips.reserve(lines);
        self.room_for(self.trips.len().saturating_add(lines));
    }

    /// A table at most three quarters full with `trips` trips, rebuilt
    /// larger if not.
    fn room_for(&mut self, trips: usize) {
        let want = (trips.saturating_mul(4) / 3 + 1)
            .max(16)
            .next_power_of_two();
        if fits(trips, self.slots.len()) || want > 1 << 31 {
            return;
        }
        let mut slots = vec![0u32; want];
        let mask = want - 1;
        for (at, (key, _)) in (1u32..).zip(&self.trips) {
            let hash = trip_hash(key);
            let mut pos = hash as usize & mask;
            while slots[pos] != 0 {
                pos = (pos + 1) & mask;
            }
            slots[pos] = tag(hash, mask) | at;
        }
        self.slots = slots;
    }

    /// `None` for a first sighting; the first line's number for a repeat.
    pub fn check(&mut self, line: &ClaimLine, line_no: u64) -> Option<u64> {
        let key = TripKey::of(line);
        self.room_for(self.trips.len() + 1);
        self.insert(key, trip_hash(&key), line_no)
    }

    /// FK-8 on a line the line rules have checked: a repeated trip gets the
    /// issue naming the line it was first seen on, and is no longer valid.
    pub fn mark(&mut self, line_no: u64, issues: &mut Vec<Issue>, line: &mut Option<ClaimLine>) {
        if let Some(l) = line
            && let Some(first) = self.check(l, line_no)
        {
            issues.push(duplicate(first));
            *line = None;
        }
    }

    /// Reads the slots where `hashes` start, so that a lookup that follows
    /// finds them in cache. The reads do not depend on each other, so the
    /// processor has many in flight at once. Gives a value that depends on
    /// every read, so they are not optimised away.
    fn touch(&self, hashes: impl Iterator<Item = u64>) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        hashes.fold(0, |acc, hash| {
            acc ^ self.slots.get(hash as usize & mask).copied().unwrap_or(0)
        })
    }

    /// [`Duplicates::check`] for a key and its hash, with room made.
    fn insert(&mut self, key: TripKey, hash: u64, line_no: u64) -> Option<u64> {
        // A full table: only past 1.6 billion distinct trips, far more than
        // the edge or the app ever take in one file.
        if !fits(self.trips.len() + 1, self.slots.len()) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = tag(hash, mask);
        let mut pos = hash as usize & mask;
        loop {
            let slot = self.slots[pos];
            if slot == 0 {
                break;
            }
            if slot & !(mask as u32) == tag {
                let (first, line) = self.trips[(slot & mask as u32) as usize - 1];
                if first == key {
                    return Some(line);
                }
            }
            pos = (pos + 1) & mask;
        }
        self.trips.push((key, line_no));
        self.slots[pos] = tag | self.trips.len() as u32;
        None
    }
}

/// Whether `trips` trips leave a table of `slots` slots at most three
/// quarters full.
fn fits(trips: usize, slots: usize) -> bool {
    trips.saturating_mul(4) / 3 < slots
}

/// The hash's bits just above a table's position bits. (From the low 32:
/// on wasm32 the hash is 32 bits wide and its high half is zero, and a
/// tag taken from there matched every slot and read every key.)
fn tag(hash: u64, mask: usize) -> u32 {
    hash as u32 & !(mask as u32)
}

// --- reading files ------------------------------------------------------------------

/// The columns of a claim file (any order, any case; `referanse` optional).
pub static SCHEMA: Schema = Schema {
    columns: &[
        "fodselsnummer",
        "transportdato",
        "utbetalingsdato",
        "egenandel",
        "referanse",
    ],
    required: 4,
    dates: &[1, 2],
    ids: &[0],
};

/// A claim file's CSV reader.
pub fn csv() -> CsvStream {
    CsvStream::new(&SCHEMA)
}

/// A claim workbook's rows.
pub fn read_xlsx(bytes: &[u8], on: &mut dyn FnMut(Record<'_>)) -> Result<(), FileError> {
    crate::table::read_xlsx(&SCHEMA, bytes, on)
}

impl<'a> RawRef<'a> {
    /// A claim line from a row read with [`SCHEMA`].
    pub fn from_fields(f: &Fields<'a>) -> Self {
        RawRef {
            fodselsnummer: f.get(0),
            transportdato: f.get(1),
            utbetalingsdato: f.get(2),
            egenandel: f.get(3),
            referanse: f.get(4),
        }
    }
}

/// The lines with issues the page shows first.
pub const FIRST_ISSUES: usize = 200;

/// One line's issues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineIssues {
    pub line: u64,
    pub issues: Vec<Issue>,
}

/// A whole file's check, built line by line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    pub lines: u64,
    pub valid: u64,
    pub with_errors: u64,
    pub with_warnings: u64,
    /// Issue code → lines with it.
    pub by_code: std::collections::BTreeMap<String, u64>,
    pub duplicates: u64,
    pub time_barred: u64,
    pub late: u64,
    /// The sum of the valid lines' co-payments, in øre.
    pub valid_amount_ore: i64,
    /// The first [`FIRST_ISSUES`] lines with issues.
    pub first_issues: Vec<LineIssues>,
}

/// FK-1 … FK-8 over a file: give it each [`Record`] in order, to
/// [`Checker::check`] for each answer at once, or to [`Checker::push`] and
/// then [`Checker::finish`] for the same answers a little later, faster.
/// The line rules and FK-8 can also run on two threads:
/// [`LineRules::record`] on one, [`Checker::push_checked`] on the other.
pub struct Checker {
    rules: LineRules,
    dups: Duplicates,
    pub report: FileReport,
    /// Lines pushed whose FK-8 lookup waits for the batch to fill.
    pending: Vec<Checked>,
    /// The pending valid lines' trip keys and their hashes.
    keys: Vec<(TripKey, u64)>,
    /// What [`Duplicates::touch`] read, kept so the reads stay.
    touched: u32,
}

/// A line after the line rules, waiting for FK-8: its number, its issues
/// so far, and the line when valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    line_no: u64,
    issues: Vec<Issue>,
    line: Option<ClaimLine>,
}

impl LineRules {
    /// FK-1, FK-2, FK-6 for one record of a file, ready for
    /// [`Checker::push_checked`].
    pub fn record(&self, record: &Record<'_>) -> Checked {
        let (issues, line) = match record {
            Record::Line { fields, .. } => self.check(&RawRef::from_fields(fields)),
            other => (other.issue().into_iter().collect(), None),
        };
        Checked {
            line_no: record.line(),
            issues,
            line,
        }
    }
}

/// Lines whose FK-8 lookups [`Checker::push`] makes together: enough for
/// the processor to overlap their cache misses, few enough that the slots
/// read stay in cache until they are used.
const BATCH: usize = 256;

impl Checker {
    pub fn new(ctx: LineContext) -> Self {
        Checker {
            rules: LineRules::new(ctx),
            dups: Duplicates::new(),
            report: FileReport::default(),
            pending: Vec::with_capacity(BATCH),
            keys: Vec::with_capacity(BATCH),
            touched: 0,
        }
    }

    /// The line rules this checker applies, for [`LineRules::record`] on
    /// another thread.
    pub fn rules(&self) -> LineRules {
        self.rules
    }

    /// Sizes the duplicate set for a file of `bytes` bytes (about 45 bytes
    /// a line), when the size is known before reading.
    pub fn expect_bytes(&mut self, bytes: u64) {
        self.dups.reserve(usize::try_from(bytes / 45).unwrap_or(0));
    }

    /// The issues of one record and its line when valid (FK-4: each line
    /// stands alone; a bad line never stops the others). Do not mix with
    /// [`Checker::push`] before [`Checker::finish`].
    pub fn check(&mut self, record: &Record<'_>) -> (Vec<Issue>, Option<ClaimLine>) {
        debug_assert!(
            self.pending.is_empty(),
            "check() between push() and finish()"
        );
        let Checked {
            line_no,
            mut issues,
            mut line,
        } = self.rules.record(record);
        self.dups.mark(line_no, &mut issues, &mut line);
        tally(&mut self.report, line_no, &issues, line.as_ref());
        (issues, line)
    }

    /// [`Checker::check`] for a whole file: the line rules now, FK-8 and the
    /// answer once [`BATCH`] lines are in, to `on` in line order (the line's
    /// number, its issues, the line when valid). Call [`Checker::finish`]
    /// after the last record.
    pub fn push(
        &mut self,
        record: &Record<'_>,
        on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>),
    ) {
        let checked = self.rules.record(record);
        self.push_checked(checked, on);
    }

    /// [`Checker::push`] for a line the rules have checked, in line order.
    pub fn push_checked(
        &mut self,
        checked: Checked,
        on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>),
    ) {
        self.pending.push(checked);
        if self.pending.len() == BATCH {
            self.resolve(on);
        }
    }

    /// The answers [`Checker::push`] still holds.
    pub fn finish(&mut self, on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>)) {
        self.resolve(on);
    }

    /// FK-8 for the pending lines: every slot they need is read first, then
    /// each line is looked up in order, as `check` would one at a time.
    fn resolve(&mut self, on: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>)) {
        let mut pending = std::mem::take(&mut self.pending);
        self.keys.clear();
        self.keys.extend(pending.iter().filter_map(|c| {
            let key = TripKey::of(c.line.as_ref()?);
            Some((key, trip_hash(&key)))
        }));
        self.dups.room_for(self.dups.trips.len() + self.keys.len());
        self.touched ^= self.dups.touch(self.keys.iter().map(|(_, hash)| *hash));
        let mut keys = self.keys.iter();
        for Checked {
            line_no,
            mut issues,
            line,
        } in pending.drain(..)
        {
            let line = line.and_then(|l| {
                let (key, hash) = keys.next()?;
                let Some(first) = self.dups.insert(*key, *hash, line_no) else {
                    return Some(l);
                };
                issues.push(duplicate(first));
                None
            });
            tally(&mut self.report, line_no, &issues, line.as_ref());
            on(line_no, issues, line);
        }
        self.pending = pending;
    }
}

/// FK-8: the line repeats the trip first seen on line `first`.
fn duplicate(first: u64) -> Issue {
    Issue::error("", IssueCode::DuplicateTrip).with("first_line", first as i64)
}

/// Counts one checked line into the file's report.
fn tally(r: &mut FileReport, line_no: u64, issues: &[Issue], line: Option<&ClaimLine>) {
    use crate::validation::Severity;
    r.lines += 1;
    if issues.iter().any(|i| i.severity == Severity::Error) {
        r.with_errors += 1;
    } else {
        r.valid += 1;
        if let Some(l) = line {
            r.valid_amount_ore += l.amount_ore;
        }
    }
    if issues.iter().any(|i| i.severity == Severity::Warning) {
        r.with_warnings += 1;
    }
    for i in issues {
        let code = i.code.as_str();
        match r.by_code.get_mut(code) {
            Some(n) => *n += 1,
            None => {
                r.by_code.insert(code.to_owned(), 1);
            }
        }
        match i.code {
            IssueCode::DuplicateTrip => r.duplicates += 1,
            IssueCode::TimeBarred => r.time_barred += 1,
            IssueCode::LateSubmission => r.late += 1,
            _ => {}
        }
    }
    if !issues.is_empty() && r.first_issues.len() < FIRST_ISSUES {
        r.first_issues.push(LineIssues {
            line: line_no,
            issues: issues.to_vec(),
        });
    }
}

// --- wire types -----------------------------------------------------------------------

/// Lines per upload chunk: small enough for one D1 batch and the edge's
/// body cap, large enough that a million lines take 200 requests.
pub const CHUNK_LINES: usize = 5_000;

crate::named_enum! {
    /// Where a claim stands.
    pub enum ClaimStatus {
        /// Chunks are arriving; not yet a claim Helfo sees as complete.
        Receiving,
        /// Every chunk arrived: received by Helfo, the FK-3 clock runs.
        /// Lines are decided and paid a part at a time (FK-4).
        Received,
        /// FK-9: settled — every line decided and every approved line paid
        /// to the RHF's account.
        Paid,
    }
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// FK-4: a received claim is settled when no line waits for a decision
    /// and no approved line waits for its payment; until then it stays
    /// received, and what is decided is paid without waiting for the rest.
    ///
    /// ```
    /// use frist_domain::frikort::ClaimStatus;
    /// // Two lines paid, one disputed: the claim is still open.
    /// assert_eq!(ClaimStatus::after_settlement(1, 0), ClaimStatus::Received);
    /// assert_eq!(ClaimStatus::after_settlement(0, 0), ClaimStatus::Paid);
    /// ```
    pub const fn after_settlement(undecided: u64, approved_unpaid: u64) -> ClaimStatus {
        if undecided == 0 && approved_unpaid == 0 {
            ClaimStatus::Paid
        } else {
            ClaimStatus::Received
        }
    }

    pub const fn name_nb(self) -> &'static str {
        match self {
            ClaimStatus::Receiving => "Under opplasting",
            ClaimStatus::Received => "Mottatt av Helfo",
            ClaimStatus::Paid => "Utbetalt",
        }
    }
}

/// `POST /api/v1/frikort/claims`: announces a claim file before its chunks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NewClaim {
    pub file_name: String,
    /// FK-2: when the HF became aware of the claims (optional).
    pub aware: String,
    /// Data lines the HF sends, and in how many chunks.
    pub lines: u64,
    pub chunks: u32,
    /// The file's [`Fingerprint`] (optional): a file the HF has sent before
    /// is refused, naming the earlier claim, unless `resend`.
    pub fingerprint: String,
    /// The HF has seen that the file was sent before and sends it again.
    pub resend: bool,
}

/// A claim file's fingerprint: XXH3-128 of its bytes, as 32 lower-case hex
/// digits. The same file sent twice has the same fingerprint (issue 24),
/// whatever it is called; it is fed the slices the check reads anyway.
///
/// ```
/// use frist_domain::frikort::{Fingerprint, is_fingerprint};
/// let mut whole = Fingerprint::default();
/// whole.update(b"fodselsnummer;transportdato\n15038510190;02.03.2026\n");
/// let mut in_parts = Fingerprint::default();
/// in_parts.update(b"fodselsnummer;transport");
/// in_parts.update(b"dato\n15038510190;02.03.2026\n");
/// assert_eq!(whole.finish(), in_parts.finish());
/// assert!(is_fingerprint(&whole.finish()));
/// ```
#[derive(Clone, Default)]
pub struct Fingerprint(xxhash_rust::xxh3::Xxh3);

impl Fingerprint {
    /// Feeds the next bytes of the file.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The fingerprint of the bytes fed so far.
    pub fn finish(&self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

/// Whether `text` is a [`Fingerprint`] as frist writes it.
pub fn is_fingerprint(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// One line of a chunk: its number in the file and its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumberedLine {
    pub line: u64,
    pub fodselsnummer: String,
    pub transportdato: String,
    pub utbetalingsdato: String,
    pub egenandel: String,
    pub referanse: String,
}

impl RawRef<'_> {
    /// The line as sent in a chunk, numbered as in the file.
    pub fn numbered(&self, line: u64) -> NumberedLine {
        NumberedLine {
            line,
            fodselsnummer: self.fodselsnummer.to_owned(),
            transportdato: self.transportdato.to_owned(),
            utbetalingsdato: self.utbetalingsdato.to_owned(),
            egenandel: self.egenandel.to_owned(),
            referanse: self.referanse.to_owned(),
        }
    }
}

impl NumberedLine {
    pub fn raw(&self) -> RawRef<'_> {
        RawRef {
            fodselsnummer: &self.fodselsnummer,
            transportdato: &self.transportdato,
            utbetalingsdato: &self.utbetalingsdato,
            egenandel: &self.egenandel,
            referanse: &self.referanse,
        }
    }
}

/// `PUT /api/v1/frikort/claims/:id/chunks/:n`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Chunk {
    pub lines: Vec<NumberedLine>,
}

/// What the edge found in a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkAnswer {
    pub n: u32,
    pub lines: u64,
    pub valid: u64,
    /// Lines with issues, found again at the edge (duplicates of earlier
    /// claims only the edge can see).
    pub issues: Vec<LineIssues>,
}

/// A claim as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimView {
    pub id: String,
    pub number: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub status: ClaimStatus,
    pub file_name: String,
    pub aware: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
    /// FK-3.
    pub due: Option<NaiveDate>,
    pub lines_expected: u64,
    pub chunks_expected: u32,
    /// Chunks that have arrived, so an upload can resume.
    pub chunks_received: Vec<u32>,
    pub lines: u64,
    pub valid_lines: u64,
    pub claimed_ore: i64,
    pub approved_ore: i64,
    /// Lines without a decision yet.
    pub undecided: u64,
    /// FK-4: approved lines not yet paid, and their sum: the next payment.
    pub payable_lines: u64,
    pub payable_ore: i64,
    /// What the payments so far add up to.
    pub paid_ore: i64,
    /// FK-4/FK-9: each payment with the lines it covered, oldest first.
    pub payments: Vec<Payment>,
    /// FK-7: what Helfo has demanded back, over all payments.
    pub repayment_ore: i64,
    /// FK-9: the account the RHF has set for this health trust, if recorded.
    pub payout_account: Option<String>,
    pub version: i64,
    pub created_at: String,
}

/// FK-4/FK-9: one payment of a claim — the approved lines that were not
/// yet paid, paid together on one day to the RHF's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// 1, 2, … within the claim.
    pub n: u32,
    pub paid_on: NaiveDate,
    pub amount_ore: i64,
    pub account: String,
    /// How many lines it paid.
    pub lines: u64,
    /// FK-7: what Helfo has demanded back of it, and why.
    pub repaid_ore: i64,
    pub repayment_reason: Option<String>,
}

crate::named_enum! {
    /// FK-5: why Helfo pays other than claimed.
    pub enum Reason {
        /// The line failed the checks of FK-1/FK-6/FK-8.
        InvalidLine,
        Duplicate,
        TimeBarred,
        /// The patient had no frikort on the day of travel.
        NoFrikort,
        WrongAmount,
        Other,
    }
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub const fn name_nb(self) -> &'static str {
        match self {
            Reason::InvalidLine => "Linjen har feil",
            Reason::Duplicate => "Reisen er krevd før",
            Reason::TimeBarred => "Foreldet",
            Reason::NoFrikort => "Pasienten hadde ikke frikort på reisedagen",
            Reason::WrongAmount => "Feil beløp",
            Reason::Other => "Annet",
        }
    }
}

/// Helfo's decision on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    Rejected,
}

/// A claim line as the API shows it (the fødselsnummer masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    pub line: u64,
    pub fnr_masked: String,
    pub transport: Option<NaiveDate>,
    pub payout: Option<NaiveDate>,
    pub amount_ore: Option<i64>,
    pub reference: String,
    pub valid: bool,
    pub issues: Vec<Issue>,
    pub decision: Option<Decision>,
    pub reason: Option<Reason>,
    /// FK-5: what the deviation rests on, in Helfo's words.
    #[serde(default)]
    pub note: Option<String>,
    pub approved_ore: Option<i64>,
    /// FK-4: the payment (its number) that paid the line.
    #[serde(default)]
    pub payment: Option<u32>,
}

/// The longest note on a decision (FK-5) or a repayment (FK-7).
pub const NOTE_MAX: usize = 500;

/// `POST …/lines/:line/decision` (FK-4, FK-5): approve (in full, or a
/// smaller amount with a reason) or reject with a reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DecisionForm {
    /// `approved` or `rejected`.
    pub decision: String,
    pub reason: String,
    /// An approved amount other than claimed (then a reason is required).
    pub amount: String,
    /// FK-5: the basis of a deviation; required with reason `other`.
    pub note: String,
}

/// `POST …/payment` (FK-4, FK-9): the approved lines not yet paid, paid on
/// a day to the account the RHF has set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentForm {
    pub paid_on: String,
    pub amount: String,
    /// The account, to confirm it; empty means the one on record.
    pub account: String,
}

crate::named_enum! {
    /// FK-7: why a refund was not the HF's due.
    pub enum RepaymentCause {
        /// The HF's own claim was wrong (the ordinary case: repay).
        HfError,
        /// The HF advanced the share because Helfo told it something wrong:
        /// no repayment («HF plikter ikke å betale tilbake refusjon som
        /// skyldes uriktig informasjon fra HELFO»). An earlier refund on a
        /// like basis is not such information.
        HelfoInformation,
    }
}

/// `POST …/repayment` (FK-7): a demand to repay part of one payment, with
/// its cause and reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RepaymentForm {
    /// The payment's number; empty means the latest.
    pub payment: String,
    pub amount: String,
    /// `hf_error` or `helfo_information`.
    pub cause: String,
    pub reason: String,
}

impl PaymentForm {
    /// FK-4, FK-9: a payment of the approved lines not yet paid
    /// (`payable_ore` over `payable_lines`), on a date not in the future, to
    /// the account the RHF has set (`registered`). Lines still undecided
    /// do not hold it back. The date and the account as stored — or every
    /// problem, field by field. The browser runs the same check as the
    /// caseworker types.
    pub fn check(
        &self,
        payable_lines: u64,
        payable_ore: i64,
        registered: Option<&str>,
        today: NaiveDate,
    ) -> Result<(NaiveDate, String), Report> {
        let mut r = Report::new();
        if payable_lines == 0 {
            r.push(Issue::error("", IssueCode::NothingToPay));
        }
        let paid_on = crate::calendar::parse_date(&self.paid_on);
        match paid_on {
            None if self.paid_on.trim().is_empty() => {
                r.push(Issue::error("paid_on", IssueCode::Required))
            }
            None => r.push(Issue::error("paid_on", IssueCode::DateInvalid)),
            Some(d) if d > today => {
                r.push(Issue::error("paid_on", IssueCode::DateInFuture).with("today", today))
            }
            _ => {}
        }
        if payable_lines > 0 && parse_amount(&self.amount) != Some(payable_ore) {
            r.push(
                Issue::error("amount", IssueCode::PaymentNotApproved)
                    .with("expected", &*format_ore(payable_ore)),
            );
        }
        let account = match (registered, self.account.trim()) {
            (None, _) => {
                r.push(Issue::error("account", IssueCode::PayoutAccountMissing));
                None
            }
            (Some(on_record), "") => Some(on_record.to_owned()),
            (Some(on_record), typed) => match typed.parse::<crate::ids::Kontonummer>() {
                Ok(k) if k.as_str() == on_record => Some(k.as_str()),
                Ok(_) => {
                    let shown = on_record
                        .parse::<crate::ids::Kontonummer>()
                        .map_or_else(|_| on_record.to_owned(), |k| k.to_string());
                    r.push(
                        Issue::error("account", IssueCode::AccountNotRegistered)
                            .with("expected", &*shown),
                    );
                    None
                }
                Err(e) => {
                    r.push(Issue::from_id_error("account", e));
                    None
                }
            },
        };
        match (paid_on, account) {
            (Some(d), Some(a)) if !r.has_errors() => Ok((d, a)),
            _ => Err(r),
        }
    }
}

impl RepaymentForm {
    /// FK-7 and FK-6: which payment, an amount no larger than what it paid
    /// and is not yet demanded back, a cause that makes the HF owe it, a
    /// reason, and Helfo's claim not time-barred (3 years after that
    /// payment). The payment's number and the amount in øre, or every
    /// problem.
    pub fn check(&self, payments: &[Payment], today: NaiveDate) -> Result<(u32, i64), Report> {
        let mut r = Report::new();
        let payment = match self.payment.trim() {
            "" => payments.last(),
            n => {
                let found = n
                    .parse::<u32>()
                    .ok()
                    .and_then(|n| payments.iter().find(|p| p.n == n));
                if found.is_none() {
                    let numbers: Vec<String> = payments.iter().map(|p| p.n.to_string()).collect();
                    r.push(
                        Issue::error("payment", IssueCode::NotOneOf)
                            .with("allowed", &*numbers.join(", ")),
                    );
                }
                found
            }
        };
        if payments.is_empty() {
            r.push(Issue::error("payment", IssueCode::Required));
        }
        let amount = parse_amount(&self.amount);
        let left = payment.map_or(0, |p| p.amount_ore - p.repaid_ore);
        match amount {
            None if self.amount.trim().is_empty() => {
                r.push(Issue::error("amount", IssueCode::Required))
            }
            None => r.push(Issue::error("amount", IssueCode::AmountInvalid)),
            Some(a) if payment.is_some() && (a < 1 || a > left) => r.push(
                Issue::error("amount", IssueCode::NumberOutOfRange)
                    .with("min", 1i64)
                    .with("max", left),
            ),
            _ => {}
        }
        match self.cause.trim() {
            "" => r.push(Issue::error("cause", IssueCode::Required)),
            c => match c.parse::<RepaymentCause>() {
                Ok(RepaymentCause::HfError) => {}
                Ok(RepaymentCause::HelfoInformation) => {
                    r.push(Issue::error("cause", IssueCode::RepaymentNotOwed))
                }
                Err(_) => r.push(
                    Issue::error("cause", IssueCode::NotOneOf)
                        .with("allowed", "hf_error, helfo_information"),
                ),
            },
        }
        let reason = self.reason.trim();
        if reason.is_empty() {
            r.push(Issue::error("reason", IssueCode::Required));
        } else if reason.chars().count() > NOTE_MAX {
            r.push(Issue::error("reason", IssueCode::TooLong).with("max", NOTE_MAX));
        }
        if let Some(p) = payment
            && let Ok(bar) = time_bar(p.paid_on)
            && today > bar
        {
            r.push(Issue::error("", IssueCode::TimeBarred).with("bar", bar));
        }
        match (payment, amount) {
            (Some(p), Some(a)) if !r.has_errors() => Ok((p.n, a)),
            _ => Err(r),
        }
    }
}

/// The claim number `FK-YYYY-NNNNNN`.
pub fn claim_number(year: i32, seq: i64) -> String {
    format!("FK-{year:04}-{seq:06}")
}

impl DecisionForm {
    /// The decision, its reason, note and approved amount for a line
    /// claiming `claimed` øre — or what is wrong. FK-5: every deviation has
    /// a reason, "other" a note on its basis, and Helfo never approves more
    /// than was claimed. FK-4: a paid line's decision stands.
    pub fn check(
        &self,
        claimed: i64,
        paid: bool,
    ) -> Result<(Decision, Option<Reason>, Option<String>, i64), crate::validation::Report> {
        use strum::IntoEnumIterator;
        let mut r = crate::validation::Report::new();
        if paid {
            r.push(Issue::error("decision", IssueCode::LineAlreadyPaid));
            return Err(r);
        }
        let reasons = || {
            Reason::iter()
                .map(Reason::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let reason = if self.reason.trim().is_empty() {
            None
        } else {
            match self.reason.trim().parse::<Reason>() {
                Ok(x) => Some(x),
                Err(_) => {
                    r.push(
                        Issue::error("reason", IssueCode::NotOneOf).with("allowed", &*reasons()),
                    );
                    None
                }
            }
        };
        let decision = match self.decision.trim() {
            "approved" => Decision::Approved,
            "rejected" => Decision::Rejected,
            other => {
                let code = if other.is_empty() {
                    IssueCode::Required
                } else {
                    IssueCode::NotOneOf
                };
                r.push(Issue::error("decision", code).with("allowed", "approved, rejected"));
                return Err(r);
            }
        };
        let amount = if self.amount.trim().is_empty() {
            claimed
        } else {
            match parse_amount(&self.amount) {
                Some(a) if a > claimed => {
                    r.push(
                        Issue::error("amount", IssueCode::ApprovedAboveClaimed)
                            .with("max", &*format_ore(claimed)),
                    );
                    claimed
                }
                Some(a) => a,
                None => {
                    r.push(Issue::error("amount", IssueCode::AmountInvalid));
                    claimed
                }
            }
        };
        let deviates = decision == Decision::Rejected || amount != claimed;
        if deviates && reason.is_none() && self.reason.trim().is_empty() {
            r.push(Issue::error("reason", IssueCode::ReasonRequired).with("allowed", &*reasons()));
        }
        let note = self.note.trim();
        if reason == Some(Reason::Other) && note.is_empty() {
            r.push(Issue::error("note", IssueCode::NoteRequired));
        } else if note.chars().count() > NOTE_MAX {
            r.push(Issue::error("note", IssueCode::TooLong).with("max", NOTE_MAX));
        }
        if r.has_errors() {
            return Err(r);
        }
        let approved = if decision == Decision::Approved {
            amount
        } else {
            0
        };
        let note = (!note.is_empty()).then(|| note.to_owned());
        Ok((decision, reason, note, approved))
    }
}
