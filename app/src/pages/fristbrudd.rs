//! Fristbrudd in the browser (FB-1 … FB-11): the hospital's notification
//! form with its receipt, the case lists, Helfo's queue, the case page with
//! the actions each side may take now, the printable cover sheet for the
//! postal route, and Helfo's service-level dashboard.
//!
//! Every check is `frist_domain::fristbrudd`'s, run on each keystroke; the
//! edge runs the same checks again and remains the authority.

use frist_domain::Report;
use frist_domain::access::Role;
use frist_domain::fristbrudd::{
    self as fb, Actor, BreachKind, CaseCreated, CaseSummary, CaseView, EventForm, EventKind,
    MonthStats, NotificationForm, State, Variant, WaitingList,
};
use frist_domain::ids::FnrContext;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use strum::IntoEnumIterator;

use crate::api::{self, ApiError, load_all};
use crate::form::{
    ErrorSummary, SelectField, Sending, TextField, alert, draft, error_for, errors_of,
    focus_summary, nb, send_form, today,
};
use crate::session::{Protected, use_session};

const SITE: &[Role] = &[Role::Behandlingssted];
const HELFO: &[Role] = &[Role::Helfo, Role::HelfoAdmin];
const SITE_AND_HELFO: &[Role] = &[Role::Behandlingssted, Role::Helfo, Role::HelfoAdmin];
const DRAFT_KEY: &str = "frist.draft.fristbrudd";

/// The FB-1 context in the browser: today in Oslo, and synthetic test
/// identities only where the edge runs in local mode.
fn fnr_context() -> FnrContext {
    let local = use_session().view().is_some_and(|s| s.mode == "local");
    FnrContext {
        today: today(),
        allow_synthetic: local,
    }
}

// --- the notification (FB-1) ---------------------------------------------------

#[component]
pub fn NewCasePage() -> impl IntoView {
    view! {
        <Protected roles=SITE>
            <NewCase/>
        </Protected>
    }
}

