//! Claims control (rules CTRL-1 … CTRL-9, seed 003): a municipality checks
//! its doctors' bills (regningskort) the way Helfo's automatic rules will,
//! before it sends them.
//!
//! - The takster are reference data, never code: one JSON file per tariff
//!   year in `shared/data/takster/`, each entry with its source, embedded at
//!   build time ([`Tariffs::builtin`]). A new tariff year is a new file.
//! - [`check_bill`] runs the rules of one bill (CTRL-2 … CTRL-5, CTRL-7,
//!   CTRL-8) and returns the same [`Report`] as every other check in frist;
//!   [`check_batch`] adds the rules between bills (CTRL-1, CTRL-6) and the
//!   figures per doctor and month.
//! - [`peer_distribution`] is CTRL-9, a pure function over monthly
//!   aggregates; [`missing_takster`] is its hint for new doctors.
//!
//! Every issue names its rule in the parameter `rule` and, where it is about
//! a takst, the takst in `takst`.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::frikort::parse_amount;
use crate::ids::{FnrContext, Fodselsnummer, HprNummer};
use crate::table::{CsvStream, Fields, FileError, Record, Schema};
use crate::validation::{Issue, IssueCode, Report, Severity};

include!(concat!(env!("OUT_DIR"), "/tariffs.rs"));

// --- the tariff table ------------------------------------------------------------------

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
    Day,
    Evening,
}

/// One takst of one tariff year, as the data file has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Takst {
    pub code: String,
    pub text: String,
    #[serde(default)]
    pub chapter: Option<String>,
    /// Honorar, refund and co-payment in kroner (`175,00`); `None` where the
    /// source gives no figure.
    pub fee: Option<String>,
    pub refund: Option<String>,
    pub copay: Option<String>,
    /// `None` where the source does not say: no repetition check.
    #[serde(default)]
    pub rep: Option<Rep>,
    #[serde(default)]
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
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

impl Takst {
    /// The refund in øre, when the source gives it.
    pub fn refund_ore(&self) -> Option<i64> {
        self.refund.as_deref().and_then(parse_amount)
    }
}

/// One tariff year (1 July – 30 June), as one data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TariffYear {
    pub year: i32,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
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
    #[error("{file}: not a tariff year: {reason}")]
    Format { file: String, reason: String },
    #[error("{file}: takst {code} is listed twice")]
    DuplicateCode { file: String, code: String },
    #[error("{file}: takst {code} names the pair {pair}, which does not name it back")]
    PairNotSymmetric {
        file: String,
        code: String,
        pair: String,
    },
    #[error("{file}: the year runs from {from} to {to}")]
    BadPeriod {
        file: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("{file}: overlaps another tariff year")]
    Overlap { file: String },
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

fn covered(list: &[String], code: &str) -> bool {
    list.iter().any(|e| entry_covers(e, code))
}

// --- bills ------------------------------------------------------------------------------

/// The columns of a bill file (an EPJ export): any order, any case.
/// `takster` holds codes separated by spaces, commas or `+`, a count as
/// `2cd*2`; `belop` is the refund claimed in kroner; `innsendt` the date
/// the bill is (or was) sent to Helfo.
pub static BILL_SCHEMA: Schema = Schema {
    columns: &[
        "hpr",
        "pasient",
        "dato",
        "klokkeslett",
        "takster",
        "belop",
        "innsendt",
    ],
    required: 5,
    dates: &[2, 6],
    ids: &[1],
};

/// The columns of a practitioner list: the municipality's doctors, each
/// with role (`fastlege`, `vikar`, `lis1`), the GP a substitute covers,
/// the start of the direct settlement agreement (CTRL-7), the listed
/// patients (CTRL-9) and the start in practice (new doctors).
pub static DOCTOR_SCHEMA: Schema = Schema {
    columns: &[
        "hpr",
        "rolle",
        "vikar_for",
        "avtale_fra",
        "listepasienter",
        "startet",
    ],
    required: 2,
    dates: &[3, 5],
    ids: &[],
};

crate::named_enum! {
    /// A doctor's role in the municipality's practice.
    pub enum DoctorRole { Fastlege, Vikar, Lis1 }
}

impl DoctorRole {
    /// The role as a clerk reads it.
    pub const fn name_nb(self) -> &'static str {
        match self {
            DoctorRole::Fastlege => "Fastlege",
            DoctorRole::Vikar => "Vikar",
            DoctorRole::Lis1 => "LIS1",
        }
    }
}

/// One doctor of the practitioner list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doctor {
    pub hpr: HprNummer,
    pub role: DoctorRole,
    /// CTRL-6: the GP a substitute covers.
    pub covers: Option<HprNummer>,
    /// CTRL-7: the direct settlement agreement's first day.
    pub agreement_from: Option<NaiveDate>,
    /// CTRL-9: patients on the list.
    pub listed: Option<u32>,
    /// New doctors get the missing-takster hint.
    pub started: Option<NaiveDate>,
}

impl Doctor {
    /// New: a LIS1, or started less than a year before `month`.
    pub fn is_new(&self, month: NaiveDate) -> bool {
        self.role == DoctorRole::Lis1
            || self
                .started
                .is_some_and(|s| calendar::add_years(s, 1).is_ok_and(|y| y > month))
    }
}

