//! Reading the audit trail (`audit`); entries are written with the change
//! they record, by `crate::audit`.

use frist_domain::api::AuditEntry;
use wasm_bindgen::JsValue;
use worker::{D1Database, Result};

use crate::db::{int, opt};

/// What a read of the trail asks for.
pub struct Query<'a> {
    /// The caller's organisation, or NULL for Helfo: the entries about it
    /// or made by its users.
    pub scope: JsValue,
    /// Entries before this sequence number.
    pub before: Option<i64>,
    /// Entries about this object, or lists that showed it.
    pub object_id: Option<&'a str>,
    /// Entries about objects of this kind.
    pub object_kind: Option<&'a str>,
    /// How many rows at most.
    pub limit: i64,
}

/// The entries `q` asks for, newest first.
pub async fn entries(db: &D1Database, q: Query<'_>) -> Result<Vec<AuditEntry>> {
    db.prepare(
        "SELECT seq, at, action, object_kind, object_id, organisation_id, actor_user_id, \
                actor_organisation_id, session_id, object_ids, client FROM audit \
         WHERE (?1 IS NULL OR organisation_id = ?1 OR actor_organisation_id = ?1) \
           AND (?2 IS NULL OR seq < ?2) \
           AND (?3 IS NULL OR object_id = ?3 OR EXISTS \
                (SELECT 1 FROM json_each(audit.object_ids) j WHERE j.value = ?3)) \
           AND (?5 IS NULL OR object_kind = ?5) \
         ORDER BY seq DESC LIMIT ?4",
    )
    .bind(&[
        q.scope,
        q.before.map_or(JsValue::NULL, int),
        opt(q.object_id),
        int(q.limit),
        opt(q.object_kind),
    ])?
    .all()
    .await?
    .results::<AuditEntry>()
}
