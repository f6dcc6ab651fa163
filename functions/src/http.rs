//! Response conventions shared by every route: problem+json errors
//! (RFC 9457) and the security headers.

use frist_domain::api::Problem;
use frist_domain::{Issue, Report};
use worker::{Headers, Response, Result};

use crate::problem::{EN, LANGUAGES, NB, ProblemKind};

/// The security headers every API answer carries. The static app gets the
/// same set from `public/_headers`.
pub const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'",
    ),
    ("Cache-Control", "no-store"),
    ("X-Frame-Options", "DENY"),
    (
        "Strict-Transport-Security",
        "max-age=31536000; includeSubDomains",
    ),
];

/// Adds [`SECURITY_HEADERS`] to a response.
pub fn with_security_headers(resp: Response) -> Result<Response> {
    let headers = resp.headers().clone();
    for (k, v) in SECURITY_HEADERS {
        headers.set(k, v)?;
    }
    Ok(resp.with_headers(headers))
}

/// `body` as JSON with `ETag: "<version>"`, the version `If-Match` names.
pub fn json_with_etag<T: serde::Serialize>(body: &T, version: i64, status: u16) -> ApiResult {
    let resp = json(body, status)?;
    resp.headers().set("ETag", &format!("\"{version}\""))?;
    Ok(resp)
}

/// `value` as JSON for storage; a failure is the server's, never the client's.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> std::result::Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| worker::Error::RustError(e.to_string()).into())
}

/// A refusal: its [`ProblemKind`] (status, wire name, texts), the
/// arguments of its texts, the domain issues behind it, and extra headers.
/// Every handler returns `Result<Response, ApiError>`; the router turns an
/// `ApiError` into a problem+json answer. A [`worker::Error`] (D1 down, a
/// binding missing) is the server's fault and becomes 503 with no internal
/// detail.
#[derive(Debug)]
pub struct ApiError {
    pub kind: ProblemKind,
    pub args: Vec<(&'static str, [String; LANGUAGES])>,
    pub issues: Vec<Issue>,
    pub headers: Vec<(&'static str, String)>,
}

/// What every handler returns.
pub type ApiResult = std::result::Result<Response, ApiError>;

impl ApiError {
    pub fn new(kind: ProblemKind) -> Self {
        Self {
            kind,
            args: Vec::new(),
            issues: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// 422: the submission has errors, listed field by field.
    pub fn invalid(report: Report) -> Self {
        Self::new(ProblemKind::Invalid).with_issues(report.issues)
    }

    /// 400: one query or header value is wrong.
    pub fn bad_request(issue: Issue) -> Self {
        Self::new(ProblemKind::BadRequest).with_issues(vec![issue])
    }

    /// 404: no such object, or one the caller may not see — the two are
    /// never told apart.
    pub fn not_found() -> Self {
        Self::new(ProblemKind::NotFound)
    }

    /// The value of `{name}` in the texts, the same in every language.
    pub fn arg(self, name: &'static str, value: impl std::fmt::Display) -> Self {
        let value = value.to_string();
        self.arg_in(name, [value.clone(), value.clone(), value])
    }

    /// The value of `{name}` in the texts, per language (nb, nn, en).
    pub fn arg_in(mut self, name: &'static str, values: [String; LANGUAGES]) -> Self {
        self.args.push((name, values));
        self
    }

    pub fn with_issues(mut self, issues: Vec<Issue>) -> Self {
        self.issues = issues;
        self
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn into_response(self) -> Result<Response> {
        let status = self.kind.status();
        let body = Problem {
            kind: format!("https://frist.example/problems/{}", self.kind.wire()),
            title: self.kind.wire().to_owned(),
            status,
            detail: self.kind.text(NB, &self.args),
            detail_en: self.kind.text(EN, &self.args),
            issues: self.issues,
        };
        let resp = json_with_type(&body, status, "application/problem+json")?;
        for (k, v) in &self.headers {
            resp.headers().set(k, v)?;
        }
        Ok(resp)
    }
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        worker::console_error!("server error: {}", redact(&e.to_string()));
        Self::new(ProblemKind::UnavailableRetry)
    }
}

/// An `application/problem+json` answer of `kind`, without arguments.
pub fn problem(kind: ProblemKind) -> Result<Response> {
    ApiError::new(kind).into_response()
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

/// Strips runs of 6 or more digits from text bound for a log line, so an
/// identifier that slipped into an error message never reaches the log —
/// also when it is written in groups (`311299 567 15`, `31.12.99-56715`):
/// a single space, dot or dash between digits does not end a run.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut run, mut digits) = (String::new(), 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let joins = matches!(c, ' ' | '.' | '-')
            && digits > 0
            && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || joins {
            digits += usize::from(c.is_ascii_digit());
            run.push(c);
            continue;
        }
        flush(&mut out, &mut run, &mut digits);
        out.push(c);
    }
    flush(&mut out, &mut run, &mut digits);
    out
}

fn flush(out: &mut String, run: &mut String, digits: &mut usize) {
    if *digits >= 6 {
        out.push_str("[redacted]");
    } else {
        out.push_str(run);
    }
    run.clear();
    *digits = 0;
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_hides_long_digit_runs_only() {
        assert_eq!(redact("fnr 31129956715 bad"), "fnr [redacted] bad");
        assert_eq!(redact("line 41 of 12345"), "line 41 of 12345");
        // Written in groups, as people type them.
        assert_eq!(redact("fnr 311299 567 15 bad"), "fnr [redacted] bad");
        assert_eq!(redact("(31.12.99-56715)"), "([redacted])");
        // Short numbers with spaces between them stay.
        assert_eq!(redact("lines 12 34 of 5"), "lines 12 34 of 5");
    }
}
