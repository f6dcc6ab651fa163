//! What many handlers share: pages and cursors of lists, an object loaded
//! within the caller's organisation, yearly numbers, and creating an object
//! with its audit entry and idempotency record.

use frist_domain::api::Page;
use frist_domain::{Issue, IssueCode};
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::audit::Entry;
use crate::ctx::Ctx;
use crate::http::{ApiError, ApiResult};

/// The page of `items` (fetched with one extra row to see if more follow).
pub fn page<T>(mut items: Vec<T>, limit: i64, cursor_of: impl Fn(&T) -> String) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(0);
    let more = items.len() > limit;
    items.truncate(limit);
    let next_cursor = if more {
        items.last().map(cursor_of)
    } else {
        None
    };
    Page { items, next_cursor }
}

/// `?cursor=` of a list newest first: the last sequence number of the
/// previous page (a positive whole number, else 400).
pub fn seq_cursor(ctx: &Ctx) -> std::result::Result<Option<i64>, ApiError> {
    match ctx.query("cursor").filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => c
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .map(Some)
            .ok_or_else(|| ApiError::bad_request(Issue::error("cursor", IssueCode::CursorInvalid))),
    }
}

/// One row of `table` (aliased `alias`, joined to its organisation as `o`)
/// by id, if the caller's `scope` may see it (NULL: Helfo sees all).
pub async fn load_scoped<R: serde::de::DeserializeOwned>(
    db: &D1Database,
    columns: &str,
    (table, alias): (&str, &str),
    id: &str,
    scope: JsValue,
) -> std::result::Result<Option<R>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {columns} FROM {table} {alias} JOIN organisations o ON o.id = {alias}.organisation_id \
             WHERE {alias}.id = ?1 AND (?2 IS NULL OR {alias}.organisation_id = ?2)"
        ))
        .bind(&[JsValue::from_str(id), scope])?
        .first::<R>(None)
        .await?)
}

/// The next number of the yearly counter `name` (`fristbrudd`,
/// `fastlege`), formatted by `format(year, n)`. A number taken by a
/// submission that is then refused is not reused: gaps, never duplicates.
pub async fn next_number(
    db: &D1Database,
    name: &str,
    year: i32,
    format: fn(i32, i64) -> String,
) -> std::result::Result<String, ApiError> {
    #[derive(serde::Deserialize)]
    struct N {
        n: i64,
    }
    let n = db
        .prepare(
            "INSERT INTO counters (name, year, n) VALUES (?1, ?2, 1) \
             ON CONFLICT (name, year) DO UPDATE SET n = n + 1 RETURNING n",
        )
        .bind(&[JsValue::from_str(name), crate::db::int(i64::from(year))])?
        .first::<N>(None)
        .await?
        .ok_or_else(|| worker::Error::RustError("counter returned nothing".into()))?;
    Ok(format(year, n.n))
}

/// `?limit=` and `?cursor=` of a list of `table`: the page size (1–200),
/// and the id the previous page ended on. A cursor that names no row the
/// caller can see (scoped by `scope_column`) is refused (400), never
/// silently restarted.
pub async fn list_window<'c>(
    ctx: &'c Ctx,
    table: &str,
    scope_column: &str,
) -> std::result::Result<(i64, Option<&'c str>), ApiError> {
    let caller = ctx.caller()?;
    let limit =
        frist_domain::api::parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let cursor = ctx.query("cursor").filter(|c| !c.is_empty());
    if let Some(c) = cursor {
        let found = ctx
            .db
            .prepare(format!(
                "SELECT 1 AS ok FROM {table} WHERE id = ?1 AND (?2 IS NULL OR {scope_column} = ?2)"
            ))
            .bind(&[JsValue::from_str(c), caller.scope()])?
            .first::<serde_json::Value>(None)
            .await?;
        if found.is_none() {
            return Err(ApiError::bad_request(Issue::error(
                "cursor",
                IssueCode::CursorInvalid,
            )));
        }
    }
    Ok((limit, cursor))
}

/// A list of a table with `id` and `name` columns, sorted by name.
pub struct Listing<'a> {
    pub table: &'static str,
    pub columns: &'static str,
    /// The column holding the owning organisation's id.
    pub scope_column: &'static str,
    /// An optional `column = value` filter from the query string.
    pub filter: (&'static str, Option<&'a str>),
}

/// One page of `listing` as the caller may see it, alphabetical by name.
/// `?limit=` sets the page size; `?cursor=` is the last id of the previous
/// page. A cursor that names no row the caller can see is refused (400),
/// never silently restarted.
pub async fn alphabetical_page<R, V>(
    ctx: &Ctx,
    listing: &Listing<'_>,
    view: impl Fn(R) -> Option<V>,
    id_of: impl Fn(&V) -> String,
) -> ApiResult
where
    R: serde::de::DeserializeOwned,
    V: serde::Serialize,
{
    let caller = ctx.caller()?;
    let Listing {
        table,
        columns,
        scope_column,
        filter: (filter_column, filter),
    } = listing;
    let (limit, cursor) = list_window(ctx, table, scope_column).await?;
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {columns} FROM {table} \
             WHERE (?1 IS NULL OR {scope_column} = ?1) \
               AND (?2 IS NULL OR (name, id) > (SELECT name, id FROM {table} WHERE id = ?2)) \
               AND (?4 IS NULL OR {filter_column} = ?4) \
             ORDER BY name, id LIMIT ?3"
        ))
        .bind(&[
            caller.scope(),
            crate::db::opt(cursor),
            crate::db::int(limit + 1),
            crate::db::opt(filter.filter(|f| !f.is_empty())),
        ])?
        .all()
        .await?
        .results::<R>()?;
    let items = rows.into_iter().filter_map(view).collect();
    Ok(crate::http::json(&page(items, limit, id_of), 200)?)
}

/// Creates one object: its insert, its audit entry and its idempotency
/// record in one D1 batch, answering 201 with `view`. A unique violation on
/// the table `unique.0` is reported as the issue `unique.1`.
pub async fn create_object<T: serde::Serialize>(
    ctx: &Ctx,
    mut inserts: Vec<worker::D1PreparedStatement>,
    entry: &Entry<'_>,
    view: &T,
    unique: (&str, Issue),
) -> ApiResult {
    let caller = ctx.caller()?;
    inserts.push(crate::audit::entry(&ctx.db, ctx.now, caller, entry)?);
    let body = serde_json::to_string(view).map_err(|e| worker::Error::RustError(e.to_string()))?;
    crate::idempotency::create(&ctx.db, ctx.idem()?, inserts, body, ctx.now, |e| {
        crate::db::is_unique_violation(e, unique.0).then(|| {
            let mut r = frist_domain::Report::new();
            r.push(unique.1.clone());
            ApiError::invalid(r)
        })
    })
    .await
}
