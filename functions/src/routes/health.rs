//! `GET /api/v1/health`: the build version, whether D1 answers, and — in
//! production — which required secrets are missing (their names only).

use serde::Serialize;

use crate::ctx::Ctx;
use crate::http::{self, ApiResult};

#[derive(Serialize)]
struct Health<'a> {
    status: &'static str,
    version: &'static str,
    d1: bool,
    mode: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    missing_secrets: Vec<&'static str>,
}

pub async fn get(ctx: &Ctx) -> ApiResult {
    let d1 = ctx
        .db
        .prepare("SELECT 1 AS ok")
        .first::<serde_json::Value>(Some("ok"))
        .await
        .map(|v| v.is_some())
        .unwrap_or(false);
    let missing_secrets = ctx.config.missing_secrets();
    let ok = d1 && missing_secrets.is_empty();
    let body = Health {
        status: match (d1, missing_secrets.is_empty()) {
            (_, false) => "misconfigured",
            (true, true) => "ok",
            (false, true) => "degraded",
        },
        version: frist_domain::VERSION,
        d1,
        mode: &ctx.config.mode,
        missing_secrets,
    };
    Ok(http::json(&body, if ok { 200 } else { 503 })?)
}
