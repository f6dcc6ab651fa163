//! Frikort in the browser (FK-1 … FK-9): the health trust checks a claim
//! file here before it is sent — read a slice at a time, with a progress bar,
//! yielding to the page between slices so it stays responsive — then sends
//! its valid lines in chunks that resume after a dropped connection or a
//! closed tab. Helfo settles claims line by line and records the payment.
//!
//! One component per file; `pages/frikort.rs` names the pages.

mod check_report;
mod claim_detail;
mod claim_facts;
mod claim_lines;
mod claim_receipt;
mod claim_upload;
mod claims;
mod file_chooser;
mod file_reader;
mod new_claim_form;
mod payment_form;
mod payments;
mod repayment_form;

pub use claim_detail::ClaimDetail;
pub use claims::Claims;
pub use new_claim_form::NewClaimForm;
