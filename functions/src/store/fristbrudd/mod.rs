//! Fristbrudd cases and their history (`fb_cases`, `fb_history`, and the
//! update e-mails a change puts in `outbox`): a case row, reads, the
//! statements of each change; the SQL form of the lists' orders is in
//! [`order`].

mod order;

pub use order::{LIST_ORDER, Order, QUEUE_ORDER};

use chrono::NaiveDate;
use frist_domain::fristbrudd::{
    Actor, Case, CaseSummary, EventKind, HistoryEntry, Notification, State, mask_fnr,
};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::ctx::Caller;
use crate::db::{flag, int, iso, opt, text};
use crate::http::{self, ApiError};

type Result<T> = std::result::Result<T, ApiError>;

/// `next_deadline` of a case with no deadline running (sorts last).
const NO_DEADLINE: &str = "9999-12-31";

const COLUMNS: &str = "c.id, c.number, c.organisation_id, c.notifier_user_id, c.patient_fnr, \
     c.patient_name, c.patient_phone, c.specialty, c.referral_received, c.warning_sent, c.kind, \
     c.urgent_reason, c.case_json, c.document_key, c.document_bytes, c.notified_at, c.version, \
     o.name AS org_name, o.orgnr AS org_orgnr";

/// A case as stored: the domain's [`Case`] as JSON next to the personal
/// data.
#[derive(Deserialize)]
pub struct Row {
    pub id: String,
    pub number: String,
    pub organisation_id: String,
    pub notifier_user_id: String,
    pub patient_fnr: String,
    pub patient_name: String,
    pub patient_phone: String,
    pub specialty: String,
    pub referral_received: String,
    pub warning_sent: String,
    pub kind: String,
    pub urgent_reason: Option<String>,
    case_json: String,
    pub document_key: Option<String>,
    pub document_bytes: Option<i64>,
    pub notified_at: i64,
    pub version: i64,
    pub org_name: String,
    pub org_orgnr: String,
}

impl Row {
    pub fn case(&self) -> Result<Case> {
        serde_json::from_str(&self.case_json).map_err(|e| {
            worker::Error::RustError(format!("case {} unreadable: {}", self.id, e.line())).into()
        })
    }

    fn summary(&self) -> Result<CaseSummary> {
        let case = self.case()?;
        Ok(CaseSummary {
            id: self.id.clone(),
            number: self.number.clone(),
            organisation_id: self.organisation_id.clone(),
            patient_fnr_masked: mask_fnr(&self.patient_fnr),
            specialty: self.specialty.clone(),
            fristdato: case.fristdato,
            state: case.state,
            urgent: case.urgent,
            urgent_confirmed: case.urgent_confirmed,
            next_deadline: case.next_deadline(),
            waiting_list: case.waiting_list(),
            site_action: case.site_action(),
            notified_at: self.notified_at,
        })
    }
}

/// Rows as list items: no name, the fødselsnummer masked.
pub fn summaries(rows: &[Row]) -> Result<Vec<CaseSummary>> {
    rows.iter().map(Row::summary).collect()
}

/// A stored `YYYY-MM-DD` date.
pub fn date_of(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn next_deadline(case: &Case) -> String {
    case.next_deadline()
        .map_or_else(|| NO_DEADLINE.to_owned(), |(_, d)| d.to_string())
}

/// Case `id`, within `scope` (an organisation, or NULL for all).
pub async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<Row>> {
    crate::routes::load_scoped(db, COLUMNS, ("fb_cases", "c"), id, scope).await
}

#[derive(Deserialize)]
struct HistoryRow {
    at: String,
    actor: Actor,
    actor_user_id: Option<String>,
    event: EventKind,
    from_state: Option<State>,
    to_state: State,
    date: Option<String>,
}

/// A case's history, oldest first.
pub async fn history(db: &D1Database, id: &str) -> Result<Vec<HistoryEntry>> {
    let rows = db
        .prepare(
            "SELECT at, actor, actor_user_id, event, from_state, to_state, date \
             FROM fb_history WHERE case_id = ?1 ORDER BY seq",
        )
        .bind(&[text(id)])?
        .all()
        .await?
        .results::<HistoryRow>()?;
    Ok(rows
        .into_iter()
        .map(|r| HistoryEntry {
            at: r.at,
            actor: r.actor,
            actor_user_id: r.actor_user_id,
            event: r.event,
            from_state: r.from_state,
            to_state: r.to_state,
            date: r.date.as_deref().and_then(date_of),
        })
        .collect())
}

/// The number of the open case of this patient at this site, if any (FB-1).
pub async fn open_case(db: &D1Database, org: &str, fnr: &str) -> Result<Option<String>> {
    #[derive(Deserialize)]
    struct N {
        number: String,
    }
    Ok(db
        .prepare(
            "SELECT number FROM fb_cases WHERE organisation_id = ?1 AND patient_fnr = ?2 AND open = 1",
        )
        .bind(&[text(org), text(fnr)])?
        .first::<N>(None)
        .await?
        .map(|n| n.number))
}

/// Every case of one patient within `scope`, open first, next deadline
/// first; at most 200.
pub async fn of_patient(db: &D1Database, fnr: &str, scope: JsValue) -> Result<Vec<Row>> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.patient_fnr = ?1 AND (?2 IS NULL OR c.organisation_id = ?2) \
             ORDER BY c.open DESC, c.next_deadline, c.id LIMIT 200"
        ))
        .bind(&[text(fnr), scope])?
        .all()
        .await?
        .results::<Row>()?)
}

