//! `GET /api/v1/outbox` (local mode only): the e-mails frist has queued,
//! with their bodies (FB-9, FL-7), newest first. Helfo sees all;
//! everyone else sees the ones addressed to them.

use frist_domain::api::parse_limit;
use frist_domain::fristbrudd::OutboxMessage;
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::ctx::Ctx;
use crate::db::{int, text};
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{page, seq_cursor};

#[derive(Deserialize)]
struct Row {
    seq: i64,
    created_at: String,
    to_addr: String,
    subject: String,
    body: String,
}

pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let limit = parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let before = seq_cursor(ctx)?;
    let to = if caller.role.sees_all_organisations() {
        JsValue::NULL
    } else {
        text(&caller.user_id)
    };
    let rows = ctx
        .db
        .prepare(
            "SELECT seq, created_at, to_addr, subject, body FROM outbox \
             WHERE (?1 IS NULL OR to_user_id = ?1) AND (?2 IS NULL OR seq < ?2) \
             ORDER BY seq DESC LIMIT ?3",
        )
        .bind(&[to, before.map_or(JsValue::NULL, int), int(limit + 1)])?
        .all()
        .await?
        .results::<Row>()?;
    let items = rows
        .into_iter()
        .map(|r| OutboxMessage {
            id: r.seq.to_string(),
            created_at: r.created_at,
            to: r.to_addr,
            subject: r.subject,
            body: r.body,
        })
        .collect();
    Ok(http::json(
        &page(items, limit, |m: &OutboxMessage| m.id.clone()),
        200,
    )?)
}
