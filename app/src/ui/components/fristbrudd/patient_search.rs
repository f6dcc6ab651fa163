//! Finding a patient's cases by fødselsnummer, sent in a request body, never a URL.

use frist_domain::fristbrudd::CaseSummary;
use frist_domain::ids::FnrContext;
use leptos::prelude::*;

use crate::api;
use crate::form::today;
use crate::i18n::{issue, t, tf};

use super::case_table::CaseTable;

/// Helfo finds a patient's cases by fødselsnummer (issue 24). The number
/// is checked as typed and sent in a request body, never a URL; the edge
/// audits the search by the cases it found.
#[component]
pub(super) fn PatientSearch() -> impl IntoView {
    let fnr = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<Vec<CaseSummary>>);
    let today = today();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = fnr.get_untracked();
        let ctx = FnrContext {
            today,
            allow_synthetic: true,
        };
        if let Err(e) = frist_domain::ids::Fodselsnummer::parse(&typed, &ctx) {
            error.set(Some(issue(&frist_domain::Issue::from_id_error(
                "patient_fnr",
                e,
            ))));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match api::patient_search(&typed).await {
                Ok(list) => found.set(Some(list)),
                Err(e) => {
                    let detail: Vec<String> = e.issues().iter().map(issue).collect();
                    error.set(Some(if detail.is_empty() {
                        e.text()
                    } else {
                        detail.join(" ")
                    }));
                }
            }
        });
    };
    view! {
        <details class="frist-details" data-testid="patient-search">
            <summary>{t("fristbrudd.patient_search_summary")}</summary>
            <form class="frist-inline-form" on:submit=search novalidate>
                <div class="ds-field">
                    <label class="ds-label" for="fb-patient-search">
                        {t("fristbrudd.fnr_label")}
                    </label>
                    <input
                        class="ds-input"
                        id="fb-patient-search"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || error.get().map(|_| "true")
                        aria-describedby=move || error.get().map(|_| "fb-patient-search-error")
                        prop:value=move || fnr.get()
                        on:input=move |ev| fnr.set(event_target_value(&ev))
                    />
                    {move || {
                        error
                            .get()
                            .map(|e| {
                                view! {
                                    <div
                                        class="ds-validation-message"
                                        data-color="danger"
                                        id="fb-patient-search-error"
                                    >
                                        {e}
                                    </div>
                                }
                            })
                    }}
                </div>
                <div class="frist-actions">
                    <button class="ds-button" data-variant="secondary" type="submit">
                        {t("fristbrudd.patient_search_button")}
                    </button>
                </div>
            </form>
            <SearchResult found=found />
        </details>
    }
}

/// How many cases the search found, and the cases.
#[component]
fn SearchResult(found: RwSignal<Option<Vec<CaseSummary>>>) -> impl IntoView {
    move || {
        found.get().map(|list| {
            let n = list.len();
            view! {
                <p class="ds-paragraph" role="status">
                    {tf("fristbrudd.patient_search_found", &[("n", &n.to_string())])}
                </p>
                {(n > 0)
                    .then(|| {
                        view! {
                            <CaseTable
                                cases=Signal::derive(move || list.clone())
                                caption=t("fristbrudd.patient_search_caption")
                                queue=false
                            />
                        }
                    })}
            }
        })
    }
}