/// A new case: who notified it, and its first state.
pub struct NewCase<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub organisation: &'a str,
    pub notifier: &'a str,
    pub fnr: &'a str,
    pub form: &'a Notification,
    pub case: &'a Case,
    pub now: i64,
}

/// The statements that store a new case: the case, its first history line.
pub fn insert(db: &D1Database, c: &NewCase<'_>) -> Result<[D1PreparedStatement; 2]> {
    let n = c.form;
    let insert = db
        .prepare(
            "INSERT INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, \
                 patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, \
                 kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, \
                 reply_by, notified_on, first_outcome_on, notified_at, version, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, 0, ?15, ?16, \
                 NULL, ?17, NULL, ?18, 1, ?19)",
        )
        .bind(&[
            text(c.id),
            text(c.number),
            text(c.organisation),
            text(c.notifier),
            text(c.fnr),
            text(&n.patient_name),
            text(&n.patient_phone.to_string()),
            text(&n.specialty),
            text(&n.fristdato.to_string()),
            text(&n.referral_received.to_string()),
            text(&n.warning_sent.to_string()),
            text(n.kind.into()),
            opt(n.urgent_reason.as_deref()),
            text(c.case.state.as_str()),
            text(&http::to_json(c.case)?),
            text(&next_deadline(c.case)),
            text(&c.case.notified_on.to_string()),
            int(c.now),
            text(&iso(c.now)),
        ])?;
    let history = db
        .prepare(
            "INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state) \
             VALUES (?1, ?2, ?3, 'site', ?4, 'notify', NULL, 'notified')",
        )
        .bind(&[text(c.id), text(&iso(c.now)), int(c.now), text(c.notifier)])?;
    Ok([insert, history])
}

/// One change of a case, to store.
pub struct Change<'a> {
    pub row: &'a Row,
    pub after: &'a Case,
    pub event: EventKind,
    pub date: Option<NaiveDate>,
    pub actor: Actor,
    /// The user, when a person acted (not the sweep).
    pub caller: Option<&'a Caller>,
    /// A new document: its R2 key and size.
    pub document: Option<(&'a str, i64)>,
}

/// The conditional update (`WHERE version = ?`) and, only if it changed the
/// case, its history line.
pub fn change(db: &D1Database, c: &Change<'_>, now: i64) -> Result<[D1PreparedStatement; 2]> {
    let before = c.row.case()?.state;
    let at = iso(now);
    let update = db
        .prepare(
            "UPDATE fb_cases SET state = ?1, open = ?2, urgent_confirmed = ?3, case_json = ?4, \
                 next_deadline = ?5, reply_by = ?6, first_outcome_on = ?7, \
                 document_key = COALESCE(?8, document_key), \
                 document_bytes = COALESCE(?9, document_bytes), \
                 version = version + 1, updated_at = ?10 \
             WHERE id = ?11 AND version = ?12",
        )
        .bind(&[
            text(c.after.state.as_str()),
            flag(c.after.state.is_open()),
            flag(c.after.urgent_confirmed),
            text(&http::to_json(c.after)?),
            text(&next_deadline(c.after)),
            opt(c
                .after
                .deadlines()
                .reply_by
                .map(|d| d.to_string())
                .as_deref()),
            opt(c.after.first_outcome_on.map(|d| d.to_string()).as_deref()),
            opt(c.document.map(|(k, _)| k)),
            c.document.map_or(JsValue::NULL, |(_, n)| int(n)),
            text(&at),
            text(&c.row.id),
            int(c.row.version),
        ])?;
    let actor = match c.actor {
        Actor::Site => "site",
        Actor::Helfo => "helfo",
        Actor::System => "system",
    };
    let history = db
        .prepare(
            "INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE changes() = 1",
        )
        .bind(&[
            text(&c.row.id),
            text(&at),
            int(now),
            text(actor),
            opt(c.caller.map(|u| u.user_id.as_str())),
            text(c.event.as_str()),
            text(before.as_str()),
            text(c.after.state.as_str()),
            opt(c.date.map(|d| d.to_string()).as_deref()),
        ])?;
    Ok([update, history])
}

