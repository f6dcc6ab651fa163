//! `GET /api/v1/audit?object_id=&object_kind=&cursor=`: the audit trail,
//! newest first. Helfo reads all of it; everyone else reads the entries
//! about their organisation or made by its users. `object_id` finds every
//! entry about one object — also the list reads that showed it — so an
//! access report for a patient's case is one query. The cursor is the last
//! sequence number of the page.

use frist_domain::api::{AuditEntry, parse_limit};

use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{page, seq_cursor};
use crate::store::audit;

/// `GET /api/v1/audit`: a page of the entries the caller may read.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let limit = parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let before = seq_cursor(ctx)?;
    let query = audit::Query {
        scope: caller.scope(),
        before,
        object_id: ctx.query("object_id").filter(|o| !o.is_empty()),
        object_kind: ctx.query("object_kind").filter(|o| !o.is_empty()),
        limit: limit + 1,
    };
    let rows = audit::entries(&ctx.db, query).await?;
    Ok(http::json(
        &page(rows, limit, |e: &AuditEntry| e.seq.to_string()),
        200,
    )?)
}
