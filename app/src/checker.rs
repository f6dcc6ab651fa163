//! The page's side of the checker worker (issue 27): whole files are
//! checked in `frist-checker`, a Web Worker with its own wasm module,
//! started the first time a file is chosen and kept for the next. The page
//! only shows progress and results, so it stays responsive while a million
//! lines are checked.
//!
//! One job at a time: a new check while one runs ends the old worker (the
//! user chose another file) and starts a fresh one; the old job's caller
//! gets [`Failure::Protocol`] and its answer is dropped.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use frist_checker::{ClaimContext, ControlContext, Failure, Reply, Request};
use frist_domain::Issue;
use frist_domain::frikort::{FileReport, NumberedLine};
use frist_domain::kontroll::BatchReport;
use futures_channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};

/// A running worker and the replies it has sent.
struct Conn {
    worker: Worker,
    replies: Rc<RefCell<VecDeque<Reply>>>,
    waiter: Rc<RefCell<Option<oneshot::Sender<()>>>>,
    closed: Rc<Cell<bool>>,
    busy: Cell<bool>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Conn>>> = const { RefCell::new(None) };
}

fn wake(waiter: &RefCell<Option<oneshot::Sender<()>>>) {
    if let Some(tx) = waiter.borrow_mut().take() {
        let _ = tx.send(());
    }
}

impl Conn {
    /// Starts the worker and waits until its module is loaded.
    async fn open() -> Result<Rc<Conn>, Failure> {
        let url = crate::assets::assets().checker;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).map_err(|_| Failure::Protocol)?;
        let replies = Rc::new(RefCell::new(VecDeque::new()));
        let waiter = Rc::new(RefCell::new(None::<oneshot::Sender<()>>));
        let closed = Rc::new(Cell::new(false));
        let on_message = {
            let (replies, waiter) = (replies.clone(), waiter.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let reply = ev
                    .data()
                    .as_string()
                    .and_then(|j| serde_json::from_str(&j).ok());
                if let Some(reply) = reply {
                    replies.borrow_mut().push_back(reply);
                    wake(&waiter);
                }
            })
        };
        let on_error = {
            let (closed, waiter) = (closed.clone(), waiter.clone());
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                closed.set(true);
                wake(&waiter);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let conn = Rc::new(Conn {
            worker,
            replies,
            waiter,
            closed,
            busy: Cell::new(false),
            _on_message: on_message,
            _on_error: on_error,
        });
        match conn.next().await {
            Some(Reply::Ready) => Ok(conn),
            _ => {
                conn.close();
                Err(Failure::Protocol)
            }
        }
    }

    fn close(&self) {
        self.worker.terminate();
        self.closed.set(true);
        wake(&self.waiter);
    }

    /// The next reply; `None` when the worker was ended or failed.
    async fn next(&self) -> Option<Reply> {
        loop {
            if let Some(reply) = self.replies.borrow_mut().pop_front() {
                return Some(reply);
            }
            if self.closed.get() {
                return None;
            }
            let (tx, rx) = oneshot::channel();
            *self.waiter.borrow_mut() = Some(tx);
            let _ = rx.await;
        }
    }

    fn send(&self, request: &Request, file: Option<&File>, bytes: Option<&[u8]>) {
        let message = js_sys::Object::new();
        let json = serde_json::to_string(request).unwrap_or_default();
        let _ = js_sys::Reflect::set(&message, &"request".into(), &json.into());
        if let Some(file) = file {
            let _ = js_sys::Reflect::set(&message, &"file".into(), file);
        }
        if let Some(bytes) = bytes {
            let array = js_sys::Uint8Array::from(bytes);
            let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array);
        }
        let _ = self.worker.post_message(&message);
    }
}

/// A job's hold on the worker; the worker is free again when it is dropped.
struct Job(Rc<Conn>);

impl Drop for Job {
    fn drop(&mut self) {
        self.0.busy.set(false);
    }
}

impl Job {
    /// The worker for a new job: the current one when idle, else (it is
    /// busy with a job the user moved on from, or gone) a fresh one.
    async fn start() -> Result<Job, Failure> {
        let current = CURRENT.with(|c| c.borrow().clone());
        let conn = match current {
            Some(conn) if !conn.busy.get() && !conn.closed.get() => conn,
            other => {
                if let Some(old) = other {
                    old.close();
                }
                let conn = Conn::open().await?;
                CURRENT.with(|c| *c.borrow_mut() = Some(conn.clone()));
                conn
            }
        };
        conn.busy.set(true);
        Ok(Job(conn))
    }

    fn ask(&self, request: &Request, file: Option<&File>, bytes: Option<&[u8]>) {
        self.0.send(request, file, bytes);
    }

    async fn reply(&self) -> Result<Reply, Failure> {
        self.0.next().await.ok_or(Failure::Protocol)
    }
}

/// A claim file checked in the worker: the report (or why the file could
/// not be read) and the file's fingerprint. `progress` gets the share read.
pub async fn check_claims(
    file: &File,
    ctx: ClaimContext,
    progress: impl Fn(f64),
) -> Result<(Result<FileReport, Failure>, String), Failure> {
    let job = Job::start().await?;
    job.ask(&Request::CheckClaims(ctx), Some(file), None);
    loop {
        match job.reply().await? {
            Reply::Progress { share } => progress(share),
            Reply::Checked {
                result,
                fingerprint,
            } => return Ok((result, fingerprint)),
            _ => return Err(Failure::Protocol),
        }
    }
}

/// The lines with errors of the last check, for the error file.
pub async fn error_lines() -> Result<Vec<(u64, Vec<Issue>)>, Failure> {
    let job = Job::start().await?;
    job.ask(&Request::ErrorLines, None, None);
    match job.reply().await? {
        Reply::ErrorLines { lines } => Ok(lines),
        _ => Err(Failure::Protocol),
    }
}

/// A claim file's valid lines, a chunk at a time, read in the worker.
pub struct Chunks {
    job: Job,
    started: bool,
    file: File,
    ctx: ClaimContext,
}

impl Chunks {
    /// The chunks of `file`, checked as in `ctx`.
    pub async fn open(file: File, ctx: ClaimContext) -> Result<Chunks, Failure> {
        Ok(Chunks {
            job: Job::start().await?,
            started: false,
            file,
            ctx,
        })
    }

    /// The next chunk; `None` after the last.
    pub async fn next(&mut self) -> Result<Option<Vec<NumberedLine>>, Failure> {
        if self.started {
            self.job.ask(&Request::NextChunk, None, None);
        } else {
            self.started = true;
            self.job
                .ask(&Request::StartChunks(self.ctx), Some(&self.file), None);
        }
        match self.job.reply().await? {
            Reply::Chunk { result } => result,
            _ => Err(Failure::Protocol),
        }
    }
}

/// A month of bills checked in the worker (claims control).
pub async fn control(bills: &[u8], ctx: ControlContext) -> Result<BatchReport, Failure> {
    let job = Job::start().await?;
    job.ask(&Request::Control(ctx), None, Some(bills));
    match job.reply().await? {
        Reply::Controlled { result } => result,
        _ => Err(Failure::Protocol),
    }
}