/// FB-9: the update e-mail to the case's notifier, queued only if the
/// statement before it changed a row.
pub fn notify_notifier(
    db: &D1Database,
    row: &Row,
    (subject, body): (&str, &str),
    now: i64,
) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "INSERT INTO outbox (created_at, created_ms, to_user_id, to_addr, subject, body, case_id) \
             SELECT ?1, ?2, u.id, u.email, ?3, ?4, ?5 FROM users u WHERE u.id = ?6 AND changes() = 1",
        )
        .bind(&[
            text(&iso(now)),
            int(now),
            text(subject),
            text(body),
            text(&row.id),
            text(&row.notifier_user_id),
        ])?)
}

/// Which cases a page shows.
pub struct CaseFilter<'a> {
    /// A state, `open` or `closed`.
    pub state: Option<&'a str>,
    /// Open cases only (the queue).
    pub only_open: bool,
    /// After this case, in `order`.
    pub cursor: Option<&'a str>,
    pub limit: i64,
}

/// A page of cases within `scope`, in `order`.
pub async fn page(
    db: &D1Database,
    scope: JsValue,
    order: Order,
    f: &CaseFilter<'_>,
) -> Result<Vec<Row>> {
    let (order, key) = (order::order_by(order), order::cursor_key(order));
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE (?1 IS NULL OR c.organisation_id = ?1) \
               AND (?2 IS NULL OR c.state = ?2 OR (?2 = 'open' AND c.open = 1) \
                    OR (?2 = 'closed' AND c.open = 0)) \
               AND (?3 = 0 OR c.open = 1) \
               AND (?4 IS NULL OR ({key}) > (SELECT {key} FROM fb_cases c WHERE c.id = ?4)) \
             ORDER BY {order} LIMIT ?5"
        ))
        .bind(&[
            scope,
            opt(f.state),
            flag(f.only_open),
            opt(f.cursor),
            int(f.limit),
        ])?
        .all()
        .await?
        .results::<Row>()?)
}

/// FB-11: every case's notification date and first outcome, if any.
pub async fn outcome_dates(db: &D1Database) -> Result<Vec<(NaiveDate, Option<NaiveDate>)>> {
    #[derive(Deserialize)]
    struct R {
        notified_on: String,
        first_outcome_on: Option<String>,
    }
    let rows = db
        .prepare("SELECT notified_on, first_outcome_on FROM fb_cases")
        .all()
        .await?
        .results::<R>()?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some((
                date_of(&r.notified_on)?,
                r.first_outcome_on.as_deref().and_then(date_of),
            ))
        })
        .collect())
}

/// The sweep's cases: those contacting whose next deadline passed before
/// `today` (FB-4; the domain decides which are due), and those whose reply
/// deadline passed (FB-5).
pub async fn due_for_sweep(db: &D1Database, today: NaiveDate) -> Result<(Vec<Row>, Vec<Row>)> {
    let day = text(&today.to_string());
    let contacting = db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.state = 'contacting' AND c.next_deadline < ?1 ORDER BY c.next_deadline, c.id"
        ))
        .bind(std::slice::from_ref(&day))?
        .all()
        .await?
        .results::<Row>()?;
    let letters = db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fb_cases c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.state = 'letter_sent' AND c.reply_by < ?1 ORDER BY c.reply_by, c.id"
        ))
        .bind(&[day])?
        .all()
        .await?
        .results::<Row>()?;
    Ok((contacting, letters))
}
