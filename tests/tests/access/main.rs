//! Issue 4, the access table: every route in `frist_domain::api::ROUTES`,
//! called as nobody, as each role, and as a user of another organisation of
//! the same kind, against the objects of one organisation (Lillehammer
//! kommune). Each answer must be the expected status, and every list must
//! hold only what the caller's organisation may see.
//!
//! `expected` matches on `RouteId` without a wildcard, so a new route does
//! not compile until its row is written here.

use frist_domain::api::{ROUTES, RouteId, RouteSpec};
use frist_tests::{Answer, DEMO_PASSWORD, Server, Session, demo, server};
use serde_json::json;

mod organisations;
mod routes;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Nobody,
    /// A demo user of this role (in the demo organisation of its kind).
    Demo(&'static str),
    /// A kommune user in another municipality than the target objects'.
    OtherKommune,
}

const TARGET_ORG: &str = "o_lillehammer";
const TARGET_USER: &str = "u_demo_kommune";

fn everyone() -> Vec<Who> {
    vec![
        Who::Nobody,
        Who::Demo("behandlingssted"),
        Who::Demo("kommune"),
        Who::Demo("hf"),
        Who::Demo("helfo"),
        Who::Demo("helfo_admin"),
        Who::OtherKommune,
    ]
}

/// The status `who` must get from `route` on Lillehammer's objects.
fn expected(route: RouteId, who: Who) -> u16 {
    use RouteId as R;
    let sees_target = matches!(who, Who::Demo("kommune" | "helfo" | "helfo_admin"));
    let admin = who == Who::Demo("helfo_admin");
    if who == Who::Nobody {
        return match route {
            R::Health => 200,
            R::Login => 422,
            R::LoginOptions => 200,
            // The sign-in's redirects answer everyone with a redirect: to
            // the provider, or (here: no sign-in under way) back to the
            // login page with the refusal.
            R::OidcStart | R::OidcCallback => 303,
            R::SessionGet
            | R::Logout
            | R::OrganisationList
            | R::OrganisationCreate
            | R::OrganisationGet
            | R::OrganisationAccount
            | R::UserList
            | R::UserCreate
            | R::UserGet
            | R::UserUpdate
            | R::AuditList
            | R::FbCaseCreate
            | R::FbPatientCheck
            | R::FbCaseList
            | R::FbQueue
            | R::FbCaseGet
            | R::FbEvent
            | R::FbDocumentPut
            | R::FbDocumentGet
            | R::FbStats
            | R::OutboxList
            | R::Sweep
            | R::FlMessageCreate
            | R::FlMessageList
            | R::FlMessageGet
            | R::FlRegister
            | R::FlDashboard
            | R::FlChase
            | R::FkClaimCreate
            | R::FkClaimList
            | R::FkClaimGet
            | R::FkChunkPut
            | R::FkSubmit
            | R::FkLines
            | R::FkDecision
            | R::FkApproveClean
            | R::FkPayment
            | R::FkRepayment
            | R::FkReport
            | R::TokenCreate
            | R::TokenList
            | R::TokenRevoke
            | R::KtMonthPut
            | R::KtMonthGet
            | R::Overview
            | R::Find
            | R::FbPatientSearch
            | R::MailList
            | R::MailResend
            | R::MailSend
            | R::IdentityList
            | R::IdentityCreate
            | R::IdentityDelete => 401,
        };
    }
    let site = who == Who::Demo("behandlingssted");
    let helfo = matches!(who, Who::Demo("helfo" | "helfo_admin"));
    let kommune = matches!(who, Who::Demo("kommune") | Who::OtherKommune);
    let hf = who == Who::Demo("hf");
    match route {
        R::Health => 200,
        R::Login => 422,
        R::SessionGet | R::OrganisationList | R::UserList | R::AuditList => 200,
        R::Logout => 204,
        R::OrganisationGet | R::UserGet if sees_target => 200,
        R::OrganisationGet | R::UserGet => 404,
        R::OrganisationCreate | R::UserCreate if admin => 201,
        R::UserUpdate | R::OrganisationAccount if admin => 200,
        R::OrganisationCreate | R::UserCreate | R::UserUpdate | R::OrganisationAccount => 403,
        // Fristbrudd: the target is a case of the demo hospital (Innlandet).
        R::FbCaseCreate if site => 201,
        R::FbPatientCheck | R::FbDocumentPut if site => 200,
        R::FbCaseList | R::FbCaseGet | R::FbDocumentGet if site || helfo => 200,
        R::FbQueue | R::FbStats if helfo => 200,
        // The body is "take up": Helfo's first call takes the case (200); the
        // hospital may not (409), nor may the administrator once it is taken.
        R::FbEvent if who == Who::Demo("helfo") => 200,
        R::FbEvent if site || helfo => 409,
        R::Sweep if admin => 200,
        R::FbCaseCreate
        | R::FbPatientCheck
        | R::FbCaseList
        | R::FbQueue
        | R::FbCaseGet
        | R::FbEvent
        | R::FbDocumentPut
        | R::FbDocumentGet
        | R::FbStats
        | R::Sweep => 403,
        R::OutboxList => 200,
        // Fastlege: the target is a termination message of Lillehammer.
        R::FlMessageCreate if kommune => 201,
        R::FlMessageList | R::FlDashboard if kommune => 200,
        R::FlMessageList | R::FlDashboard if helfo => 200,
        R::FlMessageGet if sees_target && (helfo || kommune) => 200,
        R::FlMessageGet if kommune => 404,
        R::FlChase if helfo => 200,
        // Helfo registers first (200); the administrator finds it done (409).
        R::FlRegister if who == Who::Demo("helfo") => 200,
        R::FlRegister if helfo => 409,
        R::FlMessageCreate
        | R::FlMessageList
        | R::FlMessageGet
        | R::FlRegister
        | R::FlDashboard
        | R::FlChase => 403,
        // Frikort: the target is a received claim of Helse Sør-Øst.
        R::FkClaimCreate if hf => 201,
        // The chunk sent again answers as the first time; submit repeats.
        R::FkChunkPut | R::FkSubmit if hf => 200,
        R::FkClaimList | R::FkClaimGet | R::FkLines | R::FkReport if hf || helfo => 200,
        R::FkDecision | R::FkApproveClean | R::FkRepayment if helfo => 200,
        // Helfo pays first (200); the administrator finds it paid (409).
        R::FkPayment if who == Who::Demo("helfo") => 200,
        R::FkPayment if helfo => 409,
        R::FkClaimCreate
        | R::FkClaimList
        | R::FkClaimGet
        | R::FkChunkPut
        | R::FkSubmit
        | R::FkLines
        | R::FkDecision
        | R::FkApproveClean
        | R::FkPayment
        | R::FkRepayment
        | R::FkReport => 403,
        // Only a health trust has a machine path, and so tokens; it makes
        // its own and lists its own, and nobody revokes another's.
        R::TokenCreate if hf => 201,
        R::TokenList if hf => 200,
        R::TokenRevoke if hf => 404,
        R::TokenCreate | R::TokenList | R::TokenRevoke => 403,
        // Claims control: each municipality sends its own month's sums and
        // sees the comparison; Helfo sees every doctor. The month's two
        // doctors are Lillehammer's GPs: another municipality is refused.
        R::KtMonthPut if who == Who::OtherKommune => 422,
        R::KtMonthPut if kommune => 200,
        // It has sent nothing for the month, so it has no comparison yet.
        R::KtMonthGet if who == Who::OtherKommune => 404,
        R::KtMonthGet if kommune || helfo => 200,
        R::KtMonthPut | R::KtMonthGet => 403,
        // The front page's counts: every role, each its own.
        R::Overview => 200,
        // The number is the demo hospital's case: found by the hospital
        // and by Helfo; to anyone else it does not exist.
        R::Find if site || helfo => 200,
        R::Find => 404,
        // Only Helfo finds a patient's cases by fødselsnummer.
        R::FbPatientSearch if helfo => 200,
        R::FbPatientSearch => 403,
        // E-mail delivery is the administrator's; the id here is no e-mail.
        R::MailList | R::MailSend if admin => 200,
        R::MailResend if admin => 404,
        R::MailList | R::MailResend | R::MailSend => 403,
        R::LoginOptions => 200,
        R::OidcStart | R::OidcCallback => 303,
        // Linking sign-in identities is the administrator's; the link id
        // here is no link.
        R::IdentityList if admin => 200,
        R::IdentityCreate if admin => 201,
        R::IdentityDelete if admin => 404,
        R::IdentityList | R::IdentityCreate | R::IdentityDelete => 403,
    }
}
