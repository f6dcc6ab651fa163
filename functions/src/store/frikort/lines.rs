//! A claim's lines, the decisions on them and its payments (`fk_lines`,
//! `fk_payments`): reads, and the statements of each change.

use chrono::NaiveDate;
use frist_domain::frikort::{Decision, LineView, Reason};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

use super::{Result, count, date_of};
use crate::db::{int, iso, opt, text};

/// FK-4: a received claim is settled — stored as `paid` — once no line waits
/// for a decision and no approved line for its payment
/// ([`frist_domain::frikort::flow::ClaimStep::then`]; the integration tests
/// hold the two to the same answer). Run after every decision and payment,
/// in the same batch. `?1` is the claim.
const SETTLE: &str = "UPDATE fk_claims SET status = 'paid' WHERE id = ?1 AND status = 'received' \
     AND NOT EXISTS (SELECT 1 FROM fk_lines l WHERE l.claim_id = ?1 \
       AND (l.decision IS NULL OR (l.decision = 'approved' AND l.payment_n IS NULL)))";

/// One claim line as stored.
#[derive(Deserialize)]
pub struct LineRow {
    line: i64,
    fnr: String,
    transport: Option<String>,
    payout: Option<String>,
    pub amount_ore: Option<i64>,
    reference: String,
    pub valid: i64,
    issues: String,
    decision: Option<Decision>,
    reason: Option<Reason>,
    note: Option<String>,
    approved_ore: Option<i64>,
    pub payment_n: Option<i64>,
}

impl LineRow {
    pub fn view(self) -> LineView {
        LineView {
            line: count(self.line),
            fnr_masked: frist_domain::fristbrudd::mask_fnr(&self.fnr),
            transport: date_of(self.transport.as_deref()),
            payout: date_of(self.payout.as_deref()),
            amount_ore: self.amount_ore,
            reference: self.reference,
            valid: self.valid == 1,
            issues: serde_json::from_str(&self.issues).unwrap_or_default(),
            decision: self.decision,
            reason: self.reason,
            note: self.note,
            approved_ore: self.approved_ore,
            payment: self.payment_n.and_then(|n| u32::try_from(n).ok()),
        }
    }
}

const LINE_COLUMNS: &str = "line, fnr, transport, payout, amount_ore, reference, valid, issues, \
     decision, reason, note, approved_ore, payment_n";

/// Which lines a page shows.
#[derive(Clone, Copy)]
pub enum LineFilter {
    All,
    WithIssues,
    Undecided,
}

/// A claim's lines after line `after`, in file order, `limit` of them.
pub async fn lines(
    db: &D1Database,
    claim: &str,
    after: i64,
    filter: LineFilter,
    limit: i64,
) -> Result<Vec<LineRow>> {
    let filter = match filter {
        LineFilter::All => "",
        LineFilter::WithIssues => "AND issues != '[]'",
        LineFilter::Undecided => "AND decision IS NULL",
    };
    Ok(db
        .prepare(format!(
            "SELECT {LINE_COLUMNS} FROM fk_lines WHERE claim_id = ?1 AND line > ?2 {filter} \
             ORDER BY line LIMIT ?3"
        ))
        .bind(&[text(claim), int(after), int(limit)])?
        .all()
        .await?
        .results::<LineRow>()?)
}

/// Every line of a claim, in file order (the settlement report).
pub async fn all_lines(db: &D1Database, claim: &str) -> Result<Vec<LineRow>> {
    Ok(db
        .prepare(format!(
            "SELECT {LINE_COLUMNS} FROM fk_lines WHERE claim_id = ?1 ORDER BY line"
        ))
        .bind(&[text(claim)])?
        .all()
        .await?
        .results::<LineRow>()?)
}

/// Line `n` of a claim.
pub async fn line(db: &D1Database, claim: &str, n: i64) -> Result<Option<LineRow>> {
    Ok(db
        .prepare(format!(
            "SELECT {LINE_COLUMNS} FROM fk_lines WHERE claim_id = ?1 AND line = ?2"
        ))
        .bind(&[text(claim), int(n)])?
        .first::<LineRow>(None)
        .await?)
}

/// A decision on line `n`, unless the line is paid (its decision stands).
pub struct LineDecision<'a> {
    pub n: i64,
    pub decision: Decision,
    pub reason: Option<Reason>,
    pub note: Option<&'a str>,
    pub approved_ore: i64,
}

