//! The page table: every page's path, who may open it, its title and its
//! shortcut on the front page. The router, the front page's shortcuts and
//! the browser tests (`tests/e2e/pages.json`, written from this table by
//! `pages_json_is_the_page_table`) all read it, so a page is declared once.

use frist_domain::access::Role;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use super::{
    admin, audit, fastlege, frikort, fristbrudd, home, kontroll, login, mail, outbox, settings,
};
use crate::session::Protected;

const ANY: &[Role] = &[];
const SITE: &[Role] = &[Role::Behandlingssted];
const KOMMUNE: &[Role] = &[Role::Kommune];
const HF: &[Role] = &[Role::Hf];
const HELFO: &[Role] = &[Role::Helfo, Role::HelfoAdmin];
const ADMIN: &[Role] = &[Role::HelfoAdmin];
const SITE_AND_HELFO: &[Role] = &[Role::Behandlingssted, Role::Helfo, Role::HelfoAdmin];
const KOMMUNE_AND_HELFO: &[Role] = &[Role::Kommune, Role::Helfo, Role::HelfoAdmin];
const HF_AND_HELFO: &[Role] = &[Role::Hf, Role::Helfo, Role::HelfoAdmin];

/// Who may open a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Access {
    /// Anyone, signed in or not (the login page).
    Public,
    /// A signed-in user with one of these roles; any role when empty.
    Roles(&'static [Role]),
}

/// A page's link on the front page, by its text key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shortcut {
    /// No link (the front page itself, a page of one case or claim).
    None,
    /// One text for every role that may open the page.
    Label(&'static str),
    /// One text for the organisation's own clerks, another for Helfo.
    ByRole {
        own: &'static str,
        helfo: &'static str,
    },
    /// Only when mail is kept locally (`mode == "local"`), not sent.
    LocalOnly(&'static str),
}

/// One page of the app.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    /// The route, as the router reads it (`:id` for a parameter).
    pub path: &'static str,
    pub access: Access,
    /// The text key of the page's heading.
    pub title: &'static str,
    pub shortcut: Shortcut,
}

impl Page {
    /// Whether a signed-in user with `role` may open the page.
    pub fn allows(&self, role: Role) -> bool {
        match self.access {
            Access::Public => true,
            Access::Roles(roles) => roles.is_empty() || roles.contains(&role),
        }
    }

    /// The text key of this page's shortcut for `role` (`local`: mail is
    /// kept in the outbox), if the front page links to it.
    pub fn shortcut_for(&self, role: Role, local: bool) -> Option<&'static str> {
        if !self.allows(role) {
            return None;
        }
        match self.shortcut {
            Shortcut::None => None,
            Shortcut::Label(key) => Some(key),
            Shortcut::ByRole { own, helfo } => Some(if role.sees_all_organisations() {
                helfo
            } else {
                own
            }),
            Shortcut::LocalOnly(key) => local.then_some(key),
        }
    }
}

/// Shows a page to those its access allows (see [`Protected`]).
fn guarded(access: Access, page: fn() -> AnyView) -> AnyView {
    match access {
        Access::Public => page(),
        Access::Roles(roles) => view! { <Protected roles=roles>{page()}</Protected> }.into_any(),
    }
}

/// Declares the table and the router's routes from one list, since a
/// route's path must be a literal for `path!`.
macro_rules! pages {
    ($( $path:tt => $module:ident :: $component:ident, $access:expr, $title:tt, $shortcut:expr; )*) => {
        /// Every page, in the order of the front page's shortcuts.
        pub static PAGES: &[Page] = &[
            $(Page { path: $path, access: $access, title: $title, shortcut: $shortcut },)*
        ];

        /// The router's routes: one per page, guarded by its access.
        pub fn routes() -> impl IntoView {
            view! {
                <Routes fallback=crate::shell::NotFound>
                    $(<Route path=path!($path)
                        view=move || guarded($access, || $module::$component().into_any())/>)*
                </Routes>
            }
        }
    };
}

use Access::{Public, Roles};
use Shortcut::{ByRole, Label, LocalOnly};