#[component]
fn NewCase() -> impl IntoView {
    let start: NotificationForm = draft::load(DRAFT_KEY).unwrap_or_default();
    let restored = start != NotificationForm::default();
    let fnr = RwSignal::new(start.patient_fnr.clone());
    let name = RwSignal::new(start.patient_name.clone());
    let phone = RwSignal::new(start.patient_phone.clone());
    let specialty = RwSignal::new(start.specialty.clone());
    let fristdato = RwSignal::new(start.fristdato.clone());
    let referral = RwSignal::new(start.referral_received.clone());
    let warning = RwSignal::new(start.warning_sent.clone());
    let kind = RwSignal::new(start.kind.clone());
    let urgent = RwSignal::new(start.urgent);
    let urgent_reason = RwSignal::new(start.urgent_reason.clone());
    let tried = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let receipt = RwSignal::new(None::<CaseCreated>);
    let open_case = RwSignal::new(None::<String>);
    let key = RwSignal::new(api::new_idempotency_key());
    let summary = NodeRef::<html::Div>::new();
    let ctx = fnr_context();

    let form = move || NotificationForm {
        patient_fnr: fnr.get(),
        patient_name: name.get(),
        patient_phone: phone.get(),
        specialty: specialty.get(),
        fristdato: fristdato.get(),
        referral_received: referral.get(),
        warning_sent: warning.get(),
        kind: kind.get(),
        urgent: urgent.get(),
        urgent_reason: urgent_reason.get(),
    };
    // Every change is kept as a draft at once.
    Effect::new(move |_| {
        let f = form();
        if receipt.get_untracked().is_none() {
            draft::save(DRAFT_KEY, &f);
        }
    });
    // FB-1: one open case per patient — asked as soon as the number is valid.
    Effect::new(move |_| {
        let number = fnr.get();
        open_case.set(None);
        if frist_domain::ids::Fodselsnummer::parse(&number, &ctx).is_ok() {
            leptos::task::spawn_local(async move {
                if let Ok(a) = api::patient_check(&number).await
                    && fnr.get_untracked() == number
                {
                    open_case.set(a.open_case);
                }
            });
        }
    });
    let report = Memo::new(move |_| form().check(&ctx).err().unwrap_or_default());
    // Before the first attempt, a field shows its errors once something is
    // typed in it; after, every error shows.
    let typed = move |path: &str| {
        let f = form();
        match path {
            "patient_fnr" => !f.patient_fnr.is_empty(),
            "patient_name" => !f.patient_name.is_empty(),
            "patient_phone" => !f.patient_phone.is_empty(),
            "specialty" => !f.specialty.is_empty(),
            "fristdato" => !f.fristdato.is_empty(),
            "referral_received" => !f.referral_received.is_empty(),
            "warning_sent" => !f.warning_sent.is_empty(),
            "kind" => !f.kind.is_empty(),
            "urgent_reason" => !f.urgent_reason.is_empty(),
            _ => false,
        }
    };
    let errors = Signal::derive(move || {
        let mut r = report.get();
        if r.is_empty() {
            r = Report {
                issues: edge_issues.get(),
            };
        }
        if !tried.get() {
            r.issues.retain(|i| typed(&i.path));
        }
        errors_of(&r, "fb-")
    });
    let summary_errors = Signal::derive(move || {
        if tried.get() {
            errors.get()
        } else {
            Vec::new()
        }
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let kinds = Signal::derive(|| {
        BreachKind::iter()
            .map(|k| (<&str>::from(k).to_owned(), k.name_nb().to_owned()))
            .collect::<Vec<_>>()
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        edge_issues.set(Vec::new());
        failure.set(None);
        if report.get_untracked().has_errors() {
            focus_summary(summary);
            return;
        }
        let f = form();
        let k = key.get_untracked();
        send_form(
            Sending {
                busy: sending,
                edge_issues,
                failure,
                summary,
                receipt,
                draft_key: DRAFT_KEY,
                offline: "Skjemaet er lagret i nettleseren; send på nytt når forbindelsen er tilbake – det blir ikke sendt to ganger.",
            },
            async move { api::create_case(&f, &k).await },
        );
    };
    let clear = move |_| {
        for s in [
            fnr,
            name,
            phone,
            specialty,
            fristdato,
            referral,
            warning,
            kind,
            urgent_reason,
        ] {
            s.set(String::new());
        }
        urgent.set(false);
        tried.set(false);
        draft::clear(DRAFT_KEY);
        key.set(api::new_idempotency_key());
    };

    move || {
        match receipt.get() {
        Some(r) => view! { <Receipt receipt=r/> }.into_any(),
        None => view! {
            <h1 class="ds-heading" data-size="lg">"Meld fristbrudd"</h1>
            <p class="ds-paragraph">
                "Meld fra til Helfo når pasientens juridiske frist for når helsehjelpen senest skal gis er brutt, eller vil bli brutt. Skjemaet sjekkes mens du skriver, og lagres i nettleseren til det er sendt."
            </p>
            {restored.then(|| alert("info", "Vi fant et utkast du ikke har sendt, og har fylt det inn igjen.".into()))}
            <form on:submit=submit novalidate class="frist-form" data-testid="fb-form">
                <ErrorSummary errors=summary_errors node_ref=summary/>
                {move || failure.get().map(|t| alert("danger", t))}
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">"Pasienten"</legend>
                    <TextField id="fb-patient_fnr" label="Fødselsnummer eller D-nummer"
                        description="11 siffer." value=fnr error=field("fb-patient_fnr") autocomplete="off"/>
                    {move || open_case.get().map(|n| view! {
                        <div class="ds-alert" data-color="warning" role="status" data-testid="open-case">
                            <p class="ds-paragraph">{format!("Pasienten har allerede en åpen sak hos dere: {n}. Oppdater den saken i stedet for å melde på nytt.")}</p>
                        </div>
                    })}
                    <TextField id="fb-patient_name" label="Navn" value=name error=field("fb-patient_name") autocomplete="off"/>
                    <TextField id="fb-patient_phone" label="Telefonnummer" description="Helfo ringer pasienten innen 3 dager."
                        value=phone error=field("fb-patient_phone") input_type="tel"/>
                </fieldset>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">"Fristen"</legend>
                    <TextField id="fb-specialty" label="Fagområde" value=specialty error=field("fb-specialty")/>
                    <TextField id="fb-referral_received" label="Henvisningen mottatt" description="dd.mm.åååå"
                        value=referral error=field("fb-referral_received")/>
                    <TextField id="fb-fristdato" label="Fristdato" description="Den juridiske fristen for når helsehjelpen senest skal gis. dd.mm.åååå"
                        value=fristdato error=field("fb-fristdato")/>
                    <SelectField id="fb-kind" label="Fristbruddet" value=kind options=kinds error=field("fb-kind")/>
                    <TextField id="fb-warning_sent" label="Varsel om fristbrudd sendt til pasienten" description="dd.mm.åååå"
                        value=warning error=field("fb-warning_sent")/>
                    <FristCheck fristdato=fristdato kind=kind/>
                </fieldset>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">"Hastegrad"</legend>
                    <div class="ds-field frist-check">
                        <input class="ds-input" type="checkbox" id="fb-urgent"
                            prop:checked=move || urgent.get()
                            on:change=move |ev| urgent.set(event_target_checked(&ev))/>
                        <label class="ds-label" for="fb-urgent" data-weight="regular">"Pasienten bør prioriteres av medisinske grunner"</label>
                    </div>
                    <Show when=move || urgent.get()>
                        <TextField id="fb-urgent_reason" label="Medisinsk begrunnelse"
                            description="Helfo bekrefter hastegraden før saken går foran i køen."
                            value=urgent_reason error=field("fb-urgent_reason")/>
                    </Show>
                </fieldset>
                <div class="frist-actions">
                    <button class="ds-button" data-variant="primary" type="submit" disabled=move || sending.get()>
                        {move || if sending.get() { "Sender …" } else { "Send til Helfo" }}
                    </button>
                    <button class="ds-button" data-variant="tertiary" type="button" on:click=clear>"Tøm skjemaet"</button>
                </div>
                <p class="ds-paragraph" data-size="sm" data-testid="draft-status" aria-live="polite">
                    "Utkastet er lagret i denne nettleseren."
                </p>
            </form>
        }
        .into_any(),
    }
    }
}

/// FB-1 as the user types: where the fristdato stands against today, and
/// when Helfo's first answer is due if the notice goes today.
#[component]
fn FristCheck(fristdato: RwSignal<String>, kind: RwSignal<String>) -> impl IntoView {
    let text = move || {
        let frist = frist_domain::calendar::parse_date(&fristdato.get())?;
        let today = today();
        let days = (frist - today).num_days();
        let when = match days {
            d if d < 0 => format!(
                "Fristdatoen {} er passert for {} dager siden.",
                nb(frist),
                -d
            ),
            0 => format!("Fristdatoen {} er i dag.", nb(frist)),
            d => format!("Fristdatoen {} er om {d} dager.", nb(frist)),
        };
        let kind_text = match kind.get().parse::<BreachKind>() {
            Ok(BreachKind::Occurred) if days >= 0 => {
                " Et fristbrudd som har inntruffet må ha fristdato før i dag."
            }
            Ok(BreachKind::Expected) if days < 0 => {
                " Er fristdatoen passert, har fristbruddet inntruffet."
            }
            Ok(_) => " Det stemmer med det du har valgt.",
            Err(_) => "",
        };
        let service = fb::service_limit(today)
            .map(|d| {
                format!(
                    " Sendes meldingen i dag, skal Helfo ha gitt første avklaring innen {}.",
                    nb(d)
                )
            })
            .unwrap_or_default();
        Some(format!("{when}{kind_text}{service}"))
    };
    view! {
        <p class="ds-paragraph frist-live" data-size="sm" data-testid="frist-check" aria-live="polite">
            {move || text().unwrap_or_else(|| "Skriv fristdatoen, så ser du her hvor den står i forhold til i dag.".into())}
        </p>
    }
}

/// The receipt after a notification: number, what happens next, the
/// deadlines that now run.
#[component]
fn Receipt(receipt: CaseCreated) -> impl IntoView {
    let href = format!("/fristbrudd/saker/{}", receipt.id);
    view! {
        <section id="receipt" tabindex="-1" class="frist-receipt" data-testid="receipt">
            <div class="ds-alert" data-color="success" role="status">
                <h1 class="ds-heading" data-size="md">"Fristbruddet er meldt til Helfo"</h1>
                <p class="ds-paragraph">"Saksnummer: "<strong data-testid="case-number">{receipt.number.clone()}</strong></p>
            </div>
            <h2 class="ds-heading" data-size="sm">"Hva skjer nå"</h2>
            <dl class="frist-facts">
                <dt>"Meldt"</dt><dd>{nb(receipt.notified_on)}</dd>
                <dt>"Helfo tar kontakt med pasienten"</dt><dd>"innen 3 dager etter at saken er tatt opp"</dd>
                <dt>"Første avklaring innen"</dt><dd>{nb(receipt.service_limit)}</dd>
            </dl>
            <p class="ds-paragraph">{receipt.site_action.text_nb()}</p>
            <p class="ds-paragraph">"Du får e-post med saksnummeret når Helfo oppdaterer saken. E-posten inneholder ingen helseopplysninger."</p>
            <div class="frist-actions frist-no-print">
                <A href=href attr:class="ds-link">"Gå til saken"</A>
                <button class="ds-button" data-variant="secondary" type="button"
                    on:click=|_| { let _ = window().print(); }>"Skriv ut kvitteringen"</button>
                <a class="ds-link" href="/fristbrudd/ny" rel="external">"Meld et nytt fristbrudd"</a>
            </div>
        </section>
    }
}

// --- lists ------------------------------------------------------------------

fn deadline_text(c: &CaseSummary) -> String {
    c.next_deadline
        .map(|(k, d)| format!("{} {}", k.name_nb(), nb(d)))
        .unwrap_or_else(|| "–".into())
}

fn state_tag(state: State) -> impl IntoView {
    let color = match state {
        State::Accepted => "success",
        s if s.is_open() => "info",
        _ => "neutral",
    };
    view! { <span class="ds-tag" data-color=color>{state.name_nb()}</span> }
}

fn waiting_text(w: WaitingList) -> &'static str {
    match w {
        WaitingList::Keep => "Behold på ventelisten",
        WaitingList::Remove => "Stryk fra ventelisten",
    }
}

/// A table of cases; `queue` adds the urgency column.
#[component]
fn CaseTable(
    cases: RwSignal<Vec<CaseSummary>>,
    caption: &'static str,
    queue: bool,
) -> impl IntoView {
    view! {
        <div class="frist-table-wrap">
        <table class="ds-table" data-testid="case-table">
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col">"Sak"</th>
                {queue.then(|| view! { <th scope="col">"Hastegrad"</th> })}
                <th scope="col">"Pasient"</th>
                <th scope="col">"Fagområde"</th>
                <th scope="col">"Fristdato"</th>
                <th scope="col">"Status"</th>
                <th scope="col">"Neste frist"</th>
                <th scope="col">"Venteliste"</th>
            </tr></thead>
            <tbody>
                {move || cases.get().into_iter().map(|c| {
                    let href = format!("/fristbrudd/saker/{}", c.id);
                    let urgency = match (c.urgent, c.urgent_confirmed) {
                        (true, true) => "Haster – bekreftet",
                        (true, false) => "Haster – må bekreftes",
                        _ => "Vanlig",
                    };
                    let deadline = deadline_text(&c);
                    view! {
                        <tr data-case=c.id.clone()>
                            <td><A href=href>{c.number.clone()}</A></td>
                            {queue.then(|| view! { <td>{urgency}</td> })}
                            <td>{c.patient_fnr_masked.clone()}</td>
                            <td>{c.specialty.clone()}</td>
                            <td>{nb(c.fristdato)}</td>
                            <td>{state_tag(c.state)}</td>
                            <td>{deadline}</td>
                            <td>{waiting_text(c.waiting_list)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        {move || cases.get().is_empty().then(|| view! { <p class="ds-paragraph">"Ingen saker å vise."</p> })}
    }
}

#[component]
pub fn CaseListPage() -> impl IntoView {
    view! {
        <Protected roles=SITE_AND_HELFO>
            <CaseList/>
        </Protected>
    }
}

#[component]
fn CaseList() -> impl IntoView {
    let cases = RwSignal::new(Vec::<CaseSummary>::new());
    let failure = RwSignal::new(None::<String>);
    let state = RwSignal::new("open".to_owned());
    Effect::new(move |_| {
        let s = state.get();
        load_all(cases, failure, move |c| Box::pin(api::cases(s.clone(), c)));
    });
    let options = Signal::derive(|| {
        let mut o = vec![
            ("open".to_owned(), "Åpne saker".to_owned()),
            ("closed".to_owned(), "Avsluttede saker".to_owned()),
        ];
        o.extend(State::iter().map(|s| (s.as_str().to_owned(), s.name_nb().to_owned())));
        o
    });
    let site = use_session()
        .view()
        .is_some_and(|s| s.user.role == Role::Behandlingssted);
    view! {
        <h1 class="ds-heading" data-size="lg">"Fristbruddsaker"</h1>
        {site.then(|| view! { <p class="ds-paragraph"><A href="/fristbrudd/ny">"Meld et nytt fristbrudd"</A></p> })}
        {move || failure.get().map(|t| alert("danger", t))}
        <div class="frist-filter">
            <SelectField id="fb-filter" label="Vis" value=state options=options error=Signal::derive(|| None::<String>)/>
        </div>
        <CaseTable cases=cases caption="Sakene, med nærmeste frist først" queue=false/>
    }
}

#[component]
pub fn QueuePage() -> impl IntoView {
    view! {
        <Protected roles=HELFO>
            <Queue/>
        </Protected>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let cases = RwSignal::new(Vec::<CaseSummary>::new());
    let failure = RwSignal::new(None::<String>);
    load_all(cases, failure, |c| Box::pin(api::queue(c)));
    view! {
        <h1 class="ds-heading" data-size="lg">"Kø – fristbrudd"</h1>
        <p class="ds-paragraph">
            "Bekreftet hastegrad først, så tidligste fristdato (ansiennitet), så tidligst meldt. Hastegrad som behandlingsstedet har bedt om, må bekreftes på saken før den teller."
        </p>
        {move || failure.get().map(|t| alert("danger", t))}
        <CaseTable cases=cases caption="Åpne saker i køen" queue=true/>
    }
}

// --- the case page ------------------------------------------------------------

#[component]
pub fn CasePage() -> impl IntoView {
    view! {
        <Protected roles=SITE_AND_HELFO>
            <CaseDetail/>
        </Protected>
    }
}

fn case_id() -> Signal<String> {
    let params = use_params_map();
    Signal::derive(move || params.get().get("id").unwrap_or_default())
}

#[component]
fn CaseDetail() -> impl IntoView {
    let id = case_id();
    let case = RwSignal::new(None::<CaseView>);
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let reload = move || {
        let id = id.get_untracked();
        leptos::task::spawn_local(async move {
            match api::case(&id).await {
                Ok(c) => case.set(Some(c)),
                Err(e) => failure.set(Some(e.text())),
            }
        });
    };
    Effect::new(move |_| {
        id.track();
        reload();
    });
    let role = use_session().view().map(|s| s.user.role);
    let actor = if role == Some(Role::Behandlingssted) {
        Actor::Site
    } else {
        Actor::Helfo
    };
    // After a change: the new case, or why not (a stale version reloads).
    let changed = move |result: Result<CaseView, ApiError>, what: String| match result {
        Ok(c) => {
            case.set(Some(c));
            failure.set(None);
            done.set(Some(what));
        }
        Err(ApiError::Problem(p)) if p.status == 412 => {
            done.set(None);
            failure.set(Some(
                "Saken ble endret av noen andre mens du så på den. Vi har hentet den på nytt – se over og prøv igjen.".into(),
            ));
            reload();
        }
        Err(e) => {
            done.set(None);
            let detail = e
                .issues()
                .iter()
                .map(|i| frist_domain::messages::render(i, frist_domain::messages::Lang::Nb))
                .collect::<Vec<_>>()
                .join(" ");
            failure.set(Some(if detail.is_empty() { e.text() } else { detail }));
        }
    };

    move || {
        let Some(c) = case.get() else {
            return view! {
                {move || failure.get().map(|t| alert("danger", t))}
                <p class="ds-paragraph">"Laster saken …"</p>
            }
            .into_any();
        };
        let cover = format!("/fristbrudd/saker/{}/forside", c.id);
        let doc = format!("/api/v1/fristbrudd/cases/{}/document", c.id);
        view! {
            <p class="ds-paragraph frist-no-print"><A href="/fristbrudd/saker">"Alle saker"</A></p>
            <h1 class="ds-heading" data-size="lg">{format!("Sak {}", c.number)}</h1>
            <p class="ds-paragraph" data-testid="case-state">"Status: "{state_tag(c.case.state)}
                {c.case.variant.map(|v| view! { <span>" – "{v.name_nb()}</span> })}
            </p>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <section class="frist-panel" data-testid="site-action">
                <h2 class="ds-heading" data-size="sm">{if actor == Actor::Site { "Dette må dere gjøre nå" } else { "Behandlingsstedet skal nå" }}</h2>
                <p class="ds-paragraph"><strong>{c.site_action.text_nb()}</strong></p>
                <p class="ds-paragraph" data-size="sm">{format!("Venteliste: {}.", waiting_text(c.waiting_list))}</p>
            </section>
            <Deadlines c=c.clone()/>
            <Actions c=c.clone() actor=actor changed=changed/>
            <h2 class="ds-heading" data-size="sm">"Pasienten og fristen"</h2>
            <dl class="frist-facts">
                <dt>"Pasient"</dt><dd>{c.patient_name.clone()}</dd>
                <dt>"Fødselsnummer"</dt><dd>{c.patient_fnr.clone()}</dd>
                <dt>"Telefon"</dt><dd>{c.patient_phone.clone()}</dd>
                <dt>"Behandlingssted"</dt><dd>{format!("{} ({})", c.organisation_name, c.organisation_orgnr)}</dd>
                <dt>"Fagområde"</dt><dd>{c.specialty.clone()}</dd>
                <dt>"Henvisning mottatt"</dt><dd>{nb(c.referral_received)}</dd>
                <dt>"Fristdato"</dt><dd>{nb(c.case.fristdato)}</dd>
                <dt>"Fristbruddet"</dt><dd>{c.kind.name_nb()}</dd>
                <dt>"Varsel sendt pasienten"</dt><dd>{nb(c.warning_sent)}</dd>
                <dt>"Hastegrad"</dt><dd>{match (&c.urgent_reason, c.case.urgent_confirmed) {
                    (Some(r), true) => format!("Haster (bekreftet av Helfo): {r}"),
                    (Some(r), false) => format!("Behandlingsstedet ber om prioritet: {r}"),
                    (None, _) => "Vanlig".into(),
                }}</dd>
                <dt>"Dokumentasjon"</dt><dd>{match c.document_bytes {
                    Some(n) => view! { <a class="ds-link" href=doc download="">{format!("PDF, {} kB – last ned", (n + 1023) / 1024)}</a> }.into_any(),
                    None if c.case.has_documents => view! { <span>"Mottatt i posten"</span> }.into_any(),
                    None => view! { <span>"Ikke mottatt"</span> }.into_any(),
                }}</dd>
            </dl>
            {(actor == Actor::Site).then(|| view! {
                <p class="ds-paragraph frist-no-print">
                    <A href=cover>"Forside for innsending i posten (skjema 02-01.01)"</A>
                </p>
            })}
            <History c=c.clone()/>
        }
        .into_any()
    }
}

#[component]
fn Deadlines(c: CaseView) -> impl IntoView {
    let d = c.deadlines;
    let next = c.next_deadline;
    let row = move |label: &'static str, date: Option<chrono::NaiveDate>| {
        date.map(|date| {
            let is_next = next.is_some_and(|(_, n)| n == date);
            view! {
                <dt>{label}</dt>
                <dd>{nb(date)}{is_next.then_some(" (neste frist)")}</dd>
            }
        })
    };
    view! {
        <h2 class="ds-heading" data-size="sm">"Frister"</h2>
        <dl class="frist-facts" data-testid="deadlines">
            {row("Helfo kontakter pasienten innen", d.contact_by)}
            {row("Pasienten svarer på brevet innen", d.reply_by)}
            {row("Dokumentasjon lastes opp innen", d.documents_by)}
            {row("Første avklaring innen", Some(d.service_limit))}
        </dl>
    }
}

/// The buttons and small forms for exactly the transitions allowed now.
#[component]
fn Actions<F>(c: CaseView, actor: Actor, changed: F) -> impl IntoView
where
    F: Fn(Result<CaseView, ApiError>, String) + Copy + 'static,
{
    let allowed = c.allowed.clone();
    if allowed.is_empty() {
        return view! {
            <p class="ds-paragraph" data-testid="no-actions">"Saken er avsluttet. Det er ingenting mer å gjøre."</p>
        }
        .into_any();
    }
    let id = c.id.clone();
    let version = c.version;
    let busy = RwSignal::new(false);
    let send = move |form: EventForm, what: String| {
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let r = api::case_event(&id, version, &form).await;
            busy.set(false);
            changed(r, what);
        });
    };
    let simple: Vec<EventKind> = allowed
        .iter()
        .copied()
        .filter(|k| {
            !matches!(
                k,
                EventKind::LetterSent
                    | EventKind::SiteFoundAppointment
                    | EventKind::DocumentUploaded
            )
        })
        .collect();
    let send_simple = send.clone();
    let send_letter = send.clone();
    view! {
        <section class="frist-panel frist-no-print" data-testid="actions">
            <h2 class="ds-heading" data-size="sm">{if actor == Actor::Site { "Meld til Helfo" } else { "Registrer" }}</h2>
            <div class="frist-actions">
                {simple.into_iter().map(|k| {
                    let send = send_simple.clone();
                    view! {
                        <button class="ds-button" data-variant="secondary" type="button" data-event=k.as_str()
                            disabled=move || busy.get()
                            on:click=move |_| send(EventForm { event: k.as_str().into(), ..Default::default() },
                                format!("Registrert: {}.", k.name_nb()))>
                            {k.name_nb()}
                        </button>
                    }
                }).collect_view()}
            </div>
            {allowed.contains(&EventKind::LetterSent).then(|| view! { <LetterForm send=send_letter busy=busy/> })}
            {allowed.contains(&EventKind::SiteFoundAppointment).then(|| view! {
                <AppointmentForm c=c.clone() send=send.clone() busy=busy/>
            })}
            {allowed.contains(&EventKind::DocumentUploaded).then(|| view! {
                <Upload c=c.clone() changed=changed/>
            })}
        </section>
    }
    .into_any()
}

/// FB-4/FB-5: the letter's date, with the reply deadline it sets.
#[component]
fn LetterForm<S>(send: S, busy: RwSignal<bool>) -> impl IntoView
where
    S: Fn(EventForm, String) + Clone + 'static,
{
    let sent = RwSignal::new(nb(today()));
    let error = RwSignal::new(None::<String>);
    let preview = move || {
        frist_domain::calendar::parse_date(&sent.get())
            .and_then(|d| fb::reply_by(d).ok())
            .map(|r| format!("Svarfristen blir {} (10 virkedager).", nb(r)))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = EventForm {
            event: EventKind::LetterSent.as_str().into(),
            sent: sent.get_untracked(),
            ..Default::default()
        };
        match form.check() {
            Ok(_) => {
                error.set(None);
                send(form, "Brevet er registrert.".into());
            }
            Err(r) => error.set(errors_of(&r, "").first().map(|(_, m)| m.clone())),
        }
    };
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="letter-form">
            <TextField id="fb-letter-sent" label="Brev sendt til pasienten" description="dd.mm.åååå"
                value=sent error=error/>
            <p class="ds-paragraph" data-size="sm" aria-live="polite" data-testid="reply-preview">{preview}</p>
            <button class="ds-button" data-variant="secondary" type="submit" disabled=move || busy.get()>"Registrer brev sendt"</button>
        </form>
    }
}

/// FB-8: "we found an appointment", with which of the three cases it is.
#[component]
fn AppointmentForm<S>(c: CaseView, send: S, busy: RwSignal<bool>) -> impl IntoView
where
    S: Fn(EventForm, String) + Clone + 'static,
{
    let date = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (state, fristdato) = (c.case.state, c.case.fristdato);
    let preview = move || {
        frist_domain::calendar::parse_date(&date.get())
            .map(|d| Variant::of(state, fristdato, d).name_nb())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = EventForm {
            event: EventKind::SiteFoundAppointment.as_str().into(),
            appointment: date.get_untracked(),
            ..Default::default()
        };
        match form.check() {
            Ok(_) => {
                error.set(None);
                send(form, "Timen er meldt til Helfo.".into());
            }
            Err(r) => error.set(errors_of(&r, "").first().map(|(_, m)| m.clone())),
        }
    };
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="appointment-form">
            <TextField id="fb-appointment" label="Vi har funnet time til pasienten" description="Datoen for timen, dd.mm.åååå"
                value=date error=error/>
            <p class="ds-paragraph" data-size="sm" aria-live="polite">{preview}</p>
            <button class="ds-button" data-variant="secondary" type="submit" disabled=move || busy.get()>"Meld timen til Helfo"</button>
        </form>
    }
}

/// FB-7: one PDF, checked here by size and content before it is sent, and
/// again at the edge.
#[component]
fn Upload<F>(c: CaseView, changed: F) -> impl IntoView
where
    F: Fn(Result<CaseView, ApiError>, String) + Copy + 'static,
{
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let (id, version) = (c.id.clone(), c.version);
    let by = c.deadlines.documents_by;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(files) = input.get_untracked().and_then(|i| i.files()) else {
            return;
        };
        if files.length() != 1 {
            error.set(Some(
                "Velg én PDF-fil. Samle henvisning og dokumentasjon i én fil.".into(),
            ));
            return;
        }
        let Some(file) = files.get(0) else { return };
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let head = first_bytes(&file, 8).await;
            let len = file.size() as usize;
            if let Err(issue) = fb::check_pdf(len, &head) {
                error.set(Some(frist_domain::messages::render(
                    &issue,
                    frist_domain::messages::Lang::Nb,
                )));
                busy.set(false);
                return;
            }
            error.set(None);
            let r = api::upload_document(&id, version, &file).await;
            busy.set(false);
            changed(r, "Dokumentasjonen er lastet opp.".into());
        });
    };
    let described = move || error.get().map(|_| "fb-document-error");
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="upload-form">
            <div class="ds-field">
                <label class="ds-label" for="fb-document">"Henvisning og dokumentasjon (én PDF, høyst 20 MB)"</label>
                {by.map(|d| view! { <div class="ds-paragraph frist-description" data-size="sm">{format!("Lastes opp innen {}.", nb(d))}</div> })}
                <input class="ds-input" type="file" id="fb-document" accept="application/pdf,.pdf" node_ref=input
                    aria-invalid=move || error.get().map(|_| "true") aria-describedby=described/>
                {move || error.get().map(|e| view! {
                    <div class="ds-validation-message" data-color="danger" id="fb-document-error">{e}</div>
                })}
            </div>
            <button class="ds-button" data-variant="secondary" type="submit" disabled=move || busy.get()>"Last opp"</button>
        </form>
    }
}

