//! A harness that runs frist the way a user does — one `wrangler dev` serving
//! the app and the API — on a free loopback port with a throwaway state
//! folder, and stops it (its whole process group) when the tests end, even
//! when one fails.
//!
//! The app and worker must be built first (`make build`); the integration
//! tests are `#[ignore]`d so a plain `cargo test` does not need them, and
//! `make test` runs them with `--ignored`.

use std::io::Read;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use reqwest::blocking::Client;

mod api;
pub mod op;
pub use api::{Answer, Call, DEMO_PASSWORD, Session, demo};

/// A fristbrudd notification of the demo hospital (FB-1): an expected
/// breach, referral 10 January, warning 1 March 2026.
pub fn fb_notification(fnr: &str, fristdato: &str) -> serde_json::Value {
    serde_json::json!({
        "patient_fnr": fnr, "patient_name": "Kari Pasient", "patient_phone": "912 34 567",
        "specialty": "Ortopedi", "fristdato": fristdato, "referral_received": "2026-01-10",
        "warning_sent": "2026-03-01", "kind": "expected"
    })
}

/// A running `wrangler dev`.
pub struct Server {
    pub base: String,
    pub client: Client,
    _state: tempfile::TempDir,
    _child: Child,
}

static SERVER: OnceLock<Server> = OnceLock::new();
static STRICT: OnceLock<Server> = OnceLock::new();
static PGIDS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf()
}

/// `n` distinct valid fødselsnummer (born 1950–1999), found with the
/// domain's own check: one patient per case or per trip where the rules
/// want them different.
pub fn valid_fnrs(n: usize) -> Vec<String> {
    use frist_domain::ids::{FnrContext, Fodselsnummer};
    let ctx = FnrContext {
        today: "2026-01-01".parse().expect("a date"),
        allow_synthetic: false,
    };
    let mut out = Vec::with_capacity(n);
    'days: for day in 1..=28u32 {
        for month in 1..=12u32 {
            for year in 50..=99u32 {
                for individual in [123u32, 234, 345] {
                    let base = format!("{day:02}{month:02}{year:02}{individual:03}");
                    for checks in 0..100u32 {
                        let candidate = format!("{base}{checks:02}");
                        if Fodselsnummer::parse(&candidate, &ctx).is_ok() {
                            out.push(candidate);
                            break;
                        }
                    }
                    if out.len() == n {
                        break 'days;
                    }
                }
            }
        }
    }
    assert_eq!(out.len(), n);
    out
}

/// The `[vars]` that turn the test clock on (`X-Frist-Today`).
pub const TEST_CLOCK: &[(&str, &str)] = &[("FRIST_TEST_CLOCK", "1")];

/// The shared server of this test binary, started on first use. Its test
/// clock is on: a request may name its date with `X-Frist-Today`
/// ([`Call::on`]), so deadline tests never depend on the wall clock.
pub fn server() -> &'static Server {
    SERVER.get_or_init(|| {
        Server::start(TEST_CLOCK).unwrap_or_else(|e| panic!("cannot start wrangler dev: {e}"))
    })
}

/// A second server whose sessions and login throttle are short, for the
/// expiry and per-client throttle tests: idle 3 s, absolute 8 s, 4 failed
/// logins per client in 60 s. Its test clock is on, so a request can name
/// its instant ([`Call::at`]).
pub fn strict_server() -> &'static Server {
    STRICT.get_or_init(|| {
        Server::start(&[
            ("FRIST_SESSION_IDLE_SECS", "3"),
            ("FRIST_SESSION_ABSOLUTE_SECS", "8"),
            ("FRIST_LOGIN_PER_CLIENT", "4"),
            ("FRIST_LOGIN_WINDOW_SECS", "60"),
            ("FRIST_TEST_CLOCK", "1"),
        ])
        .unwrap_or_else(|e| panic!("cannot start wrangler dev: {e}"))
    })
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wrangler() -> PathBuf {
    root().join("node_modules/.bin/wrangler")
}

