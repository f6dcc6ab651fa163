//! Fristbrudd routes (FB-1 … FB-11): the site's notification, the case
//! lists, the case page, every transition, the documentation PDF in R2, the
//! service figures and the daily sweep.
//!
//! Every rule is `frist-domain::fristbrudd`'s: the edge parses, asks the
//! domain, and stores. A case row keeps the domain's [`Case`] as JSON next
//! to the personal data; a change is one D1 batch — the conditional update
//! (`WHERE version = ?`), then its history line, audit entry and (for
//! Helfo's changes) the e-mail to the notifier, each written only if the
//! statement before it changed a row — so a lost race leaves no trace.

use chrono::{Datelike, NaiveDate};
use frist_domain::access::Role;
use frist_domain::fristbrudd::{
    Actor, Case, CaseCreated, CaseSummary, CaseView, Event, EventForm, EventKind, HistoryEntry,
    MonthStats, NotificationForm, PatientCheck, PatientCheckAnswer, State, SweepRequest,
    SweepResult, TransitionError, case_number, check_pdf, event_date, mask_fnr, monthly_stats,
    update_email,
};
use frist_domain::ids::{FnrContext, Fodselsnummer};
use frist_domain::{Issue, IssueCode, Report};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Response};

use crate::audit::{self, Entry};
use crate::ctx::{Caller, Config, Ctx};
use crate::db::{flag, int, iso, opt, text};
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{create_object, next_number, page};

/// The R2 binding for documentation.
const DOCS: &str = "DOCS";
/// `next_deadline` of a case with no deadline running (sorts last).
const NO_DEADLINE: &str = "9999-12-31";

const COLUMNS: &str = "c.id, c.number, c.organisation_id, c.notifier_user_id, c.patient_fnr, \
     c.patient_name, c.patient_phone, c.specialty, c.referral_received, c.warning_sent, c.kind, \
     c.urgent_reason, c.case_json, c.document_key, c.document_bytes, c.notified_at, c.version, \
     o.name AS org_name, o.orgnr AS org_orgnr";

#[derive(Deserialize)]
struct Row {
    id: String,
    number: String,
    organisation_id: String,
    notifier_user_id: String,
    patient_fnr: String,
    patient_name: String,
    patient_phone: String,
    specialty: String,
    referral_received: String,
    warning_sent: String,
    kind: String,
    urgent_reason: Option<String>,
    case_json: String,
    document_key: Option<String>,
    document_bytes: Option<i64>,
    notified_at: i64,
    version: i64,
    org_name: String,
    org_orgnr: String,
}

impl Row {
    fn case(&self) -> Result<Case, ApiError> {
        serde_json::from_str(&self.case_json).map_err(|e| {
            worker::Error::RustError(format!("case {} unreadable: {}", self.id, e.line())).into()
        })
    }

    fn summary(&self) -> Result<CaseSummary, ApiError> {
        let case = self.case()?;
        Ok(CaseSummary {
            id: self.id.clone(),
            number: self.number.clone(),
            organisation_id: self.organisation_id.clone(),
            patient_fnr_masked: mask_fnr(&self.patient_fnr),
            specialty: self.specialty.clone(),
            fristdato: case.fristdato,
            state: case.state,
            urgent: case.urgent,
            urgent_confirmed: case.urgent_confirmed,
            next_deadline: case.next_deadline(),
            waiting_list: case.waiting_list(),
            site_action: case.site_action(),
            notified_at: self.notified_at,
        })
    }
}

/// Rows as list items: no name, the fødselsnummer masked.
fn summaries(rows: &[Row]) -> Result<Vec<CaseSummary>, ApiError> {
    rows.iter().map(Row::summary).collect()
}

fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Who the caller is to a case: the original site, or Helfo.
fn actor_of(role: Role) -> Actor {
    if role == Role::Behandlingssted {
        Actor::Site
    } else {
        Actor::Helfo
    }
}

async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<Row>, ApiError> {
    crate::routes::load_scoped(db, COLUMNS, ("fb_cases", "c"), id, scope).await
}

async fn load_visible(ctx: &Ctx) -> Result<Row, ApiError> {
    let caller = ctx.caller()?;
    load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)
}

#[derive(Deserialize)]
struct HistoryRow {
    at: String,
    actor: Actor,
    actor_user_id: Option<String>,
    event: EventKind,
    from_state: Option<State>,
    to_state: State,
    date: Option<String>,
}

