//! The router. Every request passes the same gate, in this order, before a
//! handler sees it:
//!
//! 1. the route, from [`frist_domain::api::ROUTES`] (404 / 405 with `Allow`);
//! 2. CSRF: a state-changing request must carry an `Origin` equal to this
//!    site's (403);
//! 3. the body: at most the route's cap (413), and JSON (415);
//! 4. the session (401), then the route's roles (403, and an audit entry);
//! 5. on creating routes, `Idempotency-Key` (400 if missing; a replay
//!    answers from the store);
//! 6. on changing routes, `If-Match` (428 if missing).
//!
//! Handlers then scope every query to the caller's organisation (Helfo
//! sees all), so another organisation's object is simply not found (404).

mod audit;
mod common;
pub mod fastlege;
mod frikort;
pub mod fristbrudd;
mod gate;
mod health;
mod identities;
mod kontroll;
mod mail;
pub mod oidc;
pub mod organisations;
mod outbox;
mod overview;
pub mod session;
mod tokens;
pub mod users;

pub use common::{
    Listing, alphabetical_page, create_object, list_window, load_scoped, next_number, page,
    seq_cursor,
};

use frist_domain::api::{NoRoute, RouteId, RouteSpec, find_route};
use worker::{Env, Request, Response, Result};

use crate::ctx::{Config, Ctx};
use crate::http::{ApiError, ApiResult};
use crate::problem::ProblemKind;

pub async fn handle(req: Request, env: Env) -> Result<Response> {
    match dispatch(req, &env).await {
        Ok(resp) => Ok(resp),
        Err(e) => e.into_response(),
    }
}

