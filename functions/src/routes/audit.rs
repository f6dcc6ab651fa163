//! `GET /api/v1/audit?object_id=&object_kind=&cursor=`: the audit trail,
//! newest first. Helfo reads all of it; everyone else reads the entries
//! about their organisation or made by its users. `object_id` finds every
//! entry about one object — also the list reads that showed it — so an
//! access report for a patient's case is one query. The cursor is the last
//! sequence number of the page.

use frist_domain::api::{AuditEntry, parse_limit};

use crate::ctx::Ctx;
use crate::db::{int, opt};
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{page, seq_cursor};

pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let limit = parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let before = seq_cursor(ctx)?;
    let rows = ctx
        .db
        .prepare(
            "SELECT seq, at, action, object_kind, object_id, organisation_id, actor_user_id, \
                    actor_organisation_id, session_id, object_ids, client FROM audit \
             WHERE (?1 IS NULL OR organisation_id = ?1 OR actor_organisation_id = ?1) \
               AND (?2 IS NULL OR seq < ?2) \
               AND (?3 IS NULL OR object_id = ?3 OR EXISTS \
                    (SELECT 1 FROM json_each(audit.object_ids) j WHERE j.value = ?3)) \
               AND (?5 IS NULL OR object_kind = ?5) \
             ORDER BY seq DESC LIMIT ?4",
        )
        .bind(&[
            caller.scope(),
            before.map_or(wasm_bindgen::JsValue::NULL, int),
            opt(ctx.query("object_id").filter(|o| !o.is_empty())),
            int(limit + 1),
            opt(ctx.query("object_kind").filter(|o| !o.is_empty())),
        ])?
        .all()
        .await?
        .results::<AuditEntry>()?;
    Ok(http::json(
        &page(rows, limit, |e: &AuditEntry| e.seq.to_string()),
        200,
    )?)
}
