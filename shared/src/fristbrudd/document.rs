//! FB-7: the documentation PDF a case may carry.

use crate::validation::Issue;
use crate::validation::IssueCode;

/// FB-7 (**choice**): the largest documentation PDF, in bytes (20 MB).
pub const PDF_MAX_BYTES: usize = 20 * 1024 * 1024;
/// FB-7: whether a file of `len` bytes starting with `head` is a PDF by
/// content (`%PDF-` at offset 0), and not larger than [`PDF_MAX_BYTES`]. The same check runs in the browser before
/// upload and at the edge after.
pub fn check_pdf(len: usize, head: &[u8]) -> Result<(), Issue> {
    if len > PDF_MAX_BYTES {
        Err(Issue::error("document", IssueCode::FileTooLarge)
            .with("max_mb", (PDF_MAX_BYTES / (1024 * 1024)) as i64))
    } else if !head.starts_with(b"%PDF-") {
        Err(Issue::error("document", IssueCode::FileNotPdf))
    } else {
        Ok(())
    }
}
