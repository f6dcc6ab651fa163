//! Organisations (`organisations`): the row, made once by an
//! administrator, and the payout account the RHF sets (FK-9).

use frist_domain::api::OrganisationView;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::text;

/// An organisation as stored.
#[derive(serde::Deserialize)]
pub struct Row {
    id: String,
    name: String,
    orgnr: String,
    kind: String,
    payout_account: Option<String>,
    created_at: String,
}

impl Row {
    /// The row as the API shows it; `None` for a kind frist does not know.
    pub fn view(self) -> Option<OrganisationView> {
        Some(OrganisationView {
            kind: self.kind.parse().ok()?,
            id: self.id,
            name: self.name,
            orgnr: self.orgnr,
            payout_account: self.payout_account,
            created_at: self.created_at,
        })
    }
}

/// The columns of [`Row`], for lists.
pub const COLUMNS: &str = "id, name, orgnr, kind, payout_account, created_at";

/// One organisation within `scope` (NULL: any).
pub async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<OrganisationView>> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM organisations WHERE id = ?1 AND (?2 IS NULL OR id = ?2)"
        ))
        .bind(&[text(id), scope])?
        .first::<Row>(None)
        .await?
        .and_then(Row::view))
}

/// Inserts a new organisation (its payout account unset).
pub fn insert(db: &D1Database, org: &OrganisationView) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO organisations (id, name, orgnr, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(&[
        text(&org.id),
        text(&org.name),
        text(&org.orgnr),
        text(org.kind.as_str()),
        text(&org.created_at),
    ])
}

/// Sets the account refunds to the organisation are paid to.
pub fn set_payout_account(db: &D1Database, id: &str, account: &str) -> Result<D1PreparedStatement> {
    db.prepare("UPDATE organisations SET payout_account = ?1 WHERE id = ?2")
        .bind(&[text(account), text(id)])
}
