//! Fastlege in the browser (FL-1 … FL-12): the municipality's guided form
//! for every message kind — checked on each keystroke, with the live
//! timeline and timing class before sending — its messages and dashboard;
//! Helfo's incoming list with registration (FL-8) and the FL-7 chase list.

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
use crate::confirm::{Confirm, Question};
use crate::form::{
    CheckboxField, Delivery, DeliveryStatus, ErrorSummary, SelectField, Sending, TextField, alert,
    draft, due_tag, error_for, errors_of, focus_summary, loading_or_failure, nb, send_form,
    show_filter, show_note, today,
};
use crate::i18n::{issue, name, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

/// The pages a message is opened from, for its back link.
const MESSAGE_LISTS: &[(&str, &str)] = &[
    ("/fastlege/meldinger", "fastlege.back_to_messages"),
    ("/fastlege/oversikt", "fastlege.back_to_dashboard"),
    ("/", "nav.back_to_home"),
];

const DRAFT_KEY: &str = "frist.draft.fastlege";

/// FL-6: what the class means for citizens, in the chosen language.
fn consequences(class: TimingClass) -> Vec<&'static str> {
    match class {
        TimingClass::I => vec![
            t("fastlege.consequence_visible"),
            t("fastlege.consequence_i_letters"),
        ],
        TimingClass::II => vec![
            t("fastlege.consequence_visible"),
            t("fastlege.consequence_ii_post"),
            t("fastlege.consequence_ii_late"),
        ],
        TimingClass::III => vec![
            t("fastlege.consequence_visible"),
            t("fastlege.consequence_iii_stays"),
            t("fastlege.consequence_iii_epicrisis"),
        ],
    }
}