pages! {
    "/" => home::Home, Roles(ANY), "nav.home", Shortcut::None;
    "/logg-inn" => login::LoginPage, Public, "login.title", Shortcut::None;
    "/frikort/ny" => frikort::NewClaimForm, Roles(HF), "frikort.new_title", Label("home.frikort_new");
    "/frikort/krav" => frikort::Claims, Roles(HF_AND_HELFO), "frikort.claims_title",
        ByRole { own: "home.frikort_claims", helfo: "home.frikort_claims_helfo" };
    "/frikort/krav/:id" => frikort::ClaimDetail, Roles(HF_AND_HELFO), "frikort.claim_title", Shortcut::None;
    "/fastlege/ny" => fastlege::NewMessage, Roles(KOMMUNE), "fastlege.title", Label("home.fastlege_new");
    "/fastlege/meldinger" => fastlege::Messages, Roles(KOMMUNE_AND_HELFO), "fastlege.municipality_messages",
        ByRole { own: "home.fastlege_messages", helfo: "home.fastlege_incoming" };
    "/fastlege/meldinger/:id" => fastlege::MessageDetail, Roles(KOMMUNE_AND_HELFO), "fastlege.message_title",
        Shortcut::None;
    "/fastlege/oversikt" => fastlege::FlDashboard, Roles(KOMMUNE), "fastlege.dashboard_title",
        Label("home.fastlege_overview");
    "/kontroll" => kontroll::Kontroll, Roles(KOMMUNE), "kontroll.title", Label("home.kontroll");
    "/fastlege/purring" => fastlege::Chase, Roles(HELFO), "fastlege.chase_title", Label("home.fastlege_reminder");
    "/fristbrudd/ny" => fristbrudd::NewCase, Roles(SITE), "fristbrudd.new_title", Label("home.report_fristbrudd");
    "/fristbrudd/ko" => fristbrudd::Queue, Roles(HELFO), "fristbrudd.queue_title", Label("home.fristbrudd_queue");
    "/fristbrudd/saker" => fristbrudd::CaseList, Roles(SITE_AND_HELFO), "fristbrudd.list_title",
        ByRole { own: "home.fristbrudd_cases", helfo: "home.fristbrudd_all" };
    "/fristbrudd/saker/:id" => fristbrudd::CaseDetail, Roles(SITE_AND_HELFO), "fristbrudd.case_title",
        Shortcut::None;
    "/fristbrudd/saker/:id/forside" => fristbrudd::CoverSheet, Roles(SITE), "fristbrudd.cover_title",
        Shortcut::None;
    "/fristbrudd/statistikk" => fristbrudd::Stats, Roles(HELFO), "fristbrudd.stats_title",
        Label("home.fristbrudd_stats");
    "/utboks" => outbox::Outbox, Roles(ANY), "outbox.title", LocalOnly("home.outbox");
    // The administration pages guard themselves as well (admin.rs).
    "/admin/organisasjoner" => admin::OrganisationsPage, Roles(ADMIN), "admin.org.title",
        Label("home.organisations");
    "/admin/brukere" => admin::UsersPage, Roles(ADMIN), "admin.users.title", Label("home.users");
    "/admin/e-post" => mail::Deliveries, Roles(ADMIN), "mail.title", Label("home.mail");
    "/logg" => audit::Audit, Roles(ANY), "audit.title", Label("home.audit");
    "/innstillinger" => settings::Settings, Roles(ANY), "settings.title", Label("home.settings");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The table as JSON for the browser tests: path, roles (every role when
    /// the page is for any signed-in user; none when it is public), title key.
    fn pages_json() -> String {
        use strum::IntoEnumIterator;
        let rows: Vec<serde_json::Value> = PAGES
            .iter()
            .map(|p| {
                let (public, roles): (bool, Vec<&str>) = match p.access {
                    Access::Public => (true, Vec::new()),
                    Access::Roles(_) => (
                        false,
                        Role::iter().filter(|r| p.allows(*r)).map(Role::as_str).collect(),
                    ),
                };
                serde_json::json!({ "path": p.path, "public": public, "roles": roles, "title": p.title })
            })
            .collect();
        // One page a line, so a change to the table reads as a one-line diff.
        let lines: Vec<String> = rows.iter().map(ToString::to_string).collect();
        format!("[\n  {}\n]\n", lines.join(",\n  "))
    }

    /// `tests/e2e/pages.json` is this table; `FRIST_WRITE_PAGES=1` on this
    /// test writes it.
    #[test]
    fn pages_json_is_the_page_table() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/e2e/pages.json");
        let want = pages_json();
        if std::env::var_os("FRIST_WRITE_PAGES").is_some() {
            std::fs::write(&path, &want).expect("tests/e2e is writable");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "tests/e2e/pages.json is stale: run this test with FRIST_WRITE_PAGES=1"
        );
    }

    #[test]
    fn every_path_is_declared_once() {
        for (i, p) in PAGES.iter().enumerate() {
            assert!(!PAGES[..i].iter().any(|q| q.path == p.path), "{}", p.path);
        }
    }
}
