//! The API contract: every route with the roles it allows, and the JSON the
//! routes take and give. The edge dispatches from [`ROUTES`] and authorises
//! from it in one place; the app's client and the access-table test read
//! the same table, so a new route cannot go unchecked.

use serde::{Deserialize, Serialize};

use crate::access::{OrgKind, Role, check_password};
use crate::validation::{Issue, IssueCode, Report};

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

/// Every route of the API, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum RouteId {
    Health,
    Login,
    SessionGet,
    Logout,
    OrganisationList,
    OrganisationCreate,
    OrganisationGet,
    OrganisationAccount,
    UserList,
    UserCreate,
    UserGet,
    UserUpdate,
    AuditList,
    FbCaseCreate,
    FbPatientCheck,
    FbCaseList,
    FbQueue,
    FbCaseGet,
    FbEvent,
    FbDocumentPut,
    FbDocumentGet,
    FbStats,
    OutboxList,
    Sweep,
    FlMessageCreate,
    FlMessageList,
    FlMessageGet,
    FlRegister,
    FlDashboard,
    FlChase,
    FkClaimCreate,
    FkClaimList,
    FkClaimGet,
    FkChunkPut,
    FkSubmit,
    FkLines,
    FkDecision,
    FkApproveClean,
    FkPayment,
    FkRepayment,
    FkReport,
    TokenCreate,
    TokenList,
    TokenRevoke,
    KtMonthPut,
    KtMonthGet,
    Overview,
    Find,
    FbPatientSearch,
    MailList,
    MailResend,
    MailSend,
    LoginOptions,
    OidcStart,
    OidcCallback,
    IdentityList,
    IdentityCreate,
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
    pub id: RouteId,
    pub method: &'static str,
    pub path: &'static str,
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
}

const ADMIN: &[Role] = &[Role::HelfoAdmin];
const SITE: &[Role] = &[Role::Behandlingssted];
const HELFO: &[Role] = &[Role::Helfo, Role::HelfoAdmin];
const SITE_AND_HELFO: &[Role] = &[Role::Behandlingssted, Role::Helfo, Role::HelfoAdmin];
const KOMMUNE: &[Role] = &[Role::Kommune];
const KOMMUNE_AND_HELFO: &[Role] = &[Role::Kommune, Role::Helfo, Role::HelfoAdmin];
const HF: &[Role] = &[Role::Hf];
const HF_AND_HELFO: &[Role] = &[Role::Hf, Role::Helfo, Role::HelfoAdmin];
/// The roles that may make API tokens: those with a machine path (a health
/// trust's claim files). Everyone else works in the browser.
pub const API_TOKEN_ROLES: &[Role] = &[Role::Hf];
/// The body cap of a claim chunk: 5,000 lines of about 120 bytes, with room.
pub const CHUNK_BODY: usize = 2 * 1024 * 1024;
/// The body cap of ordinary JSON routes.
pub const SMALL_BODY: usize = 16 * 1024;

const fn route(id: RouteId, method: &'static str, path: &'static str, access: Access) -> RouteSpec {
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
    }
}

const fn local_only(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        local_only: true,
        ..spec
    }
}

const fn pdf(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        content: Content::Pdf,
        max_body: crate::fristbrudd::PDF_MAX_BYTES,
        ..spec
    }
}

const fn creating(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        creates: true,
        ..spec
    }
}

const fn conditional(spec: RouteSpec) -> RouteSpec {
    RouteSpec {
        conditional: true,
        ..spec
    }
}

