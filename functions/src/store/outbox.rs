//! The outbox (`outbox`): e-mails queued in a handler's batch, claimed and
//! marked by the sender (`crate::mail`), listed for the administrator
//! without their bodies, and in local mode with them.

use frist_domain::fristbrudd::OutboxMessage;
use frist_domain::mail::{CUT_OFF_REASON, Delivery, MailKind, MailState, STALE_CLAIM_MS};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{int, iso, text};

/// How many rows a statement changed.
fn changes(r: &worker::D1Result) -> i64 {
    r.meta().ok().flatten().and_then(|m| m.changes).unwrap_or(0) as i64
}

/// An e-mail due to be sent.
#[derive(Deserialize)]
pub struct Due {
    pub seq: i64,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
}

/// Marks `uncertain` every claim left standing since before
/// [`STALE_CLAIM_MS`] ago: the sender was cut off between claiming and
/// marking, so the e-mail may have gone out and is not sent again by
/// itself. Answers how many.
pub async fn give_up_stale_claims(db: &D1Database, now: i64) -> Result<u32> {
    let stale = db
        .prepare(
            "UPDATE outbox SET state = 'uncertain', claim = NULL, last_error = ?2 \
             WHERE state = 'sending' AND claimed_ms < ?1",
        )
        .bind(&[int(now - STALE_CLAIM_MS), text(CUT_OFF_REASON)])?
        .run()
        .await?;
    Ok(changes(&stale) as u32)
}

/// Up to `limit` queued e-mails whose next attempt is due at `now`,
/// oldest first.
pub async fn due(db: &D1Database, now: i64, limit: usize) -> Result<Vec<Due>> {
    db.prepare(
        "SELECT seq, to_addr, subject, body, attempts FROM outbox \
         WHERE state = 'queued' AND next_attempt_ms <= ?1 ORDER BY seq LIMIT ?2",
    )
    .bind(&[int(now), int(limit as i64)])?
    .all()
    .await?
    .results::<Due>()
}

/// Claims a queued e-mail for this sender as `claim`, counting the
/// attempt; `false` when another sender has it.
pub async fn claim(db: &D1Database, seq: i64, claim: &str, now: i64) -> Result<bool> {
    let claimed = db
        .prepare(
            "UPDATE outbox SET state = 'sending', claim = ?1, claimed_ms = ?2, \
               attempts = attempts + 1 \
             WHERE seq = ?3 AND state = 'queued'",
        )
        .bind(&[text(claim), int(now), int(seq)])?
        .run()
        .await?;
    Ok(changes(&claimed) == 1)
}

/// Marks a claimed e-mail sent, with the message id the binding gave.
pub async fn mark_sent(
    db: &D1Database,
    seq: i64,
    claim: &str,
    now: i64,
    message_id: &str,
) -> Result<()> {
    db.prepare(
        "UPDATE outbox SET state = 'sent', sent_ms = ?1, message_id = ?2, \
           claim = NULL, last_error = NULL \
         WHERE seq = ?3 AND claim = ?4",
    )
    .bind(&[int(now), text(message_id), int(seq), text(claim)])?
    .run()
    .await?;
    Ok(())
}

/// Marks a claimed e-mail not sent: `queued` again for `next_attempt_ms`,
/// or `failed`, with the binding's `reason`.
pub async fn mark_unsent(
    db: &D1Database,
    seq: i64,
    claim: &str,
    state: &str,
    next_attempt_ms: i64,
    reason: &str,
) -> Result<()> {
    db.prepare(
        "UPDATE outbox SET state = ?1, next_attempt_ms = ?2, last_error = ?3, \
           claim = NULL \
         WHERE seq = ?4 AND claim = ?5",
    )
    .bind(&[
        text(state),
        int(next_attempt_ms),
        text(reason),
        int(seq),
        text(claim),
    ])?
    .run()
    .await?;
    Ok(())
}

/// An e-mail as the administrator's delivery list shows it: never the body.
#[derive(Deserialize)]
pub struct DeliveryRow {
    pub seq: i64,
    pub created_at: String,
    pub kind: String,
    pub to_addr: String,
    pub subject: String,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub sent_ms: Option<i64>,
    pub next_attempt_ms: i64,
}

impl DeliveryRow {
    /// The row as the API shows it.
    pub fn view(self) -> Delivery {
        let state = MailState::parse(&self.state).unwrap_or(MailState::Queued);
        Delivery {
            id: self.seq.to_string(),
            created_at: self.created_at,
            kind: if self.kind == "fl_chase" {
                MailKind::FlChase
            } else {
                MailKind::FbUpdate
            },
            to: self.to_addr,
            subject: self.subject,
            state,
            attempts: u32::try_from(self.attempts).unwrap_or(0),
            last_error: self.last_error,
            sent_at: self.sent_ms.map(iso),
            next_attempt_at: (state == MailState::Queued && self.next_attempt_ms > 0)
                .then(|| iso(self.next_attempt_ms)),
        }
    }
}

const DELIVERY_COLUMNS: &str = "seq, created_at, kind, to_addr, subject, state, attempts, \
                                last_error, sent_ms, next_attempt_ms";

/// Up to `limit` e-mails in `state` (any when `None`) before the sequence
/// number `before`, newest first.
pub async fn deliveries(
    db: &D1Database,
    state: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<DeliveryRow>> {
    db.prepare(format!(
        "SELECT {DELIVERY_COLUMNS} FROM outbox \
         WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR seq < ?2) \
         ORDER BY seq DESC LIMIT ?3"
    ))
    .bind(&[
        state.map_or(JsValue::NULL, text),
        before.map_or(JsValue::NULL, int),
        int(limit),
    ])?
    .all()
    .await?
    .results::<DeliveryRow>()
}

/// One e-mail's delivery row.
pub async fn delivery(db: &D1Database, seq: i64) -> Result<Option<DeliveryRow>> {
    db.prepare(format!(
        "SELECT {DELIVERY_COLUMNS} FROM outbox WHERE seq = ?1"
    ))
    .bind(&[int(seq)])?
    .first::<DeliveryRow>(None)
    .await
}

/// Queues an e-mail again with its attempts reset, if it is still in
/// `state`: the first statement of the resend's batch.
pub fn requeue(db: &D1Database, seq: i64, state: &str) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_ms = 0, \
           claim = NULL \
         WHERE seq = ?1 AND state = ?2",
    )
    .bind(&[int(seq), text(state)])
}

/// An e-mail with its body, for the local-mode outbox.
#[derive(Deserialize)]
pub struct MessageRow {
    pub seq: i64,
    pub created_at: String,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
}

impl MessageRow {
    /// The row as the local-mode outbox shows it.
    pub fn view(self) -> OutboxMessage {
        OutboxMessage {
            id: self.seq.to_string(),
            created_at: self.created_at,
            to: self.to_addr,
            subject: self.subject,
            body: self.body,
        }
    }
}

/// Up to `limit` e-mails to the user `to` (every user's when `None`)
/// before the sequence number `before`, newest first.
pub async fn messages(
    db: &D1Database,
    to: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<MessageRow>> {
    db.prepare(
        "SELECT seq, created_at, to_addr, subject, body FROM outbox \
         WHERE (?1 IS NULL OR to_user_id = ?1) AND (?2 IS NULL OR seq < ?2) \
         ORDER BY seq DESC LIMIT ?3",
    )
    .bind(&[
        to.map_or(JsValue::NULL, text),
        before.map_or(JsValue::NULL, int),
        int(limit),
    ])?
    .all()
    .await?
    .results::<MessageRow>()
}
