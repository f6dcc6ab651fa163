//! `GET /api/v1/health`: the build version and whether D1 answers.

use serde::Serialize;
use worker::{Env, Response, Result};

use crate::http;

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    d1: bool,
    mode: String,
}

pub async fn get(env: &Env) -> Result<Response> {
    let d1 = match env.d1("DB") {
        Ok(db) => db
            .prepare("SELECT 1 AS ok")
            .first::<serde_json::Value>(Some("ok"))
            .await
            .map(|v| v.is_some())
            .unwrap_or(false),
        Err(_) => false,
    };
    let mode = env
        .var("FRIST_MODE")
        .map(|v| v.to_string())
        .unwrap_or_else(|_| "production".into());
    let body = Health {
        status: if d1 { "ok" } else { "degraded" },
        version: frist_domain::VERSION,
        d1,
        mode,
    };
    http::json(&body, if d1 { 200 } else { 503 })
}