/// The first `n` bytes of a file (for sniffing), or none if unreadable.
async fn first_bytes(file: &web_sys::File, n: i32) -> Vec<u8> {
    let Ok(blob) = file.slice_with_i32_and_i32(0, n) else {
        return Vec::new();
    };
    match wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await {
        Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
        Err(_) => Vec::new(),
    }
}

#[component]
fn History(c: CaseView) -> impl IntoView {
    view! {
        <h2 class="ds-heading" data-size="sm">"Historikk"</h2>
        <div class="frist-table-wrap">
        <table class="ds-table" data-testid="history">
            <caption class="ds-sr-only">"Alt som har skjedd i saken, eldst først"</caption>
            <thead><tr><th scope="col">"Tidspunkt"</th><th scope="col">"Hvem"</th><th scope="col">"Hva"</th><th scope="col">"Status etterpå"</th></tr></thead>
            <tbody>
                {c.history.into_iter().map(|h| {
                    let who = match h.actor {
                        Actor::Site => "Behandlingsstedet",
                        Actor::Helfo => "Helfo",
                        Actor::System => "Automatisk",
                    };
                    let what = match h.date {
                        Some(d) => format!("{} ({})", h.event.name_nb(), nb(d)),
                        None => h.event.name_nb().to_owned(),
                    };
                    view! {
                        <tr>
                            <td>{local_time(&h.at)}</td>
                            <td>{who}</td>
                            <td>{what}</td>
                            <td>{h.to_state.name_nb()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// An RFC 3339 UTC timestamp as Oslo time, `dd.mm.åååå tt:mm`.
fn local_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Oslo)
                .format("%d.%m.%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_owned())
}

// --- the cover sheet (FB-7, form 02-01.01) --------------------------------------

#[component]
pub fn CoverSheetPage() -> impl IntoView {
    view! {
        <Protected roles=SITE>
            <CoverSheet/>
        </Protected>
    }
}

#[component]
fn CoverSheet() -> impl IntoView {
    let id = case_id();
    let case = LocalResource::new(move || {
        let id = id.get();
        async move { api::case(&id).await }
    });
    move || {
        match case.get() {
        None => view! { <p class="ds-paragraph">"Laster …"</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(c)) => view! {
            <article class="frist-cover" data-testid="cover-sheet">
                <p class="ds-paragraph frist-no-print">
                    "Skriv ut, fyll inn det som mangler, la en person med fullmakt signere, og send forsiden med dokumentasjonen som A-post."
                    <button class="ds-button" data-variant="primary" type="button"
                        on:click=|_| { let _ = window().print(); }>"Skriv ut"</button>
                </p>
                <h1 class="ds-heading" data-size="md">"Bekreftelse på kjøp av helsetjenester til fristbruddpasient"</h1>
                <p class="ds-paragraph">"Skjema 02-01.01 – forside for dokumentasjon sendt i posten"</p>
                <dl class="frist-facts">
                    <dt>"Saksnummer"</dt><dd>{c.number.clone()}</dd>
                    <dt>"Behandlingssted"</dt><dd>{c.organisation_name.clone()}</dd>
                    <dt>"Organisasjonsnummer"</dt><dd>{c.organisation_orgnr.clone()}</dd>
                    <dt>"Pasientens navn"</dt><dd>{c.patient_name.clone()}</dd>
                    <dt>"Fødselsnummer"</dt><dd>{c.patient_fnr.clone()}</dd>
                    <dt>"Fagområde"</dt><dd>{c.specialty.clone()}</dd>
                    <dt>"Henvisning mottatt"</dt><dd>{nb(c.referral_received)}</dd>
                    <dt>"Fristdato"</dt><dd>{nb(c.case.fristdato)}</dd>
                    <dt>"Vedlagt"</dt><dd>"Henvisning og nødvendig medisinsk dokumentasjon"</dd>
                </dl>
                <div class="frist-signature">
                    <p class="ds-paragraph">"Sted og dato: ______________________________"</p>
                    <p class="ds-paragraph">"Signatur (person med fullmakt): ______________________________"</p>
                    <p class="ds-paragraph">"Navn med blokkbokstaver: ______________________________"</p>
                </div>
                <address class="ds-paragraph">"Sendes til: Helfo pasientformidling, Postboks 2415, 3104 Tønsberg"</address>
            </article>
        }
        .into_any(),
    }
    }
}

// --- the dashboard (FB-11) -----------------------------------------------------

#[component]
pub fn StatsPage() -> impl IntoView {
    view! {
        <Protected roles=HELFO>
            <Stats/>
        </Protected>
    }
}

#[component]
fn Stats() -> impl IntoView {
    let stats = LocalResource::new(api::fb_stats);
    move || {
        match stats.get() {
        None => view! { <p class="ds-paragraph">"Laster …"</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(months)) => view! {
            <h1 class="ds-heading" data-size="lg">"Fristbrudd – tjenestenivå"</h1>
            <p class="ds-paragraph">
                "Saker per måned de ble meldt, og hvor mange som fikk første avklaring innen 10 virkedager."
            </p>
            <Chart months=months.clone()/>
            <div class="frist-table-wrap">
            <table class="ds-table" data-testid="stats-table">
                <caption>"Tallene bak figuren"</caption>
                <thead><tr>
                    <th scope="col">"Måned"</th><th scope="col">"Saker"</th><th scope="col">"Avklart"</th>
                    <th scope="col">"Innen 10 virkedager"</th><th scope="col">"Andel innen fristen"</th><th scope="col">"Snitt virkedager"</th>
                </tr></thead>
                <tbody>
                    {months.into_iter().map(|m| view! {
                        <tr>
                            <td>{m.month.clone()}</td>
                            <td>{m.cases}</td>
                            <td>{m.with_outcome}</td>
                            <td>{m.within_limit}</td>
                            <td>{share(&m).map_or_else(|| "–".into(), |p| format!("{p:.0} %"))}</td>
                            <td>{m.mean_working_days.map_or_else(|| "–".into(), |d| format!("{d:.1}").replace('.', ","))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        }
        .into_any(),
    }
    }
}

/// The share of cases with an outcome that came within the limit, in %.
fn share(m: &MonthStats) -> Option<f64> {
    (m.with_outcome > 0).then(|| 100.0 * f64::from(m.within_limit) / f64::from(m.with_outcome))
}

/// Bars of cases per month, the part within the limit filled darker and
/// patterned (not by colour alone), with the numbers written on them.
#[component]
fn Chart(months: Vec<MonthStats>) -> impl IntoView {
    let max = months.iter().map(|m| m.cases).max().unwrap_or(1).max(1);
    let bar_w = 48.0;
    let gap = 16.0;
    let h = 180.0;
    let width = (months.len() as f64) * (bar_w + gap) + gap;
    let label = format!(
        "Stolpediagram over {} måneder: saker per måned, med andelen avklart innen 10 virkedager. Tallene står i tabellen under.",
        months.len()
    );
    view! {
        <figure class="frist-chart" data-testid="stats-chart">
            <svg role="img" aria-label=label viewBox=format!("0 0 {width} {}", h + 40.0) width="100%" height="240" preserveAspectRatio="xMinYMin meet">
                <defs>
                    <pattern id="within" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="#1e5b8a"/>
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/>
                    </pattern>
                </defs>
                {months.iter().enumerate().map(|(i, m)| {
                    let x = gap + i as f64 * (bar_w + gap);
                    let total = h * f64::from(m.cases) / f64::from(max);
                    let within = h * f64::from(m.within_limit) / f64::from(max);
                    view! {
                        <g>
                            <rect x=x y=h - total width=bar_w height=total fill="#c7dff0" stroke="#1e5b8a"/>
                            <rect x=x y=h - within width=bar_w height=within fill="url(#within)"/>
                            <text x=x + bar_w / 2.0 y=h - total - 4.0 text-anchor="middle" font-size="12">{m.cases}</text>
                            <text x=x + bar_w / 2.0 y=h + 16.0 text-anchor="middle" font-size="11">{m.month.clone()}</text>
                            <text x=x + bar_w / 2.0 y=h + 32.0 text-anchor="middle" font-size="11">
                                {share(m).map_or_else(|| "–".into(), |p| format!("{p:.0} %"))}
                            </text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="ds-paragraph" data-size="sm">
                "Lys stolpe: alle saker meldt i måneden. Mørk, stripet del: avklart innen 10 virkedager. Prosenten under måneden er andelen av de avklarte sakene som ble avklart innen fristen."
            </figcaption>
        </figure>
    }
}
