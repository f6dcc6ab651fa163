//! The settlement report: a CSV line per claim line (fødselsnummer
//! masked), for the health trust's books.

use std::collections::HashMap;

use chrono::NaiveDate;
use frist_domain::frikort::Decision;
use worker::Response;

use super::{audited, load_visible};
use crate::audit;
use crate::ctx::Ctx;
use crate::http::ApiResult;
use crate::store::frikort::lines::{self as store, LineRow};

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
    let rows = store::all_lines(&ctx.db, &claim.id).await?;
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
        &format!("attachment; filename=\"{}-oppgjor.csv\"", claim.number()),
    )?;
    Ok(resp)
}
