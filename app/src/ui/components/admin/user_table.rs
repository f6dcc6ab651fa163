//! The users, each with a button to deactivate (asked first) or activate.

use frist_domain::api::{OrganisationView, UserPatch, UserView};
use leptos::prelude::*;

use crate::api;
use crate::confirm::Question;
use crate::i18n::{self, t, tf};

/// Deactivation ends the user's sessions and tokens at once: asked first.
/// Activation is harmless and happens on the click. Gives the question to
/// ask, what "yes" does, and what a click on a user's button does.
pub fn use_deactivation(
    users: RwSignal<Vec<UserView>>,
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> (RwSignal<Option<Question>>, Callback<()>, Callback<UserView>) {
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
    let click = Callback::new(move |u: UserView| {
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
    });
    let confirmed = Callback::new(move |()| {
        if let Some(u) = asked_for.get_value() {
            toggle(u);
        }
    });
    (ask, confirmed, click)
}

/// The users; the signed-in administrator has no button on their own row.
#[component]
pub fn UserTable(
    users: RwSignal<Vec<UserView>>,
    orgs: RwSignal<Vec<OrganisationView>>,
    click: Callback<UserView>,
) -> impl IntoView {
    let me = crate::session::use_session()
        .view()
        .map(|s| s.user.id.clone())
        .unwrap_or_default();
    let org_name = move |id: &str| {
        orgs.get()
            .into_iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_owned(), |o| o.name)
    };
    view! {
        <table class="ds-table" tabindex="0" data-testid="user-table">
            <caption class="ds-sr-only">{t("admin.users.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("admin.name")}</th>
                    <th scope="col">{t("admin.users.email_col")}</th>
                    <th scope="col">{t("admin.users.role")}</th>
                    <th scope="col">{t("admin.users.organisation")}</th>
                    <th scope="col">{t("admin.users.status")}</th>
                    <th scope="col">
                        <span class="ds-sr-only">{t("admin.users.action")}</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    users
                        .get()
                        .into_iter()
                        .map(|u| {
                            let own = u.id == me;
                            view! {
                                <tr>
                                    <td>{u.name.clone()}</td>
                                    <td>{u.email.clone()}</td>
                                    <td>{i18n::name(u.role)}</td>
                                    <td>{org_name(&u.organisation_id)}</td>
                                    <td>
                                        {if u.active {
                                            t("admin.users.active")
                                        } else {
                                            t("admin.users.inactive")
                                        }}
                                    </td>
                                    <td>{(!own).then(|| toggle_button(u.clone(), click))}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// The button that deactivates (asked first) or activates the user.
fn toggle_button(u: UserView, click: Callback<UserView>) -> impl IntoView {
    let label = if u.active {
        t("admin.users.deactivate")
    } else {
        t("admin.users.activate")
    };
    let aria = if u.active {
        tf("admin.users.deactivate_named", &[("name", &u.name)])
    } else {
        tf("admin.users.activate_named", &[("name", &u.name)])
    };
    view! {
        <button
            class="ds-button"
            data-variant="tertiary"
            data-size="sm"
            type="button"
            aria-label=aria
            on:click=move |_| click.run(u.clone())
        >
            {label}
        </button>
    }
}
