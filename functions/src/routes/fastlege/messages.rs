//! Messages to the GP register: sent by a municipality (with FL-10's one
//! year in total checked across municipalities), listed, read, and
//! registered by Helfo (FL-8).

use chrono::Datelike;
use frist_domain::fastlege::{
    CheckContext, MessageCreated, MessageForm, MessageKind, MessageView, RegisterRequest, Replaced,
    Status, SubstituteFacts, chase_from, message_number, substitute_total, unapproved_periods,
};
use frist_domain::{Issue, IssueCode};
use wasm_bindgen::JsValue;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{create_object, next_number, page};
use crate::store::fastlege::{self as store, NewMessage, Row};

/// The termination a new GP or vacant list replaces: one of the caller's
/// own termination messages, or none.
async fn replaced(ctx: &Ctx, form: &MessageForm) -> Result<Option<Replaced>, ApiError> {
    let id = form.replaces.trim();
    if id.is_empty() {
        return Ok(None);
    }
    let found = store::termination_of(&ctx.db, id, &ctx.caller()?.organisation_id).await?;
    Ok(found.map(|termination| Replaced { termination }))
}

/// The message with its `ETag`.
fn answer(view: &MessageView) -> ApiResult {
    http::json_with_etag(view, view.version, 200)
}

/// `POST /api/v1/fastlege/messages`: a message to the GP register.
pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let form: MessageForm = ctx.json()?;
    let check = CheckContext {
        today: ctx.today,
        bounds: ctx.config.list_bounds,
    };
    let replaced = replaced(ctx, &form).await?;
    let (report, message) = form.check(&check, replaced);
    let message = match message {
        Some(m) if !report.has_errors() => m,
        _ => return Err(ApiError::invalid(report)),
    };
    if let Some(facts) = &message.substitute {
        year_in_total(ctx, facts).await?;
    }
    let id = crate::crypto::new_id("fl")?;
    let number = next_number(&ctx.db, "fastlege", ctx.today.year(), message_number).await?;
    let warnings_json = http::to_json(&report.issues)?;
    let chase = match message.kind {
        MessageKind::Termination => message.timing.termination.and_then(|t| chase_from(t).ok()),
        _ => None,
    };
    let replaces = replaced.map(|_| form.replaces.trim());
    let insert = store::insert(
        &ctx.db,
        &NewMessage {
            id: &id,
            number: &number,
            organisation: &caller.organisation_id,
            sender: &caller.user_id,
            form: &form,
            message: &message,
            chase,
            replaces,
            warnings_json: &warnings_json,
            today: ctx.today,
            now: ctx.now,
        },
    )?;
    let created = MessageCreated {
        id: id.clone(),
        number,
        kind: message.kind,
        effective: message.effective,
        timing: message.timing,
        warnings: report.issues,
        version: 1,
    };
    let entry = Entry {
        action: "fastlege.create",
        object_kind: "fastlege_message",
        object_id: Some(&id),
        organisation_id: Some(&caller.organisation_id),
    };
    create_object(
        ctx,
        vec![insert],
        &entry,
        &created,
        ("fl_messages", Issue::error("", IssueCode::AlreadyExists)),
    )
    .await
}

/// FL-10: a new period for a substitute without completed LIS1 must fit the
/// one year in total with every earlier period of that doctor reported to
/// frist (by any municipality; only the last allowed end is told, never
/// where the doctor worked). 422 at `end_date` if it does not.
async fn year_in_total(ctx: &Ctx, facts: &SubstituteFacts) -> Result<(), ApiError> {
    let (Some(start), Some(end)) = (facts.start, facts.end) else {
        return Ok(());
    };
    if !facts.unapproved {
        return Ok(());
    }
    let earlier = store::substitute_periods(&ctx.db, &facts.hpr).await?;
    match substitute_total(&unapproved_periods(&earlier), start, end) {
        Ok(()) => Ok(()),
        Err(max_end) => Err(ApiError::invalid(frist_domain::Report::of(
            Issue::error("end_date", IssueCode::SubstituteTooLong).with("max_end", max_end),
        ))),
    }
}

/// `GET /api/v1/fastlege/messages?status=&cursor=&limit=`: the caller's
/// messages (Helfo: all), soonest effective first.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let (limit, cursor) = crate::routes::list_window(ctx, "fl_messages", "organisation_id").await?;
    let status = ctx.query("status").filter(|s| !s.is_empty());
    if status.is_some_and(|s| s.parse::<Status>().is_err()) {
        return Err(ApiError::bad_request(
            Issue::error("status", IssueCode::NotOneOf).with("allowed", "sent, registered"),
        ));
    }
    let rows = store::list(&ctx.db, caller.scope(), status, cursor, limit + 1).await?;
    let items = rows
        .into_iter()
        .map(Row::view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(http::json(
        &page(items, limit, |m: &MessageView| m.id.clone()),
        200,
    )?)
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = store::load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    answer(&row.view()?)
}

/// `POST /api/v1/fastlege/messages/:id/register` (Helfo, `If-Match`): FL-8,
/// the message is registered — public at once, never undone — and the
/// letters to citizens counted.
pub async fn register(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = store::load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    if ctx.if_match != Some(row.version) {
        return Err(crate::routes::users::stale(row.version));
    }
    if row.status == Status::Registered {
        return Err(ApiError::new(ProblemKind::AlreadyRegistered)
            .with_issues(vec![Issue::error("status", IssueCode::AlreadyRegistered)]));
    }
    let req: RegisterRequest = if ctx.body.is_empty() {
        RegisterRequest::default()
    } else {
        ctx.json()?
    };
    let letters = req.letters.map_or(row.citizens_moved, i64::from);
    let update = store::register(&ctx.db, &row, letters, ctx.today, ctx.now)?;
    let entry = audit::entry_if_changed(
        &ctx.db,
        ctx.now,
        caller,
        &Entry {
            action: "fastlege.register",
            object_kind: "fastlege_message",
            object_id: Some(&row.id),
            organisation_id: Some(&row.organisation_id),
        },
    )?;
    let results = ctx.db.batch(vec![update, entry]).await?;
    let won = crate::db::first_changed(&results);
    let now = store::load(&ctx.db, &row.id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !won {
        return Err(crate::routes::users::stale(now.version));
    }
    answer(&now.view()?)
}
