//! Files of rows with named columns, the way offices send them: CSV (comma
//! or semicolon, quotes, CRLF, a BOM, blank lines) or an XLSX workbook. One
//! reader for every such file in frist — a health trust's claim file
//! (`frikort`) and a municipality's bills (`kontroll`) — told by a
//! [`Schema`] which columns to expect.
//!
//! [`CsvStream`] reads a piece at a time — a million lines never need a
//! million strings — and hands each row to a callback as borrowed
//! [`Fields`], in the schema's column order whatever the file's order.
//!
//! One concept per module: which columns a kind of file has (`schema.rs`),
//! what makes a whole file unreadable (`error.rs`), one row as read
//! (`record.rs`), the streaming CSV reader (`csv.rs`, with its word-at-a-time
//! byte tricks in `bytes.rs`) and the workbook reader (`xlsx.rs`).

mod bytes;
mod csv;
mod error;
mod record;
mod schema;
mod xlsx;

pub use csv::CsvStream;
pub use error::FileError;
pub use record::{Fields, Record};
pub use schema::{MAX_COLUMNS, Schema};
pub use xlsx::read_xlsx;
