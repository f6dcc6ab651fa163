//! `/fastlege/ny`: the municipality's guided fastlege message form.

use frist_domain::Severity;
use frist_domain::fastlege::{
    self as fl, CheckContext, Competence, MessageCreated, MessageForm, MessageKind, Replaced,
};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{
    CheckboxField, DeliveryStatus, ErrorSummary, SelectField, Sending, TextField, alert, draft,
    error_for, focus_summary, nb, send_form, today, use_form,
};
use crate::i18n::{issue, name, t, tf};
use crate::session::use_session;

use super::fields::Fields;
use super::message_receipt::MessageReceipt;
use super::timeline::{ClassBox, Timeline, moves_in_words};

pub(super) const DRAFT_KEY: &str = "frist.draft.fastlege";

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
    let hook = use_form::<MessageCreated, _>(DRAFT_KEY, move || f.form());
    let tried = hook.tried;
    let Sending {
        busy: sending,
        edge_issues,
        failure,
        summary,
        receipt,
        delivery,
        ..
    } = hook.sending;
    // An agreement already followed up cannot be replaced again; one that
    // has ended without a follow-up still can. Dropped with the page.
    let dashboard = LocalResource::new(api::fl_dashboard);
    let endings = Signal::derive(move || {
        dashboard
            .get()
            .and_then(Result::ok)
            .map(|d| d.without_message)
            .unwrap_or_default()
    });
    let today = today();
    let ctx = CheckContext {
        today,
        bounds: fl::ListBounds::DEFAULT,
    };
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
    let errors = hook.errors(
        move || {
            let (mut r, _) = checked.get();
            r.issues.retain(|i| i.severity == Severity::Error);
            r
        },
        move |path| f.typed(path),
        "fl-",
    );
    let summary_errors = errors.summary;
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
    let field = move |id: &'static str| errors.field(id);
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
                        aria-invalid=move || error_for(&errors.all.get(), "fl-confirmed").map(|_| "true")
                        prop:checked=move || f.confirmed.get()
                        on:change=move |ev| f.confirmed.set(event_target_checked(&ev))/>
                    <label class="ds-label" for="fl-confirmed">{tf("fastlege.confirm", &[("words", &words)])}</label>
                </div>
                {move || error_for(&errors.all.get(), "fl-confirmed").map(|e| view! {
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
        send_form(hook.sending, move || {
            let (form, k) = (form.clone(), k.clone());
            async move { api::send_fl_message(&form, &k).await }
        });
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
