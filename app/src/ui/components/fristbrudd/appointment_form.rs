//! Recording the appointment Helfo found for the patient.

use frist_domain::fristbrudd::{Actor, CaseView, EventForm, EventKind, State, Variant};
use leptos::prelude::*;

use crate::form::{ErrorSummary, TextField, checked_fields, ready_to_send, today};
use crate::i18n::{name, t};

/// FB-8: "we found an appointment", with which of the three cases it is.
#[component]
pub(super) fn AppointmentForm<S>(c: CaseView, send: S, busy: RwSignal<bool>) -> impl IntoView
where
    S: Fn(EventForm, String) + Clone + 'static,
{
    let date = RwSignal::new(String::new());
    let (state, fristdato) = (c.case.state, c.case.fristdato);
    let case = c.case.clone();
    // After "no offer found" the date answers Helfo's question; there is no
    // variant to weigh.
    let preview = move || {
        frist_domain::calendar::parse_date(&date.get())
            .filter(|_| state != State::NoOfferFound)
            .map(|d| name(Variant::of(state, fristdato, d)))
    };
    let form = move || EventForm {
        event: EventKind::SiteFoundAppointment.as_str().into(),
        appointment: date.get(),
        ..Default::default()
    };
    let check = Memo::new(move |_| form().check_for(&case, Actor::Site, today()).err());
    let (errors, field, summary, tried) = checked_fields(check, "fb-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready_to_send(check, tried, summary) {
            return;
        }
        send(form(), t("fristbrudd.appointment_reported").into());
    };
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="appointment-form">
            <ErrorSummary errors=errors node_ref=summary />
            <TextField
                id="fb-appointment"
                label=t("fristbrudd.appointment_label")
                description=t("fristbrudd.appointment_description")
                value=date
                error=field("fb-appointment")
            />
            <p class="ds-paragraph" data-size="sm" aria-live="polite">
                {preview}
            </p>
            <button
                class="ds-button"
                data-variant="secondary"
                type="submit"
                disabled=move || busy.get()
            >
                {t("fristbrudd.appointment_submit")}
            </button>
        </form>
    }
}