async fn history(db: &D1Database, id: &str) -> Result<Vec<HistoryEntry>, ApiError> {
    let rows = db
        .prepare(
            "SELECT at, actor, actor_user_id, event, from_state, to_state, date \
             FROM fb_history WHERE case_id = ?1 ORDER BY seq",
        )
        .bind(&[text(id)])?
        .all()
        .await?
        .results::<HistoryRow>()?;
    Ok(rows
        .into_iter()
        .map(|r| HistoryEntry {
            at: r.at,
            actor: r.actor,
            actor_user_id: r.actor_user_id,
            event: r.event,
            from_state: r.from_state,
            to_state: r.to_state,
            date: r.date.as_deref().and_then(date_of),
        })
        .collect())
}

async fn view(ctx: &Ctx, row: Row) -> Result<CaseView, ApiError> {
    let caller = ctx.caller()?;
    let case = row.case()?;
    let history = history(&ctx.db, &row.id).await?;
    let appointment_on = case.site_appointment_on.or_else(|| {
        history
            .iter()
            .rev()
            .find(|h| h.event == EventKind::SiteFoundAppointment)
            .and_then(|h| h.date)
    });
    Ok(CaseView {
        patient_fnr_masked: mask_fnr(&row.patient_fnr),
        deadlines: case.deadlines(),
        next_deadline: case.next_deadline(),
        waiting_list: case.waiting_list(),
        site_action: case.site_action(),
        allowed: case.allowed(actor_of(caller.role), ctx.today),
        referral_received: date_of(&row.referral_received).unwrap_or(case.fristdato),
        warning_sent: date_of(&row.warning_sent).unwrap_or(case.fristdato),
        kind: row
            .kind
            .parse()
            .unwrap_or(frist_domain::fristbrudd::BreachKind::Expected),
        case,
        history,
        appointment_on,
        id: row.id,
        number: row.number,
        organisation_id: row.organisation_id,
        organisation_name: row.org_name,
        organisation_orgnr: row.org_orgnr,
        patient_fnr: row.patient_fnr,
        patient_name: row.patient_name,
        patient_phone: row.patient_phone,
        specialty: row.specialty,
        urgent_reason: row.urgent_reason,
        document_bytes: row.document_bytes,
        notified_at: row.notified_at,
        version: row.version,
    })
}

/// Records that the caller read the case's personal data (`action`).
async fn audit_read(ctx: &Ctx, action: &str, row: &Row) -> Result<(), ApiError> {
    let entry = Entry {
        action,
        object_kind: "fristbrudd_case",
        object_id: Some(&row.id),
        organisation_id: Some(&row.organisation_id),
    };
    audit::entry(&ctx.db, ctx.now, ctx.caller()?, &entry)?
        .run()
        .await?;
    Ok(())
}

/// The open case of this patient at this site, if any (FB-1).
async fn open_case(db: &D1Database, org: &str, fnr: &str) -> Result<Option<String>, ApiError> {
    #[derive(Deserialize)]
    struct N {
        number: String,
    }
    Ok(db
        .prepare(
            "SELECT number FROM fb_cases WHERE organisation_id = ?1 AND patient_fnr = ?2 AND open = 1",
        )
        .bind(&[text(org), text(fnr)])?
        .first::<N>(None)
        .await?
        .map(|n| n.number))
}

fn open_case_issue(number: Option<&str>) -> Issue {
    Issue::error("patient_fnr", IssueCode::OpenCaseExists)
        .with("case_number", number.unwrap_or("–"))
}

fn fnr_context(ctx: &Ctx) -> FnrContext {
    FnrContext {
        today: ctx.today,
        allow_synthetic: ctx.config.local,
    }
}

/// `POST /api/v1/fristbrudd/patient-check`: does this patient already have
/// an open case here? Asked while the site types, so the form can say so
/// before sending. The number travels in the body, never in the URL.
pub async fn patient_check(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let q: PatientCheck = ctx.json()?;
    let fnr = Fodselsnummer::parse(&q.patient_fnr, &fnr_context(ctx))
        .map_err(|e| ApiError::invalid(Report::of(Issue::from_id_error("patient_fnr", e))))?;
    let open_case = open_case(&ctx.db, &caller.organisation_id, &fnr.as_str()).await?;
    // A look-up of a patient is a read of personal data: audited by what it
    // found (the case number, if any), never by the number asked about.
    let found: Vec<&str> = open_case.iter().map(String::as_str).collect();
    audit::read(
        &ctx.db,
        ctx.now,
        caller,
        &Entry {
            action: "fristbrudd.patient_check",
            object_kind: "fristbrudd_case_number",
            object_id: None,
            organisation_id: Some(&caller.organisation_id),
        },
        &found,
    )
    .await?;
    Ok(http::json(&PatientCheckAnswer { open_case }, 200)?)
}

