//! A case notified (FB-1), read whole, and found by its patient.

use chrono::Datelike;
use frist_domain::fristbrudd::{
    Case, CaseCreated, NotificationForm, PatientCheck, PatientCheckAnswer, case_number,
};
use frist_domain::ids::Fodselsnummer;
use frist_domain::{Issue, IssueCode, Report};

use super::{audit_read, fnr_context, load_visible, view};
use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{create_object, next_number};
use crate::store::fristbrudd::{self as store, NewCase, summaries};

fn open_case_issue(number: Option<&str>) -> Issue {
    Issue::error("patient_fnr", IssueCode::OpenCaseExists)
        .with("case_number", number.unwrap_or("–"))
}

/// The fødselsnummer a look-up names, checked.
fn parse_fnr(ctx: &Ctx, fnr: &str) -> Result<Fodselsnummer, ApiError> {
    Fodselsnummer::parse(fnr, &fnr_context(ctx))
        .map_err(|e| ApiError::invalid(Report::of(Issue::from_id_error("patient_fnr", e))))
}

/// `POST /api/v1/fristbrudd/patient-check`: does this patient already have
/// an open case here? Asked while the site types, so the form can say so
/// before sending. The number travels in the body, never in the URL.
pub async fn patient_check(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let q: PatientCheck = ctx.json()?;
    let fnr = parse_fnr(ctx, &q.patient_fnr)?;
    let open_case = store::open_case(&ctx.db, &caller.organisation_id, &fnr.as_str()).await?;
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
    let fnr = parse_fnr(ctx, &q.patient_fnr)?;
    let rows = store::of_patient(&ctx.db, &fnr.as_str(), caller.scope()).await?;
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
    if let Some(number) = store::open_case(&ctx.db, &caller.organisation_id, &fnr).await? {
        return Err(ApiError::invalid(Report::of(open_case_issue(Some(
            &number,
        )))));
    }
    let case = Case::new(&n, ctx.today);
    let number = next_number(&ctx.db, "fristbrudd", ctx.today.year(), case_number).await?;
    let id = crate::crypto::new_id("fb")?;
    let [insert, history] = store::insert(
        &ctx.db,
        &NewCase {
            id: &id,
            number: &number,
            organisation: &caller.organisation_id,
            notifier: &caller.user_id,
            fnr: &fnr,
            form: &n,
            case: &case,
            now: ctx.now,
        },
    )?;
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

/// `GET /api/v1/fristbrudd/cases/:id`: the whole case. Reading personal
/// data is audited.
pub async fn get(ctx: &Ctx) -> ApiResult {
    let row = load_visible(ctx).await?;
    audit_read(ctx, "fristbrudd.read", &row).await?;
    let version = row.version;
    http::json_with_etag(&view(ctx, row).await?, version, 200)
}
