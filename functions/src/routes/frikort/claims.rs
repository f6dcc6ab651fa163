//! A claim announced, submitted when every chunk is in, listed and read.

use chrono::{Datelike, NaiveDate};
use frist_domain::frikort::flow::{ClaimStep, missing_chunks};
use frist_domain::frikort::{
    CHUNK_LINES, ClaimStatus, ClaimView, NewClaim, claim_number, is_fingerprint, payment_due,
};
use frist_domain::{Issue, IssueCode, Report};

use super::{answer, claim_entry, current, load_visible};
use crate::audit;
use crate::ctx::Ctx;
use crate::db::iso;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{create_object, list_window, next_number, page};
use crate::store::frikort::{self as store, NewClaimRow, date_of};

/// The most lines one claim may announce.
const MAX_LINES: u64 = 10_000_000;

/// An announced claim's fields, checked: the trimmed file name, the date of
/// awareness and the file's fingerprint (empty when not given).
fn check_new(form: &NewClaim) -> Result<(&str, Option<NaiveDate>, &str), ApiError> {
    let mut r = Report::new();
    let name = form.file_name.trim();
    if name.is_empty() {
        r.push(Issue::error("file_name", IssueCode::Required));
    } else if name.chars().count() > 200 {
        r.push(Issue::error("file_name", IssueCode::TooLong).with("max", 200i64));
    }
    let aware = if form.aware.trim().is_empty() {
        None
    } else {
        let d = frist_domain::calendar::parse_date(&form.aware);
        if d.is_none() {
            r.push(Issue::error("aware", IssueCode::DateInvalid));
        }
        d
    };
    if form.lines == 0 || form.lines > MAX_LINES {
        r.push(
            Issue::error("lines", IssueCode::NumberOutOfRange)
                .with("min", 1i64)
                .with("max", MAX_LINES as i64),
        );
    }
    let needed = form.lines.div_ceil(CHUNK_LINES as u64);
    if u64::from(form.chunks) < needed || u64::from(form.chunks) > form.lines.max(1) {
        r.push(
            Issue::error("chunks", IssueCode::NumberOutOfRange)
                .with("min", needed as i64)
                .with("max", form.lines.max(1) as i64),
        );
    }
    let fingerprint = form.fingerprint.trim();
    if !fingerprint.is_empty() && !is_fingerprint(fingerprint) {
        r.push(Issue::error("fingerprint", IssueCode::FingerprintInvalid));
    }
    if r.has_errors() {
        return Err(ApiError::invalid(r));
    }
    Ok((name, aware, fingerprint))
}

/// The same file sent before (issue 24): every line would be refused as a
/// duplicate (FK-8), so it is named and sent again only when asked.
async fn refuse_resent(ctx: &Ctx, organisation: &str, fingerprint: &str) -> Result<(), ApiError> {
    let Some(e) = store::earlier_file(&ctx.db, organisation, fingerprint).await? else {
        return Ok(());
    };
    let date = date_of(Some(&e.received_on))
        .map(frist_domain::calendar::format_nb)
        .unwrap_or(e.received_on);
    Err(
        ApiError::new(ProblemKind::FileAlreadySent).with_issues(vec![
            Issue::error("fingerprint", IssueCode::FileAlreadySent)
                .with("claim", &*e.number)
                .with("date", &*date),
        ]),
    )
}

/// `POST /api/v1/frikort/claims`: a claim file announced, before its chunks.
pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let form: NewClaim = ctx.json()?;
    let (name, aware, fingerprint) = check_new(&form)?;
    if !fingerprint.is_empty() && !form.resend {
        refuse_resent(ctx, &caller.organisation_id, fingerprint).await?;
    }
    let id = crate::crypto::new_id("fk")?;
    let number = next_number(&ctx.db, "frikort", ctx.today.year(), claim_number).await?;
    let insert = store::insert(
        &ctx.db,
        &NewClaimRow {
            id: &id,
            number: &number,
            organisation: &caller.organisation_id,
            sender: &caller.user_id,
            file_name: name,
            aware,
            lines: form.lines,
            chunks: form.chunks,
            now: ctx.now,
            fingerprint: (!fingerprint.is_empty()).then_some(fingerprint),
        },
    )?;
    let view = ClaimView {
        id: id.clone(),
        number,
        organisation_id: caller.organisation_id.clone(),
        organisation_name: String::new(),
        status: ClaimStatus::Receiving,
        file_name: name.to_owned(),
        aware,
        received_on: None,
        due: None,
        lines_expected: form.lines,
        chunks_expected: form.chunks,
        chunks_received: Vec::new(),
        lines: 0,
        valid_lines: 0,
        claimed_ore: 0,
        approved_ore: 0,
        undecided: 0,
        payable_lines: 0,
        payable_ore: 0,
        paid_ore: 0,
        payments: Vec::new(),
        repayment_ore: 0,
        payout_account: None,
        version: 1,
        created_at: iso(ctx.now),
    };
    create_object(
        ctx,
        vec![insert],
        &claim_entry("frikort.create", &id, &caller.organisation_id),
        &view,
        ("fk_claims", Issue::error("", IssueCode::AlreadyExists)),
    )
    .await
}

/// 409 unless every chunk and every line is in.
fn check_complete(view: &ClaimView) -> Result<(), ApiError> {
    let missing = missing_chunks(view.chunks_expected, &view.chunks_received);
    if missing.is_empty() && view.lines == view.lines_expected {
        return Ok(());
    }
    let kind = if missing.is_empty() {
        ProblemKind::ClaimIncompleteLines
    } else {
        ProblemKind::ClaimIncomplete
    };
    let missing: Vec<String> = missing.iter().map(u32::to_string).collect();
    Err(ApiError::new(kind)
        .arg("lines", view.lines)
        .arg("expected", view.lines_expected)
        .arg("missing", missing.join(", ")))
}

/// `POST /api/v1/frikort/claims/:id/submit`: every chunk is in — the claim
/// is received (FK-3's 30 days start). Safe to repeat.
pub async fn submit(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    if ClaimStep::Submit.check(claim.status, 0).is_err() {
        return answer(&claim.view());
    }
    let (id, org) = (claim.id.clone(), claim.organisation_id.clone());
    check_complete(&claim.view())?;
    let due = payment_due(ctx.today).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let update = store::submit(&ctx.db, &id, ctx.today, due, ctx.now)?;
    let entry = claim_entry("frikort.submit", &id, &org);
    let entry = audit::entry_if_changed(&ctx.db, ctx.now, caller, &entry)?;
    ctx.db.batch(vec![update, entry]).await?;
    current(ctx, &id).await
}

/// `GET /api/v1/frikort/claims`: received claims by due date (overdue
/// first), then those still arriving, then paid ones. HF: its own.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let (limit, cursor) = list_window(ctx, "fk_claims", "organisation_id").await?;
    let file = ctx.query("file").filter(|f| !f.is_empty());
    let rows = store::list(&ctx.db, caller.scope(), cursor, limit + 1, file).await?;
    let items: Vec<ClaimView> = rows.into_iter().map(store::Row::view).collect();
    Ok(http::json(
        &page(items, limit, |c: &ClaimView| c.id.clone()),
        200,
    )?)
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    answer(&load_visible(ctx).await?.view())
}
