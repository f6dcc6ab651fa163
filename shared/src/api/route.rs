//! The shape of a route: who may call it, what it takes, and its name.

use super::ROUTES;
use crate::access::Role;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not.
    Public,
    /// Any logged-in user; the data is still scoped to their organisation.
    AnyRole,
    /// Only these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a user with `role` may call the route.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public | Access::AnyRole => true,
            Access::Roles(roles) => roles.contains(&role),
        }
    }
}

/// Every route of the API, by name; what each takes and answers is its
/// summary in [`ROUTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum RouteId {
    /// `GET /api/v1/health`.
    Health,
    /// `POST /api/v1/session`.
    Login,
    /// `GET /api/v1/session`.
    SessionGet,
    /// `DELETE /api/v1/session`.
    Logout,
    /// `GET /api/v1/organisations`.
    OrganisationList,
    /// `POST /api/v1/organisations`.
    OrganisationCreate,
    /// `GET /api/v1/organisations/:id`.
    OrganisationGet,
    /// `PUT /api/v1/organisations/:id/payout-account`.
    OrganisationAccount,
    /// `GET /api/v1/users`.
    UserList,
    /// `POST /api/v1/users`.
    UserCreate,
    /// `GET /api/v1/users/:id`.
    UserGet,
    /// `PATCH /api/v1/users/:id`.
    UserUpdate,
    /// `GET /api/v1/audit`.
    AuditList,
    /// `POST /api/v1/fristbrudd/cases`.
    FbCaseCreate,
    /// `POST /api/v1/fristbrudd/patient-check`.
    FbPatientCheck,
    /// `GET /api/v1/fristbrudd/cases`.
    FbCaseList,
    /// `GET /api/v1/fristbrudd/queue`.
    FbQueue,
    /// `GET /api/v1/fristbrudd/cases/:id`.
    FbCaseGet,
    /// `POST /api/v1/fristbrudd/cases/:id/events`.
    FbEvent,
    /// `PUT /api/v1/fristbrudd/cases/:id/document`.
    FbDocumentPut,
    /// `GET /api/v1/fristbrudd/cases/:id/document`.
    FbDocumentGet,
    /// `GET /api/v1/fristbrudd/stats`.
    FbStats,
    /// `GET /api/v1/outbox`.
    OutboxList,
    /// `POST /api/v1/sweep`.
    Sweep,
    /// `POST /api/v1/fastlege/messages`.
    FlMessageCreate,
    /// `GET /api/v1/fastlege/messages`.
    FlMessageList,
    /// `GET /api/v1/fastlege/messages/:id`.
    FlMessageGet,
    /// `POST /api/v1/fastlege/messages/:id/register`.
    FlRegister,
    /// `GET /api/v1/fastlege/dashboard`.
    FlDashboard,
    /// `GET /api/v1/fastlege/chase`.
    FlChase,
    /// `POST /api/v1/frikort/claims`.
    FkClaimCreate,
    /// `GET /api/v1/frikort/claims`.
    FkClaimList,
    /// `GET /api/v1/frikort/claims/:id`.
    FkClaimGet,
    /// `PUT /api/v1/frikort/claims/:id/chunks/:n`.
    FkChunkPut,
    /// `POST /api/v1/frikort/claims/:id/submit`.
    FkSubmit,
    /// `GET /api/v1/frikort/claims/:id/lines`.
    FkLines,
    /// `POST /api/v1/frikort/claims/:id/lines/:line/decision`.
    FkDecision,
    /// `POST /api/v1/frikort/claims/:id/approve-clean`.
    FkApproveClean,
    /// `POST /api/v1/frikort/claims/:id/payment`.
    FkPayment,
    /// `POST /api/v1/frikort/claims/:id/repayment`.
    FkRepayment,
    /// `GET /api/v1/frikort/claims/:id/report`.
    FkReport,
    /// `POST /api/v1/tokens`.
    TokenCreate,
    /// `GET /api/v1/tokens`.
    TokenList,
    /// `DELETE /api/v1/tokens/:id`.
    TokenRevoke,
    /// `PUT /api/v1/kontroll/months/:month`.
    KtMonthPut,
    /// `GET /api/v1/kontroll/months/:month`.
    KtMonthGet,
    /// `GET /api/v1/overview`.
    Overview,
    /// `GET /api/v1/find`.
    Find,
    /// `POST /api/v1/fristbrudd/patient-search`.
    FbPatientSearch,
    /// `GET /api/v1/mail`.
    MailList,
    /// `POST /api/v1/mail/:id/resend`.
    MailResend,
    /// `POST /api/v1/mail/send`.
    MailSend,
    /// `GET /api/v1/session/options`.
    LoginOptions,
    /// `GET /api/v1/oidc/:provider/start`.
    OidcStart,
    /// `GET /api/v1/oidc/:provider/callback`.
    OidcCallback,
    /// `GET /api/v1/users/:id/identities`.
    IdentityList,
    /// `POST /api/v1/users/:id/identities`.
    IdentityCreate,
    /// `DELETE /api/v1/users/:id/identities/:link`.
    IdentityDelete,
}