fn hpr_field(issues: &mut Vec<Issue>, path: &str, text: &str) -> Option<HprNummer> {
    if text.trim().is_empty() {
        issues.push(Issue::error(path, IssueCode::Required));
        return None;
    }
    text.trim()
        .parse::<HprNummer>()
        .map_err(|e| issues.push(Issue::from_id_error(path, e)))
        .ok()
}

fn optional_date(issues: &mut Vec<Issue>, path: &str, text: &str) -> Option<NaiveDate> {
    if text.trim().is_empty() {
        return None;
    }
    let d = calendar::parse_date(text);
    if d.is_none() {
        issues.push(Issue::error(path, IssueCode::DateInvalid));
    }
    d
}

/// One row of a practitioner list, checked.
pub fn read_doctor(f: &Fields<'_>) -> Result<Doctor, Vec<Issue>> {
    let mut issues = Vec::new();
    let hpr = hpr_field(&mut issues, "hpr", f.get(0));
    let role = f.get(1).trim().to_lowercase().parse::<DoctorRole>().ok();
    if role.is_none() {
        issues.push(
            Issue::error("rolle", IssueCode::NotOneOf).with("allowed", "fastlege, vikar, lis1"),
        );
    }
    let covers = if f.get(2).trim().is_empty() {
        if role == Some(DoctorRole::Vikar) {
            issues.push(Issue::error("vikar_for", IssueCode::Required));
        }
        None
    } else {
        hpr_field(&mut issues, "vikar_for", f.get(2))
    };
    let agreement_from = optional_date(&mut issues, "avtale_fra", f.get(3));
    let listed = match f.get(4).trim() {
        "" => None,
        t => match t.replace(['\u{a0}', ' '], "").parse::<u32>() {
            Ok(n) if n <= 10_000 => Some(n),
            _ => {
                issues.push(
                    Issue::error("listepasienter", IssueCode::NumberOutOfRange)
                        .with("min", 0i64)
                        .with("max", 10_000i64),
                );
                None
            }
        },
    };
    let started = optional_date(&mut issues, "startet", f.get(5));
    match (hpr, role) {
        (Some(hpr), Some(role)) if issues.is_empty() => Ok(Doctor {
            hpr,
            role,
            covers,
            agreement_from,
            listed,
            started,
        }),
        _ => Err(issues),
    }
}

/// One takst on a bill and how many times it stands there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub code: String,
    pub count: u32,
}

/// A bill that could be read: who, whom, when, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bill {
    pub line: u64,
    pub hpr: HprNummer,
    pub patient: Fodselsnummer,
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// The takster in the order written, counts summed.
    pub takster: Vec<Line>,
    /// The refund claimed, in øre, when the file has it.
    pub amount_ore: Option<i64>,
    pub sent: Option<NaiveDate>,
}

/// Parses `2ad 2cd*2, 701a` into takster with counts (codes lower-cased).
pub fn parse_takster(text: &str) -> Result<Vec<Line>, String> {
    let mut out: Vec<Line> = Vec::new();
    for token in text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '+')
        .filter(|t| !t.is_empty())
    {
        let (code, count) = match token.split_once('*') {
            Some((c, n)) => (c, n.parse::<u32>().map_err(|_| token.to_owned())?),
            None => (token, 1),
        };
        if code.is_empty() || count == 0 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(token.to_owned());
        }
        let code = code.to_ascii_lowercase();
        match out.iter_mut().find(|l| l.code == code) {
            Some(l) => l.count += count,
            None => out.push(Line { code, count }),
        }
    }
    Ok(out)
}

/// Reads one row of a bill file: the bill, or the issues that stop it
/// from being read.
pub fn read_bill(line: u64, f: &Fields<'_>, fnr: &FnrContext) -> Result<Bill, Vec<Issue>> {
    let mut issues = Vec::new();
    let hpr = hpr_field(&mut issues, "hpr", f.get(0));
    let patient = match f.get(1).trim() {
        "" => {
            issues.push(Issue::error("pasient", IssueCode::Required));
            None
        }
        t => Fodselsnummer::parse(t, fnr)
            .map_err(|e| issues.push(Issue::from_id_error("pasient", e)))
            .ok(),
    };
    let date = match f.get(2).trim() {
        "" => {
            issues.push(Issue::error("dato", IssueCode::Required));
            None
        }
        t => match calendar::parse_date(t) {
            Some(d) if d > fnr.today => {
                issues.push(Issue::error("dato", IssueCode::DateInFuture).with("today", fnr.today));
                None
            }
            Some(d) => Some(d),
            None => {
                issues.push(Issue::error("dato", IssueCode::DateInvalid));
                None
            }
        },
    };
    let time = match NaiveTime::parse_from_str(f.get(3).trim(), "%H:%M") {
        Ok(t) => Some(t),
        Err(_) => {
            issues.push(Issue::error("klokkeslett", IssueCode::TimeInvalid));
            None
        }
    };
    let takster = match parse_takster(f.get(4)) {
        Ok(t) if t.is_empty() => {
            issues.push(Issue::error("takster", IssueCode::Required));
            None
        }
        Ok(t) => Some(t),
        Err(token) => {
            issues.push(
                Issue::error("takster", IssueCode::TakstUnreadable).with("takst", token.as_str()),
            );
            None
        }
    };
    let amount_ore = match f.get(5).trim() {
        "" => None,
        t => match parse_amount(t) {
            Some(a) => Some(a),
            None => {
                issues.push(Issue::error("belop", IssueCode::AmountInvalid));
                None
            }
        },
    };
    let sent = optional_date(&mut issues, "innsendt", f.get(6));
    match (hpr, patient, date, time, takster) {
        (Some(hpr), Some(patient), Some(date), Some(time), Some(takster)) if issues.is_empty() => {
            Ok(Bill {
                line,
                hpr,
                patient,
                date,
                time,
                takster,
                amount_ore,
                sent,
            })
        }
        _ => Err(issues),
    }
}