/// `POST /api/v1/fristbrudd/patient-search` (Helfo): every case of one
/// patient, open or closed, in any organisation, next deadline first. The
/// fødselsnummer travels in the body, never in a URL; the search is
/// audited by the cases it found.
pub async fn patient_search(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let q: frist_domain::api::PatientSearch = ctx.json()?;
    let fnr = Fodselsnummer::parse(&q.patient_fnr, &fnr_context(ctx))
        .map_err(|e| ApiError::invalid(Report::of(Issue::from_id_error("patient_fnr", e))))?;
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.patient_fnr = ?1 AND (?2 IS NULL OR c.organisation_id = ?2) \
             ORDER BY c.open DESC, c.next_deadline, c.id LIMIT 200"
        ))
        .bind(&[text(&fnr.as_str()), caller.scope()])?
        .all()
        .await?
        .results::<Row>()?;
    let items = summaries(&rows)?;
    let found: Vec<&str> = items.iter().map(|c| c.id.as_str()).collect();
    audit::read(
        &ctx.db,
        ctx.now,
        caller,
        &Entry {
            action: "fristbrudd.patient_search",
            object_kind: "fristbrudd_case",
            object_id: None,
            organisation_id: None,
        },
        &found,
    )
    .await?;
    Ok(http::json(&items, 200)?)
}

/// `POST /api/v1/fristbrudd/cases`: the site's notification (FB-1).
pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let form: NotificationForm = ctx.json()?;
    let n = form.check(&fnr_context(ctx)).map_err(ApiError::invalid)?;
    let fnr = n.fnr.as_str();
    if let Some(number) = open_case(&ctx.db, &caller.organisation_id, &fnr).await? {
        return Err(ApiError::invalid(Report::of(open_case_issue(Some(
            &number,
        )))));
    }
    let case = Case::new(&n, ctx.today);
    let number = next_number(&ctx.db, "fristbrudd", ctx.today.year(), case_number).await?;
    let id = crate::crypto::new_id("fb")?;
    let case_json =
        serde_json::to_string(&case).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let insert = ctx
        .db
        .prepare(
            "INSERT INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, \
                 patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, \
                 kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, \
                 reply_by, notified_on, first_outcome_on, notified_at, version, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, 0, ?15, ?16, \
                 NULL, ?17, NULL, ?18, 1, ?19)",
        )
        .bind(&[
            text(&id),
            text(&number),
            text(&caller.organisation_id),
            text(&caller.user_id),
            text(&fnr),
            text(&n.patient_name),
            text(&n.patient_phone.to_string()),
            text(&n.specialty),
            text(&n.fristdato.to_string()),
            text(&n.referral_received.to_string()),
            text(&n.warning_sent.to_string()),
            text(n.kind.into()),
            opt(n.urgent_reason.as_deref()),
            text(case.state.as_str()),
            text(&case_json),
            text(&next_deadline(&case)),
            text(&case.notified_on.to_string()),
            int(ctx.now),
            text(&iso(ctx.now)),
        ])?;
    let history = ctx
        .db
        .prepare(
            "INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state) \
             VALUES (?1, ?2, ?3, 'site', ?4, 'notify', NULL, 'notified')",
        )
        .bind(&[
            text(&id),
            text(&iso(ctx.now)),
            int(ctx.now),
            text(&caller.user_id),
        ])?;
    let created = CaseCreated {
        id: id.clone(),
        number,
        notified_on: case.notified_on,
        service_limit: case.deadlines().service_limit,
        site_action: case.site_action(),
        version: 1,
    };
    let entry = Entry {
        action: "fristbrudd.create",
        object_kind: "fristbrudd_case",
        object_id: Some(&id),
        organisation_id: Some(&caller.organisation_id),
    };
    create_object(
        ctx,
        vec![insert, history],
        &entry,
        &created,
        ("fb_cases", open_case_issue(None)),
    )
    .await
}

fn next_deadline(case: &Case) -> String {
    case.next_deadline()
        .map_or_else(|| NO_DEADLINE.to_owned(), |(_, d)| d.to_string())
}

/// `GET /api/v1/fristbrudd/cases/:id`: the whole case. Reading personal
/// data is audited.
pub async fn get(ctx: &Ctx) -> ApiResult {
    let row = load_visible(ctx).await?;
    audit_read(ctx, "fristbrudd.read", &row).await?;
    let version = row.version;
    http::json_with_etag(&view(ctx, row).await?, version, 200)
}

