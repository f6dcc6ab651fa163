//! Fastlege in the browser (FL-1 … FL-12): the municipality's guided form
//! for every message kind — checked on each keystroke, with the live
//! timeline and timing class before sending — its messages and dashboard;
//! Helfo's incoming list with registration (FL-8) and the FL-7 chase list.

use frist_domain::access::Role;
use frist_domain::fastlege::{
    self as fl, CheckContext, Competence, ContactForm, Ending, MessageCreated, MessageForm,
    MessageKind, MessageView, Replaced, SCHEMA_VERSION, Status, Timing, TimingClass,
};
use frist_domain::{Issue, Report, Severity};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use strum::IntoEnumIterator;

use crate::api::{self, load_all};
use crate::form::{
    ErrorSummary, SelectField, Sending, TextField, alert, draft, error_for, errors_of,
    focus_summary, nb, send_form, today,
};
use crate::session::{Protected, use_session};

const KOMMUNE: &[Role] = &[Role::Kommune];
const HELFO: &[Role] = &[Role::Helfo, Role::HelfoAdmin];
const KOMMUNE_AND_HELFO: &[Role] = &[Role::Kommune, Role::Helfo, Role::HelfoAdmin];
const DRAFT_KEY: &str = "frist.draft.fastlege";

fn render(issue: &Issue) -> String {
    frist_domain::messages::render(issue, frist_domain::messages::Lang::Nb)
}