// --- the rules of one bill --------------------------------------------------------------

/// What the rules of one bill need besides the bill.
#[derive(Debug, Clone, Copy)]
pub struct BillContext<'a> {
    pub tariffs: &'a Tariffs,
    /// `--tariff-year`: check every bill against this year instead of the
    /// year in force on its date.
    pub forced_year: Option<i32>,
    /// The day the bill reaches Helfo when the file does not say (CTRL-8).
    pub sent: NaiveDate,
    /// The doctor, when the practitioner list has them (CTRL-7).
    pub doctor: Option<&'a Doctor>,
}

fn rule(issue: Issue, rule: &str) -> Issue {
    issue.with("rule", rule)
}

/// An error of rule `rule_id` about takst `takst` on the bill's takster.
fn takst_error(code: IssueCode, takst: &Takst, rule_id: &str) -> Issue {
    rule(
        Issue::error("takster", code).with("takst", takst.code.as_str()),
        rule_id,
    )
}

/// An error of rule `rule_id` about two takster that may not stand together.
fn pair_error(code: IssueCode, takst: &Takst, other: &Takst, rule_id: &str) -> Issue {
    takst_error(code, takst, rule_id).with("other", other.code.as_str())
}

/// CTRL-8: the last day a bill for treatment on `date` can reach Helfo —
/// «six months after the end of the month of treatment». **Choice**: the
/// end of a month is an instant (midnight into the next month), and six
/// months after it is midnight into the seventh month, so the bar is the
/// last day of the sixth month after (treatment in April: 31 October, not
/// CAL-8's 30 October from 30 April). A bar on a weekend or holiday rolls
/// forward (CAL-7: forvaltningsloven § 30 with domstolloven § 149).
///
/// ```
/// use chrono::NaiveDate;
/// use frist_domain::kontroll::time_bar;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(time_bar(d(2025, 4, 20)), Some(d(2025, 10, 31)));
/// // 31 October 2026 is a Saturday: Monday 2 November.
/// assert_eq!(time_bar(d(2026, 4, 20)), Some(d(2026, 11, 2)));
/// ```
pub fn time_bar(date: NaiveDate) -> Option<NaiveDate> {
    let month_start = date.with_day(1)?;
    let end = calendar::last_day_of_month(calendar::add_months(month_start, 6).ok()?).ok()?;
    calendar::roll_forward(end).ok()
}

/// The tariff year a bill is checked against, and whether it is the year
/// in force on the bill's date (or the one asked for).
pub fn tariff_for<'a>(
    bill_date: NaiveDate,
    ctx: &BillContext<'a>,
) -> Option<(&'a TariffYear, bool)> {
    match ctx.forced_year {
        Some(y) => ctx.tariffs.year(y).map(|y| (y, true)),
        None => ctx.tariffs.for_date(bill_date),
    }
}

