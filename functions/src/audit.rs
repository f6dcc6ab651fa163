//! The append-only audit trail: who did what to which object, when, from
//! which session. Entries name objects by id only — never a name, a
//! fødselsnummer or health information. The table refuses UPDATE and DELETE
//! (triggers in migration 0002).

use worker::{D1Database, D1PreparedStatement, Result};

use crate::ctx::Caller;
use crate::db::{int, opt, text};

/// What an entry is about.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    pub action: &'a str,
    pub object_kind: &'a str,
    pub object_id: Option<&'a str>,
    /// The organisation the object belongs to (decides who may read the entry).
    pub organisation_id: Option<&'a str>,
}

const INSERT: &str = "INSERT INTO audit (at, at_ms, action, object_kind, object_id, organisation_id, \
     actor_user_id, actor_organisation_id, session_id, client, object_ids) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11";

/// Who acted: a user (by id), their organisation and session, and the
/// client they acted from (a keyed hash of its address, never the address).
#[derive(Clone, Copy, Default)]
pub struct Actor<'a> {
    pub user_id: Option<&'a str>,
    pub organisation_id: Option<&'a str>,
    pub session_id: Option<&'a str>,
    pub client: Option<&'a str>,
}

impl<'a> From<&'a Caller> for Actor<'a> {
    fn from(c: &'a Caller) -> Self {
        Actor {
            user_id: Some(&c.user_id),
            organisation_id: Some(&c.organisation_id),
            session_id: Some(&c.session_id),
            client: Some(&c.client_key),
        }
    }
}

fn bind(
    stmt: D1PreparedStatement,
    now: i64,
    actor: Actor,
    e: &Entry,
    object_ids: Option<&str>,
) -> Result<D1PreparedStatement> {
    stmt.bind(&[
        text(&crate::db::iso(now)),
        int(now),
        text(e.action),
        text(e.object_kind),
        opt(e.object_id),
        opt(e.organisation_id),
        opt(actor.user_id),
        opt(actor.organisation_id),
        opt(actor.session_id),
        opt(actor.client),
        opt(object_ids),
    ])
}

/// An entry, to run in the same batch as the change it records.
pub fn entry<'a>(
    db: &D1Database,
    now: i64,
    actor: impl Into<Actor<'a>>,
    e: &Entry,
) -> Result<D1PreparedStatement> {
    bind(db.prepare(INSERT), now, actor.into(), e, None)
}

/// Records that `actor` was shown personal data: the objects by id only
/// (a list read names every object on the page in `object_ids`), so an
/// access report can say who saw which patient's case. One row per read.
pub async fn read<'a>(
    db: &D1Database,
    now: i64,
    actor: impl Into<Actor<'a>>,
    e: &Entry<'_>,
    ids: &[&str],
) -> Result<()> {
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let entry = Entry {
        object_id: e.object_id.or(match ids {
            [one] => Some(one),
            _ => None,
        }),
        ..*e
    };
    bind(db.prepare(INSERT), now, actor.into(), &entry, Some(&list))?
        .run()
        .await?;
    Ok(())
}

/// An entry written only if the statement just before it in the batch
/// changed exactly one row: a conditional update that lost (stale
/// `If-Match`) leaves no trace in the history.
pub fn entry_if_changed<'a>(
    db: &D1Database,
    now: i64,
    actor: impl Into<Actor<'a>>,
    e: &Entry,
) -> Result<D1PreparedStatement> {
    bind(
        db.prepare(format!("{INSERT} WHERE changes() = 1")),
        now,
        actor.into(),
        e,
        None,
    )
}
