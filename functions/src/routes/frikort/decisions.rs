//! Helfo's decisions on a claim's lines (FK-4/5), and the lines read page
//! by page.

use frist_domain::frikort::flow::ClaimStep;
use frist_domain::frikort::{Decision, DecisionForm, LineView};
use frist_domain::{Issue, IssueCode, Report};

use super::{allowed, audited, current, load_visible};
use crate::audit;
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::page;
use crate::store::frikort::lines::{self as store, LineDecision, LineFilter, LineRow};

/// `GET /api/v1/frikort/claims/:id/lines?only=issues|undecided&cursor=LINE`:
/// the lines in file order; the cursor is the last line number shown.
pub async fn lines(ctx: &Ctx) -> ApiResult {
    let claim = load_visible(ctx).await?;
    let limit =
        frist_domain::api::parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let after = match ctx.query("cursor").filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => c
            .parse::<i64>()
            .map_err(|_| ApiError::bad_request(Issue::error("cursor", IssueCode::CursorInvalid)))?,
    };
    let filter = match ctx.query("only").unwrap_or("") {
        "" | "all" => LineFilter::All,
        "issues" => LineFilter::WithIssues,
        "undecided" => LineFilter::Undecided,
        _ => {
            return Err(ApiError::bad_request(
                Issue::error("only", IssueCode::NotOneOf).with("allowed", "all, issues, undecided"),
            ));
        }
    };
    let rows = store::lines(&ctx.db, &claim.id, after, filter, limit + 1).await?;
    let items: Vec<LineView> = rows.into_iter().map(LineRow::view).collect();
    audit::read(
        &ctx.db,
        ctx.now,
        ctx.caller()?,
        &audited("frikort.lines.read", &claim),
        &[],
    )
    .await?;
    Ok(http::json(
        &page(items, limit, |l: &LineView| l.line.to_string()),
        200,
    )?)
}

/// `POST /api/v1/frikort/claims/:id/lines/:line/decision` (Helfo): FK-4/5,
/// one line approved or rejected, a deviation always with its reason (and
/// "other" with a note), never more than claimed; a paid line's decision
/// stands. The last decision may settle the claim.
pub async fn decide(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    allowed(ClaimStep::Decide, claim.status, 0)?;
    let n: i64 = ctx
        .param("line")
        .parse()
        .map_err(|_| ApiError::not_found())?;
    let line = store::line(&ctx.db, &claim.id, n)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let form: DecisionForm = ctx.json()?;
    let (decision, reason, note, approved) = form
        .check(line.amount_ore.unwrap_or(0), line.payment_n.is_some())
        .map_err(ApiError::invalid)?;
    if decision == Decision::Approved && line.valid != 1 {
        return Err(ApiError::invalid(Report::of(Issue::error(
            "decision",
            IssueCode::LineInvalid,
        ))));
    }
    let set = store::decide(
        &ctx.db,
        &claim.id,
        &LineDecision {
            n,
            decision,
            reason,
            note: note.as_deref(),
            approved_ore: approved,
        },
    )?;
    let entry = audit::entry(
        &ctx.db,
        ctx.now,
        caller,
        &audited("frikort.decision", &claim),
    )?;
    ctx.db
        .batch(vec![
            set,
            store::retotal(&ctx.db, &claim.id, ctx.now)?,
            store::settle(&ctx.db, &claim.id)?,
            entry,
        ])
        .await?;
    current(ctx, &claim.id).await
}

/// `POST /api/v1/frikort/claims/:id/approve-clean` (Helfo): every valid line
/// with no issue and no decision yet is approved as claimed. Lines with
/// warnings are left for a person.
pub async fn approve_clean(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    allowed(ClaimStep::ApproveClean, claim.status, 0)?;
    let entry = audit::entry(
        &ctx.db,
        ctx.now,
        caller,
        &audited("frikort.approve_clean", &claim),
    )?;
    ctx.db
        .batch(vec![
            store::approve_clean(&ctx.db, &claim.id)?,
            store::retotal(&ctx.db, &claim.id, ctx.now)?,
            store::settle(&ctx.db, &claim.id)?,
            entry,
        ])
        .await?;
    current(ctx, &claim.id).await
}
