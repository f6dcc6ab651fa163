//! On the administrator's users page: who may sign in as a user through
//! HelseID or ID-porten. Nobody becomes a user by signing in; a person gets
//! in only as the user an administrator linked them to here — by HPR
//! number, national identity number (shown masked) or the provider's `sub`.

use frist_domain::api::UserView;
use frist_domain::ids::FnrContext;
use frist_domain::oidc::{IdentityLinkView, LinkKind, NewIdentityLink, Provider};
use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{ErrorSummary, SelectField, TextField, error_for, errors_of, focus_summary};
use crate::i18n::{t, tf};

#[component]
pub fn IdentityLinks(users: RwSignal<Vec<UserView>>) -> impl IntoView {
    let user = RwSignal::new(String::new());
    let links = RwSignal::new(Vec::<IdentityLinkView>::new());
    let alert = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    load_links(user, links, alert);
    let user_options = user_options(users);
    let remove = Callback::new(move |link: IdentityLinkView| {
        done.set(None);
        leptos::task::spawn_local(async move {
            match api::unlink_identity(&link.user_id, &link.id).await {
                Ok(()) => {
                    links.try_update(|l| l.retain(|x| x.id != link.id));
                    done.try_set(Some(tf(
                        "admin.identities.unlinked",
                        &[("value", &link.shown)],
                    )));
                }
                Err(e) => {
                    alert.try_set(Some(e.text()));
                }
            }
        });
    });

    view! {
        <h2 class="ds-heading" data-size="md" id="identities">
            {t("admin.identities.title")}
        </h2>
        <p class="ds-paragraph">{t("admin.identities.intro")}</p>
        {crate::ui::components::admin::outcome(alert, done, Some("identity-done"))}
        <SelectField
            id="identity-user"
            label=t("admin.identities.user")
            value=user
            options=user_options
            error=Signal::derive(|| None::<String>)
        />
        <Show when=move || !user.get().is_empty()>
            <LinkTable links=links remove=remove />
            <LinkForm user=user links=links alert=alert done=done />
        </Show>
    }
}

/// The form that links a person to the chosen user.
#[component]
fn LinkForm(
    user: RwSignal<String>,
    links: RwSignal<Vec<IdentityLinkView>>,
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let provider = RwSignal::new("helseid".to_owned());
    let kind = RwSignal::new("hpr".to_owned());
    let value = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::<Issue>::new());
    let key = RwSignal::new(api::new_idempotency_key());
    let summary = NodeRef::<html::Div>::new();
    let form = move || NewIdentityLink {
        provider: provider.get(),
        kind: kind.get(),
        value: value.get(),
    };
    let fnr = move || FnrContext {
        today: crate::form::today(),
        allow_synthetic: true,
    };
    let errors = Signal::derive(move || {
        if !tried.get() {
            return Vec::new();
        }
        let report = match form().check(&fnr()) {
            Err(r) => r,
            Ok(_) => Report {
                issues: edge_issues.get(),
            },
        };
        errors_of(&report, "identity-")
    });
    let kinds = Signal::derive(move || kind_options(&provider.get()));
    keep_kind_offered(kinds, kind);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        edge_issues.set(Vec::new());
        done.set(None);
        let id = user.get_untracked();
        if id.is_empty() || form().check(&fnr()).is_err() {
            focus_summary(summary);
            return;
        }
        let body = form();
        let idem = key.get_untracked();
        let state = LinkState {
            links,
            value,
            tried,
            key,
            edge_issues,
            alert,
            done,
            summary,
        };
        leptos::task::spawn_local(send_link(id, body, idem, state));
    };
    view! {
        <form on:submit=submit novalidate class="frist-form">
            <ErrorSummary errors=errors node_ref=summary />
            {inputs(provider, kind, value, kinds, errors)}
            <button class="ds-button" data-variant="primary" type="submit">
                {t("admin.identities.link")}
            </button>
        </form>
    }
}

/// The chosen user's links, read again whenever the choice changes.
fn load_links(
    user: RwSignal<String>,
    links: RwSignal<Vec<IdentityLinkView>>,
    alert: RwSignal<Option<String>>,
) {
    // Another user chosen: the last one's links go at once.
    Effect::new(move |_| {
        user.track();
        links.set(Vec::new());
    });
    let loaded = LocalResource::new(move || {
        let id = user.get();
        async move {
            if id.is_empty() {
                Ok(Vec::new())
            } else {
                api::identities(&id).await
            }
        }
    });
    Effect::new(move |_| match loaded.get() {
        Some(Ok(list)) => links.set(list),
        Some(Err(e)) => alert.set(Some(e.text())),
        None => {}
    });
}

/// Each user by name and e-mail address.
fn user_options(users: RwSignal<Vec<UserView>>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        users
            .get()
            .into_iter()
            .map(|u| (u.id.clone(), format!("{} ({})", u.name, u.email)))
            .collect::<Vec<_>>()
    })
}

