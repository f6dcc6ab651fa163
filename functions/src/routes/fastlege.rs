//! Fastlege routes (FL-1 … FL-12): a municipality sends messages to the GP
//! register, sees them and its dashboard; Helfo sees them soonest-effective
//! first, registers them (FL-8) and works the FL-7 chase list.
//!
//! Every check is `frist_domain::fastlege`'s — the same the browser ran on
//! each keystroke — with the municipality's own termination messages as the
//! agreements a new GP or vacant list may replace.

use chrono::{Datelike, NaiveDate};
use frist_domain::fastlege::{
    CheckContext, Dashboard, Ending, MessageCreated, MessageForm, MessageKind, MessageView,
    RegisterRequest, Replaced, Status, SubstituteFacts, Timing, chase_from, message_number,
    reaching_age_limit, substitute_total, unapproved_periods,
};
use frist_domain::{Issue, IssueCode};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::audit::{self, Entry};
use crate::ctx::{Config, Ctx};
use crate::db::{flag, int, iso, opt, text};
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{create_object, next_number, page};

const COLUMNS: &str = "m.id, m.number, m.organisation_id, o.name AS org_name, m.kind, m.status, \
     m.effective, m.summary, m.timing_json, m.citizens_moved, m.letters, m.registered_on, \
     m.replaces, m.warnings_json, m.form_json, m.sent_at, m.version";

#[derive(Deserialize)]
struct Row {
    id: String,
    number: String,
    organisation_id: String,
    org_name: String,
    kind: MessageKind,
    status: Status,
    effective: String,
    summary: String,
    timing_json: String,
    citizens_moved: i64,
    letters: Option<i64>,
    registered_on: Option<String>,
    replaces: Option<String>,
    warnings_json: String,
    form_json: String,
    sent_at: String,
    version: i64,
}

fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn unreadable(what: &str) -> ApiError {
    worker::Error::RustError(format!("stored {what} unreadable")).into()
}

impl Row {
    fn view(self) -> Result<MessageView, ApiError> {
        let timing: Timing =
            serde_json::from_str(&self.timing_json).map_err(|_| unreadable("timing"))?;
        Ok(MessageView {
            effective: date_of(&self.effective).ok_or_else(|| unreadable("date"))?,
            timing,
            warnings: serde_json::from_str(&self.warnings_json)
                .map_err(|_| unreadable("warnings"))?,
            form: serde_json::from_str(&self.form_json).map_err(|_| unreadable("form"))?,
            citizens_moved: u32::try_from(self.citizens_moved).unwrap_or(0),
            letters: self.letters.and_then(|n| u32::try_from(n).ok()),
            registered_on: self.registered_on.as_deref().and_then(date_of),
            id: self.id,
            number: self.number,
            organisation_id: self.organisation_id,
            organisation_name: self.org_name,
            kind: self.kind,
            status: self.status,
            summary: self.summary,
            replaces: self.replaces,
            sent_at: self.sent_at,
            version: self.version,
        })
    }
}

/// The message with its `ETag`.
fn answer(view: &MessageView) -> ApiResult {
    http::json_with_etag(view, view.version, 200)
}

async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<Row>, ApiError> {
    crate::routes::load_scoped(db, COLUMNS, ("fl_messages", "m"), id, scope).await
}

