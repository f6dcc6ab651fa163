//! `/fastlege/meldinger`: the messages a municipality sent, or Helfo received.

use frist_domain::fastlege::{MessageView, Status};
use leptos::prelude::*;
use leptos_router::components::A;
use strum::IntoEnumIterator;

use crate::api::{self, load_all_for};
use crate::form::{SelectField, alert, show_filter, show_note, today};
use crate::i18n::{name, t, tf};
use crate::session::use_session;

use super::message_row::MessageRow;

/// The pages a message is opened from, for its back link.
pub(super) const MESSAGE_LISTS: &[(&str, &str)] = &[
    ("/fastlege/meldinger", "fastlege.back_to_messages"),
    ("/fastlege/oversikt", "fastlege.back_to_dashboard"),
    ("/", "nav.back_to_home"),
];

#[component]
pub fn Messages() -> impl IntoView {
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    let messages = RwSignal::new(Vec::<MessageView>::new());
    let failure = RwSignal::new(None::<String>);
    // `?vis=` from the front page's counts: messages not yet registered,
    // by the day Helfo should have registered them.
    let show = show_filter();
    let today = today();
    let shown = move || {
        let mut list = messages.get();
        if let Some(s) = show.get() {
            list.retain(|m| registration_due(m).is_some() && s.keeps(registration_due(m), today));
        }
        // Overdue first (issue 24); otherwise the edge's order, soonest
        // effective first.
        list.sort_by_key(|m| registration_due(m).is_none_or(|d| d >= today));
        list
    };
    let status = RwSignal::new(if helfo {
        "sent".to_owned()
    } else {
        String::new()
    });
    load_all_for(messages, failure, move || status.get(), api::fl_messages);
    let options = status_options();
    view! {
        <h1 class="ds-heading" data-size="lg">
            {if helfo { t("fastlege.incoming_title") } else { t("fastlege.municipality_messages") }}
        </h1>
        <p class="ds-paragraph">{t("fastlege.sorted_note")}</p>
        {(!helfo)
            .then(|| {
                view! {
                    <p class="ds-paragraph">
                        <A href="/fastlege/ny">{t("fastlege.send_new")}</A>
                    </p>
                }
            })}
        {move || failure.get().map(|t| alert("danger", t))}
        {show_note(show, "/fastlege/meldinger")}
        <div class="frist-filter">
            <SelectField
                id="fl-filter"
                label=t("fastlege.filter_label")
                value=status
                options=options
                error=Signal::derive(|| None::<String>)
            />
        </div>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="message-table">
                <caption class="ds-sr-only">{t("fastlege.table_caption")}</caption>
                {table_head(helfo)}
                <tbody>
                    {move || {
                        shown()
                            .into_iter()
                            .map(|m| view! { <MessageRow m=m helfo=helfo /> })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
        {move || {
            messages
                .get()
                .is_empty()
                .then(|| view! { <p class="ds-paragraph">{t("fastlege.no_messages")}</p> })
        }}
    }
}

/// The message table's column headings; Helfo also sees the municipality.
fn table_head(helfo: bool) -> impl IntoView {
    view! {
        <thead>
            <tr>
                <th scope="col">{t("fastlege.col_number")}</th>
                {helfo
                    .then(|| {
                        view! { <th scope="col">{t("fastlege.col_municipality")}</th> }
                    })}
                <th scope="col">{t("fastlege.message")}</th>
                <th scope="col">{t("fastlege.effective_from")}</th>
                <th scope="col">{t("fastlege.col_class")}</th>
                <th scope="col">{t("fastlege.col_status")}</th>
                <th scope="col">
                    <span class="ds-sr-only">{t("fastlege.col_action")}</span>
                </th>
            </tr>
        </thead>
    }
}

/// Every status, for the filter.
fn status_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        Status::iter()
            .map(|s| (s.as_str().to_owned(), name(s).to_owned()))
            .collect::<Vec<_>>()
    })
}

/// A message's status in words, with the letters sent once registered.
pub(super) fn status_text(m: &MessageView) -> String {
    match (m.status, m.letters) {
        (Status::Registered, Some(n)) => tf(
            "fastlege.status_letters",
            &[("status", name(m.status)), ("n", &n.to_string())],
        ),
        _ => name(m.status).to_owned(),
    }
}

/// FL-8: the day Helfo should have registered a message by — the expected
/// date, and at the latest the day it takes effect; `None` once registered.
/// The list's tag, its filter and the front page's count all use it (the
/// edge counts with the same rule in `routes/overview.rs`).
pub(super) fn registration_due(m: &MessageView) -> Option<chrono::NaiveDate> {
    (m.status == Status::Sent).then(|| m.timing.expected_registration.min(m.effective))
}