/// A path's parameters, by name.
type Params = Vec<(&'static str, String)>;

/// The route of `method` and `path`, with its path parameters (404, or
/// 405 naming the methods allowed).
fn route(method: &str, path: &str) -> std::result::Result<(&'static RouteSpec, Params), ApiError> {
    match find_route(method, path) {
        Ok(m) => Ok((
            m.spec,
            m.params
                .iter()
                .map(|(k, v)| (*k, (*v).to_owned()))
                .collect(),
        )),
        Err(NoRoute::NotFound) => Err(ApiError::not_found()),
        Err(NoRoute::MethodNotAllowed { allowed }) => {
            Err(ApiError::new(ProblemKind::MethodNotAllowed)
                .with_header("Allow", allowed.join(", ")))
        }
    }
}

/// The gate (see the module docs), then the handler, then what follows it.
async fn dispatch(mut req: Request, env: &Env) -> ApiResult {
    let url = req.url()?;
    let method = req.method().to_string();
    let (spec, params) = route(&method, url.path())?;
    let config = Config::from_env(env);
    gate::check_config(spec, &config)?;
    let now = gate::now(&req, &config)?;
    let today = gate::today(&req, &config, now)?;
    let secure_cookies = gate::secure_cookies(&url);
    if !gate::is_safe(&method) {
        gate::check_origin(&req, &url)?;
    }
    // Who is asking comes first: an anonymous or unauthorised caller is
    // refused before a byte of the body is read.
    let db = env.d1("DB")?;
    let client_key = gate::client_key(&req, &config)?;
    let caller = gate::caller(&req, &db, &config, spec, secure_cookies, now, &client_key).await?;
    let body = gate::read_body(&mut req, spec, &method).await?;
    let idem =
        match gate::idempotency(&req, &db, spec, caller.as_ref(), &body, &config, now).await? {
            Ok(idem) => idem,
            Err(replay) => return Ok(replay),
        };
    let if_match = gate::if_match(&req, spec)?;
    let ctx = Ctx {
        db,
        params,
        query: url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        body,
        caller,
        now,
        config,
        today,
        env: env.clone(),
        secure_cookies,
        client_key,
        idem,
        if_match,
        origin: url.origin().ascii_serialization(),
        cookies: req.headers().get("Cookie")?,
    };
    let remaining = ctx
        .caller
        .as_ref()
        .and_then(|c| c.session_expires)
        .map(|e| e - now);
    let result = run(spec.id, &ctx).await;
    gate::after(&ctx, spec.id, &result, remaining).await?;
    result
}

/// The handler of each route.
async fn run(route: RouteId, ctx: &Ctx) -> ApiResult {
    match route {
        RouteId::Health => health::get(ctx).await,
        RouteId::Login => session::login(ctx).await,
        RouteId::SessionGet => session::get(ctx).await,
        RouteId::Logout => session::logout(ctx).await,
        RouteId::OrganisationList => organisations::list(ctx).await,
        RouteId::OrganisationCreate => organisations::create(ctx).await,
        RouteId::OrganisationGet => organisations::get(ctx).await,
        RouteId::OrganisationAccount => organisations::set_account(ctx).await,
        RouteId::UserList => users::list(ctx).await,
        RouteId::UserCreate => users::create(ctx).await,
        RouteId::UserGet => users::get(ctx).await,
        RouteId::UserUpdate => users::update(ctx).await,
        RouteId::AuditList => audit::list(ctx).await,
        RouteId::FbCaseCreate => fristbrudd::create(ctx).await,
        RouteId::FbPatientCheck => fristbrudd::patient_check(ctx).await,
        RouteId::FbCaseList => fristbrudd::list(ctx).await,
        RouteId::FbQueue => fristbrudd::queue(ctx).await,
        RouteId::FbCaseGet => fristbrudd::get(ctx).await,
        RouteId::FbEvent => fristbrudd::event(ctx).await,
        RouteId::FbDocumentPut => fristbrudd::put_document(ctx).await,
        RouteId::FbDocumentGet => fristbrudd::get_document(ctx).await,
        RouteId::FbStats => fristbrudd::stats(ctx).await,
        RouteId::OutboxList => outbox::list(ctx).await,
        RouteId::Sweep => fristbrudd::sweep_route(ctx).await,
        RouteId::FlMessageCreate => fastlege::create(ctx).await,
        RouteId::FlMessageList => fastlege::list(ctx).await,
        RouteId::FlMessageGet => fastlege::get(ctx).await,
        RouteId::FlRegister => fastlege::register(ctx).await,
        RouteId::FlDashboard => fastlege::dashboard(ctx).await,
        RouteId::FlChase => fastlege::chase(ctx).await,
        RouteId::FkClaimCreate => frikort::create(ctx).await,
        RouteId::FkClaimList => frikort::list(ctx).await,
        RouteId::FkClaimGet => frikort::get(ctx).await,
        RouteId::FkChunkPut => frikort::put_chunk(ctx).await,
        RouteId::FkSubmit => frikort::submit(ctx).await,
        RouteId::FkLines => frikort::lines(ctx).await,
        RouteId::FkDecision => frikort::decide(ctx).await,
        RouteId::FkApproveClean => frikort::approve_clean(ctx).await,
        RouteId::FkPayment => frikort::payment(ctx).await,
        RouteId::FkRepayment => frikort::repayment(ctx).await,
        RouteId::FkReport => frikort::report(ctx).await,
        RouteId::TokenCreate => tokens::create(ctx).await,
        RouteId::TokenList => tokens::list(ctx).await,
        RouteId::TokenRevoke => tokens::revoke(ctx).await,
        RouteId::KtMonthPut => kontroll::put_month(ctx).await,
        RouteId::KtMonthGet => kontroll::get_month(ctx).await,
        RouteId::Overview => overview::overview(ctx).await,
        RouteId::Find => overview::find(ctx).await,
        RouteId::FbPatientSearch => fristbrudd::patient_search(ctx).await,
        RouteId::MailList => mail::list(ctx).await,
        RouteId::MailResend => mail::resend(ctx).await,
        RouteId::MailSend => mail::send_now(ctx).await,
        RouteId::LoginOptions => oidc::options(ctx).await,
        RouteId::OidcStart => oidc::start(ctx).await,
        RouteId::OidcCallback => oidc::callback(ctx).await,
        RouteId::IdentityList => identities::list(ctx).await,
        RouteId::IdentityCreate => identities::create(ctx).await,
        RouteId::IdentityDelete => identities::delete(ctx).await,
    }
}