/// The whole API.
pub const ROUTES: &[RouteSpec] = &[
    route(RouteId::Health, "GET", "/api/v1/health", Access::Public),
    route(RouteId::Login, "POST", "/api/v1/session", Access::Public),
    route(
        RouteId::SessionGet,
        "GET",
        "/api/v1/session",
        Access::AnyRole,
    ),
    route(
        RouteId::Logout,
        "DELETE",
        "/api/v1/session",
        Access::AnyRole,
    ),
    route(
        RouteId::OrganisationList,
        "GET",
        "/api/v1/organisations",
        Access::AnyRole,
    ),
    creating(route(
        RouteId::OrganisationCreate,
        "POST",
        "/api/v1/organisations",
        Access::Roles(ADMIN),
    )),
    route(
        RouteId::OrganisationGet,
        "GET",
        "/api/v1/organisations/:id",
        Access::AnyRole,
    ),
    route(
        RouteId::OrganisationAccount,
        "PUT",
        "/api/v1/organisations/:id/payout-account",
        Access::Roles(ADMIN),
    ),
    route(RouteId::UserList, "GET", "/api/v1/users", Access::AnyRole),
    creating(route(
        RouteId::UserCreate,
        "POST",
        "/api/v1/users",
        Access::Roles(ADMIN),
    )),
    route(
        RouteId::UserGet,
        "GET",
        "/api/v1/users/:id",
        Access::AnyRole,
    ),
    conditional(route(
        RouteId::UserUpdate,
        "PATCH",
        "/api/v1/users/:id",
        Access::Roles(ADMIN),
    )),
    route(RouteId::AuditList, "GET", "/api/v1/audit", Access::AnyRole),
    creating(route(
        RouteId::FbCaseCreate,
        "POST",
        "/api/v1/fristbrudd/cases",
        Access::Roles(SITE),
    )),
    route(
        RouteId::FbPatientCheck,
        "POST",
        "/api/v1/fristbrudd/patient-check",
        Access::Roles(SITE),
    ),
    route(
        RouteId::FbCaseList,
        "GET",
        "/api/v1/fristbrudd/cases",
        Access::Roles(SITE_AND_HELFO),
    ),
    route(
        RouteId::FbQueue,
        "GET",
        "/api/v1/fristbrudd/queue",
        Access::Roles(HELFO),
    ),
    route(
        RouteId::FbCaseGet,
        "GET",
        "/api/v1/fristbrudd/cases/:id",
        Access::Roles(SITE_AND_HELFO),
    ),
    conditional(route(
        RouteId::FbEvent,
        "POST",
        "/api/v1/fristbrudd/cases/:id/events",
        Access::Roles(SITE_AND_HELFO),
    )),
    pdf(conditional(route(
        RouteId::FbDocumentPut,
        "PUT",
        "/api/v1/fristbrudd/cases/:id/document",
        Access::Roles(SITE),
    ))),
    route(
        RouteId::FbDocumentGet,
        "GET",
        "/api/v1/fristbrudd/cases/:id/document",
        Access::Roles(SITE_AND_HELFO),
    ),
    route(
        RouteId::FbStats,
        "GET",
        "/api/v1/fristbrudd/stats",
        Access::Roles(HELFO),
    ),
    local_only(route(
        RouteId::OutboxList,
        "GET",
        "/api/v1/outbox",
        Access::AnyRole,
    )),
    local_only(route(
        RouteId::Sweep,
        "POST",
        "/api/v1/sweep",
        Access::Roles(ADMIN),
    )),
    creating(route(
        RouteId::FlMessageCreate,
        "POST",
        "/api/v1/fastlege/messages",
        Access::Roles(KOMMUNE),
    )),
    route(
        RouteId::FlMessageList,
        "GET",
        "/api/v1/fastlege/messages",
        Access::Roles(KOMMUNE_AND_HELFO),
    ),
    route(
        RouteId::FlMessageGet,
        "GET",
        "/api/v1/fastlege/messages/:id",
        Access::Roles(KOMMUNE_AND_HELFO),
    ),
    conditional(route(
        RouteId::FlRegister,
        "POST",
        "/api/v1/fastlege/messages/:id/register",
        Access::Roles(HELFO),
    )),
    route(
        RouteId::FlDashboard,
        "GET",
        "/api/v1/fastlege/dashboard",
        Access::Roles(KOMMUNE_AND_HELFO),
    ),
    route(
        RouteId::FlChase,
        "GET",
        "/api/v1/fastlege/chase",
        Access::Roles(HELFO),
    ),
    creating(route(
        RouteId::FkClaimCreate,
        "POST",
        "/api/v1/frikort/claims",
        Access::Roles(HF),
    )),
    route(
        RouteId::FkClaimList,
        "GET",
        "/api/v1/frikort/claims",
        Access::Roles(HF_AND_HELFO),
    ),
    route(
        RouteId::FkClaimGet,
        "GET",
        "/api/v1/frikort/claims/:id",
        Access::Roles(HF_AND_HELFO),
    ),
    RouteSpec {
        max_body: CHUNK_BODY,
        ..route(
            RouteId::FkChunkPut,
            "PUT",
            "/api/v1/frikort/claims/:id/chunks/:n",
            Access::Roles(HF),
        )
    },
    route(
        RouteId::FkSubmit,
        "POST",
        "/api/v1/frikort/claims/:id/submit",
        Access::Roles(HF),
    ),
    route(
        RouteId::FkLines,
        "GET",
        "/api/v1/frikort/claims/:id/lines",
        Access::Roles(HF_AND_HELFO),
    ),
    route(
        RouteId::FkDecision,
        "POST",
        "/api/v1/frikort/claims/:id/lines/:line/decision",
        Access::Roles(HELFO),
    ),
    route(
        RouteId::FkApproveClean,
        "POST",
        "/api/v1/frikort/claims/:id/approve-clean",
        Access::Roles(HELFO),
    ),
    conditional(route(
        RouteId::FkPayment,
        "POST",
        "/api/v1/frikort/claims/:id/payment",
        Access::Roles(HELFO),
    )),
    conditional(route(
        RouteId::FkRepayment,
        "POST",
        "/api/v1/frikort/claims/:id/repayment",
        Access::Roles(HELFO),
    )),
    route(
        RouteId::FkReport,
        "GET",
        "/api/v1/frikort/claims/:id/report",
        Access::Roles(HF_AND_HELFO),
    ),
    // API tokens only for the roles with a machine path (the claim files of
    // `frist frikort submit`). Not `creating`: the token must never sit in
    // an idempotency record.
    route(
        RouteId::TokenCreate,
        "POST",
        "/api/v1/tokens",
        Access::Roles(API_TOKEN_ROLES),
    ),
    route(
        RouteId::TokenList,
        "GET",
        "/api/v1/tokens",
        Access::Roles(API_TOKEN_ROLES),
    ),
    route(
        RouteId::TokenRevoke,
        "DELETE",
        "/api/v1/tokens/:id",
        Access::Roles(API_TOKEN_ROLES),
    ),
    // A month's sums replace the last ones sent: a PUT, safe to repeat.
    RouteSpec {
        max_body: 64 * 1024,
        ..route(
            RouteId::KtMonthPut,
            "PUT",
            "/api/v1/kontroll/months/:month",
            Access::Roles(KOMMUNE),
        )
    },
    route(
        RouteId::KtMonthGet,
        "GET",
        "/api/v1/kontroll/months/:month",
        Access::Roles(KOMMUNE_AND_HELFO),
    ),
    // The front page's counts and the number search: every role, each
    // scoped to what it may see.
    route(
        RouteId::Overview,
        "GET",
        "/api/v1/overview",
        Access::AnyRole,
    ),
    route(RouteId::Find, "GET", "/api/v1/find", Access::AnyRole),
    route(
        RouteId::FbPatientSearch,
        "POST",
        "/api/v1/fristbrudd/patient-search",
        Access::Roles(HELFO),
    ),
    // E-mail delivery (issue 26): the administrator sees it in production
    // too; running the sender on demand is for tests and `make dev`.
    route(
        RouteId::MailList,
        "GET",
        "/api/v1/mail",
        Access::Roles(ADMIN),
    ),
    route(
        RouteId::MailResend,
        "POST",
        "/api/v1/mail/:id/resend",
        Access::Roles(ADMIN),
    ),
    local_only(route(
        RouteId::MailSend,
        "POST",
        "/api/v1/mail/send",
        Access::Roles(ADMIN),
    )),
    // Sign-in through HelseID and ID-porten (issue 25): the edge is the
    // OpenID client; the browser only follows redirects and gets frist's
    // own session cookie.
    route(
        RouteId::LoginOptions,
        "GET",
        "/api/v1/session/options",
        Access::Public,
    ),
    route(
        RouteId::OidcStart,
        "GET",
        "/api/v1/oidc/:provider/start",
        Access::Public,
    ),
    route(
        RouteId::OidcCallback,
        "GET",
        "/api/v1/oidc/:provider/callback",
        Access::Public,
    ),
    route(
        RouteId::IdentityList,
        "GET",
        "/api/v1/users/:id/identities",
        Access::Roles(ADMIN),
    ),
    creating(route(
        RouteId::IdentityCreate,
        "POST",
        "/api/v1/users/:id/identities",
        Access::Roles(ADMIN),
    )),
    route(
        RouteId::IdentityDelete,
        "DELETE",
        "/api/v1/users/:id/identities/:link",
        Access::Roles(ADMIN),
    ),
];

