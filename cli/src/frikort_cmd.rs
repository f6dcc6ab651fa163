//! `frist frikort check FILE`: a health trust's claim file checked line by
//! line with the same rules as the browser and the edge (FK-1 … FK-8),
//! streamed — a million lines are read a piece at a time.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use frist_domain::frikort::{
    Checked, Checker, ClaimLine, FileError, FileReport, LineContext, Record, read_xlsx,
};
use frist_domain::ids::FnrContext;
use frist_domain::{Issue, Severity};
use serde::Serialize;

#[derive(Subcommand)]
pub enum FrikortCommand {
    /// Checks a claim file (CSV or XLSX). Prints a summary; with --json, one
    /// `{"line", "issues"}` object per data line on stdout (the summary then
    /// goes to stderr). Exit 0 when every line is valid, 1 when any line has
    /// an error, 2 when the file cannot be read.
    Check {
        file: PathBuf,
        /// Today (YYYY-MM-DD); default today in Oslo.
        #[arg(long)]
        today: Option<NaiveDate>,
        /// When the HF became aware of the claim (FK-2).
        #[arg(long)]
        aware: Option<NaiveDate>,
        /// When Helfo receives the claim (FK-3, FK-6); default today.
        #[arg(long)]
        received: Option<NaiveDate>,
        /// Accept synthetic test identities (test data only).
        #[arg(long)]
        allow_synthetic: bool,
        #[arg(long)]
        json: bool,
    },
    /// Sends a claim file's valid lines to frist as the health trust whose
    /// API token is in FRIST_API_TOKEN (never on the command line). Safe to
    /// run again: the same file resumes the same claim and sends only the
    /// chunks the edge does not have.
    Submit {
        file: PathBuf,
        /// The frist address, e.g. http://localhost:8787.
        #[arg(long)]
        api: String,
        #[arg(long)]
        aware: Option<NaiveDate>,
        #[arg(long)]
        today: Option<NaiveDate>,
        #[arg(long)]
        allow_synthetic: bool,
        /// Send a file again that was sent before (frist refuses it otherwise,
        /// naming the earlier claim).
        #[arg(long)]
        resend: bool,
    },
}

#[derive(Serialize)]
struct IssueOut<'a> {
    path: &'a str,
    code: &'static str,
    severity: Severity,
}

#[derive(Serialize)]
struct LineOut<'a> {
    line: u64,
    issues: Vec<IssueOut<'a>>,
}

/// Runs `frist frikort check` or `frist frikort submit`.
pub fn run(cmd: FrikortCommand) -> io::Result<ExitCode> {
    match cmd {
        FrikortCommand::Check {
            file,
            today,
            aware,
            received,
            allow_synthetic,
            json,
        } => {
            let today = crate::today_or(today);
            let ctx = LineContext {
                fnr: FnrContext {
                    today,
                    allow_synthetic,
                },
                received: received.unwrap_or(today),
                aware,
            };
            check(&file, ctx, json)
        }
        FrikortCommand::Submit {
            file,
            api,
            aware,
            today,
            allow_synthetic,
            resend,
        } => crate::frikort_submit::run(
            &file,
            &api,
            aware,
            today,
            crate::frikort_submit::Options {
                allow_synthetic,
                resend,
            },
        ),
    }
}

/// `frist frikort check`: every line checked, with `json` one JSON line
/// per line on stdout and the summary on stderr, else the summary alone.
/// Exit 1 when a line has an error, 2 when the file cannot be read.
fn check(file: &std::path::Path, ctx: LineContext, json: bool) -> io::Result<ExitCode> {
    let mut checker = Checker::new(ctx);
    if let Ok(meta) = std::fs::metadata(file) {
        checker.expect_bytes(meta.len());
    }
    let read = check_writing_lines(file, &mut checker, json)?;
    if let Err(e) = read {
        eprintln!("frist: {}: {}", file.display(), e.text_nb());
        return Ok(ExitCode::from(2));
    }
    let r = &checker.report;
    let summary = summary(r);
    if json {
        eprint!("{summary}");
    } else {
        print!("{summary}");
    }
    Ok(if r.with_errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks the file, writing each line's answer as a JSON line when `json`.
fn check_writing_lines(
    file: &std::path::Path,
    checker: &mut Checker,
    json: bool,
) -> io::Result<Result<(), FileError>> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut write_error = None;
    // The answers come in line order, a batch of lines at a time.
    let mut answer = |line: u64, issues: Vec<_>, _| {
        if json && write_error.is_none() {
            let line = LineOut {
                line,
                issues: issues.iter().map(issue_out).collect(),
            };
            if let Err(e) = serde_json::to_writer(&mut out, &line)
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
            {
                write_error = Some(e);
            }
        }
    };
    let read = check_on_two_threads(file, checker, &mut answer)?;
    if let Some(e) = write_error {
        return Err(e);
    }
    out.flush()?;
    Ok(read)
}

/// The counts of a checked file, a line each.
fn summary(r: &FileReport) -> String {
    let mut summary = format!(
        "lines: {}\nvalid: {}\nwith errors: {}\nwith warnings: {}\n",
        r.lines, r.valid, r.with_errors, r.with_warnings
    );
    for (code, n) in &r.by_code {
        summary.push_str(&format!("  {code}: {n}\n"));
    }
    summary.push_str(&format!(
        "valid amount: {}\n",
        frist_domain::frikort::format_ore(r.valid_amount_ore)
    ));
    summary
}

fn issue_out(i: &Issue) -> IssueOut<'_> {
    IssueOut {
        path: &i.path,
        code: i.code.as_str(),
        severity: i.severity,
    }
}