/// The termination a new GP or vacant list replaces: one of the caller's
/// own termination messages, or none.
async fn replaced(ctx: &Ctx, form: &MessageForm) -> Result<Option<Replaced>, ApiError> {
    #[derive(Deserialize)]
    struct T {
        termination: Option<String>,
    }
    let id = form.replaces.trim();
    if id.is_empty() {
        return Ok(None);
    }
    let found = ctx
        .db
        .prepare(
            "SELECT termination FROM fl_messages \
             WHERE id = ?1 AND organisation_id = ?2 AND kind = 'termination'",
        )
        .bind(&[text(id), text(&ctx.caller()?.organisation_id)])?
        .first::<T>(None)
        .await?;
    Ok(found
        .and_then(|t| t.termination.as_deref().and_then(date_of))
        .map(|termination| Replaced { termination }))
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
    let facts = message.substitute.as_ref();
    let id = crate::crypto::new_id("fl")?;
    let number = next_number(&ctx.db, "fastlege", ctx.today.year(), message_number).await?;
    let timing_json = http::to_json(&message.timing)?;
    let warnings_json = http::to_json(&report.issues)?;
    let form_json = http::to_json(&form)?;
    let chase = match message.kind {
        MessageKind::Termination => message.timing.termination.and_then(|t| chase_from(t).ok()),
        _ => None,
    };
    let replaces = replaced.map(|_| form.replaces.trim());
    let insert = ctx
        .db
        .prepare(
            "INSERT INTO fl_messages (id, number, organisation_id, sender_user_id, kind, \
                 schema_version, status, effective, termination, chase_from, replaces, gp_hpr, \
                 gp_name, gp_birth_date, citizens_moved, summary, timing_json, warnings_json, \
                 form_json, sent_on, sent_at, substitute_hpr, period_start, period_end, unapproved, \
                 version) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'sent', ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
                 ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, 1)",
        )
        .bind(&[
            text(&id),
            text(&number),
            text(&caller.organisation_id),
            text(&caller.user_id),
            text(message.kind.as_str()),
            int(i64::from(form.schema_version)),
            text(&message.effective.to_string()),
            opt(message.timing.termination.map(|t| t.to_string()).as_deref()),
            opt(chase.map(|c| c.to_string()).as_deref()),
            opt(replaces),
            opt(message.gp_hpr.as_deref()),
            opt(message.gp_name.as_deref()),
            opt(message.gp_birth_date.map(|d| d.to_string()).as_deref()),
            int(i64::from(message.citizens_moved)),
            text(&message.summary_nb),
            text(&timing_json),
            text(&warnings_json),
            text(&form_json),
            text(&ctx.today.to_string()),
            text(&iso(ctx.now)),
            opt(facts.map(|f| f.hpr.as_str())),
            opt(facts.and_then(|f| f.start).map(|d| d.to_string()).as_deref()),
            opt(facts.and_then(|f| f.end).map(|d| d.to_string()).as_deref()),
            int(i64::from(facts.is_some_and(|f| f.unapproved))),
        ])?;
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
    #[derive(Deserialize)]
    struct P {
        period_start: Option<String>,
        period_end: Option<String>,
        unapproved: i64,
    }
    let (Some(start), Some(end)) = (facts.start, facts.end) else {
        return Ok(());
    };
    if !facts.unapproved {
        return Ok(());
    }
    let rows = ctx
        .db
        .prepare(
            "SELECT period_start, period_end, unapproved FROM fl_messages \
             WHERE substitute_hpr = ?1 ORDER BY sent_at, id",
        )
        .bind(&[text(&facts.hpr)])?
        .all()
        .await?
        .results::<P>()?;
    let earlier: Vec<SubstituteFacts> = rows
        .into_iter()
        .map(|p| SubstituteFacts {
            hpr: facts.hpr.clone(),
            start: p.period_start.as_deref().and_then(date_of),
            end: p.period_end.as_deref().and_then(date_of),
            unapproved: p.unapproved == 1,
        })
        .collect();
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
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fl_messages m JOIN organisations o ON o.id = m.organisation_id \
             WHERE (?1 IS NULL OR m.organisation_id = ?1) AND (?2 IS NULL OR m.status = ?2) \
               AND (?3 IS NULL OR (m.effective, m.id) > \
                    (SELECT effective, id FROM fl_messages WHERE id = ?3)) \
             ORDER BY m.effective, m.id LIMIT ?4"
        ))
        .bind(&[caller.scope(), opt(status), opt(cursor), int(limit + 1)])?
        .all()
        .await?
        .results::<Row>()?;
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
    let row = load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    answer(&row.view()?)
}

