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
mod mail;
mod oidc;
mod problem;
mod routes;
mod store;

use worker::{Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent, event};

#[event(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    let resp = match routes::handle(req, env.clone()).await {
        Ok(resp) => resp,
        // Anything unexpected (a binding missing, D1 down) is the server's
        // fault: answer 503 with a problem body and no internal detail.
        Err(e) => {
            worker::console_error!("unhandled error: {}", http::redact(&e.to_string()));
            http::problem(problem::ProblemKind::Unavailable)?
        }
    };
    // An e-mail queued by this request goes out after the answer (issue 26).
    if mail::take_queued() {
        ctx.wait_until(send_mail(env));
    }
    http::with_security_headers(resp)
}

/// Runs the sender now; what it did is logged, a failure too.
async fn send_mail(env: Env) {
    let now = worker::Date::now().as_millis() as i64;
    let config = ctx::Config::from_env(&env);
    let Ok(db) = env.d1("DB") else {
        return;
    };
    if let Err(e) = mail::send_due(&env, &db, &config, now, 50).await {
        worker::console_error!("mail failed: {}", e.kind.wire());
    }
}

/// The crons in wrangler.toml: the daily sweep at 05:00 UTC — FB-5 returns
/// cases whose reply deadline has passed, FL-7 chases terminations (safe to
/// run twice on the same day) — and every five minutes the e-mail sender,
/// which retries what failed before.
/// The daily cron (wrangler.toml); any other is the e-mail sender's.
const DAILY: &str = "0 5 * * *";

#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    if event.cron() != DAILY {
        send_mail(env).await;
        return;
    }
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
            let config = ctx::Config::from_env(&env);
            let chased = routes::fastlege::chase_by_email(&db, now, today, &config)
                .await
                .map(|c| c.len())
                .unwrap_or(0);
            let swept = routes::fristbrudd::sweep(&db, now, today, &config)
                .await
                .map(|r| (r.checked, r.returned.len(), chased))
                .map_err(|e| e.kind.wire());
            send_mail(env.clone()).await;
            swept
        }
        Err(_) => Err("no database"),
    };
    match outcome {
        Ok((checked, returned, chased)) => worker::console_log!(
            "sweep {today}: {checked} checked, {returned} returned, {chased} chased"
        ),
        Err(kind) => worker::console_error!("sweep {today} failed: {kind}"),
    }
}
