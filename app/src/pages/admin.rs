//! `/admin/organisasjoner` and `/admin/brukere`: Helfo administrators create
//! organisations and users and deactivate users. The forms run the same
//! checks as the edge (`frist_domain::access`) on every change.

use frist_domain::access::{OrgKind, Role};
use frist_domain::api::{OrganisationView, UserView};
use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;

use crate::api::{self, load_all};
use crate::confirm::Confirm;
use crate::form::{
    ErrorSummary, SelectField, TextField, error_for, errors_of, focus_summary, refusal,
};
use crate::i18n::{self, t, tf};
use crate::session::Protected;
use crate::ui::components::admin::{NewOrganisationForm, NewUserForm, UserTable, use_deactivation};

const ADMIN: &[Role] = &[Role::HelfoAdmin];

fn organisations_into(into: RwSignal<Vec<OrganisationView>>, error: RwSignal<Option<String>>) {
    load_all(into, error, |c| Box::pin(api::organisations(c)));
}

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    view! {
        <Protected roles=ADMIN>
            <Organisations/>
        </Protected>
    }
}

#[component]
fn Organisations() -> impl IntoView {
    let orgs = RwSignal::new(Vec::<OrganisationView>::new());
    let alert = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    organisations_into(orgs, alert);

    view! {
        <h1 class="ds-heading" data-size="lg">{t("admin.org.title")}</h1>
        <table class="ds-table" tabindex="0" data-testid="org-table">
            <caption class="ds-sr-only">{t("admin.org.caption")}</caption>
            <thead><tr><th scope="col">{t("admin.name")}</th><th scope="col">{t("admin.org.orgnr")}</th><th scope="col">{t("admin.org.kind")}</th>
                <th scope="col">{t("admin.org.payout_account")}</th></tr></thead>
            <tbody>
                {move || orgs.get().into_iter().map(|o| view! {
                    <tr><td>{o.name}</td><td>{o.orgnr}</td><td>{i18n::name(o.kind)}</td>
                        <td>{o.payout_account.as_deref().map(account_text).unwrap_or_else(|| "–".into())}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <PayoutAccount orgs=orgs/>
        <h2 class="ds-heading" data-size="md">{t("admin.org.new")}</h2>
        <NewOrganisationForm orgs=orgs alert=alert done=done/>
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <Protected roles=ADMIN>
            <Users/>
        </Protected>
    }
}

#[component]
fn Users() -> impl IntoView {
    let users = RwSignal::new(Vec::<UserView>::new());
    let orgs = RwSignal::new(Vec::<OrganisationView>::new());
    let alert = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    load_all(users, alert, |c| Box::pin(api::users(c)));
    organisations_into(orgs, alert);
    let (ask, confirmed, click) = use_deactivation(users, alert, done);

    view! {
        <h1 class="ds-heading" data-size="lg">{t("admin.users.title")}</h1>
        <Confirm id="user-deactivate-confirm" ask=ask on_yes=confirmed/>
        {move || alert.get().map(|t| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{t}</p></div> })}
        {move || done.get().map(|t| view! { <div class="ds-alert" data-color="success" role="status" data-testid="user-done"><p class="ds-paragraph">{t}</p></div> })}
        <UserTable users=users orgs=orgs click=click/>
        <h2 class="ds-heading" data-size="md">{t("admin.users.new")}</h2>
        <NewUserForm users=users orgs=orgs alert=alert done=done/>
        <super::identities::IdentityLinks users=users/>
    }
}

/// An account number as people write it (ID-5: `XXXX XX XXXXX`).
fn account_text(account: &str) -> String {
    account
        .parse::<frist_domain::ids::Kontonummer>()
        .map_or_else(|_| account.to_owned(), |k| k.to_string())
}

/// FK-9: the account the RHF has set for a health trust's refunds; every
/// payment of its claims goes there.
#[component]
fn PayoutAccount(orgs: RwSignal<Vec<OrganisationView>>) -> impl IntoView {
    let org = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::<Issue>::new());
    let alert = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let summary = NodeRef::<html::Div>::new();
    let form = move || frist_domain::api::PayoutAccountForm {
        account: account.get(),
    };
    let errors = Signal::derive(move || {
        if !tried.get() {
            return Vec::new();
        }
        let mut r = form().check().err().unwrap_or_default();
        if org.get().is_empty() {
            r.push(Issue::error("org", frist_domain::IssueCode::Required));
        }
        if r.is_empty() {
            r = Report {
                issues: edge_issues.get(),
            };
        }
        errors_of(&r, "pay-")
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let health_trusts = Signal::derive(move || {
        orgs.get()
            .into_iter()
            .filter(|o| o.kind == OrgKind::Hf)
            .map(|o| (o.id, o.name))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        edge_issues.set(Vec::new());
        alert.set(None);
        done.set(None);
        let (id, f) = (org.get_untracked(), form());
        if id.is_empty() || f.check().is_err() {
            focus_summary(summary);
            return;
        }
        leptos::task::spawn_local(async move {
            match api::set_payout_account(&id, &f).await {
                Ok(saved) => {
                    done.set(Some(tf(
                        "admin.org.account_saved",
                        &[("name", &saved.name)],
                    )));
                    orgs.update(|all| {
                        if let Some(o) = all.iter_mut().find(|o| o.id == saved.id) {
                            *o = saved;
                        }
                    });
                    account.set(String::new());
                    tried.set(false);
                }
                Err(e) => {
                    refusal(&e, edge_issues, alert);
                    focus_summary(summary);
                }
            }
        });
    };
    view! {
        <h2 class="ds-heading" data-size="md">{t("admin.org.account_title")}</h2>
        <p class="ds-paragraph">{t("admin.org.account_help")}</p>
        <form on:submit=submit novalidate class="frist-form" data-testid="payout-account-form">
            <ErrorSummary errors=errors node_ref=summary/>
            {move || alert.get().map(|t| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{t}</p></div> })}
            {move || done.get().map(|t| view! { <div class="ds-alert" data-color="success" role="status"><p class="ds-paragraph">{t}</p></div> })}
            <SelectField id="pay-org" label=t("admin.org.health_trust") value=org options=health_trusts error=field("pay-org")/>
            <TextField id="pay-account" label=t("admin.org.payout_account") value=account error=field("pay-account")/>
            <button class="ds-button" data-variant="primary" type="submit">{t("admin.org.account_save")}</button>
        </form>
    }
}
