//! `/logg`: the audit trail the user may read, newest first, with "load
//! more" following the edge's cursor.

use frist_domain::api::AuditEntry;
use leptos::prelude::*;

use crate::session::Protected;

/// The action names of the audit trail in plain bokmål.
pub fn action_nb(action: &str) -> &str {
    match action {
        "login" => "Innlogging",
        "login.failed" => "Mislykket innlogging",
        "logout" => "Utlogging",
        "organisation.create" => "Organisasjon opprettet",
        "user.create" => "Bruker opprettet",
        "user.update" => "Bruker endret",
        "user.deactivate" => "Bruker deaktivert",
        "user.activate" => "Bruker aktivert",
        "user.password_reset" => "Passord satt på nytt",
        "access.denied" => "Tilgang nektet",
        other => other,
    }
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
        <h1 class="ds-heading" data-size="lg">"Hendelseslogg"</h1>
        <p class="ds-paragraph">
            "Hvem som gjorde hva, når og fra hvilken økt. Loggen kan ikke endres, og den viser bare id-er – aldri navn eller fødselsnummer."
        </p>
        {move || error.get().map(|e| view! { <div class="ds-alert" data-color="danger" role="alert"><p class="ds-paragraph">{e}</p></div> })}
        <table class="ds-table" data-testid="audit-table">
            <caption class="ds-sr-only">"Hendelser, nyeste først"</caption>
            <thead>
                <tr><th scope="col">"Tid (UTC)"</th><th scope="col">"Hendelse"</th><th scope="col">"Objekt"</th><th scope="col">"Utført av"</th></tr>
            </thead>
            <tbody>
                {move || entries.get().into_iter().map(|e| view! {
                    <tr>
                        <td>{e.at.replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                        <td>{action_nb(&e.action).to_owned()}</td>
                        <td>{format!("{} {}", e.object_kind, e.object_id.unwrap_or_default())}</td>
                        <td>{e.actor_user_id.unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {move || next.get().map(|c| view! {
            <button class="ds-button" data-variant="secondary" type="button" on:click=move |_| load(Some(c.clone()))>
                "Vis flere"
            </button>
        })}
    }
}
