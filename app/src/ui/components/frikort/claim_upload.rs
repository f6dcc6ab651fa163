//! The state of `/frikort/ny`, and its three jobs: checking the chosen
//! file, sending its valid lines as a claim, and saving the error lines.

use frist_checker::ClaimContext;
use frist_domain::frikort::{CHUNK_LINES, Chunk, ClaimStatus, ClaimView, FileReport, NewClaim};
use leptos::prelude::*;

use crate::api;
use crate::form::{draft, save_text, yield_now};
use crate::i18n::{issue, t, tf};

use super::file_reader::{RESUME_KEY, Resume, claim_context, failure_text, now_ms, send_chunk};

/// One signal per thing the page shows (all `Copy`, so the parts share it).
#[derive(Clone, Copy)]
pub(super) struct Upload {
    pub(super) file: RwSignal<Option<web_sys::File>, LocalStorage>,
    pub(super) aware: RwSignal<String>,
    pub(super) progress: RwSignal<Option<f64>>,
    pub(super) report: RwSignal<Option<FileReport>>,
    /// The check now running: an answer to an earlier one (another file
    /// was chosen meanwhile) is dropped.
    generation: StoredValue<u32>,
    pub(super) elapsed_ms: RwSignal<Option<f64>>,
    pub(super) failure: RwSignal<Option<String>>,
    pub(super) sent: RwSignal<Option<ClaimView>>,
    pub(super) sending: RwSignal<Option<String>>,
    pub(super) resume: RwSignal<Option<Resume>>,
    pub(super) jump: RwSignal<String>,
    /// The file's fingerprint, and a claim already made from the same file
    /// (issue 24): named before anything is sent; sent again only when the
    /// user says so.
    fingerprint: RwSignal<Option<String>>,
    pub(super) earlier: RwSignal<Option<ClaimView>>,
    pub(super) resend: RwSignal<bool>,
}

impl Upload {
    pub(super) fn new() -> Self {
        Upload {
            file: RwSignal::new_local(None),
            aware: RwSignal::new(String::new()),
            progress: RwSignal::new(None),
            report: RwSignal::new(None),
            generation: StoredValue::new(0u32),
            elapsed_ms: RwSignal::new(None),
            failure: RwSignal::new(None),
            sent: RwSignal::new(None),
            sending: RwSignal::new(None),
            resume: RwSignal::new(draft::load::<Resume>(RESUME_KEY)),
            jump: RwSignal::new(String::new()),
            fingerprint: RwSignal::new(None),
            earlier: RwSignal::new(None),
            resend: RwSignal::new(false),
        }
    }

    /// Checks the chosen file afresh, then looks for a claim made from it.
    pub(super) fn check(self) {
        let Some(f) = self.file.get_untracked() else {
            return;
        };
        self.report.set(None);
        self.failure.set(None);
        self.sent.set(None);
        self.fingerprint.set(None);
        self.earlier.set(None);
        self.resend.set(false);
        let ctx = claim_context(&self.aware.get_untracked());
        let generation = self.generation;
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let current = move || generation.get_value() == this;
        let Upload { progress, .. } = self;
        leptos::task::spawn_local(async move {
            let started = now_ms();
            progress.set(Some(0.0));
            // The check runs in the checker worker; the page only shows how
            // far it has come.
            let outcome = crate::checker::check_claims(&f, ctx, move |share| {
                if current() {
                    progress.set(Some(share));
                }
            })
            .await;
            if !current() {
                return;
            }
            self.elapsed_ms.set(Some(now_ms() - started));
            let fp = match outcome {
                Ok((result, fp)) => {
                    match result {
                        Ok(r) => self.report.set(Some(r)),
                        Err(e) => self.failure.set(Some(failure_text(&e))),
                    }
                    fp
                }
                Err(e) => {
                    self.failure.set(Some(failure_text(&e)));
                    return;
                }
            };
            self.fingerprint.set(Some(fp.clone()));
            if let Ok(page) = api::claims_with_file(&fp).await {
                self.earlier.set(
                    page.items
                        .into_iter()
                        .find(|c| c.status != ClaimStatus::Receiving),
                );
            }
        });
    }

