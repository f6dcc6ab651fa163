//! `frist calendar …`: holidays and working days.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use frist_domain::calendar;
use serde::Serialize;

use crate::io::for_each_value;

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// The public holidays of YEAR (CAL-1), one JSON object each.
    Holidays { year: i32 },
    /// The N-th working day strictly after DATE (CAL-3). With `-`, reads
    /// lines `YYYY-MM-DD N` from stdin and prints one date per line.
    AddWorkdays {
        /// A date (YYYY-MM-DD), or `-` to read lines from stdin.
        date: String,
        /// How many working days to add.
        n: Option<u32>,
    },
    /// Working days d with A < d ≤ B (negative when B is before A).
    WorkdaysBetween { a: NaiveDate, b: NaiveDate },
}

#[derive(Serialize)]
struct HolidayLine {
    date: NaiveDate,
    name_nb: &'static str,
    name_en: &'static str,
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg)
}

pub fn run(cmd: CalendarCommand) -> io::Result<ExitCode> {
    let stdout = io::stdout();
    match cmd {
        CalendarCommand::Holidays { year } => {
            let hs = calendar::holidays(year).map_err(|e| invalid(e.to_string()))?;
            let mut out = stdout.lock();
            for h in hs {
                let line = HolidayLine {
                    date: h.date,
                    name_nb: h.holiday.name_nb(),
                    name_en: h.holiday.name_en(),
                };
                serde_json::to_writer(&mut out, &line)?;
                out.write_all(b"\n")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        CalendarCommand::AddWorkdays { date, n } => {
            if date == "-" {
                if n.is_some() {
                    return Err(invalid("with `-`, N comes from each input line".into()));
                }
                let mut bad = 0usize;
                let mut line_no = 0usize;
                for_each_value(&["-".to_owned()], |line, out| {
                    line_no += 1;
                    match add_line(line) {
                        Ok(d) => writeln!(out, "{d}"),
                        Err(msg) => {
                            bad += 1;
                            eprintln!("frist: line {line_no}: {msg}");
                            writeln!(out)
                        }
                    }
                })?;
                return Ok(if bad == 0 {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                });
            }
            let date: NaiveDate = date
                .parse()
                .map_err(|_| invalid(format!("{date:?} is not a date (YYYY-MM-DD)")))?;
            let n = n.ok_or_else(|| invalid("N is missing".into()))?;
            let d = calendar::add_working_days(date, n).map_err(|e| invalid(e.to_string()))?;
            writeln!(stdout.lock(), "{d}")?;
            Ok(ExitCode::SUCCESS)
        }
        CalendarCommand::WorkdaysBetween { a, b } => {
            let n = calendar::working_days_between(a, b).map_err(|e| invalid(e.to_string()))?;
            writeln!(stdout.lock(), "{n}")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One `YYYY-MM-DD N` line.
fn add_line(line: &str) -> Result<NaiveDate, String> {
    let mut parts = line.split_ascii_whitespace();
    let (Some(d), Some(n), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err("expected `YYYY-MM-DD N`".into());
    };
    let date: NaiveDate = d.parse().map_err(|_| format!("{d:?} is not a date"))?;
    let n: u32 = n
        .parse()
        .map_err(|_| format!("{n:?} is not a whole number ≥ 0"))?;
    calendar::add_working_days(date, n).map_err(|e| e.to_string())
}
