//! The front page's counts and the number search (issue 24). Both answer
//! every role, each scoped to what the role may see: a number another
//! organisation owns, or of an area the role has no part in, is simply not
//! found.

use chrono::Duration;
use frist_domain::access::Role;
use frist_domain::api::{Found, NumberKind, Overview, WorkCounts, parse_number};
use frist_domain::fristbrudd::Case;
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::ctx::Ctx;
use crate::db::text;
use crate::http::{self, ApiError, ApiResult};

#[derive(Deserialize)]
struct Counted {
    open: Option<f64>,
    new: Option<f64>,
    overdue: Option<f64>,
    week: Option<f64>,
    other: Option<f64>,
}

impl Counted {
    fn counts(&self, new: bool, other: bool) -> WorkCounts {
        let n = |v: Option<f64>| v.map_or(0, |x| x as u32);
        WorkCounts {
            open: n(self.open),
            new: new.then(|| n(self.new)),
            overdue: n(self.overdue),
            due_this_week: n(self.week),
            act_now: other.then(|| n(self.other)),
        }
    }
}

/// `?1` the scope (NULL: every organisation), `?2` today, `?3` a week on.
/// Each query names its deadline `d` and its open items in `FROM … WHERE`.
async fn count(ctx: &Ctx, scope: &JsValue, sql: &str) -> Result<Counted, ApiError> {
    let today = ctx.today.to_string();
    let week = (ctx.today + Duration::days(7)).to_string();
    Ok(ctx
        .db
        .prepare(sql)
        .bind(&[scope.clone(), text(&today), text(&week)])?
        .first::<Counted>(None)
        .await?
        .unwrap_or(Counted {
            open: None,
            new: None,
            overdue: None,
            week: None,
            other: None,
        }))
}

/// `GET /api/v1/overview`: the caller's open work by area, with how many
/// are overdue and due within a week. Counts only: no patient, no name.
pub async fn overview(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let scope = caller.scope();
    let helfo = caller.role.sees_all_organisations();
    let role = caller.role;

    let fristbrudd = if helfo || role == Role::Behandlingssted {
        let c = count(
            ctx,
            &scope,
            "SELECT COUNT(*) AS open, TOTAL(state = 'notified') AS new, \
                 TOTAL(next_deadline < ?2) AS overdue, \
                 TOTAL(next_deadline >= ?2 AND next_deadline <= ?3) AS week, 0 AS other \
             FROM fb_cases WHERE open = 1 AND (?1 IS NULL OR organisation_id = ?1)",
        )
        .await?;
        let mut counts = c.counts(helfo, !helfo);
        if !helfo {
            counts.act_now = Some(site_must_act(ctx, &caller.organisation_id).await?);
        }
        Some(counts)
    } else {
        None
    };

    // Helfo registers by the expected date, and at the latest on the day
    // the message takes effect (the list's tag says the same).
    let fastlege = if helfo || role == Role::Kommune {
        Some(
            count(
                ctx,
                &scope,
                "SELECT COUNT(*) AS open, 0 AS new, TOTAL(d < ?2) AS overdue, \
                     TOTAL(d >= ?2 AND d <= ?3) AS week, 0 AS other \
                 FROM (SELECT MIN(timing_json ->> '$.expected_registration', effective) AS d \
                       FROM fl_messages WHERE status = 'sent' \
                         AND (?1 IS NULL OR organisation_id = ?1))",
            )
            .await?
            .counts(false, false),
        )
    } else {
        None
    };
    let chase = if helfo || role == Role::Kommune {
        Some(super::fastlege::due_chase(ctx, scope.clone()).await?.len() as u32)
    } else {
        None
    };

    // FK-3: Helfo pays within 30 days of receiving the claim.
    let frikort = if helfo || role == Role::Hf {
        Some(
            count(
                ctx,
                &scope,
                "SELECT TOTAL(status = 'received') AS open, 0 AS new, \
                     TOTAL(status = 'received' AND due < ?2) AS overdue, \
                     TOTAL(status = 'received' AND due >= ?2 AND due <= ?3) AS week, \
                     TOTAL(status = 'receiving') AS other \
                 FROM fk_claims WHERE (?1 IS NULL OR organisation_id = ?1)",
            )
            .await?
            .counts(false, !helfo),
        )
    } else {
        None
    };

    Ok(http::json(
        &Overview {
            today: ctx.today,
            fristbrudd,
            fastlege,
            chase,
            frikort,
        },
        200,
    )?)
}

/// A hospital's open cases where it must act now: upload documentation,
/// take the patient off its waiting list, or give an appointment date.
/// The domain decides ([`SiteAction::needs_site`]), not SQL.
///
/// [`SiteAction::needs_site`]: frist_domain::fristbrudd::SiteAction::needs_site
async fn site_must_act(ctx: &Ctx, organisation_id: &str) -> Result<u32, ApiError> {
    #[derive(Deserialize)]
    struct R {
        case_json: String,
    }
    let rows = ctx
        .db
        .prepare("SELECT case_json FROM fb_cases WHERE open = 1 AND organisation_id = ?1")
        .bind(&[text(organisation_id)])?
        .all()
        .await?
        .results::<R>()?;
    let n = rows
        .iter()
        .filter_map(|r| serde_json::from_str::<Case>(&r.case_json).ok())
        .filter(|c| c.site_action().needs_site())
        .count();
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// `GET /api/v1/find?number=FB-2026-000123`: the case, message or claim a
/// number names, if the caller may see it (404 otherwise, as for a
/// missing one). A number is not personal data; what it opens is read,
/// and audited, by its own page.
pub async fn find(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let (kind, number) =
        parse_number(ctx.query("number").unwrap_or_default()).map_err(ApiError::bad_request)?;
    let role = caller.role;
    let helfo = role.sees_all_organisations();
    let table = match kind {
        NumberKind::Case if helfo || role == Role::Behandlingssted => "fb_cases",
        NumberKind::Message if helfo || role == Role::Kommune => "fl_messages",
        NumberKind::Claim if helfo || role == Role::Hf => "fk_claims",
        _ => return Err(ApiError::not_found()),
    };
    #[derive(Deserialize)]
    struct R {
        id: String,
    }
    let row = ctx
        .db
        .prepare(format!(
            "SELECT id FROM {table} WHERE number = ?1 AND (?2 IS NULL OR organisation_id = ?2)"
        ))
        .bind(&[text(&number), caller.scope()])?
        .first::<R>(None)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(http::json(
        &Found {
            kind,
            id: row.id,
            number,
        },
        200,
    )?)
}
