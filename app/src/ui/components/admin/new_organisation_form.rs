//! The form that creates an organisation.

use frist_domain::access::{NewOrganisation, OrgKind};
use frist_domain::api::OrganisationView;
use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{
    ErrorSummary, SelectField, TextField, error_for, errors_of, focus_summary, refusal,
};
use crate::i18n::{self, t, tf};

/// Adds the created organisation to `orgs`; says what happened in `alert`
/// (a refusal) or `done`.
#[component]
pub fn NewOrganisationForm(
    orgs: RwSignal<Vec<OrganisationView>>,
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let fields = OrgFields::new();
    let tried = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::<Issue>::new());
    let key = RwSignal::new(api::new_idempotency_key());
    let summary = NodeRef::<html::Div>::new();
    let form = move || fields.form();
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
                    fields.clear();
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
        <form on:submit=submit novalidate class="frist-form">
            <ErrorSummary errors=errors node_ref=summary />
            {super::outcome(alert, done, Some("org-created"))}
            {inputs(fields, errors)}
            <button class="ds-button" data-variant="primary" type="submit">
                {t("admin.org.create")}
            </button>
        </form>
    }
}

/// The new organisation's fields, each with its error.
fn inputs(fields: OrgFields, errors: Signal<Vec<(String, String)>>) -> impl IntoView {
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let kinds = kind_options();
    view! {
        <TextField id="org-name" label=t("admin.name") value=fields.name error=field("org-name") />
        <TextField
            id="org-orgnr"
            label=t("admin.org.orgnr")
            description=t("admin.org.orgnr_help")
            value=fields.orgnr
            error=field("org-orgnr")
        />
        <SelectField
            id="org-kind"
            label=t("admin.org.kind")
            value=fields.kind
            options=kinds
            error=field("org-kind")
        />
    }
}

/// One signal per field of [`NewOrganisation`].
#[derive(Clone, Copy)]
struct OrgFields {
    name: RwSignal<String>,
    orgnr: RwSignal<String>,
    kind: RwSignal<String>,
}

impl OrgFields {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        OrgFields {
            name: s(),
            orgnr: s(),
            kind: s(),
        }
    }

    fn form(&self) -> NewOrganisation {
        NewOrganisation {
            name: self.name.get(),
            orgnr: self.orgnr.get(),
            kind: self.kind.get(),
        }
    }

    fn clear(&self) {
        for s in [self.name, self.orgnr, self.kind] {
            s.set(String::new());
        }
    }
}

fn kind_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        OrgKind::iter()
            .map(|k| (k.as_str().to_owned(), i18n::name(k).to_owned()))
            .collect::<Vec<_>>()
    })
}
