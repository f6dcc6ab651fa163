//! Frikort claims and their chunks (`fk_claims`, `fk_chunks`, and the
//! lines a chunk adds to `fk_lines`): a claim row and its view, reads, and
//! the statements of each change. Lines, decisions and payments are in
//! [`lines`].

pub mod lines;

use std::collections::HashMap;

use chrono::NaiveDate;
use frist_domain::frikort::{ClaimStatus, ClaimView, Payment};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::db::{int, iso, opt, text};
use crate::http::{self, ApiError};

type Result<T> = std::result::Result<T, ApiError>;

const COLUMNS: &str = "c.id, c.number, c.organisation_id, o.name AS org_name, \
     o.payout_account, c.status, c.file_name, c.aware, c.received_on, c.due, c.lines_expected, \
     c.chunks_expected, c.lines, c.valid_lines, c.claimed_ore, c.approved_ore, c.version, \
     c.created_at, \
     (SELECT COUNT(*) FROM fk_lines l WHERE l.claim_id = c.id AND l.decision IS NULL) AS undecided, \
     (SELECT COUNT(*) FROM fk_lines l WHERE l.claim_id = c.id AND l.decision = 'approved' \
        AND l.payment_n IS NULL) AS payable_lines, \
     (SELECT COALESCE(SUM(l.approved_ore), 0) FROM fk_lines l WHERE l.claim_id = c.id \
        AND l.decision = 'approved' AND l.payment_n IS NULL) AS payable_ore, \
     (SELECT json_group_array(json_object('n', p.n, 'paid_on', p.paid_on, \
        'amount_ore', p.amount_ore, 'account', p.account, 'lines', p.lines, \
        'repaid_ore', p.repaid_ore, 'repayment_reason', p.repayment_reason)) \
      FROM (SELECT * FROM fk_payments WHERE claim_id = c.id ORDER BY n) p) AS payments, \
     (SELECT group_concat(n) FROM fk_chunks k WHERE k.claim_id = c.id) AS chunks";

/// A claim as stored, with the figures its view needs.
#[derive(Deserialize, Clone)]
pub struct Row {
    pub id: String,
    number: String,
    pub organisation_id: String,
    org_name: String,
    payout_account: Option<String>,
    pub status: ClaimStatus,
    file_name: String,
    aware: Option<String>,
    received_on: Option<String>,
    due: Option<String>,
    lines_expected: i64,
    pub chunks_expected: i64,
    lines: i64,
    valid_lines: i64,
    claimed_ore: i64,
    approved_ore: i64,
    pub version: i64,
    created_at: String,
    undecided: i64,
    payable_lines: i64,
    payable_ore: i64,
    payments: Option<String>,
    chunks: Option<String>,
}

