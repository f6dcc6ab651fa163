//! The case lists — the caller's cases and Helfo's FB-3 queue — and the
//! FB-11 service figures.

use frist_domain::fristbrudd::{CaseSummary, MonthStats, State, monthly_stats};
use frist_domain::{Issue, IssueCode};

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::page;
use crate::store::fristbrudd::{self as store, CaseFilter, LIST_ORDER, Order, QUEUE_ORDER};

/// The `state` filter: a state, `open` or `closed`.
fn parse_state(ctx: &Ctx) -> Result<Option<&str>, ApiError> {
    let state = ctx.query("state").filter(|s| !s.is_empty());
    if let Some(s) = state
        && s.parse::<State>().is_err()
        && s != "open"
        && s != "closed"
    {
        use strum::IntoEnumIterator;
        let allowed: Vec<&str> = State::iter().map(State::as_str).collect();
        return Err(ApiError::bad_request(
            Issue::error("state", IssueCode::NotOneOf)
                .with("allowed", &*format!("open, closed, {}", allowed.join(", "))),
        ));
    }
    Ok(state)
}

/// A page of cases in `order`, `only_open` the queue's filter; every case
/// shown is audited.
async fn case_page(ctx: &Ctx, order: Order, only_open: bool) -> ApiResult {
    let action = if only_open {
        "fristbrudd.queue"
    } else {
        "fristbrudd.list"
    };
    let caller = ctx.caller()?;
    let (limit, cursor) = crate::routes::list_window(ctx, "fb_cases", "organisation_id").await?;
    let filter = CaseFilter {
        state: parse_state(ctx)?,
        only_open,
        cursor,
        limit: limit + 1,
    };
    let rows = store::page(&ctx.db, caller.scope(), order, &filter).await?;
    let items = store::summaries(&rows)?;
    let page = page(items, limit, |c: &CaseSummary| c.id.clone());
    // Every case shown, by id (the list shows masked numbers, still a
    // patient's data): one audit row per page read.
    let shown: Vec<&str> = page.items.iter().map(|c| c.id.as_str()).collect();
    audit::read(
        &ctx.db,
        ctx.now,
        caller,
        &Entry {
            action,
            object_kind: "fristbrudd_case",
            object_id: None,
            organisation_id: (!caller.role.sees_all_organisations())
                .then_some(caller.organisation_id.as_str()),
        },
        &shown,
    )
    .await?;
    Ok(http::json(&page, 200)?)
}

/// `GET /api/v1/fristbrudd/cases?state=&cursor=&limit=`: the caller's cases
/// (Helfo: all), next deadline first.
pub async fn list(ctx: &Ctx) -> ApiResult {
    case_page(ctx, LIST_ORDER, false).await
}

/// `GET /api/v1/fristbrudd/queue`: Helfo's open cases in FB-3 order —
/// confirmed urgent first, then earliest fristdato, then earliest
/// notification (the same order as `frist_domain::fristbrudd::queue_order`).
pub async fn queue(ctx: &Ctx) -> ApiResult {
    case_page(ctx, QUEUE_ORDER, true).await
}

/// `GET /api/v1/fristbrudd/stats`: FB-11 per month of notification.
pub async fn stats(ctx: &Ctx) -> ApiResult {
    let pairs = store::outcome_dates(&ctx.db).await?;
    let months: Vec<MonthStats> = monthly_stats(&pairs);
    Ok(http::json(&months, 200)?)
}
