//! A claim's lines arriving in numbered chunks: a chunk sent again answers
//! as the first time; each line is checked again (FK-1), against the
//! claim's other lines and the organisation's earlier claims (FK-8), and
//! stored with the chunk in one batch.

use frist_domain::Report;
use frist_domain::frikort::Duplicates;
use frist_domain::frikort::flow::{
    CheckedLine, ClaimStep, check_chunk_number, check_chunk_size, check_line_numbers,
    mark_earlier_claims, tally,
};
use frist_domain::frikort::{Chunk, ChunkAnswer, LineContext, LineRules, NumberedLine, Reason};
use frist_domain::ids::FnrContext;
use hmac::{Hmac, Mac};
use serde_json::json;
use worker::Response;

use super::{allowed, audited, load_visible};
use crate::audit;
use crate::ctx::Ctx;
use crate::http::{self, ApiError, ApiResult};
use crate::problem::ProblemKind;
use crate::store::frikort::{self as store, ChunkRows, Row, StoredChunk};

/// FK-8: the keyed hash of a trip (HMAC-SHA256, first 128 bits, hex).
fn trip_key(key: &str, canonical: &str) -> Result<String, ApiError> {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes())
        .map_err(|_| worker::Error::RustError("trip key unusable".into()))?;
    mac.update(canonical.as_bytes());
    Ok(hex::encode(&mac.finalize().into_bytes()[..16]))
}

/// The answer given when chunk `n` first came, if this is the same body.
fn replay(stored: StoredChunk, body_hash: &str, n: u32) -> ApiResult {
    if stored.body_hash != body_hash {
        return Err(ApiError::new(ProblemKind::ChunkDiffers).arg("n", n));
    }
    let resp = Response::ok(stored.answer)?;
    resp.headers().set("Content-Type", "application/json")?;
    resp.headers().set("Idempotent-Replayed", "true")?;
    Ok(resp)
}

/// The chunk's body, if the claim takes chunk `n` now and it holds what a
/// chunk may.
fn parse_chunk(ctx: &Ctx, claim: &Row, n: u32) -> Result<Chunk, ApiError> {
    allowed(ClaimStep::Chunk, claim.status, 0)?;
    check_chunk_number(n, claim.chunks_expected).map_err(ApiError::bad_request)?;
    let chunk: Chunk = ctx.json()?;
    check_chunk_size(chunk.lines.len()).map_err(|i| ApiError::invalid(Report::of(i)))?;
    Ok(chunk)
}

/// FK-1 and FK-8 within the claim, line by line, with each valid trip's
/// keyed hash.
fn check_lines(ctx: &Ctx, claim: &Row, chunk: &Chunk) -> Result<Vec<CheckedLine>, ApiError> {
    let key = ctx
        .config
        .trip_key
        .as_deref()
        .ok_or_else(|| ApiError::new(ProblemKind::Unavailable))?;
    check_line_numbers(chunk.lines.iter().map(|l| l.line))
        .map_err(|i| ApiError::invalid(Report::of(i)))?;
    let rules = LineRules::new(LineContext {
        fnr: FnrContext {
            today: ctx.today,
            allow_synthetic: ctx.config.local,
        },
        received: ctx.today,
        aware: claim.aware(),
    });
    let mut dups = Duplicates::new();
    let mut checked = Vec::with_capacity(chunk.lines.len());
    for l in &chunk.lines {
        let (mut issues, mut line) = rules.check(&l.raw());
        dups.mark(l.line, &mut issues, &mut line);
        let trip_key = match &line {
            Some(cl) => Some(trip_key(key, &cl.trip().canonical())?),
            None => None,
        };
        checked.push(CheckedLine {
            line: l.line,
            issues,
            trip_key,
            claim_line: line,
        });
    }
    Ok(checked)
}

/// The stored form of each line: what settlement needs and nothing more. A
/// valid line keeps the patient's number (Helfo checks the frikort against
/// it); a line refused on arrival keeps only its masked birth date and
/// issues — the HF has the line in its own file.
fn line_rows(
    sent: &[NumberedLine],
    checked: &[CheckedLine],
) -> Result<Vec<serde_json::Value>, ApiError> {
    sent.iter()
        .zip(checked)
        .map(|(l, c)| {
            let valid = c.claim_line.is_some();
            let fnr: String = match c.claim_line {
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
            Ok(json!({
                "line": l.line,
                "key": c.trip_key,
                "fnr": fnr,
                "transport": c.claim_line.map(|x| x.transport.to_string()),
                "payout": c.claim_line.map(|x| x.payout.to_string()),
                "amount": c.claim_line.map(|x| x.amount_ore),
                "reference": l.referanse.chars().take(100).collect::<String>(),
                "valid": i64::from(valid),
                "issues": http::to_json(&c.issues)?,
                "decision": if valid { None } else { Some("rejected") },
                "reason": if valid { None } else { Some(Reason::InvalidLine.as_str()) },
            }))
        })
        .collect()
}

/// Stores the chunk, its lines and the claim's new totals with an audit
/// entry. The same chunk stored meanwhile answers as a replay.
async fn store_chunk(
    ctx: &Ctx,
    claim: &Row,
    answer: &ChunkAnswer,
    rows: &ChunkRows<'_>,
) -> ApiResult {
    let mut batch = store::insert_chunk(&ctx.db, claim, rows)?;
    batch.push(audit::entry(
        &ctx.db,
        ctx.now,
        ctx.caller()?,
        &audited("frikort.chunk", claim),
    )?);
    match ctx.db.batch(batch).await {
        Ok(_) => Ok(http::json(answer, 200)?),
        Err(e) if crate::db::is_unique_violation(&e, "fk_chunks") => {
            match store::stored_chunk(&ctx.db, &claim.id, answer.n).await? {
                Some(s) => replay(s, rows.body_hash, answer.n),
                None => Err(e.into()),
            }
        }
        Err(e) if crate::db::is_unique_violation(&e, "fk_lines") => {
            Err(ApiError::new(ProblemKind::LinesAlreadySent))
        }
        Err(e) => Err(e.into()),
    }
}

/// `PUT /api/v1/frikort/claims/:id/chunks/:n`: up to 5,000 lines, each
/// checked here again. The same chunk sent again answers as the first time.
pub async fn put_chunk(ctx: &Ctx) -> ApiResult {
    let claim = load_visible(ctx).await?;
    let n: u32 = ctx.param("n").parse().map_err(|_| ApiError::not_found())?;
    let body_hash = crate::crypto::sha256_hex(&ctx.body);
    if let Some(stored) = store::stored_chunk(&ctx.db, &claim.id, n).await? {
        return replay(stored, &body_hash, n);
    }
    let chunk = parse_chunk(ctx, &claim, n)?;
    let mut checked = check_lines(ctx, &claim, &chunk)?;
    // FK-8 across claims: trips this HF has claimed before.
    let keys: Vec<&str> = checked
        .iter()
        .filter_map(|c| c.trip_key.as_deref())
        .collect();
    let earlier = store::earlier_trips(&ctx.db, &claim.organisation_id, &keys).await?;
    mark_earlier_claims(&mut checked, &earlier);
    let (answer, claimed_ore) = tally(n, &checked);
    let rows = ChunkRows {
        n,
        body_hash: &body_hash,
        answer: &http::to_json(&answer)?,
        rows: &http::to_json(&line_rows(&chunk.lines, &checked)?)?,
        lines: answer.lines,
        valid: answer.valid,
        claimed_ore,
        now: ctx.now,
    };
    store_chunk(ctx, &claim, &answer, &rows).await
}
