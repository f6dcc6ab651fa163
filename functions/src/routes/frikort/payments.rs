//! Helfo's payments of a claim's approved lines (FK-4, FK-9) and demands
//! for repayment (FK-6, FK-7), both conditional on the claim's version.

use frist_domain::frikort::flow::ClaimStep;
use frist_domain::frikort::{PaymentForm, RepaymentForm};
use wasm_bindgen::JsValue;
use worker::D1PreparedStatement;

use super::{allowed, audited, current, load_visible};
use crate::audit;
use crate::ctx::Ctx;
use crate::http::{ApiError, ApiResult};
use crate::routes::users::stale;
use crate::store::frikort::lines::{self as store, NewPayment};
use crate::store::frikort::{self as claims, Row};

/// Runs a conditional claim change (`If-Match`): the claim's version is
/// bumped if it is still the one named, and `then` runs only if it was
/// (each guarded by `changes() = 1` or its own key); with its audit entry.
async fn conditional_change(
    ctx: &Ctx,
    claim: &Row,
    then: Vec<D1PreparedStatement>,
    action: &str,
) -> ApiResult {
    let bump = store::bump(&ctx.db, &claim.id, claim.version, ctx.now)?;
    let entry = audit::entry_if_changed(&ctx.db, ctx.now, ctx.caller()?, &audited(action, claim))?;
    let mut batch = vec![bump, entry];
    batch.extend(then);
    let results = ctx.db.batch(batch).await?;
    if !crate::db::first_changed(&results) {
        let now = claims::load(&ctx.db, &claim.id, JsValue::NULL)
            .await?
            .ok_or_else(ApiError::not_found)?;
        return Err(stale(now.version));
    }
    current(ctx, &claim.id).await
}

/// The claim named by the path, at the version `If-Match` names.
async fn load_matching(ctx: &Ctx) -> Result<Row, ApiError> {
    let claim = load_visible(ctx).await?;
    if ctx.if_match != Some(claim.version) {
        return Err(stale(claim.version));
    }
    Ok(claim)
}

/// `POST /api/v1/frikort/claims/:id/payment` (Helfo, `If-Match`): FK-4 and
/// FK-9, the approved lines not yet paid, paid on a date to the account the
/// RHF has set (ID-5) — while other lines may still wait for a decision.
/// The payment names its lines; the last one settles the claim.
pub async fn payment(ctx: &Ctx) -> ApiResult {
    let claim = load_matching(ctx).await?;
    allowed(ClaimStep::Pay, claim.status, 0)?;
    let form: PaymentForm = ctx.json()?;
    let view = claim.view_ref();
    let (paid_on, account) = form
        .check(
            view.payable_lines,
            view.payable_ore,
            view.payout_account.as_deref(),
            ctx.today,
        )
        .map_err(ApiError::invalid)?;
    let payment_id = crate::crypto::new_id("pay")?;
    let [insert, lines] = store::pay(
        &ctx.db,
        &claim.id,
        &NewPayment {
            id: &payment_id,
            n: i64::try_from(view.payments.len() + 1).unwrap_or(i64::MAX),
            paid_on,
            amount_ore: view.payable_ore,
            account: &account,
            lines: view.payable_lines,
            user: &ctx.caller()?.user_id,
            now: ctx.now,
        },
    )?;
    let settle = store::settle(&ctx.db, &claim.id)?;
    conditional_change(ctx, &claim, vec![insert, lines, settle], "frikort.payment").await
}

/// `POST /api/v1/frikort/claims/:id/repayment` (Helfo, `If-Match`): FK-7, a
/// demand that the HF repay part of one payment — never when Helfo's own
/// wrong information caused the advance, and refused once Helfo's claim is
/// time-barred (FK-6: 3 years after that payment).
pub async fn repayment(ctx: &Ctx) -> ApiResult {
    let claim = load_matching(ctx).await?;
    let form: RepaymentForm = ctx.json()?;
    let view = claim.view_ref();
    allowed(ClaimStep::Repay, claim.status, view.payments.len())?;
    let (n, amount) = form
        .check(&view.payments, ctx.today)
        .map_err(ApiError::invalid)?;
    let update = store::repay(&ctx.db, &claim.id, n, amount, form.reason.trim())?;
    conditional_change(ctx, &claim, vec![update], "frikort.repayment").await
}
