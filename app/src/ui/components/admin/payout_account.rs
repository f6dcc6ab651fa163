//! FK-9: the payout account a health trust's refunds go to.

use frist_domain::access::OrgKind;
use frist_domain::api::OrganisationView;
use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;

use crate::api;
use crate::form::{
    ErrorSummary, SelectField, TextField, error_for, errors_of, focus_summary, refusal,
};
use crate::i18n::{t, tf};

/// An account number as people write it (ID-5: `XXXX XX XXXXX`).
pub fn account_text(account: &str) -> String {
    account
        .parse::<frist_domain::ids::Kontonummer>()
        .map_or_else(|_| account.to_owned(), |k| k.to_string())
}

/// FK-9: the account the RHF has set for a health trust's refunds; every
/// payment of its claims goes there.
#[component]
pub fn PayoutAccount(orgs: RwSignal<Vec<OrganisationView>>) -> impl IntoView {
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
        <h2 class="ds-heading" data-size="md">
            {t("admin.org.account_title")}
        </h2>
        <p class="ds-paragraph">{t("admin.org.account_help")}</p>
        <form on:submit=submit novalidate class="frist-form" data-testid="payout-account-form">
            <ErrorSummary errors=errors node_ref=summary />
            {super::outcome(alert, done, None)}
            {inputs(org, account, orgs, errors)}
            <button class="ds-button" data-variant="primary" type="submit">
                {t("admin.org.account_save")}
            </button>
        </form>
    }
}

/// The health trust and the account to set for it.
fn inputs(
    org: RwSignal<String>,
    account: RwSignal<String>,
    orgs: RwSignal<Vec<OrganisationView>>,
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let health_trusts = Signal::derive(move || {
        orgs.get()
            .into_iter()
            .filter(|o| o.kind == OrgKind::Hf)
            .map(|o| (o.id, o.name))
            .collect::<Vec<_>>()
    });
    view! {
        <SelectField
            id="pay-org"
            label=t("admin.org.health_trust")
            value=org
            options=health_trusts
            error=field("pay-org")
        />
        <TextField
            id="pay-account"
            label=t("admin.org.payout_account")
            value=account
            error=field("pay-account")
        />
    }
}
