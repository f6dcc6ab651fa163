//! `frist`: the command-line face of frist's rules, for people and scripts.
//! Every answer comes from `frist-domain`, the same code the browser and the
//! edge run. Exit codes: 0 all valid, 1 something invalid, 2 usage errors.

mod auth_cmd;
mod calendar_cmd;
mod fastlege_cmd;
mod frikort_cmd;
mod frikort_submit;
mod fristbrudd_cmd;
mod id_cmd;
mod io;
mod kontroll_cmd;

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "frist",
    version,
    about = "Helfo rules on the command line: identifiers, working days, deadlines."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check Norwegian identifiers (ID-1 … ID-6). One JSON object per value.
    #[command(subcommand)]
    Id(id_cmd::IdCommand),
    /// Norwegian public holidays and working days (CAL-1 … CAL-3).
    #[command(subcommand)]
    Calendar(calendar_cmd::CalendarCommand),
    /// Fristbrudd deadlines (FB-4, FB-5, FB-11) and queue order (FB-3).
    #[command(subcommand)]
    Fristbrudd(fristbrudd_cmd::FristbruddCommand),
    /// Fastlege: the notice rule (FL-1) and a message's timeline (FL-4 … FL-7).
    #[command(subcommand)]
    Fastlege(fastlege_cmd::FastlegeCommand),
    /// Frikort claim files checked line by line (FK-1 … FK-8).
    #[command(subcommand)]
    Frikort(frikort_cmd::FrikortCommand),
    /// Claims control: a municipality's bills checked before Helfo does
    /// (CTRL-1 … CTRL-9).
    #[command(subcommand)]
    Kontroll(kontroll_cmd::KontrollCommand),
    /// Password hashes in the edge's format (PBKDF2-HMAC-SHA256).
    #[command(subcommand)]
    Auth(auth_cmd::AuthCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Id(cmd) => id_cmd::run(cmd),
        Command::Calendar(cmd) => calendar_cmd::run(cmd),
        Command::Auth(cmd) => auth_cmd::run(cmd),
        Command::Fristbrudd(cmd) => fristbrudd_cmd::run(cmd),
        Command::Fastlege(cmd) => fastlege_cmd::run(cmd),
        Command::Frikort(cmd) => frikort_cmd::run(cmd),
        Command::Kontroll(cmd) => kontroll_cmd::run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("frist: {e}");
            ExitCode::from(2)
        }
    }
}

/// Today's date in Europe/Oslo (CAL-5), unless given.
fn today_or(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| frist_domain::calendar::oslo_date(chrono::Utc::now()))
}