/// The texts of the e-mails the simulated `send_email` binding has
/// delivered on the local state `state`, by every server started on it:
/// `wrangler dev` writes each one to a file before the send returns, so a
/// file is an e-mail sent, even when the server was killed a moment later.
pub fn delivered(state: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    let Ok(runs) = std::fs::read_dir(state.join("tmp")) else {
        return texts;
    };
    for run in runs.flatten() {
        let Ok(files) = std::fs::read_dir(run.path().join("files/email-text")) else {
            continue;
        };
        for f in files.flatten() {
            if let Ok(text) = std::fs::read_to_string(f.path()) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Runs `wrangler d1 <args> --local --persist-to <state>` in `functions/`;
/// its standard output, or what went wrong.
pub fn d1(state: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new(wrangler())
        .arg("d1")
        .args(args)
        .args(["--local", "--persist-to"])
        .arg(state)
        .current_dir(root().join("functions"))
        .env("CI", "true")
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "wrangler d1 {}: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Server {
    /// Starts a server of its own with extra `[vars]` (stopped when the
    /// test binary exits).
    pub fn start(vars: &[(&str, &str)]) -> Result<Server, String> {
        let state = tempfile::Builder::new()
            .prefix("frist-state-")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let functions = root().join("functions");
        if !functions.join("build/index.js").exists() || !root().join("dist/index.html").exists() {
            return Err("build missing: run `make build` first".into());
        }
        d1(state.path(), &["migrations", "apply", "DB"])
            .map_err(|e| format!("migrations failed: {e}"))?;
        d1(state.path(), &["execute", "DB", "--file", "seed/demo.sql"])
            .map_err(|e| format!("seed failed: {e}"))?;
        Self::start_on(state, vars)
    }

    /// Starts a server on local state that already exists — a restored
    /// backup: no migrations, no seed.
    pub fn start_on(state: tempfile::TempDir, vars: &[(&str, &str)]) -> Result<Server, String> {
        let functions = root().join("functions");
        // A port found free can be taken before wrangler binds it (or
        // wrangler restarts on a file event and trips over itself): a
        // start that fails that way is tried again on another port.
        let mut attempt = 0;
        let (base, client, child) = loop {
            attempt += 1;
            match Self::spawn(&functions, state.path(), vars) {
                Ok(started) => break started,
                Err(e) if attempt < 3 && e.contains("Address already in use") => continue,
                Err(e) => return Err(e),
            }
        };
        Ok(Server {
            base,
            client,
            _state: state,
            _child: child,
        })
    }

    /// Kills the server the way a crash would — SIGKILL to its whole
    /// process group, no shutdown — and hands back its local state, to
    /// start again on with [`Server::start_on`].
    pub fn crash(self) -> tempfile::TempDir {
        let Server {
            _state: state,
            _child: mut child,
            ..
        } = self;
        let pgid = child.id() as i32;
        signal_group(pgid, libc::SIGKILL);
        let _ = child.wait();
        PGIDS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|g| *g != pgid);
        state
    }

    /// The local state folder (D1, KV, R2) the server runs on.
    pub fn state(&self) -> &Path {
        self._state.path()
    }

    /// Starts `wrangler dev` on a free port and waits for its health route.
    fn spawn(
        functions: &std::path::Path,
        state: &std::path::Path,
        vars: &[(&str, &str)],
    ) -> Result<(String, Client, std::process::Child), String> {
        let port = free_port().map_err(|e| e.to_string())?;
        let log = std::fs::File::create(state.join("wrangler.log")).map_err(|e| e.to_string())?;
        // Its temporary files beside its state: the simulated `send_email`
        // binding writes each e-mail there ([`delivered`]), and a crashed
        // server's files stay for the test to read.
        let tmp = state.join("tmp");
        std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
        let child = Command::new(wrangler())
            .args([
                "dev",
                "--ip",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--inspector-port",
                "0",
            ])
            .arg("--persist-to")
            .arg(state)
            .arg("--show-interactive-dev-session=false")
            // Local mode unless the test names a mode: the configuration
            // without one is production (wrangler.toml).
            .args(
                std::iter::once(("FRIST_MODE", "local"))
                    .filter(|_| !vars.iter().any(|(k, _)| *k == "FRIST_MODE"))
                    .chain(vars.iter().copied())
                    .flat_map(|(k, v)| ["--var".to_owned(), format!("{k}:{v}")]),
            )
            .current_dir(functions)
            .env("FRIST_SKIP_BUILD", "1")
            .env("TMPDIR", &tmp)
            .env("CI", "true")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            // Its own process group, so the whole tree (node, esbuild, workerd) stops together.
            .process_group(0)
            .spawn()
            .map_err(|e| e.to_string())?;
        let pgid = child.id() as i32;
        PGIDS.lock().unwrap_or_else(|e| e.into_inner()).push(pgid);
        register_cleanup();

        let base = format!("http://127.0.0.1:{port}");
        let client = Client::builder()
            // Generous on purpose: a request that takes this long has hung.
            .timeout(Duration::from_secs(120))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| e.to_string())?;
        Self::wait_until_up(&client, &base, state, pgid)?;
        Ok((base, client, child))
    }

    /// Waits until the server in group `pgid` answers at `base`; stops it
    /// and says why when it will not.
    fn wait_until_up(client: &Client, base: &str, state: &Path, pgid: i32) -> Result<(), String> {
        // A deadline, not an expectation: a fresh, loaded machine may take long
        // to start workerd; a fast one answers in seconds.
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            // Up: the worker answers its health route — 200, or 503 naming
            // the secrets a production server without them is missing.
            if let Ok(r) = client.get(format!("{base}/api/v1/health")).send() {
                let status = r.status().as_u16();
                if status == 200
                    || (status == 503 && r.text().unwrap_or_default().contains("misconfigured"))
                {
                    break;
                }
            }
            let mut text = String::new();
            let _ = std::fs::File::open(state.join("wrangler.log"))
                .and_then(|mut f| f.read_to_string(&mut text));
            // A port taken under it: give up now, so the caller can retry.
            if text.contains("Address already in use") || Instant::now() > deadline {
                stop_group(pgid);
                return Err(format!(
                    "wrangler dev did not answer on {base}; log:\n{text}"
                ));
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Ok(())
    }

    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

/// Stops the process group of a server (SIGTERM, then SIGKILL).
/// DANGER (TOOLCHAIN.md): the group id is negated here, never by a shell `kill`.
fn stop_group(pgid: i32) {
    signal_group(pgid, libc::SIGTERM);
    std::thread::sleep(Duration::from_millis(500));
    signal_group(pgid, libc::SIGKILL);
}

/// Sends `signal` to a server's process group (never to group 0 or 1).
#[allow(unsafe_code)]
fn signal_group(pgid: i32, signal: libc::c_int) {
    if pgid <= 1 {
        return;
    }
    // SAFETY: kill(2) with a negative, non-(-1) pid signals only that process group.
    unsafe {
        libc::kill(-pgid, signal);
    }
}

extern "C" fn cleanup_at_exit() {
    let groups = std::mem::take(&mut *PGIDS.lock().unwrap_or_else(|e| e.into_inner()));
    for pgid in groups {
        stop_group(pgid);
    }
}

#[allow(unsafe_code)]
fn register_cleanup() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(register_atexit);
}

#[allow(unsafe_code)]
fn register_atexit() {
    // The shared server lives in a static, which is never dropped: stop it
    // when the test binary exits, whether its tests passed or failed.
    // SAFETY: registers a plain extern "C" function with no captured state.
    unsafe {
        libc::atexit(cleanup_at_exit);
    }
}

/// A small seeded generator (xorshift64*) for the fault and fuzz tests:
/// random, but the same on every run, so a failure can be replayed.
pub struct Dice(pub u64);

impl Dice {
    pub fn roll(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.roll() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.roll() % 100 < percent
    }
}
