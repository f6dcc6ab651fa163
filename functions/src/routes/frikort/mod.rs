//! Frikort routes (FK-1 … FK-9): a health trust announces a claim, sends its
//! lines in numbered chunks (each chunk's number is its idempotency key, so
//! a dropped connection or a closed tab resumes where it stopped), and
//! submits; Helfo settles line by line, records the payment and any
//! repayment, and either side downloads the settlement report.
//!
//! Every line is checked again here with `frist_domain::frikort`, and the
//! edge alone sees trips claimed in earlier claims (FK-8), found by a keyed
//! hash of the trip — never by the plain fødselsnummer. Which step each
//! state allows is `frist_domain::frikort::flow`'s; the SQL is
//! [`crate::store::frikort`]'s.

mod claims;
mod decisions;
mod payments;
mod report;
mod upload;

pub use claims::{create, get, list, submit};
pub use decisions::{approve_clean, decide, lines};
pub use payments::{payment, repayment};
pub use report::report;
pub use upload::put_chunk;

use frist_domain::frikort::flow::ClaimStep;
use frist_domain::frikort::{ClaimStatus, ClaimView};
use wasm_bindgen::JsValue;

use crate::audit::Entry;
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::store::frikort::{self as store, Row};

/// The claim with its `ETag`.
fn answer(view: &ClaimView) -> ApiResult {
    http::json_with_etag(view, view.version, 200)
}

/// The claim named by the path, if the caller may see it.
async fn load_visible(ctx: &Ctx) -> Result<Row, ApiError> {
    store::load(&ctx.db, ctx.param("id"), ctx.caller()?.scope())
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The claim as it stands after a change.
async fn current(ctx: &Ctx, id: &str) -> ApiResult {
    let row = store::load(&ctx.db, id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    answer(&row.view())
}

/// 409 unless the claim's state allows `step` (FK-4).
fn allowed(step: ClaimStep, status: ClaimStatus, payments: usize) -> Result<(), ApiError> {
    step.check(status, payments).map_err(wrong_state)
}

/// 409: the claim is not in the state this needs.
fn wrong_state(status: ClaimStatus) -> ApiError {
    let nb = status.name_nb().to_owned();
    ApiError::new(ProblemKind::ClaimState).arg_in("state", [nb.clone(), nb, status.as_str().into()])
}

/// The audit entry of `action` on the claim `row`.
fn audited<'a>(action: &'a str, row: &'a Row) -> Entry<'a> {
    claim_entry(action, &row.id, &row.organisation_id)
}

/// The audit entry of `action` on claim `id` of `organisation`.
fn claim_entry<'a>(action: &'a str, id: &'a str, organisation: &'a str) -> Entry<'a> {
    Entry {
        action,
        object_kind: "frikort_claim",
        object_id: Some(id),
        organisation_id: Some(organisation),
    }
}