pub fn decide(db: &D1Database, claim: &str, d: &LineDecision<'_>) -> Result<D1PreparedStatement> {
    let decision = match d.decision {
        Decision::Approved => "approved",
        Decision::Rejected => "rejected",
    };
    Ok(db
        .prepare(
            "UPDATE fk_lines SET decision = ?1, reason = ?2, note = ?3, approved_ore = ?4 \
             WHERE claim_id = ?5 AND line = ?6 AND payment_n IS NULL",
        )
        .bind(&[
            text(decision),
            opt(d.reason.map(Reason::as_str)),
            opt(d.note),
            int(d.approved_ore),
            text(claim),
            int(d.n),
        ])?)
}

/// Every valid line with no issue and no decision yet, approved as claimed.
pub fn approve_clean(db: &D1Database, claim: &str) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "UPDATE fk_lines SET decision = 'approved', approved_ore = amount_ore \
             WHERE claim_id = ?1 AND valid = 1 AND decision IS NULL AND issues = '[]'",
        )
        .bind(&[text(claim)])?)
}

/// Recomputes the claim's approved total after decisions.
pub fn retotal(db: &D1Database, claim: &str, now: i64) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "UPDATE fk_claims SET approved_ore = \
                 (SELECT COALESCE(SUM(approved_ore), 0) FROM fk_lines WHERE claim_id = ?1), \
                 version = version + 1, updated_at = ?2 WHERE id = ?1",
        )
        .bind(&[text(claim), text(&iso(now))])?)
}

/// The [`SETTLE`] statement for `claim`.
pub fn settle(db: &D1Database, claim: &str) -> Result<D1PreparedStatement> {
    Ok(db.prepare(SETTLE).bind(&[text(claim)])?)
}

/// Bumps the claim's version if it is still `version` (`If-Match`); the
/// statements after it check `changes() = 1`.
pub fn bump(db: &D1Database, claim: &str, version: i64, now: i64) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "UPDATE fk_claims SET version = version + 1, updated_at = ?1 \
             WHERE id = ?2 AND version = ?3",
        )
        .bind(&[text(&iso(now)), text(claim), int(version)])?)
}

/// Payment `n` of a claim (FK-4, FK-9), after a [`bump`].
pub struct NewPayment<'a> {
    pub id: &'a str,
    pub n: i64,
    pub paid_on: NaiveDate,
    pub amount_ore: i64,
    pub account: &'a str,
    pub lines: u64,
    pub user: &'a str,
    pub now: i64,
}

/// The payment, guarded by the version bump before it (`changes() = 1`),
/// and its lines — only if this very payment was stored.
pub fn pay(db: &D1Database, claim: &str, p: &NewPayment<'_>) -> Result<[D1PreparedStatement; 2]> {
    let insert = db
        .prepare(
            "INSERT INTO fk_payments (claim_id, n, paid_on, amount_ore, account, lines, user_id, \
                 created_at, id) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE changes() = 1",
        )
        .bind(&[
            text(claim),
            int(p.n),
            text(&p.paid_on.to_string()),
            int(p.amount_ore),
            text(p.account),
            int(i64::try_from(p.lines).unwrap_or(i64::MAX)),
            text(p.user),
            text(&iso(p.now)),
            text(p.id),
        ])?;
    let lines = db
        .prepare(
            "UPDATE fk_lines SET payment_n = ?2 WHERE claim_id = ?1 AND decision = 'approved' \
               AND payment_n IS NULL AND EXISTS (SELECT 1 FROM fk_payments WHERE id = ?3)",
        )
        .bind(&[text(claim), int(p.n), text(p.id)])?;
    Ok([insert, lines])
}

/// FK-7: `amount` of payment `n` to be repaid, after a [`bump`].
pub fn repay(
    db: &D1Database,
    claim: &str,
    n: u32,
    amount: i64,
    reason: &str,
) -> Result<D1PreparedStatement> {
    Ok(db
        .prepare(
            "UPDATE fk_payments SET repaid_ore = repaid_ore + ?1, repayment_reason = ?2 \
             WHERE claim_id = ?3 AND n = ?4 AND changes() = 1",
        )
        .bind(&[int(amount), text(reason), text(claim), int(i64::from(n))])?)
}
