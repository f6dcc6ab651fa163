//! A claim file's check and chunks come from the checker worker
//! (`crate::checker`); this sends the chunks, resuming after a lost
//! connection, and says what went wrong.

use frist_checker::{ClaimContext, Failure};
use frist_domain::frikort::{Chunk, FileError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiError};
use crate::form::{gloo_sleep, today};
use crate::i18n::{t, tf};
use crate::session::use_session;

pub(super) const RESUME_KEY: &str = "frist.upload.frikort";

/// A monotonic clock in milliseconds (`performance.now()`), for timing.
pub(super) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Why the checker worker could not check a file, in the chosen language.
pub(super) fn failure_text(failure: &Failure) -> String {
    match failure {
        Failure::File(e) => file_error(e.clone()),
        Failure::Unreadable => t("frikort.file_unreadable").to_owned(),
        Failure::Protocol => t("frikort.checker_unavailable").to_owned(),
    }
}

/// A file error in the chosen language (the domain's own text is bokmål).
fn file_error(e: FileError) -> String {
    // The column list joins optional columns with bokmål words.
    let allowed = |a: &str| {
        a.replace(
            " og eventuelt ",
            &format!(" {} ", t("frikort.file_and_optionally")),
        )
    };
    match e {
        FileError::Empty => t("frikort.file_empty").to_owned(),
        FileError::MissingColumn { column, allowed: a } => tf(
            "frikort.file_missing_column",
            &[("column", &column), ("allowed", &allowed(&a))],
        ),
        FileError::UnknownColumn { column, allowed: a } => tf(
            "frikort.file_unknown_column",
            &[("column", &column), ("allowed", &allowed(&a))],
        ),
        FileError::NoHeaderRow { allowed: a } => {
            tf("frikort.file_no_header", &[("allowed", &allowed(&a))])
        }
        FileError::DuplicateColumn { column } => {
            tf("frikort.file_duplicate_column", &[("column", &column)])
        }
        FileError::NotText => t("frikort.file_not_text").to_owned(),
        FileError::Workbook { reason } => tf("frikort.file_workbook", &[("reason", &reason)]),
    }
}

/// Sends one chunk, retrying a dropped connection a few times (the edge
/// answers a repeated chunk as the first time, so a retry never doubles).
pub(super) async fn send_chunk(
    id: &str,
    n: u32,
    chunk: Chunk,
    status: RwSignal<Option<String>>,
) -> Result<(), String> {
    let mut tries = 0;
    loop {
        match api::put_chunk(id, n, &chunk).await {
            Ok(_) => return Ok(()),
            Err(ApiError::Network) if tries < 5 => {
                tries += 1;
                status.set(Some(tf(
                    "frikort.retrying_chunk",
                    &[
                        ("part", &(n + 1).to_string()),
                        ("tries", &tries.to_string()),
                    ],
                )));
                gloo_sleep(500 * tries).await;
            }
            Err(e) => return Err(e.text()),
        }
    }
}

/// An upload that has not finished, kept so it can resume after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Resume {
    pub(super) claim_id: String,
    pub(super) number: String,
    pub(super) file_name: String,
    pub(super) size: f64,
    pub(super) modified: f64,
    pub(super) aware: String,
}

/// The claim's context: checked and received today; synthetic test
/// identities only in local mode.
pub(super) fn claim_context(aware: &str) -> ClaimContext {
    ClaimContext {
        today: today(),
        allow_synthetic: use_session().view().is_some_and(|s| s.mode == "local"),
        aware: frist_domain::calendar::parse_date(aware),
    }
}
