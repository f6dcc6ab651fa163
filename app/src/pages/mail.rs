//! `/admin/e-post` (administrators, issue 26): where each e-mail frist sends
//! stands — queued, sent, failed or unknown after a cut-off send — with the
//! reason and a resend. Never a body: each names only a case or message
//! number, and the list does not show even that context.

use frist_domain::mail::{Delivery, MailKind, MailState};
use leptos::prelude::*;

use crate::api::{self, load_all};
use crate::i18n::{t, tf};

fn kind_text(kind: MailKind) -> &'static str {
    match kind {
        MailKind::FbUpdate => t("mail.kind_fb_update"),
        MailKind::FlChase => t("mail.kind_fl_chase"),
    }
}

fn state_tag(state: MailState) -> impl IntoView {
    let (color, key) = match state {
        MailState::Queued => ("neutral", "mail.state_queued"),
        MailState::Sending => ("info", "mail.state_sending"),
        MailState::Sent => ("success", "mail.state_sent"),
        MailState::Failed => ("danger", "mail.state_failed"),
        MailState::Uncertain => ("warning", "mail.state_uncertain"),
    };
    view! {
        <span class="ds-tag" data-color=color data-size="sm" data-state=state.as_str()>
            {t(key)}
        </span>
    }
}

/// `2026-03-20T09:15:00.000Z` as `2026-03-20 09:15`.
fn minute(iso: &str) -> String {
    iso.replacen('T', " ", 1).chars().take(16).collect()
}

#[component]
pub fn Deliveries() -> impl IntoView {
    let mails = RwSignal::new(Vec::<Delivery>::new());
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let loaded = load_all(mails, failure, api::deliveries);
    let reload = move || {
        // Called after an answer, when the page may be gone.
        if !mails.is_disposed() {
            loaded.refetch();
        }
    };
    let resend = move |id: String| {
        leptos::task::spawn_local(async move {
            match api::resend_mail(&id).await {
                Ok(_) => {
                    failure.set(None);
                    done.set(Some(tf("mail.resent", &[("id", &id)])));
                    reload();
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    };
    let count = move |s: MailState| {
        mails
            .with(|m| m.iter().filter(|d| d.state == s).count())
            .to_string()
    };
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("mail.title")}
        </h1>
        <p class="ds-paragraph">{t("mail.intro")}</p>
        <div role="status" aria-live="polite">
            {move || {
                done.get()
                    .map(|d| {
                        view! {
                            <div class="ds-alert" data-color="success">
                                <p class="ds-paragraph">{d}</p>
                            </div>
                        }
                    })
            }}
        </div>
        {move || {
            failure
                .get()
                .map(|f| {
                    view! {
                        <div class="ds-alert" data-color="danger" role="alert">
                            <p class="ds-paragraph">{f}</p>
                        </div>
                    }
                })
        }}
        <p class="ds-paragraph" data-testid="mail-summary">
            {move || tf(
                "mail.summary",
                &[
                    ("sent", &count(MailState::Sent)),
                    ("queued", &count(MailState::Queued)),
                    ("failed", &count(MailState::Failed)),
                    ("uncertain", &count(MailState::Uncertain)),
                ],
            )}
        </p>
        {move || {
            if mails.with(Vec::is_empty) {
                view! { <p class="ds-paragraph">{t("mail.empty")}</p> }.into_any()
            } else {
                deliveries_table(mails.get(), resend).into_any()
            }
        }}
    }
}

/// The deliveries, each with its state and a resend.
fn deliveries_table(
    mails: Vec<Delivery>,
    resend: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="deliveries">
                <caption>{t("mail.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("mail.col_created")}</th>
                        <th scope="col">{t("mail.col_kind")}</th>
                        <th scope="col">{t("mail.col_to")}</th>
                        <th scope="col">{t("mail.col_subject")}</th>
                        <th scope="col">{t("mail.col_state")}</th>
                        <th scope="col">{t("mail.col_attempts")}</th>
                        <th scope="col">{t("mail.col_detail")}</th>
                        <th scope="col">{t("mail.col_action")}</th>
                    </tr>
                </thead>
                <tbody>{mails.into_iter().map(|d| delivery_row(d, resend)).collect_view()}</tbody>
            </table>
        </div>
    }
}

fn delivery_row(d: Delivery, resend: impl Fn(String) + Copy + 'static) -> impl IntoView {
    let detail = match (&d.last_error, &d.next_attempt_at, &d.sent_at) {
        (_, _, Some(at)) => tf("mail.sent_at", &[("at", &minute(at))]),
        (Some(e), Some(at), None) => {
            format!("{e} – {}", tf("mail.next_attempt", &[("at", &minute(at))]))
        }
        (Some(e), None, None) => e.clone(),
        (None, Some(at), None) => tf("mail.next_attempt", &[("at", &minute(at))]),
        (None, None, None) => String::new(),
    };
    let id = d.id.clone();
    view! {
        <tr data-testid="delivery" data-id=d.id.clone()>
            <td>{minute(&d.created_at)}</td>
            <td>{kind_text(d.kind)}</td>
            <td>{d.to.clone()}</td>
            <td>{d.subject.clone()}</td>
            <td>{state_tag(d.state)}</td>
            <td>{d.attempts}</td>
            <td>{detail}</td>
            <td>
                {d
                    .state
                    .can_resend()
                    .then(|| {
                        view! {
                            <button
                                class="ds-button"
                                data-variant="secondary"
                                data-size="sm"
                                type="button"
                                aria-label=tf("mail.resend_aria", &[("id", &id)])
                                on:click=move |_| resend(id.clone())
                            >
                                {t("mail.resend")}
                            </button>
                        }
                    })}
            </td>
        </tr>
    }
}
