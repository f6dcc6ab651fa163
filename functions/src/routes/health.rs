//! `GET /api/v1/health`: the build version and whether D1 answers.

use serde::Serialize;

use crate::ctx::Ctx;
use crate::http::{self, ApiResult};

#[derive(Serialize)]
struct Health<'a> {
    status: &'static str,
    version: &'static str,
    d1: bool,
    mode: &'a str,
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    let d1 = ctx
        .db
        .prepare("SELECT 1 AS ok")
        .first::<serde_json::Value>(Some("ok"))
        .await
        .map(|v| v.is_some())
        .unwrap_or(false);
    let body = Health {
        status: if d1 { "ok" } else { "degraded" },
        version: frist_domain::VERSION,
        d1,
        mode: &ctx.config.mode,
    };
    Ok(http::json(&body, if d1 { 200 } else { 503 })?)
}