/// One change of a case, to store.
struct Change<'a> {
    row: &'a Row,
    after: &'a Case,
    event: EventKind,
    date: Option<NaiveDate>,
    actor: Actor,
    /// The user, when a person acted (not the sweep).
    caller: Option<&'a Caller>,
    /// A new document: its R2 key and size.
    document: Option<(&'a str, i64)>,
}

/// Stores `change` if the case is still at `row.version`; `false` if
/// another change won. One batch: update, history, audit, outbox.
async fn store(
    db: &D1Database,
    now: i64,
    config: &Config,
    change: &Change<'_>,
) -> Result<bool, ApiError> {
    let Change {
        row,
        after,
        event,
        date,
        actor,
        caller,
        document,
    } = change;
    let before = row.case()?;
    let case_json = http::to_json(after)?;
    let at = iso(now);
    let update = db
        .prepare(
            "UPDATE fb_cases SET state = ?1, open = ?2, urgent_confirmed = ?3, case_json = ?4, \
                 next_deadline = ?5, reply_by = ?6, first_outcome_on = ?7, \
                 document_key = COALESCE(?8, document_key), \
                 document_bytes = COALESCE(?9, document_bytes), \
                 version = version + 1, updated_at = ?10 \
             WHERE id = ?11 AND version = ?12",
        )
        .bind(&[
            text(after.state.as_str()),
            flag(after.state.is_open()),
            flag(after.urgent_confirmed),
            text(&case_json),
            text(&next_deadline(after)),
            opt(after.deadlines().reply_by.map(|d| d.to_string()).as_deref()),
            opt(after.first_outcome_on.map(|d| d.to_string()).as_deref()),
            opt(document.map(|(k, _)| k)),
            document.map_or(JsValue::NULL, |(_, n)| int(n)),
            text(&at),
            text(&row.id),
            int(row.version),
        ])?;
    let actor_name = match actor {
        Actor::Site => "site",
        Actor::Helfo => "helfo",
        Actor::System => "system",
    };
    let history = db
        .prepare(
            "INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE changes() = 1",
        )
        .bind(&[
            text(&row.id),
            text(&at),
            int(now),
            text(actor_name),
            opt(caller.map(|c| c.user_id.as_str())),
            text(event.as_str()),
            text(before.state.as_str()),
            text(after.state.as_str()),
            opt(date.map(|d| d.to_string()).as_deref()),
        ])?;
    let action = format!("fristbrudd.{}", event.as_str());
    let entry = Entry {
        action: &action,
        object_kind: "fristbrudd_case",
        object_id: Some(&row.id),
        organisation_id: Some(&row.organisation_id),
    };
    let audit = match caller {
        Some(c) => audit::entry_if_changed(db, now, *c, &entry)?,
        None => audit::entry_if_changed(db, now, audit::Actor::default(), &entry)?,
    };
    let mut batch = vec![update, history, audit];
    // FB-9: each Helfo update e-mails the notifier, naming the case number only.
    if *actor != Actor::Site {
        let link = config.link(&format!("/fristbrudd/saker/{}", row.id));
        let (subject, body) = update_email(&row.number, &link);
        batch.push(
            db.prepare(
                "INSERT INTO outbox (created_at, created_ms, to_user_id, to_addr, subject, body, case_id) \
                 SELECT ?1, ?2, u.id, u.email, ?3, ?4, ?5 FROM users u WHERE u.id = ?6 AND changes() = 1",
            )
            .bind(&[
                text(&at),
                int(now),
                text(&subject),
                text(&body),
                text(&row.id),
                text(&row.notifier_user_id),
            ])?,
        );
    }
    let results = db.batch(batch).await?;
    let won = crate::db::first_changed(&results);
    if won && *actor != Actor::Site {
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

/// Checks `If-Match` against the row: 412 with the current version if stale.
fn check_version(ctx: &Ctx, row: &Row) -> Result<(), ApiError> {
    if ctx.if_match != Some(row.version) {
        return Err(crate::routes::users::stale(row.version));
    }
    Ok(())
}

/// Answers with the case as it is after a change that won, or 412.
async fn after_change(ctx: &Ctx, id: &str, won: bool) -> ApiResult {
    let row = load(&ctx.db, id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !won {
        return Err(crate::routes::users::stale(row.version));
    }
    let version = row.version;
    http::json_with_etag(&view(ctx, row).await?, version, 200)
}

/// `POST /api/v1/fristbrudd/cases/:id/events`: one transition (FB-3 … FB-8),
/// by the caller's side. `If-Match` names the version it was decided on.
pub async fn event(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = load_visible(ctx).await?;
    check_version(ctx, &row)?;
    let form: EventForm = ctx.json()?;
    let event: Event = form.check().map_err(ApiError::invalid)?;
    let actor = actor_of(caller.role);
    let after = row
        .case()?
        .apply(&event, actor, ctx.today)
        .map_err(|e| refused(&e))?;
    let won = store(
        &ctx.db,
        ctx.now,
        &ctx.config,
        &Change {
            row: &row,
            after: &after,
            event: event.kind(),
            date: event_date(&event),
            actor,
            caller: Some(caller),
            document: None,
        },
    )
    .await?;
    after_change(ctx, &row.id, won).await
}

/// `PUT /api/v1/fristbrudd/cases/:id/document`: the site's one PDF (FB-7),
/// checked by content and size here as in the browser, stored in R2.
pub async fn put_document(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = load_visible(ctx).await?;
    check_version(ctx, &row)?;
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
    let won = store(
        &ctx.db,
        ctx.now,
        &ctx.config,
        &Change {
            row: &row,
            after: &after,
            event: EventKind::DocumentUploaded,
            date: None,
            actor: Actor::Site,
            caller: Some(caller),
            document: Some((&key, size)),
        },
    )
    .await?;
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

/// A page of cases: `order` is the SQL order (ending in `id`), `key` the
/// same columns for the keyset cursor, `only_open` the queue's filter.
async fn case_page(ctx: &Ctx, order: &str, key: &str, only_open: bool) -> ApiResult {
    let action = if only_open {
        "fristbrudd.queue"
    } else {
        "fristbrudd.list"
    };
    let caller = ctx.caller()?;
    let (limit, cursor) = crate::routes::list_window(ctx, "fb_cases", "organisation_id").await?;
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
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE (?1 IS NULL OR c.organisation_id = ?1) \
               AND (?2 IS NULL OR c.state = ?2 OR (?2 = 'open' AND c.open = 1) \
                    OR (?2 = 'closed' AND c.open = 0)) \
               AND (?3 = 0 OR c.open = 1) \
               AND (?4 IS NULL OR ({key}) > (SELECT {key} FROM fb_cases c WHERE c.id = ?4)) \
             ORDER BY {order} LIMIT ?5"
        ))
        .bind(&[
            caller.scope(),
            opt(state),
            flag(only_open),
            opt(cursor),
            int(limit + 1),
        ])?
        .all()
        .await?
        .results::<Row>()?;
    let items = summaries(&rows)?;
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
    case_page(ctx, "c.next_deadline, c.id", "c.next_deadline, c.id", false).await
}

/// `GET /api/v1/fristbrudd/queue`: Helfo's open cases in FB-3 order —
/// confirmed urgent first, then earliest fristdato, then earliest
/// notification (the same order as `frist_domain::fristbrudd::queue_order`).
pub async fn queue(ctx: &Ctx) -> ApiResult {
    case_page(
        ctx,
        "c.urgent_confirmed DESC, c.fristdato, c.notified_at, c.id",
        "-c.urgent_confirmed, c.fristdato, c.notified_at, c.id",
        true,
    )
    .await
}

/// `GET /api/v1/fristbrudd/stats`: FB-11 per month of notification.
pub async fn stats(ctx: &Ctx) -> ApiResult {
    #[derive(Deserialize)]
    struct R {
        notified_on: String,
        first_outcome_on: Option<String>,
    }
    let rows = ctx
        .db
        .prepare("SELECT notified_on, first_outcome_on FROM fb_cases")
        .all()
        .await?
        .results::<R>()?;
    let pairs: Vec<(NaiveDate, Option<NaiveDate>)> = rows
        .iter()
        .filter_map(|r| {
            Some((
                date_of(&r.notified_on)?,
                r.first_outcome_on.as_deref().and_then(date_of),
            ))
        })
        .collect();
    let months: Vec<MonthStats> = monthly_stats(&pairs);
    Ok(http::json(&months, 200)?)
}

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
    let day = text(&today.to_string());
    // Contacting cases whose next deadline passed: the contact deadline is
    // among them (the service limit may come first; the domain decides).
    let contacting = db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.state = 'contacting' AND c.next_deadline < ?1 ORDER BY c.next_deadline, c.id"
        ))
        .bind(std::slice::from_ref(&day))?
        .all()
        .await?
        .results::<Row>()?;
    let letters = db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.state = 'letter_sent' AND c.reply_by < ?1 ORDER BY c.reply_by, c.id"
        ))
        .bind(&[day])?
        .all()
        .await?
        .results::<Row>()?;
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
    Ok(store(db, now, config, &change)
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
    result.chased = super::fastlege::chase_by_email(&ctx.db, ctx.now, today, &ctx.config).await?;
    Ok(http::json(&result, 200)?)
}
