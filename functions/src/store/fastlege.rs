//! Fastlege messages and the FL-7 chase list (`fl_messages`, `fl_chases`,
//! and the chase e-mails put in `outbox`): a message row and its view,
//! reads, and the statements of each change.

use chrono::NaiveDate;
use frist_domain::fastlege::{
    Ending, Message, MessageForm, MessageKind, MessageView, Status, SubstituteFacts, Timing,
    chase_from,
};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::db::{flag, int, iso, opt, text};
use crate::http::{self, ApiError};

const COLUMNS: &str = "m.id, m.number, m.organisation_id, o.name AS org_name, m.kind, m.status, \
     m.effective, m.summary, m.timing_json, m.citizens_moved, m.letters, m.registered_on, \
     m.replaces, m.warnings_json, m.form_json, m.sent_at, m.version";

/// A message as stored, with its organisation's name.
#[derive(Deserialize)]
pub struct Row {
    pub id: String,
    number: String,
    pub organisation_id: String,
    org_name: String,
    kind: MessageKind,
    pub status: Status,
    effective: String,
    summary: String,
    timing_json: String,
    pub citizens_moved: i64,
    letters: Option<i64>,
    registered_on: Option<String>,
    replaces: Option<String>,
    warnings_json: String,
    form_json: String,
    sent_at: String,
    pub version: i64,
}

/// A stored `YYYY-MM-DD` date.
pub fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn unreadable(what: &str) -> ApiError {
    worker::Error::RustError(format!("stored {what} unreadable")).into()
}

impl Row {
    pub fn view(self) -> Result<MessageView, ApiError> {
        let timing: Timing =
            serde_json::from_str(&self.timing_json).map_err(|_| unreadable("timing"))?;
        Ok(MessageView {
            effective: date_of(&self.effective).ok_or_else(|| unreadable("date"))?,
            timing,
            warnings: serde_json::from_str(&self.warnings_json)
                .map_err(|_| unreadable("warnings"))?,
            form: serde_json::from_str(&self.form_json).map_err(|_| unreadable("form"))?,
            citizens_moved: u32::try_from(self.citizens_moved).unwrap_or(0),
            letters: self.letters.and_then(|n| u32::try_from(n).ok()),
            registered_on: self.registered_on.as_deref().and_then(date_of),
            id: self.id,
            number: self.number,
            organisation_id: self.organisation_id,
            organisation_name: self.org_name,
            kind: self.kind,
            status: self.status,
            summary: self.summary,
            replaces: self.replaces,
            sent_at: self.sent_at,
            version: self.version,
        })
    }
}

/// Message `id`, within `scope` (an organisation, or NULL for all).
pub async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<Row>, ApiError> {
    crate::routes::load_scoped(db, COLUMNS, ("fl_messages", "m"), id, scope).await
}

/// The termination date of `organisation`'s own termination message `id`,
/// if it is one.
pub async fn termination_of(
    db: &D1Database,
    id: &str,
    organisation: &str,
) -> Result<Option<NaiveDate>, ApiError> {
    #[derive(Deserialize)]
    struct T {
        termination: Option<String>,
    }
    let found = db
        .prepare(
            "SELECT termination FROM fl_messages \
             WHERE id = ?1 AND organisation_id = ?2 AND kind = 'termination'",
        )
        .bind(&[text(id), text(organisation)])?
        .first::<T>(None)
        .await?;
    Ok(found.and_then(|t| t.termination.as_deref().and_then(date_of)))
}

/// A checked message to store.
pub struct NewMessage<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub organisation: &'a str,
    pub sender: &'a str,
    pub form: &'a MessageForm,
    pub message: &'a Message,
    /// FL-7: the day a termination is chased from.
    pub chase: Option<NaiveDate>,
    pub replaces: Option<&'a str>,
    pub warnings_json: &'a str,
    pub today: NaiveDate,
    pub now: i64,
}