/// A stored `YYYY-MM-DD` date.
pub fn date_of(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

pub(crate) fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Row {
    /// The date the health trust became aware of the trips (FK-2).
    pub fn aware(&self) -> Option<NaiveDate> {
        date_of(self.aware.as_deref())
    }

    /// The claim's number, as the settlement report's file name shows it.
    pub fn number(&self) -> &str {
        &self.number
    }

    /// The claim as the API shows it, keeping the row.
    pub fn view_ref(&self) -> ClaimView {
        self.clone().view()
    }

    pub fn view(self) -> ClaimView {
        let mut chunks: Vec<u32> = self
            .chunks
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect();
        chunks.sort_unstable();
        let payments: Vec<Payment> = self
            .payments
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default();
        ClaimView {
            aware: date_of(self.aware.as_deref()),
            received_on: date_of(self.received_on.as_deref()),
            due: date_of(self.due.as_deref()),
            paid_ore: payments.iter().map(|p| p.amount_ore).sum(),
            repayment_ore: payments.iter().map(|p| p.repaid_ore).sum(),
            payments,
            payable_lines: count(self.payable_lines),
            payable_ore: self.payable_ore,
            payout_account: self.payout_account,
            lines_expected: count(self.lines_expected),
            chunks_expected: u32::try_from(self.chunks_expected).unwrap_or(0),
            chunks_received: chunks,
            lines: count(self.lines),
            valid_lines: count(self.valid_lines),
            undecided: count(self.undecided),
            id: self.id,
            number: self.number,
            organisation_id: self.organisation_id,
            organisation_name: self.org_name,
            status: self.status,
            file_name: self.file_name,
            claimed_ore: self.claimed_ore,
            approved_ore: self.approved_ore,
            version: self.version,
            created_at: self.created_at,
        }
    }
}

/// Claim `id`, within `scope` (an organisation, or NULL for all).
pub async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<Row>> {
    crate::routes::load_scoped(db, COLUMNS, ("fk_claims", "c"), id, scope).await
}

/// A received or paid claim of the same file, sent before.
#[derive(Deserialize)]
pub struct Earlier {
    pub number: String,
    pub received_on: String,
}

/// The earliest received claim of `organisation` with this file
/// `fingerprint`.
pub async fn earlier_file(
    db: &D1Database,
    organisation: &str,
    fingerprint: &str,
) -> Result<Option<Earlier>> {
    Ok(db
        .prepare(
            "SELECT number, received_on FROM fk_claims WHERE organisation_id = ?1 \
               AND fingerprint = ?2 AND status IN ('received', 'paid') \
             ORDER BY received_on LIMIT 1",
        )
        .bind(&[text(organisation), text(fingerprint)])?
        .first::<Earlier>(None)
        .await?)
}

/// A claim announced, before its chunks.
pub struct NewClaimRow<'a> {
    pub id: &'a str,
    pub number: &'a str,
    pub organisation: &'a str,
    pub sender: &'a str,
    pub file_name: &'a str,
    pub aware: Option<NaiveDate>,
    pub lines: u64,
    pub chunks: u32,
    pub now: i64,
    pub fingerprint: Option<&'a str>,
}

pub fn insert(db: &D1Database, c: &NewClaimRow<'_>) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "INSERT INTO fk_claims (id, number, organisation_id, sender_user_id, status, file_name, \
                 aware, lines_expected, chunks_expected, version, created_at, fingerprint) \
             VALUES (?1, ?2, ?3, ?4, 'receiving', ?5, ?6, ?7, ?8, 1, ?9, ?10)",
        )
        .bind(&[
            text(c.id),
            text(c.number),
            text(c.organisation),
            text(c.sender),
            text(c.file_name),
            opt(c.aware.map(|d| d.to_string()).as_deref()),
            int(c.lines as i64),
            int(i64::from(c.chunks)),
            text(&iso(c.now)),
            opt(c.fingerprint),
        ])?)
}

/// A chunk as first received: the hash of its body and the answer given.
#[derive(Deserialize)]
pub struct StoredChunk {
    pub body_hash: String,
    pub answer: String,
}

pub async fn stored_chunk(db: &D1Database, claim: &str, n: u32) -> Result<Option<StoredChunk>> {
    Ok(db
        .prepare("SELECT body_hash, answer FROM fk_chunks WHERE claim_id = ?1 AND n = ?2")
        .bind(&[text(claim), int(i64::from(n))])?
        .first::<StoredChunk>(None)
        .await?)
}

/// FK-8 across claims: which of `keys` the organisation's earlier lines
/// hold, and in which claim (trip key → claim number).
pub async fn earlier_trips(
    db: &D1Database,
    organisation: &str,
    keys: &[&str],
) -> Result<HashMap<String, String>> {
    #[derive(Deserialize)]
    struct Seen {
        trip_key: String,
        number: String,
    }
    Ok(db
        .prepare(
            "SELECT l.trip_key, c.number FROM fk_lines l JOIN fk_claims c ON c.id = l.claim_id \
             WHERE l.organisation_id = ?1 AND l.trip_key IN (SELECT value FROM json_each(?2))",
        )
        .bind(&[text(organisation), text(&http::to_json(keys)?)])?
        .all()
        .await?
        .results::<Seen>()?
        .into_iter()
        .map(|s| (s.trip_key, s.number))
        .collect())
}