impl RouteId {
    /// The route's specification.
    pub fn spec(self) -> &'static RouteSpec {
        ROUTES
            .iter()
            .find(|r| r.id == self)
            .expect("every RouteId is in ROUTES (tested)")
    }

    /// What the route takes and answers, in a line, for `docs/api.md`
    /// ([`api_markdown`]; the method, path, roles and headers come from
    /// [`ROUTES`] itself).
    pub const fn summary(self) -> &'static str {
        use RouteId as R;
        match self {
            R::Health => {
                "version, whether D1 answers, the mode; `503 misconfigured` names a missing secret"
            }
            R::Login => {
                "log in: `{\"email\", \"password\"}` → 201 with the session cookie; the throttle counts the attempt first"
            }
            R::SessionGet => {
                "who is logged in, with `expires_at` (idle) and `absolute_expires_at`, and the key the browser encrypts this user's drafts with"
            }
            R::Logout => {
                "log out: ends the session in D1 and clears the cookie; after a HelseID or ID-porten sign-in, 200 with `{\"end_session_url\"}` to end the provider's session too"
            }
            R::OrganisationList => "organisations: the caller's own; Helfo sees all",
            R::OrganisationCreate => {
                "`{\"name\", \"orgnr\", \"kind\"}`; the orgnr is checked (ID-3)"
            }
            R::OrganisationGet => "one organisation: the caller's own; Helfo any",
            R::OrganisationAccount => {
                "`{\"account\"}`: the account the RHF has set for refunds (FK-9, ID-5)"
            }
            R::UserList => "users of the caller's organisation; Helfo sees all",
            R::UserCreate => {
                "`{\"name\", \"email\", \"role\", \"organisation_id\", \"password\"}`; the role must fit the organisation's kind"
            }
            R::UserGet => "one user, with `ETag: \"<version>\"`",
            R::UserUpdate => {
                "`{\"name\"?, \"active\"?, \"password\"?}`; deactivation and a password reset end the user's sessions and tokens; a reset clears the account's lock"
            }
            R::AuditList => {
                "newest first, `?object_id=`, `?object_kind=`; Helfo reads all, others the entries about or by their organisation"
            }
            R::FbCaseCreate => {
                "the notification (FB-1) → 201 with the case number and no personal data; one open case per patient per site"
            }
            R::FbPatientCheck => {
                "`{\"patient_fnr\"}` → `{\"open_case\"}`: the number travels in the body, never a URL; audited"
            }
            R::FbCaseList => {
                "`?state=` a state, `open` or `closed`; next deadline first; fødselsnummer masked, no names; audited"
            }
            R::FbQueue => "open cases in FB-3 order: confirmed urgent, fristdato, arrival; audited",
            R::FbCaseGet => {
                "the whole case: deadlines, what the site must do, the transitions the caller may make now, history; audited"
            }
            R::FbEvent => {
                "`{\"event\": \"letter_sent\", \"sent\": \"30.03.2026\"}`; a date the case's dates refuse is a 422 at its field, a step the rules refuse a 409 naming the allowed ones"
            }
            R::FbDocumentPut => "one PDF, sniffed by content (FB-7), stored in R2",
            R::FbDocumentGet => "the PDF, named by the case number; audited",
            R::FbStats => "FB-11 per month of notification",
            R::OutboxList => {
                "every e-mail with its body, for the demo (FB-9, FL-7); Helfo sees all, others their own"
            }
            R::Sweep => "runs the daily FB-4/FB-5 sweep as of `{\"today\"}`; idempotent",
            R::FlMessageCreate => {
                "one message of any kind, `{\"schema_version\", \"kind\", \"contact\", …}`; an older `schema_version` is a 422 `schema_outdated` (FL-12); warnings come back with the number"
            }
            R::FlMessageList => "`?status=`; soonest effective first, with the timeline and class",
            R::FlMessageGet => "one message as sent, with its timeline",
            R::FlRegister => {
                "FL-8: `{\"letters\"?}` (default: the citizens moved); a second registration is a 409"
            }
            R::FlDashboard => {
                "upcoming terminations; every termination with no new GP or list yet, ended or not (what FL-7 chases once its day comes); GPs reaching the age limit (FL-1)"
            }
            R::FlChase => {
                "FL-7: agreements with no message one month before their end, chased from the day after"
            }
            R::FkClaimCreate => {
                "announces a claim: `{\"file_name\", \"aware\"?, \"lines\", \"chunks\", \"fingerprint\"?, \"resend\"?}`; a file sent before is a 409 `file_already_sent` naming the claim, unless `resend`"
            }
            R::FkClaimList => {
                "received claims by due date first; `?file=<fingerprint>` finds the claims made from one file"
            }
            R::FkClaimGet => "one claim; `chunks_received` lets an upload resume",
            R::FkChunkPut => {
                "up to 5,000 `{\"line\", \"fodselsnummer\", …}` lines, each checked again; the chunk number is the idempotency key (a repeat replays the answer, another body is a 409)"
            }
            R::FkSubmit => {
                "received only when every chunk is in (409 naming the missing ones); sets the FK-3 due date"
            }
            R::FkLines => {
                "`?only=issues|undecided`; lines in file order, fødselsnummer masked; audited"
            }
            R::FkDecision => {
                "`{\"decision\", \"reason\"?, \"note\"?, \"amount\"?}`; a deviation needs a reason, `other` a note, and no more than was claimed (FK-5)"
            }
            R::FkApproveClean => "approves every valid line without issues",
            R::FkPayment => {
                "`{\"paid_on\", \"amount\", \"account\"}`: pays the approved lines not yet paid (FK-4), to the account on record (FK-9)"
            }
            R::FkRepayment => {
                "`{\"payment\", \"amount\", \"cause\", \"reason\"}` (FK-7); refused after the FK-6 bar, and when the cause is Helfo's own wrong information"
            }
            R::FkReport => "the settlement report as CSV, formulas neutralised; audited",
            R::TokenCreate => {
                "`{\"name\"}` → an API token for programs, shown once; 90 days; never made with a token"
            }
            R::TokenList => "the caller's tokens: name, made, last used, expiry, revoked",
            R::TokenRevoke => "revokes one of the caller's own tokens",
            R::KtMonthPut => {
                "CTRL-9: `{\"doctors\": [{\"hpr\", \"refund_ore\", \"listed\", \"bills\"}]}` for `YYYY-MM`, the municipality's own doctors only, replacing what it sent for that month; answers the comparison"
            }
            R::KtMonthGet => {
                "`?peers=class|all`: the month's distribution; a municipality sees its own doctors by HPR and others as bare values, Helfo all"
            }
            R::Overview => {
                "the front page's counts per area: open, new, overdue, due within 7 days, what the hospital must act on, chased agreements; scoped like the lists"
            }
            R::Find => {
                "`?number=` a case, message or claim number as typed → `{\"kind\", \"id\", \"number\"}`; 404 when the caller may not see it"
            }
            R::FbPatientSearch => {
                "`{\"patient_fnr\"}` → every case of the patient, open first; the number travels in the body, never a URL; audited by the cases found"
            }
            R::MailList => {
                "newest first, `?state=queued|sending|sent|failed|uncertain`: each e-mail's kind, recipient, subject, state, attempts and last error — never the body"
            }
            R::MailResend => {
                "queues a `failed` or `uncertain` e-mail again with its attempts reset (409 for any other state); audited"
            }
            R::MailSend => {
                "runs the sender now, as of `{\"at\"}` (Unix ms) or the request's time: `{\"sent\", \"retrying\", \"failed\", \"uncertain\"}`"
            }
            R::LoginOptions => {
                "what the login page offers: `{\"providers\": [{\"id\", \"name\"}], \"password\"}` (no password login in production unless `FRIST_PASSWORD_LOGIN=on`)"
            }
            R::OidcStart => {
                "`?next=` a path in the app: a pushed authorization request (PAR, PKCE, state, nonce) signed in with `private_key_jwt`, then 303 to the provider"
            }
            R::OidcCallback => {
                "the provider's answer: code exchanged (DPoP where the provider binds tokens), ID token verified against the provider's keys; a linked person gets a session and 303 to the app, anyone else 303 to the login page with `?innlogging=<refusal>`; audited either way"
            }
            R::IdentityList => {
                "the sign-in identities linked to a user (HPR number, national number masked, `sub`)"
            }
            R::IdentityCreate => {
                "`{\"provider\", \"kind\", \"value\"}`: links a person at HelseID or ID-porten to this user; one person, one user"
            }
            R::IdentityDelete => "removes a link: the person can no longer sign in as this user",
        }
    }
}

