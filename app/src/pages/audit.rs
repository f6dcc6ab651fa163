//! `/logg`: the audit trail the user may read, newest first, with "load
//! more" following the edge's cursor.

use frist_domain::api::{AuditEntry, UserView};
use leptos::prelude::*;

use frist_domain::fristbrudd::EventKind;
use strum::IntoEnumIterator;

use crate::api::{self, load_all};
use crate::i18n::{lookup, name, t, tf};

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
        "access.not_found" => "audit.action_access_not_found",
        "organisation.payout_account" => "audit.action_organisation_payout_account",
        "fristbrudd.list" => "audit.action_fristbrudd_list",
        "fristbrudd.queue" => "audit.action_fristbrudd_queue",
        "fristbrudd.patient_check" => "audit.action_fristbrudd_patient_check",
        "fristbrudd.patient_search" => "audit.action_fristbrudd_patient_search",
        "frikort.lines.read" => "audit.action_frikort_lines_read",
        "frikort.report.read" => "audit.action_frikort_report_read",
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

/// When, as people read it: Norwegian time to the second, `05.12.2026
/// 08.30.12` (the trail stores UTC with milliseconds).
fn when(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at).map_or_else(
        |_| at.to_owned(),
        |t| {
            t.with_timezone(&chrono_tz::Europe::Oslo)
                .format("%d.%m.%Y %H.%M.%S")
                .to_string()
        },
    )
}

/// The object of an entry: a link to its page where it has one, its kind
/// in words otherwise; a list read says how many objects it showed.
fn object(e: &AuditEntry) -> AnyView {
    let id = e.object_id.clone().unwrap_or_default();
    let page = match e.object_kind.as_str() {
        "fristbrudd_case" if !id.is_empty() => Some(format!("/fristbrudd/saker/{id}")),
        "fastlege_message" if !id.is_empty() => Some(format!("/fastlege/meldinger/{id}")),
        "frikort_claim" if !id.is_empty() => Some(format!("/frikort/krav/{id}")),
        _ => None,
    };
    let kind = lookup(&format!("audit.kind_{}", e.object_kind))
        .unwrap_or(e.object_kind.as_str())
        .to_owned();
    let shown = e
        .object_ids
        .as_deref()
        .and_then(|j| serde_json::from_str::<Vec<String>>(j).ok())
        .map(|ids| tf("audit.objects_shown", &[("n", &ids.len().to_string())]));
    match (page, shown) {
        (Some(href), _) => view! {
            <span>
                {kind}" "<leptos_router::components::A href=href>{id}</leptos_router::components::A>
            </span>
        }
        .into_any(),
        (None, Some(n)) => view! { <span>{format!("{kind} – {n}")}</span> }.into_any(),
        (None, None) => {
            view! { <span>{format!("{kind} {id}").trim().to_owned()}</span> }.into_any()
        }
    }
}

/// User ids to names.
type Names = std::collections::HashMap<String, String>;

/// Who acted, by name, for the users this user may see, loaded in the
/// background; an id stays an id where the list is refused.
fn actor_names() -> Memo<Names> {
    let users = RwSignal::new(Vec::<UserView>::new());
    load_all(users, RwSignal::new(None), api::users);
    Memo::new(move |_| users.with(|u| u.iter().map(|u| (u.id.clone(), u.name.clone())).collect()))
}

/// The trail, a page at a time: the first when the page opens, the next
/// when `cursor` is set to the last page's `next_cursor`. Each page is
/// added to `entries` once, in order; the page left drops its fetch.
fn load_pages(
    cursor: RwSignal<Option<String>>,
    entries: RwSignal<Vec<AuditEntry>>,
    next: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
) {
    let page = LocalResource::new(move || {
        let at = cursor.get();
        async move { (at.clone(), api::audit(at).await) }
    });
    // The cursors whose pages are in `entries`.
    let added = StoredValue::new(Vec::<Option<String>>::new());
    Effect::new(move |_| match page.get() {
        Some((at, Ok(p))) if !added.with_value(|a| a.contains(&at)) => {
            added.update_value(|a| a.push(at));
            entries.update(|e| e.extend(p.items));
            next.set(p.next_cursor);
        }
        Some((_, Err(e))) => error.set(Some(e.text())),
        _ => {}
    });
}

/// One entry of the log: when, what, on which object, and who.
fn row(e: AuditEntry, names: Memo<Names>) -> impl IntoView {
    let actor = e.actor_user_id.clone().map_or_else(
        || "–".to_owned(),
        |id| names.with(|m| m.get(&id).cloned()).unwrap_or(id),
    );
    view! {
        <tr>
            <td>
                <time datetime=e.at.clone()>{when(&e.at)}</time>
            </td>
            <td>{action_name(&e.action)}</td>
            <td>{object(&e)}</td>
            <td>{actor}</td>
        </tr>
    }
}

#[component]
pub fn Audit() -> impl IntoView {
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let names = actor_names();
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let cursor = RwSignal::new(None::<String>);
    load_pages(cursor, entries, next, error);
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("audit.title")}
        </h1>
        <p class="ds-paragraph">{t("audit.intro")}</p>
        {move || {
            error
                .get()
                .map(|e| {
                    view! {
                        <div class="ds-alert" data-color="danger" role="alert">
                            <p class="ds-paragraph">{e}</p>
                        </div>
                    }
                })
        }}
        <table class="ds-table" tabindex="0" data-testid="audit-table">
            <caption class="ds-sr-only">{t("audit.caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("audit.col_time")}</th>
                    <th scope="col">{t("audit.col_event")}</th>
                    <th scope="col">{t("audit.col_object")}</th>
                    <th scope="col">{t("audit.col_actor")}</th>
                </tr>
            </thead>
            <tbody>
                {move || { entries.get().into_iter().map(|e| row(e, names)).collect_view() }}
            </tbody>
        </table>
        {move || {
            next.get()
                .map(|c| {
                    view! {
                        <button
                            class="ds-button"
                            data-variant="secondary"
                            type="button"
                            on:click=move |_| cursor.set(Some(c.clone()))
                        >
                            {t("audit.more")}
                        </button>
                    }
                })
        }}
    }
}