/// One received chunk: its lines (as JSON rows), the answer it got, and
/// what it adds to the claim's totals.
pub struct ChunkRows<'a> {
    pub n: u32,
    pub body_hash: &'a str,
    pub answer: &'a str,
    pub rows: &'a str,
    pub lines: u64,
    pub valid: u64,
    pub claimed_ore: i64,
    pub now: i64,
}

/// The statements that store a chunk: the chunk, its lines, the totals.
pub fn insert_chunk(
    db: &D1Database,
    claim: &Row,
    c: &ChunkRows<'_>,
) -> Result<Vec<D1PreparedStatement>> {
    Ok(vec![
        db.prepare(
            "INSERT INTO fk_chunks (claim_id, n, lines, body_hash, answer) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(&[
            text(&claim.id),
            int(i64::from(c.n)),
            int(c.lines as i64),
            text(c.body_hash),
            text(c.answer),
        ])?,
        db.prepare(
            "INSERT INTO fk_lines (claim_id, line, organisation_id, trip_key, fnr, transport, \
                 payout, amount_ore, reference, valid, issues, decision, reason, approved_ore) \
             SELECT ?1, value ->> '$.line', ?2, value ->> '$.key', value ->> '$.fnr', \
                 value ->> '$.transport', value ->> '$.payout', value ->> '$.amount', \
                 value ->> '$.reference', value ->> '$.valid', value ->> '$.issues', \
                 value ->> '$.decision', value ->> '$.reason', \
                 CASE WHEN value ->> '$.valid' = 1 THEN NULL ELSE 0 END \
             FROM json_each(?3)",
        )
        .bind(&[text(&claim.id), text(&claim.organisation_id), text(c.rows)])?,
        db.prepare(
            "UPDATE fk_claims SET lines = lines + ?1, valid_lines = valid_lines + ?2, \
                 claimed_ore = claimed_ore + ?3, version = version + 1, updated_at = ?4 \
             WHERE id = ?5",
        )
        .bind(&[
            int(c.lines as i64),
            int(c.valid as i64),
            int(c.claimed_ore),
            text(&iso(c.now)),
            text(&claim.id),
        ])?,
    ])
}

/// FK-3: the claim received on `today`, due on `due`; only from `receiving`.
pub fn submit(
    db: &D1Database,
    claim: &str,
    today: NaiveDate,
    due: NaiveDate,
    now: i64,
) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "UPDATE fk_claims SET status = 'received', received_on = ?1, due = ?2, \
                 version = version + 1, updated_at = ?3 WHERE id = ?4 AND status = 'receiving'",
        )
        .bind(&[
            text(&today.to_string()),
            text(&due.to_string()),
            text(&iso(now)),
            text(claim),
        ])?)
}

/// Received claims by due date (overdue first), then those still arriving,
/// then paid ones; after `cursor`, `limit` of them, of one file if named.
pub async fn list(
    db: &D1Database,
    scope: JsValue,
    cursor: Option<&str>,
    limit: i64,
    file: Option<&str>,
) -> Result<Vec<Row>> {
    let key = "CASE c.status WHEN 'received' THEN 0 WHEN 'receiving' THEN 1 ELSE 2 END, \
               COALESCE(c.due, '9999-12-31'), c.id";
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fk_claims c JOIN organisations o ON o.id = c.organisation_id \
             WHERE (?1 IS NULL OR c.organisation_id = ?1) \
               AND (?2 IS NULL OR ({key}) > (SELECT {key} FROM fk_claims c WHERE c.id = ?2)) \
               AND (?4 IS NULL OR c.fingerprint = ?4) \
             ORDER BY {key} LIMIT ?3"
        ))
        .bind(&[scope, opt(cursor), int(limit), opt(file)])?
        .all()
        .await?
        .results::<Row>()?)
}
