//! `/admin/organisasjoner` and `/admin/brukere`: Helfo administrators create
//! organisations and users and deactivate users. The forms run the same
//! checks as the edge (`frist_domain::access`) on every change.

use frist_domain::access::Role;
use frist_domain::api::{OrganisationView, UserView};
use leptos::prelude::*;

use crate::api::{self, load_all};
use crate::confirm::Confirm;
use crate::i18n::{self, t};
use crate::session::Protected;
use crate::ui::components::admin::{
    NewOrganisationForm, NewUserForm, PayoutAccount, UserTable, account_text, use_deactivation,
};

const ADMIN: &[Role] = &[Role::HelfoAdmin];

fn organisations_into(into: RwSignal<Vec<OrganisationView>>, error: RwSignal<Option<String>>) {
    load_all(into, error, api::organisations);
}

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    view! {
        <Protected roles=ADMIN>
            <Organisations />
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
        <h1 class="ds-heading" data-size="lg">
            {t("admin.org.title")}
        </h1>
        <table class="ds-table" tabindex="0" data-testid="org-table">
            <caption class="ds-sr-only">{t("admin.org.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("admin.name")}</th>
                    <th scope="col">{t("admin.org.orgnr")}</th>
                    <th scope="col">{t("admin.org.kind")}</th>
                    <th scope="col">{t("admin.org.payout_account")}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    orgs.get()
                        .into_iter()
                        .map(|o| {
                            view! {
                                <tr>
                                    <td>{o.name}</td>
                                    <td>{o.orgnr}</td>
                                    <td>{i18n::name(o.kind)}</td>
                                    <td>
                                        {o
                                            .payout_account
                                            .as_deref()
                                            .map(account_text)
                                            .unwrap_or_else(|| "–".into())}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
        <PayoutAccount orgs=orgs />
        <h2 class="ds-heading" data-size="md">
            {t("admin.org.new")}
        </h2>
        <NewOrganisationForm orgs=orgs alert=alert done=done />
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <Protected roles=ADMIN>
            <Users />
        </Protected>
    }
}

#[component]
fn Users() -> impl IntoView {
    let users = RwSignal::new(Vec::<UserView>::new());
    let orgs = RwSignal::new(Vec::<OrganisationView>::new());
    let alert = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    load_all(users, alert, api::users);
    organisations_into(orgs, alert);
    let (ask, confirmed, click) = use_deactivation(users, alert, done);

    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("admin.users.title")}
        </h1>
        <Confirm id="user-deactivate-confirm" ask=ask on_yes=confirmed />
        {move || {
            alert
                .get()
                .map(|t| {
                    view! {
                        <div class="ds-alert" data-color="danger" role="alert">
                            <p class="ds-paragraph">{t}</p>
                        </div>
                    }
                })
        }}
        {move || {
            done.get()
                .map(|t| {
                    view! {
                        <div
                            class="ds-alert"
                            data-color="success"
                            role="status"
                            data-testid="user-done"
                        >
                            <p class="ds-paragraph">{t}</p>
                        </div>
                    }
                })
        }}
        <UserTable users=users orgs=orgs click=click />
        <h2 class="ds-heading" data-size="md">
            {t("admin.users.new")}
        </h2>
        <NewUserForm users=users orgs=orgs alert=alert done=done />
        <super::identities::IdentityLinks users=users />
    }
}
