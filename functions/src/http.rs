//! Response conventions shared by every route: problem+json errors
//! (RFC 9457) and the security headers.

use worker::{Headers, Response, Result};

/// The security headers every API answer carries. The static app gets the
/// same set from `public/_headers`.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("Cache-Control", "no-store"),
    ("X-Frame-Options", "DENY"),
];

/// Adds [`SECURITY_HEADERS`] to a response.
pub fn with_security_headers(resp: Response) -> Result<Response> {
    let headers = resp.headers().clone();
    for (k, v) in SECURITY_HEADERS {
        headers.set(k, v)?;
    }
    Ok(resp.with_headers(headers))
}

/// An `application/problem+json` answer with texts in bokmål and English.
pub fn problem(status: u16, kind: &str, detail_nb: &str, detail_en: &str) -> Result<Response> {
    let body = serde_json::json!({
        "type": format!("https://frist.example/problems/{kind}"),
        "title": kind,
        "status": status,
        "detail": detail_nb,
        "detail_en": detail_en,
        "issues": [],
    });
    json_with_type(&body, status, "application/problem+json")
}

/// A JSON answer.
pub fn json<T: serde::Serialize>(value: &T, status: u16) -> Result<Response> {
    json_with_type(value, status, "application/json")
}

fn json_with_type<T: serde::Serialize>(
    value: &T,
    status: u16,
    content_type: &str,
) -> Result<Response> {
    let body = serde_json::to_string(value).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let headers = Headers::new();
    headers.set("Content-Type", content_type)?;
    Ok(Response::ok(body)?
        .with_status(status)
        .with_headers(headers))
}

/// Strips digit runs of 6 or more from text bound for a log line, so an
/// identifier that slipped into an error message never reaches the log.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
            continue;
        }
        flush(&mut out, &mut run);
        out.push(c);
    }
    flush(&mut out, &mut run);
    out
}

fn flush(out: &mut String, run: &mut String) {
    if run.len() >= 6 {
        out.push_str("[redacted]");
    } else {
        out.push_str(run);
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_hides_long_digit_runs_only() {
        assert_eq!(redact("fnr 31129956715 bad"), "fnr [redacted] bad");
        assert_eq!(redact("line 41 of 12345"), "line 41 of 12345");
    }
}
