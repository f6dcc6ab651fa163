//! frist's edge: the JSON API under `/api/v1` and the daily sweep, on
//! Cloudflare Workers. Handlers are thin — authenticate, parse, validate with
//! `frist-domain`, authorise, store, respond — and every answer a client can
//! provoke is a deliberate 4xx with a problem+json body, never a panic.
//!
//! `wrangler dev` runs this locally on workerd with D1/KV/R2 persisted under
//! `.frist/`; production runs the same code on Cloudflare.

mod audit;
mod auth;
mod crypto;
mod ctx;
mod db;
mod http;
mod idempotency;
mod routes;

use worker::{Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent, event};

#[event(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let resp = match routes::handle(req, env).await {
        Ok(resp) => resp,
        // Anything unexpected (a binding missing, D1 down) is the server's
        // fault: answer 503 with a problem body and no internal detail.
        Err(e) => {
            worker::console_error!("unhandled error: {}", http::redact(&e.to_string()));
            http::problem(
                503,
                "unavailable",
                "Tjenesten er midlertidig utilgjengelig.",
                "The service is temporarily unavailable.",
            )?
        }
    };
    http::with_security_headers(resp)
}

/// The daily sweep (cron in wrangler.toml): FB-5 returns cases whose reply
/// deadline has passed. Safe to run twice on the same day.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let now = worker::Date::now().as_millis() as i64;
    let Some(today) = frist_domain::calendar::oslo_date_from_millis(now) else {
        return;
    };
    let outcome = match env.d1("DB") {
        Ok(db) => {
            // Idempotency records are kept a day, then forgotten.
            if let Ok(expire) = idempotency::expire(&db, now) {
                let _ = expire.run().await;
            }
            routes::fristbrudd::sweep(&db, now, today, None)
                .await
                .map(|r| (r.checked, r.returned.len()))
                .map_err(|e| e.kind)
        }
        Err(_) => Err("no database"),
    };
    match outcome {
        Ok((checked, returned)) => {
            worker::console_log!("sweep {today}: {checked} checked, {returned} returned")
        }
        Err(kind) => worker::console_error!("sweep {today} failed: {kind}"),
    }
}
