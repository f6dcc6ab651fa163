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
