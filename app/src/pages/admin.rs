//! `/admin/organisasjoner` and `/admin/brukere`: Helfo administrators create
//! organisations and users and deactivate users. The forms run the same
//! checks as the edge (`frist_domain::access`) on every change.

use frist_domain::access::{NewOrganisation, NewUser, OrgKind, Role};
use frist_domain::api::{OrganisationView, UserPatch, UserView};
use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api::{self, load_all};
use crate::confirm::{Confirm, Question};
use crate::form::{
    ErrorSummary, SelectField, TextField, error_for, errors_of, focus_summary, refusal,
};
use crate::i18n::{self, t, tf};
use crate::session::Protected;

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

    let name = RwSignal::new(String::new());
    let orgnr = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::<Issue>::new());
    let key = RwSignal::new(api::new_idempotency_key());
    let summary = NodeRef::<html::Div>::new();
    let form = move || NewOrganisation {
        name: name.get(),
        orgnr: orgnr.get(),
        kind: kind.get(),
    };
    let errors = Signal::derive(move || {
        if !tried.get() {
            return Vec::new();
        }
        let mut r = form().validate();
        if r.is_empty() {
            r = Report {
                issues: edge_issues.get(),
            };
        }
        errors_of(&r, "org-")
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let kinds = Signal::derive(|| {
        OrgKind::iter()
            .map(|k| (k.as_str().to_owned(), i18n::name(k).to_owned()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        edge_issues.set(Vec::new());
        alert.set(None);
        done.set(None);
        let f = form();
        if f.validate().has_errors() {
            focus_summary(summary);
            return;
        }
        let k = key.get_untracked();
        leptos::task::spawn_local(async move {
            match api::create_organisation(&f, &k).await {
                Ok(org) => {
                    done.set(Some(tf("admin.org.created", &[("name", &org.name)])));
                    orgs.update(|o| {
                        o.push(org);
                        o.sort_by(|a, b| a.name.cmp(&b.name));
                    });
                    name.set(String::new());
                    orgnr.set(String::new());
                    kind.set(String::new());
                    tried.set(false);
                    key.set(api::new_idempotency_key());
                }
                Err(e) => {
                    refusal(&e, edge_issues, alert);
                    focus_summary(summary);
                }
            }
        });
    };

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
        <form on:submit=submit novalidate class="frist-form">
            <ErrorSummary errors=errors node_ref=summary/>
            {move || alert.get().map(|t| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{t}</p></div> })}
            {move || done.get().map(|t| view! { <div class="ds-alert" data-color="success" role="status" data-testid="org-created"><p class="ds-paragraph">{t}</p></div> })}
            <TextField id="org-name" label=t("admin.name") value=name error=field("org-name")/>
            <TextField id="org-orgnr" label=t("admin.org.orgnr") description=t("admin.org.orgnr_help")
                value=orgnr error=field("org-orgnr")/>
            <SelectField id="org-kind" label=t("admin.org.kind") value=kind options=kinds error=field("org-kind")/>
            <button class="ds-button" data-variant="primary" type="submit">{t("admin.org.create")}</button>
        </form>
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

    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let org = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::<Issue>::new());
    let key = RwSignal::new(api::new_idempotency_key());
    let summary = NodeRef::<html::Div>::new();
    let form = move || NewUser {
        name: name.get(),
        email: email.get(),
        role: role.get(),
        organisation_id: org.get(),
        password: password.get(),
    };
    let org_kind = move |id: &str| orgs.get().iter().find(|o| o.id == id).map(|o| o.kind);
    let errors = Signal::derive(move || {
        if !tried.get() {
            return Vec::new();
        }
        let f = form();
        let mut r = f.validate(org_kind(&f.organisation_id));
        if r.is_empty() {
            r = Report {
                issues: edge_issues.get(),
            };
        }
        errors_of(&r, "user-")
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let roles = Signal::derive(|| {
        Role::iter()
            .map(|r| (r.as_str().to_owned(), i18n::name(r).to_owned()))
            .collect::<Vec<_>>()
    });
    let org_options = Signal::derive(move || {
        orgs.get()
            .into_iter()
            .map(|o| (o.id, format!("{} ({})", o.name, i18n::name(o.kind))))
            .collect::<Vec<_>>()
    });
    let org_name = move |id: &str| {
        orgs.get()
            .into_iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_owned(), |o| o.name)
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        edge_issues.set(Vec::new());
        alert.set(None);
        done.set(None);
        let f = form();
        if f.validate(org_kind(&f.organisation_id)).has_errors() {
            focus_summary(summary);
            return;
        }
        let k = key.get_untracked();
        leptos::task::spawn_local(async move {
            match api::create_user(&f, &k).await {
                Ok(u) => {
                    done.set(Some(tf("admin.users.created", &[("name", &u.name)])));
                    users.update(|list| {
                        list.push(u);
                        list.sort_by(|a, b| a.name.cmp(&b.name));
                    });
                    for s in [name, email, role, org, password] {
                        s.set(String::new());
                    }
                    tried.set(false);
                    key.set(api::new_idempotency_key());
                }
                Err(e) => {
                    refusal(&e, edge_issues, alert);
                    focus_summary(summary);
                }
            }
        });
    };

    let me = crate::session::use_session()
        .view()
        .map(|s| s.user.id.clone())
        .unwrap_or_default();
    // Deactivation ends the user's sessions and tokens at once: asked
    // first. Activation is harmless and happens on the click.
    let ask = RwSignal::new(None::<Question>);
    let asked_for = StoredValue::new(None::<UserView>);
    let toggle = move |u: UserView| {
        let patch = UserPatch {
            active: Some(!u.active),
            ..UserPatch::default()
        };
        leptos::task::spawn_local(async move {
            match api::update_user(&u.id, u.version, &patch).await {
                Ok(changed) => {
                    done.set(Some(if changed.active {
                        tf("admin.users.activated", &[("name", &changed.name)])
                    } else {
                        tf("admin.users.deactivated", &[("name", &changed.name)])
                    }));
                    users.update(|list| {
                        if let Some(x) = list.iter_mut().find(|x| x.id == changed.id) {
                            *x = changed;
                        }
                    });
                }
                Err(e) => alert.set(Some(e.text())),
            }
        });
    };
    let click = move |u: UserView| {
        if u.active {
            ask.set(Some(Question {
                title: tf("admin.users.deactivate_confirm_title", &[("name", &u.name)]),
                body: tf("admin.users.deactivate_confirm_body", &[("name", &u.name)]),
                yes: t("admin.users.deactivate").to_owned(),
            }));
            asked_for.set_value(Some(u));
        } else {
            toggle(u);
        }
    };
    let confirmed = Callback::new(move |()| {
        if let Some(u) = asked_for.get_value() {
            toggle(u);
        }
    });

    view! {
        <h1 class="ds-heading" data-size="lg">{t("admin.users.title")}</h1>
        <Confirm id="user-deactivate-confirm" ask=ask on_yes=confirmed/>
        {move || alert.get().map(|t| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{t}</p></div> })}
        {move || done.get().map(|t| view! { <div class="ds-alert" data-color="success" role="status" data-testid="user-done"><p class="ds-paragraph">{t}</p></div> })}
        <table class="ds-table" tabindex="0" data-testid="user-table">
            <caption class="ds-sr-only">{t("admin.users.caption")}</caption>
            <thead><tr>
                <th scope="col">{t("admin.name")}</th><th scope="col">{t("admin.users.email_col")}</th><th scope="col">{t("admin.users.role")}</th>
                <th scope="col">{t("admin.users.organisation")}</th><th scope="col">{t("admin.users.status")}</th><th scope="col"><span class="ds-sr-only">{t("admin.users.action")}</span></th>
            </tr></thead>
            <tbody>
                {move || users.get().into_iter().map(|u| {
                    let label = if u.active { t("admin.users.deactivate") } else { t("admin.users.activate") };
                    let aria = if u.active {
                        tf("admin.users.deactivate_named", &[("name", &u.name)])
                    } else {
                        tf("admin.users.activate_named", &[("name", &u.name)])
                    };
                    let row = u.clone();
                    let own = u.id == me;
                    view! {
                        <tr>
                            <td>{u.name.clone()}</td>
                            <td>{u.email.clone()}</td>
                            <td>{i18n::name(u.role)}</td>
                            <td>{org_name(&u.organisation_id)}</td>
                            <td>{if u.active { t("admin.users.active") } else { t("admin.users.inactive") }}</td>
                            <td>
                                {(!own).then(|| view! {
                                    <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
                                        aria-label=aria on:click=move |_| click(row.clone())>{label}</button>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <h2 class="ds-heading" data-size="md">{t("admin.users.new")}</h2>
        <form on:submit=submit novalidate class="frist-form">
            <ErrorSummary errors=errors node_ref=summary/>
            <TextField id="user-name" label=t("admin.name") value=name error=field("user-name") autocomplete="off"/>
            <TextField id="user-email" label=t("admin.users.email") value=email error=field("user-email") input_type="email"/>
            <SelectField id="user-organisation_id" label=t("admin.users.organisation") value=org options=org_options error=field("user-organisation_id")/>
            <SelectField id="user-role" label=t("admin.users.role") value=role options=roles error=field("user-role")/>
            <TextField id="user-password" label=t("admin.users.password")
                description=t("admin.users.password_help")
                value=password error=field("user-password") input_type="password" autocomplete="new-password"/>
            <button class="ds-button" data-variant="primary" type="submit">{t("admin.users.create")}</button>
        </form>
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