/// Who may call, in words, for `docs/api.md`.
fn access_words(access: Access) -> String {
    match access {
        Access::Public => "anyone".into(),
        Access::AnyRole => "any role".into(),
        Access::Roles(roles) => roles
            .iter()
            .map(|r| format!("`{}`", r.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `docs/api.md`: every route of [`ROUTES`] in order, with who may call it,
/// what it requires and what it does. `shared/tests/api_doc.rs` fails when
/// the file differs (`make docs` writes it).
pub fn api_markdown() -> String {
    let mut out = String::from(
        "# The API (`/api/v1`)\n\n\
         <!-- generated from shared/src/api.rs (ROUTES, RouteId::summary) by `make docs`; \
         shared/tests/api_doc.rs fails when this file is stale -->\n\n\
         Every route with who may call it (the edge refuses anyone else with 403, \
         and answers 404 for another organisation's object), what it requires, and \
         what it does. Errors are `application/problem+json` with field issues.\n\n\
         | route | who | requires | what |\n|---|---|---|---|\n",
    );
    for r in ROUTES {
        let mut needs = Vec::new();
        if r.creates {
            needs.push("`Idempotency-Key`".to_owned());
        }
        if r.conditional {
            needs.push("`If-Match`".to_owned());
        }
        if r.content == Content::Pdf {
            needs.push("`application/pdf`".to_owned());
        }
        if r.max_body != SMALL_BODY && r.method != "GET" {
            needs.push(format!("body ≤ {} KB", r.max_body / 1024));
        }
        if r.local_only {
            needs.push("local mode only".to_owned());
        }
        let needs = if needs.is_empty() {
            "–".to_owned()
        } else {
            needs.join(", ")
        };
        out.push_str(&format!(
            "| `{} {}` | {} | {} | {} |\n",
            r.method,
            r.path,
            access_words(r.access),
            needs,
            r.id.summary().replace('|', "\\|"),
        ));
    }
    out
}

/// A matched route and its path parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteMatch<'a> {
    pub spec: &'static RouteSpec,
    pub params: Vec<(&'static str, &'a str)>,
}

impl RouteMatch<'_> {
    /// A path parameter by name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

/// Why no route matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRoute {
    NotFound,
    /// The path exists with other methods.
    MethodNotAllowed {
        allowed: Vec<&'static str>,
    },
}

/// Finds the route for `method` and `path`.
pub fn find_route<'a>(method: &str, path: &'a str) -> Result<RouteMatch<'a>, NoRoute> {
    let mut allowed = Vec::new();
    for spec in ROUTES {
        let Some(params) = match_path(spec.path, path) else {
            continue;
        };
        if spec.method == method {
            return Ok(RouteMatch { spec, params });
        }
        allowed.push(spec.method);
    }
    if allowed.is_empty() {
        Err(NoRoute::NotFound)
    } else {
        Err(NoRoute::MethodNotAllowed { allowed })
    }
}

