//! `frist frikort submit FILE --api URL`: a claim file's valid lines sent
//! through the API as the health trust, in the chunks the browser uses.
//! The claim's `Idempotency-Key` is the file's SHA-256, so running it again
//! finds the same claim and sends only the chunks the edge lacks.

use std::io;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use frist_domain::frikort::{
    CHUNK_LINES, Checker, Chunk, ClaimView, LineContext, NewClaim, NumberedLine, RawRef, Record,
};
use frist_domain::ids::FnrContext;
use reqwest::blocking::{Client, RequestBuilder};
use sha2::{Digest, Sha256};

fn fail(msg: impl Into<String>) -> io::Error {
    io::Error::other(msg.into())
}

struct Api {
    client: Client,
    base: String,
    token: String,
}

impl Api {
    /// A client for the API at `base`, sending `token`.
    fn new(base: &str, token: String) -> io::Result<Api> {
        Ok(Api {
            client: Client::builder()
                .timeout(Duration::from_secs(120))
                .build()
                .map_err(|e| fail(e.to_string()))?,
            base: base.trim_end_matches('/').to_owned(),
            token,
        })
    }

    /// The URL of `path` on the API.
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn with_auth(&self, req: RequestBuilder) -> RequestBuilder {
        req.header("Authorization", format!("Bearer {}", self.token))
            .header("Origin", &self.base)
    }

    /// Sends `req` (rebuilt by `make` for each try), retrying dropped
    /// connections and 5xx answers; a 4xx is reported with its problem text.
    fn send<T: serde::de::DeserializeOwned>(
        &self,
        what: &str,
        make: impl Fn() -> RequestBuilder,
    ) -> io::Result<T> {
        let mut wait = Duration::from_millis(250);
        for attempt in 1..=6 {
            match self.with_auth(make()).send() {
                Ok(r) if r.status().is_success() => {
                    return r.json().map_err(|e| fail(format!("{what}: {e}")));
                }
                Ok(r) if r.status().is_client_error() => {
                    let status = r.status();
                    let body: serde_json::Value = r.json().unwrap_or_default();
                    let detail = body["detail"].as_str().unwrap_or("");
                    // The refusal's field issues too (a file sent before names
                    // the earlier claim and says how to send it again).
                    let issues: Vec<frist_domain::Issue> =
                        serde_json::from_value(body["issues"].clone()).unwrap_or_default();
                    let said: Vec<String> = issues
                        .iter()
                        .map(|i| {
                            frist_domain::messages::render(i, frist_domain::messages::Lang::Nb)
                        })
                        .collect();
                    let hint = if body["type"]
                        .as_str()
                        .is_some_and(|t| t.ends_with("file_already_sent"))
                    {
                        " (--resend sends it again)"
                    } else {
                        ""
                    };
                    return Err(fail(format!(
                        "{what}: {status} {detail} {}{hint}",
                        said.join(" ")
                    )));
                }
                Ok(_) | Err(_) if attempt < 6 => {
                    std::thread::sleep(wait);
                    wait *= 2;
                }
                Ok(r) => return Err(fail(format!("{what}: {}", r.status()))),
                Err(e) => return Err(fail(format!("{what}: {e}"))),
            }
        }
        Err(fail(format!("{what}: no answer")))
    }
}

/// How `frist frikort submit` sends.
pub struct Options {
    /// Accept synthetic test identities (local mode).
    pub allow_synthetic: bool,
    /// Send a file that was sent before.
    pub resend: bool,
}

