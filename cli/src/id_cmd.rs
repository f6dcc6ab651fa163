//! `frist id …`: one JSON object per input value, in input order.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use frist_domain::ids::{
    FnrContext, Fodselsnummer, HprNummer, IdError, Kontonummer, Organisasjonsnummer,
};
use serde::Serialize;

use crate::io::for_each_value;

#[derive(Subcommand)]
pub enum IdCommand {
    /// Fødselsnummer, D-, H- and FH-nummer (ID-1, ID-2).
    Fnr {
        /// The date to check against (birth dates after it are refused; the
        /// 2032 rule applies from 2032-01-01). Default: today in Oslo.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Accept synthetic test identities (Tenor +80, NAV D-number + 40).
        #[arg(long)]
        allow_synthetic: bool,
        #[command(flatten)]
        values: Values,
    },
    /// Organisasjonsnummer (ID-4).
    Orgnr(Values),
    /// Kontonummer (ID-5).
    Kontonr(Values),
    /// HPR-nummer (ID-6).
    Hpr(Values),
}

#[derive(Args)]
pub struct Values {
    /// The values to check, or `-` to read one per line from stdin.
    #[arg(required = true, value_name = "VALUE")]
    values: Vec<String>,
}

/// The output line. Field order is part of the interface.
#[derive(Serialize)]
struct Verdict<'a> {
    input: &'a str,
    valid: bool,
    kind: Option<&'static str>,
    synthetic: bool,
    birth_date: Option<NaiveDate>,
    error: Option<&'static str>,
}

impl<'a> Verdict<'a> {
    fn simple(input: &'a str, kind: &'static str, r: Result<(), IdError>) -> Self {
        Verdict {
            input,
            valid: r.is_ok(),
            kind: r.is_ok().then_some(kind),
            synthetic: false,
            birth_date: None,
            error: r.err().map(|e| e.code().as_str()),
        }
    }
}

pub fn run(cmd: IdCommand) -> std::io::Result<ExitCode> {
    let mut all_valid = true;
    let mut emit = |v: Verdict, out: &mut dyn std::io::Write| {
        all_valid &= v.valid;
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")
    };
    match cmd {
        IdCommand::Fnr {
            today,
            allow_synthetic,
            values,
        } => {
            let ctx = FnrContext {
                today: crate::today_or(today),
                allow_synthetic,
            };
            for_each_value(&values.values, |input, out| {
                let v = match Fodselsnummer::parse(input, &ctx) {
                    Ok(n) => Verdict {
                        input,
                        valid: true,
                        kind: Some(n.kind().as_str()),
                        synthetic: n.synthetic(),
                        birth_date: n.birth_date(),
                        error: None,
                    },
                    Err(e) => Verdict::simple(input, "fodselsnummer", Err(e)),
                };
                emit(v, out)
            })?;
        }
        IdCommand::Orgnr(values) => for_each_value(&values.values, |input, out| {
            emit(
                Verdict::simple(input, "orgnr", Organisasjonsnummer::validate(input)),
                out,
            )
        })?,
        IdCommand::Kontonr(values) => for_each_value(&values.values, |input, out| {
            emit(
                Verdict::simple(input, "kontonr", Kontonummer::validate(input)),
                out,
            )
        })?,
        IdCommand::Hpr(values) => for_each_value(&values.values, |input, out| {
            emit(
                Verdict::simple(input, "hpr", HprNummer::validate(input)),
                out,
            )
        })?,
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