fn match_path<'a>(pattern: &'static str, path: &'a str) -> Option<Vec<(&'static str, &'a str)>> {
    let mut params = Vec::new();
    let mut want = pattern.split('/');
    let mut got = path.strip_suffix('/').unwrap_or(path).split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(params),
            (Some(w), Some(g)) => {
                if let Some(name) = w.strip_prefix(':') {
                    if g.is_empty() {
                        return None;
                    }
                    params.push((name, g));
                } else if w != g {
                    return None;
                }
            }
            _ => return None,
        }
    }
}

/// `POST /api/v1/session`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

impl LoginRequest {
    /// Only that both are given; whether they are right is the edge's
    /// business, and it never says which one was wrong.
    pub fn validate(&self) -> Report {
        let mut report = Report::new();
        if self.email.trim().is_empty() {
            report.push(Issue::error("email", IssueCode::Required));
        }
        if self.password.is_empty() {
            report.push(Issue::error("password", IssueCode::Required));
        }
        report
    }
}

/// An API token as its owner sees it: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenView {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub created_ms: i64,
    pub expires_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    /// Neither revoked nor expired.
    pub active: bool,
}

/// An organisation as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub id: String,
    pub name: String,
    pub orgnr: String,
    pub kind: OrgKind,
    /// FK-9: the account refunds are paid to, as the RHF has set it.
    #[serde(default)]
    pub payout_account: Option<String>,
    pub created_at: String,
}

