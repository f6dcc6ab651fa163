//! Sending the outbox (issue 26) through Cloudflare's `send_email` binding
//! (`MAIL` in wrangler.toml; `wrangler dev` simulates it and logs each
//! message). The policy — retries, giving up, a cut-off send — is
//! `frist_domain::mail`; this module only claims, sends and marks rows.
//!
//! The sender runs after every request that queued an e-mail (in
//! `waitUntil`, so the answer does not wait), on the cron every five
//! minutes for retries, and on demand in local mode (`POST /api/v1/mail/send`).
//! Several may run at once: a row is claimed with a conditional update, so
//! only one of them sends it.

use std::cell::Cell;

use frist_domain::mail::{AfterFailure, SendRun, after_failure};
use worker::{D1Database, Env, SendEmail, SendEmailBuilder};

use crate::ctx::Config;
use crate::db::iso;
use crate::http::ApiError;
use crate::store::outbox::{self, Due};

thread_local! {
    /// Set when a request queued an e-mail, so `fetch` starts the sender.
    static QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// Notes that this request queued an e-mail.
pub fn note_queued() {
    QUEUED.with(|q| q.set(true));
}

/// Whether an e-mail was queued since the last call (and forgets it).
pub fn take_queued() -> bool {
    QUEUED.with(|q| q.replace(false))
}

/// The most rows one run claims: a Worker invocation may make 1,000
/// subrequests, and each row takes three (claim, send, mark).
const PER_RUN: usize = 200;

/// Sends what is due at `now` (Unix ms), at most `limit` rows (capped at
/// [`PER_RUN`] outside local mode).
pub async fn send_due(
    env: &Env,
    db: &D1Database,
    config: &Config,
    now: i64,
    limit: usize,
) -> Result<SendRun, ApiError> {
    let mut run = SendRun {
        uncertain: outbox::give_up_stale_claims(db, now).await?,
        ..SendRun::default()
    };
    let Some(sender) = Sender::new(env, config) else {
        return Ok(run);
    };
    let limit = if config.local {
        limit
    } else {
        limit.min(PER_RUN)
    };
    let mut done = 0;
    while done < limit {
        let rows = outbox::due(db, now, (limit - done).min(50)).await?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            done += 1;
            send_one(db, &sender, row, now, &mut run).await?;
        }
    }
    log_run(now, &run);
    Ok(run)
}

/// The `MAIL` binding with the addresses every e-mail goes out with.
struct Sender<'a> {
    binding: SendEmail,
    from: &'a str,
    config: &'a Config,
}

impl<'a> Sender<'a> {
    /// The sender, or `None` (nothing claimed, so nothing lost) when there
    /// is no address to send from or no binding.
    fn new(env: &Env, config: &'a Config) -> Option<Self> {
        // Production without a sender is refused at the gate (health names
        // it).
        let from = config.mail_from.as_deref()?;
        let Ok(binding) = env.send_email("MAIL") else {
            worker::console_error!("mail: the MAIL binding is missing; e-mails stay queued");
            return None;
        };
        Some(Sender {
            binding,
            from,
            config,
        })
    }

    /// Sends one e-mail: its message id, or the binding's own words (an
    /// address refused, a limit reached; no body, so no personal data).
    async fn send(&self, row: &Due) -> Result<String, String> {
        let mut message = SendEmailBuilder::builder(self.from, &row.to_addr, &row.subject)
            .text(&format!("{}\n\nRef. {}", row.body, row.seq));
        if let Some(reply_to) = self.config.mail_reply_to.as_deref() {
            message = message.reply_to(reply_to);
        }
        match self.binding.send_with_builder(&message.build()).await {
            Ok(sent) => Ok(sent.message_id()),
            Err(e) => Err(String::from(e.message()).chars().take(300).collect()),
        }
    }
}

/// Claims one due e-mail, sends it and marks it sent, queued again or
/// failed; an e-mail another sender claimed first is left to it.
async fn send_one(
    db: &D1Database,
    sender: &Sender<'_>,
    row: Due,
    now: i64,
    run: &mut SendRun,
) -> Result<(), ApiError> {
    let claim = crate::crypto::session_token()?;
    if !outbox::claim(db, row.seq, &claim, now).await? {
        return Ok(());
    }
    let attempts = (row.attempts + 1) as u32;
    match sender.send(&row).await {
        Ok(message_id) => {
            if sender.config.mail_hold_after == Some(run.sent as usize + 1) {
                worker::Delay::from(std::time::Duration::from_secs(600)).await;
            }
            outbox::mark_sent(db, row.seq, &claim, now, &message_id).await?;
            run.sent += 1;
        }
        Err(reason) => {
            let (state, next) = match after_failure(attempts, now) {
                AfterFailure::RetryAt(at) => {
                    run.retrying += 1;
                    ("queued", at)
                }
                AfterFailure::GiveUp => {
                    run.failed += 1;
                    ("failed", now)
                }
            };
            outbox::mark_unsent(db, row.seq, &claim, state, next, &reason).await?;
        }
    }
    Ok(())
}

/// One log line for a run that did anything.
fn log_run(now: i64, run: &SendRun) {
    if *run != SendRun::default() {
        worker::console_log!(
            "mail at {}: {} sent, {} to retry, {} failed, {} uncertain",
            iso(now),
            run.sent,
            run.retrying,
            run.failed,
            run.uncertain
        );
    }
}
