//! `/logg`: the audit trail the user may read, newest first, with "load
//! more" following the edge's cursor.

use frist_domain::api::AuditEntry;
use leptos::prelude::*;

use frist_domain::fristbrudd::EventKind;
use strum::IntoEnumIterator;

use crate::i18n::{name, t, tf};
use crate::session::Protected;

/// The action names of the audit trail in plain words: every action the
/// edge records (`functions/src`), the fristbrudd events by their own names.
pub fn action_name(action: &str) -> String {
    let key = match action {
        "login" => "audit.action_login",
        "login.failed" => "audit.action_login_failed",
        "logout" => "audit.action_logout",
        "organisation.create" => "audit.action_organisation_create",
        "user.create" => "audit.action_user_create",
        "user.update" => "audit.action_user_update",
        "user.deactivate" => "audit.action_user_deactivate",
        "user.activate" => "audit.action_user_activate",
        "user.password_reset" => "audit.action_user_password_reset",
        "access.denied" => "audit.action_access_denied",
        "token.create" => "audit.action_token_create",
        "token.revoke" => "audit.action_token_revoke",
        "fastlege.create" => "audit.action_fastlege_create",
        "fastlege.register" => "audit.action_fastlege_register",
        "frikort.create" => "audit.action_frikort_create",
        "frikort.chunk" => "audit.action_frikort_chunk",
        "frikort.submit" => "audit.action_frikort_submit",
        "frikort.decision" => "audit.action_frikort_decision",
        "frikort.approve_clean" => "audit.action_frikort_approve_clean",
        "frikort.payment" => "audit.action_frikort_payment",
        "frikort.repayment" => "audit.action_frikort_repayment",
        "fristbrudd.create" => "audit.action_fristbrudd_create",
        "fristbrudd.read" => "audit.action_fristbrudd_read",
        "fristbrudd.document.read" => "audit.action_fristbrudd_document_read",
        "kontroll.month_put" => "audit.action_kontroll_month_put",
        other => {
            let event = other
                .strip_prefix("fristbrudd.")
                .and_then(|e| EventKind::iter().find(|k| k.as_str() == e));
            return match event {
                Some(kind) => tf("audit.action_fristbrudd_event", &[("event", name(kind))]),
                None => tf("audit.action_unknown", &[("action", other)]),
            };
        }
    };
    t(key).to_owned()
}

#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <Protected>
            <Audit/>
        </Protected>
    }
}

#[component]
fn Audit() -> impl IntoView {
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let load = move |cursor: Option<String>| {
        leptos::task::spawn_local(async move {
            match crate::api::audit(cursor).await {
                Ok(page) => {
                    entries.update(|e| e.extend(page.items));
                    next.set(page.next_cursor);
                }
                Err(e) => error.set(Some(e.text())),
            }
        });
    };
    load(None);
    view! {
        <h1 class="ds-heading" data-size="lg">{t("audit.title")}</h1>
        <p class="ds-paragraph">
            {t("audit.intro")}
        </p>
        {move || error.get().map(|e| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{e}</p></div> })}
        <table class="ds-table" data-testid="audit-table">
            <caption class="ds-sr-only">{t("audit.caption")}</caption>
            <thead>
                <tr><th scope="col">{t("audit.col_time")}</th><th scope="col">{t("audit.col_event")}</th><th scope="col">{t("audit.col_object")}</th><th scope="col">{t("audit.col_actor")}</th></tr>
            </thead>
            <tbody>
                {move || entries.get().into_iter().map(|e| view! {
                    <tr>
                        <td>{e.at.replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                        <td>{action_name(&e.action)}</td>
                        <td>{format!("{} {}", e.object_kind, e.object_id.unwrap_or_default())}</td>
                        <td>{e.actor_user_id.unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {move || next.get().map(|c| view! {
            <button class="ds-button" data-variant="secondary" type="button" on:click=move |_| load(Some(c.clone()))>
                {t("audit.more")}
            </button>
        })}
    }
}