/// `PUT /api/v1/organisations/:id/payout-account` (administrators): FK-9,
/// the account the RHF has set for the health trust's refunds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PayoutAccountForm {
    pub account: String,
}

impl PayoutAccountForm {
    /// The account as stored (11 digits), or what is wrong with it (ID-5).
    ///
    /// ```
    /// use frist_domain::api::PayoutAccountForm;
    /// let form = PayoutAccountForm { account: "8601 11 17947".into() };
    /// assert_eq!(form.check().unwrap(), "86011117947");
    /// ```
    pub fn check(&self) -> Result<String, Report> {
        if self.account.trim().is_empty() {
            return Err(Report::of(Issue::error("account", IssueCode::Required)));
        }
        self.account
            .parse::<crate::ids::Kontonummer>()
            .map(|k| k.as_str())
            .map_err(|e| Report::of(Issue::from_id_error("account", e)))
    }
}

/// A user as the API shows it. `version` is the object version that
/// `If-Match` must name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub organisation_id: String,
    pub active: bool,
    pub version: i64,
    pub created_at: String,
}

/// `GET /api/v1/session`: who is logged in, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub user: UserView,
    pub organisation: OrganisationView,
    /// When the session ends unless used again (Unix ms).
    pub expires_at: i64,
    /// When the session ends whatever happens (Unix ms).
    pub absolute_expires_at: i64,
    /// Milliseconds until the session ends unless used again, counted by
    /// the edge's clock: the app warns two minutes before, whatever the
    /// browser's clock says.
    #[serde(default)]
    pub remaining_ms: i64,
    /// `local` or `production`.
    pub mode: String,
    /// The key (hex, 256 bits) the browser encrypts this user's drafts
    /// with: derived by the edge from a server secret and the user, given
    /// only to that user's session, kept only in memory by the app.
    #[serde(default)]
    pub draft_key: Option<String>,
    /// Names this user's drafts in the browser's store (a keyed hash of the
    /// user, so the store says nothing of who they are).
    #[serde(default)]
    pub draft_owner: Option<String>,
}