/// CTRL-2 … CTRL-5, CTRL-7, CTRL-8 on one bill. The refund in øre is the
/// tariff's (CTRL-4: a half-price repetition counts half), or `None` when
/// the tariff does not give an amount for every takst on the bill — then
/// CTRL-9 cannot count the bill unless the file carries its amount.
///
/// A takst frist's tariff table does not hold is a warning, not an error
/// (**choice**): the table is a partial copy of Normaltariffen, so such a
/// takst may well be valid; it is named for a person to check.
pub fn check_bill(bill: &Bill, ctx: &BillContext<'_>) -> (Report, Option<i64>) {
    let mut report = Report::new();
    let Some((year, _)) = tariff_for(bill.date, ctx) else {
        let issue = match ctx.forced_year {
            // A year is text, not a number: "2024", never "2 024".
            Some(y) => Issue::error("", IssueCode::TariffYearMissing).with("year", &*y.to_string()),
            None => Issue::error("dato", IssueCode::TariffYearMissing)
                .with("year", &*tariff_year_of(bill.date).to_string()),
        };
        report.push(issue);
        return (report, None);
    };
    let mut known: Vec<(&Takst, u32)> = Vec::new();
    for l in &bill.takster {
        match year.takst(&l.code) {
            Some(t) => known.push((t, l.count)),
            None => report.push(rule(
                Issue::warning("takster", IssueCode::TakstUnknown)
                    .with("takst", l.code.as_str())
                    .with(
                        "year",
                        &*format!("{}–{:02}", year.year, (year.year + 1).rem_euclid(100)),
                    ),
                "CTRL-2",
            )),
        }
    }
    let only_one = bill.takster.len() == 1;
    let mut refund = (known.len() == bill.takster.len()).then_some(0i64);
    for (i, (t, count)) in known.iter().enumerate() {
        // CTRL-2: a takst that must stand alone.
        if t.alone && !only_one {
            report.push(takst_error(IssueCode::TakstMustStandAlone, t, "CTRL-2"));
        }
        for (u, _) in known.iter().skip(i + 1) {
            let pair = |a: &Takst, b: &Takst| {
                a.pair
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(&b.code))
            };
            if pair(t, u) {
                // CTRL-5 names a day and evening variant together; it is
                // not reported again as CTRL-2.
                report.push(pair_error(IssueCode::TakstDayAndEvening, t, u, "CTRL-5"));
                continue;
            }
            if t.alone || u.alone {
                continue;
            }
            for (a, b) in [(*t, *u), (*u, *t)] {
                if let Some(list) = &a.only_with {
                    if !covered(list, &b.code) {
                        report.push(pair_error(IssueCode::TakstNotInWhitelist, a, b, "CTRL-2"));
                        break;
                    }
                    continue;
                }
                if covered(&a.invalid_with, &b.code) && !covered(&a.invalid_except, &b.code) {
                    report.push(pair_error(
                        IssueCode::TakstInvalidCombination,
                        a,
                        b,
                        "CTRL-2",
                    ));
                    break;
                }
            }
        }
        // CTRL-3: needs a main takst beside it.
        if t.needs_companion
            && !bill.takster.iter().any(|l| {
                year.takst(&l.code)
                    .is_some_and(|o| !o.needs_companion && !o.code.eq_ignore_ascii_case(&t.code))
            })
        {
            report.push(takst_error(IssueCode::TakstNeedsCompanion, t, "CTRL-3"));
        }
        // CTRL-4: repetitions.
        if let Some(max) = t.rep.and_then(Rep::max)
            && *count > max
        {
            report.push(
                takst_error(IssueCode::TakstRepeatedTooOften, t, "CTRL-4")
                    .with("max", i64::from(max))
                    .with("count", i64::from(*count)),
            );
        }
        let n = i64::from(*count);
        refund = match (refund, t.refund_ore()) {
            (Some(sum), Some(unit)) => Some(
                sum + match t.rep {
                    Some(Rep::SecondHalf | Rep::UnlimitedHalf) => unit + (n - 1) * unit / 2,
                    _ => n * unit,
                },
            ),
            _ => None,
        };
    }
    // CTRL-7: no refund before the direct settlement agreement.
    if let Some(from) = ctx.doctor.and_then(|d| d.agreement_from)
        && bill.date < from
    {
        report.push(rule(
            Issue::error("dato", IssueCode::NoSettlementAgreement).with("from", from),
            "CTRL-7",
        ));
    }
    // CTRL-8: the bill must reach Helfo within six months after the month.
    let sent = bill.sent.unwrap_or(ctx.sent);
    if let Some(bar) = time_bar(bill.date)
        && sent > bar
    {
        report.push(rule(
            Issue::error("dato", IssueCode::BillTimeBarred).with("bar", bar),
            "CTRL-8",
        ));
    }
    (report, refund)
}

/// The tariff year (starting 1 July) that covers `date`.
pub fn tariff_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 7 {
        date.year()
    } else {
        date.year() - 1
    }
}

// --- the batch: CTRL-1 and CTRL-6, figures per doctor --------------------------------

/// A bill file's rows: each a bill, or the line and the issues that stop
/// it from being read.
pub type Rows = Vec<Result<Bill, (u64, Vec<Issue>)>>;

/// Reads a bill file held in memory (a month of a municipality's bills is
/// a few megabytes at most).
pub fn read_bills(bytes: &[u8], fnr: &FnrContext) -> Result<Rows, FileError> {
    let mut rows = Vec::new();
    CsvStream::read_all(&BILL_SCHEMA, bytes, &mut |r| rows.push(bill_of(&r, fnr)))?;
    Ok(rows)
}

/// One record of a bill file read with [`BILL_SCHEMA`]: the bill, or its
/// line and the issues that stop it from being read.
pub fn bill_of(record: &Record<'_>, fnr: &FnrContext) -> Result<Bill, (u64, Vec<Issue>)> {
    match record {
        Record::Line { line, fields } => read_bill(*line, fields, fnr).map_err(|i| (*line, i)),
        other => Err((other.line(), other.issue().into_iter().collect())),
    }
}

/// Reads a practitioner list: the doctors, and the lines that could not be
/// read with their issues.
pub fn read_doctors(bytes: &[u8]) -> Result<(Vec<Doctor>, Vec<BillResult>), FileError> {
    let mut doctors = Vec::new();
    let mut problems = Vec::new();
    CsvStream::read_all(&DOCTOR_SCHEMA, bytes, &mut |r| {
        let result = match r {
            Record::Line { fields, .. } => read_doctor(&fields),
            other => Err(other.issue().into_iter().collect()),
        };
        match result {
            Ok(d) => doctors.push(d),
            Err(issues) => problems.push(BillResult {
                line: r.line(),
                hpr: String::new(),
                report: Report { issues },
            }),
        }
    })?;
    Ok((doctors, problems))
}

/// One bill's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillResult {
    pub line: u64,
    /// The doctor's HPR number, when it could be read.
    pub hpr: String,
    #[serde(flatten)]
    pub report: Report,
}

