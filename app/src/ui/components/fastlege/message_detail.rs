//! `/fastlege/meldinger/:id`: one message with its endings and age limits.

use frist_domain::fastlege::{self as fl, Ending, MessageView, Status};
use leptos::prelude::*;

use crate::api::{self, show_loaded};
use crate::confirm::{Confirm, Question};
use crate::form::{alert, due_tag, loading_or_failure, nb, today};
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
    let register = Callback::new(move |()| {
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
    });
    let today = today();
    move || {
        let Some(m) = message.get() else {
            // Loading, or why not (an unknown number says so; never "loading" for ever).
            return view! {
                <BackLink fallback=("/fastlege/meldinger", "fastlege.back_to_messages") lists=MESSAGE_LISTS/>
                {loading_or_failure(failure, "fastlege.loading")}
            }
            .into_any();
        };
        let can_register = helfo && m.status == Status::Sent;
        view! {
            <Breadcrumbs list=("/fastlege/meldinger", "nav.fastlege") current=m.number.clone()/>
            <BackLink fallback=("/fastlege/meldinger", "fastlege.back_to_messages") lists=MESSAGE_LISTS/>
            <h1 class="ds-heading" data-size="lg">{tf("fastlege.message_title", &[("number", &m.number)])}</h1>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|text| view! {
                <div class="ds-alert" data-color="success" role="status" id="fl-done" tabindex="-1">
                    <p class="ds-paragraph">{text}</p>
                </div>
            })}
            <MessageFacts m=m.clone()/>
            <h2 class="ds-heading" data-size="sm">{t("fastlege.whats_next")}</h2>
            <Timeline timing=m.timing today=today kind=m.kind/>
            {m.timing.class.map(|c| view! { <ClassBox class=c/> })}
            {can_register.then(|| view! { <RegisterButton m=m.clone() ask=ask/> })}
            <Confirm id="fl-register-confirm" ask=ask on_yes=register/>
        }
        .into_any()
    }
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

pub(super) fn endings_table(rows: Vec<Ending>, helfo: bool, testid: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="ds-paragraph" data-testid=testid>{t("fastlege.none")}</p> }
            .into_any();
    }
    view! {
        <div class="frist-table-wrap">
        <table class="ds-table" tabindex="0" data-testid=testid>
            <thead><tr>
                <th scope="col">{t("fastlege.col_termination")}</th>
                {helfo.then(|| view! { <th scope="col">{t("fastlege.col_municipality")}</th> })}
                <th scope="col">{t("fastlege.col_gp")}</th>
                <th scope="col">{t("fastlege.col_agreement_ends")}</th>
                <th scope="col">{t("fastlege.col_chase_from")}</th>
                <th scope="col">{t("fastlege.col_followed_up")}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|e| view! {
                    <tr>
                        <td>{e.number}</td>
                        {helfo.then(|| view! { <td>{e.organisation_name.clone()}</td> })}
                        <td>{e.gp_name}</td>
                        <td>{nb(e.termination)}</td>
                        // The message was due the day before Helfo chases.
                        <td>
                            {nb(e.chase_from)}
                            {e.followed_up_by.is_none().then(|| e.chase_from.pred_opt().and_then(due_tag)).flatten()}
                            // FL-7: the day Helfo e-mailed the municipality (issue 26).
                            {e.chased_on.map(|d| view! {
                                <span class="ds-tag" data-color="info" data-size="sm" data-testid="chased-on">
                                    {tf("fastlege.chased_on", &[("date", &nb(d))])}
                                </span>
                            })}
                        </td>
                        <td>{e.followed_up_by.unwrap_or_else(|| t("fastlege.no").into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

/// FL-1: GPs reaching the age limit within 12 months (Helfo: with their
/// municipality — seed 001: Helfo follows these up itself).
pub(super) fn age_limit_list(rows: Vec<fl::AgeLimit>, helfo: bool) -> impl IntoView {
    view! {
        <h2 class="ds-heading" data-size="sm">{tf("fastlege.age_limit_heading", &[("age", &fl::AGE_LIMIT.to_string())])}</h2>
        {if rows.is_empty() {
            view! { <p class="ds-paragraph" data-testid="age-limit">{t("fastlege.no_known_birth_dates")}</p> }.into_any()
        } else {
            view! {
                <ul class="ds-list" data-testid="age-limit">
                    {rows.into_iter().map(|a| {
                        let place = if helfo { format!(", {}", a.organisation_name) } else { String::new() };
                        view! { <li>{format!("{} (HPR {}{place}) – {}", a.gp_name, a.gp_hpr, nb(a.reaches_limit_on))}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