/// `PATCH /api/v1/users/:id`: what an administrator may change. Fields left
/// out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UserPatch {
    pub name: Option<String>,
    pub active: Option<bool>,
    /// A new password (a reset); ends the user's sessions.
    pub password: Option<String>,
}

impl UserPatch {
    /// Every problem with the change; `email` is the user's address.
    pub fn validate(&self, email: &str) -> Report {
        let mut report = Report::new();
        if let Some(name) = &self.name {
            crate::access::check_name(&mut report, "name", name);
        }
        if let Some(pw) = &self.password {
            check_password(&mut report, "password", pw, email);
        }
        report
    }

    /// Whether the change asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.active.is_none() && self.password.is_none()
    }
}

/// One entry of the audit log: who did what to which object, when, from
/// which session. Never personal data: objects are named by id only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub action: String,
    pub object_kind: String,
    pub object_id: Option<String>,
    /// The organisation the object belongs to.
    pub organisation_id: Option<String>,
    pub actor_user_id: Option<String>,
    pub actor_organisation_id: Option<String>,
    pub session_id: Option<String>,
    /// A read of a list: every object shown, as a JSON array of ids.
    #[serde(default)]
    pub object_ids: Option<String>,
    /// A keyed hash of the client's address.
    #[serde(default)]
    pub client: Option<String>,
}

/// A page of a list, newest or alphabetical first as the route says; pass
/// `next_cursor` as `?cursor=` for the next page. `None` on the last page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Page sizes: default and largest.
pub const PAGE_DEFAULT: i64 = 50;
pub const PAGE_MAX: i64 = 200;

/// Reads `?limit=`: a whole number from 1 to [`PAGE_MAX`].
pub fn parse_limit(value: Option<&str>) -> Result<i64, Issue> {
    match value {
        None | Some("") => Ok(PAGE_DEFAULT),
        Some(v) => match v.parse::<i64>() {
            Ok(n) if (1..=PAGE_MAX).contains(&n) => Ok(n),
            _ => Err(Issue::error("limit", IssueCode::NumberOutOfRange)
                .with("min", 1i64)
                .with("max", PAGE_MAX)),
        },
    }
}

/// `GET /api/v1/overview`: the caller's work, counted, for the front page
/// (issue 24). An area the caller's role has no work in is absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// The day the counts are for (Europe/Oslo).
    pub today: chrono::NaiveDate,
    /// Helfo: every open case; a hospital: its own.
    pub fristbrudd: Option<WorkCounts>,
    /// Helfo: messages to register; a municipality: its messages Helfo has
    /// not registered yet.
    pub fastlege: Option<WorkCounts>,
    /// FL-7: terminations with no new GP or vacant list whose chase date
    /// has come — the very list Helfo asks about (a municipality: its own).
    pub chase: Option<u32>,
    /// Helfo: claims to settle; a health trust: its claims Helfo has not
    /// settled.
    pub frikort: Option<WorkCounts>,
}

/// An area's open items by where their deadline stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCounts {
    pub open: u32,
    /// Not yet taken up: a fristbrudd case Helfo has not started on, a
    /// claim with no line decided. Absent where it means nothing.
    pub new: Option<u32>,
    /// The deadline has passed.
    pub overdue: u32,
    /// The deadline is today or within seven days.
    pub due_this_week: u32,
    /// A hospital: cases where it must act now (documentation, the waiting
    /// list, an appointment date). A health trust: claims begun and not
    /// sent.
    pub act_now: Option<u32>,
}

/// Which kind of object a number names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum NumberKind {
    /// `FB-åååå-nnnnnn`, a fristbrudd case.
    Case,
    /// `FL-åååå-nnnnnn`, a fastlege message.
    Message,
    /// `FK-åååå-nnnnnn`, a frikort claim.
    Claim,
}

