//! Reading a claim file in slices and sending it in chunks that resume after
//! a lost connection.

use frist_domain::frikort::{
    self, Chunk, CsvStream, FileError, Fingerprint, LineContext, Record, read_xlsx,
};
use frist_domain::ids::FnrContext;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiError};
use crate::form::{gloo_sleep, today};
use crate::i18n::{t, tf};
use crate::session::use_session;

/// Bytes read per slice: about 21,000 lines, checked in under 20 ms here
/// (`make bench`), so a slow office PC stays well under 100 ms a slice.
const SLICE: f64 = 1024.0 * 1024.0;

pub(super) const RESUME_KEY: &str = "frist.upload.frikort";

/// A monotonic clock in milliseconds (`performance.now()`), for timing.
pub(super) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Starts reading `start..end` of `file`; the bytes come when it is awaited.
fn start_read(
    file: &web_sys::File,
    start: f64,
    end: f64,
) -> Result<wasm_bindgen_futures::JsFuture, String> {
    let blob = file
        .slice_with_f64_and_f64(start, end)
        .map_err(|_| t("frikort.file_unreadable").to_owned())?;
    Ok(wasm_bindgen_futures::JsFuture::from(blob.array_buffer()))
}

async fn bytes_of(read: wasm_bindgen_futures::JsFuture) -> Result<Vec<u8>, String> {
    let buf = read
        .await
        .map_err(|_| t("frikort.file_unreadable").to_owned())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// A claim file read a slice at a time: CSV streamed, XLSX whole. The next
/// slice is being read while this one is checked.
pub(super) struct FileReader {
    pub(super) file: web_sys::File,
    pub(super) size: f64,
    pub(super) at: f64,
    pub(super) stream: CsvStream,
    pub(super) next: Option<wasm_bindgen_futures::JsFuture>,
    /// The file's fingerprint, fed every slice read (issue 24).
    pub(super) fingerprint: Fingerprint,
}

impl FileReader {
    pub(super) fn new(file: web_sys::File) -> Self {
        FileReader {
            size: file.size(),
            file,
            at: 0.0,
            stream: frikort::csv(),
            next: None,
            fingerprint: Fingerprint::default(),
        }
    }

    /// The share read so far (0–1).
    pub(super) fn progress(&self) -> f64 {
        if self.size > 0.0 {
            self.at / self.size
        } else {
            1.0
        }
    }

    /// Reads the next slice, calling `on` for each record in it; `true`
    /// when the file is done.
    pub(super) async fn step(&mut self, on: &mut dyn FnMut(Record<'_>)) -> Result<bool, String> {
        if self.at == 0.0 && self.next.is_none() {
            let head = bytes_of(start_read(&self.file, 0.0, 4.0_f64.min(self.size))?).await?;
            if head.starts_with(b"PK\x03\x04") {
                let bytes = bytes_of(start_read(&self.file, 0.0, self.size)?).await?;
                self.fingerprint.update(&bytes);
                read_xlsx(&bytes, on).map_err(file_error)?;
                self.at = self.size;
                return Ok(true);
            }
        }
        let end = (self.at + SLICE).min(self.size);
        let read = match self.next.take() {
            Some(read) => read,
            None => start_read(&self.file, self.at, end)?,
        };
        let bytes = bytes_of(read).await?;
        let last = end >= self.size;
        if !last {
            let next_end = (end + SLICE).min(self.size);
            self.next = Some(start_read(&self.file, end, next_end)?);
        }
        self.fingerprint.update(&bytes);
        self.stream.feed(&bytes, last, on).map_err(file_error)?;
        self.at = end;
        Ok(last)
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

pub(super) fn line_context(aware: &str) -> LineContext {
    let local = use_session().view().is_some_and(|s| s.mode == "local");
    let today = today();
    LineContext {
        fnr: FnrContext {
            today,
            allow_synthetic: local,
        },
        received: today,
        aware: frist_domain::calendar::parse_date(aware),
    }
}