    /// Sends the valid lines: the file is read again, chunk by chunk, so a
    /// million lines never sit in memory; chunks the edge has are skipped.
    pub(super) fn send(self) {
        let Some(f) = self.file.get_untracked() else {
            return;
        };
        let Some(rep) = self.report.get_untracked() else {
            return;
        };
        let aware_text = self.aware.get_untracked();
        let ctx = claim_context(&aware_text);
        let chunks_total = rep.valid.div_ceil(CHUNK_LINES as u64) as u32;
        self.failure.set(None);
        leptos::task::spawn_local(async move {
            self.sending.set(Some(t("frikort.creating_claim").into()));
            let Some(claim) = self.open_claim(&f, &aware_text, &rep, chunks_total).await else {
                return;
            };
            let saved = Resume {
                claim_id: claim.id.clone(),
                number: claim.number.clone(),
                file_name: f.name(),
                size: f.size(),
                modified: f.last_modified(),
                aware: aware_text,
            };
            draft::save(RESUME_KEY, &saved);
            self.resume.set(Some(saved));
            if let Err(e) = self.send_chunks(f, ctx, &claim, chunks_total).await {
                self.failure
                    .set(Some(tf("frikort.upload_saved", &[("error", &e)])));
                self.sending.set(None);
                return;
            }
            match api::submit_claim(&claim.id).await {
                Ok(done) => {
                    draft::clear(RESUME_KEY);
                    self.resume.set(None);
                    self.sent.set(Some(done));
                    // The receipt is the page now; focus moves to it.
                    yield_now().await;
                    crate::form::focus_id("receipt");
                }
                Err(e) => self.failure.set(Some(e.text())),
            }
            self.sending.set(None);
        });
    }

    /// The claim the lines go to: the one an interrupted upload of the same
    /// file began, or a new one. `None` (with the failure shown) when the
    /// edge refused.
    async fn open_claim(
        self,
        f: &web_sys::File,
        aware_text: &str,
        rep: &FileReport,
        chunks_total: u32,
    ) -> Option<ClaimView> {
        let previous = self.resume.get_untracked().filter(|r| {
            r.file_name == f.name() && r.size == f.size() && r.modified == f.last_modified()
        });
        let claim = match previous {
            Some(r) => api::claim(&r.claim_id).await,
            None => {
                let form = NewClaim {
                    file_name: f.name(),
                    aware: aware_text.to_owned(),
                    lines: rep.valid,
                    chunks: chunks_total,
                    fingerprint: self.fingerprint.get_untracked().unwrap_or_default(),
                    resend: self.resend.get_untracked(),
                };
                api::create_claim(&form, &api::new_idempotency_key()).await
            }
        };
        match claim {
            Ok(c) => Some(c),
            Err(e) => {
                let said: Vec<String> = e.issues().iter().map(issue).collect();
                self.failure.set(Some(if said.is_empty() {
                    e.text()
                } else {
                    said.join(" ")
                }));
                self.sending.set(None);
                None
            }
        }
    }

    /// The checker worker reads the file again and hands over its valid
    /// lines a chunk at a time; each is sent before the next is asked for,
    /// so memory holds one chunk.
    async fn send_chunks(
        self,
        f: web_sys::File,
        ctx: ClaimContext,
        claim: &ClaimView,
        chunks_total: u32,
    ) -> Result<(), String> {
        let mut chunks = crate::checker::Chunks::open(f, ctx)
            .await
            .map_err(|e| failure_text(&e))?;
        let mut n = 0u32;
        while let Some(lines) = chunks.next().await.map_err(|e| failure_text(&e))? {
            if !claim.chunks_received.contains(&n) {
                self.sending.set(Some(tf(
                    "frikort.sending_part",
                    &[
                        ("part", &(n + 1).to_string()),
                        ("chunks", &chunks_total.to_string()),
                    ],
                )));
                send_chunk(&claim.id, n, Chunk { lines }, self.sending).await?;
            }
            n += 1;
        }
        Ok(())
    }

    /// The error file is made when asked for, from the lines with errors
    /// the checker worker kept.
    pub(super) fn download_errors(self) {
        let failure = self.failure;
        leptos::task::spawn_local(async move {
            let bad = match crate::checker::error_lines().await {
                Ok(bad) => bad,
                Err(e) => return failure.set(Some(failure_text(&e))),
            };
            let mut csv = format!("{}\n", t("frikort.errors_csv_header"));
            for (line, issues) in bad {
                let text: Vec<String> = issues.iter().map(issue).collect();
                csv.push_str(&format!(
                    "{line};\"{}\"\n",
                    text.join(" ").replace('"', "\"\"")
                ));
            }
            save_text("feillinjer.csv", &csv);
        });
    }
}
