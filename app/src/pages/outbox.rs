//! `/utboks` (local mode): the e-mails frist has queued (FB-9, FL-7), with
//! their bodies, so a person trying frist on `make dev` can read them. Each
//! names a case or message number and nothing else.

use frist_domain::fristbrudd::OutboxMessage;
use leptos::prelude::*;

use crate::api::{self, load_all};
use crate::i18n::{t, tf};

#[component]
pub fn Outbox() -> impl IntoView {
    let mails = RwSignal::new(Vec::<OutboxMessage>::new());
    let failure = RwSignal::new(None::<String>);
    load_all(mails, failure, api::outbox);
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("outbox.title")}
        </h1>
        <p class="ds-paragraph">{t("outbox.intro")}</p>
        {move || {
            failure
                .get()
                .map(|t| {
                    view! {
                        <div class="ds-alert" data-color="danger" role="alert">
                            <p class="ds-paragraph">{t}</p>
                        </div>
                    }
                })
        }}
        <ul class="frist-mails" data-testid="outbox">
            {move || {
                mails
                    .get()
                    .into_iter()
                    .map(|m| {
                        view! {
                            <li class="frist-panel">
                                <p class="ds-paragraph" data-size="sm">
                                    {tf("outbox.to", &[("to", &m.to), ("created", &m.created_at)])}
                                </p>
                                <h2 class="ds-heading" data-size="xs">
                                    {m.subject.clone()}
                                </h2>
                                <pre class="frist-mail-body">{m.body.clone()}</pre>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        {move || {
            mails
                .get()
                .is_empty()
                .then(|| view! { <p class="ds-paragraph">{t("outbox.empty")}</p> })
        }}
    }
}
