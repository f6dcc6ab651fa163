//! The route table: every route of the API, in the order `docs/api.md`
//! lists them.

use super::route::{
    Access, CHUNK_BODY, RouteId, RouteSpec, conditional, creating, local_only, pdf, route,
};
use crate::access::Role;

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

/// The whole API.
pub const ROUTES: &[RouteSpec] = &[
    route(
        RouteId::Health,
        "GET",
        "/api/v1/health",
        Access::Public,
        "version, whether D1 answers, the mode; `503 misconfigured` names a missing secret",
    ),
    route(
        RouteId::Login,
        "POST",
        "/api/v1/session",
        Access::Public,
        "log in: `{\"email\", \"password\"}` → 201 with the session cookie; the throttle counts the attempt first",
    ),
    route(
        RouteId::SessionGet,
        "GET",
        "/api/v1/session",
        Access::AnyRole,
        "who is logged in, with `expires_at` (idle) and `absolute_expires_at`, and the key the browser encrypts this user's drafts with",
    ),
    route(
        RouteId::Logout,
        "DELETE",
        "/api/v1/session",
        Access::AnyRole,
        "log out: ends the session in D1 and clears the cookie; after a HelseID or ID-porten sign-in, 200 with `{\"end_session_url\"}` to end the provider's session too",
    ),
    route(
        RouteId::OrganisationList,
        "GET",
        "/api/v1/organisations",
        Access::AnyRole,
        "organisations: the caller's own; Helfo sees all",
    ),
    creating(route(
        RouteId::OrganisationCreate,
        "POST",
        "/api/v1/organisations",
        Access::Roles(ADMIN),
        "`{\"name\", \"orgnr\", \"kind\"}`; the orgnr is checked (ID-3)",
    )),
    route(
        RouteId::OrganisationGet,
        "GET",
        "/api/v1/organisations/:id",
        Access::AnyRole,
        "one organisation: the caller's own; Helfo any",
    ),
    route(
        RouteId::OrganisationAccount,
        "PUT",
        "/api/v1/organisations/:id/payout-account",
        Access::Roles(ADMIN),
        "`{\"account\"}`: the account the RHF has set for refunds (FK-9, ID-5)",
    ),
    route(
        RouteId::UserList,
        "GET",
        "/api/v1/users",
        Access::AnyRole,
        "users of the caller's organisation; Helfo sees all",
    ),
    creating(route(
        RouteId::UserCreate,
        "POST",
        "/api/v1/users",
        Access::Roles(ADMIN),
        "`{\"name\", \"email\", \"role\", \"organisation_id\", \"password\"}`; the role must fit the organisation's kind",
    )),
    route(
        RouteId::UserGet,
        "GET",
        "/api/v1/users/:id",
        Access::AnyRole,
        "one user, with `ETag: \"<version>\"`",
    ),
    conditional(route(
        RouteId::UserUpdate,
        "PATCH",
        "/api/v1/users/:id",
        Access::Roles(ADMIN),
        "`{\"name\"?, \"active\"?, \"password\"?}`; deactivation and a password reset end the user's sessions and tokens; a reset clears the account's lock",
    )),
    route(
        RouteId::AuditList,
        "GET",
        "/api/v1/audit",
        Access::AnyRole,
        "newest first, `?object_id=`, `?object_kind=`; Helfo reads all, others the entries about or by their organisation",
    ),
    creating(route(
        RouteId::FbCaseCreate,
        "POST",
        "/api/v1/fristbrudd/cases",
        Access::Roles(SITE),
        "the notification (FB-1) → 201 with the case number and no personal data; one open case per patient per site",
    )),
    route(
        RouteId::FbPatientCheck,
        "POST",
        "/api/v1/fristbrudd/patient-check",
        Access::Roles(SITE),
        "`{\"patient_fnr\"}` → `{\"open_case\"}`: the number travels in the body, never a URL; audited",
    ),
    route(
        RouteId::FbCaseList,
        "GET",
        "/api/v1/fristbrudd/cases",
        Access::Roles(SITE_AND_HELFO),
        "`?state=` a state, `open` or `closed`; next deadline first; fødselsnummer masked, no names; audited",
    ),
    route(
        RouteId::FbQueue,
        "GET",
        "/api/v1/fristbrudd/queue",
        Access::Roles(HELFO),
        "open cases in FB-3 order: confirmed urgent, fristdato, arrival; audited",
    ),
    route(
        RouteId::FbCaseGet,
        "GET",
        "/api/v1/fristbrudd/cases/:id",
        Access::Roles(SITE_AND_HELFO),
        "the whole case: deadlines, what the site must do, the transitions the caller may make now, history; audited",
    ),
    conditional(route(
        RouteId::FbEvent,
        "POST",
        "/api/v1/fristbrudd/cases/:id/events",
        Access::Roles(SITE_AND_HELFO),
        "`{\"event\": \"letter_sent\", \"sent\": \"30.03.2026\"}`; a date the case's dates refuse is a 422 at its field, a step the rules refuse a 409 naming the allowed ones",
    )),
    pdf(conditional(route(
        RouteId::FbDocumentPut,
        "PUT",
        "/api/v1/fristbrudd/cases/:id/document",
        Access::Roles(SITE),
        "one PDF, sniffed by content (FB-7), stored in R2",
    ))),
    route(
        RouteId::FbDocumentGet,
        "GET",
        "/api/v1/fristbrudd/cases/:id/document",
        Access::Roles(SITE_AND_HELFO),
        "the PDF, named by the case number; audited",
    ),
    route(
        RouteId::FbStats,
        "GET",
        "/api/v1/fristbrudd/stats",
        Access::Roles(HELFO),
        "FB-11 per month of notification",
    ),
    local_only(route(
        RouteId::OutboxList,
        "GET",
        "/api/v1/outbox",
        Access::AnyRole,
        "every e-mail with its body, for the demo (FB-9, FL-7); Helfo sees all, others their own",
    )),
    local_only(route(
        RouteId::Sweep,
        "POST",
        "/api/v1/sweep",
        Access::Roles(ADMIN),
        "runs the daily FB-4/FB-5 sweep as of `{\"today\"}`; idempotent",
    )),
    creating(route(
        RouteId::FlMessageCreate,
        "POST",
        "/api/v1/fastlege/messages",
        Access::Roles(KOMMUNE),
        "one message of any kind, `{\"schema_version\", \"kind\", \"contact\", …}`; an older `schema_version` is a 422 `schema_outdated` (FL-12); warnings come back with the number",
    )),
    route(
        RouteId::FlMessageList,
        "GET",
        "/api/v1/fastlege/messages",
        Access::Roles(KOMMUNE_AND_HELFO),
        "`?status=`; soonest effective first, with the timeline and class",
    ),
    route(
        RouteId::FlMessageGet,
        "GET",
        "/api/v1/fastlege/messages/:id",
        Access::Roles(KOMMUNE_AND_HELFO),
        "one message as sent, with its timeline",
    ),
    conditional(route(
        RouteId::FlRegister,
        "POST",
        "/api/v1/fastlege/messages/:id/register",
        Access::Roles(HELFO),
        "FL-8: `{\"letters\"?}` (default: the citizens moved); a second registration is a 409",
    )),
    route(
        RouteId::FlDashboard,
        "GET",
        "/api/v1/fastlege/dashboard",
        Access::Roles(KOMMUNE_AND_HELFO),
        "upcoming terminations; every termination with no new GP or list yet, ended or not (what FL-7 chases once its day comes); GPs reaching the age limit (FL-1)",
    ),
    route(
        RouteId::FlChase,
        "GET",
        "/api/v1/fastlege/chase",
        Access::Roles(HELFO),
        "FL-7: agreements with no message one month before their end, chased from the day after",
    ),
    creating(route(
        RouteId::FkClaimCreate,
        "POST",
        "/api/v1/frikort/claims",
        Access::Roles(HF),
        "announces a claim: `{\"file_name\", \"aware\"?, \"lines\", \"chunks\", \"fingerprint\"?, \"resend\"?}`; a file sent before is a 409 `file_already_sent` naming the claim, unless `resend`",
    )),
    route(
        RouteId::FkClaimList,
        "GET",
        "/api/v1/frikort/claims",
        Access::Roles(HF_AND_HELFO),
        "received claims by due date first; `?file=<fingerprint>` finds the claims made from one file",
    ),
    route(
        RouteId::FkClaimGet,
        "GET",
        "/api/v1/frikort/claims/:id",
        Access::Roles(HF_AND_HELFO),
        "one claim; `chunks_received` lets an upload resume",
    ),
    RouteSpec {
        max_body: CHUNK_BODY,
        ..route(
            RouteId::FkChunkPut,
            "PUT",
            "/api/v1/frikort/claims/:id/chunks/:n",
            Access::Roles(HF),
            "up to 5,000 `{\"line\", \"fodselsnummer\", …}` lines, each checked again; the chunk number is the idempotency key (a repeat replays the answer, another body is a 409)",
        )
    },
    route(
        RouteId::FkSubmit,
        "POST",
        "/api/v1/frikort/claims/:id/submit",
        Access::Roles(HF),
        "received only when every chunk is in (409 naming the missing ones); sets the FK-3 due date",
    ),
    route(
        RouteId::FkLines,
        "GET",
        "/api/v1/frikort/claims/:id/lines",
        Access::Roles(HF_AND_HELFO),
        "`?only=issues|undecided`; lines in file order, fødselsnummer masked; audited",
    ),
    route(
        RouteId::FkDecision,
        "POST",
        "/api/v1/frikort/claims/:id/lines/:line/decision",
        Access::Roles(HELFO),
        "`{\"decision\", \"reason\"?, \"note\"?, \"amount\"?}`; a deviation needs a reason, `other` a note, and no more than was claimed (FK-5)",
    ),
    route(
        RouteId::FkApproveClean,
        "POST",
        "/api/v1/frikort/claims/:id/approve-clean",
        Access::Roles(HELFO),
        "approves every valid line without issues",
    ),
    conditional(route(
        RouteId::FkPayment,
        "POST",
        "/api/v1/frikort/claims/:id/payment",
        Access::Roles(HELFO),
        "`{\"paid_on\", \"amount\", \"account\"}`: pays the approved lines not yet paid (FK-4), to the account on record (FK-9)",
    )),
    conditional(route(
        RouteId::FkRepayment,
        "POST",
        "/api/v1/frikort/claims/:id/repayment",
        Access::Roles(HELFO),
        "`{\"payment\", \"amount\", \"cause\", \"reason\"}` (FK-7); refused after the FK-6 bar, and when the cause is Helfo's own wrong information",
    )),
    route(
        RouteId::FkReport,
        "GET",
        "/api/v1/frikort/claims/:id/report",
        Access::Roles(HF_AND_HELFO),
        "the settlement report as CSV, formulas neutralised; audited",
    ),
    // API tokens only for the roles with a machine path (the claim files of
    // `frist frikort submit`). Not `creating`: the token must never sit in
    // an idempotency record.
    route(
        RouteId::TokenCreate,
        "POST",
        "/api/v1/tokens",
        Access::Roles(API_TOKEN_ROLES),
        "`{\"name\"}` → an API token for programs, shown once; 90 days; never made with a token",
    ),
    route(
        RouteId::TokenList,
        "GET",
        "/api/v1/tokens",
        Access::Roles(API_TOKEN_ROLES),
        "the caller's tokens: name, made, last used, expiry, revoked",
    ),
    route(
        RouteId::TokenRevoke,
        "DELETE",
        "/api/v1/tokens/:id",
        Access::Roles(API_TOKEN_ROLES),
        "revokes one of the caller's own tokens",
    ),
    // A month's sums replace the last ones sent: a PUT, safe to repeat.
    RouteSpec {
        max_body: 64 * 1024,
        ..route(
            RouteId::KtMonthPut,
            "PUT",
            "/api/v1/kontroll/months/:month",
            Access::Roles(KOMMUNE),
            "CTRL-9: `{\"doctors\": [{\"hpr\", \"refund_ore\", \"listed\", \"bills\"}]}` for `YYYY-MM`, the municipality's own doctors only, replacing what it sent for that month; answers the comparison",
        )
    },
    route(
        RouteId::KtMonthGet,
        "GET",
        "/api/v1/kontroll/months/:month",
        Access::Roles(KOMMUNE_AND_HELFO),
        "`?peers=class|all`: the month's distribution; a municipality sees its own doctors by HPR and others as bare values, Helfo all",
    ),
    // The front page's counts and the number search: every role, each
    // scoped to what it may see.
    route(
        RouteId::Overview,
        "GET",
        "/api/v1/overview",
        Access::AnyRole,
        "the front page's counts per area: open, new, overdue, due within 7 days, what the hospital must act on, chased agreements; scoped like the lists",
    ),
    route(
        RouteId::Find,
        "GET",
        "/api/v1/find",
        Access::AnyRole,
        "`?number=` a case, message or claim number as typed → `{\"kind\", \"id\", \"number\"}`; 404 when the caller may not see it",
    ),
    route(
        RouteId::FbPatientSearch,
        "POST",
        "/api/v1/fristbrudd/patient-search",
        Access::Roles(HELFO),
        "`{\"patient_fnr\"}` → every case of the patient, open first; the number travels in the body, never a URL; audited by the cases found",
    ),
    // E-mail delivery (issue 26): the administrator sees it in production
    // too; running the sender on demand is for tests and `make dev`.
    route(
        RouteId::MailList,
        "GET",
        "/api/v1/mail",
        Access::Roles(ADMIN),
        "newest first, `?state=queued|sending|sent|failed|uncertain`: each e-mail's kind, recipient, subject, state, attempts and last error — never the body",
    ),
    route(
        RouteId::MailResend,
        "POST",
        "/api/v1/mail/:id/resend",
        Access::Roles(ADMIN),
        "queues a `failed` or `uncertain` e-mail again with its attempts reset (409 for any other state); audited",
    ),
    local_only(route(
        RouteId::MailSend,
        "POST",
        "/api/v1/mail/send",
        Access::Roles(ADMIN),
        "runs the sender now, as of `{\"at\"}` (Unix ms) or the request's time: `{\"sent\", \"retrying\", \"failed\", \"uncertain\"}`",
    )),
    // Sign-in through HelseID and ID-porten (issue 25): the edge is the
    // OpenID client; the browser only follows redirects and gets frist's
    // own session cookie.
    route(
        RouteId::LoginOptions,
        "GET",
        "/api/v1/session/options",
        Access::Public,
        "what the login page offers: `{\"providers\": [{\"id\", \"name\"}], \"password\"}` (no password login in production unless `FRIST_PASSWORD_LOGIN=on`)",
    ),
    route(
        RouteId::OidcStart,
        "GET",
        "/api/v1/oidc/:provider/start",
        Access::Public,
        "`?next=` a path in the app: a pushed authorization request (PAR, PKCE, state, nonce) signed in with `private_key_jwt`, then 303 to the provider",
    ),
    route(
        RouteId::OidcCallback,
        "GET",
        "/api/v1/oidc/:provider/callback",
        Access::Public,
        "the provider's answer: code exchanged (DPoP where the provider binds tokens), ID token verified against the provider's keys; a linked person gets a session and 303 to the app, anyone else 303 to the login page with `?innlogging=<refusal>`; audited either way",
    ),
    route(
        RouteId::IdentityList,
        "GET",
        "/api/v1/users/:id/identities",
        Access::Roles(ADMIN),
        "the sign-in identities linked to a user (HPR number, national number masked, `sub`)",
    ),
    creating(route(
        RouteId::IdentityCreate,
        "POST",
        "/api/v1/users/:id/identities",
        Access::Roles(ADMIN),
        "`{\"provider\", \"kind\", \"value\"}`: links a person at HelseID or ID-porten to this user; one person, one user",
    )),
    route(
        RouteId::IdentityDelete,
        "DELETE",
        "/api/v1/users/:id/identities/:link",
        Access::Roles(ADMIN),
        "removes a link: the person can no longer sign in as this user",
    ),
];

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
}