/// FL-9: the consequence the clerk confirms, in words.
fn moves_in_words(count: u32, to: &str) -> String {
    let to = to.trim();
    match count {
        1 => tf("fastlege.moves_one", &[("to", to)]),
        n => tf("fastlege.moves_many", &[("n", &n.to_string()), ("to", to)]),
    }
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
            <h3 class="ds-heading" data-size="xs">{tf("fastlege.class_heading", &[("class", class.as_str())])}</h3>
            <ul class="ds-list">
                {consequences(class).into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// FL-4 … FL-7: the dates that matter, in order.
#[component]
fn Timeline(timing: Timing, today: chrono::NaiveDate, kind: MessageKind) -> impl IntoView {
    let mut points: Vec<(chrono::NaiveDate, String)> =
        vec![(today, t("fastlege.timeline_today").into())];
    if timing.sent != today {
        points.push((timing.sent, t("fastlege.timeline_sent").into()));
    }
    points.push((
        timing.expected_registration,
        t("fastlege.timeline_expected").into(),
    ));
    if let Some(d) = timing.fourteen_day_line {
        points.push((d, t("fastlege.timeline_fourteen_days").into()));
    }
    if let Some(d) = timing.termination {
        points.push((d, t("fastlege.timeline_termination").into()));
    }
    if let Some(d) = timing.chase_from {
        points.push((d, t("fastlege.timeline_chase").into()));
    }
    if let Some(d) = timing.visible_from {
        points.push((d, t("fastlege.timeline_visible").into()));
    }
    // A new agreement or list starts; any other change takes effect.
    if let Some(d) = timing.start {
        let label = match kind {
            MessageKind::NewGp | MessageKind::NewVacantList => t("fastlege.timeline_start"),
            _ => t("fastlege.timeline_effective"),
        };
        points.push((d, label.into()));
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
    comment: RwSignal<String>,
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
            comment: s(f.comment),
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
            comment: self.comment.get(),
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
            "comment" => v(self.comment),
            // The confirmation is asked for only once the numbers add up.
            "confirmed" => true,
            _ => false,
        }
    }
}

#[component]
pub fn NewMessage() -> impl IntoView {
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
    let delivery = RwSignal::new(Delivery::Draft);
    let summary = NodeRef::<html::Div>::new();
    let endings = RwSignal::new(Vec::<Ending>::new());
    leptos::task::spawn_local(async move {
        // An agreement already followed up cannot be replaced again; one
        // that has ended without a follow-up still can.
        if let Ok(d) = api::fl_dashboard().await {
            endings.set(d.without_message);
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
            .map(|i| issue(&i))
            .collect::<Vec<_>>()
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    let kinds = Signal::derive(|| {
        MessageKind::iter()
            .map(|k| (k.as_str().to_owned(), name(k).to_owned()))
            .collect::<Vec<_>>()
    });
    let competences = Signal::derive(|| {
        Competence::iter()
            .map(|c| (<&str>::from(c).to_owned(), name(c).to_owned()))
            .collect::<Vec<_>>()
    });
    let ending_options = Signal::derive(move || {
        endings
            .get()
            .into_iter()
            .map(|e| {
                (
                    e.id.clone(),
                    tf(
                        "fastlege.ending_option",
                        &[
                            ("number", &e.number),
                            ("gp", &e.gp_name),
                            ("date", &nb(e.termination)),
                        ],
                    ),
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
    // FL-9: who moves where, in words to confirm — on a list-size change
    // to the list named, on a new list to the new GP (or the practice's
    // vacant list).
    let moves = move || {
        let n: u32 = f.citizens_moved.get().trim().parse().ok()?;
        let to = match f.kind.get().parse::<MessageKind>() {
            Ok(MessageKind::NewGp) => f.gp_name.get(),
            Ok(MessageKind::NewVacantList) => f.practice.get(),
            _ => f.move_to.get(),
        };
        (n > 0 && !to.trim().is_empty()).then(|| moves_in_words(n, &to))
    };
    let confirm_moves = move || {
        moves().map(|words| {
            view! {
                <div class="ds-field frist-check frist-confirm">
                    <input class="ds-input" type="checkbox" id="fl-confirmed"
                        aria-invalid=move || error_for(&errors.get(), "fl-confirmed").map(|_| "true")
                        prop:checked=move || f.confirmed.get()
                        on:change=move |ev| f.confirmed.set(event_target_checked(&ev))/>
                    <label class="ds-label" for="fl-confirmed">{tf("fastlege.confirm", &[("words", &words)])}</label>
                </div>
                {move || error_for(&errors.get(), "fl-confirmed").map(|e| view! {
                    <div class="ds-validation-message" data-color="danger" id="fl-confirmed-error">{e}</div>
                })}
            }
        })
    };

    let send = move || {
        tried.set(true);
        edge_issues.set(Vec::new());
        failure.set(None);
        if checked.get_untracked().1.is_none() {
            draft::set_pending(DRAFT_KEY, false);
            focus_summary(summary);
            return;
        }
        let form = f.form();
        let k = draft::submission_key(DRAFT_KEY, &form);
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
                let (form, k) = (form.clone(), k.clone());
                async move { api::send_fl_message(&form, &k).await }
            },
        );
    };
    // "Se over og send inn" (Altinn's pattern, issue 24): what Helfo
    // registers is public at once and cannot be taken back, so a form
    // without errors is first shown as it will be sent, and sent only from
    // there; "Endre" goes back with everything kept.
    let form_ref = NodeRef::<html::Form>::new();
    let review = RwSignal::new(None::<Vec<(String, String)>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if checked.get_untracked().1.is_none() {
            focus_summary(summary);
            return;
        }
        let rows = form_ref
            .get_untracked()
            .map(|f| crate::form::review_rows(&f))
            .unwrap_or_default();
        review.set(Some(rows));
        leptos::prelude::request_animation_frame(|| crate::form::focus_id("fl-review"));
    };
    let change = move |_| {
        review.set(None);
        leptos::prelude::request_animation_frame(|| crate::form::focus_id("fl-kind"));
    };
    // The edge refused a field: back to the form, where the field says why.
    Effect::new(move |_| {
        if !edge_issues.get().is_empty() {
            review.set(None);
        }
    });
    // In the outbox when the page closed (offline, a crash): on its way again.
    if restored && draft::pending(DRAFT_KEY) {
        send();
    }

    move || {
        if let Some(r) = receipt.get() {
            return view! { <MessageReceipt r=r/> }.into_any();
        }
        view! {
            <h1 class="ds-heading" data-size="lg">{t("fastlege.title")}</h1>
            <p class="ds-paragraph">
                {t("fastlege.intro")}
            </p>
            {restored.then(|| alert("info", t("fastlege.draft_restored").into()))}
            {move || review.get().map(|rows| view! {
                <section class="frist-panel" id="fl-review" tabindex="-1" data-testid="review" aria-labelledby="fl-review-heading">
                    <h2 class="ds-heading" data-size="sm" id="fl-review-heading">{t("fastlege.review_heading")}</h2>
                    <p class="ds-paragraph">{t("fastlege.review_intro")}</p>
                    <dl class="frist-facts">
                        {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                    </dl>
                    {move || checked.get().1.map(|m| view! {
                        <Timeline timing=m.timing today=today kind=m.kind/>
                        {m.timing.class.map(|c| view! { <ClassBox class=c/> })}
                    })}
                    {move || failure.get().map(|t| alert("danger", t))}
                    <div class="frist-actions">
                        <button class="ds-button" data-variant="primary" type="button" disabled=move || sending.get()
                            on:click=move |_| send()>
                            {move || if sending.get() { t("fastlege.sending") } else { t("fastlege.send") }}
                        </button>
                        <button class="ds-button" data-variant="secondary" type="button" on:click=change>{t("fastlege.review_change")}</button>
                    </div>
                    <DeliveryStatus delivery=delivery/>
                </section>
            })}
            <form on:submit=submit novalidate class="frist-form frist-form--wide" data-testid="fl-form"
                node_ref=form_ref hidden=move || review.get().is_some()>
                <ErrorSummary errors=summary_errors node_ref=summary/>
                {move || failure.get().map(|t| alert("danger", t))}
                <SelectField id="fl-kind" label=t("fastlege.kind_label") value=f.kind options=kinds error=field("fl-kind")/>
                <Show when=move || kind().is_some()>
                    {move || (!substitute() && !is(MessageKind::NewVacantList)).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">{t("fastlege.gp_legend")}</legend>
                            <TextField id="fl-gp_name" label=t("fastlege.gp_name_label") value=f.gp_name error=field("fl-gp_name")/>
                            <TextField id="fl-gp_hpr" label=t("fastlege.gp_hpr_label") value=f.gp_hpr error=field("fl-gp_hpr")/>
                            <TextField id="fl-gp_birth_date" label=t("fastlege.birth_date_label")
                                description=t("fastlege.birth_date_desc")
                                value=f.gp_birth_date error=field("fl-gp_birth_date")/>
                        </fieldset>
                    })}
                    {move || (is(MessageKind::Termination) || is(MessageKind::NewGp) || is(MessageKind::NewVacantList)).then(|| view! {
                        <TextField id="fl-practice" label=t("fastlege.practice_label") value=f.practice error=field("fl-practice")/>
                    })}
                    {move || is(MessageKind::Termination).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">{t("fastlege.termination_legend")}</legend>
                            <TextField id="fl-notice_date" label=t("fastlege.notice_date_label") description=t("fastlege.date_hint")
                                value=f.notice_date error=field("fl-notice_date")/>
                            <TextField id="fl-notice_months" label=t("fastlege.notice_months_label")
                                description=t("fastlege.notice_months_desc")
                                value=f.notice_months error=field("fl-notice_months")/>
                            <TextField id="fl-last_working_day" label=t("fastlege.last_working_day_label")
                                description=t("fastlege.last_working_day_desc")
                                value=f.last_working_day error=field("fl-last_working_day")/>
                        </fieldset>
                    })}
                    {move || (is(MessageKind::NewGp) || is(MessageKind::NewVacantList)).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">{t("fastlege.new_list_legend")}</legend>
                            <TextField id="fl-start_date" label=t("fastlege.start_label") description=t("fastlege.date_hint")
                                value=f.start_date error=field("fl-start_date")/>
                            <TextField id="fl-listetak" label=t("fastlege.listetak_label") value=f.listetak error=field("fl-listetak")/>
                            <SelectField id="fl-replaces" label=t("fastlege.replaces_label") value=f.replaces
                                options=ending_options error=field("fl-replaces")/>
                            <TextField id="fl-citizens_moved" label=t("fastlege.citizens_to_list_label")
                                description=t("fastlege.citizens_to_list_desc")
                                value=f.citizens_moved error=field("fl-citizens_moved")/>
                            {confirm_moves}
                        </fieldset>
                    })}
                    {move || is(MessageKind::ListSize).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">{t("fastlege.change_legend")}</legend>
                            <TextField id="fl-effective_date" label=t("fastlege.effective_from") description=t("fastlege.date_hint")
                                value=f.effective_date error=field("fl-effective_date")/>
                            <TextField id="fl-current_list_size" label=t("fastlege.current_list_size_label")
                                value=f.current_list_size error=field("fl-current_list_size")/>
                            <TextField id="fl-new_listetak" label=t("fastlege.new_listetak_label") value=f.new_listetak error=field("fl-new_listetak")/>
                            <TextField id="fl-citizens_moved" label=t("fastlege.citizens_moved_label")
                                description=t("fastlege.citizens_moved_desc")
                                value=f.citizens_moved error=field("fl-citizens_moved")/>
                            <TextField id="fl-move_to" label=t("fastlege.move_to_label") description=t("fastlege.move_to_desc")
                                value=f.move_to error=field("fl-move_to")/>
                            {confirm_moves}
                        </fieldset>
                    })}
                    {move || substitute().then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">{t("fastlege.substitute_legend")}</legend>
                            <TextField id="fl-substitute_name" label=t("fastlege.substitute_name_label") value=f.substitute_name error=field("fl-substitute_name")/>
                            <TextField id="fl-substitute_hpr" label=t("fastlege.substitute_hpr_label") value=f.substitute_hpr error=field("fl-substitute_hpr")/>
                            <TextField id="fl-gp_name" label=t("fastlege.substitute_for_label") value=f.gp_name error=field("fl-gp_name")/>
                            <TextField id="fl-gp_hpr" label=t("fastlege.gp_hpr_label") value=f.gp_hpr error=field("fl-gp_hpr")/>
                            {move || is(MessageKind::SubstituteStart).then(|| view! {
                                <TextField id="fl-start_date" label=t("fastlege.substitute_start_label") description=t("fastlege.date_hint")
                                    value=f.start_date error=field("fl-start_date")/>
                                <TextField id="fl-end_date" label=t("fastlege.substitute_end_label") description=t("fastlege.date_hint")
                                    value=f.end_date error=field("fl-end_date")/>
                                <SelectField id="fl-competence" label=t("fastlege.competence_label") value=f.competence
                                    options=competences error=field("fl-competence")/>
                                <CheckboxField id="fl-lis1_completed" label=t("fastlege.lis1_label") value=f.lis1_completed/>
                            })}
                            {move || is(MessageKind::SubstituteChange).then(|| view! {
                                <TextField id="fl-effective_date" label=t("fastlege.change_effective_label") description=t("fastlege.date_hint")
                                    value=f.effective_date error=field("fl-effective_date")/>
                            })}
                            {move || is(MessageKind::SubstituteEnd).then(|| view! {
                                <TextField id="fl-end_date" label=t("fastlege.new_end_date_label") description=t("fastlege.date_hint")
                                    value=f.end_date error=field("fl-end_date")/>
                            })}
                        </fieldset>
                    })}
                    {move || (is(MessageKind::NewGp) || is(MessageKind::SubstituteStart)).then(|| view! {
                        <fieldset class="ds-fieldset">
                            <legend class="ds-heading" data-size="xs">{t("fastlege.direct_settlement_legend")}</legend>
                            <CheckboxField id="fl-self_employed" label=t("fastlege.self_employed_label") value=f.self_employed/>
                            <Show when=move || f.self_employed.get()>
                                <TextField id="fl-direct_settlement_date" label=t("fastlege.direct_settlement_date_label")
                                    description=t("fastlege.direct_settlement_desc")
                                    value=f.direct_settlement_date error=field("fl-direct_settlement_date")/>
                            </Show>
                        </fieldset>
                    })}
                    <fieldset class="ds-fieldset">
                        <legend class="ds-heading" data-size="xs">{t("fastlege.contact_legend")}</legend>
                        <TextField id="fl-contact.name" label=t("fastlege.contact_name_label") value=f.contact_name error=field("fl-contact.name")/>
                        <TextField id="fl-contact.phone" label=t("fastlege.contact_phone_label") value=f.contact_phone error=field("fl-contact.phone") input_type="tel"/>
                        <TextField id="fl-contact.email" label=t("fastlege.contact_email_label") value=f.contact_email error=field("fl-contact.email") input_type="email"/>
                    </fieldset>
                    <div class="ds-field">
                        <label class="ds-label" for="fl-comment">{t("fastlege.comment_label")}</label>
                        <div class="ds-paragraph frist-description" data-size="sm" id="fl-comment-description">{t("fastlege.comment_description")}</div>
                        <textarea class="ds-input" id="fl-comment" name="fl-comment" rows="3"
                            aria-describedby=move || if field("fl-comment").get().is_some() { "fl-comment-description fl-comment-error" } else { "fl-comment-description" }
                            aria-invalid=move || field("fl-comment").get().map(|_| "true")
                            prop:value=move || f.comment.get()
                            on:input=move |ev| f.comment.set(event_target_value(&ev))></textarea>
                        {move || field("fl-comment").get().map(|e| view! {
                            <div class="ds-validation-message" data-color="danger" id="fl-comment-error">{e}</div>
                        })}
                    </div>
                    <section class="frist-panel" aria-labelledby="fl-before" data-testid="before-sending">
                        <h2 class="ds-heading" data-size="sm" id="fl-before">{t("fastlege.before_sending_heading")}</h2>
                        {move || checked.get().1.map(|m| view! {
                            <Timeline timing=m.timing today=today kind=m.kind/>
                            {match m.timing.class {
                                Some(c) => view! { <ClassBox class=c/> }.into_any(),
                                None => view! { <p class="ds-paragraph" data-size="sm" data-testid="no-class">{t("fastlege.no_class")}</p> }.into_any(),
                            }}
                        })}
                        {move || checked.get().1.is_none().then(|| view! {
                            <p class="ds-paragraph" data-size="sm">{t("fastlege.timeline_pending")}</p>
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
                        <button class="ds-button" data-variant="primary" type="submit">{t("fastlege.review_button")}</button>
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
                <h1 class="ds-heading" data-size="md">{t("fastlege.receipt_heading")}</h1>
                <p class="ds-paragraph">{t("fastlege.message_number")}" "<strong data-testid="message-number">{r.number.clone()}</strong></p>
            </div>
            <dl class="frist-facts">
                <dt>{t("fastlege.message")}</dt><dd>{name(r.kind)}</dd>
                <dt>{t("fastlege.effective_from")}</dt><dd>{nb(r.effective)}</dd>
                <dt>{t("fastlege.expected_registered")}</dt><dd>{nb(r.timing.expected_registration)}</dd>
            </dl>
            <h2 class="ds-heading" data-size="sm">{t("fastlege.whats_next")}</h2>
            <Timeline timing=r.timing today=today kind=r.kind/>
            {r.timing.class.map(|c| view! { <ClassBox class=c/> })}
            {(!r.warnings.is_empty()).then(|| view! {
                <div class="ds-alert" data-color="warning" role="status">
                    <p class="ds-paragraph">{t("fastlege.sent_with_warnings")}</p>
                    <ul class="ds-list">{r.warnings.iter().map(|w| view! { <li>{issue(w)}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="frist-actions frist-no-print">
                <button class="ds-button" data-variant="secondary" type="button"
                    on:click=|_| { let _ = window().print(); }>{t("fastlege.print_receipt")}</button>
                <A href="/fastlege/meldinger">{t("fastlege.see_all_messages")}</A>
                <a class="ds-link" href="/fastlege/ny" rel="external">{t("fastlege.send_new")}</a>
            </div>
        </section>
    }
}

// --- lists ----------------------------------------------------------------------

#[component]
pub fn Messages() -> impl IntoView {
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    let messages = RwSignal::new(Vec::<MessageView>::new());
    let failure = RwSignal::new(None::<String>);
    // `?vis=` from the front page's counts: messages not yet registered,
    // by the day Helfo should have registered them.
    let show = show_filter();
    let today = today();
    let shown = move || {
        let mut list = messages.get();
        if let Some(s) = show.get() {
            list.retain(|m| registration_due(m).is_some() && s.keeps(registration_due(m), today));
        }
        // Overdue first (issue 24); otherwise the edge's order, soonest
        // effective first.
        list.sort_by_key(|m| registration_due(m).is_none_or(|d| d >= today));
        list
    };
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
    // "Lag kopi": an earlier message's form becomes the draft of a new one.
    let navigate = leptos_router::hooks::use_navigate();
    let copy = move |m: &MessageView| {
        if draft::copy_into(DRAFT_KEY, &m.form) {
            navigate("/fastlege/ny", Default::default());
        }
    };
    let copy = StoredValue::new(copy);
    let options = Signal::derive(|| {
        Status::iter()
            .map(|s| (s.as_str().to_owned(), name(s).to_owned()))
            .collect::<Vec<_>>()
    });
    view! {
        <h1 class="ds-heading" data-size="lg">{if helfo { t("fastlege.incoming_title") } else { t("fastlege.municipality_messages") }}</h1>
        <p class="ds-paragraph">{t("fastlege.sorted_note")}</p>
        {(!helfo).then(|| view! { <p class="ds-paragraph"><A href="/fastlege/ny">{t("fastlege.send_new")}</A></p> })}
        {move || failure.get().map(|t| alert("danger", t))}
        {show_note(show, "/fastlege/meldinger")}
        <div class="frist-filter">
            <SelectField id="fl-filter" label=t("fastlege.filter_label") value=status options=options error=Signal::derive(|| None::<String>)/>
        </div>
        <div class="frist-table-wrap">
        <table class="ds-table" tabindex="0" data-testid="message-table">
            <caption class="ds-sr-only">{t("fastlege.table_caption")}</caption>
            <thead><tr>
                <th scope="col">{t("fastlege.col_number")}</th>
                {helfo.then(|| view! { <th scope="col">{t("fastlege.col_municipality")}</th> })}
                <th scope="col">{t("fastlege.message")}</th>
                <th scope="col">{t("fastlege.effective_from")}</th>
                <th scope="col">{t("fastlege.col_class")}</th>
                <th scope="col">{t("fastlege.col_status")}</th>
                <th scope="col"><span class="ds-sr-only">{t("fastlege.col_action")}</span></th>
            </tr></thead>
            <tbody>
                {move || shown().into_iter().map(|m| {
                    let status_text = status_text(&m);
                    let tag = registration_due(&m).and_then(due_tag);
                    let href = format!("/fastlege/meldinger/{}", m.id);
                    let number = m.number.clone();
                    view! {
                        <tr data-message=m.id.clone()>
                            <td><A href=href>{number}</A></td>
                            {helfo.then(|| view! { <td>{m.organisation_name.clone()}</td> })}
                            <td><strong>{name(m.kind)}</strong><br/>{m.summary.clone()}
                                {(!m.form.comment.trim().is_empty()).then(|| view! {
                                    <br/><em data-testid="message-comment">{tf("fastlege.comment_shown", &[("comment", m.form.comment.trim())])}</em>
                                })}
                            </td>
                            <td>{nb(m.effective)}</td>
                            <td>{m.timing.class.map_or_else(|| "–".to_owned(), |c| c.as_str().to_owned())}</td>
                            <td>{status_text}{tag}</td>
                            <td>
                                {(!helfo).then(|| {
                                    let source = m.clone();
                                    view! {
                                        <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
                                            aria-label=tf("fastlege.copy_aria", &[("number", &m.number)])
                                            on:click=move |_| copy.with_value(|c| c(&source))>{t("fastlege.copy")}</button>
                                    }
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        {move || messages.get().is_empty().then(|| view! { <p class="ds-paragraph">{t("fastlege.no_messages")}</p> })}
    }
}

/// A message's status in words, with the letters sent once registered.
fn status_text(m: &MessageView) -> String {
    match (m.status, m.letters) {
        (Status::Registered, Some(n)) => tf(
            "fastlege.status_letters",
            &[("status", name(m.status)), ("n", &n.to_string())],
        ),
        _ => name(m.status).to_owned(),
    }
}

/// FL-8: the day Helfo should have registered a message by — the expected
/// date, and at the latest the day it takes effect; `None` once registered.
/// The list's tag, its filter and the front page's count all use it (the
/// edge counts with the same rule in `routes/overview.rs`).
fn registration_due(m: &MessageView) -> Option<chrono::NaiveDate> {
    (m.status == Status::Sent).then(|| m.timing.expected_registration.min(m.effective))
}

/// One message as sent, and — for Helfo, and only here — its registration
/// (FL-8). What Helfo registers is public at once and cannot be undone
/// (seed 003: «ingen angreknapp»), so registering asks first, saying so.
#[component]
pub fn MessageDetail() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = Signal::derive(move || params.get().get("id").unwrap_or_default());
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    let message = RwSignal::new(None::<MessageView>);
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let ask = RwSignal::new(None::<Question>);
    Effect::new(move |_| {
        let id = id.get();
        leptos::task::spawn_local(async move {
            match api::fl_message(&id).await {
                Ok(m) => message.set(Some(m)),
                Err(e) => failure.set(Some(e.text())),
            }
        });
    });
    let register = Callback::new(move |()| {
        let Some(m) = message.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match api::fl_register(&m.id, m.version).await {
                Ok(now) => {
                    failure.set(None);
                    done.set(Some(tf(
                        "fastlege.registered_done",
                        &[
                            ("number", &now.number),
                            ("letters", &now.letters.unwrap_or(0).to_string()),
                        ],
                    )));
                    message.set(Some(now));
                    crate::form::focus_id("fl-done");
                }
                Err(e) => failure.set(Some(e.text())),
            }
        });
    });
    let today = today();
    move || {
        let Some(m) = message.get() else {
            // Loading, or why not (an unknown number says so; never "loading" for ever).
            return view! {
                <BackLink fallback=("/fastlege/meldinger", "fastlege.back_to_messages") lists=MESSAGE_LISTS/>
                {loading_or_failure(failure, "fastlege.loading")}
            }
            .into_any();
        };
        let can_register = helfo && m.status == Status::Sent;
        let status_text = status_text(&m);
        let tag = registration_due(&m).and_then(due_tag);
        let question = {
            let m = m.clone();
            move |_| {
                let letters = if m.citizens_moved > 0 {
                    tf(
                        "fastlege.register_letters",
                        &[("n", &m.citizens_moved.to_string())],
                    )
                } else {
                    String::new()
                };
                ask.set(Some(Question {
                    title: tf("fastlege.register_confirm_title", &[("number", &m.number)]),
                    body: tf(
                        "fastlege.register_confirm_body",
                        &[("summary", &m.summary), ("letters", &letters)],
                    ),
                    yes: t("fastlege.register").to_owned(),
                }));
            }
        };
        let contact = m.form.contact.clone();
        view! {
            <Breadcrumbs list=("/fastlege/meldinger", "nav.fastlege") current=m.number.clone()/>
            <BackLink fallback=("/fastlege/meldinger", "fastlege.back_to_messages") lists=MESSAGE_LISTS/>
            <h1 class="ds-heading" data-size="lg">{tf("fastlege.message_title", &[("number", &m.number)])}</h1>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|text| view! {
                <div class="ds-alert" data-color="success" role="status" id="fl-done" tabindex="-1">
                    <p class="ds-paragraph">{text}</p>
                </div>
            })}
            <dl class="frist-facts" data-testid="message-facts">
                <dt>{t("fastlege.message")}</dt><dd>{name(m.kind)}</dd>
                <dt>{t("fastlege.col_municipality")}</dt><dd>{m.organisation_name.clone()}</dd>
                <dt>{t("fastlege.what")}</dt><dd>{m.summary.clone()}</dd>
                <dt>{t("fastlege.effective_from")}</dt><dd>{nb(m.effective)}</dd>
                <dt>{t("fastlege.expected_registered")}</dt><dd>{nb(m.timing.expected_registration)}</dd>
                <dt>{t("fastlege.col_status")}</dt><dd data-testid="message-status">{status_text}{tag}</dd>
                {m.registered_on.map(|d| view! { <dt>{t("fastlege.registered_on")}</dt><dd>{nb(d)}</dd> })}
                {(m.citizens_moved > 0).then(|| view! {
                    <dt>{t("fastlege.citizens_moved")}</dt><dd>{m.citizens_moved}</dd>
                })}
                <dt>{t("fastlege.contact_legend")}</dt>
                <dd>{format!("{}, {}, {}", contact.name, contact.phone, contact.email)}</dd>
                {(!m.form.comment.trim().is_empty()).then(|| view! {
                    <dt>{t("fastlege.comment_label")}</dt><dd data-testid="message-comment">{m.form.comment.trim().to_owned()}</dd>
                })}
            </dl>
            {(!m.warnings.is_empty()).then(|| view! {
                <div class="ds-alert" data-color="warning" role="status">
                    <p class="ds-paragraph">{t("fastlege.sent_with_warnings")}</p>
                    <ul class="ds-list">{m.warnings.iter().map(|w| view! { <li>{issue(w)}</li> }).collect_view()}</ul>
                </div>
            })}
            <h2 class="ds-heading" data-size="sm">{t("fastlege.whats_next")}</h2>
            <Timeline timing=m.timing today=today kind=m.kind/>
            {m.timing.class.map(|c| view! { <ClassBox class=c/> })}
            {can_register.then(|| view! {
                <div class="frist-actions">
                    <button class="ds-button" data-variant="primary" type="button" on:click=question.clone()>
                        {t("fastlege.register")}
                    </button>
                </div>
            })}
            <Confirm id="fl-register-confirm" ask=ask on_yes=register/>
        }
        .into_any()
    }
}

fn endings_table(rows: Vec<Ending>, helfo: bool, testid: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="ds-paragraph" data-testid=testid>{t("fastlege.none")}</p> }
            .into_any();
    }
    view! {
        <div class="frist-table-wrap">
        <table class="ds-table" tabindex="0" data-testid=testid>
            <thead><tr>
                <th scope="col">{t("fastlege.col_termination")}</th>
                {helfo.then(|| view! { <th scope="col">{t("fastlege.col_municipality")}</th> })}
                <th scope="col">{t("fastlege.col_gp")}</th>
                <th scope="col">{t("fastlege.col_agreement_ends")}</th>
                <th scope="col">{t("fastlege.col_chase_from")}</th>
                <th scope="col">{t("fastlege.col_followed_up")}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|e| view! {
                    <tr>
                        <td>{e.number}</td>
                        {helfo.then(|| view! { <td>{e.organisation_name.clone()}</td> })}
                        <td>{e.gp_name}</td>
                        <td>{nb(e.termination)}</td>
                        // The message was due the day before Helfo chases.
                        <td>
                            {nb(e.chase_from)}
                            {e.followed_up_by.is_none().then(|| e.chase_from.pred_opt().and_then(due_tag)).flatten()}
                            // FL-7: the day Helfo e-mailed the municipality (issue 26).
                            {e.chased_on.map(|d| view! {
                                <span class="ds-tag" data-color="info" data-size="sm" data-testid="chased-on">
                                    {tf("fastlege.chased_on", &[("date", &nb(d))])}
                                </span>
                            })}
                        </td>
                        <td>{e.followed_up_by.unwrap_or_else(|| t("fastlege.no").into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

/// FL-1: GPs reaching the age limit within 12 months (Helfo: with their
/// municipality — seed 001: Helfo follows these up itself).
fn age_limit_list(rows: Vec<fl::AgeLimit>, helfo: bool) -> impl IntoView {
    view! {
        <h2 class="ds-heading" data-size="sm">{tf("fastlege.age_limit_heading", &[("age", &fl::AGE_LIMIT.to_string())])}</h2>
        {if rows.is_empty() {
            view! { <p class="ds-paragraph" data-testid="age-limit">{t("fastlege.no_known_birth_dates")}</p> }.into_any()
        } else {
            view! {
                <ul class="ds-list" data-testid="age-limit">
                    {rows.into_iter().map(|a| {
                        let place = if helfo { format!(", {}", a.organisation_name) } else { String::new() };
                        view! { <li>{format!("{} (HPR {}{place}) – {}", a.gp_name, a.gp_hpr, nb(a.reaches_limit_on))}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
pub fn FlDashboard() -> impl IntoView {
    let dash = LocalResource::new(api::fl_dashboard);
    move || {
        match dash.get() {
        None => view! { <p class="ds-paragraph">{t("fastlege.loading")}</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(d)) => view! {
            <h1 class="ds-heading" data-size="lg">{t("fastlege.dashboard_title")}</h1>
            <p class="ds-paragraph"><A href="/fastlege/ny">{t("fastlege.send_new")}</A>" · "<A href="/fastlege/meldinger">{t("fastlege.municipality_messages")}</A></p>
            <h2 class="ds-heading" data-size="sm">{t("fastlege.without_message_heading")}</h2>
            <p class="ds-paragraph" data-size="sm">{t("fastlege.chase_note")}</p>
            {endings_table(d.without_message, false, "without-message")}
            <h2 class="ds-heading" data-size="sm">{t("fastlege.upcoming_heading")}</h2>
            {endings_table(d.upcoming_terminations, false, "upcoming")}
            {age_limit_list(d.age_limit, false)}
        }
        .into_any(),
    }
    }
}

#[component]
pub fn Chase() -> impl IntoView {
    let due = LocalResource::new(api::fl_chase);
    let dash = LocalResource::new(api::fl_dashboard);
    view! {
        {move || match due.get() {
            None => view! { <p class="ds-paragraph">{t("fastlege.loading")}</p> }.into_any(),
            Some(Err(e)) => alert("danger", e.text()).into_any(),
            Some(Ok(rows)) => view! {
                <h1 class="ds-heading" data-size="lg">{t("fastlege.chase_title")}</h1>
                <p class="ds-paragraph">
                    {t("fastlege.chase_intro")}
                </p>
                {endings_table(rows, true, "chase")}
            }
            .into_any(),
        }}
        {move || match dash.get() {
            Some(Ok(d)) => age_limit_list(d.age_limit, true).into_any(),
            Some(Err(e)) => alert("danger", e.text()).into_any(),
            None => ().into_any(),
        }}
    }
}
