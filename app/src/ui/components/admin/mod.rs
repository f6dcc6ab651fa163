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

use leptos::prelude::*;

/// What a form's last submission came to: a refusal in `alert`, or a
/// success in `done` (with `done_testid`, when the tests look for it).
fn outcome(
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
