//! `frist fristbrudd …`: the deadlines of a case (FB-4, FB-5, FB-11) and
//! Helfo's queue order (FB-3), from the same functions the edge uses.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use frist_domain::fristbrudd::{self, QueueItem, queue_order};
use serde::{Deserialize, Serialize};

use crate::io::for_each_value;

#[derive(Subcommand)]
pub enum FristbruddCommand {
    /// The deadlines of a case as JSON: `contact_by` (FB-4), `reply_by`
    /// (FB-5, with --letter-sent), `service_limit` (FB-11, with --notified).
    Deadlines {
        /// When Helfo took the case up (YYYY-MM-DD).
        #[arg(long)]
        taken_up: NaiveDate,
        /// When Helfo sent the letter with a reply deadline.
        #[arg(long)]
        letter_sent: Option<NaiveDate>,
        /// When the site notified Helfo.
        #[arg(long)]
        notified: Option<NaiveDate>,
    },
    /// Reads JSON lines `{"id", "fristdato", "urgent", "notified_at"}` from
    /// stdin (`-`) and prints the ids in Helfo's queue order (FB-3).
    /// `notified_at` is Unix milliseconds or an RFC 3339 time.
    Queue {
        /// `-` for stdin.
        input: String,
    },
}

#[derive(Serialize)]
struct DeadlinesOut {
    contact_by: NaiveDate,
    reply_by: Option<NaiveDate>,
    service_limit: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueLine {
    id: String,
    fristdato: NaiveDate,
    #[serde(default)]
    urgent: bool,
    notified_at: serde_json::Value,
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg)
}

fn millis(v: &serde_json::Value) -> Option<i64> {
    match v {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => chrono::DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.timestamp_millis()),
        _ => None,
    }
}

pub fn run(cmd: FristbruddCommand) -> io::Result<ExitCode> {
    match cmd {
        FristbruddCommand::Deadlines {
            taken_up,
            letter_sent,
            notified,
        } => {
            let e = |err: frist_domain::calendar::CalendarError| invalid(err.to_string());
            let out = DeadlinesOut {
                contact_by: fristbrudd::contact_by(taken_up).map_err(e)?,
                reply_by: letter_sent
                    .map(fristbrudd::reply_by)
                    .transpose()
                    .map_err(e)?,
                service_limit: notified
                    .map(fristbrudd::service_limit)
                    .transpose()
                    .map_err(e)?,
            };
            let mut stdout = io::stdout().lock();
            serde_json::to_writer(&mut stdout, &out)?;
            stdout.write_all(b"\n")?;
            Ok(ExitCode::SUCCESS)
        }
        FristbruddCommand::Queue { input } => {
            if input != "-" {
                return Err(invalid(
                    "give `-` and the cases as JSON lines on stdin".into(),
                ));
            }
            let mut items = Vec::new();
            let mut line_no = 0usize;
            let mut bad = 0usize;
            for_each_value(&["-".to_owned()], |line, _| {
                line_no += 1;
                if line.trim().is_empty() {
                    return Ok(());
                }
                let parsed = serde_json::from_str::<QueueLine>(line)
                    .map_err(|e| e.to_string())
                    .and_then(|q| {
                        let at = millis(&q.notified_at)
                            .ok_or_else(|| "notified_at must be Unix ms or RFC 3339".to_owned())?;
                        Ok(QueueItem {
                            id: q.id,
                            fristdato: q.fristdato,
                            urgent: q.urgent,
                            notified_at: at,
                        })
                    });
                match parsed {
                    Ok(item) => items.push(item),
                    Err(msg) => {
                        bad += 1;
                        eprintln!("frist: line {line_no}: {msg}");
                    }
                }
                Ok(())
            })?;
            items.sort_by(queue_order);
            let mut out = io::BufWriter::new(io::stdout().lock());
            for item in &items {
                writeln!(out, "{}", item.id)?;
            }
            out.flush()?;
            Ok(if bad == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