/// The FL-6 class and what it means, in plain words.
#[component]
fn ClassBox(class: TimingClass) -> impl IntoView {
    let color = match class {
        TimingClass::I => "success",
        TimingClass::II => "warning",
        TimingClass::III => "danger",
    };
    view! {
        <div class="ds-alert" data-color=color role="status" data-testid="timing-class">
            <h3 class="ds-heading" data-size="xs">{format!("Tidsklasse {}", class.as_str())}</h3>
            <ul class="ds-list">
                {class.consequences_nb().iter().map(|c| view! { <li>{*c}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// FL-4 … FL-7: the dates that matter, in order.
#[component]
fn Timeline(timing: Timing, today: chrono::NaiveDate) -> impl IntoView {
    let mut points: Vec<(chrono::NaiveDate, String)> = vec![(today, "I dag".into())];
    if timing.sent != today {
        points.push((timing.sent, "Sendt".into()));
    }
    points.push((
        timing.expected_registration,
        "Forventet registrert hos Helfo (2 virkedager)".into(),
    ));
    if let Some(d) = timing.fourteen_day_line {
        points.push((
            d,
            "14 dager før avslutning – siste dag for tidsklasse I".into(),
        ));
    }
    if let Some(d) = timing.termination {
        points.push((d, "Den gamle avtalen avsluttes (månedsskiftet)".into()));
    }
    if let Some(d) = timing.chase_from {
        points.push((d, "Helfo etterspør melding hvis ingen er kommet".into()));
    }
    if let Some(d) = timing.visible_from {
        points.push((d, "Synlig og valgbar på Helsenorge".into()));
    }
    if let Some(d) = timing.start {
        points.push((d, "Oppstart".into()));
    }
    points.sort_by_key(|(d, _)| *d);
    view! {
        <ol class="frist-timeline" data-testid="timeline">
            {points.into_iter().map(|(d, label)| view! {
                <li><span class="frist-timeline__date">{nb(d)}</span>" "<span>{label}</span></li>
            }).collect_view()}
        </ol>
    }
}

// --- the guided form -------------------------------------------------------------

#[component]
pub fn NewMessagePage() -> impl IntoView {
    view! {
        <Protected roles=KOMMUNE>
            <NewMessage/>
        </Protected>
    }
}

/// One signal per field of [`MessageForm`].
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<String>,
    contact_name: RwSignal<String>,
    contact_phone: RwSignal<String>,
    contact_email: RwSignal<String>,
    gp_name: RwSignal<String>,
    gp_hpr: RwSignal<String>,
    gp_birth_date: RwSignal<String>,
    practice: RwSignal<String>,
    notice_date: RwSignal<String>,
    notice_months: RwSignal<String>,
    last_working_day: RwSignal<String>,
    start_date: RwSignal<String>,
    listetak: RwSignal<String>,
    replaces: RwSignal<String>,
    citizens_moved: RwSignal<String>,
    effective_date: RwSignal<String>,
    current_list_size: RwSignal<String>,
    new_listetak: RwSignal<String>,
    move_to: RwSignal<String>,
    confirmed: RwSignal<bool>,
    self_employed: RwSignal<bool>,
    direct_settlement_date: RwSignal<String>,
    substitute_name: RwSignal<String>,
    substitute_hpr: RwSignal<String>,
    competence: RwSignal<String>,
    lis1_completed: RwSignal<bool>,
    end_date: RwSignal<String>,
}

impl Fields {
    fn new(f: MessageForm) -> Self {
        let s = RwSignal::new;
        Fields {
            kind: s(f.kind),
            contact_name: s(f.contact.name),
            contact_phone: s(f.contact.phone),
            contact_email: s(f.contact.email),
            gp_name: s(f.gp_name),
            gp_hpr: s(f.gp_hpr),
            gp_birth_date: s(f.gp_birth_date),
            practice: s(f.practice),
            notice_date: s(f.notice_date),
            notice_months: s(f.notice_months),
            last_working_day: s(f.last_working_day),
            start_date: s(f.start_date),
            listetak: s(f.listetak),
            replaces: s(f.replaces),
            citizens_moved: s(f.citizens_moved),
            effective_date: s(f.effective_date),
            current_list_size: s(f.current_list_size),
            new_listetak: s(f.new_listetak),
            move_to: s(f.move_to),
            confirmed: RwSignal::new(f.confirmed),
            self_employed: RwSignal::new(f.self_employed),
            direct_settlement_date: s(f.direct_settlement_date),
            substitute_name: s(f.substitute_name),
            substitute_hpr: s(f.substitute_hpr),
            competence: s(f.competence),
            lis1_completed: RwSignal::new(f.lis1_completed),
            end_date: s(f.end_date),
        }
    }

    fn form(&self) -> MessageForm {
        MessageForm {
            schema_version: SCHEMA_VERSION,
            kind: self.kind.get(),
            contact: ContactForm {
                name: self.contact_name.get(),
                phone: self.contact_phone.get(),
                email: self.contact_email.get(),
            },
            gp_name: self.gp_name.get(),
            gp_hpr: self.gp_hpr.get(),
            gp_birth_date: self.gp_birth_date.get(),
            practice: self.practice.get(),
            notice_date: self.notice_date.get(),
            notice_months: self.notice_months.get(),
            last_working_day: self.last_working_day.get(),
            start_date: self.start_date.get(),
            listetak: self.listetak.get(),
            replaces: self.replaces.get(),
            citizens_moved: self.citizens_moved.get(),
            effective_date: self.effective_date.get(),
            current_list_size: self.current_list_size.get(),
            new_listetak: self.new_listetak.get(),
            move_to: self.move_to.get(),
            confirmed: self.confirmed.get(),
            self_employed: self.self_employed.get(),
            direct_settlement_date: self.direct_settlement_date.get(),
            substitute_name: self.substitute_name.get(),
            substitute_hpr: self.substitute_hpr.get(),
            competence: self.competence.get(),
            lis1_completed: self.lis1_completed.get(),
            end_date: self.end_date.get(),
        }
    }

    /// Whether the clerk has typed in the field at `path` yet.
    fn typed(&self, path: &str) -> bool {
        let v = |s: RwSignal<String>| !s.get().is_empty();
        match path {
            "contact.name" => v(self.contact_name),
            "contact.phone" => v(self.contact_phone),
            "contact.email" => v(self.contact_email),
            "gp_name" => v(self.gp_name),
            "gp_hpr" => v(self.gp_hpr),
            "gp_birth_date" => v(self.gp_birth_date),
            "practice" => v(self.practice),
            "notice_date" => v(self.notice_date),
            "notice_months" => v(self.notice_months),
            "last_working_day" => v(self.last_working_day),
            "start_date" => v(self.start_date),
            "listetak" => v(self.listetak),
            "replaces" => v(self.replaces),
            "citizens_moved" => v(self.citizens_moved),
            "effective_date" => v(self.effective_date),
            "current_list_size" => v(self.current_list_size),
            "new_listetak" => v(self.new_listetak),
            "move_to" => v(self.move_to),
            "direct_settlement_date" => v(self.direct_settlement_date),
            "substitute_name" => v(self.substitute_name),
            "substitute_hpr" => v(self.substitute_hpr),
            "competence" => v(self.competence),
            "end_date" => v(self.end_date),
            // The confirmation is asked for only once the numbers add up.
            "confirmed" => true,
            _ => false,
        }
    }
}

#[component]
fn NewMessage() -> impl IntoView {
    let session = use_session().view();
    let mut start: MessageForm = draft::load(DRAFT_KEY).unwrap_or_default();
    let restored = start != MessageForm::default();
    if !restored && let Some(s) = &session {
        start.contact.name = s.user.name.clone();
        start.contact.email = s.user.email.clone();
    }
    let f = Fields::new(start);
    let tried = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let edge_issues = RwSignal::new(Vec::<Issue>::new());
    let failure = RwSignal::new(None::<String>);
    let receipt = RwSignal::new(None::<MessageCreated>);
    let key = RwSignal::new(api::new_idempotency_key());
    let summary = NodeRef::<html::Div>::new();
    let endings = RwSignal::new(Vec::<Ending>::new());
    leptos::task::spawn_local(async move {
        if let Ok(d) = api::fl_dashboard().await {
            endings.set(d.upcoming_terminations);
        }
    });
    let today = today();
    let ctx = CheckContext {
        today,
        bounds: fl::ListBounds::DEFAULT,
    };
    Effect::new(move |_| {
        let form = f.form();
        if receipt.get_untracked().is_none() {
            draft::save(DRAFT_KEY, &form);
        }
    });
    let replaced = move || {
        let id = f.replaces.get();
        endings
            .get()
            .into_iter()
            .find(|e| e.id == id)
            .map(|e| Replaced {
                termination: e.termination,
            })
    };
    let checked = Memo::new(move |_| {
        let (report, message) = f.form().check(&ctx, replaced());
        (report, message)
    });
    let errors = Signal::derive(move || {
        let (mut r, _) = checked.get();
        r.issues.retain(|i| i.severity == Severity::Error);
        if r.is_empty() {
            r = Report {
                issues: edge_issues.get(),
            };
        }
        if !tried.get() {
            r.issues.retain(|i| f.typed(&i.path));
        }
        errors_of(&r, "fl-")
    });
    let summary_errors = Signal::derive(move || {
        if tried.get() {
            errors.get()
        } else {
            Vec::new()
        }
    });
    let warnings = Signal::derive(move || {
        checked
            .get()
            .0
            .issues
            .into_iter()
            .filter(|i| i.severity == Severity::Warning)
            .map(|i| render(&i))
            .collect::<Vec<_>>()
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let kinds = Signal::derive(|| {
        MessageKind::iter()
            .map(|k| (k.as_str().to_owned(), k.name_nb().to_owned()))
            .collect::<Vec<_>>()
    });
    let competences = Signal::derive(|| {
        Competence::iter()
            .map(|c| (<&str>::from(c).to_owned(), c.name_nb().to_owned()))
            .collect::<Vec<_>>()
    });
    let ending_options = Signal::derive(move || {
        endings
            .get()
            .into_iter()
            .map(|e| {
                (
                    e.id.clone(),
                    format!("{} – {} slutter {}", e.number, e.gp_name, nb(e.termination)),
                )
            })
            .collect::<Vec<_>>()
    });
    let kind = move || f.kind.get().parse::<MessageKind>().ok();
    let is = move |k: MessageKind| kind() == Some(k);
    let substitute = move || {
        matches!(
            kind(),
            Some(
                MessageKind::SubstituteStart
                    | MessageKind::SubstituteChange
                    | MessageKind::SubstituteEnd
            )
        )
    };
    // FL-9: the consequence in words, once the numbers add up.
    let moves = move || {
        let n: u32 = f.citizens_moved.get().trim().parse().ok()?;
        let to = f.move_to.get();
        (n > 0 && !to.trim().is_empty()).then(|| fl::moves_in_words(n, &to))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        edge_issues.set(Vec::new());
        failure.set(None);
        if checked.get_untracked().1.is_none() {
            focus_summary(summary);
            return;
        }
        let form = f.form();
        let k = key.get_untracked();
        send_form(
            Sending {
                busy: sending,
                edge_issues,
                failure,
                summary,
                receipt,
                draft_key: DRAFT_KEY,
                offline: "Meldingen er lagret i nettleseren; send på nytt når forbindelsen er tilbake – den blir ikke registrert to ganger.",
            },
            async move { api::send_fl_message(&form, &k).await },
        );
    };

    move || {
        if let Some(r) = receipt.get() {
            return view! { <MessageReceipt r=r/> }.into_any();
        }
        view! {
            <h1 class="ds-heading" data-size="lg">"Melding til fastlegeregisteret"</h1>
            <p class="ds-paragraph">
                "Det Helfo registrerer, blir synlig på Helsenorge med en gang og kan ikke angres. Skjemaet sjekkes mens du skriver og viser konsekvensene av tidspunktet før du sender. Utkastet lagres i nettleseren."
            </p>
            {restored.then(|| alert("info", "Vi fant et utkast du ikke har sendt, og har fylt det inn igjen.".into()))}
            <form on:submit=submit novalidate class="frist-form frist-form--wide" data-testid="fl-form">
                <ErrorSummary errors=summary_errors node_ref=summary/>
                {move || failure.get().map(|t| alert("danger", t))}
                <SelectField id="fl-kind" label="Hva vil du melde?" value=f.kind options=kinds error=field("fl-kind")/>
                <Show when=move || kind().is_some()>
                    {move || (!substitute() && !is(MessageKind::NewVacantList)).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">"Fastlegen"</legend>
                            <TextField id="fl-gp_name" label="Fastlegens navn" value=f.gp_name error=field("fl-gp_name")/>
                            <TextField id="fl-gp_hpr" label="Fastlegens HPR-nummer" value=f.gp_hpr error=field("fl-gp_hpr")/>
                            <TextField id="fl-gp_birth_date" label="Fødselsdato (valgfritt)"
                                description="Gir varsel på oversikten før legen når aldersgrensen. dd.mm.åååå"
                                value=f.gp_birth_date error=field("fl-gp_birth_date")/>
                        </fieldset>
                    })}
                    {move || (is(MessageKind::Termination) || is(MessageKind::NewGp) || is(MessageKind::NewVacantList)).then(|| view! {
                        <TextField id="fl-practice" label="Legekontor" value=f.practice error=field("fl-practice")/>
                    })}
                    {move || is(MessageKind::Termination).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">"Oppsigelsen"</legend>
                            <TextField id="fl-notice_date" label="Oppsigelsen er gitt" description="dd.mm.åååå"
                                value=f.notice_date error=field("fl-notice_date")/>
                            <TextField id="fl-notice_months" label="Oppsigelsestid i måneder"
                                description="Tomt betyr 6 måneder, regnet fra den 1. i måneden etter oppsigelsen."
                                value=f.notice_months error=field("fl-notice_months")/>
                            <TextField id="fl-last_working_day" label="Siste arbeidsdag (valgfritt)"
                                description="Tomt betyr beregnet etter oppsigelsestiden. dd.mm.åååå"
                                value=f.last_working_day error=field("fl-last_working_day")/>
                        </fieldset>
                    })}
                    {move || (is(MessageKind::NewGp) || is(MessageKind::NewVacantList)).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">"Den nye listen"</legend>
                            <TextField id="fl-start_date" label="Oppstart" description="dd.mm.åååå"
                                value=f.start_date error=field("fl-start_date")/>
                            <TextField id="fl-listetak" label="Listetak" value=f.listetak error=field("fl-listetak")/>
                            <SelectField id="fl-replaces" label="Erstatter avtalen (valgfritt)" value=f.replaces
                                options=ending_options error=field("fl-replaces")/>
                            <TextField id="fl-citizens_moved" label="Innbyggere som flyttes til listen"
                                description="Hver av dem får brev fra Helfo."
                                value=f.citizens_moved error=field("fl-citizens_moved")/>
                        </fieldset>
                    })}
                    {move || is(MessageKind::ListSize).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">"Endringen"</legend>
                            <TextField id="fl-effective_date" label="Gjelder fra" description="dd.mm.åååå"
                                value=f.effective_date error=field("fl-effective_date")/>
                            <TextField id="fl-current_list_size" label="Innbyggere på listen nå"
                                value=f.current_list_size error=field("fl-current_list_size")/>
                            <TextField id="fl-new_listetak" label="Nytt listetak" value=f.new_listetak error=field("fl-new_listetak")/>
                            <TextField id="fl-citizens_moved" label="Innbyggere som skal flyttes"
                                description="Må være antallet over nytt listetak."
                                value=f.citizens_moved error=field("fl-citizens_moved")/>
                            <TextField id="fl-move_to" label="Flyttes til" description="Hvilken lege eller liste de flyttes til."
                                value=f.move_to error=field("fl-move_to")/>
                            {move || moves().map(|words| view! {
                                <div class="ds-field frist-check frist-confirm">
                                    <input class="ds-input" type="checkbox" id="fl-confirmed"
                                        aria-invalid=move || error_for(&errors.get(), "fl-confirmed").map(|_| "true")
                                        prop:checked=move || f.confirmed.get()
                                        on:change=move |ev| f.confirmed.set(event_target_checked(&ev))/>
                                    <label class="ds-label" for="fl-confirmed">{format!("Jeg bekrefter: {words} Dette kan ikke angres.")}</label>
                                </div>
                                {move || error_for(&errors.get(), "fl-confirmed").map(|e| view! {
                                    <div class="ds-validation-message" data-color="danger" id="fl-confirmed-error">{e}</div>
                                })}
                            })}
                        </fieldset>
                    })}
                    {move || substitute().then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">"Vikaren"</legend>
                            <TextField id="fl-substitute_name" label="Vikarens navn" value=f.substitute_name error=field("fl-substitute_name")/>
                            <TextField id="fl-substitute_hpr" label="Vikarens HPR-nummer" value=f.substitute_hpr error=field("fl-substitute_hpr")/>
                            <TextField id="fl-gp_name" label="Vikar for (fastlegens navn)" value=f.gp_name error=field("fl-gp_name")/>
                            <TextField id="fl-gp_hpr" label="Fastlegens HPR-nummer" value=f.gp_hpr error=field("fl-gp_hpr")/>
                            {move || is(MessageKind::SubstituteStart).then(|| view! {
                                <TextField id="fl-start_date" label="Vikariatet starter" description="dd.mm.åååå"
                                    value=f.start_date error=field("fl-start_date")/>
                                <TextField id="fl-end_date" label="Vikariatet slutter" description="dd.mm.åååå"
                                    value=f.end_date error=field("fl-end_date")/>
                                <SelectField id="fl-competence" label="Vikarens kompetanse" value=f.competence
                                    options=competences error=field("fl-competence")/>
                                <div class="ds-field frist-check">
                                    <input class="ds-input" type="checkbox" id="fl-lis1_completed"
                                        prop:checked=move || f.lis1_completed.get()
                                        on:change=move |ev| f.lis1_completed.set(event_target_checked(&ev))/>
                                    <label class="ds-label" for="fl-lis1_completed" data-weight="regular">"Vikaren har fullført LIS1"</label>
                                </div>
                            })}
                            {move || is(MessageKind::SubstituteChange).then(|| view! {
                                <TextField id="fl-effective_date" label="Endringen gjelder fra" description="dd.mm.åååå"
                                    value=f.effective_date error=field("fl-effective_date")/>
                            })}
                            {move || is(MessageKind::SubstituteEnd).then(|| view! {
                                <TextField id="fl-end_date" label="Ny sluttdato" description="dd.mm.åååå"
                                    value=f.end_date error=field("fl-end_date")/>
                            })}
                        </fieldset>
                    })}
                    {move || (is(MessageKind::NewGp) || is(MessageKind::SubstituteStart)).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">"Direkteoppgjør"</legend>
                            <div class="ds-field frist-check">
                                <input class="ds-input" type="checkbox" id="fl-self_employed"
                                    prop:checked=move || f.self_employed.get()
                                    on:change=move |ev| f.self_employed.set(event_target_checked(&ev))/>
                                <label class="ds-label" for="fl-self_employed" data-weight="regular">"Legen er selvstendig næringsdrivende"</label>
                            </div>
                            <Show when=move || f.self_employed.get()>
                                <TextField id="fl-direct_settlement_date" label="Direkteoppgjørsavtalen gjelder fra"
                                    description="Avtalen med Helfo må være på plass før første pasient. dd.mm.åååå"
                                    value=f.direct_settlement_date error=field("fl-direct_settlement_date")/>
                            </Show>
                        </fieldset>
                    })}
                    <fieldset class="ds-fieldset">
                        <legend class="ds-heading" data-size="xs">"Kontaktperson i kommunen"</legend>
                        <TextField id="fl-contact.name" label="Navn" value=f.contact_name error=field("fl-contact.name")/>
                        <TextField id="fl-contact.phone" label="Telefon" value=f.contact_phone error=field("fl-contact.phone") input_type="tel"/>
                        <TextField id="fl-contact.email" label="E-post" value=f.contact_email error=field("fl-contact.email") input_type="email"/>
                    </fieldset>
                    <section class="frist-panel" aria-labelledby="fl-before" data-testid="before-sending">
                        <h2 class="ds-heading" data-size="sm" id="fl-before">"Før du sender"</h2>
                        {move || checked.get().1.map(|m| view! {
                            <Timeline timing=m.timing today=today/>
                            {m.timing.class.map(|c| view! { <ClassBox class=c/> })}
                        })}
                        {move || checked.get().1.is_none().then(|| view! {
                            <p class="ds-paragraph" data-size="sm">"Tidslinjen vises når skjemaet er fylt ut uten feil."</p>
                        })}
                        {move || {
                            let w = warnings.get();
                            (!w.is_empty()).then(|| view! {
                                <div class="ds-alert" data-color="warning" role="status" data-testid="warnings">
                                    <ul class="ds-list">{w.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                                </div>
                            })
                        }}
                    </section>
                    <div class="frist-actions">
                        <button class="ds-button" data-variant="primary" type="submit" disabled=move || sending.get()>
                            {move || if sending.get() { "Sender …" } else { "Send til Helfo" }}
                        </button>
                    </div>
                </Show>
            </form>
        }
        .into_any()
    }
}

