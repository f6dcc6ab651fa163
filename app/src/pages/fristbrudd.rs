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
    self as fb, Actor, BreachKind, CaseCreated, CaseSummary, CaseView, DeadlineKind, EventForm,
    EventKind, MonthStats, NotificationForm, SiteAction, State, Variant, WaitingList,
};
use frist_domain::ics::{self, Deadline};
use frist_domain::ids::FnrContext;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use strum::IntoEnumIterator;

use crate::api::{self, ApiError, load_all};
use crate::confirm::{Confirm, Question};
use crate::form::{
    CheckboxField, Delivery, DeliveryStatus, ErrorSummary, SelectField, Sending, Show, TextField,
    alert, checked_fields, draft, due_tag, error_for, errors_of, focus_summary, loading_or_failure,
    month_name, nb, ready_to_send, save_file, send_form, show_filter, show_note, today,
};
use crate::i18n::{issue, name, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

/// The pages a case is opened from, for its back link.
const CASE_LISTS: &[(&str, &str)] = &[
    ("/fristbrudd/ko", "nav.back_to_queue"),
    ("/fristbrudd/saker", "fristbrudd.all_cases"),
    ("/", "nav.back_to_home"),
];

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
pub fn NewCase() -> impl IntoView {
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
    let delivery = RwSignal::new(Delivery::Draft);
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
                // The form may be gone by the answer (the user moved on).
                if let Ok(a) = api::patient_check(&number).await
                    && fnr.try_get_untracked().is_some_and(|now| now == number)
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
            .map(|k| (<&str>::from(k).to_owned(), crate::i18n::name(k).to_owned()))
            .collect::<Vec<_>>()
    });

    let send = move || {
        tried.set(true);
        edge_issues.set(Vec::new());
        failure.set(None);
        if report.get_untracked().has_errors() {
            draft::set_pending(DRAFT_KEY, false);
            focus_summary(summary);
            return;
        }
        let f = form();
        let k = draft::submission_key(DRAFT_KEY, &f);
        send_form(
            Sending {
                busy: sending,
                edge_issues,
                failure,
                summary,
                receipt,
                draft_key: DRAFT_KEY,
                delivery,
            },
            move || {
                let (f, k) = (f.clone(), k.clone());
                async move { api::create_case(&f, &k).await }
            },
        );
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send();
    };
    // In the outbox when the page closed (offline, a crash): on its way again.
    if restored && draft::pending(DRAFT_KEY) {
        send();
    }
    // Emptying the form throws away what was typed: asked first.
    let ask_clear = RwSignal::new(None::<Question>);
    let clear = Callback::new(move |()| {
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
    });

    move || {
        match receipt.get() {
        Some(r) => view! { <Receipt receipt=r/> }.into_any(),
        None => view! {
            <h1 class="ds-heading" data-size="lg">{t("fristbrudd.new_title")}</h1>
            <p class="ds-paragraph">
                {t("fristbrudd.new_intro")}
            </p>
            {restored.then(|| alert("info", t("fristbrudd.draft_restored").into()))}
            <form on:submit=submit novalidate class="frist-form" data-testid="fb-form">
                <ErrorSummary errors=summary_errors node_ref=summary/>
                {move || failure.get().map(|t| alert("danger", t))}
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{t("fristbrudd.legend_patient")}</legend>
                    <TextField id="fb-patient_fnr" label=t("fristbrudd.fnr_label")
                        description=t("fristbrudd.fnr_description") value=fnr error=field("fb-patient_fnr") autocomplete="off"/>
                    {move || open_case.get().map(|n| view! {
                        <div class="ds-alert" data-color="warning" role="status" data-testid="open-case">
                            <p class="ds-paragraph">{tf("fristbrudd.open_case", &[("number", &n)])}</p>
                        </div>
                    })}
                    <TextField id="fb-patient_name" label=t("fristbrudd.name_label") value=name error=field("fb-patient_name") autocomplete="off"/>
                    <TextField id="fb-patient_phone" label=t("fristbrudd.phone_label") description=t("fristbrudd.phone_description")
                        value=phone error=field("fb-patient_phone") input_type="tel"/>
                </fieldset>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{t("fristbrudd.legend_deadline")}</legend>
                    <TextField id="fb-specialty" label=t("fristbrudd.specialty") value=specialty error=field("fb-specialty")/>
                    <TextField id="fb-referral_received" label=t("fristbrudd.referral_received_label") description=t("fristbrudd.date_hint")
                        value=referral error=field("fb-referral_received")/>
                    <TextField id="fb-fristdato" label=t("fristbrudd.fristdato") description=t("fristbrudd.fristdato_description")
                        value=fristdato error=field("fb-fristdato")/>
                    <SelectField id="fb-kind" label=t("fristbrudd.breach") value=kind options=kinds error=field("fb-kind")/>
                    <TextField id="fb-warning_sent" label=t("fristbrudd.warning_sent_label") description=t("fristbrudd.date_hint")
                        value=warning error=field("fb-warning_sent")/>
                    <FristCheck fristdato=fristdato kind=kind/>
                </fieldset>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{t("fristbrudd.urgency")}</legend>
                    <CheckboxField id="fb-urgent" label=t("fristbrudd.urgent_checkbox") value=urgent/>
                    <Show when=move || urgent.get()>
                        <TextField id="fb-urgent_reason" label=t("fristbrudd.urgent_reason_label")
                            description=t("fristbrudd.urgent_reason_description")
                            value=urgent_reason error=field("fb-urgent_reason")/>
                    </Show>
                </fieldset>
                <div class="frist-actions">
                    <button class="ds-button" data-variant="primary" type="submit" disabled=move || sending.get()>
                        {move || if sending.get() { t("fristbrudd.sending") } else { t("fristbrudd.send") }}
                    </button>
                    <button class="ds-button" data-variant="tertiary" type="button"
                            on:click=move |_| ask_clear.set(Some(Question {
                                title: t("fristbrudd.clear_confirm_title").to_owned(),
                                body: t("fristbrudd.clear_confirm_body").to_owned(),
                                yes: t("fristbrudd.clear").to_owned(),
                            }))>{t("fristbrudd.clear")}</button>
                        <Confirm id="clear-confirm" ask=ask_clear on_yes=clear/>
                </div>
                <DeliveryStatus delivery=delivery/>
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
        let date = nb(frist);
        let when = match days {
            d if d < 0 => tf(
                "fristbrudd.check_past",
                &[("date", &date), ("days", &(-d).to_string())],
            ),
            0 => tf("fristbrudd.check_today", &[("date", &date)]),
            d => tf(
                "fristbrudd.check_future",
                &[("date", &date), ("days", &d.to_string())],
            ),
        };
        let kind_text = match kind.get().parse::<BreachKind>() {
            Ok(BreachKind::Occurred) if days >= 0 => Some(t("fristbrudd.check_occurred_not_past")),
            Ok(BreachKind::Expected) if days < 0 => Some(t("fristbrudd.check_expected_past")),
            Ok(_) => Some(t("fristbrudd.check_matches")),
            Err(_) => None,
        };
        let service =
            fb::service_limit(today).map(|d| tf("fristbrudd.check_service", &[("date", &nb(d))]));
        let mut parts = vec![when];
        parts.extend(kind_text.map(str::to_owned));
        parts.extend(service);
        Some(parts.join(" "))
    };
    view! {
        <p class="ds-paragraph frist-live" data-size="sm" data-testid="frist-check" aria-live="polite">
            {move || text().unwrap_or_else(|| t("fristbrudd.check_hint").into())}
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
                <h1 class="ds-heading" data-size="md">{t("fristbrudd.receipt_title")}</h1>
                <p class="ds-paragraph">{t("fristbrudd.case_number")}": "<strong data-testid="case-number">{receipt.number.clone()}</strong></p>
            </div>
            <h2 class="ds-heading" data-size="sm">{t("fristbrudd.what_next")}</h2>
            <dl class="frist-facts">
                <dt>{t("fristbrudd.notified")}</dt><dd>{nb(receipt.notified_on)}</dd>
                <dt>{t("fristbrudd.contact_patient")}</dt><dd>{t("fristbrudd.contact_within")}</dd>
                <dt>{t("fristbrudd.first_answer_by")}</dt><dd>{nb(receipt.service_limit)}</dd>
            </dl>
            <p class="ds-paragraph">{site_action_text(&receipt.site_action)}</p>
            <p class="ds-paragraph">{t("fristbrudd.email_notice")}</p>
            <div class="frist-actions frist-no-print">
                <A href=href attr:class="ds-link">{t("fristbrudd.go_to_case")}</A>
                <button class="ds-button" data-variant="secondary" type="button"
                    on:click=|_| { let _ = window().print(); }>{t("fristbrudd.print_receipt")}</button>
                <a class="ds-link" href="/fristbrudd/ny" rel="external">{t("fristbrudd.report_new")}</a>
            </div>
        </section>
    }
}

/// What the original site must do now, in the chosen language.
fn site_action_text(action: &SiteAction) -> String {
    match action {
        SiteAction::KeepOnList => t("fristbrudd.action_keep_on_list").into(),
        SiteAction::UploadDocumentation => t("fristbrudd.action_upload").into(),
        SiteAction::RemoveFromList => t("fristbrudd.action_remove_from_list").into(),
        SiteAction::StoppedKeepOnList => t("fristbrudd.action_stopped").into(),
        SiteAction::AppointmentReported => t("fristbrudd.action_appointment_reported").into(),
        SiteAction::GiveAppointmentDate => t("fristbrudd.action_give_appointment_date").into(),
    }
}

// --- lists ------------------------------------------------------------------

fn deadline_text(c: &CaseSummary) -> String {
    c.next_deadline
        .map(|(k, d)| format!("{} {}", name(k), nb(d)))
        .unwrap_or_else(|| "–".into())
}

fn state_tag(state: State) -> impl IntoView {
    let color = match state {
        State::Accepted => "success",
        s if s.is_open() => "info",
        _ => "neutral",
    };
    view! { <span class="ds-tag" data-color=color>{name(state)}</span> }
}

fn waiting_text(w: WaitingList) -> &'static str {
    match w {
        WaitingList::Keep => t("fristbrudd.waiting_keep"),
        WaitingList::Remove => t("fristbrudd.waiting_remove"),
    }
}

