//! The local OpenID Providers (`scripts/local-op/op.mjs`: a HelseID and an
//! ID-porten look-alike) for the sign-in tests, on free loopback ports, and
//! a small browser that walks a person through a sign-in: frist's start,
//! the provider's pages, and back to frist's callback.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use reqwest::blocking::{Client, Response};

use crate::{PGIDS, register_cleanup, root, stop_group};

/// Both providers, running.
pub struct LocalOp {
    pub helseid: String,
    pub idporten: String,
    _child: Child,
}

impl LocalOp {
    /// Starts both on free ports and waits (up to a generous deadline) for
    /// the line that says they listen.
    pub fn start() -> Result<LocalOp, String> {
        let mut child = Command::new("node")
            .arg(root().join("scripts/local-op/op.mjs"))
            .args(["--helseid-port", "0", "--idporten-port", "0"])
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("node scripts/local-op/op.mjs: {e}"))?;
        PGIDS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(child.id() as i32);
        register_cleanup();
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with('{') {
                    let _ = tx.send(line);
                }
            }
        });
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .map_err(|_| "the local OpenID Provider did not start".to_owned())?;
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        Ok(LocalOp {
            helseid: v["helseid"].as_str().unwrap_or_default().to_owned(),
            idporten: v["idporten"].as_str().unwrap_or_default().to_owned(),
            _child: child,
        })
    }

    /// The `[vars]` that point a frist server at these providers.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        vec![
            ("FRIST_OIDC_HELSEID_ISSUER", self.helseid.clone()),
            ("FRIST_OIDC_IDPORTEN_ISSUER", self.idporten.clone()),
        ]
    }

    /// The issuer of `provider` (`helseid` or `idporten`).
    pub fn issuer(&self, provider: &str) -> &str {
        if provider == "helseid" {
            &self.helseid
        } else {
            &self.idporten
        }
    }

    /// Makes `provider` spoil its next ID token (`wrong_signature`,
    /// `unknown_kid`, `rotated`, `wrong_iss`, `wrong_aud`, `expired`,
    /// `wrong_nonce`).
    pub fn spoil_next(&self, provider: &str, mode: &str) {
        let r = Client::new()
            .post(format!("{}/__test/next-token", self.issuer(provider)))
            .body(serde_json::json!({ "mode": mode }).to_string())
            .send()
            .expect("the local provider answers");
        assert_eq!(r.status().as_u16(), 204);
    }
}

impl Drop for LocalOp {
    fn drop(&mut self) {
        let pgid = self._child.id() as i32;
        stop_group(pgid);
        let _ = self._child.wait();
        PGIDS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|g| *g != pgid);
    }
}

/// A browser, as far as a sign-in needs one: cookies per host and port, no
/// automatic redirects (each step is seen).
pub struct Browser {
    client: Client,
    cookies: HashMap<String, HashMap<String, String>>,
}

/// Where a step ended: its status and `Location`.
#[derive(Debug, Clone)]
pub struct Step {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl Default for Browser {
    fn default() -> Self {
        Self::new()
    }
}

impl Browser {
    pub fn new() -> Browser {
        Browser {
            client: Client::builder()
                .timeout(Duration::from_secs(120))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("a client"),
            cookies: HashMap::new(),
        }
    }

    fn origin(url: &str) -> String {
        url.split('/').take(3).collect::<Vec<_>>().join("/")
    }

    /// The cookie `name` this browser holds for `url`'s origin.
    pub fn cookie(&self, url: &str, name: &str) -> Option<String> {
        self.cookies.get(&Self::origin(url))?.get(name).cloned()
    }

    fn keep(&mut self, url: &str, r: &Response) {
        let jar = self.cookies.entry(Self::origin(url)).or_default();
        for value in r.headers().get_all("set-cookie") {
            let text = value.to_str().unwrap_or_default();
            let Some((name, rest)) = text.split(';').next().and_then(|p| p.split_once('=')) else {
                continue;
            };
            if rest.is_empty()
                || text.contains("Max-Age=0")
                || text.contains("expires=Thu, 01 Jan 1970")
            {
                jar.remove(name.trim());
            } else {
                jar.insert(name.trim().to_owned(), rest.to_owned());
            }
        }
    }

    fn send(&mut self, url: &str, b: reqwest::blocking::RequestBuilder) -> Step {
        let cookie = self
            .cookies
            .get(&Self::origin(url))
            .map(|jar| {
                jar.iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let b = if cookie.is_empty() {
            b
        } else {
            b.header("Cookie", cookie)
        };
        let r = b.send().unwrap_or_else(|e| panic!("{url}: {e}"));
        self.keep(url, &r);
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(|l| absolute(url, l));
        Step {
            status,
            location,
            body: r.text().unwrap_or_default(),
        }
    }

    pub fn get(&mut self, url: &str) -> Step {
        let b = self.client.get(url);
        self.send(url, b)
    }

    pub fn post_form(&mut self, url: &str, form: &[(&str, &str)]) -> Step {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let b = self
            .client
            .post(url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body);
        self.send(url, b)
    }

    /// Starts a sign-in at frist (`base`) with `provider` and signs in as
    /// `person` on the provider's page; answers the URL the provider sends
    /// the browser back to — frist's callback, not yet visited.
    pub fn sign_in_at_provider(&mut self, base: &str, provider: &str, person: &str) -> String {
        let start = self.get(&format!("{base}/api/v1/oidc/{provider}/start"));
        assert_eq!(start.status, 303, "start: {start:?}");
        let url = start.location.expect("start redirects");
        assert!(!url.starts_with(base), "start sent the browser to {url}");
        self.continue_at_provider(base, url, person)
    }

    /// Goes on from a start's redirect to the provider (`url`), signs in as
    /// `person`, and answers the URL of frist's callback, not yet visited.
    pub fn continue_at_provider(&mut self, base: &str, mut url: String, person: &str) -> String {
        for _ in 0..10 {
            if url.starts_with(base) {
                return url;
            }
            let step = self.get(&url);
            if step.status == 200 && step.body.contains("/login\"") {
                let action = between(&step.body, "action=\"", "\"").expect("the person form");
                let posted = self.post_form(&absolute(&url, &action), &[("person", person)]);
                let Some(next) = posted.location.clone() else {
                    panic!("login at provider: {posted:?}");
                };
                url = next;
                continue;
            }
            url = step
                .location
                .unwrap_or_else(|| panic!("{url} answered {} {}", step.status, step.body));
        }
        panic!("the provider never sent the browser back");
    }

    /// Visits frist's callback; answers where frist sends the browser.
    pub fn finish(&mut self, callback: &str) -> String {
        let step = self.get(callback);
        assert_eq!(step.status, 303, "callback: {step:?}");
        step.location.expect("the callback redirects")
    }
}

/// Percent-encodes everything but the unreserved characters (RFC 3986).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(text[from..to].to_owned())
}

fn absolute(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        location.to_owned()
    } else {
        format!("{}{location}", Browser::origin(base))
    }
}
