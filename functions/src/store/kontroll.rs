//! Claims control months (`kt_months`): each municipality's sums per
//! doctor for a month (CTRL-9), and the fastlege register they are checked
//! against.

use frist_domain::kontroll::MonthUpload;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::text;

/// The GPs among `hpr_json` (a JSON array of HPR numbers) that another
/// municipality has in the register (its fastlege messages) and
/// `organisation_id` has not.
pub async fn doctors_of_others(
    db: &D1Database,
    organisation_id: &str,
    hpr_json: &str,
) -> Result<Vec<String>> {
    #[derive(Deserialize)]
    struct Theirs {
        gp_hpr: String,
    }
    Ok(db
        .prepare(
            "SELECT DISTINCT m.gp_hpr FROM fl_messages m, json_each(?2) j \
             WHERE m.gp_hpr = j.value AND m.organisation_id != ?1 \
               AND NOT EXISTS (SELECT 1 FROM fl_messages o WHERE o.organisation_id = ?1 \
                               AND o.gp_hpr = m.gp_hpr)",
        )
        .bind(&[text(organisation_id), text(hpr_json)])?
        .all()
        .await?
        .results::<Theirs>()?
        .into_iter()
        .map(|t| t.gp_hpr)
        .collect())
}

/// Deletes what a municipality sent for a month: the first statement of
/// the batch that replaces it.
pub fn delete_month(
    db: &D1Database,
    organisation_id: &str,
    month: &str,
) -> Result<D1PreparedStatement> {
    db.prepare("DELETE FROM kt_months WHERE organisation_id = ?1 AND month = ?2")
        .bind(&[text(organisation_id), text(month)])
}

/// Inserts a month's rows, one per doctor of `rows_json` (objects with
/// `hpr`, `refund`, `listed` and `bills`), all in the upload's size class.
pub fn insert_month(
    db: &D1Database,
    organisation_id: &str,
    month: &str,
    upload: &MonthUpload,
    uploaded_at: &str,
    rows_json: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO kt_months (organisation_id, month, hpr, refund_ore, listed, bills, \
             size_class, uploaded_at) \
         SELECT ?1, ?2, value ->> '$.hpr', value ->> '$.refund', value ->> '$.listed', \
             value ->> '$.bills', ?3, ?4 FROM json_each(?5)",
    )
    .bind(&[
        text(organisation_id),
        text(month),
        text(upload.size_class()),
        text(uploaded_at),
        text(rows_json),
    ])
}

/// The size class a municipality's month was sent in; `None` when it sent
/// nothing for the month.
pub async fn size_class(
    db: &D1Database,
    organisation_id: &str,
    month: &str,
) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct Class {
        size_class: String,
    }
    Ok(db
        .prepare(
            "SELECT size_class FROM kt_months WHERE organisation_id = ?1 AND month = ?2 LIMIT 1",
        )
        .bind(&[text(organisation_id), text(month)])?
        .first::<Class>(None)
        .await?
        .map(|c| c.size_class))
}

/// One doctor's sums in a month.
#[derive(Deserialize)]
pub struct MonthRow {
    pub organisation_id: String,
    pub hpr: String,
    pub refund_ore: i64,
    pub listed: i64,
}

/// Every doctor's sums in `month`, in `class` (every class when empty),
/// by organisation and HPR number.
pub async fn month_rows(db: &D1Database, month: &str, class: &str) -> Result<Vec<MonthRow>> {
    db.prepare(
        "SELECT organisation_id, hpr, refund_ore, listed FROM kt_months \
         WHERE month = ?1 AND (?2 = '' OR size_class = ?2) ORDER BY organisation_id, hpr",
    )
    .bind(&[text(month), text(class)])?
    .all()
    .await?
    .results::<MonthRow>()
}
