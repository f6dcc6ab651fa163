//! Frikort routes (FK-1 … FK-9): a health trust announces a claim, sends its
//! lines in numbered chunks (each chunk's number is its idempotency key, so
//! a dropped connection or a closed tab resumes where it stopped), and
//! submits; Helfo settles line by line, records the payment and any
//! repayment, and either side downloads the settlement report.
//!
//! Every line is checked again here with `frist_domain::frikort`, and the
//! edge alone sees trips claimed in earlier claims (FK-8), found by a keyed
//! hash of the trip — never by the plain fødselsnummer.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use frist_domain::frikort::{
    CHUNK_LINES, Chunk, ChunkAnswer, ClaimStatus, ClaimView, Decision, DecisionForm, Duplicates,
    LineContext, LineIssues, LineRules, LineView, NewClaim, Payment, PaymentForm, Reason,
    RepaymentForm, claim_number, is_fingerprint, payment_due,
};
use frist_domain::ids::FnrContext;
use frist_domain::{Issue, IssueCode, Report};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use serde_json::json;
use wasm_bindgen::JsValue;
use worker::{D1Database, Response};

use crate::audit::{self, Entry};
use crate::ctx::Ctx;
use crate::db::{int, iso, opt, text};
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::routes::{create_object, list_window, next_number, page};

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

/// FK-4: a received claim is settled — stored as `paid` — once no line waits
/// for a decision and no approved line for its payment
/// ([`ClaimStatus::after_settlement`]; the integration tests hold the two
/// to the same answer). Run after every decision and payment, in the same
/// batch. `?1` is the claim.
const SETTLE: &str = "UPDATE fk_claims SET status = 'paid' WHERE id = ?1 AND status = 'received' \
     AND NOT EXISTS (SELECT 1 FROM fk_lines l WHERE l.claim_id = ?1 \
       AND (l.decision IS NULL OR (l.decision = 'approved' AND l.payment_n IS NULL)))";

#[derive(Deserialize, Clone)]
struct Row {
    id: String,
    number: String,
    organisation_id: String,
    org_name: String,
    payout_account: Option<String>,
    status: ClaimStatus,
    file_name: String,
    aware: Option<String>,
    received_on: Option<String>,
    due: Option<String>,
    lines_expected: i64,
    chunks_expected: i64,
    lines: i64,
    valid_lines: i64,
    claimed_ore: i64,
    approved_ore: i64,
    version: i64,
    created_at: String,
    undecided: i64,
    payable_lines: i64,
    payable_ore: i64,
    payments: Option<String>,
    chunks: Option<String>,
}

