//! Sending a form through the browser's outbox, and what the user is told
//! while it goes.

use frist_domain::Issue;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, tf};

use super::draft;
use super::fields::focus_id;
use super::parts::gloo_sleep;
use super::summary::{focus_summary, refusal};

/// Where a submission stands; the form always says which (issue 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Not sent: what is typed is kept in this browser.
    Draft,
    /// On its way to Helfo.
    Sending,
    /// The network failed: it waits in this browser's outbox and is sent
    /// again, with the same key, in `seconds`.
    Waiting { attempt: u32, seconds: u32 },
}

/// What sending a form touches: its busy flag, the edge's field issues, the
/// alert, the error summary, the receipt, the draft to clear, and where the
/// submission stands.
pub struct Sending<T: Send + Sync + 'static> {
    pub busy: RwSignal<bool>,
    pub edge_issues: RwSignal<Vec<Issue>>,
    pub failure: RwSignal<Option<String>>,
    pub summary: NodeRef<html::Div>,
    pub receipt: RwSignal<Option<T>>,
    pub draft_key: &'static str,
    pub delivery: RwSignal<Delivery>,
}

impl<T: Send + Sync + 'static> Clone for Sending<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Sending<T> {}

/// Sends a form through the browser's outbox: on success the receipt
/// replaces it and the draft goes; when the network fails it stays in the
/// outbox (also across a reload: see [`draft::pending`]) and is sent again
/// with the same `Idempotency-Key` — after 4, 8, 16, then every 30 seconds —
/// until it lands or the user cancels; a refusal shows the edge's field
/// issues (or its text) in the summary.
pub fn send_form<T, F, Fut>(s: Sending<T>, request: F)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, crate::api::ApiError>> + 'static,
{
    s.busy.set(true);
    s.delivery.set(Delivery::Sending);
    draft::set_pending(s.draft_key, true);
    leptos::task::spawn_local(async move {
        let mut attempt = 0;
        loop {
            match request().await {
                Ok(answer) => {
                    draft::clear(s.draft_key);
                    s.delivery.set(Delivery::Draft);
                    s.receipt.set(Some(answer));
                    focus_id("receipt");
                    break;
                }
                Err(crate::api::ApiError::Network) => {
                    attempt += 1;
                    let wait = (2u32 << attempt.min(4)).min(30);
                    for seconds in (1..=wait).rev() {
                        // Cancelled while waiting: it stays a draft. The
                        // form gone (the user moved on): the draft stays in
                        // the outbox, and the form resumes it when opened.
                        match s.delivery.try_get_untracked() {
                            None => return,
                            Some(Delivery::Draft) => break,
                            Some(_) => {}
                        }
                        s.delivery.set(Delivery::Waiting { attempt, seconds });
                        gloo_sleep(1000).await;
                    }
                    match s.delivery.try_get_untracked() {
                        None => return,
                        Some(Delivery::Draft) => {
                            draft::set_pending(s.draft_key, false);
                            break;
                        }
                        Some(_) => {}
                    }
                    s.delivery.set(Delivery::Sending);
                }
                Err(e) => {
                    draft::set_pending(s.draft_key, false);
                    s.delivery.set(Delivery::Draft);
                    refusal(&e, s.edge_issues, s.failure);
                    focus_summary(s.summary);
                    break;
                }
            }
        }
        s.busy.set(false);
    });
}

/// Where the form's submission stands, announced politely: kept in this
/// browser, sending, or waiting in the outbox for the network (with a way
/// to stop trying). The receipt replaces the form once it has arrived.
#[component]
pub fn DeliveryStatus(delivery: RwSignal<Delivery>) -> impl IntoView {
    view! {
        <div class="frist-delivery" data-testid="delivery" role="status" aria-live="polite">
            {move || match delivery.get() {
                Delivery::Draft => {
                    view! {
                        <p class="ds-paragraph" data-size="sm" data-state="draft">
                            {t("form.delivery_draft")}
                        </p>
                    }
                        .into_any()
                }
                Delivery::Sending => {
                    view! {
                        <p class="ds-paragraph" data-size="sm" data-state="sending">
                            {t("form.delivery_sending")}
                        </p>
                    }
                        .into_any()
                }
                Delivery::Waiting { attempt, seconds } => {
                    view! {
                        <p class="ds-paragraph" data-size="sm" data-state="waiting">
                            {tf(
                                "form.delivery_waiting",
                                &[
                                    ("seconds", &seconds.to_string()),
                                    ("attempt", &attempt.to_string()),
                                ],
                            )}
                        </p>
                        <button
                            class="ds-button"
                            data-variant="tertiary"
                            data-size="sm"
                            type="button"
                            data-testid="cancel-sending"
                            on:click=move |_| delivery.set(Delivery::Draft)
                        >
                            {t("form.delivery_cancel")}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