/// `POST /api/v1/fastlege/messages/:id/register` (Helfo, `If-Match`): FL-8,
/// the message is registered — public at once, never undone — and the
/// letters to citizens counted.
pub async fn register(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let row = load(&ctx.db, ctx.param("id"), caller.scope())
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
    let update = ctx
        .db
        .prepare(
            "UPDATE fl_messages SET status = 'registered', letters = ?1, registered_on = ?2, \
                 version = version + 1, updated_at = ?3 WHERE id = ?4 AND version = ?5",
        )
        .bind(&[
            int(letters),
            text(&ctx.today.to_string()),
            text(&iso(ctx.now)),
            text(&row.id),
            int(row.version),
        ])?;
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
    let now = load(&ctx.db, &row.id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if !won {
        return Err(crate::routes::users::stale(now.version));
    }
    answer(&now.view()?)
}

/// Which terminations [`endings`] reads.
enum Endings {
    /// Ending on or after this day (the dashboard).
    From(NaiveDate),
    /// Chased from this day or earlier and not followed up (FL-7).
    DueOn(NaiveDate),
    /// Not followed up yet, ended or not: what Helfo chases, now or when
    /// its day comes, and what a new GP or vacant list may replace.
    Unanswered,
}

/// Terminations with the message that follows each up, soonest first. The
/// filter is in the query, so no termination is ever cut off the list.
async fn endings(db: &D1Database, scope: JsValue, which: Endings) -> Result<Vec<Ending>, ApiError> {
    #[derive(Deserialize)]
    struct E {
        id: String,
        number: String,
        organisation_id: String,
        org_name: String,
        gp_name: Option<String>,
        termination: String,
        followed_up_by: Option<String>,
        chased_on: Option<String>,
    }
    let (from, due_on, unanswered) = match which {
        Endings::From(d) => (Some(d.to_string()), None, false),
        Endings::DueOn(d) => (None, Some(d.to_string()), true),
        Endings::Unanswered => (None, None, true),
    };
    let rows = db
        .prepare(
            "SELECT t.id, t.number, t.organisation_id, o.name AS org_name, t.gp_name, t.termination, \
                 (SELECT f.number FROM fl_messages f WHERE f.replaces = t.id ORDER BY f.sent_at LIMIT 1) \
                   AS followed_up_by, \
                 (SELECT c.chased_on FROM fl_chases c WHERE c.termination_id = t.id) AS chased_on \
             FROM fl_messages t JOIN organisations o ON o.id = t.organisation_id \
             WHERE t.kind = 'termination' AND (?1 IS NULL OR t.organisation_id = ?1) \
               AND (?2 IS NULL OR t.termination >= ?2) \
               AND (?3 IS NULL OR t.chase_from <= ?3) \
               AND (?4 = 0 OR NOT EXISTS (SELECT 1 FROM fl_messages f WHERE f.replaces = t.id)) \
             ORDER BY t.termination, t.id",
        )
        .bind(&[
            scope,
            opt(from.as_deref()),
            opt(due_on.as_deref()),
            flag(unanswered),
        ])?
        .all()
        .await?
        .results::<E>()?;
    Ok(rows
        .into_iter()
        .filter_map(|e| {
            let termination = date_of(&e.termination)?;
            Some(Ending {
                chase_from: chase_from(termination).ok()?,
                termination,
                id: e.id,
                number: e.number,
                organisation_id: e.organisation_id,
                organisation_name: e.org_name,
                gp_name: e.gp_name.unwrap_or_default(),
                followed_up_by: e.followed_up_by,
                chased_on: e.chased_on.as_deref().and_then(date_of),
            })
        })
        .collect())
}

/// `GET /api/v1/fastlege/dashboard` (a municipality its own; Helfo every
/// municipality's): upcoming terminations, GPs reaching the age limit
/// within 12 months (FL-1 — seed 001: Helfo follows these up itself), and
/// agreements ending with no new GP or vacant list yet. A GP whose
/// agreement has already ended is no longer listed as reaching the limit.
pub async fn dashboard(ctx: &Ctx) -> ApiResult {
    #[derive(Deserialize)]
    struct Gp {
        gp_name: String,
        gp_hpr: String,
        gp_birth_date: String,
        org_name: String,
    }
    let caller = ctx.caller()?;
    let upcoming = endings(&ctx.db, caller.scope(), Endings::From(ctx.today)).await?;
    let gps = ctx
        .db
        .prepare(
            "SELECT m.gp_name, m.gp_hpr, MAX(m.gp_birth_date) AS gp_birth_date, o.name AS org_name \
             FROM fl_messages m JOIN organisations o ON o.id = m.organisation_id \
             WHERE (?1 IS NULL OR m.organisation_id = ?1) AND m.gp_birth_date IS NOT NULL \
               AND m.gp_hpr IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM fl_messages t WHERE t.kind = 'termination' \
                   AND t.gp_hpr = m.gp_hpr AND t.organisation_id = m.organisation_id \
                   AND t.termination < ?2) \
             GROUP BY m.organisation_id, m.gp_hpr",
        )
        .bind(&[caller.scope(), text(&ctx.today.to_string())])?
        .all()
        .await?
        .results::<Gp>()?;
    let orgs: std::collections::HashMap<String, String> = gps
        .iter()
        .map(|g| (g.gp_hpr.clone(), g.org_name.clone()))
        .collect();
    let gps: Vec<(String, String, NaiveDate)> = gps
        .into_iter()
        .filter_map(|g| Some((g.gp_name, g.gp_hpr, date_of(&g.gp_birth_date)?)))
        .collect();
    let mut age_limit = reaching_age_limit(&gps, ctx.today, ctx.config.age_limit);
    for a in &mut age_limit {
        a.organisation_name = orgs.get(&a.gp_hpr).cloned().unwrap_or_default();
    }
    // Every agreement not followed up, also one already ended: exactly the
    // terminations Helfo's chase list asks about, now or when their day
    // comes (one truth for both sides, issue 24).
    let without_message = endings(&ctx.db, caller.scope(), Endings::Unanswered).await?;
    let dashboard = Dashboard {
        today: ctx.today,
        age_limit,
        without_message,
        upcoming_terminations: upcoming,
    };
    Ok(http::json(&dashboard, 200)?)
}

/// `GET /api/v1/fastlege/chase` (Helfo): FL-7 — every agreement whose chase
/// date has come with no new GP or vacant list from the municipality.
pub async fn chase(ctx: &Ctx) -> ApiResult {
    let due = due_chase(ctx, JsValue::NULL).await?;
    Ok(http::json(&due, 200)?)
}

/// FL-7: e-mails the municipality's contact person (named on the
/// termination message) once per termination whose chase date has come
/// with no follow-up, and records the day on the chase list. Safe to run
/// twice: the chase row and the e-mail are one batch, and the e-mail is
/// written only when the chase row is new. The termination numbers chased.
pub async fn chase_by_email(
    db: &D1Database,
    now: i64,
    today: NaiveDate,
    config: &Config,
) -> Result<Vec<String>, ApiError> {
    let due = endings(db, JsValue::NULL, Endings::DueOn(today)).await?;
    let mut chased = Vec::new();
    for e in due.iter().filter(|e| e.chased_on.is_none()) {
        let link = config.link(&format!("/fastlege/meldinger/{}", e.id));
        let last_day = frist_domain::calendar::format_nb(e.termination);
        let (subject, body) = frist_domain::mail::fl_chase(&e.number, &last_day, &link);
        let results = db
            .batch(vec![
                db.prepare(
                    "INSERT OR IGNORE INTO fl_chases (termination_id, chased_on, chased_ms)                      VALUES (?1, ?2, ?3)",
                )
                .bind(&[text(&e.id), text(&today.to_string()), int(now)])?,
                db.prepare(
                    "INSERT INTO outbox (created_at, created_ms, to_user_id, to_addr, subject, body, kind)                      SELECT ?1, ?2, t.sender_user_id, json_extract(t.form_json, '$.contact.email'), ?3, ?4, 'fl_chase'                      FROM fl_messages t WHERE t.id = ?5 AND changes() = 1                        AND json_extract(t.form_json, '$.contact.email') IS NOT NULL",
                )
                .bind(&[
                    text(&iso(now)),
                    int(now),
                    text(&subject),
                    text(&body),
                    text(&e.id),
                ])?,
            ])
            .await?;
        if crate::db::first_changed(&results) {
            crate::mail::note_queued();
            chased.push(e.number.clone());
        }
    }
    Ok(chased)
}

/// FL-7's chase list today, for `scope` (NULL: every municipality).
pub(super) async fn due_chase(ctx: &Ctx, scope: JsValue) -> Result<Vec<Ending>, ApiError> {
    endings(&ctx.db, scope, Endings::DueOn(ctx.today)).await
}
