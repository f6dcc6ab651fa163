//! Fristbrudd routes (FB-1 … FB-11): the site's notification, the case
//! lists, the case page, every transition, the documentation PDF in R2, the
//! service figures and the daily sweep.
//!
//! Every rule is `frist-domain::fristbrudd`'s: the edge parses, asks the
//! domain, and stores ([`crate::store::fristbrudd`]). A case row keeps the
//! domain's `Case` as JSON next to the personal data; a change is one D1
//! batch — the conditional update (`WHERE version = ?`), then its history
//! line, audit entry and (for Helfo's changes) the e-mail to the notifier,
//! each written only if the statement before it changed a row — so a lost
//! race leaves no trace.

mod cases;
mod changes;
mod lists;
mod sweep;

pub use cases::{create, get, patient_check, patient_search};
pub use changes::{event, get_document, put_document};
pub use lists::{list, queue, stats};
pub use sweep::{sweep, sweep_route};

use frist_domain::access::Role;
use frist_domain::fristbrudd::{Actor, CaseView, EventKind};
use frist_domain::ids::FnrContext;

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::http::ApiError;
use crate::store::fristbrudd::{self as store, Row, date_of};

/// Who the caller is to a case: the original site, or Helfo.
fn actor_of(role: Role) -> Actor {
    if role == Role::Behandlingssted {
        Actor::Site
    } else {
        Actor::Helfo
    }
}

/// The case named by the path, if the caller may see it.
async fn load_visible(ctx: &Ctx) -> Result<Row, ApiError> {
    let caller = ctx.caller()?;
    store::load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)
}

fn fnr_context(ctx: &Ctx) -> FnrContext {
    FnrContext {
        today: ctx.today,
        allow_synthetic: ctx.config.local,
    }
}

/// The audit entry of `action` on the case `row`.
fn case_entry<'a>(action: &'a str, row: &'a Row) -> Entry<'a> {
    Entry {
        action,
        object_kind: "fristbrudd_case",
        object_id: Some(&row.id),
        organisation_id: Some(&row.organisation_id),
    }
}

/// Records that the caller read the case's personal data (`action`).
async fn audit_read(ctx: &Ctx, action: &str, row: &Row) -> Result<(), ApiError> {
    audit::entry(&ctx.db, ctx.now, ctx.caller()?, &case_entry(action, row))?
        .run()
        .await?;
    Ok(())
}

/// The whole case as the caller sees it: what it may do now, its history.
async fn view(ctx: &Ctx, row: Row) -> Result<CaseView, ApiError> {
    let caller = ctx.caller()?;
    let case = row.case()?;
    let history = store::history(&ctx.db, &row.id).await?;
    let appointment_on = case.site_appointment_on.or_else(|| {
        history
            .iter()
            .rev()
            .find(|h| h.event == EventKind::SiteFoundAppointment)
            .and_then(|h| h.date)
    });
    Ok(CaseView {
        patient_fnr_masked: frist_domain::fristbrudd::mask_fnr(&row.patient_fnr),
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
