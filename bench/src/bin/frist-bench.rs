//! `frist-bench gen DIR` writes the seeded inputs; `frist-bench time DIR`
//! times frist's rules over them in-process and prints one JSON object, which
//! `bench/run.sh` sets beside the reference tools' figures for the same files.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use frist_domain::calendar::add_working_days;
use frist_domain::ids::{FnrContext, Fodselsnummer};

const FNR_COUNT: usize = 1_000_000;
const WORKDAY_COUNT: usize = 1_000_000;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("gen"), Some(dir)) => generate(Path::new(dir)),
        (Some("time"), Some(dir)) => time(Path::new(dir)),
        (Some("claims"), Some(n)) => claims(n, args.get(3).map(String::as_str), args.get(4)),
        _ => {
            eprintln!(
                "usage: frist-bench gen|time DIR\n       frist-bench claims LINES [ERRORS_PER_MILLE|none] [TODAY] > file.csv"
            );
            std::process::exit(2);
        }
    }
}

fn generate(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("fnr.txt"))?);
    for n in frist_bench::fodselsnummer(FNR_COUNT, 1) {
        writeln!(f, "{n}")?;
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("workdays.txt"))?);
    for (d, n) in frist_bench::workday_additions(WORKDAY_COUNT, 2) {
        writeln!(f, "{d} {n}")?;
    }
    Ok(())
}

fn read_lines(path: &Path) -> std::io::Result<Vec<String>> {
    BufReader::new(std::fs::File::open(path)?).lines().collect()
}

fn time(dir: &Path) -> std::io::Result<()> {
    let numbers = read_lines(&dir.join("fnr.txt"))?;
    let pairs: Vec<(NaiveDate, u32)> = read_lines(&dir.join("workdays.txt"))?
        .iter()
        .filter_map(|l| {
            let (d, n) = l.split_once(' ')?;
            Some((d.parse().ok()?, n.parse().ok()?))
        })
        .collect();
    let ctx = FnrContext::production(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default());

    let best_of = |f: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let n = std::hint::black_box(f());
                (t.elapsed().as_secs_f64(), n)
            })
            .fold((f64::MAX, 0), |a, b| if b.0 < a.0 { b } else { a })
    };
    let (fnr_s, valid) = best_of(&|| {
        numbers
            .iter()
            .filter(|n| Fodselsnummer::validate(n, &ctx).is_ok())
            .count()
    });
    let (wd_s, added) = best_of(&|| {
        pairs
            .iter()
            .filter_map(|(d, n)| add_working_days(*d, *n).ok())
            .count()
    });
    println!(
        "{{\"fnr_count\":{},\"fnr_valid\":{valid},\"fnr_per_s\":{:.0},\"workdays_count\":{},\"workdays_ok\":{added},\"workdays_per_s\":{:.0}}}",
        numbers.len(),
        numbers.len() as f64 / fnr_s,
        pairs.len(),
        pairs.len() as f64 / wd_s
    );
    Ok(())
}

/// `frist-bench claims LINES [SHARE] [TODAY]`: a claim file on stdout with
/// the default error mix, `none`, or every kind at SHARE per mille.
fn claims(lines: &str, share: Option<&str>, today: Option<&String>) -> std::io::Result<()> {
    let invalid =
        |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidInput, what.to_owned());
    let lines: usize = lines
        .parse()
        .map_err(|_| invalid("LINES must be a whole number"))?;
    let errors = match share {
        None => frist_bench::ClaimErrors::DEFAULT,
        Some("none") => frist_bench::ClaimErrors::NONE,
        Some(n) => {
            let n: u32 = n
                .parse()
                .map_err(|_| invalid("SHARE must be per mille or `none`"))?;
            frist_bench::ClaimErrors {
                bad_fnr: n,
                bad_amount: n,
                payout_before_transport: n,
                time_barred: n,
                duplicate: n,
                ragged: n,
            }
        }
    };
    let today = match today {
        Some(t) => t.parse().map_err(|_| invalid("TODAY must be YYYY-MM-DD"))?,
        None => chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    frist_bench::claim_file(&mut out, lines, today, errors, 7)?;
    std::io::Write::flush(&mut out)
}
