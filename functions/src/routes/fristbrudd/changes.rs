//! A case changed: a transition by the site or Helfo (FB-3 … FB-8), the
//! site's documentation PDF in R2 (FB-7), each stored in one batch with its
//! history, audit entry and update e-mail.

use frist_domain::fristbrudd::{
    Actor, Event, EventForm, EventKind, TransitionError, check_pdf, event_date, update_email,
};
use frist_domain::{IssueCode, Report};
use wasm_bindgen::JsValue;
use worker::{D1Database, Response};

use super::{actor_of, audit_read, case_entry, load_visible, view};
use crate::audit;
use crate::ctx::{Config, Ctx};
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::users::stale;
use crate::store::fristbrudd::{self as store, Change, Row};

/// The R2 binding for documentation.
const DOCS: &str = "DOCS";

/// Stores `change` if the case is still at `row.version`; `false` if
/// another change won. One batch: update, history, audit, outbox.
pub(super) async fn commit(
    db: &D1Database,
    now: i64,
    config: &Config,
    change: &Change<'_>,
) -> Result<bool, ApiError> {
    let Change { row, actor, .. } = *change;
    let [update, history] = store::change(db, change, now)?;
    let action = format!("fristbrudd.{}", change.event.as_str());
    let entry = case_entry(&action, row);
    let audit = match change.caller {
        Some(c) => audit::entry_if_changed(db, now, c, &entry)?,
        None => audit::entry_if_changed(db, now, audit::Actor::default(), &entry)?,
    };
    let mut batch = vec![update, history, audit];
    // FB-9: each Helfo update e-mails the notifier, naming the case number only.
    if actor != Actor::Site {
        let link = config.link(&format!("/fristbrudd/saker/{}", row.id));
        let (subject, body) = update_email(&row.number, &link);
        batch.push(store::notify_notifier(db, row, (&subject, &body), now)?);
    }
    let results = db.batch(batch).await?;
    let won = crate::db::first_changed(&results);
    if won && actor != Actor::Site {
        crate::mail::note_queued();
    }
    Ok(won)
}

/// A refused transition: 409 naming what is allowed now; a wrong date in
/// the event is a 422 like any other form error.
fn refused(e: &TransitionError) -> ApiError {
    let report = Report::of(e.issue());
    if matches!(
        e.reason,
        Some(IssueCode::LetterDateInvalid | IssueCode::AppointmentInPast)
    ) {
        return ApiError::invalid(report);
    }
    ApiError::new(ProblemKind::TransitionNotAllowed).with_issues(report.issues)
}

/// The case named by the path, at the version `If-Match` names (412 with
/// the current version if stale).
async fn load_matching(ctx: &Ctx) -> Result<Row, ApiError> {
    let row = load_visible(ctx).await?;
    if ctx.if_match != Some(row.version) {
        return Err(stale(row.version));
    }
    Ok(row)
}

/// Answers with the case as it is after a change that won, or 412.
async fn after_change(ctx: &Ctx, id: &str, won: bool) -> ApiResult {
    let row = store::load(&ctx.db, id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !won {
        return Err(stale(row.version));
    }
    let version = row.version;
    http::json_with_etag(&view(ctx, row).await?, version, 200)
}

/// `POST /api/v1/fristbrudd/cases/:id/events`: one transition (FB-3 … FB-8),
/// by the caller's side. `If-Match` names the version it was decided on.
pub async fn event(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = load_matching(ctx).await?;
    let form: EventForm = ctx.json()?;
    let event: Event = form.check().map_err(ApiError::invalid)?;
    let actor = actor_of(caller.role);
    let after = row
        .case()?
        .apply(&event, actor, ctx.today)
        .map_err(|e| refused(&e))?;
    let change = Change {
        row: &row,
        after: &after,
        event: event.kind(),
        date: event_date(&event),
        actor,
        caller: Some(caller),
        document: None,
    };
    let won = commit(&ctx.db, ctx.now, &ctx.config, &change).await?;
    after_change(ctx, &row.id, won).await
}

/// `PUT /api/v1/fristbrudd/cases/:id/document`: the site's one PDF (FB-7),
/// checked by content and size here as in the browser, stored in R2.
pub async fn put_document(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = load_matching(ctx).await?;
    let head = &ctx.body[..ctx.body.len().min(8)];
    check_pdf(ctx.body.len(), head).map_err(|i| ApiError::invalid(Report::of(i)))?;
    let after = row.case()?.upload(ctx.today).map_err(|e| refused(&e))?;
    let bucket = ctx.env.bucket(DOCS)?;
    let key = format!(
        "fristbrudd/{}/{}.pdf",
        row.id,
        hex::encode(crate::crypto::random_bytes::<12>()?)
    );
    bucket
        .put(&key, ctx.body.clone())
        .http_metadata(worker::HttpMetadata {
            content_type: Some("application/pdf".into()),
            ..Default::default()
        })
        .execute()
        .await?;
    let size = i64::try_from(ctx.body.len()).unwrap_or(i64::MAX);
    let change = Change {
        row: &row,
        after: &after,
        event: EventKind::DocumentUploaded,
        date: None,
        actor: Actor::Site,
        caller: Some(caller),
        document: Some((&key, size)),
    };
    let won = commit(&ctx.db, ctx.now, &ctx.config, &change).await?;
    if !won {
        // Another change won: the file it was meant for is not this case's now.
        bucket.delete(&key).await?;
    }
    after_change(ctx, &row.id, won).await
}

/// `GET /api/v1/fristbrudd/cases/:id/document`: the uploaded PDF, as a
/// download named by the case number. Audited.
pub async fn get_document(ctx: &Ctx) -> ApiResult {
    let row = load_visible(ctx).await?;
    let key = row
        .document_key
        .as_deref()
        .ok_or_else(ApiError::not_found)?;
    let object = ctx
        .env
        .bucket(DOCS)?
        .get(key)
        .execute()
        .await?
        .ok_or_else(ApiError::not_found)?;
    let bytes = object
        .body()
        .ok_or_else(ApiError::not_found)?
        .bytes()
        .await?;
    audit_read(ctx, "fristbrudd.document.read", &row).await?;
    let resp = Response::from_bytes(bytes)?;
    resp.headers().set("Content-Type", "application/pdf")?;
    resp.headers().set(
        "Content-Disposition",
        &format!("attachment; filename=\"{}.pdf\"", row.number),
    )?;
    Ok(resp)
}
