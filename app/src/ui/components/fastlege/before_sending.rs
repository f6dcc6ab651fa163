//! The fastlege form's "before sending" panel: the live timeline, the
//! timing class and the warnings, as the clerk types.

use frist_domain::fastlege::Message;
use frist_domain::{Report, Severity};
use leptos::prelude::*;

use crate::i18n::{issue, t};

use super::timeline::{ClassBox, Timeline};

#[component]
pub(super) fn BeforeSending(
    checked: Memo<(Report, Option<Message>)>,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let warnings = Signal::derive(move || {
        checked
            .get()
            .0
            .issues
            .into_iter()
            .filter(|i| i.severity == Severity::Warning)
            .map(|i| issue(&i))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="frist-panel" aria-labelledby="fl-before" data-testid="before-sending">
            <h2 class="ds-heading" data-size="sm" id="fl-before">
                {t("fastlege.before_sending_heading")}
            </h2>
            {move || {
                checked
                    .get()
                    .1
                    .map(|m| {
                        view! {
                            <Timeline timing=m.timing today=today kind=m.kind />
                            {match m.timing.class {
                                Some(c) => view! { <ClassBox class=c /> }.into_any(),
                                None => {
                                    view! {
                                        <p
                                            class="ds-paragraph"
                                            data-size="sm"
                                            data-testid="no-class"
                                        >
                                            {t("fastlege.no_class")}
                                        </p>
                                    }
                                        .into_any()
                                }
                            }}
                        }
                    })
            }}
            {move || {
                checked
                    .get()
                    .1
                    .is_none()
                    .then(|| {
                        view! {
                            <p class="ds-paragraph" data-size="sm">
                                {t("fastlege.timeline_pending")}
                            </p>
                        }
                    })
            }}
            {move || {
                let w = warnings.get();
                (!w.is_empty())
                    .then(|| {
                        view! {
                            <div
                                class="ds-alert"
                                data-color="warning"
                                role="status"
                                data-testid="warnings"
                            >
                                <ul class="ds-list">
                                    {w.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
