//! `frist fastlege …`: the notice rule (FL-1) and the timeline of a message
//! (FL-4 … FL-7), from the same functions the app and the edge use.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use frist_domain::fastlege::{self, NOTICE_MONTHS, TimingClass};
use serde::Serialize;

#[derive(Subcommand)]
pub enum FastlegeCommand {
    /// FL-1: prints the last working day after a notice (YYYY-MM-DD), the
    /// notice period counted from the 1st of the next month.
    Notice {
        /// The day the notice was given.
        #[arg(long)]
        notice_date: NaiveDate,
        /// Months of notice (default 6).
        #[arg(long, default_value_t = NOTICE_MONTHS)]
        months: u32,
    },
    /// FL-4/5/6/7: prints `{"expected_registration", "class",
    /// "visible_month_before", "chase_from"}` for a message sent on --sent
    /// against the old agreement's termination date.
    Timing {
        #[arg(long)]
        sent: NaiveDate,
        /// The old agreement's last day (T).
        #[arg(long)]
        termination: NaiveDate,
        /// The new GP's or list's start, for FL-4.
        #[arg(long)]
        start: Option<NaiveDate>,
    },
}

#[derive(Serialize)]
struct TimingOut {
    expected_registration: NaiveDate,
    class: Option<TimingClass>,
    visible_month_before: Option<bool>,
    chase_from: Option<NaiveDate>,
}

pub fn run(cmd: FastlegeCommand) -> io::Result<ExitCode> {
    let invalid = |e: frist_domain::calendar::CalendarError| {
        io::Error::new(io::ErrorKind::InvalidInput, e.to_string())
    };
    let mut stdout = io::stdout().lock();
    match cmd {
        FastlegeCommand::Notice {
            notice_date,
            months,
        } => {
            let last = fastlege::last_working_day(notice_date, months).map_err(invalid)?;
            writeln!(stdout, "{last}")?;
        }
        FastlegeCommand::Timing {
            sent,
            termination,
            start,
        } => {
            let t = fastlege::timing(sent, Some(termination), start).map_err(invalid)?;
            let out = TimingOut {
                expected_registration: t.expected_registration,
                class: t.class,
                visible_month_before: t.visible_month_before,
                chase_from: t.chase_from,
            };
            serde_json::to_writer(&mut stdout, &out)?;
            stdout.write_all(b"\n")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
