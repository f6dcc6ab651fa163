//! The one form hook: what every sending form keeps (its draft, the live
//! check's errors and when they show, the error summary, and the state of
//! sending) in one place, so a form declares only its fields and its check.
//!
//! Error timing follows Aksel: before the first attempt to send, a field
//! shows its errors once something is typed in it; after it, every error
//! shows, and the summary lists them. When the live check finds nothing,
//! the edge's own refusal (its field issues) shows instead.

use frist_domain::Report;
use leptos::html;
use leptos::prelude::*;
use serde::Serialize;

use super::draft;
use super::fields::{error_for, errors_of};
use super::send::{Delivery, Sending};

/// A form's state: whether sending was tried, and what sending touches.
pub struct FormHook<T: Send + Sync + 'static> {
    pub tried: RwSignal<bool>,
    pub sending: Sending<T>,
}

impl<T: Send + Sync + 'static> Clone for FormHook<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for FormHook<T> {}

/// The errors a form shows: by field (`id` is the field's element id) and
/// in the summary.
#[derive(Clone, Copy)]
pub struct FormErrors {
    pub all: Signal<Vec<(String, String)>>,
    pub summary: Signal<Vec<(String, String)>>,
}

impl FormErrors {
    /// The error shown at the field `id`, if any.
    pub fn field(self, id: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || error_for(&self.all.get(), id))
    }
}

/// Starts a form kept as the draft `draft_key`: every change of `form` is
/// saved at once, until the form is sent (its receipt shows).
pub fn use_form<T, F>(
    draft_key: &'static str,
    form: impl Fn() -> F + Send + Sync + 'static,
) -> FormHook<T>
where
    T: Send + Sync + 'static,
    F: Serialize,
{
    let receipt = RwSignal::new(None::<T>);
    Effect::new(move |_| {
        let f = form();
        if receipt.with_untracked(Option::is_none) {
            draft::save(draft_key, &f);
        }
    });
    FormHook {
        tried: RwSignal::new(false),
        sending: Sending {
            busy: RwSignal::new(false),
            edge_issues: RwSignal::new(Vec::new()),
            failure: RwSignal::new(None),
            summary: NodeRef::<html::Div>::new(),
            receipt,
            draft_key,
            delivery: RwSignal::new(Delivery::Draft),
        },
    }
}

impl<T: Send + Sync + 'static> FormHook<T> {
    /// The errors to show from the live check `report` (its errors only),
    /// with `typed(path)` saying whether a field has been typed in; element
    /// ids are `prefix` and the issue's path.
    pub fn errors(
        self,
        report: impl Fn() -> Report + Send + Sync + 'static,
        typed: impl Fn(&str) -> bool + Send + Sync + 'static,
        prefix: &'static str,
    ) -> FormErrors {
        let (tried, edge_issues) = (self.tried, self.sending.edge_issues);
        let all = Signal::derive(move || {
            let mut r = report();
            if r.is_empty() {
                r = Report {
                    issues: edge_issues.get(),
                };
            }
            if !tried.get() {
                r.issues.retain(|i| typed(&i.path));
            }
            errors_of(&r, prefix)
        });
        let summary = Signal::derive(move || if tried.get() { all.get() } else { Vec::new() });
        FormErrors { all, summary }
    }
}