#[component]
fn MessageReceipt(r: MessageCreated) -> impl IntoView {
    let today = today();
    view! {
        <section id="receipt" tabindex="-1" class="frist-receipt" data-testid="receipt">
            <div class="ds-alert" data-color="success" role="status">
                <h1 class="ds-heading" data-size="md">"Meldingen er sendt til Helfo"</h1>
                <p class="ds-paragraph">"Meldingsnummer: "<strong data-testid="message-number">{r.number.clone()}</strong></p>
            </div>
            <dl class="frist-facts">
                <dt>"Melding"</dt><dd>{r.kind.name_nb()}</dd>
                <dt>"Gjelder fra"</dt><dd>{nb(r.effective)}</dd>
                <dt>"Forventet registrert"</dt><dd>{nb(r.timing.expected_registration)}</dd>
            </dl>
            <h2 class="ds-heading" data-size="sm">"Hva skjer nå"</h2>
            <Timeline timing=r.timing today=today/>
            {r.timing.class.map(|c| view! { <ClassBox class=c/> })}
            {(!r.warnings.is_empty()).then(|| view! {
                <div class="ds-alert" data-color="warning" role="status">
                    <p class="ds-paragraph">"Meldingen ble sendt med disse merknadene:"</p>
                    <ul class="ds-list">{r.warnings.iter().map(|w| view! { <li>{render(w)}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="frist-actions frist-no-print">
                <button class="ds-button" data-variant="secondary" type="button"
                    on:click=|_| { let _ = window().print(); }>"Skriv ut kvitteringen"</button>
                <A href="/fastlege/meldinger">"Se alle meldinger"</A>
                <a class="ds-link" href="/fastlege/ny" rel="external">"Send en ny melding"</a>
            </div>
        </section>
    }
}

// --- lists ----------------------------------------------------------------------

#[component]
pub fn MessagesPage() -> impl IntoView {
    view! {
        <Protected roles=KOMMUNE_AND_HELFO>
            <Messages/>
        </Protected>
    }
}

#[component]
fn Messages() -> impl IntoView {
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    let messages = RwSignal::new(Vec::<MessageView>::new());
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let status = RwSignal::new(if helfo {
        "sent".to_owned()
    } else {
        String::new()
    });
    Effect::new(move |_| {
        let s = status.get();
        load_all(messages, failure, move |c| {
            Box::pin(api::fl_messages(s.clone(), c))
        });
    });
    let register = move |m: MessageView| {
        leptos::task::spawn_local(async move {
            match api::fl_register(&m.id, m.version).await {
                Ok(now) => {
                    done.set(Some(format!(
                        "{} er registrert. {} brev til innbyggere.",
                        now.number,
                        now.letters.unwrap_or(0)
                    )));
                    messages.update(|list| {
                        if let Some(x) = list.iter_mut().find(|x| x.id == now.id) {
                            *x = now;
                        }
                    });
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    };
    // "Lag kopi": an earlier message's form becomes the draft of a new one.
    let navigate = leptos_router::hooks::use_navigate();
    let copy = move |m: &MessageView| {
        draft::save(DRAFT_KEY, &m.form);
        navigate("/fastlege/ny", Default::default());
    };
    let copy = StoredValue::new(copy);
    let options = Signal::derive(|| {
        Status::iter()
            .map(|s| (s.as_str().to_owned(), s.name_nb().to_owned()))
            .collect::<Vec<_>>()
    });
    view! {
        <h1 class="ds-heading" data-size="lg">{if helfo { "Innkomne fastlegemeldinger" } else { "Kommunens meldinger" }}</h1>
        <p class="ds-paragraph">"Sortert etter når de trer i kraft, snarest først."</p>
        {(!helfo).then(|| view! { <p class="ds-paragraph"><A href="/fastlege/ny">"Send en ny melding"</A></p> })}
        {move || failure.get().map(|t| alert("danger", t))}
        {move || done.get().map(|t| alert("success", t))}
        <div class="frist-filter">
            <SelectField id="fl-filter" label="Vis status" value=status options=options error=Signal::derive(|| None::<String>)/>
        </div>
        <div class="frist-table-wrap">
        <table class="ds-table" data-testid="message-table">
            <caption class="ds-sr-only">"Meldinger til fastlegeregisteret"</caption>
            <thead><tr>
                <th scope="col">"Nummer"</th>
                {helfo.then(|| view! { <th scope="col">"Kommune"</th> })}
                <th scope="col">"Melding"</th>
                <th scope="col">"Gjelder fra"</th>
                <th scope="col">"Tidsklasse"</th>
                <th scope="col">"Status"</th>
                <th scope="col"><span class="ds-sr-only">"Handling"</span></th>
            </tr></thead>
            <tbody>
                {move || messages.get().into_iter().map(|m| {
                    let row = m.clone();
                    let status_text = match (m.status, m.letters) {
                        (Status::Registered, Some(n)) => format!("{} ({n} brev)", m.status.name_nb()),
                        _ => m.status.name_nb().to_owned(),
                    };
                    let can_register = helfo && m.status == Status::Sent;
                    let label = format!("Registrer {}", m.number);
                    view! {
                        <tr data-message=m.id.clone()>
                            <td>{m.number.clone()}</td>
                            {helfo.then(|| view! { <td>{m.organisation_name.clone()}</td> })}
                            <td><strong>{m.kind.name_nb()}</strong><br/>{m.summary.clone()}</td>
                            <td>{nb(m.effective)}</td>
                            <td>{m.timing.class.map_or_else(|| "–".to_owned(), |c| c.as_str().to_owned())}</td>
                            <td>{status_text}</td>
                            <td>
                                {can_register.then(|| view! {
                                    <button class="ds-button" data-variant="secondary" data-size="sm" type="button"
                                        aria-label=label.clone() on:click=move |_| register(row.clone())>"Registrer"</button>
                                })}
                                {(!helfo).then(|| {
                                    let source = m.clone();
                                    view! {
                                        <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
                                            aria-label=format!("Lag kopi av {}", m.number)
                                            on:click=move |_| copy.with_value(|c| c(&source))>"Lag kopi"</button>
                                    }
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        {move || messages.get().is_empty().then(|| view! { <p class="ds-paragraph">"Ingen meldinger å vise."</p> })}
    }
}

fn endings_table(rows: Vec<Ending>, helfo: bool, testid: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="ds-paragraph" data-testid=testid>"Ingen."</p> }.into_any();
    }
    view! {
        <div class="frist-table-wrap">
        <table class="ds-table" data-testid=testid>
            <thead><tr>
                <th scope="col">"Oppsigelse"</th>
                {helfo.then(|| view! { <th scope="col">"Kommune"</th> })}
                <th scope="col">"Fastlege"</th>
                <th scope="col">"Avtalen slutter"</th>
                <th scope="col">"Etterspørres fra"</th>
                <th scope="col">"Ny lege eller liste meldt"</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|e| view! {
                    <tr>
                        <td>{e.number}</td>
                        {helfo.then(|| view! { <td>{e.organisation_name.clone()}</td> })}
                        <td>{e.gp_name}</td>
                        <td>{nb(e.termination)}</td>
                        <td>{nb(e.chase_from)}</td>
                        <td>{e.followed_up_by.unwrap_or_else(|| "Nei".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <Protected roles=KOMMUNE>
            <FlDashboard/>
        </Protected>
    }
}

#[component]
fn FlDashboard() -> impl IntoView {
    let dash = LocalResource::new(api::fl_dashboard);
    move || {
        match dash.get() {
        None => view! { <p class="ds-paragraph">"Laster …"</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(d)) => view! {
            <h1 class="ds-heading" data-size="lg">"Fastlegeoversikt"</h1>
            <p class="ds-paragraph"><A href="/fastlege/ny">"Send en ny melding"</A>" · "<A href="/fastlege/meldinger">"Kommunens meldinger"</A></p>
            <h2 class="ds-heading" data-size="sm">"Avtaler som slutter uten at ny lege eller liste er meldt"</h2>
            <p class="ds-paragraph" data-size="sm">"Helfo etterspør melding fra én måned før avtalen slutter."</p>
            {endings_table(d.without_message, false, "without-message")}
            <h2 class="ds-heading" data-size="sm">"Kommende oppsigelser"</h2>
            {endings_table(d.upcoming_terminations, false, "upcoming")}
            <h2 class="ds-heading" data-size="sm">{format!("Fastleger som når aldersgrensen ({} år) innen 12 måneder", fl::AGE_LIMIT)}</h2>
            {if d.age_limit.is_empty() {
                view! { <p class="ds-paragraph" data-testid="age-limit">"Ingen med kjent fødselsdato."</p> }.into_any()
            } else {
                view! {
                    <ul class="ds-list" data-testid="age-limit">
                        {d.age_limit.into_iter().map(|a| view! {
                            <li>{format!("{} (HPR {}) – {}", a.gp_name, a.gp_hpr, nb(a.reaches_limit_on))}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        }
        .into_any(),
    }
    }
}

#[component]
pub fn ChasePage() -> impl IntoView {
    view! {
        <Protected roles=HELFO>
            <Chase/>
        </Protected>
    }
}

#[component]
fn Chase() -> impl IntoView {
    let due = LocalResource::new(api::fl_chase);
    move || {
        match due.get() {
        None => view! { <p class="ds-paragraph">"Laster …"</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(rows)) => view! {
            <h1 class="ds-heading" data-size="lg">"Etterspør melding fra kommunen"</h1>
            <p class="ds-paragraph">
                "Avtaler som slutter innen en måned, eller alt har sluttet, uten at kommunen har meldt ny fastlege eller ubesatt liste."
            </p>
            {endings_table(rows, true, "chase")}
        }
        .into_any(),
    }
    }
}
