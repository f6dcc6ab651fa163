//! The table of cases shared by the case list and Helfo's queue, with the
//! texts of a case's state, deadline and waiting time.

use frist_domain::fristbrudd::{CaseSummary, SiteAction, State, WaitingList};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::form::{due_tag, nb};
use crate::i18n::{name, t};

/// What the original site must do now, in the chosen language.
pub(super) fn site_action_text(action: &SiteAction) -> String {
    match action {
        SiteAction::KeepOnList => t("fristbrudd.action_keep_on_list").into(),
        SiteAction::UploadDocumentation => t("fristbrudd.action_upload").into(),
        SiteAction::RemoveFromList => t("fristbrudd.action_remove_from_list").into(),
        SiteAction::StoppedKeepOnList => t("fristbrudd.action_stopped").into(),
        SiteAction::AppointmentReported => t("fristbrudd.action_appointment_reported").into(),
        SiteAction::GiveAppointmentDate => t("fristbrudd.action_give_appointment_date").into(),
    }
}

fn deadline_text(c: &CaseSummary) -> String {
    c.next_deadline
        .map(|(k, d)| format!("{} {}", name(k), nb(d)))
        .unwrap_or_else(|| "–".into())
}

pub(super) fn state_tag(state: State) -> impl IntoView {
    let color = match state {
        State::Accepted => "success",
        s if s.is_open() => "info",
        _ => "neutral",
    };
    view! {
        <span class="ds-tag" data-color=color>
            {name(state)}
        </span>
    }
}

pub(super) fn waiting_text(w: WaitingList) -> &'static str {
    match w {
        WaitingList::Keep => t("fristbrudd.waiting_keep"),
        WaitingList::Remove => t("fristbrudd.waiting_remove"),
    }
}

/// A table of cases; `queue` adds the urgency column.
#[component]
pub(super) fn CaseTable(
    #[prop(into)] cases: Signal<Vec<CaseSummary>>,
    caption: &'static str,
    queue: bool,
) -> impl IntoView {
    // On a narrow screen the table scrolls sideways: said above it. Every
    // table takes the keyboard focus, so the arrows can scroll it there.
    view! {
        <p class="ds-paragraph frist-scroll-hint" data-size="sm" aria-hidden="true">
            {t("list.scroll_hint")}
        </p>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="case-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("fristbrudd.th_case")}</th>
                        {queue.then(|| view! { <th scope="col">{t("fristbrudd.urgency")}</th> })}
                        <th scope="col">{t("fristbrudd.patient")}</th>
                        <th scope="col">{t("fristbrudd.specialty")}</th>
                        <th scope="col">{t("fristbrudd.fristdato")}</th>
                        <th scope="col">{t("fristbrudd.status")}</th>
                        <th scope="col">{t("fristbrudd.next_deadline")}</th>
                        <th scope="col">{t("fristbrudd.waiting_list")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        cases
                            .get()
                            .into_iter()
                            .map(|c| {
                                let href = format!("/fristbrudd/saker/{}", c.id);
                                let urgency = match (c.urgent, c.urgent_confirmed) {
                                    (true, true) => t("fristbrudd.urgent_confirmed"),
                                    (true, false) => t("fristbrudd.urgent_unconfirmed"),
                                    _ => t("fristbrudd.normal"),
                                };
                                let deadline = deadline_text(&c);
                                let tag = c.next_deadline.and_then(|(_, d)| due_tag(d));
                                view! {
                                    <tr data-case=c.id.clone()>
                                        <td>
                                            <A href=href>{c.number.clone()}</A>
                                        </td>
                                        {queue.then(|| view! { <td>{urgency}</td> })}
                                        <td>{c.patient_fnr_masked.clone()}</td>
                                        <td>{c.specialty.clone()}</td>
                                        <td>{nb(c.fristdato)}</td>
                                        <td>{state_tag(c.state)}</td>
                                        <td>{deadline}{tag}</td>
                                        <td>{waiting_text(c.waiting_list)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
        {move || {
            cases
                .get()
                .is_empty()
                .then(|| view! { <p class="ds-paragraph">{t("fristbrudd.no_cases")}</p> })
        }}
    }
}