fn date_of(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Row {
    /// The claim as the API shows it, keeping the row.
    fn view_ref(&self) -> ClaimView {
        self.clone().view()
    }

    fn view(self) -> ClaimView {
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

/// The claim with its `ETag`.
fn answer(view: &ClaimView) -> ApiResult {
    http::json_with_etag(view, view.version, 200)
}

async fn load(db: &D1Database, id: &str, scope: JsValue) -> Result<Option<Row>, ApiError> {
    crate::routes::load_scoped(db, COLUMNS, ("fk_claims", "c"), id, scope).await
}

async fn load_visible(ctx: &Ctx) -> Result<Row, ApiError> {
    load(&ctx.db, ctx.param("id"), ctx.caller()?.scope())
        .await?
        .ok_or_else(ApiError::not_found)
}

async fn current(ctx: &Ctx, id: &str) -> ApiResult {
    let row = load(&ctx.db, id, JsValue::NULL)
        .await?
        .ok_or_else(ApiError::not_found)?;
    answer(&row.view())
}

/// 409: the claim is not in the state this needs.
fn wrong_state(status: ClaimStatus) -> ApiError {
    let nb = status.name_nb().to_owned();
    ApiError::new(ProblemKind::ClaimState).arg_in("state", [nb.clone(), nb, status.as_str().into()])
}

fn audited<'a>(action: &'a str, row: &'a Row) -> Entry<'a> {
    Entry {
        action,
        object_kind: "frikort_claim",
        object_id: Some(&row.id),
        organisation_id: Some(&row.organisation_id),
    }
}

/// `POST /api/v1/frikort/claims`: a claim file announced, before its chunks.
pub async fn create(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let form: NewClaim = ctx.json()?;
    let mut r = Report::new();
    let name = form.file_name.trim();
    if name.is_empty() {
        r.push(Issue::error("file_name", IssueCode::Required));
    } else if name.chars().count() > 200 {
        r.push(Issue::error("file_name", IssueCode::TooLong).with("max", 200i64));
    }
    let aware = if form.aware.trim().is_empty() {
        None
    } else {
        let d = frist_domain::calendar::parse_date(&form.aware);
        if d.is_none() {
            r.push(Issue::error("aware", IssueCode::DateInvalid));
        }
        d
    };
    let max_lines = 10_000_000u64;
    if form.lines == 0 || form.lines > max_lines {
        r.push(
            Issue::error("lines", IssueCode::NumberOutOfRange)
                .with("min", 1i64)
                .with("max", max_lines as i64),
        );
    }
    let needed = form.lines.div_ceil(CHUNK_LINES as u64);
    if u64::from(form.chunks) < needed || u64::from(form.chunks) > form.lines.max(1) {
        r.push(
            Issue::error("chunks", IssueCode::NumberOutOfRange)
                .with("min", needed as i64)
                .with("max", form.lines.max(1) as i64),
        );
    }
    let fingerprint = form.fingerprint.trim();
    if !fingerprint.is_empty() && !is_fingerprint(fingerprint) {
        r.push(Issue::error("fingerprint", IssueCode::FingerprintInvalid));
    }
    if r.has_errors() {
        return Err(ApiError::invalid(r));
    }
    // The same file sent before (issue 24): every line would be refused as
    // a duplicate (FK-8), so it is named and sent again only when asked.
    if !fingerprint.is_empty() && !form.resend {
        #[derive(Deserialize)]
        struct Earlier {
            number: String,
            received_on: String,
        }
        let earlier = ctx
            .db
            .prepare(
                "SELECT number, received_on FROM fk_claims WHERE organisation_id = ?1 \
                   AND fingerprint = ?2 AND status IN ('received', 'paid') \
                 ORDER BY received_on LIMIT 1",
            )
            .bind(&[text(&caller.organisation_id), text(fingerprint)])?
            .first::<Earlier>(None)
            .await?;
        if let Some(e) = earlier {
            let date = date_of(Some(&e.received_on))
                .map(frist_domain::calendar::format_nb)
                .unwrap_or(e.received_on);
            return Err(
                ApiError::new(ProblemKind::FileAlreadySent).with_issues(vec![
                    Issue::error("fingerprint", IssueCode::FileAlreadySent)
                        .with("claim", &*e.number)
                        .with("date", &*date),
                ]),
            );
        }
    }
    let id = crate::crypto::new_id("fk")?;
    let number = next_number(&ctx.db, "frikort", ctx.today.year(), claim_number).await?;
    let insert = ctx
        .db
        .prepare(
            "INSERT INTO fk_claims (id, number, organisation_id, sender_user_id, status, file_name, \
                 aware, lines_expected, chunks_expected, version, created_at, fingerprint) \
             VALUES (?1, ?2, ?3, ?4, 'receiving', ?5, ?6, ?7, ?8, 1, ?9, ?10)",
        )
        .bind(&[
            text(&id),
            text(&number),
            text(&caller.organisation_id),
            text(&caller.user_id),
            text(name),
            opt(aware.map(|d| d.to_string()).as_deref()),
            int(form.lines as i64),
            int(i64::from(form.chunks)),
            text(&iso(ctx.now)),
            opt((!fingerprint.is_empty()).then_some(fingerprint)),
        ])?;
    let view = ClaimView {
        id: id.clone(),
        number,
        organisation_id: caller.organisation_id.clone(),
        organisation_name: String::new(),
        status: ClaimStatus::Receiving,
        file_name: name.to_owned(),
        aware,
        received_on: None,
        due: None,
        lines_expected: form.lines,
        chunks_expected: form.chunks,
        chunks_received: Vec::new(),
        lines: 0,
        valid_lines: 0,
        claimed_ore: 0,
        approved_ore: 0,
        undecided: 0,
        payable_lines: 0,
        payable_ore: 0,
        paid_ore: 0,
        payments: Vec::new(),
        repayment_ore: 0,
        payout_account: None,
        version: 1,
        created_at: iso(ctx.now),
    };
    let entry = Entry {
        action: "frikort.create",
        object_kind: "frikort_claim",
        object_id: Some(&id),
        organisation_id: Some(&caller.organisation_id),
    };
    create_object(
        ctx,
        vec![insert],
        &entry,
        &view,
        ("fk_claims", Issue::error("", IssueCode::AlreadyExists)),
    )
    .await
}

/// FK-8: the keyed hash of a trip (HMAC-SHA256, first 128 bits, hex).
fn trip_key(key: &str, canonical: &str) -> Result<String, ApiError> {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes())
        .map_err(|_| worker::Error::RustError("trip key unusable".into()))?;
    mac.update(canonical.as_bytes());
    Ok(hex::encode(&mac.finalize().into_bytes()[..16]))
}

/// `PUT /api/v1/frikort/claims/:id/chunks/:n`: up to 5,000 lines, each
/// checked here again. The same chunk sent again answers as the first time.
pub async fn put_chunk(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    let n: u32 = ctx.param("n").parse().map_err(|_| ApiError::not_found())?;
    let body_hash = crate::crypto::sha256_hex(&ctx.body);
    #[derive(Deserialize)]
    struct Stored {
        body_hash: String,
        answer: String,
    }
    let replay = |stored: Stored| -> ApiResult {
        if stored.body_hash != body_hash {
            return Err(ApiError::new(ProblemKind::ChunkDiffers).arg("n", n));
        }
        let resp = Response::ok(stored.answer)?;
        resp.headers().set("Content-Type", "application/json")?;
        resp.headers().set("Idempotent-Replayed", "true")?;
        Ok(resp)
    };
    let stored = || async {
        ctx.db
            .prepare("SELECT body_hash, answer FROM fk_chunks WHERE claim_id = ?1 AND n = ?2")
            .bind(&[text(&claim.id), int(i64::from(n))])
            .map_err(ApiError::from)?
            .first::<Stored>(None)
            .await
            .map_err(ApiError::from)
    };
    if let Some(s) = stored().await? {
        return replay(s);
    }
    if claim.status != ClaimStatus::Receiving {
        return Err(wrong_state(claim.status));
    }
    if i64::from(n) >= claim.chunks_expected {
        return Err(ApiError::bad_request(
            Issue::error("n", IssueCode::NumberOutOfRange)
                .with("min", 0i64)
                .with("max", claim.chunks_expected - 1),
        ));
    }
    let chunk: Chunk = ctx.json()?;
    if chunk.lines.is_empty() || chunk.lines.len() > CHUNK_LINES {
        return Err(ApiError::invalid(Report::of(
            Issue::error("lines", IssueCode::NumberOutOfRange)
                .with("min", 1i64)
                .with("max", CHUNK_LINES as i64),
        )));
    }
    let key = ctx
        .config
        .trip_key
        .as_deref()
        .ok_or_else(|| ApiError::new(ProblemKind::Unavailable))?;
    let line_ctx = LineContext {
        fnr: FnrContext {
            today: ctx.today,
            allow_synthetic: ctx.config.local,
        },
        received: ctx.today,
        aware: date_of(claim.aware.as_deref()),
    };
    struct Checked {
        issues: Vec<Issue>,
        key: Option<String>,
        line: Option<frist_domain::frikort::ClaimLine>,
    }
    let rules = LineRules::new(line_ctx);
    let mut dups = Duplicates::new();
    let mut numbers = HashSet::new();
    let mut checked = Vec::with_capacity(chunk.lines.len());
    for l in &chunk.lines {
        if l.line < 2 || !numbers.insert(l.line) {
            return Err(ApiError::invalid(Report::of(
                Issue::error("lines", IssueCode::NumberOutOfRange).with("min", 2i64),
            )));
        }
        let (mut issues, mut line) = rules.check(&l.raw());
        dups.mark(l.line, &mut issues, &mut line);
        let key = match &line {
            Some(cl) => Some(trip_key(key, &cl.trip().canonical())?),
            None => None,
        };
        checked.push(Checked { issues, key, line });
    }
    // FK-8 across claims: trips this HF has claimed before.
    #[derive(Deserialize)]
    struct Seen {
        trip_key: String,
        number: String,
    }
    let keys: Vec<&str> = checked.iter().filter_map(|c| c.key.as_deref()).collect();
    let seen: HashMap<String, String> = ctx
        .db
        .prepare(
            "SELECT l.trip_key, c.number FROM fk_lines l JOIN fk_claims c ON c.id = l.claim_id \
             WHERE l.organisation_id = ?1 AND l.trip_key IN (SELECT value FROM json_each(?2))",
        )
        .bind(&[text(&claim.organisation_id), text(&http::to_json(&keys)?)])?
        .all()
        .await?
        .results::<Seen>()?
        .into_iter()
        .map(|s| (s.trip_key, s.number))
        .collect();
    let mut rows = Vec::with_capacity(checked.len());
    let mut answer = ChunkAnswer {
        n,
        lines: chunk.lines.len() as u64,
        valid: 0,
        issues: Vec::new(),
    };
    let mut claimed = 0i64;
    for (l, mut c) in chunk.lines.iter().zip(checked) {
        if let Some(number) = c.key.as_ref().and_then(|k| seen.get(k)) {
            c.issues
                .push(Issue::error("", IssueCode::DuplicateEarlierClaim).with("claim", &**number));
            c.key = None;
            c.line = None;
        }
        let valid = c.line.is_some();
        if valid {
            answer.valid += 1;
            claimed += c.line.map_or(0, |x| x.amount_ore);
        }
        if !c.issues.is_empty() {
            answer.issues.push(LineIssues {
                line: l.line,
                issues: c.issues.clone(),
            });
        }
        // What settlement needs and nothing more: a valid line keeps the
        // patient's number (Helfo checks the frikort against it); a line
        // refused on arrival keeps only its masked birth date and issues —
        // the HF has the line in its own file.
        let fnr: String = match c.line {
            Some(line) => line.fnr.as_str(),
            None => {
                let head: String = l
                    .fodselsnummer
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(6)
                    .collect();
                frist_domain::fristbrudd::mask_fnr(&head)
            }
        };
        rows.push(json!({
            "line": l.line,
            "key": c.key,
            "fnr": fnr,
            "transport": c.line.map(|x| x.transport.to_string()),
            "payout": c.line.map(|x| x.payout.to_string()),
            "amount": c.line.map(|x| x.amount_ore),
            "reference": l.referanse.chars().take(100).collect::<String>(),
            "valid": i64::from(valid),
            "issues": http::to_json(&c.issues)?,
            "decision": if valid { None } else { Some("rejected") },
            "reason": if valid { None } else { Some(Reason::InvalidLine.as_str()) },
        }));
    }
    let answer_json = http::to_json(&answer)?;
    let batch = vec![
        ctx.db
            .prepare(
                "INSERT INTO fk_chunks (claim_id, n, lines, body_hash, answer) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(&[
                text(&claim.id),
                int(i64::from(n)),
                int(answer.lines as i64),
                text(&body_hash),
                text(&answer_json),
            ])?,
        ctx.db
            .prepare(
                "INSERT INTO fk_lines (claim_id, line, organisation_id, trip_key, fnr, transport, \
                     payout, amount_ore, reference, valid, issues, decision, reason, approved_ore) \
                 SELECT ?1, value ->> '$.line', ?2, value ->> '$.key', value ->> '$.fnr', \
                     value ->> '$.transport', value ->> '$.payout', value ->> '$.amount', \
                     value ->> '$.reference', value ->> '$.valid', value ->> '$.issues', \
                     value ->> '$.decision', value ->> '$.reason', \
                     CASE WHEN value ->> '$.valid' = 1 THEN NULL ELSE 0 END \
                 FROM json_each(?3)",
            )
            .bind(&[
                text(&claim.id),
                text(&claim.organisation_id),
                text(&http::to_json(&rows)?),
            ])?,
        ctx.db
            .prepare(
                "UPDATE fk_claims SET lines = lines + ?1, valid_lines = valid_lines + ?2, \
                     claimed_ore = claimed_ore + ?3, version = version + 1, updated_at = ?4 \
                 WHERE id = ?5",
            )
            .bind(&[
                int(answer.lines as i64),
                int(answer.valid as i64),
                int(claimed),
                text(&iso(ctx.now)),
                text(&claim.id),
            ])?,
        audit::entry(
            &ctx.db,
            ctx.now,
            caller,
            &audited("frikort.chunk", &claim),
        )?,
    ];
    match ctx.db.batch(batch).await {
        Ok(_) => Ok(http::json(&answer, 200)?),
        Err(e) if crate::db::is_unique_violation(&e, "fk_chunks") => match stored().await? {
            Some(s) => replay(s),
            None => Err(e.into()),
        },
        Err(e) if crate::db::is_unique_violation(&e, "fk_lines") => {
            Err(ApiError::new(ProblemKind::LinesAlreadySent))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /api/v1/frikort/claims/:id/submit`: every chunk is in — the claim
/// is received (FK-3's 30 days start). Safe to repeat.
pub async fn submit(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    if claim.status != ClaimStatus::Receiving {
        return answer(&claim.view());
    }
    let (id, org) = (claim.id.clone(), claim.organisation_id.clone());
    let view = claim.view();
    let missing: Vec<String> = (0..view.chunks_expected)
        .filter(|n| !view.chunks_received.contains(n))
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() || view.lines != view.lines_expected {
        let kind = if missing.is_empty() {
            ProblemKind::ClaimIncompleteLines
        } else {
            ProblemKind::ClaimIncomplete
        };
        return Err(ApiError::new(kind)
            .arg("lines", view.lines)
            .arg("expected", view.lines_expected)
            .arg("missing", missing.join(", ")));
    }
    let due = payment_due(ctx.today).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let update = ctx
        .db
        .prepare(
            "UPDATE fk_claims SET status = 'received', received_on = ?1, due = ?2, \
                 version = version + 1, updated_at = ?3 WHERE id = ?4 AND status = 'receiving'",
        )
        .bind(&[
            text(&ctx.today.to_string()),
            text(&due.to_string()),
            text(&iso(ctx.now)),
            text(&id),
        ])?;
    let entry = Entry {
        action: "frikort.submit",
        object_kind: "frikort_claim",
        object_id: Some(&id),
        organisation_id: Some(&org),
    };
    let entry = audit::entry_if_changed(&ctx.db, ctx.now, caller, &entry)?;
    ctx.db.batch(vec![update, entry]).await?;
    current(ctx, &id).await
}

/// `GET /api/v1/frikort/claims`: received claims by due date (overdue
/// first), then those still arriving, then paid ones. HF: its own.
pub async fn list(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let (limit, cursor) = list_window(ctx, "fk_claims", "organisation_id").await?;
    let key = "CASE c.status WHEN 'received' THEN 0 WHEN 'receiving' THEN 1 ELSE 2 END, \
               COALESCE(c.due, '9999-12-31'), c.id";
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {COLUMNS} FROM fk_claims c JOIN organisations o ON o.id = c.organisation_id \
             WHERE (?1 IS NULL OR c.organisation_id = ?1) \
               AND (?2 IS NULL OR ({key}) > (SELECT {key} FROM fk_claims c WHERE c.id = ?2)) \
               AND (?4 IS NULL OR c.fingerprint = ?4) \
             ORDER BY {key} LIMIT ?3"
        ))
        .bind(&[
            caller.scope(),
            opt(cursor),
            int(limit + 1),
            opt(ctx.query("file").filter(|f| !f.is_empty())),
        ])?
        .all()
        .await?
        .results::<Row>()?;
    let items: Vec<ClaimView> = rows.into_iter().map(Row::view).collect();
    Ok(http::json(
        &page(items, limit, |c: &ClaimView| c.id.clone()),
        200,
    )?)
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    answer(&load_visible(ctx).await?.view())
}

#[derive(Deserialize)]
struct LineRow {
    line: i64,
    fnr: String,
    transport: Option<String>,
    payout: Option<String>,
    amount_ore: Option<i64>,
    reference: String,
    valid: i64,
    issues: String,
    decision: Option<Decision>,
    reason: Option<Reason>,
    note: Option<String>,
    approved_ore: Option<i64>,
    payment_n: Option<i64>,
}

impl LineRow {
    fn view(self) -> LineView {
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

/// `GET /api/v1/frikort/claims/:id/lines?only=issues|undecided&cursor=LINE`:
/// the lines in file order; the cursor is the last line number shown.
pub async fn lines(ctx: &Ctx) -> ApiResult {
    let claim = load_visible(ctx).await?;
    let limit =
        frist_domain::api::parse_limit(ctx.query("limit")).map_err(ApiError::bad_request)?;
    let after = match ctx.query("cursor").filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => c
            .parse::<i64>()
            .map_err(|_| ApiError::bad_request(Issue::error("cursor", IssueCode::CursorInvalid)))?,
    };
    let only = ctx.query("only").unwrap_or("");
    let filter = match only {
        "" | "all" => "",
        "issues" => "AND issues != '[]'",
        "undecided" => "AND decision IS NULL",
        _ => {
            return Err(ApiError::bad_request(
                Issue::error("only", IssueCode::NotOneOf).with("allowed", "all, issues, undecided"),
            ));
        }
    };
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {LINE_COLUMNS} FROM fk_lines WHERE claim_id = ?1 AND line > ?2 {filter} \
             ORDER BY line LIMIT ?3"
        ))
        .bind(&[text(&claim.id), int(after), int(limit + 1)])?
        .all()
        .await?
        .results::<LineRow>()?;
    let items: Vec<LineView> = rows.into_iter().map(LineRow::view).collect();
    audit::read(
        &ctx.db,
        ctx.now,
        ctx.caller()?,
        &audited("frikort.lines.read", &claim),
        &[],
    )
    .await?;
    Ok(http::json(
        &page(items, limit, |l: &LineView| l.line.to_string()),
        200,
    )?)
}

/// Recomputes the claim's approved total after decisions.
fn retotal(
    db: &D1Database,
    claim: &str,
    now: i64,
) -> Result<worker::D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "UPDATE fk_claims SET approved_ore = \
                 (SELECT COALESCE(SUM(approved_ore), 0) FROM fk_lines WHERE claim_id = ?1), \
                 version = version + 1, updated_at = ?2 WHERE id = ?1",
        )
        .bind(&[text(claim), text(&iso(now))])?)
}

/// `POST /api/v1/frikort/claims/:id/lines/:line/decision` (Helfo): FK-4/5,
/// one line approved or rejected, a deviation always with its reason (and
/// "other" with a note), never more than claimed; a paid line's decision
/// stands. The last decision may settle the claim.
pub async fn decide(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    if claim.status != ClaimStatus::Received {
        return Err(wrong_state(claim.status));
    }
    let n: i64 = ctx
        .param("line")
        .parse()
        .map_err(|_| ApiError::not_found())?;
    let line = ctx
        .db
        .prepare(format!(
            "SELECT {LINE_COLUMNS} FROM fk_lines WHERE claim_id = ?1 AND line = ?2"
        ))
        .bind(&[text(&claim.id), int(n)])?
        .first::<LineRow>(None)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let form: DecisionForm = ctx.json()?;
    let (decision, reason, note, approved) = form
        .check(line.amount_ore.unwrap_or(0), line.payment_n.is_some())
        .map_err(ApiError::invalid)?;
    if decision == Decision::Approved && line.valid != 1 {
        return Err(ApiError::invalid(Report::of(Issue::error(
            "decision",
            IssueCode::LineInvalid,
        ))));
    }
    let decision_text = match decision {
        Decision::Approved => "approved",
        Decision::Rejected => "rejected",
    };
    let set = ctx
        .db
        .prepare(
            "UPDATE fk_lines SET decision = ?1, reason = ?2, note = ?3, approved_ore = ?4 \
             WHERE claim_id = ?5 AND line = ?6 AND payment_n IS NULL",
        )
        .bind(&[
            text(decision_text),
            opt(reason.map(Reason::as_str)),
            opt(note.as_deref()),
            int(approved),
            text(&claim.id),
            int(n),
        ])?;
    let entry = audit::entry(
        &ctx.db,
        ctx.now,
        caller,
        &audited("frikort.decision", &claim),
    )?;
    ctx.db
        .batch(vec![
            set,
            retotal(&ctx.db, &claim.id, ctx.now)?,
            settle(&ctx.db, &claim.id)?,
            entry,
        ])
        .await?;
    current(ctx, &claim.id).await
}

/// The [`SETTLE`] statement for `claim`.
fn settle(db: &D1Database, claim: &str) -> Result<worker::D1PreparedStatement, ApiError> {
    Ok(db.prepare(SETTLE).bind(&[text(claim)])?)
}

/// `POST /api/v1/frikort/claims/:id/approve-clean` (Helfo): every valid line
/// with no issue and no decision yet is approved as claimed. Lines with
/// warnings are left for a person.
pub async fn approve_clean(ctx: &Ctx) -> ApiResult {
    let caller = ctx.caller()?;
    let claim = load_visible(ctx).await?;
    if claim.status != ClaimStatus::Received {
        return Err(wrong_state(claim.status));
    }
    let approve = ctx
        .db
        .prepare(
            "UPDATE fk_lines SET decision = 'approved', approved_ore = amount_ore \
             WHERE claim_id = ?1 AND valid = 1 AND decision IS NULL AND issues = '[]'",
        )
        .bind(&[text(&claim.id)])?;
    let entry = audit::entry(
        &ctx.db,
        ctx.now,
        caller,
        &audited("frikort.approve_clean", &claim),
    )?;
    ctx.db
        .batch(vec![
            approve,
            retotal(&ctx.db, &claim.id, ctx.now)?,
            settle(&ctx.db, &claim.id)?,
            entry,
        ])
        .await?;
    current(ctx, &claim.id).await
}

/// Runs a conditional claim change (`If-Match`): `first` bumps the claim's
/// version if it is still the one named, and `then` runs only if it did
/// (each guarded by `changes() = 1` or its own key); with its audit entry.
async fn conditional_change(
    ctx: &Ctx,
    claim: &Row,
    then: Vec<worker::D1PreparedStatement>,
    action: &str,
) -> ApiResult {
    let bump = ctx
        .db
        .prepare(
            "UPDATE fk_claims SET version = version + 1, updated_at = ?1 \
             WHERE id = ?2 AND version = ?3",
        )
        .bind(&[text(&iso(ctx.now)), text(&claim.id), int(claim.version)])?;
    let entry = audit::entry_if_changed(&ctx.db, ctx.now, ctx.caller()?, &audited(action, claim))?;
    let mut batch = vec![bump, entry];
    batch.extend(then);
    let results = ctx.db.batch(batch).await?;
    if !crate::db::first_changed(&results) {
        let now = load(&ctx.db, &claim.id, JsValue::NULL)
            .await?
            .ok_or_else(ApiError::not_found)?;
        return Err(crate::routes::users::stale(now.version));
    }
    current(ctx, &claim.id).await
}

/// `POST /api/v1/frikort/claims/:id/payment` (Helfo, `If-Match`): FK-4 and
/// FK-9, the approved lines not yet paid, paid on a date to the account the
/// RHF has set (ID-5) — while other lines may still wait for a decision.
/// The payment names its lines; the last one settles the claim.
pub async fn payment(ctx: &Ctx) -> ApiResult {
    let claim = load_visible(ctx).await?;
    if ctx.if_match != Some(claim.version) {
        return Err(crate::routes::users::stale(claim.version));
    }
    if claim.status != ClaimStatus::Received {
        return Err(wrong_state(claim.status));
    }
    let form: PaymentForm = ctx.json()?;
    let view = claim.view_ref();
    let (paid_on, account) = form
        .check(
            view.payable_lines,
            view.payable_ore,
            view.payout_account.as_deref(),
            ctx.today,
        )
        .map_err(ApiError::invalid)?;
    let n = i64::try_from(view.payments.len() + 1).unwrap_or(i64::MAX);
    let payment_id = crate::crypto::new_id("pay")?;
    let caller = ctx.caller()?;
    // Guarded by the version bump before it (`changes() = 1`); the lines
    // only if this very payment was stored.
    let insert = ctx
        .db
        .prepare(
            "INSERT INTO fk_payments (claim_id, n, paid_on, amount_ore, account, lines, user_id, \
                 created_at, id) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE changes() = 1",
        )
        .bind(&[
            text(&claim.id),
            int(n),
            text(&paid_on.to_string()),
            int(view.payable_ore),
            text(&account),
            int(i64::try_from(view.payable_lines).unwrap_or(i64::MAX)),
            text(&caller.user_id),
            text(&iso(ctx.now)),
            text(&payment_id),
        ])?;
    let lines = ctx
        .db
        .prepare(
            "UPDATE fk_lines SET payment_n = ?2 WHERE claim_id = ?1 AND decision = 'approved' \
               AND payment_n IS NULL AND EXISTS (SELECT 1 FROM fk_payments WHERE id = ?3)",
        )
        .bind(&[text(&claim.id), int(n), text(&payment_id)])?;
    conditional_change(
        ctx,
        &claim,
        vec![insert, lines, settle(&ctx.db, &claim.id)?],
        "frikort.payment",
    )
    .await
}

/// `POST /api/v1/frikort/claims/:id/repayment` (Helfo, `If-Match`): FK-7, a
/// demand that the HF repay part of one payment — never when Helfo's own
/// wrong information caused the advance, and refused once Helfo's claim is
/// time-barred (FK-6: 3 years after that payment).
pub async fn repayment(ctx: &Ctx) -> ApiResult {
    let claim = load_visible(ctx).await?;
    if ctx.if_match != Some(claim.version) {
        return Err(crate::routes::users::stale(claim.version));
    }
    let form: RepaymentForm = ctx.json()?;
    let view = claim.view_ref();
    if view.payments.is_empty() {
        return Err(wrong_state(claim.status));
    }
    let (n, amount) = form
        .check(&view.payments, ctx.today)
        .map_err(ApiError::invalid)?;
    let update = ctx
        .db
        .prepare(
            "UPDATE fk_payments SET repaid_ore = repaid_ore + ?1, repayment_reason = ?2 \
             WHERE claim_id = ?3 AND n = ?4 AND changes() = 1",
        )
        .bind(&[
            int(amount),
            text(form.reason.trim()),
            text(&claim.id),
            int(i64::from(n)),
        ])?;
    conditional_change(ctx, &claim, vec![update], "frikort.repayment").await
}

/// One field of the settlement CSV. A field a spreadsheet would read as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a CR) gets a leading
/// `'`, so opening the file never runs what a claim line carried (OWASP's
/// advice on CSV injection); quotes and separators are quoted as usual.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn kr(ore: Option<i64>) -> String {
    ore.map(|o| format!("{},{:02}", o / 100, o % 100))
        .unwrap_or_default()
}

/// `GET /api/v1/frikort/claims/:id/report`: the settlement report, a CSV
/// line per claim line (fødselsnummer masked), for the HF's books.
pub async fn report(ctx: &Ctx) -> ApiResult {
    let claim = load_visible(ctx).await?;
    let rows = ctx
        .db
        .prepare(format!(
            "SELECT {LINE_COLUMNS} FROM fk_lines WHERE claim_id = ?1 ORDER BY line"
        ))
        .bind(&[text(&claim.id)])?
        .all()
        .await?
        .results::<LineRow>()?;
    let mut out = String::from(
        "linje;fodselsnummer;transportdato;utbetalingsdato;krevd;godkjent;avgjorelse;begrunnelse;merknad;utbetaling;utbetalt_dato;feil;referanse\n",
    );
    // FK-4: which payment paid each line, and when.
    let paid_on: HashMap<u32, NaiveDate> = claim
        .view_ref()
        .payments
        .iter()
        .map(|p| (p.n, p.paid_on))
        .collect();
    for r in rows.into_iter().map(LineRow::view) {
        let codes: Vec<&str> = r.issues.iter().map(|i| i.code.as_str()).collect();
        let decision = match r.decision {
            Some(Decision::Approved) => "godkjent",
            Some(Decision::Rejected) => "avvist",
            None => "",
        };
        let line = [
            r.line.to_string(),
            r.fnr_masked,
            r.transport.map(|d| d.to_string()).unwrap_or_default(),
            r.payout.map(|d| d.to_string()).unwrap_or_default(),
            kr(r.amount_ore),
            kr(r.approved_ore),
            decision.to_owned(),
            r.reason.map(|x| x.as_str().to_owned()).unwrap_or_default(),
            r.note.unwrap_or_default(),
            r.payment.map(|n| n.to_string()).unwrap_or_default(),
            r.payment
                .and_then(|n| paid_on.get(&n))
                .map(|d| d.to_string())
                .unwrap_or_default(),
            codes.join(" "),
            r.reference,
        ]
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(";");
        out.push_str(&line);
        out.push('\n');
    }
    audit::read(
        &ctx.db,
        ctx.now,
        ctx.caller()?,
        &audited("frikort.report.read", &claim),
        &[],
    )
    .await?;
    let resp = Response::ok(out)?;
    resp.headers()
        .set("Content-Type", "text/csv; charset=utf-8")?;
    resp.headers().set(
        "Content-Disposition",
        &format!("attachment; filename=\"{}-oppgjor.csv\"", claim.number),
    )?;
    Ok(resp)
}
