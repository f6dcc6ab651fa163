//! Reading the claims-control files in the browser, and their errors.

use frist_checker::Failure;
use frist_domain::table::FileError;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, tf};

/// The practitioner list is kept in the browser between months: HPR
/// numbers, roles and list sizes — no patient data.
pub(super) const DOCTORS_KEY: &str = "frist.kontroll.legeliste";

pub(super) async fn read_file(input: NodeRef<html::Input>) -> Option<(String, Vec<u8>)> {
    let file = input.get_untracked()?.files()?.get(0)?;
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some((file.name(), js_sys::Uint8Array::new(&buf).to_vec()))
}

/// A problem with a whole file, in the chosen language.
pub(super) fn file_error(e: &FileError) -> String {
    match e {
        FileError::Empty => t("kontroll.file_empty").to_owned(),
        FileError::MissingColumn { column, allowed } => tf(
            "kontroll.file_missing_column",
            &[("column", column.as_str()), ("allowed", allowed.as_str())],
        ),
        FileError::UnknownColumn { column, allowed } => tf(
            "kontroll.file_unknown_column",
            &[("column", column.as_str()), ("allowed", allowed.as_str())],
        ),
        FileError::NoHeaderRow { allowed } => {
            tf("kontroll.file_no_header", &[("allowed", allowed.as_str())])
        }
        FileError::DuplicateColumn { column } => tf(
            "kontroll.file_duplicate_column",
            &[("column", column.as_str())],
        ),
        FileError::NotText => t("kontroll.file_not_text").to_owned(),
        FileError::Workbook { reason } => {
            tf("kontroll.file_workbook", &[("reason", reason.as_str())])
        }
    }
}

/// Why the checker worker could not check a month, in the chosen language.
pub(super) fn failure_text(failure: &Failure) -> String {
    match failure {
        Failure::File(e) => file_error(e),
        Failure::Unreadable => t("kontroll.file_unreadable").to_owned(),
        Failure::Protocol => t("kontroll.checker_unavailable").to_owned(),
    }
}
