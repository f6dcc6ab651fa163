//! The API contract: every route with the roles it allows, and the JSON the
//! routes take and give. The edge dispatches from [`ROUTES`] and authorises
//! from it in one place; the app's client and the access-table test read
//! the same table, so a new route cannot go unchecked.
//!
//! One concept per module: the route's shape ([`RouteSpec`], in `route.rs`),
//! the table itself ([`ROUTES`], in `routes.rs`), finding a route for a
//! request (`matching.rs`), `docs/api.md` written from the table
//! (`docs.rs`), and the JSON of each area beside it.

mod accounts;
mod audit;
mod docs;
mod find;
mod matching;
mod overview;
mod page;
mod problem;
mod route;
mod routes;
mod session;
mod tokens;

pub use accounts::{OrganisationView, PayoutAccountForm, UserPatch, UserView};
pub use audit::AuditEntry;
pub use docs::api_markdown;
pub use find::{Found, NumberKind, PatientSearch, parse_number};
pub use matching::{NoRoute, RouteMatch, find_route};
pub use overview::{Overview, WorkCounts};
pub use page::{PAGE_DEFAULT, PAGE_MAX, Page, parse_limit};
pub use problem::Problem;
pub use route::{Access, CHUNK_BODY, Content, RouteId, RouteSpec, SMALL_BODY};
pub use routes::{API_TOKEN_ROLES, ROUTES};
pub use session::{LoginRequest, SessionView};
pub use tokens::TokenView;
