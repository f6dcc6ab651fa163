//! Frikort in the browser (FK-1 … FK-9): the health trust checks a claim
//! file here before it is sent — read a slice at a time, with a progress bar,
//! yielding to the page between slices so it stays responsive — then sends
//! its valid lines in chunks that resume after a dropped connection or a
//! closed tab. Helfo settles claims line by line and records the payment.

use frist_domain::access::Role;
use frist_domain::frikort::{
    self, CHUNK_LINES, Checker, Chunk, ClaimStatus, ClaimView, CsvStream, Decision, DecisionForm,
    FileError, FileReport, Fingerprint, LineContext, LineView, NewClaim, NumberedLine, PaymentForm,
    RawRef, Reason, Record, RepaymentCause, RepaymentForm, format_ore, read_xlsx,
};
use frist_domain::ids::FnrContext;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};
use strum::IntoEnumIterator;

use crate::api::{self, ApiError, load_all};
use crate::confirm::{Confirm, Question};
use crate::form::{
    CheckboxField, ErrorSummary, alert, draft, due_tag, gloo_sleep, loading_or_failure, nb,
    ready_to_send, save_text, show_filter, show_note, today, yield_now,
};
use crate::i18n::{issue, name, t, tf};
use crate::search::{BackLink, Breadcrumbs};
use crate::session::use_session;

/// The pages a claim is opened from, for its back link.
const CLAIM_LISTS: &[(&str, &str)] = &[
    ("/frikort/krav", "frikort.all_claims"),
    ("/", "nav.back_to_home"),
];

/// Bytes read per slice: about 21,000 lines, checked in under 20 ms here
/// (`make bench`), so a slow office PC stays well under 100 ms a slice.
const SLICE: f64 = 1024.0 * 1024.0;
const RESUME_KEY: &str = "frist.upload.frikort";

/// A monotonic clock in milliseconds (`performance.now()`), for timing.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Starts reading `start..end` of `file`; the bytes come when it is awaited.
fn start_read(
    file: &web_sys::File,
    start: f64,
    end: f64,
) -> Result<wasm_bindgen_futures::JsFuture, String> {
    let blob = file
        .slice_with_f64_and_f64(start, end)
        .map_err(|_| t("frikort.file_unreadable").to_owned())?;
    Ok(wasm_bindgen_futures::JsFuture::from(blob.array_buffer()))
}

