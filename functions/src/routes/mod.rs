//! The router: one module per resource.

mod health;

use worker::{Env, Request, Response, Result, Router};

use crate::http;

pub async fn handle(req: Request, env: Env) -> Result<Response> {
    let resp = Router::new()
        .get_async("/api/v1/health", |_req, ctx| async move {
            health::get(&ctx.env).await
        })
        .run(req, env)
        .await?;
    // The router answers 404/405 with an empty body; give those a problem body.
    match resp.status_code() {
        404 => http::problem(
            404,
            "not_found",
            "Fant ikke ressursen.",
            "No such resource.",
        ),
        405 => http::problem(
            405,
            "method_not_allowed",
            "Metoden er ikke tillatt her.",
            "Method not allowed here.",
        ),
        _ => Ok(resp),
    }
}
