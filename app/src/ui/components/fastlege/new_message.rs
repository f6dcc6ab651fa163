//! `/fastlege/ny`: the municipality's guided fastlege message form.

use frist_domain::fastlege::{
    self as fl, CheckContext, Ending, Message, MessageCreated, MessageForm, Replaced,
};
use frist_domain::{Report, Severity};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{
    ErrorSummary, FormErrors, FormHook, SelectField, Sending, alert, draft, focus_summary,
    send_form, today, use_form,
};
use crate::i18n::{name, t};
use crate::session::use_session;

use super::fields::Fields;
use super::kind_fields::KindFields;
use super::message_receipt::MessageReceipt;
use super::message_review::MessageReview;

pub(super) const DRAFT_KEY: &str = "frist.draft.fastlege";

#[component]
pub fn NewMessage() -> impl IntoView {
    let (start, restored) = starting_form();
    let f = Fields::new(start);
    let hook = use_form::<MessageCreated, _>(DRAFT_KEY, move || f.form());
    let Sending {
        failure,
        summary,
        receipt,
        ..
    } = hook.sending;
    let endings = ending_agreements();
    let today = today();
    let checked = live_check(f, endings, today);
    let errors = shown_errors(f, hook, checked);
    let kinds = kind_options();

    let send = sender(f, hook, checked);
    let form_ref = NodeRef::<html::Form>::new();
    let (review, submit) = review_step(hook, checked, form_ref);
    // In the outbox when the page closed (offline, a crash): on its way again.
    if restored && draft::pending(DRAFT_KEY) {
        send.run(());
    }

    move || {
        if let Some(r) = receipt.get() {
            return view! { <MessageReceipt r=r /> }.into_any();
        }
        view! {
            <h1 class="ds-heading" data-size="lg">
                {t("fastlege.title")}
            </h1>
            <p class="ds-paragraph">{t("fastlege.intro")}</p>
            {restored.then(|| alert("info", t("fastlege.draft_restored").into()))}
            {move || {
                review
                    .get()
                    .map(|rows| {
                        view! {
                            <MessageReview
                                rows=rows
                                checked=checked
                                today=today
                                sending=hook.sending
                                send=send
                                review=review
                            />
                        }
                    })
            }}
            <form
                on:submit=submit
                novalidate
                class="frist-form frist-form--wide"
                data-testid="fl-form"
                node_ref=form_ref
                hidden=move || review.get().is_some()
            >
                <ErrorSummary errors=errors.summary node_ref=summary />
                {move || failure.get().map(|t| alert("danger", t))}
                <SelectField
                    id="fl-kind"
                    label=t("fastlege.kind_label")
                    value=f.kind
                    options=kinds
                    error=errors.field("fl-kind")
                />
                <Show when=move || f.chosen_kind().is_some()>
                    <KindFields f=f errors=errors endings=endings checked=checked today=today />
                </Show>
            </form>
        }
        .into_any()
    }
}

/// The review's rows (label, value) while the form is under review.
type Review = RwSignal<Option<Vec<(String, String)>>>;

/// Where the form goes once submitted: the review of what will be sent
/// (`Some` rows), or back to the form with the errors it still has.
fn review_step(
    hook: FormHook<MessageCreated>,
    checked: Memo<(Report, Option<Message>)>,
    form_ref: NodeRef<html::Form>,
) -> (Review, impl Fn(leptos::ev::SubmitEvent) + Copy + 'static) {
    let tried = hook.tried;
    let Sending {
        edge_issues,
        summary,
        ..
    } = hook.sending;
    // "Se over og send inn" (Altinn's pattern, issue 24): what Helfo
    // registers is public at once and cannot be taken back, so a form
    // without errors is first shown as it will be sent, and sent only from
    // there; "Endre" goes back with everything kept.
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
    // The edge refused a field: back to the form, where the field says why.
    Effect::new(move |_| {
        if !edge_issues.get().is_empty() {
            review.set(None);
        }
    });
    (review, submit)
}

/// The draft kept from last time, or a new form with the signed-in clerk
/// as its contact; and whether it was a draft.
fn starting_form() -> (MessageForm, bool) {
    let session = use_session().view();
    let mut start: MessageForm = draft::load(DRAFT_KEY).unwrap_or_default();
    let restored = start != MessageForm::default();
    if !restored && let Some(s) = &session {
        start.contact.name = s.user.name.clone();
        start.contact.email = s.user.email.clone();
    }
    (start, restored)
}

/// The agreements that have ended without a follow-up. An agreement already
/// followed up cannot be replaced again; one that has ended without a
/// follow-up still can. Dropped with the page.
fn ending_agreements() -> Signal<Vec<Ending>> {
    let dashboard = LocalResource::new(api::fl_dashboard);
    Signal::derive(move || {
        dashboard
            .get()
            .and_then(Result::ok)
            .map(|d| d.without_message)
            .unwrap_or_default()
    })
}

/// The domain's check of the form as typed, against the agreement it
/// replaces (if any).
fn live_check(
    f: Fields,
    endings: Signal<Vec<Ending>>,
    today: chrono::NaiveDate,
) -> Memo<(Report, Option<Message>)> {
    // The bounds the edge is configured with (FL-10), as the session said.
    let bounds = use_session()
        .view()
        .map_or(fl::ListBounds::DEFAULT, |s| s.list_bounds);
    let ctx = CheckContext { today, bounds };
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
    Memo::new(move |_| {
        let (report, message) = f.form().check(&ctx, replaced());
        (report, message)
    })
}

/// The live check's errors (its warnings show in the "before sending"
/// panel), shown as the form hook times them.
fn shown_errors(
    f: Fields,
    hook: FormHook<MessageCreated>,
    checked: Memo<(Report, Option<Message>)>,
) -> FormErrors {
    hook.errors(
        move || {
            let (mut r, _) = checked.get();
            r.issues.retain(|i| i.severity == Severity::Error);
            r
        },
        move |path| f.typed(path),
        "fl-",
    )
}

/// Every kind of message, for the first choice.
fn kind_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        fl::MessageKind::iter()
            .map(|k| (k.as_str().to_owned(), name(k).to_owned()))
            .collect::<Vec<_>>()
    })
}

/// Sends the form (from the review, or again from the outbox), unless the
/// live check still finds errors.
fn sender(
    f: Fields,
    hook: FormHook<MessageCreated>,
    checked: Memo<(Report, Option<Message>)>,
) -> Callback<()> {
    let tried = hook.tried;
    let Sending {
        edge_issues,
        failure,
        summary,
        ..
    } = hook.sending;
    Callback::new(move |()| {
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
    })
}