async fn bytes_of(read: wasm_bindgen_futures::JsFuture) -> Result<Vec<u8>, String> {
    let buf = read
        .await
        .map_err(|_| t("frikort.file_unreadable").to_owned())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// A claim file read a slice at a time: CSV streamed, XLSX whole. The next
/// slice is being read while this one is checked.
struct FileReader {
    file: web_sys::File,
    size: f64,
    at: f64,
    stream: CsvStream,
    next: Option<wasm_bindgen_futures::JsFuture>,
    /// The file's fingerprint, fed every slice read (issue 24).
    fingerprint: Fingerprint,
}

impl FileReader {
    fn new(file: web_sys::File) -> Self {
        FileReader {
            size: file.size(),
            file,
            at: 0.0,
            stream: frikort::csv(),
            next: None,
            fingerprint: Fingerprint::default(),
        }
    }

    /// The share read so far (0–1).
    fn progress(&self) -> f64 {
        if self.size > 0.0 {
            self.at / self.size
        } else {
            1.0
        }
    }

    /// Reads the next slice, calling `on` for each record in it; `true`
    /// when the file is done.
    async fn step(&mut self, on: &mut dyn FnMut(Record<'_>)) -> Result<bool, String> {
        if self.at == 0.0 && self.next.is_none() {
            let head = bytes_of(start_read(&self.file, 0.0, 4.0_f64.min(self.size))?).await?;
            if head.starts_with(b"PK\x03\x04") {
                let bytes = bytes_of(start_read(&self.file, 0.0, self.size)?).await?;
                self.fingerprint.update(&bytes);
                read_xlsx(&bytes, on).map_err(file_error)?;
                self.at = self.size;
                return Ok(true);
            }
        }
        let end = (self.at + SLICE).min(self.size);
        let read = match self.next.take() {
            Some(read) => read,
            None => start_read(&self.file, self.at, end)?,
        };
        let bytes = bytes_of(read).await?;
        let last = end >= self.size;
        if !last {
            let next_end = (end + SLICE).min(self.size);
            self.next = Some(start_read(&self.file, end, next_end)?);
        }
        self.fingerprint.update(&bytes);
        self.stream.feed(&bytes, last, on).map_err(file_error)?;
        self.at = end;
        Ok(last)
    }
}

/// A file error in the chosen language (the domain's own text is bokmål).
fn file_error(e: FileError) -> String {
    // The column list joins optional columns with bokmål words.
    let allowed = |a: &str| {
        a.replace(
            " og eventuelt ",
            &format!(" {} ", t("frikort.file_and_optionally")),
        )
    };
    match e {
        FileError::Empty => t("frikort.file_empty").to_owned(),
        FileError::MissingColumn { column, allowed: a } => tf(
            "frikort.file_missing_column",
            &[("column", &column), ("allowed", &allowed(&a))],
        ),
        FileError::UnknownColumn { column, allowed: a } => tf(
            "frikort.file_unknown_column",
            &[("column", &column), ("allowed", &allowed(&a))],
        ),
        FileError::NoHeaderRow { allowed: a } => {
            tf("frikort.file_no_header", &[("allowed", &allowed(&a))])
        }
        FileError::DuplicateColumn { column } => {
            tf("frikort.file_duplicate_column", &[("column", &column)])
        }
        FileError::NotText => t("frikort.file_not_text").to_owned(),
        FileError::Workbook { reason } => tf("frikort.file_workbook", &[("reason", &reason)]),
    }
}

/// Sends one chunk, retrying a dropped connection a few times (the edge
/// answers a repeated chunk as the first time, so a retry never doubles).
async fn send_chunk(
    id: &str,
    n: u32,
    chunk: Chunk,
    status: RwSignal<Option<String>>,
) -> Result<(), String> {
    let mut tries = 0;
    loop {
        match api::put_chunk(id, n, &chunk).await {
            Ok(_) => return Ok(()),
            Err(ApiError::Network) if tries < 5 => {
                tries += 1;
                status.set(Some(tf(
                    "frikort.retrying_chunk",
                    &[
                        ("part", &(n + 1).to_string()),
                        ("tries", &tries.to_string()),
                    ],
                )));
                gloo_sleep(500 * tries).await;
            }
            Err(e) => return Err(e.text()),
        }
    }
}

/// An upload that has not finished, kept so it can resume after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Resume {
    claim_id: String,
    number: String,
    file_name: String,
    size: f64,
    modified: f64,
    aware: String,
}

fn line_context(aware: &str) -> LineContext {
    let local = use_session().view().is_some_and(|s| s.mode == "local");
    let today = today();
    LineContext {
        fnr: FnrContext {
            today,
            allow_synthetic: local,
        },
        received: today,
        aware: frist_domain::calendar::parse_date(aware),
    }
}

// --- check and send --------------------------------------------------------------

#[component]
pub fn NewClaimForm() -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let aware = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<f64>);
    let report = RwSignal::new(None::<FileReport>);
    // Invalid lines as (line, issue codes): compact, rendered only on download.
    let invalid = StoredValue::new_local(Vec::<(u64, Vec<frist_domain::Issue>)>::new());
    let elapsed_ms = RwSignal::new(None::<f64>);
    let failure = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<ClaimView>);
    let sending = RwSignal::new(None::<String>);
    let resume = RwSignal::new(draft::load::<Resume>(RESUME_KEY));
    let jump = RwSignal::new(String::new());
    // The file's fingerprint, and a claim already made from the same file
    // (issue 24): named before anything is sent; sent again only when the
    // user says so.
    let fingerprint = RwSignal::new(None::<String>);
    let earlier = RwSignal::new(None::<ClaimView>);
    let resend = RwSignal::new(false);

    let check = move || {
        let Some(f) = file.get_untracked() else {
            return;
        };
        report.set(None);
        failure.set(None);
        sent.set(None);
        fingerprint.set(None);
        earlier.set(None);
        resend.set(false);
        let ctx = line_context(&aware.get_untracked());
        leptos::task::spawn_local(async move {
            let started = now_ms();
            progress.set(Some(0.0));
            let mut checker = Checker::new(ctx);
            checker.expect_bytes(f.size() as u64);
            let mut bad = Vec::new();
            // The answers come in line order, a batch of lines at a time.
            let mut answer = |line_no, issues, line: Option<_>| {
                if line.is_none() {
                    bad.push((line_no, issues));
                }
            };
            let mut reader = FileReader::new(f);
            let result = loop {
                let step = reader.step(&mut |r| checker.push(&r, &mut answer)).await;
                progress.set(Some(reader.progress()));
                match step {
                    Ok(false) => yield_now().await,
                    Ok(true) => break Ok(()),
                    Err(e) => break Err(e),
                }
            };
            checker.finish(&mut answer);
            elapsed_ms.set(Some(now_ms() - started));
            match result {
                Ok(()) => {
                    report.set(Some(checker.report));
                    invalid.set_value(bad);
                }
                Err(e) => failure.set(Some(e)),
            }
            let fp = reader.fingerprint.finish();
            fingerprint.set(Some(fp.clone()));
            if let Ok(page) = api::claims_with_file(&fp).await {
                earlier.set(
                    page.items
                        .into_iter()
                        .find(|c| c.status != ClaimStatus::Receiving),
                );
            }
        });
    };
    let on_file = move |_| {
        let chosen = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|l| l.get(0));
        file.set(chosen);
        check();
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let dropped = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0));
        if dropped.is_some() {
            file.set(dropped);
            check();
        }
    };

    // Sends the valid lines: the file is read again, chunk by chunk, so a
    // million lines never sit in memory; chunks the edge has are skipped.
    let send = move || {
        let Some(f) = file.get_untracked() else {
            return;
        };
        let Some(rep) = report.get_untracked() else {
            return;
        };
        let aware_text = aware.get_untracked();
        let ctx = line_context(&aware_text);
        let chunks = rep.valid.div_ceil(CHUNK_LINES as u64) as u32;
        failure.set(None);
        leptos::task::spawn_local(async move {
            sending.set(Some(t("frikort.creating_claim").into()));
            let previous = resume.get_untracked().filter(|r| {
                r.file_name == f.name() && r.size == f.size() && r.modified == f.last_modified()
            });
            let claim = match previous {
                Some(r) => api::claim(&r.claim_id).await,
                None => {
                    let form = NewClaim {
                        file_name: f.name(),
                        aware: aware_text.clone(),
                        lines: rep.valid,
                        chunks,
                        fingerprint: fingerprint.get_untracked().unwrap_or_default(),
                        resend: resend.get_untracked(),
                    };
                    api::create_claim(&form, &api::new_idempotency_key()).await
                }
            };
            let claim = match claim {
                Ok(c) => c,
                Err(e) => {
                    let said: Vec<String> = e.issues().iter().map(issue).collect();
                    failure.set(Some(if said.is_empty() {
                        e.text()
                    } else {
                        said.join(" ")
                    }));
                    sending.set(None);
                    return;
                }
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
            resume.set(Some(saved));
            let mut checker = Checker::new(ctx);
            let mut batch: Vec<NumberedLine> = Vec::with_capacity(CHUNK_LINES);
            let mut ready: Vec<Vec<NumberedLine>> = Vec::new();
            let mut reader = FileReader::new(f);
            let mut n = 0u32;
            let mut error = None;
            // Reading and sending take turns: a slice is read, then the
            // chunks it completed are sent; memory holds one chunk or two.
            'file: loop {
                let step = reader
                    .step(&mut |r| {
                        let (_, line) = checker.check(&r);
                        if let (Some(_), Record::Line { line: no, fields }) = (line, r) {
                            batch.push(RawRef::from_fields(&fields).numbered(no));
                            if batch.len() == CHUNK_LINES {
                                ready.push(std::mem::take(&mut batch));
                            }
                        }
                    })
                    .await;
                let done = match step {
                    Ok(done) => done,
                    Err(e) => {
                        error = Some(e);
                        break;
                    }
                };
                if done && !batch.is_empty() {
                    ready.push(std::mem::take(&mut batch));
                }
                for lines in ready.drain(..) {
                    if !claim.chunks_received.contains(&n) {
                        sending.set(Some(tf(
                            "frikort.sending_part",
                            &[
                                ("part", &(n + 1).to_string()),
                                ("chunks", &chunks.to_string()),
                            ],
                        )));
                        if let Err(e) = send_chunk(&claim.id, n, Chunk { lines }, sending).await {
                            error = Some(e);
                            break 'file;
                        }
                    }
                    n += 1;
                }
                if done {
                    break;
                }
                yield_now().await;
            }
            if let Some(e) = error {
                failure.set(Some(tf("frikort.upload_saved", &[("error", &e)])));
                sending.set(None);
                return;
            }
            match api::submit_claim(&claim.id).await {
                Ok(done) => {
                    draft::clear(RESUME_KEY);
                    resume.set(None);
                    sent.set(Some(done));
                    // The receipt is the page now; focus moves to it.
                    yield_now().await;
                    crate::form::focus_id("receipt");
                }
                Err(e) => failure.set(Some(e.text())),
            }
            sending.set(None);
        });
    };

    // The error file is made when asked for, not with every render.
    let download_errors = move |_| {
        let mut csv = format!("{}\n", t("frikort.errors_csv_header"));
        invalid.with_value(|bad| {
            for (line, issues) in bad {
                let text: Vec<String> = issues.iter().map(issue).collect();
                csv.push_str(&format!(
                    "{line};\"{}\"\n",
                    text.join(" ").replace('"', "\"\"")
                ));
            }
        });
        save_text("feillinjer.csv", &csv);
    };

    view! {
        <h1 class="ds-heading" data-size="lg">{t("frikort.new_title")}</h1>
        <p class="ds-paragraph">
            {t("frikort.new_intro")}
        </p>
        {move || sent.get().map(|c| view! {
            <section id="receipt" class="frist-receipt" data-testid="receipt" tabindex="-1">
                <div class="ds-alert" data-color="success" role="status">
                    <h2 class="ds-heading" data-size="md">{t("frikort.sent_heading")}</h2>
                    <p class="ds-paragraph">{t("frikort.claim_number")}" "<strong data-testid="claim-number">{c.number.clone()}</strong></p>
                </div>
                <dl class="frist-facts">
                    <dt>{t("frikort.lines")}</dt><dd>{c.lines}</dd>
                    <dt>{t("frikort.claimed")}</dt><dd>{format_ore(c.claimed_ore)}</dd>
                    <dt>{t("frikort.helfo_pays_by")}</dt><dd>{c.due.map(nb).unwrap_or_default()}</dd>
                </dl>
                <A href=format!("/frikort/krav/{}", c.id)>{t("frikort.go_to_claim")}</A>
            </section>
        })}
        <Show when=move || sent.get().is_none()>
        {move || resume.get().map(|r| alert("warning", tf(
            "frikort.resume_notice",
            &[("file", &r.file_name), ("number", &r.number)],
        )))}
        <div class="frist-form">
            <div class="ds-field">
                <label class="ds-label" for="fk-aware">{t("frikort.aware_label")}</label>
                <div class="ds-paragraph frist-description" data-size="sm" id="fk-aware-description">
                    {t("frikort.aware_description")}
                </div>
                <input class="ds-input" id="fk-aware" aria-describedby="fk-aware-description"
                    prop:value=move || aware.get() on:input=move |ev| aware.set(event_target_value(&ev))/>
            </div>
            <div class="ds-field frist-drop" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop
                data-testid="drop-zone">
                <label class="ds-label" for="fk-file">{t("frikort.file_label")}</label>
                <input class="ds-input" type="file" id="fk-file" accept=".csv,.txt,.xlsx,text/csv"
                    node_ref=input on:change=on_file/>
                <p class="ds-paragraph" data-size="sm">{t("frikort.drop_hint")}</p>
            </div>
        </div>
        {move || progress.get().map(|p| view! {
            <div class="frist-progress" data-testid="progress">
                <label class="ds-label" for="fk-progress">{t("frikort.checking_file")}</label>
                <progress id="fk-progress" max="100" value=format!("{:.0}", p * 100.0)>{format!("{:.0} %", p * 100.0)}</progress>
                <span aria-live="polite">{format!(" {:.0} %", p * 100.0)}</span>
            </div>
        })}
        {move || failure.get().map(|t| alert("danger", t))}
        {move || report.get().map(|r| {
            let can_send = move || {
                r.valid > 0
                    && sending.get().is_none()
                    && sent.get().is_none()
                    && (earlier.get().is_none() || resend.get())
            };
            let first = r.first_issues.clone();
            view! {
                <section class="frist-panel" data-testid="check-report">
                    <h2 class="ds-heading" data-size="sm">{t("frikort.check_result")}</h2>
                    <dl class="frist-facts">
                        <dt>{t("frikort.lines")}</dt><dd data-testid="lines">{r.lines}</dd>
                        <dt>{t("frikort.valid_lines")}</dt><dd data-testid="valid">{r.valid}</dd>
                        <dt>{t("frikort.lines_with_errors")}</dt><dd>{r.with_errors}</dd>
                        <dt>{t("frikort.lines_with_warnings")}</dt><dd>{r.with_warnings}</dd>
                        <dt>{t("frikort.duplicates_in_file")}</dt><dd>{r.duplicates}</dd>
                        <dt>{t("frikort.time_barred")}</dt><dd>{r.time_barred}</dd>
                        <dt>{t("frikort.sent_late")}</dt><dd>{r.late}</dd>
                        <dt>{t("frikort.valid_sum")}</dt><dd>{format_ore(r.valid_amount_ore)}</dd>
                        {move || elapsed_ms.get().map(|ms| view! {
                            <dt>{t("frikort.check_time")}</dt><dd data-testid="elapsed" data-ms=format!("{ms:.0}")>{seconds(ms)}</dd>
                        })}
                    </dl>
                    <h3 class="ds-heading" data-size="xs">{t("frikort.issues_by_type")}</h3>
                    <ul class="ds-list" data-testid="by-code">
                        {r.by_code.iter().map(|(code, n)| {
                            let code = code.parse().ok();
                            let name = code.map_or_else(String::new, issue_name);
                            view! { <li>{format!("{name}: {n}")}</li> }
                        }).collect_view()}
                    </ul>
                    {(r.with_errors > 0).then(|| view! {
                        <p class="ds-paragraph">
                            <button class="ds-button" data-variant="tertiary" type="button" on:click=download_errors>
                                {t("frikort.download_errors")}
                            </button>
                        </p>
                    })}
                    {move || earlier.get().map(|e| view! {
                        <div class="ds-alert" data-color="warning" role="alert" data-testid="sent-before">
                            <p class="ds-paragraph">{tf("frikort.sent_before", &[
                                ("claim", &e.number),
                                ("date", &e.received_on.map(nb).unwrap_or_default()),
                            ])}</p>
                            <CheckboxField id="fk-resend" label=t("frikort.resend_label") value=resend/>
                        </div>
                    })}
                    <button class="ds-button" data-variant="primary" type="button" disabled=move || !can_send()
                        on:click=move |_| send()>{tf("frikort.send_valid", &[("n", &r.valid.to_string())])}</button>
                    {move || sending.get().map(|t| view! { <p class="ds-paragraph" role="status" aria-live="polite">{t}</p> })}
                    {(!first.is_empty()).then(|| view! {
                        <h3 class="ds-heading" data-size="xs">{tf("frikort.first_issue_lines", &[("n", &first.len().to_string())])}</h3>
                        <div class="frist-inline-form">
                            <label class="ds-label" for="fk-jump">{t("frikort.go_to_line")}</label>
                            <input class="ds-input" id="fk-jump" inputmode="numeric" prop:value=move || jump.get()
                                on:input=move |ev| jump.set(event_target_value(&ev))
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" {
                                    crate::form::focus_id(&format!("line-{}", jump.get_untracked().trim()));
                                }/>
                        </div>
                        <div class="frist-table-wrap">
                        <table class="ds-table" tabindex="0" data-testid="issue-lines">
                            <thead><tr><th scope="col">{t("frikort.line")}</th><th scope="col">{t("frikort.issue_or_remark")}</th></tr></thead>
                            <tbody>
                                {first.into_iter().map(|l| view! {
                                    <tr id=format!("line-{}", l.line) tabindex="-1">
                                        <td>{l.line}</td>
                                        <td>{l.issues.iter().map(issue).collect::<Vec<_>>().join(" ")}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    })}
                </section>
            }
        })}
        </Show>
    }
}

/// A duration in seconds with one decimal, the decimal sign the language's
/// own ("0,4 s" in Norwegian).
fn seconds(ms: f64) -> String {
    let text = format!("{:.1}\u{a0}s", ms / 1000.0);
    match crate::i18n::lang() {
        crate::i18n::Lang::En => text,
        _ => text.replace('.', ","),
    }
}

fn issue_name(code: frist_domain::IssueCode) -> String {
    use frist_domain::IssueCode as C;
    match code {
        C::Required => t("frikort.issue_required").into(),
        C::DateInvalid => t("frikort.issue_date_invalid").into(),
        C::AmountInvalid => t("frikort.issue_amount_invalid").into(),
        C::PayoutBeforeTransport => t("frikort.issue_payout_before_transport").into(),
        C::DateInFuture => t("frikort.issue_date_in_future").into(),
        C::TimeBarred => t("frikort.time_barred").into(),
        C::AmountAboveReturnTrip => t("frikort.issue_amount_above_return_trip").into(),
        C::LateSubmission => t("frikort.issue_late_submission").into(),
        C::RaggedRow => t("frikort.issue_ragged_row").into(),
        C::NotUtf8 => t("frikort.issue_not_utf8").into(),
        C::DuplicateTrip => t("frikort.issue_duplicate_trip").into(),
        c if c.as_str().starts_with("id_") => t("frikort.issue_invalid_fnr").into(),
        c => c.as_str().to_owned(),
    }
}

// --- claims --------------------------------------------------------------------------

#[component]
pub fn Claims() -> impl IntoView {
    let claims = RwSignal::new(Vec::<ClaimView>::new());
    let failure = RwSignal::new(None::<String>);
    load_all(claims, failure, |c| Box::pin(api::claims(c)));
    // `?vis=` from the front page's counts: claims Helfo has not settled,
    // by FK-3's date.
    let show = show_filter();
    let today = today();
    let shown = move || {
        let mut list = claims.get();
        if let Some(s) = show.get() {
            list.retain(|c| c.status == ClaimStatus::Received && s.keeps(c.due, today));
        }
        list
    };
    let hf = use_session()
        .view()
        .is_some_and(|s| s.user.role == Role::Hf);
    view! {
        <h1 class="ds-heading" data-size="lg">{t("frikort.claims_title")}</h1>
        <p class="ds-paragraph">{t("frikort.claims_intro")}</p>
        {hf.then(|| view! { <p class="ds-paragraph"><A href="/frikort/ny">{t("frikort.send_new_claim")}</A></p> })}
        {move || failure.get().map(|t| alert("danger", t))}
        {show_note(show, "/frikort/krav")}
        <div class="frist-table-wrap">
        <table class="ds-table" tabindex="0" data-testid="claim-table">
            <caption class="ds-sr-only">{t("frikort.claims_caption")}</caption>
            <thead><tr>
                <th scope="col">{t("frikort.claim")}</th><th scope="col">{t("frikort.health_trust")}</th><th scope="col">{t("frikort.status")}</th>
                <th scope="col">{t("frikort.pay_by")}</th><th scope="col">{t("frikort.lines")}</th>
                <th scope="col">{t("frikort.claimed")}</th><th scope="col">{t("frikort.approved")}</th><th scope="col">{t("frikort.paid")}</th>
            </tr></thead>
            <tbody>
                {move || shown().into_iter().map(|c| {
                    // FK-3's 30 days run while Helfo has not settled the claim.
                    let open = c.status == ClaimStatus::Received;
                    view! {
                        <tr>
                            <td><A href=format!("/frikort/krav/{}", c.id)>{c.number.clone()}</A></td>
                            <td>{c.organisation_name.clone()}</td>
                            <td>{name(c.status)}</td>
                            <td>{c.due.map(nb).unwrap_or_else(|| "–".into())}{c.due.filter(|_| open).and_then(due_tag)}</td>
                            <td>{c.lines}</td>
                            <td>{format_ore(c.claimed_ore)}</td>
                            <td>{format_ore(c.approved_ore)}</td>
                            <td>{if c.payments.is_empty() { "–".into() } else { format_ore(c.paid_ore) }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
pub fn ClaimDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.get().get("id").unwrap_or_default());
    let claim = RwSignal::new(None::<ClaimView>);
    let lines = RwSignal::new(Vec::<LineView>::new());
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let helfo = use_session()
        .view()
        .is_some_and(|s| s.user.role.sees_all_organisations());
    let reload = move || {
        // Also called after an answer, when the page may be gone.
        let Some(id) = id.try_get_untracked() else {
            return;
        };
        let for_lines = id.clone();
        leptos::task::spawn_local(async move {
            match api::claim(&id).await {
                Ok(c) => claim.set(Some(c)),
                Err(e) => failure.set(Some(e.text())),
            }
        });
        load_all(lines, failure, move |c| {
            Box::pin(api::claim_lines(for_lines.clone(), "issues", c))
        });
    };
    Effect::new(move |_| {
        id.track();
        reload();
    });
    let changed = move |r: Result<ClaimView, ApiError>, what: String| match r {
        Ok(c) => {
            claim.set(Some(c));
            failure.set(None);
            done.set(Some(what));
            reload();
        }
        Err(e) => {
            done.set(None);
            let detail: Vec<String> = e.issues().iter().map(issue).collect();
            failure.set(Some(if detail.is_empty() {
                e.text()
            } else {
                detail.join(" ")
            }));
        }
    };
    // Approving every clean line at once is asked first: an approved line
    // is paid with the next payment.
    let ask = RwSignal::new(None::<Question>);
    let approve_clean = Callback::new(move |()| {
        let id = id.get_untracked();
        leptos::task::spawn_local(async move {
            changed(
                api::approve_clean(&id).await,
                t("frikort.all_clean_approved").into(),
            );
        });
    });
    let decide = move |line: u64, decision: &'static str, reason: String, note: String| {
        let id = id.get_untracked();
        leptos::task::spawn_local(async move {
            let form = DecisionForm {
                decision: decision.into(),
                reason,
                note,
                ..Default::default()
            };
            changed(
                api::decide_line(&id, line, &form).await,
                tf("frikort.line_decided", &[("line", &line.to_string())]),
            );
        });
    };
    move || {
        let Some(c) = claim.get() else {
            return view! {
                <BackLink fallback=("/frikort/krav", "frikort.all_claims") lists=CLAIM_LISTS/>
                {loading_or_failure(failure, "frikort.loading")}
            }
            .into_any();
        };
        let report = format!("/api/v1/frikort/claims/{}/report", c.id);
        let settling = helfo && c.status == ClaimStatus::Received;
        view! {
            <Breadcrumbs list=("/frikort/krav", "nav.frikort") current=c.number.clone()/>
            <BackLink fallback=("/frikort/krav", "frikort.all_claims") lists=CLAIM_LISTS/>
            <h1 class="ds-heading" data-size="lg">{tf("frikort.claim_title", &[("number", &c.number)])}</h1>
            {move || failure.get().map(|t| alert("danger", t))}
            {move || done.get().map(|t| alert("success", t))}
            <dl class="frist-facts" data-testid="claim-facts">
                <dt>{t("frikort.health_trust")}</dt><dd>{c.organisation_name.clone()}</dd>
                <dt>{t("frikort.status")}</dt><dd data-testid="claim-status">{name(c.status)}</dd>
                <dt>{t("frikort.file")}</dt><dd>{c.file_name.clone()}</dd>
                <dt>{t("frikort.received")}</dt><dd>{c.received_on.map(nb).unwrap_or_else(|| "–".into())}</dd>
                <dt>{t("frikort.pay_by")}</dt><dd>{c.due.map(nb).unwrap_or_else(|| "–".into())}</dd>
                <dt>{t("frikort.lines")}</dt><dd>{tf("frikort.lines_summary", &[
                    ("lines", &c.lines.to_string()),
                    ("valid", &c.valid_lines.to_string()),
                    ("undecided", &c.undecided.to_string()),
                ])}</dd>
                <dt>{t("frikort.claimed")}</dt><dd>{format_ore(c.claimed_ore)}</dd>
                <dt>{t("frikort.approved")}</dt><dd data-testid="approved">{format_ore(c.approved_ore)}</dd>
                <dt>{t("frikort.paid")}</dt><dd data-testid="paid">{if c.payments.is_empty() { "–".into() } else { format_ore(c.paid_ore) }}</dd>
                <dt>{t("frikort.payable")}</dt><dd data-testid="payable">{tf("frikort.payable_summary", &[
                    ("amount", &format_ore(c.payable_ore)), ("lines", &c.payable_lines.to_string()),
                ])}</dd>
                {(c.repayment_ore > 0).then(|| view! {
                    <dt>{t("frikort.repayment_demanded")}</dt><dd>{format_ore(c.repayment_ore)}</dd>
                })}
            </dl>
            <Payments c=c.clone()/>
            <p class="ds-paragraph"><a class="ds-link" href=report download="">{t("frikort.download_report")}</a></p>
            {settling.then(|| view! {
                <section class="frist-panel" data-testid="settle">
                    <h2 class="ds-heading" data-size="sm">{t("frikort.settlement")}</h2>
                    <button class="ds-button" data-variant="secondary" type="button"
                        on:click=move |_| ask.set(Some(Question {
                            title: t("frikort.approve_all_confirm_title").to_owned(),
                            body: t("frikort.approve_all_confirm_body").to_owned(),
                            yes: t("frikort.approve_all_confirm_yes").to_owned(),
                        }))>
                        {t("frikort.approve_all_clean")}
                    </button>
                    <Confirm id="approve-all-confirm" ask=ask on_yes=approve_clean/>
                    <PaymentForm c=c.clone() changed=changed/>
                </section>
            })}
            {(helfo && !c.payments.is_empty()).then(|| view! { <RepaymentForm c=c.clone() changed=changed/> })}
            <h2 class="ds-heading" data-size="sm">{t("frikort.lines_with_issues")}</h2>
            <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="claim-lines">
                <thead><tr>
                    <th scope="col">{t("frikort.line")}</th><th scope="col">{t("frikort.patient")}</th><th scope="col">{t("frikort.trip")}</th>
                    <th scope="col">{t("frikort.amount")}</th><th scope="col">{t("frikort.issue_or_remark")}</th><th scope="col">{t("frikort.decision")}</th>
                </tr></thead>
                <tbody>
                    {move || lines.get().into_iter().map(|l| {
                        let decided = match (l.decision, l.reason) {
                            (Some(Decision::Approved), _) if l.payment.is_some() => tf("frikort.decided_paid", &[
                                ("amount", &l.approved_ore.map(format_ore).unwrap_or_default()),
                                ("payment", &l.payment.map(|n| n.to_string()).unwrap_or_default()),
                            ]),
                            (Some(Decision::Approved), _) => tf("frikort.decided_approved", &[("amount", &l.approved_ore.map(format_ore).unwrap_or_default())]),
                            (Some(Decision::Rejected), Some(r)) => tf("frikort.decided_rejected_reason", &[("reason", name(r))]),
                            (Some(Decision::Rejected), None) => t("frikort.decided_rejected").into(),
                            (None, _) => t("frikort.not_decided").into(),
                        };
                        let open = settling && l.decision.is_none();
                        let reason = RwSignal::new(Reason::WrongAmount.as_str().to_owned());
                        let note = RwSignal::new(String::new());
                        let n = l.line;
                        view! {
                            <tr>
                                <td>{l.line}</td>
                                <td>{l.fnr_masked.clone()}</td>
                                <td>{l.transport.map(nb).unwrap_or_default()}</td>
                                <td>{l.amount_ore.map(format_ore).unwrap_or_default()}</td>
                                <td>{l.issues.iter().map(issue).collect::<Vec<_>>().join(" ")}</td>
                                <td>
                                    {decided}
                                    {open.then(|| view! {
                                        <div class="frist-actions">
                                            <button class="ds-button" data-size="sm" data-variant="secondary" type="button"
                                                aria-label=tf("frikort.approve_line_label", &[("line", &n.to_string())]) on:click=move |_| decide(n, "approved", String::new(), String::new())>{t("frikort.approve")}</button>
                                            <label class="ds-sr-only" for=format!("fk-reason-{n}")>{tf("frikort.reason_for_line", &[("line", &n.to_string())])}</label>
                                            <select class="ds-input" id=format!("fk-reason-{n}") prop:value=move || reason.get()
                                                on:change=move |ev| reason.set(event_target_value(&ev))>
                                                {Reason::iter().map(|r| view! { <option value=r.as_str()>{name(r)}</option> }).collect_view()}
                                            </select>
                                            <label class="ds-sr-only" for=format!("fk-note-{n}")>{tf("frikort.note_for_line", &[("line", &n.to_string())])}</label>
                                            <input class="ds-input" id=format!("fk-note-{n}") type="text" placeholder=t("frikort.note_placeholder")
                                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                                            <button class="ds-button" data-size="sm" data-variant="tertiary" type="button"
                                                aria-label=tf("frikort.reject_line_label", &[("line", &n.to_string())]) on:click=move |_| decide(n, "rejected", reason.get_untracked(), note.get_untracked())>{t("frikort.reject")}</button>
                                        </div>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        }
        .into_any()
    }
}

/// FK-4/FK-9: the payments so far, each with the lines it paid.
#[component]
fn Payments(c: ClaimView) -> impl IntoView {
    (!c.payments.is_empty()).then(|| {
        view! {
            <h2 class="ds-heading" data-size="sm">{t("frikort.payments")}</h2>
            <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="payments">
                <thead><tr>
                    <th scope="col">{t("frikort.payment_n")}</th><th scope="col">{t("frikort.paid_on")}</th>
                    <th scope="col">{t("frikort.amount")}</th><th scope="col">{t("frikort.lines")}</th>
                    <th scope="col">{t("frikort.account")}</th><th scope="col">{t("frikort.repayment_demanded")}</th>
                </tr></thead>
                <tbody>
                    {c.payments.into_iter().map(|p| view! {
                        <tr>
                            <td>{p.n}</td>
                            <td>{nb(p.paid_on)}</td>
                            <td>{format_ore(p.amount_ore)}</td>
                            <td>{p.lines}</td>
                            <td>{account_text(&p.account)}</td>
                            <td>{if p.repaid_ore > 0 {
                                format!("{} – {}", format_ore(p.repaid_ore), p.repayment_reason.unwrap_or_default())
                            } else {
                                "–".into()
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        }
    })
}

/// An account number as people write it (ID-5: `XXXX XX XXXXX`).
fn account_text(account: &str) -> String {
    account
        .parse::<frist_domain::ids::Kontonummer>()
        .map_or_else(|_| account.to_owned(), |k| k.to_string())
}

/// FK-4/FK-9: the payment of the approved lines not yet paid, to the
/// account the RHF has set (ID-5) — lines still disputed do not hold it
/// back. The domain's check runs as the caseworker types; errors show
/// after the first attempt to send, then follow every change (the Aksel
/// timing).
#[component]
fn PaymentForm<F>(c: ClaimView, changed: F) -> impl IntoView
where
    F: Fn(Result<ClaimView, ApiError>, String) + Copy + 'static,
{
    let paid_on = RwSignal::new(nb(today()));
    let amount = RwSignal::new(
        format_ore(c.payable_ore)
            .replace(['\u{a0}', 'k', 'r'], "")
            .trim()
            .to_owned(),
    );
    let account = RwSignal::new(String::new());
    let (id, version) = (c.id.clone(), c.version);
    let (lines, payable) = (c.payable_lines, c.payable_ore);
    let on_record = c.payout_account.clone();
    let shown_account = on_record.as_deref().map(account_text);
    let form = move || PaymentForm {
        paid_on: paid_on.get(),
        amount: amount.get(),
        account: account.get(),
    };
    let check = Memo::new(move |_| {
        form()
            .check(lines, payable, on_record.as_deref(), today())
            .err()
    });
    let (errors, field, summary, tried) = crate::form::checked_fields(check, "fk-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready_to_send(check, tried, summary) {
            return;
        }
        let form = form();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            changed(
                api::pay_claim(&id, version, &form).await,
                t("frikort.payment_registered").into(),
            );
        });
    };
    view! {
        <form class="frist-inline-form" on:submit=submit novalidate data-testid="payment-form">
            <h3 class="ds-heading" data-size="xs">{t("frikort.register_payment")}</h3>
            <p class="ds-paragraph" data-size="sm" data-testid="payment-account">{match shown_account {
                Some(k) => tf("frikort.pays_to", &[("account", &k)]),
                None => t("frikort.no_payout_account").into(),
            }}</p>
            <ErrorSummary errors=errors node_ref=summary/>
            <crate::form::TextField id="fk-paid_on" label=t("frikort.paid_on") value=paid_on error=field("fk-paid_on")/>
            <crate::form::TextField id="fk-amount" label=t("frikort.amount_payable") value=amount error=field("fk-amount")/>
            <crate::form::TextField id="fk-account" label=t("frikort.rhf_account") description=t("frikort.rhf_account_hint")
                value=account error=field("fk-account")/>
            <button class="ds-button" data-variant="primary" type="submit">{t("frikort.register_payment")}</button>
        </form>
    }
}

/// FK-7: a demand that the HF repay part of one payment — not when Helfo's
/// own wrong information caused the advance.
#[component]
fn RepaymentForm<F>(c: ClaimView, changed: F) -> impl IntoView
where
    F: Fn(Result<ClaimView, ApiError>, String) + Copy + 'static,
{
    let payment = RwSignal::new(
        c.payments
            .last()
            .map(|p| p.n.to_string())
            .unwrap_or_default(),
    );
    let amount = RwSignal::new(String::new());
    let cause = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let (id, version) = (c.id.clone(), c.version);
    let payments = c.payments.clone();
    let form = move || RepaymentForm {
        payment: payment.get(),
        amount: amount.get(),
        cause: cause.get(),
        reason: reason.get(),
    };
    let check = Memo::new(move |_| form().check(&payments, today()).err());
    let (errors, field, summary, tried) = crate::form::checked_fields(check, "fk-repay-");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready_to_send(check, tried, summary) {
            return;
        }
        let form = form();
        let id = id.clone();
        leptos::task::spawn_local(async move {
            changed(
                api::demand_repayment(&id, version, &form).await,
                t("frikort.repayment_registered").into(),
            );
        });
    };
    let payment_options: Vec<(String, String)> = c
        .payments
        .iter()
        .map(|p| {
            let label = tf(
                "frikort.payment_option",
                &[
                    ("n", &p.n.to_string()),
                    ("date", &nb(p.paid_on)),
                    ("amount", &format_ore(p.amount_ore)),
                ],
            );
            (p.n.to_string(), label)
        })
        .collect();
    let causes: Vec<(String, String)> = RepaymentCause::iter()
        .map(|c| (<&str>::from(c).to_owned(), name(c).to_owned()))
        .collect();
    view! {
        <form class="frist-inline-form frist-panel" on:submit=submit novalidate data-testid="repayment-form">
            <h2 class="ds-heading" data-size="sm">{t("frikort.demand_repayment")}</h2>
            <ErrorSummary errors=errors node_ref=summary/>
            <crate::form::SelectField id="fk-repay-payment" label=t("frikort.payment") value=payment
                options=payment_options error=field("fk-repay-payment")/>
            <crate::form::TextField id="fk-repay-amount" label=t("frikort.amount") value=amount error=field("fk-repay-amount")/>
            <crate::form::SelectField id="fk-repay-cause" label=t("frikort.repayment_cause") description=t("frikort.repayment_cause_hint")
                value=cause options=causes error=field("fk-repay-cause")/>
            <crate::form::TextField id="fk-repay-reason" label=t("frikort.reason") value=reason error=field("fk-repay-reason")/>
            <button class="ds-button" data-variant="secondary" type="submit">{t("frikort.register_demand")}</button>
        </form>
    }
}
