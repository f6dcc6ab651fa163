//! The form that creates a user.

use frist_domain::access::{NewUser, Role};
use frist_domain::api::{OrganisationView, UserView};
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{ErrorSummary, SelectField, TextField, error_for};
use crate::i18n::{self, t, tf};

/// Adds the created user to `users`; says what happened in `alert` (a
/// refusal) or `done`. The organisation's kind decides which roles fit.
#[component]
pub fn NewUserForm(
    users: RwSignal<Vec<UserView>>,
    orgs: RwSignal<Vec<OrganisationView>>,
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let fields = UserFields::new();
    let creating = super::Creating::new(alert, done);
    let form = move || fields.form();
    let org_kind = move |id: &str| orgs.get().iter().find(|o| o.id == id).map(|o| o.kind);
    let check = move || {
        let f = form();
        f.validate(org_kind(&f.organisation_id))
    };
    let errors = creating.errors(check, "user-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form();
        let Some(k) = creating.begin(&check()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            creating.answered(
                api::create_user(&f, &k).await,
                |u| tf("admin.users.created", &[("name", &u.name)]),
                |u| {
                    users.update(|list| {
                        list.push(u);
                        list.sort_by(|a, b| a.name.cmp(&b.name));
                    })
                },
                || fields.clear(),
            );
        });
    };

    view! {
        <form on:submit=submit novalidate class="frist-form">
            <ErrorSummary errors=errors node_ref=creating.summary />
            {inputs(fields, orgs, errors)}
            <button class="ds-button" data-variant="primary" type="submit">
                {t("admin.users.create")}
            </button>
        </form>
    }
}

/// The new user's fields, each with its error.
fn inputs(
    fields: UserFields,
    orgs: RwSignal<Vec<OrganisationView>>,
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let (roles, org_options) = (role_options(), org_options(orgs));
    view! {
        <TextField
            id="user-name"
            label=t("admin.name")
            value=fields.name
            error=field("user-name")
            autocomplete="off"
        />
        <TextField
            id="user-email"
            label=t("admin.users.email")
            value=fields.email
            error=field("user-email")
            input_type="email"
        />
        <SelectField
            id="user-organisation_id"
            label=t("admin.users.organisation")
            value=fields.org
            options=org_options
            error=field("user-organisation_id")
        />
        <SelectField
            id="user-role"
            label=t("admin.users.role")
            value=fields.role
            options=roles
            error=field("user-role")
        />
        <TextField
            id="user-password"
            label=t("admin.users.password")
            description=t("admin.users.password_help")
            value=fields.password
            error=field("user-password")
            input_type="password"
            autocomplete="new-password"
        />
    }
}

/// One signal per field of [`NewUser`].
#[derive(Clone, Copy)]
struct UserFields {
    name: RwSignal<String>,
    email: RwSignal<String>,
    role: RwSignal<String>,
    org: RwSignal<String>,
    password: RwSignal<String>,
}

impl UserFields {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        UserFields {
            name: s(),
            email: s(),
            role: s(),
            org: s(),
            password: s(),
        }
    }

    fn form(&self) -> NewUser {
        NewUser {
            name: self.name.get(),
            email: self.email.get(),
            role: self.role.get(),
            organisation_id: self.org.get(),
            password: self.password.get(),
        }
    }

    fn clear(&self) {
        for s in [self.name, self.email, self.role, self.org, self.password] {
            s.set(String::new());
        }
    }
}

fn role_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        Role::iter()
            .map(|r| (r.as_str().to_owned(), i18n::name(r).to_owned()))
            .collect::<Vec<_>>()
    })
}

/// Each organisation by name and kind.
fn org_options(orgs: RwSignal<Vec<OrganisationView>>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        orgs.get()
            .into_iter()
            .map(|o| (o.id, format!("{} ({})", o.name, i18n::name(o.kind))))
            .collect::<Vec<_>>()
    })
}
