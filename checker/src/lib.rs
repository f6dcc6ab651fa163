//! The heavy checks of a file, off the page's thread (issue 27).
//!
//! The claim-file check (FK-1 … FK-8 over up to a million lines, CSV or
//! XLSX) and the claims-control check (CTRL, with the tariff tables) run in
//! a Web Worker built as its own wasm module, fetched the first time a file
//! is chosen. The page sends a [`Request`] with the file; the worker answers
//! with [`Reply`]s: progress while it reads, then the result. Messages are
//! JSON, small except a chunk of lines to send.
//!
//! This crate holds the worker's whole logic, natively testable: reading a
//! file a slice at a time ([`FileRecords`]), the claim check
//! ([`check_claims`]), the valid lines as chunks to send ([`ClaimChunks`])
//! and the claims control ([`control`]). `src/main.rs` only wires them to
//! the worker's messages; `frist-app` speaks the same [`Request`]/[`Reply`].

mod jobs;
mod protocol;
mod records;

pub use jobs::{ClaimChunks, Findings, check_claims, control};
pub use protocol::{ClaimContext, ControlContext, Failure, Reply, Request};
pub use records::{FileRecords, SLICE, Source};
