//! Small helpers for D1: binding values, timestamps, and telling a unique
//! constraint apart from other failures.

use wasm_bindgen::JsValue;

/// A text parameter.
pub fn text(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// An optional text parameter (NULL when absent).
pub fn opt(v: Option<&str>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from_str)
}

/// An integer parameter. D1 numbers are JavaScript numbers: exact up to 2^53.
pub fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

/// A boolean as SQLite stores it (0/1).
pub fn flag(v: bool) -> JsValue {
    int(i64::from(v))
}

/// Unix milliseconds as an RFC 3339 UTC timestamp with milliseconds
/// (ASVS 16.2.2: logs in UTC).
pub fn iso(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// Whether `err` is a unique-constraint failure on `table` (D1 reports
/// `UNIQUE constraint failed: table.column`).
pub fn is_unique_violation(err: &worker::Error, table: &str) -> bool {
    let text = match err {
        worker::Error::D1(e) => e.cause(),
        other => other.to_string(),
    };
    text.contains("UNIQUE constraint failed")
        && (text.contains(&format!("{table}.")) || text.contains(&format!("{table} ")))
}

/// Whether the first statement of a batch changed exactly one row: the
/// conditional update (`WHERE version = ?`) that decides whether a change
/// won.
pub fn first_changed(results: &[worker::D1Result]) -> bool {
    results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        == Some(1)
}