/// One doctor's month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    pub bills: u64,
    pub with_errors: u64,
    /// The refund of the bills without errors, in øre: the amount claimed,
    /// else the tariff's.
    pub refund_ore: i64,
    /// CTRL-9: bills without errors whose refund is not known (no amount in
    /// the file, none in the tariff). While there are any, the month's
    /// refund is not the doctor's, and CTRL-9 leaves the doctor out.
    #[serde(default)]
    pub unpriced: u64,
}

/// One doctor's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorSummary {
    pub hpr: String,
    pub role: Option<DoctorRole>,
    pub listed: Option<u32>,
    pub new_doctor: bool,
    pub bills: u64,
    pub with_errors: u64,
    pub with_warnings: u64,
    /// Rule → issues of it on this doctor's bills.
    pub by_rule: BTreeMap<String, u64>,
    /// Takst → times used on this doctor's bills without errors.
    pub takster: BTreeMap<String, u64>,
    pub months: Vec<MonthFigures>,
    /// New doctors only: takster most peers use and this doctor never does.
    pub missing: Vec<String>,
}

/// A whole file's check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReport {
    pub bills: u64,
    pub with_errors: u64,
    pub with_warnings: u64,
    /// Rule (`CTRL-2`, or the issue code of a field error) → issues.
    pub by_rule: BTreeMap<String, u64>,
    /// Every bill with an issue, in file order.
    pub issues: Vec<BillResult>,
    pub doctors: Vec<DoctorSummary>,
    /// The tariff years the bills were checked against.
    pub tariff_years: Vec<TariffUse>,
}

/// How many bills were checked against one tariff year; not exact when
/// the bills are dated after the last year frist has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TariffUse {
    pub year: i32,
    pub exact: bool,
    pub bills: u64,
}

/// What the batch needs besides the bills.
#[derive(Debug, Clone, Copy)]
pub struct BatchContext<'a> {
    pub doctors: &'a [Doctor],
    pub tariffs: &'a Tariffs,
    pub forced_year: Option<i32>,
    /// The day the bills reach Helfo when the file does not say (CTRL-8).
    pub sent: NaiveDate,
}

/// The key CTRL-1 compares: practitioner, patient, date, time, takst set.
type DuplicateKey = (u32, Fodselsnummer, NaiveDate, NaiveTime, Vec<(String, u32)>);

struct Checked {
    line: u64,
    hpr: String,
    report: Report,
    bill: Option<(Bill, Option<i64>)>,
}

/// CTRL-1 … CTRL-8 over a file of bills, one bill at a time, so a page can
/// check a large file in slices and stay responsive; [`BatchChecker::finish`]
/// adds CTRL-6 (which needs every bill) and the figures per doctor.
pub struct BatchChecker<'a> {
    ctx: BatchContext<'a>,
    by_hpr: HashMap<u32, &'a Doctor>,
    checked: Vec<Checked>,
    first_seen: HashMap<DuplicateKey, (u64, Option<i64>)>,
    at_time: HashMap<(u32, NaiveDate, NaiveTime), Vec<usize>>,
    tariff_use: Vec<TariffUse>,
}

impl<'a> BatchChecker<'a> {
    pub fn new(ctx: BatchContext<'a>) -> Self {
        BatchChecker {
            by_hpr: ctx.doctors.iter().map(|d| (d.hpr.get(), d)).collect(),
            ctx,
            checked: Vec::new(),
            first_seen: HashMap::new(),
            at_time: HashMap::new(),
            tariff_use: Vec::new(),
        }
    }

    /// Checks the next row of the file.
    pub fn push(&mut self, row: Result<Bill, (u64, Vec<Issue>)>) {
        let bill = match row {
            Ok(bill) => bill,
            Err((line, issues)) => {
                self.checked.push(Checked {
                    line,
                    hpr: String::new(),
                    report: Report { issues },
                    bill: None,
                });
                return;
            }
        };
        let ctx = &self.ctx;
        let doctor = self.by_hpr.get(&bill.hpr.get()).copied();
        let bill_ctx = BillContext {
            tariffs: ctx.tariffs,
            forced_year: ctx.forced_year,
            sent: ctx.sent,
            doctor,
        };
        let (mut report, refund) = check_bill(&bill, &bill_ctx);
        if let Some((year, exact)) = tariff_for(bill.date, &bill_ctx) {
            match self
                .tariff_use
                .iter_mut()
                .find(|u| u.year == year.year && u.exact == exact)
            {
                Some(u) => u.bills += 1,
                None => self.tariff_use.push(TariffUse {
                    year: year.year,
                    exact,
                    bills: 1,
                }),
            }
        }
        // CTRL-9 counts what is paid: the amount claimed, else the tariff's
        // (when it gives one for every takst).
        let refund = bill.amount_ore.or(refund);
        if !ctx.doctors.is_empty() && doctor.is_none() {
            report.push(Issue::warning("hpr", IssueCode::DoctorNotListed));
        }
        // CTRL-1: the same bill twice; the same but for the amount, flagged.
        let mut set: Vec<(String, u32)> = bill
            .takster
            .iter()
            .map(|l| (l.code.clone(), l.count))
            .collect();
        set.sort();
        let key = (bill.hpr.get(), bill.patient, bill.date, bill.time, set);
        match self.first_seen.get(&key) {
            Some((first, amount)) if *amount == bill.amount_ore => report.push(rule(
                Issue::error("", IssueCode::BillDuplicate).with("first_line", *first as i64),
                "CTRL-1",
            )),
            Some((first, _)) => report.push(rule(
                Issue::warning("belop", IssueCode::BillDiffersOnlyInAmount)
                    .with("first_line", *first as i64),
                "CTRL-1",
            )),
            None => {
                self.first_seen.insert(key, (bill.line, bill.amount_ore));
            }
        }
        self.at_time
            .entry((bill.hpr.get(), bill.date, bill.time))
            .or_default()
            .push(self.checked.len());
        self.checked.push(Checked {
            line: bill.line,
            hpr: bill.hpr.to_string(),
            report,
            bill: Some((bill, refund)),
        });
    }

