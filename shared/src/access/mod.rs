//! Who may do what: organisation kinds, roles, the checks on new
//! organisations and users, the session clock and the login throttle.
//!
//! The edge enforces all of it; the app runs the same checks while an
//! administrator types. Nothing here reads the clock: times are Unix
//! milliseconds passed in by the caller.
//!
//! One concept per module: organisation kinds and roles (`roles.rs`), the
//! administrator's forms for new organisations and users (`accounts.rs`),
//! the session clock (`session.rs`), the login throttle (`throttle.rs`) and
//! the stored password hash (`password.rs`).

mod accounts;
mod password;
mod roles;
mod session;
mod throttle;

pub(crate) use accounts::check_name;
pub use accounts::{
    EMAIL_MAX, NAME_MAX, NewOrganisation, NewUser, PASSWORD_MAX, PASSWORD_MIN, check_password,
    normalise_email,
};
pub use password::{HASH_LEN, PBKDF2_ITERATIONS, PasswordHash, SALT_LEN};
pub use roles::{OrgKind, Role};
pub use session::{ExpiryReason, SessionPolicy, SessionStatus};
pub use throttle::{Failures, LoginThrottle, Throttle, minutes_to_wait};
