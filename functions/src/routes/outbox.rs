//! `GET /api/v1/outbox` (local mode only): the e-mails frist has queued,
//! with their bodies (FB-9, FL-7), newest first. Helfo sees all;
//! everyone else sees the ones addressed to them.

use frist_domain::api::parse_limit;
use frist_domain::fristbrudd::OutboxMessage;

use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{page, seq_cursor};
use crate::store::outbox;

/// `GET /api/v1/outbox`: a page of e-mails, newest first.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let limit = parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let before = seq_cursor(ctx)?;
    let to = (!caller.role.sees_all_organisations()).then_some(caller.user_id.as_str());
    let rows = outbox::messages(&ctx.db, to, before, limit + 1).await?;
    let items = rows.into_iter().map(outbox::MessageRow::view).collect();
    Ok(http::json(
        &page(items, limit, |m: &OutboxMessage| m.id.clone()),
        200,
    )?)
}