    /// CTRL-6 over every bill, then the report.
    pub fn finish(self) -> BatchReport {
        let BatchChecker {
            ctx,
            mut checked,
            at_time,
            mut tariff_use,
            ..
        } = self;
        // CTRL-6: a substitute and the GP they cover bill the same date and time.
        let mut marks: Vec<(usize, u64, String)> = Vec::new();
        for d in ctx.doctors {
            let Some(gp) = d.covers else { continue };
            for ((hpr, date, time), own) in &at_time {
                if *hpr != d.hpr.get() {
                    continue;
                }
                let Some(theirs) = at_time.get(&(gp.get(), *date, *time)) else {
                    continue;
                };
                for (a, b, who) in [(own, theirs, gp), (theirs, own, d.hpr)] {
                    for i in a {
                        marks.push((*i, checked[b[0]].line, who.to_string()));
                    }
                }
            }
        }
        marks.sort();
        marks.dedup();
        for (i, other_line, other_hpr) in marks {
            checked[i].report.push(rule(
                Issue::warning("", IssueCode::SubstituteOverlap)
                    .with("other_line", other_line as i64)
                    .with("other_hpr", other_hpr.as_str()),
                "CTRL-6",
            ));
        }
        let mut report = summarise(checked, ctx.doctors);
        tariff_use.sort_by_key(|u| (u.year, u.exact));
        report.tariff_years = tariff_use;
        report
    }
}

/// CTRL-1 … CTRL-8 over a file of bills, with the figures per doctor.
pub fn check_batch(
    rows: &[Result<Bill, (u64, Vec<Issue>)>],
    ctx: &BatchContext<'_>,
) -> BatchReport {
    let mut checker = BatchChecker::new(*ctx);
    for row in rows {
        checker.push(row.clone());
    }
    checker.finish()
}

fn summarise(checked: Vec<Checked>, doctors: &[Doctor]) -> BatchReport {
    let mut out = BatchReport::default();
    let mut per: BTreeMap<String, DoctorSummary> = doctors
        .iter()
        .map(|d| (d.hpr.to_string(), summary_for(d.hpr.to_string(), Some(d))))
        .collect();
    let mut latest: Option<NaiveDate> = None;
    for c in checked {
        out.bills += 1;
        let errors = c.report.has_errors();
        let warnings = c
            .report
            .issues
            .iter()
            .any(|i| i.severity == Severity::Warning);
        out.with_errors += u64::from(errors);
        out.with_warnings += u64::from(warnings);
        for i in &c.report.issues {
            count_in(&mut out.by_rule, rule_of(i), 1);
        }
        if let Some((bill, refund)) = &c.bill {
            let refund = *refund;
            latest = latest.max(Some(bill.date));
            if !per.contains_key(&c.hpr) {
                per.insert(c.hpr.clone(), summary_for(c.hpr.clone(), None));
            }
            let Some(s) = per.get_mut(&c.hpr) else {
                continue;
            };
            s.bills += 1;
            s.with_errors += u64::from(errors);
            s.with_warnings += u64::from(warnings);
            for i in &c.report.issues {
                count_in(&mut s.by_rule, rule_of(i), 1);
            }
            if !errors {
                for l in &bill.takster {
                    count_in(&mut s.takster, &l.code, u64::from(l.count));
                }
            }
            let month = month_of(bill.date);
            let m = match s.months.iter().position(|m| m.month == month) {
                Some(i) => i,
                None => {
                    s.months.push(MonthFigures {
                        month,
                        bills: 0,
                        with_errors: 0,
                        refund_ore: 0,
                        unpriced: 0,
                    });
                    s.months.len() - 1
                }
            };
            let m = &mut s.months[m];
            m.bills += 1;
            m.with_errors += u64::from(errors);
            if !errors {
                match refund {
                    Some(r) => m.refund_ore += r,
                    None => m.unpriced += 1,
                }
            }
        }
        if !c.report.is_empty() {
            out.issues.push(BillResult {
                line: c.line,
                hpr: c.hpr,
                report: c.report,
            });
        }
    }
    out.doctors = per.into_values().collect();
    for s in &mut out.doctors {
        s.months.sort_by(|a, b| a.month.cmp(&b.month));
    }
    // The missing-takster hint: new doctors against the established ones.
    if let Some(month) = latest {
        let new: Vec<bool> = out
            .doctors
            .iter()
            .map(|s| {
                doctors
                    .iter()
                    .find(|d| d.hpr.to_string() == s.hpr)
                    .is_some_and(|d| d.is_new(month))
            })
            .collect();
        let peers: Vec<&BTreeMap<String, u64>> = out
            .doctors
            .iter()
            .zip(&new)
            .filter(|(s, new)| !**new && s.bills > 0)
            .map(|(s, _)| &s.takster)
            .collect();
        let missing: Vec<Vec<String>> = out
            .doctors
            .iter()
            .zip(&new)
            .map(|(s, new)| {
                if *new {
                    missing_takster(&s.takster, &peers)
                } else {
                    Vec::new()
                }
            })
            .collect();
        for ((s, new), missing) in out.doctors.iter_mut().zip(new).zip(missing) {
            s.new_doctor = new;
            s.missing = missing;
        }
    }
    out
}

