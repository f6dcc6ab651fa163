//! E-mail delivery for administrators (issue 26): what was queued, sent,
//! retried or given up, with the reason — never a body — and a resend for
//! the ones that failed or were cut off. In local mode the sender can also
//! be run on demand.

use frist_domain::api::parse_limit;
use frist_domain::mail::{Delivery, MailKind, MailState};
use frist_domain::{Issue, IssueCode};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::db::{int, iso, text};
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{page, seq_cursor};

#[derive(Deserialize)]
struct Row {
    seq: i64,
    created_at: String,
    kind: String,
    to_addr: String,
    subject: String,
    state: String,
    attempts: i64,
    last_error: Option<String>,
    sent_ms: Option<i64>,
    next_attempt_ms: i64,
}

impl Row {
    fn view(self) -> Delivery {
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

const COLUMNS: &str = "seq, created_at, kind, to_addr, subject, state, attempts, last_error, \
                       sent_ms, next_attempt_ms";

/// `GET /api/v1/mail` (administrators): newest first, `?state=` one state.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let limit = parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let before = seq_cursor(ctx)?;
    let state = match ctx.query("state") {
        None | Some("") => None,
        Some(s) => Some(MailState::parse(s).ok_or_else(|| {
            ApiError::bad_request(
                Issue::error("state", IssueCode::NotOneOf)
                    .with("allowed", "queued, sending, sent, failed, uncertain"),
            )
        })?),
    };
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {COLUMNS} FROM outbox \
             WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR seq < ?2) \
             ORDER BY seq DESC LIMIT ?3"
        ))
        .bind(&[
            state.map_or(JsValue::NULL, |s| text(s.as_str())),
            before.map_or(JsValue::NULL, int),
            int(limit + 1),
        ])?
        .all()
        .await?
        .results::<Row>()?;
    let items = rows.into_iter().map(Row::view).collect();
    Ok(http::json(
        &page(items, limit, |d: &Delivery| d.id.clone()),
        200,
    )?)
}

/// `POST /api/v1/mail/:id/resend` (administrators): a failed or uncertain
/// e-mail is queued again with its attempts reset, and the sender started.
pub async fn resend(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let seq: i64 = ctx.param("id").parse().map_err(|_| ApiError::not_found())?;
    let row = load(ctx, seq).await?;
    let state = MailState::parse(&row.state).unwrap_or(MailState::Queued);
    if !state.can_resend() {
        return Err(ApiError::new(ProblemKind::MailNotResendable));
    }
    let id = seq.to_string();
    let entry = Entry {
        action: "mail.resend",
        object_kind: "outbox",
        object_id: Some(&id),
        organisation_id: None,
    };
    let results = ctx
        .db
        .batch(vec![
            ctx.db
                .prepare(
                    "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_ms = 0, \
                       claim = NULL \
                     WHERE seq = ?1 AND state = ?2",
                )
                .bind(&[int(seq), text(state.as_str())])?,
            audit::entry(&ctx.db, ctx.now, caller, &entry)?,
        ])
        .await?;
    if !crate::db::first_changed(&results) {
        return Err(ApiError::new(ProblemKind::MailChanged));
    }
    crate::mail::note_queued();
    Ok(http::json(&load(ctx, seq).await?.view(), 200)?)
}

/// One e-mail's row, or 404.
async fn load(ctx: &Ctx, seq: i64) -> Result<Row, ApiError> {
    ctx.db
        .prepare(format!("SELECT {COLUMNS} FROM outbox WHERE seq = ?1"))
        .bind(&[int(seq)])?
        .first::<Row>(None)
        .await?
        .ok_or_else(ApiError::not_found)
}

#[derive(Deserialize, Default)]
struct SendRequest {
    /// The instant (Unix ms) the sender takes as now; default the
    /// request's. Local mode only, like the route: so a test can see the
    /// retries' schedule without waiting for it.
    at: Option<i64>,
}

/// `POST /api/v1/mail/send` (local mode, administrators): runs the sender
/// now, as of `{"at"}` or the request's time.
pub async fn send_now(ctx: &Ctx) -> ApiResult {
    let req: SendRequest = if ctx.body.is_empty() {
        SendRequest::default()
    } else {
        ctx.json()?
    };
    let now = req.at.unwrap_or(ctx.now);
    let run = crate::mail::send_due(&ctx.env, &ctx.db, &ctx.config, now, 5_000).await?;
    Ok(http::json(&run, 200)?)
}
