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

use frist_domain::mail::{AfterFailure, CUT_OFF_REASON, STALE_CLAIM_MS, SendRun, after_failure};
use serde::Deserialize;
use worker::{D1Database, Env, SendEmailBuilder};

use crate::ctx::Config;
use crate::db::{int, iso, text};
use crate::http::ApiError;

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

#[derive(Deserialize)]
struct Due {
    seq: i64,
    to_addr: String,
    subject: String,
    body: String,
    attempts: i64,
}

fn changes(r: &worker::D1Result) -> i64 {
    r.meta().ok().flatten().and_then(|m| m.changes).unwrap_or(0) as i64
}

/// Sends what is due at `now` (Unix ms), at most `limit` rows (capped at
/// [`PER_RUN`] outside local mode).
pub async fn send_due(
    env: &Env,
    db: &D1Database,
    config: &Config,
    now: i64,
    limit: usize,
) -> Result<SendRun, ApiError> {
    let mut run = SendRun::default();
    // A claim left standing: the sender was cut off between claiming and
    // marking. It may have gone out, so it is not sent again by itself.
    let stale = db
        .prepare(
            "UPDATE outbox SET state = 'uncertain', claim = NULL, last_error = ?2 \
             WHERE state = 'sending' AND claimed_ms < ?1",
        )
        .bind(&[int(now - STALE_CLAIM_MS), text(CUT_OFF_REASON)])?
        .run()
        .await?;
    run.uncertain = changes(&stale) as u32;
    let Some(from) = config.mail_from.as_deref() else {
        // Production without a sender is refused at the gate (health names
        // it); nothing is claimed, so nothing is lost.
        return Ok(run);
    };
    let binding = match env.send_email("MAIL") {
        Ok(b) => b,
        Err(_) => {
            worker::console_error!("mail: the MAIL binding is missing; e-mails stay queued");
            return Ok(run);
        }
    };
    let limit = if config.local {
        limit
    } else {
        limit.min(PER_RUN)
    };
    let mut done = 0;
    while done < limit {
        let batch = (limit - done).min(50);
        let rows = db
            .prepare(
                "SELECT seq, to_addr, subject, body, attempts FROM outbox \
                 WHERE state = 'queued' AND next_attempt_ms <= ?1 ORDER BY seq LIMIT ?2",
            )
            .bind(&[int(now), int(batch as i64)])?
            .all()
            .await?
            .results::<Due>()?;
        if rows.is_empty() {
            break;
        }
        for row in rows {
            done += 1;
            let claim = crate::crypto::session_token()?;
            let claimed = db
                .prepare(
                    "UPDATE outbox SET state = 'sending', claim = ?1, claimed_ms = ?2, \
                       attempts = attempts + 1 \
                     WHERE seq = ?3 AND state = 'queued'",
                )
                .bind(&[text(&claim), int(now), int(row.seq)])?
                .run()
                .await?;
            // Another sender has it.
            if changes(&claimed) != 1 {
                continue;
            }
            let attempts = (row.attempts + 1) as u32;
            let mut message = SendEmailBuilder::builder(from, &row.to_addr, &row.subject)
                .text(&format!("{}\n\nRef. {}", row.body, row.seq));
            if let Some(reply_to) = config.mail_reply_to.as_deref() {
                message = message.reply_to(reply_to);
            }
            match binding.send_with_builder(&message.build()).await {
                Ok(sent) => {
                    if config.mail_hold_after == Some(run.sent as usize + 1) {
                        worker::Delay::from(std::time::Duration::from_secs(600)).await;
                    }
                    db.prepare(
                        "UPDATE outbox SET state = 'sent', sent_ms = ?1, message_id = ?2, \
                           claim = NULL, last_error = NULL \
                         WHERE seq = ?3 AND claim = ?4",
                    )
                    .bind(&[
                        int(now),
                        text(&sent.message_id()),
                        int(row.seq),
                        text(&claim),
                    ])?
                    .run()
                    .await?;
                    run.sent += 1;
                }
                Err(e) => {
                    // The binding's own words (an address refused, a limit
                    // reached); no body, so no personal data.
                    let reason: String = String::from(e.message()).chars().take(300).collect();
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
                    db.prepare(
                        "UPDATE outbox SET state = ?1, next_attempt_ms = ?2, last_error = ?3, \
                           claim = NULL \
                         WHERE seq = ?4 AND claim = ?5",
                    )
                    .bind(&[
                        text(state),
                        int(next),
                        text(&reason),
                        int(row.seq),
                        text(&claim),
                    ])?
                    .run()
                    .await?;
                }
            }
        }
    }
    if run != SendRun::default() {
        worker::console_log!(
            "mail at {}: {} sent, {} to retry, {} failed, {} uncertain",
            iso(now),
            run.sent,
            run.retrying,
            run.failed,
            run.uncertain
        );
    }
    Ok(run)
}