/// What a route's request body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// `application/json` (or no body on safe methods).
    Json,
    /// `application/pdf`: one file, the raw bytes.
    Pdf,
}

/// One route: method, path pattern (`:name` segments are parameters), who
/// may call it, whether it creates something (and so takes an
/// `Idempotency-Key`), and the largest body it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    /// The route's name.
    pub id: RouteId,
    /// The HTTP method, upper case.
    pub method: &'static str,
    /// The path pattern, from `/api/v1`.
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
    /// A creating POST: requires `Idempotency-Key`.
    pub creates: bool,
    /// A change to an existing object: requires `If-Match`.
    pub conditional: bool,
    /// The largest request body, in bytes.
    pub max_body: usize,
    /// What the body must be.
    pub content: Content,
    /// Exists only in local mode (`FRIST_MODE=local`); 404 elsewhere.
    pub local_only: bool,
    /// What the route takes and answers, in a line ([`RouteId::summary`]).
    pub summary: &'static str,
}

/// The body cap of a claim chunk: 5,000 lines of about 120 bytes, with room.
pub const CHUNK_BODY: usize = 2 * 1024 * 1024;
/// The body cap of ordinary JSON routes.
pub const SMALL_BODY: usize = 16 * 1024;

/// A JSON route with the small body cap, neither creating nor conditional.
pub(super) const fn route(
    id: RouteId,
    method: &'static str,
    path: &'static str,
    access: Access,
    summary: &'static str,
) -> RouteSpec {
    RouteSpec {
        id,
        method,
        path,
        access,
        creates: false,
        conditional: false,
        max_body: SMALL_BODY,
        content: Content::Json,
        local_only: false,
        summary,
    }
}

/// Served only in local mode.
pub(super) const fn local_only(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        local_only: true,
        ..spec
    }
}

/// Takes one PDF, up to the document cap.
pub(super) const fn pdf(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        content: Content::Pdf,
        max_body: crate::fristbrudd::PDF_MAX_BYTES,
        ..spec
    }
}

/// Creates something: requires `Idempotency-Key`.
pub(super) const fn creating(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        creates: true,
        ..spec
    }
}

/// Changes an existing object: requires `If-Match`.
pub(super) const fn conditional(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        conditional: true,
        ..spec
    }
}

impl RouteId {
    /// The route's specification.
    pub fn spec(self) -> &'static RouteSpec {
        ROUTES
            .iter()
            .find(|r| r.id == self)
            .expect("every RouteId is in ROUTES (tested)")
    }

    /// What the route takes and answers, in a line, for `docs/api.md`
    /// ([`api_markdown`](super::api_markdown); the method, path, roles and
    /// headers come from [`ROUTES`] itself, and so does this line: it is
    /// written beside the route's row).
    pub fn summary(self) -> &'static str {
        self.spec().summary
    }
}
