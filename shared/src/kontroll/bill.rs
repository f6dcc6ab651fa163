//! Bills (regningskort) as an EPJ export has them: the columns of a bill file
//! ([`BILL_SCHEMA`]), the takster on a bill and the reading of one row.

use chrono::NaiveDate;
use chrono::NaiveTime;
use serde::Deserialize;
use serde::Serialize;

use crate::fields;
use crate::ids::FnrContext;
use crate::ids::Fodselsnummer;
use crate::ids::HprNummer;
use crate::table::Fields;
use crate::table::Schema;
use crate::validation::Issue;
use crate::validation::IssueCode;

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

/// One takst on a bill and how many times it stands there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The takst's code, lower-cased.
    pub code: String,
    /// How many times it stands on the bill.
    pub count: u32,
}

/// A bill that could be read: who, whom, when, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bill {
    /// The bill's line in the file.
    pub line: u64,
    /// The doctor who bills.
    pub hpr: HprNummer,
    /// The patient.
    pub patient: Fodselsnummer,
    /// The day of the treatment.
    pub date: NaiveDate,
    /// The time of the treatment.
    pub time: NaiveTime,
    /// The takster in the order written, counts summed.
    pub takster: Vec<Line>,
    /// The refund claimed, in øre, when the file has it.
    pub amount_ore: Option<i64>,
    /// When the bill reached Helfo, when the file says (CTRL-8).
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
    let hpr = fields::hpr(&mut issues, "hpr", f.get(0));
    let patient = fields::id(&mut issues, "pasient", f.get(1).trim(), |v| {
        Fodselsnummer::parse(v, fnr)
    });
    let date = fields::date(&mut issues, "dato", f.get(2));
    if let Some(d) = date
        && d > fnr.today
    {
        issues.push(Issue::error("dato", IssueCode::DateInFuture).with("today", fnr.today));
    }
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
    let amount_ore = fields::optional_amount(&mut issues, "belop", f.get(5).trim());
    let sent = fields::optional_date(&mut issues, "innsendt", f.get(6));
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
