//! Users (`users`) and what a change to one does to their sessions, API
//! tokens and login lock, each a statement for the change's batch.

use frist_domain::api::UserView;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Result};

use crate::db::{flag, int, opt, text};

/// A user as stored.
#[derive(serde::Deserialize)]
pub struct Row {
    id: String,
    name: String,
    email: String,
    role: String,
    organisation_id: String,
    active: i64,
    version: i64,
    created_at: String,
}

impl Row {
    /// The row as the API shows it; `None` for a role frist does not know.
    pub fn view(self) -> Option<UserView> {
        Some(UserView {
            role: self.role.parse().ok()?,
            id: self.id,
            name: self.name,
            email: self.email,
            organisation_id: self.organisation_id,
            active: self.active != 0,
            version: self.version,
            created_at: self.created_at,
        })
    }
}

/// The columns of [`Row`], for lists.
pub const COLUMNS: &str = "id, name, email, role, organisation_id, active, version, created_at";

/// One user within `scope` (NULL: any organisation).
pub async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<UserView>> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM users WHERE id = ?1 AND (?2 IS NULL OR organisation_id = ?2)"
        ))
        .bind(&[text(id), scope])?
        .first::<Row>(None)
        .await?
        .and_then(Row::view))
}

#[derive(serde::Deserialize)]
struct OrganisationOf {
    organisation_id: String,
}

/// The organisation of any user, if the user exists.
pub async fn organisation_of(db: &D1Database, id: &str) -> Result<Option<String>> {
    Ok(db
        .prepare("SELECT organisation_id FROM users WHERE id = ?1")
        .bind(&[text(id)])?
        .first::<OrganisationOf>(None)
        .await?
        .map(|r| r.organisation_id))
}

/// Inserts a new user, active, at version 1.
pub fn insert(
    db: &D1Database,
    user: &UserView,
    password_hash: &str,
) -> Result<D1PreparedStatement> {
    db.prepare(
        "INSERT INTO users (id, organisation_id, name, email, role, password_hash, active, version, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 1, ?7)",
    )
    .bind(&[
        text(&user.id),
        text(&user.organisation_id),
        text(&user.name),
        text(&user.email),
        text(user.role.as_str()),
        text(password_hash),
        text(&user.created_at),
    ])
}

/// An administrator's change to a user; `None` leaves a column as it is.
pub struct Change<'a> {
    pub id: &'a str,
    /// The version `If-Match` named: the update applies only to it.
    pub version: i64,
    pub name: Option<&'a str>,
    pub active: Option<bool>,
    pub password_hash: Option<&'a str>,
    pub at: &'a str,
}

/// The conditional update (`WHERE version = ?`): the first statement of
/// the change's batch, which decides whether it won.
pub fn update(db: &D1Database, change: &Change) -> Result<D1PreparedStatement> {
    db.prepare(
        "UPDATE users SET name = COALESCE(?1, name), active = COALESCE(?2, active), \
             password_hash = COALESCE(?3, password_hash), version = version + 1, updated_at = ?4 \
         WHERE id = ?5 AND version = ?6",
    )
    .bind(&[
        opt(change.name),
        change.active.map_or(JsValue::NULL, flag),
        opt(change.password_hash),
        text(change.at),
        text(change.id),
        int(change.version),
    ])
}

/// Ends the user's open sessions, for `reason`, when `ends` and the
/// statement just before it (the audit insert, which wrote a row only if
/// the conditional update won) changed a row.
pub fn end_sessions(
    db: &D1Database,
    change: &Change,
    now: i64,
    reason: &str,
    ends: bool,
) -> Result<D1PreparedStatement> {
    // `changes()` here is the audit insert's.
    db.prepare(
        "UPDATE sessions SET ended_ms = ?1, ended_reason = ?2 \
         WHERE user_id = ?3 AND ended_ms IS NULL AND ?4 = 1 AND changes() = 1",
    )
    .bind(&[int(now), text(reason), text(change.id), flag(ends)])
}

/// Whether this very update applied: the version is then one more.
const WON_HERE: &str = "EXISTS (SELECT 1 FROM users WHERE id = ?2 AND version = ?3)";

/// Revokes the user's API tokens when `revokes` and the update won: a
/// token never outlives the reason it was trusted.
pub fn revoke_tokens(
    db: &D1Database,
    change: &Change,
    now: i64,
    revokes: bool,
) -> Result<D1PreparedStatement> {
    db.prepare(format!(
        "UPDATE api_tokens SET revoked_ms = ?1 WHERE user_id = ?2 AND revoked_ms IS NULL \
         AND ?4 = 1 AND {WON_HERE}"
    ))
    .bind(&[
        int(now),
        text(change.id),
        int(change.version + 1),
        flag(revokes),
    ])
}

/// Clears the failed logins of `account_key` when `unlocks` and the update
/// won: an administrator's reset is the way back into a locked account.
pub fn unlock(
    db: &D1Database,
    change: &Change,
    account_key: &str,
    unlocks: bool,
) -> Result<D1PreparedStatement> {
    db.prepare(format!(
        "DELETE FROM login_failures WHERE key = ?1 AND ?4 = 1 AND {WON_HERE}"
    ))
    .bind(&[
        text(account_key),
        text(change.id),
        int(change.version + 1),
        flag(unlocks),
    ])
}
