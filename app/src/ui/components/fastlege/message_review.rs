//! "Se over og send inn": the fastlege message as it will be sent.

use frist_domain::Report;
use frist_domain::fastlege::{Message, MessageCreated};
use leptos::prelude::*;

use crate::form::{DeliveryStatus, Sending, alert};
use crate::i18n::t;

use super::timeline::{ClassBox, Timeline};

/// The rows the clerk filled in, the timing they give, and the buttons to
/// send or go back ("Endre", with everything kept).
#[component]
pub(super) fn MessageReview(
    rows: Vec<(String, String)>,
    checked: Memo<(Report, Option<Message>)>,
    today: chrono::NaiveDate,
    sending: Sending<MessageCreated>,
    send: Callback<()>,
    review: RwSignal<Option<Vec<(String, String)>>>,
) -> impl IntoView {
    let Sending {
        busy,
        failure,
        delivery,
        ..
    } = sending;
    let change = move |_| {
        review.set(None);
        leptos::prelude::request_animation_frame(|| crate::form::focus_id("fl-kind"));
    };
    view! {
        <section
            class="frist-panel"
            id="fl-review"
            tabindex="-1"
            data-testid="review"
            aria-labelledby="fl-review-heading"
        >
            <h2 class="ds-heading" data-size="sm" id="fl-review-heading">
                {t("fastlege.review_heading")}
            </h2>
            <p class="ds-paragraph">{t("fastlege.review_intro")}</p>
            <dl class="frist-facts">
                {rows
                    .into_iter()
                    .map(|(label, value)| {
                        view! {
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
            {move || {
                checked
                    .get()
                    .1
                    .map(|m| {
                        view! {
                            <Timeline timing=m.timing today=today kind=m.kind />
                            {m.timing.class.map(|c| view! { <ClassBox class=c /> })}
                        }
                    })
            }}
            {move || failure.get().map(|t| alert("danger", t))}
            <div class="frist-actions">
                <button
                    class="ds-button"
                    data-variant="primary"
                    type="button"
                    disabled=move || busy.get()
                    on:click=move |_| send.run(())
                >
                    {move || if busy.get() { t("fastlege.sending") } else { t("fastlege.send") }}
                </button>
                <button class="ds-button" data-variant="secondary" type="button" on:click=change>
                    {t("fastlege.review_change")}
                </button>
            </div>
            <DeliveryStatus delivery=delivery />
        </section>
    }
}
