//! Administration in the browser: Helfo administrators create
//! organisations and users and deactivate users. The forms run the same
//! checks as the edge (`frist_domain::access`) on every change.
//!
//! One component per file; `pages/admin.rs` names the pages.

mod new_organisation_form;
mod new_user_form;
mod payout_account;
mod user_table;

pub use new_organisation_form::NewOrganisationForm;
pub use new_user_form::NewUserForm;
pub use payout_account::{PayoutAccount, account_text};
pub use user_table::{UserTable, use_deactivation};

use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::form::{errors_of, focus_summary, refusal};

/// What a create form of the administration keeps between sends: whether a
/// send was tried (errors show from then on), the edge's field issues, the
/// idempotency key of the next send, the error summary to focus, and where
/// the answer is said (`alert` for a refusal, `done` for a success).
#[derive(Clone, Copy)]
struct Creating {
    tried: RwSignal<bool>,
    edge_issues: RwSignal<Vec<Issue>>,
    key: RwSignal<String>,
    summary: NodeRef<html::Div>,
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
}

impl Creating {
    fn new(alert: RwSignal<Option<String>>, done: RwSignal<Option<String>>) -> Self {
        Creating {
            tried: RwSignal::new(false),
            edge_issues: RwSignal::new(Vec::new()),
            key: RwSignal::new(api::new_idempotency_key()),
            summary: NodeRef::new(),
            alert,
            done,
        }
    }

    /// The errors to show once a send was tried: the form's own (`check`),
    /// else the edge's; field ids are `prefix` + path.
    fn errors(
        self,
        check: impl Fn() -> Report + Send + Sync + 'static,
        prefix: &'static str,
    ) -> Signal<Vec<(String, String)>> {
        Signal::derive(move || {
            if !self.tried.get() {
                return Vec::new();
            }
            let mut r = check();
            if r.is_empty() {
                r = Report {
                    issues: self.edge_issues.get(),
                };
            }
            errors_of(&r, prefix)
        })
    }

    /// A send asked for: the last answer goes; the key to send with, or
    /// `None` (and the focus on the summary) when `report` has errors.
    fn begin(self, report: &Report) -> Option<String> {
        self.tried.set(true);
        self.edge_issues.set(Vec::new());
        self.alert.set(None);
        self.done.set(None);
        if report.has_errors() {
            focus_summary(self.summary);
            return None;
        }
        Some(self.key.get_untracked())
    }

    /// The edge's answer: what was made is said (`said`) and `created`
    /// takes it, and the form starts afresh (`clear`, a new key); a refusal
    /// is shown at its fields or in the alert.
    fn answered<T>(
        self,
        answer: Result<T, ApiError>,
        said: impl FnOnce(&T) -> String,
        created: impl FnOnce(T),
        clear: impl FnOnce(),
    ) {
        match answer {
            Ok(made) => {
                self.done.set(Some(said(&made)));
                created(made);
                clear();
                self.tried.set(false);
                self.key.set(api::new_idempotency_key());
            }
            Err(e) => {
                refusal(&e, self.edge_issues, self.alert);
                focus_summary(self.summary);
            }
        }
    }
}

/// What a form's last submission came to: a refusal in `alert`, or a
/// success in `done` (with `done_testid`, when the tests look for it).
pub(crate) fn outcome(
    alert: RwSignal<Option<String>>,
    done: RwSignal<Option<String>>,
    done_testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        {move || {
            alert
                .get()
                .map(|t| {
                    view! {
                        <div class="ds-alert" data-color="danger" role="alert">
                            <p class="ds-paragraph">{t}</p>
                        </div>
                    }
                })
        }}
        {move || {
            done.get()
                .map(|t| {
                    view! {
                        <div
                            class="ds-alert"
                            data-color="success"
                            role="status"
                            data-testid=done_testid
                        >
                            <p class="ds-paragraph">{t}</p>
                        </div>
                    }
                })
        }}
    }
}