/// A table of cases; `queue` adds the urgency column.
#[component]
fn CaseTable(
    #[prop(into)] cases: Signal<Vec<CaseSummary>>,
    caption: &'static str,
    queue: bool,
) -> impl IntoView {
    // On a narrow screen the table scrolls sideways: said above it. Every
    // table takes the keyboard focus, so the arrows can scroll it there.
    view! {
        <p class="ds-paragraph frist-scroll-hint" data-size="sm" aria-hidden="true">{t("list.scroll_hint")}</p>
        <div class="frist-table-wrap">
        <table class="ds-table" tabindex="0" data-testid="case-table">
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col">{t("fristbrudd.th_case")}</th>
                {queue.then(|| view! { <th scope="col">{t("fristbrudd.urgency")}</th> })}
                <th scope="col">{t("fristbrudd.patient")}</th>
                <th scope="col">{t("fristbrudd.specialty")}</th>
                <th scope="col">{t("fristbrudd.fristdato")}</th>
                <th scope="col">{t("fristbrudd.status")}</th>
                <th scope="col">{t("fristbrudd.next_deadline")}</th>
                <th scope="col">{t("fristbrudd.waiting_list")}</th>
            </tr></thead>
            <tbody>
                {move || cases.get().into_iter().map(|c| {
                    let href = format!("/fristbrudd/saker/{}", c.id);
                    let urgency = match (c.urgent, c.urgent_confirmed) {
                        (true, true) => t("fristbrudd.urgent_confirmed"),
                        (true, false) => t("fristbrudd.urgent_unconfirmed"),
                        _ => t("fristbrudd.normal"),
                    };
                    let deadline = deadline_text(&c);
                    let tag = c.next_deadline.and_then(|(_, d)| due_tag(d));
                    view! {
                        <tr data-case=c.id.clone()>
                            <td><A href=href>{c.number.clone()}</A></td>
                            {queue.then(|| view! { <td>{urgency}</td> })}
                            <td>{c.patient_fnr_masked.clone()}</td>
                            <td>{c.specialty.clone()}</td>
                            <td>{nb(c.fristdato)}</td>
                            <td>{state_tag(c.state)}</td>
                            <td>{deadline}{tag}</td>
                            <td>{waiting_text(c.waiting_list)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        {move || cases.get().is_empty().then(|| view! { <p class="ds-paragraph">{t("fristbrudd.no_cases")}</p> })}
    }
}

#[component]
pub fn CaseList() -> impl IntoView {
    let cases = RwSignal::new(Vec::<CaseSummary>::new());
    let failure = RwSignal::new(None::<String>);
    // `?state=` and `?vis=` come from the front page's counts.
    let query = leptos_router::hooks::use_query_map();
    let state = RwSignal::new(
        query
            .get_untracked()
            .get("state")
            .unwrap_or_else(|| "open".to_owned()),
    );
    let show = show_filter();
    let today = today();
    let shown = Signal::derive(move || {
        let mut list = cases.get();
        if let Some(s) = show.get() {
            list.retain(|c| {
                if s == Show::ActNow {
                    c.site_action.needs_site()
                } else {
                    s.keeps(c.next_deadline.map(|(_, d)| d), today)
                }
            });
        }
        list
    });
    Effect::new(move |_| {
        let s = state.get();
        load_all(cases, failure, move |c| Box::pin(api::cases(s.clone(), c)));
    });
    let options = Signal::derive(|| {
        let mut o = vec![
            ("open".to_owned(), t("fristbrudd.filter_open").to_owned()),
            (
                "closed".to_owned(),
                t("fristbrudd.filter_closed").to_owned(),
            ),
        ];
        o.extend(State::iter().map(|s| (s.as_str().to_owned(), name(s).to_owned())));
        o
    });
    let role = use_session().view().map(|s| s.user.role);
    let site = role == Some(Role::Behandlingssted);
    let helfo = role.is_some_and(Role::sees_all_organisations);
    view! {
        <h1 class="ds-heading" data-size="lg">{t("fristbrudd.list_title")}</h1>
        {site.then(|| view! { <p class="ds-paragraph"><A href="/fristbrudd/ny">{t("fristbrudd.report_new")}</A></p> })}
        {helfo.then(|| view! { <PatientSearch/> })}
        {move || failure.get().map(|t| alert("danger", t))}
        <div class="frist-filter">
            <SelectField id="fb-filter" label=t("fristbrudd.filter_label") value=state options=options error=Signal::derive(|| None::<String>)/>
        </div>
        {show_note(show, "/fristbrudd/saker")}
        <CaseTable cases=shown caption=t("fristbrudd.list_caption") queue=false/>
    }
}

/// Helfo finds a patient's cases by fødselsnummer (issue 24). The number
/// is checked as typed and sent in a request body, never a URL; the edge
/// audits the search by the cases it found.
#[component]
fn PatientSearch() -> impl IntoView {
    let fnr = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<Vec<CaseSummary>>);
    let today = today();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = fnr.get_untracked();
        let ctx = FnrContext {
            today,
            allow_synthetic: true,
        };
        if let Err(e) = frist_domain::ids::Fodselsnummer::parse(&typed, &ctx) {
            error.set(Some(issue(&frist_domain::Issue::from_id_error(
                "patient_fnr",
                e,
            ))));
            return;
        }
        error.set(None);
        leptos::task::spawn_local(async move {
            match api::patient_search(&typed).await {
                Ok(list) => found.set(Some(list)),
                Err(e) => {
                    let detail: Vec<String> = e.issues().iter().map(issue).collect();
                    error.set(Some(if detail.is_empty() {
                        e.text()
                    } else {
                        detail.join(" ")
                    }));
                }
            }
        });
    };
    view! {
        <details class="frist-details" data-testid="patient-search">
            <summary>{t("fristbrudd.patient_search_summary")}</summary>
            <form class="frist-inline-form" on:submit=search novalidate>
                <div class="ds-field">
                    <label class="ds-label" for="fb-patient-search">{t("fristbrudd.fnr_label")}</label>
                    <input class="ds-input" id="fb-patient-search" type="text" inputmode="numeric" autocomplete="off"
                        aria-invalid=move || error.get().map(|_| "true")
                        aria-describedby=move || error.get().map(|_| "fb-patient-search-error")
                        prop:value=move || fnr.get()
                        on:input=move |ev| fnr.set(event_target_value(&ev))/>
                    {move || error.get().map(|e| view! {
                        <div class="ds-validation-message" data-color="danger" id="fb-patient-search-error">{e}</div>
                    })}
                </div>
                <div class="frist-actions">
                    <button class="ds-button" data-variant="secondary" type="submit">{t("fristbrudd.patient_search_button")}</button>
                </div>
            </form>
            {move || found.get().map(|list| {
                let n = list.len();
                view! {
                    <p class="ds-paragraph" role="status">{tf("fristbrudd.patient_search_found", &[("n", &n.to_string())])}</p>
                    {(n > 0).then(|| view! { <CaseTable cases=Signal::derive(move || list.clone()) caption=t("fristbrudd.patient_search_caption") queue=false/> })}
                }
            })}
        </details>
    }
}

#[component]
pub fn Queue() -> impl IntoView {
    let cases = RwSignal::new(Vec::<CaseSummary>::new());
    let failure = RwSignal::new(None::<String>);
    load_all(cases, failure, |c| Box::pin(api::queue(c)));
    view! {
        <h1 class="ds-heading" data-size="lg">{t("fristbrudd.queue_title")}</h1>
        <p class="ds-paragraph">
            {t("fristbrudd.queue_intro")}
        </p>
        {move || failure.get().map(|t| alert("danger", t))}
        <CaseTable cases=cases caption=t("fristbrudd.queue_caption") queue=true/>
    }
}

// --- the case page ------------------------------------------------------------

fn case_id() -> Signal<String> {
    let params = use_params_map();
    Signal::derive(move || params.get().get("id").unwrap_or_default())
}

#[component]
pub fn CaseDetail() -> impl IntoView {
    let id = case_id();
    let case = RwSignal::new(None::<CaseView>);
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let reload = move || {
        // Also called after an answer, when the page may be gone.
        let Some(id) = id.try_get_untracked() else {
            return;
        };
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
            failure.set(Some(t("fristbrudd.stale_case").into()));
            reload();
        }
        Err(e) => {
            done.set(None);
            let detail = e.issues().iter().map(issue).collect::<Vec<_>>().join(" ");
            failure.set(Some(if detail.is_empty() { e.text() } else { detail }));
        }
    };

    move || {
        let Some(c) = case.get() else {
            // Loading, or why not: an unknown case says so, never "loading"
            // for ever.
            return view! {
                <BackLink fallback=("/fristbrudd/saker", "fristbrudd.all_cases") lists=CASE_LISTS/>
                {loading_or_failure(failure, "fristbrudd.loading_case")}
            }
            .into_any();
        };
        let cover = format!("/fristbrudd/saker/{}/forside", c.id);
        let doc = format!("/api/v1/fristbrudd/cases/{}/document", c.id);
        let list = if actor == Actor::Site {
            ("/fristbrudd/saker", "fristbrudd.all_cases")
        } else {
            ("/fristbrudd/ko", "nav.fristbrudd")
        };
        view! {
            <Breadcrumbs list=list current=c.number.clone()/>
            <BackLink fallback=("/fristbrudd/saker", "fristbrudd.all_cases") lists=CASE_LISTS/>
            <h1 class="ds-heading" data-size="lg">{tf("fristbrudd.case_title", &[("number", &c.number)])}</h1>
            <p class="ds-paragraph" data-testid="case-state">{t("fristbrudd.status")}": "{state_tag(c.case.state)}
                {c.case.variant.map(|v| view! { <span>" – "{name(v)}</span> })}
            </p>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <section class="frist-panel" data-testid="site-action">
                <h2 class="ds-heading" data-size="sm">{if actor == Actor::Site { t("fristbrudd.site_must_now") } else { t("fristbrudd.site_shall_now") }}</h2>
                <p class="ds-paragraph"><strong>{site_action_text(&c.site_action)}</strong></p>
                <p class="ds-paragraph" data-size="sm">{tf("fristbrudd.waiting_line", &[("choice", waiting_text(c.waiting_list))])}</p>
            </section>
            {c.appointment_on.map(|d| {
                let key = if c.case.appointment_pending() {
                    "fristbrudd.appointment_pending"
                } else if c.case.state == State::NoOfferFound {
                    "fristbrudd.appointment_given"
                } else {
                    return None;
                };
                Some(view! { <p class="ds-paragraph" data-testid="site-appointment">{tf(key, &[("date", &nb(d))])}</p> })
            })}
            <Deadlines c=c.clone()/>
            <Actions c=c.clone() actor=actor changed=changed/>
            <h2 class="ds-heading" data-size="sm">{t("fristbrudd.patient_and_deadline")}</h2>
            <dl class="frist-facts">
                <dt>{t("fristbrudd.patient")}</dt><dd>{c.patient_name.clone()}</dd>
                <dt>{t("fristbrudd.fnr")}</dt><dd>{c.patient_fnr.clone()}</dd>
                <dt>{t("fristbrudd.phone")}</dt><dd>{c.patient_phone.clone()}</dd>
                <dt>{t("fristbrudd.site")}</dt><dd>{format!("{} ({})", c.organisation_name, c.organisation_orgnr)}</dd>
                <dt>{t("fristbrudd.specialty")}</dt><dd>{c.specialty.clone()}</dd>
                <dt>{t("fristbrudd.referral_received")}</dt><dd>{nb(c.referral_received)}</dd>
                <dt>{t("fristbrudd.fristdato")}</dt><dd>{nb(c.case.fristdato)}</dd>
                <dt>{t("fristbrudd.breach")}</dt><dd>{name(c.kind)}</dd>
                <dt>{t("fristbrudd.warning_sent")}</dt><dd>{nb(c.warning_sent)}</dd>
                <dt>{t("fristbrudd.urgency")}</dt><dd>{match (&c.urgent_reason, c.case.urgent_confirmed) {
                    (Some(r), true) => tf("fristbrudd.urgent_confirmed_reason", &[("reason", r.as_str())]),
                    (Some(r), false) => tf("fristbrudd.urgent_requested_reason", &[("reason", r.as_str())]),
                    (None, _) => t("fristbrudd.normal").into(),
                }}</dd>
                <dt>{t("fristbrudd.documentation")}</dt><dd>{match c.document_bytes {
                    Some(n) => view! { <a class="ds-link" href=doc download="">{tf("fristbrudd.document_link", &[("kb", &((n + 1023) / 1024).to_string())])}</a> }.into_any(),
                    None if c.case.has_documents => view! { <span>{t("fristbrudd.received_by_post")}</span> }.into_any(),
                    None => view! { <span>{t("fristbrudd.not_received")}</span> }.into_any(),
                }}</dd>
            </dl>
            {(actor == Actor::Site).then(|| {
                let copy = copy_form(&c);
                let navigate = leptos_router::hooks::use_navigate();
                view! {
                    <p class="ds-paragraph frist-no-print">
                        <A href=cover>{t("fristbrudd.cover_link")}</A>
                    </p>
                    <p class="ds-paragraph frist-no-print">
                        <button class="ds-button" data-variant="secondary" type="button" data-testid="copy-case"
                            on:click=move |_| {
                                if draft::copy_into(DRAFT_KEY, &copy) {
                                    navigate("/fristbrudd/ny", Default::default());
                                }
                            }>{t("fristbrudd.copy")}</button>
                    </p>
                }
            })}
            <History c=c.clone()/>
        }
        .into_any()
    }
}

/// "Lag kopi": the notification behind a case as the draft of a new one
/// (the same patient with a new referral, say). Everything stays editable.
fn copy_form(c: &CaseView) -> NotificationForm {
    NotificationForm {
        patient_fnr: c.patient_fnr.clone(),
        patient_name: c.patient_name.clone(),
        patient_phone: c.patient_phone.clone(),
        specialty: c.specialty.clone(),
        fristdato: nb(c.case.fristdato),
        referral_received: nb(c.referral_received),
        warning_sent: nb(c.warning_sent),
        kind: <&str>::from(c.kind).to_owned(),
        urgent: c.urgent_reason.is_some(),
        urgent_reason: c.urgent_reason.clone().unwrap_or_default(),
    }
}

/// The running deadlines as an `.ics` file, made in the browser: the case
/// number and what is due, never the patient (calendars sync elsewhere).
fn save_calendar(c: &CaseView) {
    let deadlines: Vec<Deadline> = c
        .case
        .running_deadlines()
        .into_iter()
        .map(|(kind, date)| Deadline {
            key: kind.into(),
            date,
            summary: tf(
                "fristbrudd.ics_summary",
                &[("number", &c.number), ("what", name(kind))],
            ),
        })
        .collect();
    let stamp =
        chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let text = ics::calendar(
        &c.number,
        &tf("fristbrudd.ics_name", &[("number", &c.number)]),
        &deadlines,
        stamp,
    );
    save_file(
        &format!("{}.ics", c.number),
        "text/calendar;charset=utf-8",
        &text,
    );
}

#[component]
fn Deadlines(c: CaseView) -> impl IntoView {
    let d = c.deadlines;
    let next = c.next_deadline;
    let running = c.case.running_deadlines();
    // One deadline is "the next" even when two fall on the same day; a
    // deadline still running carries its tag (overdue, today, this week).
    let row = move |label: &'static str, kind: DeadlineKind, date: Option<chrono::NaiveDate>| {
        date.map(|date| {
            let is_next = next.is_some_and(|(k, _)| k == kind);
            let tag = running.iter().any(|(k, _)| *k == kind).then(|| due_tag(date)).flatten();
            view! {
                <dt>{label}</dt>
                <dd>{nb(date)}{is_next.then(|| format!(" ({})", t("fristbrudd.next_deadline_note")))}{tag}</dd>
            }
        })
    };
    view! {
        <h2 class="ds-heading" data-size="sm">{t("fristbrudd.deadlines")}</h2>
        <dl class="frist-facts" data-testid="deadlines">
            {row(t("fristbrudd.deadline_contact"), DeadlineKind::ContactBy, d.contact_by)}
            {row(t("fristbrudd.deadline_reply"), DeadlineKind::ReplyBy, d.reply_by)}
            {row(t("fristbrudd.first_answer_by"), DeadlineKind::ServiceLimit, Some(d.service_limit))}
        </dl>
        {(!c.case.running_deadlines().is_empty()).then(|| view! {
            <p class="ds-paragraph frist-no-print">
                <button class="ds-button" data-variant="tertiary" type="button" data-testid="save-ics"
                    on:click=move |_| save_calendar(&c)>{t("fristbrudd.ics_button")}</button>
            </p>
        })}
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
            <p class="ds-paragraph" data-testid="no-actions">{t("fristbrudd.no_actions")}</p>
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
            <h2 class="ds-heading" data-size="sm">{if actor == Actor::Site { t("fristbrudd.report_to_helfo") } else { t("fristbrudd.register") }}</h2>
            <div class="frist-actions">
                {simple.into_iter().map(|k| {
                    let send = send_simple.clone();
                    view! {
                        <button class="ds-button" data-variant="secondary" type="button" data-event=k.as_str()
                            disabled=move || busy.get()
                            on:click=move |_| send(EventForm { event: k.as_str().into(), ..Default::default() },
                                tf("fristbrudd.registered", &[("event", name(k))]))>
                            {name(k)}
                        </button>
                    }
                }).collect_view()}
            </div>
            {allowed.contains(&EventKind::LetterSent).then(|| view! { <LetterForm c=c.clone() send=send_letter busy=busy/> })}
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
fn LetterForm<S>(c: CaseView, send: S, busy: RwSignal<bool>) -> impl IntoView
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
            <ErrorSummary errors=errors node_ref=summary/>
            <TextField id="fb-letter-sent" label=t("fristbrudd.letter_label") description=t("fristbrudd.date_hint")
                value=sent error=field("fb-letter-sent")/>
            <p class="ds-paragraph" data-size="sm" aria-live="polite" data-testid="reply-preview">{preview}</p>
            <button class="ds-button" data-variant="secondary" type="submit" disabled=move || busy.get()>{t("fristbrudd.letter_submit")}</button>
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
            <ErrorSummary errors=errors node_ref=summary/>
            <TextField id="fb-appointment" label=t("fristbrudd.appointment_label") description=t("fristbrudd.appointment_description")
                value=date error=field("fb-appointment")/>
            <p class="ds-paragraph" data-size="sm" aria-live="polite">{preview}</p>
            <button class="ds-button" data-variant="secondary" type="submit" disabled=move || busy.get()>{t("fristbrudd.appointment_submit")}</button>
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
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(files) = input.get_untracked().and_then(|i| i.files()) else {
            return;
        };
        if files.length() != 1 {
            error.set(Some(t("fristbrudd.upload_one_pdf").into()));
            return;
        }
        let Some(file) = files.get(0) else { return };
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let head = first_bytes(&file, 8).await;
            let len = file.size() as usize;
            if let Err(problem) = fb::check_pdf(len, &head) {
                error.set(Some(issue(&problem)));
                busy.set(false);
                return;
            }
            error.set(None);
            let r = api::upload_document(&id, version, &file).await;
            busy.set(false);
            changed(r, t("fristbrudd.uploaded").into());
        });
    };
    let described = move || error.get().map(|_| "fb-document-error");
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="upload-form">
            <div class="ds-field">
                <label class="ds-label" for="fb-document">{t("fristbrudd.upload_label")}</label>
                <input class="ds-input" type="file" id="fb-document" accept="application/pdf,.pdf" node_ref=input
                    aria-invalid=move || error.get().map(|_| "true") aria-describedby=described/>
                {move || error.get().map(|e| view! {
                    <div class="ds-validation-message" data-color="danger" id="fb-document-error">{e}</div>
                })}
            </div>
            <button class="ds-button" data-variant="secondary" type="submit" disabled=move || busy.get()>{t("fristbrudd.upload_submit")}</button>
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
        <h2 class="ds-heading" data-size="sm">{t("fristbrudd.history")}</h2>
        <div class="frist-table-wrap">
        <table class="ds-table" tabindex="0" data-testid="history">
            <caption class="ds-sr-only">{t("fristbrudd.history_caption")}</caption>
            <thead><tr><th scope="col">{t("fristbrudd.th_time")}</th><th scope="col">{t("fristbrudd.th_who")}</th><th scope="col">{t("fristbrudd.th_what")}</th><th scope="col">{t("fristbrudd.th_state_after")}</th></tr></thead>
            <tbody>
                {c.history.into_iter().map(|h| {
                    let who = match h.actor {
                        Actor::Site => t("fristbrudd.actor_site"),
                        Actor::Helfo => "Helfo",
                        Actor::System => t("fristbrudd.actor_system"),
                    };
                    let what = match h.date {
                        Some(d) => format!("{} ({})", name(h.event), nb(d)),
                        None => name(h.event).to_owned(),
                    };
                    view! {
                        <tr>
                            <td>{local_time(&h.at)}</td>
                            <td>{who}</td>
                            <td>{what}</td>
                            <td>{name(h.to_state)}</td>
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
pub fn CoverSheet() -> impl IntoView {
    let id = case_id();
    let case = LocalResource::new(move || {
        let id = id.get();
        async move { api::case(&id).await }
    });
    move || match case.get() {
        None => view! { <p class="ds-paragraph">{t("fristbrudd.loading")}</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(c)) => view! {
            <article class="frist-cover" data-testid="cover-sheet">
                <p class="ds-paragraph frist-no-print">
                    {t("fristbrudd.cover_instructions")}
                    <button class="ds-button" data-variant="primary" type="button"
                        on:click=|_| { let _ = window().print(); }>{t("fristbrudd.print")}</button>
                </p>
                <h1 class="ds-heading" data-size="md">{t("fristbrudd.cover_title")}</h1>
                <p class="ds-paragraph">{t("fristbrudd.cover_subtitle")}</p>
                <dl class="frist-facts">
                    <dt>{t("fristbrudd.case_number")}</dt><dd>{c.number.clone()}</dd>
                    <dt>{t("fristbrudd.site")}</dt><dd>{c.organisation_name.clone()}</dd>
                    <dt>{t("fristbrudd.org_number")}</dt><dd>{c.organisation_orgnr.clone()}</dd>
                    <dt>{t("fristbrudd.patient_name")}</dt><dd>{c.patient_name.clone()}</dd>
                    <dt>{t("fristbrudd.fnr")}</dt><dd>{c.patient_fnr.clone()}</dd>
                    <dt>{t("fristbrudd.specialty")}</dt><dd>{c.specialty.clone()}</dd>
                    <dt>{t("fristbrudd.referral_received")}</dt><dd>{nb(c.referral_received)}</dd>
                    <dt>{t("fristbrudd.fristdato")}</dt><dd>{nb(c.case.fristdato)}</dd>
                    <dt>{t("fristbrudd.attached")}</dt><dd>{t("fristbrudd.attached_documents")}</dd>
                </dl>
                <div class="frist-signature">
                    <p class="ds-paragraph">{t("fristbrudd.sign_place_date")}</p>
                    <p class="ds-paragraph">{t("fristbrudd.sign_signature")}</p>
                    <p class="ds-paragraph">{t("fristbrudd.sign_name")}</p>
                </div>
                <address class="ds-paragraph">{t("fristbrudd.send_to")}</address>
            </article>
        }
        .into_any(),
    }
}

// --- the dashboard (FB-11) -----------------------------------------------------

#[component]
pub fn Stats() -> impl IntoView {
    let stats = LocalResource::new(api::fb_stats);
    move || {
        match stats.get() {
        None => view! { <p class="ds-paragraph">{t("fristbrudd.loading")}</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(months)) => view! {
            <h1 class="ds-heading" data-size="lg">{t("fristbrudd.stats_title")}</h1>
            <p class="ds-paragraph">
                {t("fristbrudd.stats_intro")}
            </p>
            <Chart months=months.clone()/>
            <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="stats-table">
                <caption>{t("fristbrudd.stats_caption")}</caption>
                <thead><tr>
                    <th scope="col">{t("fristbrudd.th_month")}</th><th scope="col">{t("fristbrudd.th_cases")}</th><th scope="col">{t("fristbrudd.th_answered")}</th>
                    <th scope="col">{t("fristbrudd.th_within")}</th><th scope="col">{t("fristbrudd.th_share")}</th><th scope="col">{t("fristbrudd.th_mean")}</th>
                </tr></thead>
                <tbody>
                    {months.into_iter().map(|m| view! {
                        <tr>
                            <td>{month_name(&m.month, false)}</td>
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
    let label = tf(
        "fristbrudd.chart_label",
        &[("n", &months.len().to_string())],
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
                            <text x=x + bar_w / 2.0 y=h + 16.0 text-anchor="middle" font-size="11">{month_name(&m.month, true)}</text>
                            <text x=x + bar_w / 2.0 y=h + 32.0 text-anchor="middle" font-size="11">
                                {share(m).map_or_else(|| "–".into(), |p| format!("{p:.0} %"))}
                            </text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="ds-paragraph" data-size="sm">
                {t("fristbrudd.chart_caption")}
            </figcaption>
        </figure>
    }
}
