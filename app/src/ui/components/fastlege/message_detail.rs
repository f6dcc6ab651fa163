//! `/fastlege/meldinger/:id`: one message with its endings and age limits.

use frist_domain::fastlege::{MessageView, Status};
use leptos::prelude::*;

use crate::api::{self, show_loaded};
use crate::confirm::{Confirm, Question};
use crate::form::{alert, loading_or_failure, today};
use crate::i18n::{t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

use super::message_facts::MessageFacts;
use super::messages::MESSAGE_LISTS;
use super::timeline::{ClassBox, Timeline};

/// One message as sent, and — for Helfo, and only here — its registration
/// (FL-8). What Helfo registers is public at once and cannot be undone
/// (seed 003: «ingen angreknapp»), so registering asks first, saying so.
#[component]
pub fn MessageDetail() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = Signal::derive(move || params.get().get("id").unwrap_or_default());
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    let message = RwSignal::new(None::<MessageView>);
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let ask = RwSignal::new(None::<Question>);
    // Loaded for the message in the address, and dropped with the page.
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move { api::fl_message(&id).await }
    });
    show_loaded(loaded, message, failure);
    let register = registrar(message, failure, done);
    let today = today();
    move || {
        let Some(m) = message.get() else {
            // Loading, or why not (an unknown number says so; never "loading" for ever).
            return view! {
                <BackLink
                    fallback=("/fastlege/meldinger", "fastlege.back_to_messages")
                    lists=MESSAGE_LISTS
                />
                {loading_or_failure(failure, "fastlege.loading")}
            }
            .into_any();
        };
        let can_register = helfo && m.status == Status::Sent;
        view! {
            <Breadcrumbs list=("/fastlege/meldinger", "nav.fastlege") current=m.number.clone() />
            <BackLink
                fallback=("/fastlege/meldinger", "fastlege.back_to_messages")
                lists=MESSAGE_LISTS
            />
            <h1 class="ds-heading" data-size="lg">
                {tf("fastlege.message_title", &[("number", &m.number)])}
            </h1>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || {
                done.get()
                    .map(|text| {
                        view! {
                            <div
                                class="ds-alert"
                                data-color="success"
                                role="status"
                                id="fl-done"
                                tabindex="-1"
                            >
                                <p class="ds-paragraph">{text}</p>
                            </div>
                        }
                    })
            }}
            <MessageFacts m=m.clone() />
            <h2 class="ds-heading" data-size="sm">
                {t("fastlege.whats_next")}
            </h2>
            <Timeline timing=m.timing today=today kind=m.kind />
            {m.timing.class.map(|c| view! { <ClassBox class=c /> })}
            {can_register.then(|| view! { <RegisterButton m=m.clone() ask=ask /> })}
            <Confirm id="fl-register-confirm" ask=ask on_yes=register />
        }
        .into_any()
    }
}

/// FL-8: registers the message shown, then says what it came to.
fn registrar(
    message: RwSignal<Option<MessageView>>,
    failure: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
) -> Callback<()> {
    Callback::new(move |()| {
        let Some(m) = message.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match api::fl_register(&m.id, m.version).await {
                Ok(now) => {
                    failure.set(None);
                    done.set(Some(tf(
                        "fastlege.registered_done",
                        &[
                            ("number", &now.number),
                            ("letters", &now.letters.unwrap_or(0).to_string()),
                        ],
                    )));
                    message.set(Some(now));
                    crate::form::focus_id("fl-done");
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    })
}

/// FL-8: the button that asks before registering, saying what follows
/// (and how many letters go out).
#[component]
fn RegisterButton(m: MessageView, ask: RwSignal<Option<Question>>) -> impl IntoView {
    let question = move |_| {
        let letters = if m.citizens_moved > 0 {
            tf(
                "fastlege.register_letters",
                &[("n", &m.citizens_moved.to_string())],
            )
        } else {
            String::new()
        };
        ask.set(Some(Question {
            title: tf("fastlege.register_confirm_title", &[("number", &m.number)]),
            body: tf(
                "fastlege.register_confirm_body",
                &[("summary", &m.summary), ("letters", &letters)],
            ),
            yes: t("fastlege.register").to_owned(),
        }));
    };
    view! {
        <div class="frist-actions">
            <button class="ds-button" data-variant="primary" type="button" on:click=question>
                {t("fastlege.register")}
            </button>
        </div>
    }
}