pub fn insert(db: &D1Database, m: &NewMessage<'_>) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO fl_messages (id, number, organisation_id, sender_user_id, kind, \
                 schema_version, status, effective, termination, chase_from, replaces, gp_hpr, \
                 gp_name, gp_birth_date, citizens_moved, summary, timing_json, warnings_json, \
                 form_json, sent_on, sent_at, substitute_hpr, period_start, period_end, unapproved, \
                 version) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'sent', ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
                 ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, 1)",
        )
        .bind(&[
            text(m.id),
            text(m.number),
            text(m.organisation),
            text(m.sender),
            text(m.message.kind.as_str()),
            int(i64::from(m.form.schema_version)),
            text(&m.message.effective.to_string()),
            opt(m.message.timing.termination.map(|t| t.to_string()).as_deref()),
            opt(m.chase.map(|c| c.to_string()).as_deref()),
            opt(m.replaces),
            opt(m.message.gp_hpr.as_deref()),
            opt(m.message.gp_name.as_deref()),
            opt(m.message.gp_birth_date.map(|d| d.to_string()).as_deref()),
            int(i64::from(m.message.citizens_moved)),
            text(&m.message.summary_nb),
            text(&http::to_json(&m.message.timing)?),
            text(m.warnings_json),
            text(&http::to_json(m.form)?),
            text(&m.today.to_string()),
            text(&iso(m.now)),
            opt(m.message.substitute.as_ref().map(|f| f.hpr.as_str())),
            opt(m.message.substitute.as_ref().and_then(|f| f.start).map(|d| d.to_string()).as_deref()),
            opt(m.message.substitute.as_ref().and_then(|f| f.end).map(|d| d.to_string()).as_deref()),
            int(i64::from(m.message.substitute.as_ref().is_some_and(|f| f.unapproved))),
        ])?)
}

/// FL-10: every period of the substitute `hpr` reported to frist, by any
/// municipality, oldest first.
pub async fn substitute_periods(
    db: &D1Database,
    hpr: &str,
) -> Result<Vec<SubstituteFacts>, ApiError> {
    #[derive(Deserialize)]
    struct P {
        period_start: Option<String>,
        period_end: Option<String>,
        unapproved: i64,
    }
    let rows = db
        .prepare(
            "SELECT period_start, period_end, unapproved FROM fl_messages \
             WHERE substitute_hpr = ?1 ORDER BY sent_at, id",
        )
        .bind(&[text(hpr)])?
        .all()
        .await?
        .results::<P>()?;
    Ok(rows
        .into_iter()
        .map(|p| SubstituteFacts {
            hpr: hpr.to_owned(),
            start: p.period_start.as_deref().and_then(date_of),
            end: p.period_end.as_deref().and_then(date_of),
            unapproved: p.unapproved == 1,
        })
        .collect())
}

/// Messages within `scope`, soonest effective first, of one status if
/// named; after `cursor`, `limit` of them.
pub async fn list(
    db: &D1Database,
    scope: JsValue,
    status: Option<&str>,
    cursor: Option<&str>,
    limit: i64,
) -> Result<Vec<Row>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fl_messages m JOIN organisations o ON o.id = m.organisation_id \
             WHERE (?1 IS NULL OR m.organisation_id = ?1) AND (?2 IS NULL OR m.status = ?2) \
               AND (?3 IS NULL OR (m.effective, m.id) > \
                    (SELECT effective, id FROM fl_messages WHERE id = ?3)) \
             ORDER BY m.effective, m.id LIMIT ?4"
        ))
        .bind(&[scope, opt(status), opt(cursor), int(limit)])?
        .all()
        .await?
        .results::<Row>()?)
}

/// FL-8: the message registered on `today` with `letters` letters, if it is
/// still at `row.version`.
pub fn register(
    db: &D1Database,
    row: &Row,
    letters: i64,
    today: NaiveDate,
    now: i64,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "UPDATE fl_messages SET status = 'registered', letters = ?1, registered_on = ?2, \
                 version = version + 1, updated_at = ?3 WHERE id = ?4 AND version = ?5",
        )
        .bind(&[
            int(letters),
            text(&today.to_string()),
            text(&iso(now)),
            text(&row.id),
            int(row.version),
        ])?)
}

/// Which terminations [`endings`] reads.
pub enum Endings {
    /// Ending on or after this day (the dashboard).
    From(NaiveDate),
    /// Chased from this day or earlier and not followed up (FL-7).
    DueOn(NaiveDate),
    /// Not followed up yet, ended or not: what Helfo chases, now or when
    /// its day comes, and what a new GP or vacant list may replace.
    Unanswered,
}