/// The provider, the kind of identity and its value, each with its error.
fn inputs(
    provider: RwSignal<String>,
    kind: RwSignal<String>,
    value: RwSignal<String>,
    kinds: Signal<Vec<(String, String)>>,
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let providers = Signal::derive(provider_options);
    view! {
        <SelectField
            id="identity-provider"
            label=t("admin.identities.provider")
            value=provider
            options=providers
            error=field("identity-provider")
        />
        <SelectField
            id="identity-kind"
            label=t("admin.identities.kind")
            value=kind
            options=kinds
            error=field("identity-kind")
        />
        <TextField
            id="identity-value"
            label=t("admin.identities.value")
            description=t("admin.identities.value_help")
            value=value
            error=field("identity-value")
        />
    }
}

/// A kind the chosen provider does not offer falls back to its first.
fn keep_kind_offered(kinds: Signal<Vec<(String, String)>>, kind: RwSignal<String>) {
    Effect::new(move |_| {
        let offered = kinds.get();
        if !offered.iter().any(|(k, _)| *k == kind.get_untracked())
            && let Some((first, _)) = offered.first()
        {
            kind.set(first.clone());
        }
    });
}

/// The chosen user's links, each with a button that removes it.
#[component]
fn LinkTable(
    links: RwSignal<Vec<IdentityLinkView>>,
    remove: Callback<IdentityLinkView>,
) -> impl IntoView {
    view! {
        <table class="ds-table" tabindex="0" data-testid="identity-table">
            <caption class="ds-sr-only">{t("admin.identities.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("admin.identities.provider")}</th>
                    <th scope="col">{t("admin.identities.kind")}</th>
                    <th scope="col">{t("admin.identities.value")}</th>
                    <th scope="col">
                        <span class="ds-sr-only">{t("admin.users.action")}</span>
                    </th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let list = links.get();
                    if list.is_empty() {
                        return view! {
                            <tr>
                                <td colspan="4">{t("admin.identities.none")}</td>
                            </tr>
                        }
                            .into_any();
                    }
                    list.into_iter()
                        .map(|l| {
                            let aria = tf("admin.identities.unlink_named", &[("value", &l.shown)]);
                            let row = l.clone();
                            view! {
                                <tr>
                                    <td>{l.provider.display_name()}</td>
                                    <td>{kind_name(l.kind)}</td>
                                    <td>{l.shown.clone()}</td>
                                    <td>
                                        <button
                                            class="ds-button"
                                            data-variant="tertiary"
                                            data-size="sm"
                                            type="button"
                                            aria-label=aria
                                            on:click=move |_| remove.run(row.clone())
                                        >
                                            {t("admin.identities.unlink")}
                                        </button>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </tbody>
        </table>
    }
}

/// What the form changes when the edge answers.
#[derive(Clone, Copy)]
struct LinkState {
    links: RwSignal<Vec<IdentityLinkView>>,
    value: RwSignal<String>,
    tried: RwSignal<bool>,
    key: RwSignal<String>,
    edge_issues: RwSignal<Vec<Issue>>,
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
    summary: NodeRef<html::Div>,
}

/// Sends one link; the form empties on success, and the edge's issues go
/// to their fields.
async fn send_link(user: String, body: NewIdentityLink, idem: String, s: LinkState) {
    match api::link_identity(&user, &body, &idem).await {
        Ok(link) => {
            s.done.try_set(Some(tf(
                "admin.identities.linked",
                &[("value", &link.shown)],
            )));
            s.links.try_update(|l| l.push(link));
            s.value.try_set(String::new());
            s.tried.try_set(false);
            s.key.try_set(api::new_idempotency_key());
        }
        Err(api::ApiError::Problem(p)) if !p.issues.is_empty() => {
            s.edge_issues.try_set(p.issues.clone());
            focus_summary(s.summary);
        }
        Err(e) => {
            s.alert.try_set(Some(e.text()));
        }
    }
}

/// The providers, as a select's options.
fn provider_options() -> Vec<(String, String)> {
    Provider::iter()
        .map(|p| {
            (
                <&'static str>::from(p).to_owned(),
                p.display_name().to_owned(),
            )
        })
        .collect()
}

/// The kinds of link `provider` offers, as a select's options.
fn kind_options(provider: &str) -> Vec<(String, String)> {
    let p = provider.parse::<Provider>().unwrap_or(Provider::Helseid);
    p.link_kinds()
        .iter()
        .map(|k| {
            (
                <&'static str>::from(*k).to_owned(),
                kind_name(*k).to_owned(),
            )
        })
        .collect()
}

fn kind_name(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Hpr => t("admin.identities.kind_hpr"),
        LinkKind::Pid => t("admin.identities.kind_pid"),
        LinkKind::Sub => t("admin.identities.kind_sub"),
    }
}
