//! The form that creates an organisation.

use frist_domain::access::{NewOrganisation, OrgKind};
use frist_domain::api::OrganisationView;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{ErrorSummary, SelectField, TextField, error_for};
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
    let creating = super::Creating::new(alert, done);
    let form = move || fields.form();
    let errors = creating.errors(move || form().validate(), "org-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form();
        let Some(k) = creating.begin(&f.validate()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            creating.answered(
                api::create_organisation(&f, &k).await,
                |org| tf("admin.org.created", &[("name", &org.name)]),
                |org| {
                    orgs.update(|o| {
                        o.push(org);
                        o.sort_by(|a, b| a.name.cmp(&b.name));
                    })
                },
                || fields.clear(),
            );
        });
    };

    view! {
        <form on:submit=submit novalidate class="frist-form">
            <ErrorSummary errors=errors node_ref=creating.summary />
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
