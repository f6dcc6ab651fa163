//! E-mail delivery for administrators (issue 26): what was queued, sent,
//! retried or given up, with the reason — never a body — and a resend for
//! the ones that failed or were cut off. In local mode the sender can also
//! be run on demand.

use frist_domain::api::parse_limit;
use frist_domain::mail::{Delivery, MailState};
use frist_domain::{Issue, IssueCode};
use serde::Deserialize;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{page, seq_cursor};
use crate::store::outbox;

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
    let state = state.map(|s| s.as_str());
    let rows = outbox::deliveries(&ctx.db, state, before, limit + 1).await?;
    let items = rows.into_iter().map(outbox::DeliveryRow::view).collect();
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
            outbox::requeue(&ctx.db, seq, state.as_str())?,
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
async fn load(ctx: &Ctx, seq: i64) -> Result<outbox::DeliveryRow, ApiError> {
    outbox::delivery(&ctx.db, seq)
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
