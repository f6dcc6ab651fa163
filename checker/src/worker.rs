//! The worker's wiring: messages in, the jobs of `frist_checker`, replies out.

use std::cell::RefCell;

use frist_checker::{ClaimChunks, Failure, Reply, Request, Source, check_claims, control};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// The browser's `File`, read synchronously (allowed in a worker).
struct FileSource {
    file: File,
    reader: FileReaderSync,
}

impl Source for FileSource {
    fn size(&self) -> u64 {
        self.file.size() as u64
    }

    fn read(&mut self, start: u64, end: u64) -> Result<Vec<u8>, Failure> {
        let blob = self
            .file
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|_| Failure::Unreadable)?;
        let buffer = self
            .reader
            .read_as_array_buffer(&blob)
            .map_err(|_| Failure::Unreadable)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

thread_local! {
    /// The chunks being sent, between `NextChunk` requests.
    static CHUNKS: RefCell<Option<ClaimChunks<FileSource>>> = const { RefCell::new(None) };
    /// The lines with errors of the last check, until the next one.
    static INVALID: RefCell<Vec<(u64, Vec<frist_domain::Issue>)>> = const { RefCell::new(Vec::new()) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    if let Ok(json) = serde_json::to_string(reply) {
        let _ = scope().post_message(&JsValue::from_str(&json));
    }
}

/// Listens for requests and says it is ready.
pub fn start() {
    console_error_panic_hook::set_once();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let reply = answer(&ev.data());
        if let Some(reply) = reply {
            post(&reply);
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}

fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn source(data: &JsValue) -> Option<FileSource> {
    Some(FileSource {
        file: field(data, "file")?.dyn_into().ok()?,
        reader: FileReaderSync::new().ok()?,
    })
}

/// One request's answer (progress is posted on the way).
fn answer(data: &JsValue) -> Option<Reply> {
    let request: Request = field(data, "request")
        .and_then(|r| r.as_string())
        .and_then(|r| serde_json::from_str(&r).ok())?;
    Some(match request {
        Request::CheckClaims(ctx) => {
            let Some(file) = source(data) else {
                return Some(Reply::Checked {
                    result: Err(Failure::Unreadable),
                    fingerprint: String::new(),
                });
            };
            let findings = check_claims(file, ctx, &mut |share| post(&Reply::Progress { share }));
            INVALID.with(|i| *i.borrow_mut() = findings.invalid);
            Reply::Checked {
                result: findings.result,
                fingerprint: findings.fingerprint,
            }
        }
        Request::StartChunks(ctx) => {
            let Some(file) = source(data) else {
                return Some(Reply::Chunk {
                    result: Err(Failure::Unreadable),
                });
            };
            CHUNKS.with(|c| *c.borrow_mut() = Some(ClaimChunks::new(file, ctx)));
            next_chunk()
        }
        Request::NextChunk => next_chunk(),
        Request::ErrorLines => Reply::ErrorLines {
            lines: INVALID.with(|i| i.borrow().clone()),
        },
        Request::Control(ctx) => {
            let bytes = field(data, "bytes")
                .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                .unwrap_or_default();
            Reply::Controlled {
                result: control(&bytes, &ctx),
            }
        }
    })
}

fn next_chunk() -> Reply {
    let result = CHUNKS.with(|c| match c.borrow_mut().as_mut() {
        Some(chunks) => chunks.next_chunk(),
        None => Err(Failure::Protocol),
    });
    if !matches!(result, Ok(Some(_))) {
        CHUNKS.with(|c| *c.borrow_mut() = None);
    }
    Reply::Chunk { result }
}
