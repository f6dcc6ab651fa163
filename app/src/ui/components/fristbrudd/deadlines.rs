//! A case's deadlines, with a calendar file to save them.

use frist_domain::fristbrudd::{CaseView, DeadlineKind};
use leptos::prelude::*;

use crate::form::{due_tag, nb};
use crate::i18n::t;

use super::case_detail::save_calendar;

#[component]
pub(super) fn Deadlines(c: CaseView) -> impl IntoView {
    let d = c.deadlines;
    let next = c.next_deadline;
    let running = c.case.running_deadlines();
    // One deadline is "the next" even when two fall on the same day; a
    // deadline still running carries its tag (overdue, today, this week).
    let row = move |label: &'static str, kind: DeadlineKind, date: Option<chrono::NaiveDate>| {
        date.map(|date| {
            let is_next = next.is_some_and(|(k, _)| k == kind);
            let tag = running
                .iter()
                .any(|(k, _)| *k == kind)
                .then(|| due_tag(date))
                .flatten();
            view! {
                <dt>{label}</dt>
                <dd>
                    {nb(date)}
                    {is_next.then(|| format!(" ({})", t("fristbrudd.next_deadline_note")))}{tag}
                </dd>
            }
        })
    };
    view! {
        <h2 class="ds-heading" data-size="sm">
            {t("fristbrudd.deadlines")}
        </h2>
        <dl class="frist-facts" data-testid="deadlines">
            {row(t("fristbrudd.deadline_contact"), DeadlineKind::ContactBy, d.contact_by)}
            {row(t("fristbrudd.deadline_reply"), DeadlineKind::ReplyBy, d.reply_by)}
            {row(
                t("fristbrudd.first_answer_by"),
                DeadlineKind::ServiceLimit,
                Some(d.service_limit),
            )}
        </dl>
        {(!c.case.running_deadlines().is_empty())
            .then(|| {
                view! {
                    <p class="ds-paragraph frist-no-print">
                        <button
                            class="ds-button"
                            data-variant="tertiary"
                            type="button"
                            data-testid="save-ics"
                            on:click=move |_| save_calendar(&c)
                        >
                            {t("fristbrudd.ics_button")}
                        </button>
                    </p>
                }
            })}
    }
}
