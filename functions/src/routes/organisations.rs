//! Organisations: Helfo administrators create them; everyone else sees
//! only their own (another organisation's id answers 404).

use frist_domain::access::NewOrganisation;
use frist_domain::api::OrganisationView;
use frist_domain::ids::Organisasjonsnummer;
use frist_domain::{Issue, IssueCode};
use wasm_bindgen::JsValue;

use crate::audit::Entry;
use crate::ctx::Ctx;
use crate::db::iso;
use crate::http::{self, ApiError, ApiResult};
use crate::routes::{Listing, alphabetical_page, create_object};
use crate::store::organisations;

/// `GET /api/v1/organisations/:id`: the caller's own; Helfo any.
pub async fn get(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let org = organisations::load(&ctx.db, ctx.param("id"), caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(http::json(&org, 200)?)
}

/// Alphabetical by name; the cursor is the last id of the page.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let listing = Listing {
        table: "organisations",
        columns: organisations::COLUMNS,
        scope_column: "id",
        filter: ("id", None),
    };
    alphabetical_page(
        ctx,
        &listing,
        organisations::Row::view,
        |o: &OrganisationView| o.id.clone(),
    )
    .await
}

/// `POST /api/v1/organisations` (administrators).
pub async fn create(ctx: &Ctx) -> ApiResult {
    let form: NewOrganisation = ctx.json()?;
    let report = form.validate();
    if report.has_errors() {
        return Err(ApiError::invalid(report));
    }
    let (Ok(orgnr), Some(kind)) = (form.orgnr.parse::<Organisasjonsnummer>(), form.org_kind())
    else {
        return Err(ApiError::invalid(form.validate()));
    };
    let view = OrganisationView {
        id: crate::crypto::new_id("o")?,
        name: form.name.trim().to_owned(),
        orgnr: orgnr.as_str(),
        kind,
        payout_account: None,
        created_at: iso(ctx.now),
    };
    let insert = organisations::insert(&ctx.db, &view)?;
    let entry = Entry {
        action: "organisation.create",
        object_kind: "organisation",
        object_id: Some(&view.id),
        organisation_id: Some(&view.id),
    };
    create_object(
        ctx,
        vec![insert],
        &entry,
        &view,
        (
            "organisations",
            Issue::error("orgnr", IssueCode::AlreadyExists),
        ),
    )
    .await
}

/// `PUT /api/v1/organisations/:id/payout-account` (administrators): FK-9,
/// records the account the RHF has set; every refund to the health trust
/// goes there. Audited.
pub async fn set_account(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let id = ctx.param("id");
    organisations::load(&ctx.db, id, caller.scope())
        .await?
        .ok_or_else(ApiError::not_found)?;
    let form: frist_domain::api::PayoutAccountForm = ctx.json()?;
    let account = form.check().map_err(ApiError::invalid)?;
    let update = organisations::set_payout_account(&ctx.db, id, &account)?;
    let entry = Entry {
        action: "organisation.payout_account",
        object_kind: "organisation",
        object_id: Some(id),
        organisation_id: Some(id),
    };
    let audit = crate::audit::entry(&ctx.db, ctx.now, caller, &entry)?;
    ctx.db.batch(vec![update, audit]).await?;
    let org = organisations::load(&ctx.db, id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(http::json(&org, 200)?)
}
