//! The checker worker: `frist-checker.js` and its wasm, started by the page
//! with `new Worker(…, { type: "module" })` the first time a file is
//! chosen. Each message is `{ request, file?, bytes? }`: a [`Request`] as
//! JSON, and the `File` (read here a slice at a time, synchronously, off
//! the page's thread) or the bytes of a small file. Each answer is a
//! [`Reply`] as JSON.

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("frist-checker runs in the browser, as a Web Worker (see checker/src/lib.rs)");
}
