//! Recording a letter sent to the patient about a case.

use frist_domain::fristbrudd::{self as fb, Actor, CaseView, EventForm, EventKind};
use leptos::prelude::*;

use crate::form::{ErrorSummary, TextField, checked_fields, nb, ready_to_send, today};
use crate::i18n::{t, tf};

/// FB-4/FB-5: the letter's date, with the reply deadline it sets.
#[component]
pub(super) fn LetterForm<S>(c: CaseView, send: S, busy: RwSignal<bool>) -> impl IntoView
where
    S: Fn(EventForm, String) + Clone + 'static,
{
    let case = c.case;
    let sent = RwSignal::new(nb(today()));
    let form = move || EventForm {
        event: EventKind::LetterSent.as_str().into(),
        sent: sent.get(),
        ..Default::default()
    };
    // The same check as the edge's, with the case's own dates (a letter
    // before the take-up is refused here, at the field).
    let check = Memo::new(move |_| form().check_for(&case, Actor::Helfo, today()).err());
    // The reply deadline only for a date the edge will take.
    let preview = move || {
        check.get().is_none().then(|| {
            frist_domain::calendar::parse_date(&sent.get())
                .and_then(|d| fb::reply_by(d).ok())
                .map(|r| tf("fristbrudd.reply_preview", &[("date", &nb(r))]))
        })
    };
    let (errors, field, summary, tried) = checked_fields(check, "fb-letter-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready_to_send(check, tried, summary) {
            return;
        }
        send(form(), t("fristbrudd.letter_registered").into());
    };
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="letter-form">
            <ErrorSummary errors=errors node_ref=summary />
            <TextField
                id="fb-letter-sent"
                label=t("fristbrudd.letter_label")
                description=t("fristbrudd.date_hint")
                value=sent
                error=field("fb-letter-sent")
            />
            <p class="ds-paragraph" data-size="sm" aria-live="polite" data-testid="reply-preview">
                {preview}
            </p>
            <button
                class="ds-button"
                data-variant="secondary"
                type="submit"
                disabled=move || busy.get()
            >
                {t("fristbrudd.letter_submit")}
            </button>
        </form>
    }
}