/// Reads a claim file (CSV streamed, or XLSX), calling `on` per record.
pub fn read_file(
    path: &std::path::Path,
    on: &mut dyn FnMut(Record<'_>),
) -> io::Result<Result<(), FileError>> {
    let mut f = std::fs::File::open(path)?;
    let mut head = [0u8; 4];
    let n = f.read(&mut head)?;
    if head[..n] == *b"PK\x03\x04" {
        let mut bytes = head[..n].to_vec();
        f.read_to_end(&mut bytes)?;
        return Ok(read_xlsx(&bytes, on));
    }
    stream(&mut f, &head[..n], on)
}

/// The check of a whole file on two threads (and the file is read on a
/// third, see [`stream`]): one applies the line rules, this one finds
/// repeated trips (FK-8), counts the report and writes the answers. The two
/// halves run at once: a million lines take 0.18 s instead of 0.25 s. Memory
/// stays bounded: at most four batches of lines wait between the two.
fn check_on_two_threads(
    file: &std::path::Path,
    checker: &mut Checker,
    answer: &mut dyn FnMut(u64, Vec<Issue>, Option<ClaimLine>),
) -> io::Result<Result<(), FileError>> {
    const LINES: usize = 4096;
    let rules = checker.rules();
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Checked>>(4);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(LINES);
            let read = read_file(file, &mut |r| {
                batch.push(rules.record(&r));
                if batch.len() == LINES {
                    // The other side only stops when this one does.
                    let _ = send.send(std::mem::replace(&mut batch, Vec::with_capacity(LINES)));
                }
            });
            let _ = send.send(batch);
            read
        });
        for batch in receive {
            for checked in batch {
                checker.push_checked(checked, answer);
            }
        }
        checker.finish(answer);
        reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reading thread stopped")))
    })
}

/// Feeds the file to the CSV reader 256 KiB at a time. Another thread reads
/// the next pieces meanwhile: copying a large file out of the page cache is
/// a tenth of its check.
fn stream(
    f: &mut std::fs::File,
    head: &[u8],
    on: &mut dyn FnMut(Record<'_>),
) -> io::Result<Result<(), FileError>> {
    const PIECE: usize = 256 * 1024;
    let mut csv = frist_domain::frikort::csv();
    if let Err(e) = csv.feed(head, false, on) {
        return Ok(Err(e));
    }
    // Three buffers go round: read into, waiting, being checked.
    let (full, read_pieces) = std::sync::mpsc::sync_channel::<io::Result<(Vec<u8>, usize)>>(2);
    let (empty, buffers) = std::sync::mpsc::channel::<Vec<u8>>();
    for _ in 0..3 {
        let _ = empty.send(vec![0u8; PIECE]);
    }
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for mut buf in buffers {
                let read = f.read(&mut buf).map(|n| (buf, n));
                let more = matches!(read, Ok((_, n)) if n > 0);
                // Stops when the checking side has stopped, or at the end.
                if full.send(read).is_err() || !more {
                    break;
                }
            }
        });
        let result = loop {
            let (buf, n) = match read_pieces.recv() {
                Ok(Ok(piece)) => piece,
                Ok(Err(e)) => break Err(e),
                Err(_) => break Err(io::Error::other("the file reader stopped")),
            };
            if let Err(e) = csv.feed(&buf[..n], n == 0, on) {
                break Ok(Err(e));
            }
            if n == 0 {
                break Ok(Ok(()));
            }
            let _ = empty.send(buf);
        };
        // Unblocks the reading thread whichever way this side stopped.
        drop(empty);
        drop(read_pieces);
        result
    })
}
