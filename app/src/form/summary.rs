//! The one error summary per form, whose links move focus to the field, and
//! the check that a form is ready to send.

use frist_domain::Issue;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::t;

use super::fields::{error_for, errors_of, focus_id, label_of};

/// `errors` in the order their fields stand on the page (the domain checks
/// in its own order; the summary reads like the form). Errors of fields not
/// on the page keep their order, after the rest.
fn in_page_order(errors: Vec<(String, String)>) -> Vec<(String, String)> {
    use std::cmp::Ordering;
    let doc = document();
    let at: Vec<Option<web_sys::Element>> = errors
        .iter()
        .map(|(id, _)| doc.get_element_by_id(id))
        .collect();
    let mut order: Vec<usize> = (0..errors.len()).collect();
    order.sort_by(|&a, &b| match (&at[a], &at[b]) {
        (Some(x), Some(y)) if x != y => {
            let y_follows =
                x.compare_document_position(y) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING;
            if y_follows != 0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        _ => Ordering::Equal,
    });
    order.into_iter().map(|i| errors[i].clone()).collect()
}

/// The form's error summary; focus it after a failed submit.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<(String, String)>>,
    node_ref: NodeRef<html::Div>,
) -> impl IntoView {
    view! {
        <div
            node_ref=node_ref
            tabindex="-1"
            class="ds-error-summary"
            data-testid="error-summary"
            aria-live="assertive"
            hidden=move || errors.get().is_empty()
        >
            <h2 class="ds-heading" data-size="xs">
                {t("form.summary_heading")}
            </h2>
            <ul class="ds-list">
                {move || {
                    in_page_order(errors.get())
                        .into_iter()
                        .map(|(id, msg)| {
                            let target = id.clone();
                            let msg = match label_of(&id) {
                                Some(label) => format!("{label}: {msg}"),
                                None => msg,
                            };
                            view! {
                                <li>
                                    <a
                                        class="ds-link"
                                        href=format!("#{id}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_id(&target);
                                        }
                                    >
                                        {msg}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// The parts of a form checked by the domain on every change: its errors
/// (shown once `tried` — after the first attempt to send — then following
/// every change: the Aksel timing), each field's message (field ids are
/// `prefix` + the issue's path), and the summary to focus.
#[allow(clippy::type_complexity)]
pub fn checked_fields(
    check: Memo<Option<frist_domain::Report>>,
    prefix: &'static str,
) -> (
    Signal<Vec<(String, String)>>,
    impl Fn(&'static str) -> Signal<Option<String>> + Copy,
    NodeRef<html::Div>,
    RwSignal<bool>,
) {
    let tried = RwSignal::new(false);
    let errors = Signal::derive(move || match (tried.get(), check.get()) {
        (true, Some(r)) => errors_of(&r, prefix),
        _ => Vec::new(),
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    (errors, field, NodeRef::new(), tried)
}

/// On submit of a form from [`checked_fields`]: from now on its errors show,
/// and when the check finds any the summary takes focus. `true` when the
/// form may be sent.
pub fn ready_to_send(
    check: Memo<Option<frist_domain::Report>>,
    tried: RwSignal<bool>,
    summary: NodeRef<html::Div>,
) -> bool {
    tried.set(true);
    let ready = check.get_untracked().is_none();
    if !ready {
        focus_summary(summary);
    }
    ready
}

/// Focuses the summary (after the DOM has shown it).
pub fn focus_summary(node: NodeRef<html::Div>) {
    request_animation_frame(move || {
        // The form may be gone by the next frame (the user moved on).
        if let Some(el) = node.try_get_untracked().flatten() {
            let _ = el.focus();
        }
    });
}

/// After a refusal: the edge's field issues (if any) or its text.
pub fn refusal(
    e: &crate::api::ApiError,
    field_errors: RwSignal<Vec<Issue>>,
    alert: RwSignal<Option<String>>,
) {
    let issues = e.issues();
    if issues.is_empty() {
        alert.set(Some(e.text()));
    } else {
        field_errors.set(issues);
    }
}