/// Terminations with the message that follows each up, soonest first. The
/// filter is in the query, so no termination is ever cut off the list.
pub async fn endings(
    db: &D1Database,
    scope: JsValue,
    which: Endings,
) -> Result<Vec<Ending>, ApiError> {
    #[derive(Deserialize)]
    struct E {
        id: String,
        number: String,
        organisation_id: String,
        org_name: String,
        gp_name: Option<String>,
        termination: String,
        followed_up_by: Option<String>,
        chased_on: Option<String>,
    }
    let (from, due_on, unanswered) = match which {
        Endings::From(d) => (Some(d.to_string()), None, false),
        Endings::DueOn(d) => (None, Some(d.to_string()), true),
        Endings::Unanswered => (None, None, true),
    };
    let rows = db
        .prepare(
            "SELECT t.id, t.number, t.organisation_id, o.name AS org_name, t.gp_name, t.termination, \
                 (SELECT f.number FROM fl_messages f WHERE f.replaces = t.id ORDER BY f.sent_at LIMIT 1) \
                   AS followed_up_by, \
                 (SELECT c.chased_on FROM fl_chases c WHERE c.termination_id = t.id) AS chased_on \
             FROM fl_messages t JOIN organisations o ON o.id = t.organisation_id \
             WHERE t.kind = 'termination' AND (?1 IS NULL OR t.organisation_id = ?1) \
               AND (?2 IS NULL OR t.termination >= ?2) \
               AND (?3 IS NULL OR t.chase_from <= ?3) \
               AND (?4 = 0 OR NOT EXISTS (SELECT 1 FROM fl_messages f WHERE f.replaces = t.id)) \
             ORDER BY t.termination, t.id",
        )
        .bind(&[
            scope,
            opt(from.as_deref()),
            opt(due_on.as_deref()),
            flag(unanswered),
        ])?
        .all()
        .await?
        .results::<E>()?;
    Ok(rows
        .into_iter()
        .filter_map(|e| {
            let termination = date_of(&e.termination)?;
            Some(Ending {
                chase_from: chase_from(termination).ok()?,
                termination,
                id: e.id,
                number: e.number,
                organisation_id: e.organisation_id,
                organisation_name: e.org_name,
                gp_name: e.gp_name.unwrap_or_default(),
                followed_up_by: e.followed_up_by,
                chased_on: e.chased_on.as_deref().and_then(date_of),
            })
        })
        .collect())
}

/// A GP with a known birth date and no agreement ended before `today`.
#[derive(Deserialize)]
pub struct Gp {
    pub gp_name: String,
    pub gp_hpr: String,
    pub gp_birth_date: String,
    pub org_name: String,
}

/// FL-1: the GPs of `scope` whose agreement has not ended by `today`.
pub async fn gps(db: &D1Database, scope: JsValue, today: NaiveDate) -> Result<Vec<Gp>, ApiError> {
    Ok(db
        .prepare(
            "SELECT m.gp_name, m.gp_hpr, MAX(m.gp_birth_date) AS gp_birth_date, o.name AS org_name \
             FROM fl_messages m JOIN organisations o ON o.id = m.organisation_id \
             WHERE (?1 IS NULL OR m.organisation_id = ?1) AND m.gp_birth_date IS NOT NULL \
               AND m.gp_hpr IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM fl_messages t WHERE t.kind = 'termination' \
                   AND t.gp_hpr = m.gp_hpr AND t.organisation_id = m.organisation_id \
                   AND t.termination < ?2) \
             GROUP BY m.organisation_id, m.gp_hpr",
        )
        .bind(&[scope, text(&today.to_string())])?
        .all()
        .await?
        .results::<Gp>()?)
}

/// FL-7: the chase of termination `id` recorded on `today`, and its e-mail
/// queued only if the chase is new.
pub fn chase(
    db: &D1Database,
    id: &str,
    (subject, body): (&str, &str),
    today: NaiveDate,
    now: i64,
) -> Result<[D1PreparedStatement; 2], ApiError> {
    Ok([
                db.prepare(
                    "INSERT OR IGNORE INTO fl_chases (termination_id, chased_on, chased_ms)                      VALUES (?1, ?2, ?3)",
                )
                .bind(&[text(id), text(&today.to_string()), int(now)])?,
                db.prepare(
                    "INSERT INTO outbox (created_at, created_ms, to_user_id, to_addr, subject, body, kind)                      SELECT ?1, ?2, t.sender_user_id, json_extract(t.form_json, '$.contact.email'), ?3, ?4, 'fl_chase'                      FROM fl_messages t WHERE t.id = ?5 AND changes() = 1                        AND json_extract(t.form_json, '$.contact.email') IS NOT NULL",
                )
                .bind(&[
                    text(&iso(now)),
                    int(now),
                    text(subject),
                    text(body),
                    text(id),
                ])?,
    ])
}