/// `GET /api/v1/find?number=`: the object a number names, if the caller
/// may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub kind: NumberKind,
    pub id: String,
    pub number: String,
}

/// Reads a case, message or claim number as people type it — any case,
/// with or without the dashes, the sequence with or without its leading
/// zeros — into the stored form `FB-2026-000123`.
///
/// ```
/// use frist_domain::api::{NumberKind, parse_number};
/// assert_eq!(parse_number(" fb-2026-123 "), Ok((NumberKind::Case, "FB-2026-000123".into())));
/// assert_eq!(parse_number("FL2026000001"), Ok((NumberKind::Message, "FL-2026-000001".into())));
/// assert!(parse_number("FX-2026-000001").is_err());
/// assert!(parse_number("FK-2026-1234567").is_err());
/// ```
pub fn parse_number(text: &str) -> Result<(NumberKind, String), Issue> {
    let bad = || Issue::error("number", IssueCode::NotANumberOfFrist);
    let t: String = text
        .trim()
        .chars()
        .filter(|c| *c != '-' && *c != ' ')
        .collect::<String>()
        .to_ascii_uppercase();
    if !t.is_ascii() || t.len() < 7 {
        return Err(bad());
    }
    let (prefix, rest) = t.split_at(2);
    let kind = match prefix {
        "FB" => NumberKind::Case,
        "FL" => NumberKind::Message,
        "FK" => NumberKind::Claim,
        _ => return Err(bad()),
    };
    let (year, seq) = rest.split_at(4);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year) || !digits(seq) || seq.len() > 6 {
        return Err(bad());
    }
    let seq: u32 = seq.parse().map_err(|_| bad())?;
    Ok((kind, format!("{prefix}-{year}-{seq:06}")))
}

/// `POST /api/v1/fristbrudd/patient-search` (Helfo): a patient's cases,
/// found by fødselsnummer — in the body, never in a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PatientSearch {
    pub patient_fnr: String,
}

/// An `application/problem+json` body (RFC 9457) as frist sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// In bokmål.
    pub detail: String,
    pub detail_en: String,
    #[serde(default)]
    pub issues: Vec<Issue>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_route_id_is_in_the_table_exactly_once() {
        for id in RouteId::iter() {
            assert_eq!(ROUTES.iter().filter(|r| r.id == id).count(), 1, "{id:?}");
        }
        assert_eq!(ROUTES.len(), RouteId::iter().count());
    }

    #[test]
    fn routes_match_with_parameters_and_say_which_methods_exist() {
        let m = find_route("GET", "/api/v1/users/u_abc").unwrap();
        assert_eq!(m.spec.id, RouteId::UserGet);
        assert_eq!(m.param("id"), Some("u_abc"));
        assert_eq!(
            find_route("GET", "/api/v1/users/").unwrap().spec.id,
            RouteId::UserList
        );
        assert_eq!(
            find_route("GET", "/api/v1/users/a/b"),
            Err(NoRoute::NotFound)
        );
        assert_eq!(
            find_route("PUT", "/api/v1/session"),
            Err(NoRoute::MethodNotAllowed {
                allowed: vec!["POST", "GET", "DELETE"]
            })
        );
    }

    #[test]
    fn creating_routes_are_posts_and_conditional_routes_change_something() {
        for r in ROUTES {
            if r.creates {
                assert_eq!(r.method, "POST", "{:?}", r.id);
            }
            if r.conditional {
                // A POST of an event to an object changes that object.
                assert!(
                    matches!(r.method, "PATCH" | "PUT" | "DELETE" | "POST") && !r.creates,
                    "{:?}",
                    r.id
                );
            }
        }
    }

    #[test]
    fn only_admins_manage_accounts() {
        for id in [
            RouteId::OrganisationCreate,
            RouteId::UserCreate,
            RouteId::UserUpdate,
        ] {
            let a = id.spec().access;
            assert!(a.allows(Role::HelfoAdmin));
            for r in [Role::Helfo, Role::Kommune, Role::Hf, Role::Behandlingssted] {
                assert!(!a.allows(r), "{id:?} {r:?}");
            }
        }
    }

    #[test]
    fn limits_are_checked() {
        assert_eq!(parse_limit(None), Ok(PAGE_DEFAULT));
        assert_eq!(parse_limit(Some("5")), Ok(5));
        assert_eq!(
            parse_limit(Some("0")).unwrap_err().code,
            IssueCode::NumberOutOfRange
        );
        assert!(parse_limit(Some("201")).is_err());
        assert!(parse_limit(Some("ti")).is_err());
    }
}