fn summary_for(hpr: String, d: Option<&Doctor>) -> DoctorSummary {
    DoctorSummary {
        hpr,
        role: d.map(|d| d.role),
        listed: d.and_then(|d| d.listed),
        new_doctor: false,
        bills: 0,
        with_errors: 0,
        with_warnings: 0,
        by_rule: BTreeMap::new(),
        takster: BTreeMap::new(),
        months: Vec::new(),
        missing: Vec::new(),
    }
}

/// `YYYY-MM` of a date.
pub fn month_of(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// The rule an issue belongs to: its `rule` parameter, else its code.
pub fn rule_of(issue: &Issue) -> &str {
    match issue.params.get("rule") {
        Some(crate::validation::Param::Text(r)) => r,
        _ => issue.code.as_str(),
    }
}

/// Adds `n` to the count under `key`, allocating the key only when new.
fn count_in(map: &mut BTreeMap<String, u64>, key: &str, n: u64) {
    match map.get_mut(key) {
        Some(v) => *v += n,
        None => {
            map.insert(key.to_owned(), n);
        }
    }
}

// --- CTRL-9: unusual payouts ------------------------------------------------------------

/// CTRL-9: fewer peers than this and nobody is called unusual.
pub const MIN_PEERS: usize = 5;
/// CTRL-9: the default k of median + k·MAD.
pub const DEFAULT_K: f64 = 3.0;
/// The MAD of a normal distribution is 0.6745 σ; scaled, it estimates σ.
const MAD_SCALE: f64 = 1.4826;

/// One doctor's month, as the edge keeps it: no patient in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// The doctor's HPR number for the municipality's own doctors; empty
    /// for other municipalities' (they are shown only as values).
    pub hpr: String,
    pub refund_ore: i64,
    pub listed: u32,
    pub own: bool,
}

/// One point of the distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerPoint {
    pub hpr: String,
    /// Refund per listed patient, in kroner.
    pub per_patient: f64,
    pub own: bool,
    pub outlier: bool,
}

/// CTRL-9's answer for one month and peer group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub median: f64,
    /// The scaled median absolute deviation.
    pub mad: f64,
    pub k: f64,
    /// median + k·MAD: above it a doctor is flagged.
    pub threshold: f64,
    /// Whether there were [`MIN_PEERS`] to compare with.
    pub enough_peers: bool,
    /// Sorted by value.
    pub points: Vec<PeerPoint>,
}

fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// CTRL-9: refunds per listed patient against the peers: flagged when above
/// median + k·MAD (the MAD scaled to estimate σ, and at least 5 % of the
/// median so a group of equal doctors does not flag a krone's difference).
/// Doctors with no listed patients are left out: there is nothing to divide by.
pub fn peer_distribution(aggregates: &[Aggregate], k: f64) -> Distribution {
    let mut points: Vec<PeerPoint> = aggregates
        .iter()
        .filter(|a| a.listed > 0)
        .map(|a| PeerPoint {
            hpr: a.hpr.clone(),
            per_patient: a.refund_ore as f64 / 100.0 / f64::from(a.listed),
            own: a.own,
            outlier: false,
        })
        .collect();
    points.sort_by(|a, b| a.per_patient.total_cmp(&b.per_patient));
    let values: Vec<f64> = points.iter().map(|p| p.per_patient).collect();
    let med = median(&values);
    let mut deviations: Vec<f64> = values.iter().map(|v| (v - med).abs()).collect();
    deviations.sort_by(f64::total_cmp);
    let mad = (median(&deviations) * MAD_SCALE).max(med.abs() * 0.05);
    let threshold = med + k * mad;
    let enough_peers = points.len() >= MIN_PEERS;
    if enough_peers {
        for p in &mut points {
            p.outlier = p.per_patient > threshold;
        }
    }
    Distribution {
        median: med,
        mad,
        k,
        threshold,
        enough_peers,
        points,
    }
}

/// CTRL-9's hint for a new doctor: the takster that at least half of the
/// established peers (and at least two) use and the new doctor never does,
/// most used first.
pub fn missing_takster(
    own: &BTreeMap<String, u64>,
    peers: &[&BTreeMap<String, u64>],
) -> Vec<String> {
    let mut users: BTreeMap<&str, usize> = BTreeMap::new();
    for p in peers {
        for (code, n) in p.iter() {
            if *n > 0 {
                *users.entry(code).or_default() += 1;
            }
        }
    }
    let needed = peers.len().div_ceil(2).max(2);
    let mut missing: Vec<(&str, usize)> = users
        .into_iter()
        .filter(|(code, n)| *n >= needed && own.get(*code).copied().unwrap_or(0) == 0)
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    missing.into_iter().map(|(c, _)| c.to_owned()).collect()
}

