//! `frist kontroll check FILE`: a municipality's bills checked with Helfo's
//! kinds of rules (CTRL-1 … CTRL-9), the same code as the app's page.
//! Prints JSON lines: one per bill with issues (the same `Report` as
//! everywhere, each issue naming its rule and takst), then one per doctor.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use frist_domain::ids::FnrContext;
use frist_domain::kontroll::{
    BatchContext, BatchReport, BillResult, DEFAULT_K, Tariffs, check_batch, peer_distribution,
    read_bills, read_doctors,
};
use serde_json::json;

#[derive(Subcommand)]
pub enum KontrollCommand {
    /// Checks a bill file (CSV: hpr, pasient, dato, klokkeslett, takster,
    /// optional belop and innsendt). Exit 0 when no bill has an error, 1
    /// when any has, 2 when a file cannot be read.
    Check {
        file: PathBuf,
        /// Check every bill against the tariff year starting 1 July of this
        /// year, instead of the year in force on the bill's date.
        #[arg(long)]
        tariff_year: Option<i32>,
        /// The practitioner list (CSV: hpr, rolle, vikar_for, avtale_fra,
        /// listepasienter, startet) for CTRL-6, CTRL-7 and CTRL-9.
        #[arg(long)]
        leger: Option<PathBuf>,
        /// When the bills reach Helfo (CTRL-8) where the file does not say;
        /// default today.
        #[arg(long)]
        sent: Option<NaiveDate>,
        /// Today (YYYY-MM-DD); default today in Oslo.
        #[arg(long)]
        today: Option<NaiveDate>,
        /// CTRL-9: flag refunds per listed patient above median + k·MAD.
        #[arg(long, default_value_t = DEFAULT_K)]
        k: f64,
        /// Accept synthetic test identities (test data only).
        #[arg(long)]
        allow_synthetic: bool,
    },
}

/// Exit 2, naming the file and what is wrong with it.
fn unreadable(path: &std::path::Path, e: &frist_domain::table::FileError) -> ExitCode {
    eprintln!("frist: {}: {}", path.display(), e.text_nb());
    ExitCode::from(2)
}

/// Runs `frist kontroll check`: exit 0 when no bill has an error, 1 when
/// one has, 2 when a file cannot be read or the tariff year is unknown.
pub fn run(cmd: KontrollCommand) -> io::Result<ExitCode> {
    let KontrollCommand::Check {
        file,
        tariff_year,
        leger,
        sent,
        today,
        k,
        allow_synthetic,
    } = cmd;
    let today = crate::today_or(today);
    let tariffs = Tariffs::builtin();
    if let Some(code) = unknown_tariff_year(tariffs, tariff_year) {
        return Ok(code);
    }
    let (doctors, doctor_issues) = match &leger {
        Some(path) => match read_doctors(&std::fs::read(path)?) {
            Ok(d) => d,
            Err(e) => return Ok(unreadable(path, &e)),
        },
        None => (Vec::new(), Vec::new()),
    };
    let fnr = FnrContext {
        today,
        allow_synthetic,
    };
    let rows = match read_bills(&std::fs::read(&file)?, &fnr) {
        Ok(r) => r,
        Err(e) => return Ok(unreadable(&file, &e)),
    };
    let report = check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs,
            forced_year: tariff_year,
            sent: sent.unwrap_or(today),
        },
    );
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write_issues(&mut out, &doctor_issues, &report)?;
    write_doctors_and_summary(&mut out, &report, k)?;
    out.flush()?;
    Ok(if report.with_errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Exit 2, with the years frist has, when `--tariff-year` names another.
fn unknown_tariff_year(tariffs: &Tariffs, tariff_year: Option<i32>) -> Option<ExitCode> {
    let y = tariff_year?;
    if tariffs.year(y).is_some() {
        return None;
    }
    let known: Vec<String> = tariffs.years().iter().map(|y| y.year.to_string()).collect();
    eprintln!(
        "frist: no tariff year {y}; frist has {} (each from 1 July)",
        known.join(", ")
    );
    Some(ExitCode::from(2))
}

/// One JSON line per doctor-file line with issues, then per bill with issues.
fn write_issues(
    out: &mut impl Write,
    doctor_issues: &[BillResult],
    report: &BatchReport,
) -> io::Result<()> {
    for p in doctor_issues {
        serde_json::to_writer(
            &mut *out,
            &json!({"leger_line": p.line, "issues": p.report.issues}),
        )?;
        out.write_all(b"\n")?;
    }
    for bill in &report.issues {
        serde_json::to_writer(&mut *out, bill)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One JSON line per doctor, with CTRL-9 among the file's own doctors for
/// the month most bills are in, then the summary line.
fn write_doctors_and_summary(out: &mut impl Write, report: &BatchReport, k: f64) -> io::Result<()> {
    // CTRL-9 among the file's own doctors, for the month most bills are in.
    let month = report.main_month();
    let upload = month.as_deref().map(|m| report.month_upload(m));
    let aggregates = upload.map(|u| u.own_aggregates()).unwrap_or_default();
    let dist = peer_distribution(&aggregates, k);
    for d in &report.doctors {
        let point = dist.points.iter().find(|p| p.hpr == d.hpr);
        serde_json::to_writer(
            &mut *out,
            &json!({
                "doctor": d.hpr,
                "role": d.role,
                "new_doctor": d.new_doctor,
                "bills": d.bills,
                "with_errors": d.with_errors,
                "with_warnings": d.with_warnings,
                "by_rule": d.by_rule,
                "months": d.months,
                "missing_takster": d.missing,
                "refund_per_listed_patient": point.map(|p| p.per_patient),
                "unusual_payout": point.is_some_and(|p| p.outlier),
            }),
        )?;
        out.write_all(b"\n")?;
    }
    serde_json::to_writer(
        &mut *out,
        &json!({
            "summary": {
                "bills": report.bills,
                "with_errors": report.with_errors,
                "with_warnings": report.with_warnings,
                "by_rule": report.by_rule,
                "month": month,
                "tariff_years": report.tariff_years,
                "peers": {"median": dist.median, "threshold": dist.threshold, "k": dist.k,
                          "enough_peers": dist.enough_peers},
            }
        }),
    )?;
    out.write_all(b"\n")?;
    Ok(())
}