/// Checks `file`, announces the claim (or finds the one announced before),
/// sends the chunks the edge lacks and submits it.
pub fn run(
    file: &Path,
    api: &str,
    aware: Option<NaiveDate>,
    today: Option<NaiveDate>,
    options: Options,
) -> io::Result<ExitCode> {
    let token = std::env::var("FRIST_API_TOKEN")
        .map_err(|_| fail("set FRIST_API_TOKEN to an API token made in frist (Innstillinger)"))?;
    let today = crate::today_or(today);
    let ctx = LineContext {
        fnr: FnrContext {
            today,
            allow_synthetic: options.allow_synthetic,
        },
        received: today,
        aware,
    };
    let checked = match check_file(file, ctx, aware)? {
        Ok(checked) => checked,
        Err(code) => return Ok(code),
    };
    let api = Api::new(api, token)?;
    let claim = announce(&api, file, aware, &checked, options.resend)?;
    let (n, sent) = send_chunks(&api, file, ctx, &claim)?;
    let done: ClaimView = api.send("submit the claim", || {
        api.client
            .post(api.url(&format!("/api/v1/frikort/claims/{}/submit", claim.id)))
            .json(&serde_json::json!({}))
    })?;
    println!(
        "{}: {} lines sent ({} chunks now, {} already there); status {}; due {}",
        done.number,
        done.lines,
        sent,
        n - sent,
        done.status.as_str(),
        done.due.map(|d| d.to_string()).unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}

/// What pass 1 learnt of a file.
struct Checked {
    /// How many lines are valid (only these are sent).
    valid: u64,
    /// The file's fingerprint, which finds a file sent before.
    fingerprint: String,
    /// The claim's `Idempotency-Key`: the SHA-256 of the file and `aware`.
    key: String,
}

/// Pass 1: which lines are valid (the same rules as the browser's). A file
/// that cannot be read (exit 2) or has no valid line (exit 1) ends the
/// command.
fn check_file(
    file: &Path,
    ctx: LineContext,
    aware: Option<NaiveDate>,
) -> io::Result<Result<Checked, ExitCode>> {
    let mut checker = Checker::new(ctx);
    let mut hash = Sha256::new();
    let bytes = std::fs::read(file)?;
    let mut fingerprint = frist_domain::frikort::Fingerprint::default();
    fingerprint.update(&bytes);
    hash.update(bytes);
    hash.update(aware.map(|d| d.to_string()).unwrap_or_default());
    let read = crate::frikort_cmd::read_file(file, &mut |r| checker.push(&r, &mut |_, _, _| {}))?;
    checker.finish(&mut |_, _, _| {});
    if let Err(e) = read {
        eprintln!("frist: {}: {}", file.display(), e.text_nb());
        return Ok(Err(ExitCode::from(2)));
    }
    let valid = checker.report.valid;
    if valid == 0 {
        eprintln!("frist: {}: no valid lines to send", file.display());
        return Ok(Err(ExitCode::from(1)));
    }
    Ok(Ok(Checked {
        valid,
        fingerprint: fingerprint.finish(),
        key: hex::encode(hash.finalize()),
    }))
}

/// Announces the claim (a repeat finds the claim announced before) and
/// reads it back, with the chunks the edge already has.
fn announce(
    api: &Api,
    file: &Path,
    aware: Option<NaiveDate>,
    checked: &Checked,
    resend: bool,
) -> io::Result<ClaimView> {
    let form = NewClaim {
        file_name: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        aware: aware.map(|d| d.to_string()).unwrap_or_default(),
        lines: checked.valid,
        chunks: checked.valid.div_ceil(CHUNK_LINES as u64) as u32,
        fingerprint: checked.fingerprint.clone(),
        resend,
    };
    let created: ClaimView = api.send("create the claim", || {
        api.client
            .post(api.url("/api/v1/frikort/claims"))
            .header("Idempotency-Key", &checked.key)
            .json(&form)
    })?;
    api.send("read the claim", || {
        api.client
            .get(api.url(&format!("/api/v1/frikort/claims/{}", created.id)))
    })
}

/// Pass 2: the valid lines again, chunk by chunk; chunks the edge has are
/// skipped. Answers the number of chunks and how many were sent now.
fn send_chunks(
    api: &Api,
    file: &Path,
    ctx: LineContext,
    claim: &ClaimView,
) -> io::Result<(u32, u32)> {
    let mut checker = Checker::new(ctx);
    let mut batch: Vec<NumberedLine> = Vec::with_capacity(CHUNK_LINES);
    let mut n = 0u32;
    let mut sent = 0u32;
    let mut error = None;
    let mut flush = |lines: Vec<NumberedLine>, n: &mut u32| {
        if error.is_none() && !claim.chunks_received.contains(n) {
            let chunk = Chunk { lines };
            let path = format!("/api/v1/frikort/claims/{}/chunks/{n}", claim.id);
            match api.send::<serde_json::Value>(&format!("send chunk {n}"), || {
                api.client.put(api.url(&path)).json(&chunk)
            }) {
                Ok(_) => sent += 1,
                Err(e) => error = Some(e),
            }
        }
        *n += 1;
    };
    crate::frikort_cmd::read_file(file, &mut |r| {
        let (_, line) = checker.check(&r);
        if let (Some(_), Record::Line { line: no, fields }) = (line, r) {
            batch.push(RawRef::from_fields(&fields).numbered(no));
            if batch.len() == CHUNK_LINES {
                flush(std::mem::take(&mut batch), &mut n);
            }
        }
    })?
    .map_err(|e| fail(e.text_nb()))?;
    if !batch.is_empty() {
        flush(std::mem::take(&mut batch), &mut n);
    }
    if let Some(e) = error {
        return Err(fail(format!("{e} (run the same command again to resume)")));
    }
    Ok((n, sent))
}
