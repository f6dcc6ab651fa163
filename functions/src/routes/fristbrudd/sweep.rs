//! The daily sweep (FB-4, FB-5, and FL-7's chase e-mails), run by the cron
//! and, in local mode, by a route.

use chrono::NaiveDate;
use frist_domain::fristbrudd::{Actor, Event, SweepRequest, SweepResult};
use frist_domain::{Issue, IssueCode, Report};
use worker::D1Database;

use super::changes::commit;
use crate::ctx::{Config, Ctx};
use crate::http::{self, ApiError, ApiResult};
use crate::store::fristbrudd::{self as store, Change, Row};

/// The daily sweep: FB-4 records "not reached" for cases still in contact
/// the day after their contact deadline, then FB-5 returns every case whose
/// reply deadline passed before `today`. Idempotent: a changed case no
/// longer matches, so a second run finds nothing; each case is its own
/// batch, so a crash half-way leaves the rest for the next run.
///
/// `hold_after` (tests only, see [`crate::ctx::Config::sweep_hold_after`])
/// makes the sweep wait after that many returns, so a crash test can kill
/// the server at a point it knows is half-way.
pub async fn sweep(
    db: &D1Database,
    now: i64,
    today: NaiveDate,
    config: &Config,
) -> Result<SweepResult, ApiError> {
    let hold_after = config.sweep_hold_after;
    // Contacting cases whose next deadline passed: the contact deadline is
    // among them (the service limit may come first; the domain decides).
    let (contacting, letters) = store::due_for_sweep(db, today).await?;
    let mut result = SweepResult {
        today,
        checked: u32::try_from(letters.len()).unwrap_or(u32::MAX),
        returned: Vec::new(),
        not_reached: Vec::new(),
        chased: Vec::new(),
    };
    for row in &contacting {
        let case = row.case()?;
        if !case.due_for_not_reached(today) {
            continue;
        }
        if let Some(number) = system_event(db, now, today, config, row, Event::NotReached).await? {
            result.not_reached.push(number);
        }
    }
    for row in &letters {
        if let Some(number) = system_event(db, now, today, config, row, Event::Return).await? {
            result.returned.push(number);
            if hold_after == Some(result.returned.len()) {
                worker::Delay::from(std::time::Duration::from_secs(600)).await;
            }
        }
    }
    Ok(result)
}

/// One change by the sweep; the case number when it was stored.
async fn system_event(
    db: &D1Database,
    now: i64,
    today: NaiveDate,
    config: &Config,
    row: &Row,
    event: Event,
) -> Result<Option<String>, ApiError> {
    let Ok(after) = row.case()?.apply(&event, Actor::System, today) else {
        return Ok(None);
    };
    let change = Change {
        row,
        after: &after,
        event: event.kind(),
        date: None,
        actor: Actor::System,
        caller: None,
        document: None,
    };
    Ok(commit(db, now, config, &change)
        .await?
        .then(|| row.number.clone()))
}

/// `POST /api/v1/sweep` (local mode, administrators): runs the daily sweep
/// as of `today` (default: today in Oslo) — FB-4/FB-5 and the FL-7 chase
/// e-mails — so a person or a test can see it.
pub async fn sweep_route(ctx: &Ctx) -> ApiResult {
    let req: SweepRequest = if ctx.body.is_empty() {
        SweepRequest::default()
    } else {
        ctx.json()?
    };
    let today = if req.today.trim().is_empty() {
        ctx.today
    } else {
        frist_domain::calendar::parse_date(&req.today).ok_or_else(|| {
            ApiError::invalid(Report::of(Issue::error("today", IssueCode::DateInvalid)))
        })?
    };
    crate::idempotency::expire(&ctx.db, ctx.now)?.run().await?;
    let mut result = sweep(&ctx.db, ctx.now, today, &ctx.config).await?;
    result.chased =
        crate::routes::fastlege::chase_by_email(&ctx.db, ctx.now, today, &ctx.config).await?;
    Ok(http::json(&result, 200)?)
}
