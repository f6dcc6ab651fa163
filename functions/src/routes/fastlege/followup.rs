//! What follows a termination: the municipality's dashboard (FL-1, the
//! agreements ending) and Helfo's FL-7 chase list and its e-mails.

use chrono::NaiveDate;
use frist_domain::fastlege::{Dashboard, Ending, reaching_age_limit};
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::ctx::{Config, Ctx};
use crate::http::{self, ApiError, ApiResult};
use crate::store::fastlege::{self as store, date_of};

/// `GET /api/v1/fastlege/dashboard` (a municipality its own; Helfo every
/// municipality's): upcoming terminations, GPs reaching the age limit
/// within 12 months (FL-1 — seed 001: Helfo follows these up itself), and
/// agreements ending with no new GP or vacant list yet. A GP whose
/// agreement has already ended is no longer listed as reaching the limit.
pub async fn dashboard(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let upcoming = store::endings(&ctx.db, caller.scope(), store::Endings::From(ctx.today)).await?;
    let gps = store::gps(&ctx.db, caller.scope(), ctx.today).await?;
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
    let without_message =
        store::endings(&ctx.db, caller.scope(), store::Endings::Unanswered).await?;
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
    let due = store::endings(db, JsValue::NULL, store::Endings::DueOn(today)).await?;
    let mut chased = Vec::new();
    for e in due.iter().filter(|e| e.chased_on.is_none()) {
        let link = config.link(&format!("/fastlege/meldinger/{}", e.id));
        let last_day = frist_domain::calendar::format_nb(e.termination);
        let (subject, body) = frist_domain::mail::fl_chase(&e.number, &last_day, &link);
        let statements = store::chase(db, &e.id, (&subject, &body), today, now)?;
        let results = db.batch(statements.into()).await?;
        if crate::db::first_changed(&results) {
            crate::mail::note_queued();
            chased.push(e.number.clone());
        }
    }
    Ok(chased)
}

/// FL-7's chase list today, for `scope` (NULL: every municipality).
pub async fn due_chase(ctx: &Ctx, scope: JsValue) -> Result<Vec<Ending>, ApiError> {
    store::endings(&ctx.db, scope, store::Endings::DueOn(ctx.today)).await
}
