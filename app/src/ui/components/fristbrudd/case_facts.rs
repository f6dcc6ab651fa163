//! What a case page states: what the site shall do now, the appointment,
//! and the patient and deadline facts.

use frist_domain::fristbrudd::{Actor, CaseView, State};
use leptos::prelude::*;

use crate::form::nb;
use crate::i18n::{name, t, tf};

use super::case_table::{site_action_text, waiting_text};

/// What the site must (or, to Helfo, shall) do now, and the appointment
/// it has given or is waiting on.
#[component]
pub(super) fn SiteAction(c: CaseView, actor: Actor) -> impl IntoView {
    view! {
        <section class="frist-panel" data-testid="site-action">
            <h2 class="ds-heading" data-size="sm">
                {if actor == Actor::Site {
                    t("fristbrudd.site_must_now")
                } else {
                    t("fristbrudd.site_shall_now")
                }}
            </h2>
            <p class="ds-paragraph">
                <strong>{site_action_text(&c.site_action)}</strong>
            </p>
            <p class="ds-paragraph" data-size="sm">
                {tf("fristbrudd.waiting_line", &[("choice", waiting_text(c.waiting_list))])}
            </p>
        </section>
        {c
            .appointment_on
            .map(|d| {
                let key = if c.case.appointment_pending() {
                    "fristbrudd.appointment_pending"
                } else if c.case.state == State::NoOfferFound {
                    "fristbrudd.appointment_given"
                } else {
                    return None;
                };
                Some(
                    view! {
                        <p class="ds-paragraph" data-testid="site-appointment">
                            {tf(key, &[("date", &nb(d))])}
                        </p>
                    },
                )
            })}
    }
}

#[component]
pub(super) fn CaseFacts(c: CaseView) -> impl IntoView {
    let doc = format!("/api/v1/fristbrudd/cases/{}/document", c.id);
    view! {
        <h2 class="ds-heading" data-size="sm">
            {t("fristbrudd.patient_and_deadline")}
        </h2>
        <dl class="frist-facts">
            <dt>{t("fristbrudd.patient")}</dt>
            <dd>{c.patient_name.clone()}</dd>
            <dt>{t("fristbrudd.fnr")}</dt>
            <dd>{c.patient_fnr.clone()}</dd>
            <dt>{t("fristbrudd.phone")}</dt>
            <dd>{c.patient_phone.clone()}</dd>
            <dt>{t("fristbrudd.site")}</dt>
            <dd>{format!("{} ({})", c.organisation_name, c.organisation_orgnr)}</dd>
            <dt>{t("fristbrudd.specialty")}</dt>
            <dd>{c.specialty.clone()}</dd>
            <dt>{t("fristbrudd.referral_received")}</dt>
            <dd>{nb(c.referral_received)}</dd>
            <dt>{t("fristbrudd.fristdato")}</dt>
            <dd>{nb(c.case.fristdato)}</dd>
            <dt>{t("fristbrudd.breach")}</dt>
            <dd>{name(c.kind)}</dd>
            <dt>{t("fristbrudd.warning_sent")}</dt>
            <dd>{nb(c.warning_sent)}</dd>
            <dt>{t("fristbrudd.urgency")}</dt>
            <dd>
                {match (&c.urgent_reason, c.case.urgent_confirmed) {
                    (Some(r), true) => {
                        tf("fristbrudd.urgent_confirmed_reason", &[("reason", r.as_str())])
                    }
                    (Some(r), false) => {
                        tf("fristbrudd.urgent_requested_reason", &[("reason", r.as_str())])
                    }
                    (None, _) => t("fristbrudd.normal").into(),
                }}
            </dd>
            <dt>{t("fristbrudd.documentation")}</dt>
            <dd>
                {match c.document_bytes {
                    Some(n) => {
                        view! {
                            <a class="ds-link" href=doc download="">
                                {tf(
                                    "fristbrudd.document_link",
                                    &[("kb", &((n + 1023) / 1024).to_string())],
                                )}
                            </a>
                        }
                            .into_any()
                    }
                    None if c.case.has_documents => {
                        view! { <span>{t("fristbrudd.received_by_post")}</span> }.into_any()
                    }
                    None => view! { <span>{t("fristbrudd.not_received")}</span> }.into_any(),
                }}
            </dd>
        </dl>
    }
}