/// The figures the edge keeps per doctor and month (CTRL-9): no patient,
/// only sums. Doctors without a listed-patient count are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthUpload {
    pub doctors: Vec<DoctorMonth>,
}

/// One doctor's month for the edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorMonth {
    pub hpr: HprNummer,
    pub refund_ore: i64,
    pub listed: u32,
    pub bills: u64,
}

impl MonthUpload {
    /// The month's figures as the municipality's own points of CTRL-9.
    pub fn own_aggregates(&self) -> Vec<Aggregate> {
        self.doctors
            .iter()
            .map(|d| Aggregate {
                hpr: d.hpr.to_string(),
                refund_ore: d.refund_ore,
                listed: d.listed,
                own: true,
            })
            .collect()
    }
}

impl Distribution {
    /// The HPR numbers of the flagged doctors.
    pub fn outliers(&self) -> Vec<&str> {
        self.points
            .iter()
            .filter(|p| p.outlier)
            .map(|p| p.hpr.as_str())
            .collect()
    }
}

impl BatchReport {
    /// The month's figures for the edge. A doctor with bills whose refund
    /// is unknown is left out: a sum of what is known would understate the
    /// refund and compare the doctor on zeros (CTRL-9).
    pub fn month_upload(&self, month: &str) -> MonthUpload {
        let doctors = self
            .doctors
            .iter()
            .filter_map(|s| {
                let m = s.months.iter().find(|m| m.month == month)?;
                if m.unpriced > 0 {
                    return None;
                }
                Some(DoctorMonth {
                    hpr: s.hpr.parse().ok()?,
                    refund_ore: m.refund_ore,
                    listed: s.listed?,
                    bills: m.bills,
                })
            })
            .collect();
        MonthUpload { doctors }
    }

    /// The month with the most bills: the month a file is "for".
    pub fn main_month(&self) -> Option<String> {
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for s in &self.doctors {
            for m in &s.months {
                *counts.entry(&m.month).or_default() += m.bills;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(m, _)| m.to_owned())
    }
}

/// CTRL-9: a municipality's size class by its listed patients (a stand-in
/// for its population): SSB's small (< 5 000), medium (< 20 000), large.
pub fn size_class(listed_total: u64) -> &'static str {
    match listed_total {
        0..5_000 => "small",
        5_000..20_000 => "medium",
        _ => "large",
    }
}

// --- the edge's wire types (CTRL-9) ------------------------------------------------------

/// The most doctors one municipality's month may hold.
pub const MAX_DOCTORS: usize = 500;

crate::named_enum! {
    /// CTRL-9's comparable GPs: the same municipality size class, or all.
    pub enum PeerGroup { Class, All }
}

/// What the edge answers for a month: the distribution, with the
/// municipality's own doctors named and every other doctor a bare value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerView {
    pub month: String,
    pub peers: PeerGroup,
    /// The municipality's class that month (`small`, `medium`, `large`).
    pub size_class: String,
    /// How many municipalities the peers come from.
    pub organisations: u64,
    pub distribution: Distribution,
}

/// A month as `YYYY-MM`, not after today's month.
pub fn parse_month(text: &str, today: NaiveDate) -> Result<NaiveDate, Issue> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .ok()
        .filter(|_| text.trim().len() == 7);
    match first {
        None => Err(Issue::error("month", IssueCode::DateInvalid)),
        Some(m) if m > today => {
            Err(Issue::error("month", IssueCode::DateInFuture).with("today", today))
        }
        Some(m) => Ok(m),
    }
}

impl MonthUpload {
    /// The figures' own checks: each doctor once, list sizes a doctor can
    /// have, amounts that are not negative.
    pub fn check(&self) -> Report {
        let mut r = Report::new();
        if self.doctors.is_empty() {
            r.push(Issue::error("doctors", IssueCode::Required));
        }
        if self.doctors.len() > MAX_DOCTORS {
            r.push(
                Issue::error("doctors", IssueCode::NumberOutOfRange)
                    .with("min", 1i64)
                    .with("max", MAX_DOCTORS),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, d) in self.doctors.iter().enumerate() {
            if !seen.insert(d.hpr) {
                r.push(Issue::error(
                    format!("doctors[{i}].hpr"),
                    IssueCode::AlreadyExists,
                ));
            }
            if !(1..=10_000).contains(&d.listed) {
                r.push(
                    Issue::error(format!("doctors[{i}].listed"), IssueCode::NumberOutOfRange)
                        .with("min", 1i64)
                        .with("max", 10_000i64),
                );
            }
            if !(0..=100_000_000_000).contains(&d.refund_ore) {
                r.push(
                    Issue::error(
                        format!("doctors[{i}].refund_ore"),
                        IssueCode::NumberOutOfRange,
                    )
                    .with("min", 0i64)
                    .with("max", 100_000_000_000i64),
                );
            }
            if d.bills > 1_000_000 {
                r.push(
                    Issue::error(format!("doctors[{i}].bills"), IssueCode::NumberOutOfRange)
                        .with("min", 0i64)
                        .with("max", 1_000_000i64),
                );
            }
        }
        r
    }

    /// CTRL-9: the municipality's size class from its doctors' lists.
    pub fn size_class(&self) -> &'static str {
        size_class(self.doctors.iter().map(|d| u64::from(d.listed)).sum())
    }
}
