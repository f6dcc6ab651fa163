//! `/frikort/ny`: checking a claim file line by line, then sending it.

use frist_domain::frikort::{
    CHUNK_LINES, Chunk, ClaimStatus, ClaimView, FileReport, NewClaim, format_ore,
};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::form::{CheckboxField, alert, draft, nb, save_text, yield_now};
use crate::i18n::{issue, t, tf};

use super::file_reader::{RESUME_KEY, Resume, claim_context, failure_text, now_ms, send_chunk};

#[component]
pub fn NewClaimForm() -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let aware = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<f64>);
    let report = RwSignal::new(None::<FileReport>);
    // The check now running: an answer to an earlier one (another file
    // was chosen meanwhile) is dropped.
    let generation = StoredValue::new(0u32);
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
        let ctx = claim_context(&aware.get_untracked());
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let current = move || generation.get_value() == this;
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
            elapsed_ms.set(Some(now_ms() - started));
            let fp = match outcome {
                Ok((result, fp)) => {
                    match result {
                        Ok(r) => report.set(Some(r)),
                        Err(e) => failure.set(Some(failure_text(&e))),
                    }
                    fp
                }
                Err(e) => {
                    failure.set(Some(failure_text(&e)));
                    return;
                }
            };
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
        let ctx = claim_context(&aware_text);
        let chunks_total = rep.valid.div_ceil(CHUNK_LINES as u64) as u32;
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
                        chunks: chunks_total,
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
            // The checker worker reads the file again and hands over its
            // valid lines a chunk at a time; each is sent before the next is
            // asked for, so memory holds one chunk.
            let mut n = 0u32;
            let mut error = None;
            match crate::checker::Chunks::open(f, ctx).await {
                Err(e) => error = Some(failure_text(&e)),
                Ok(mut chunks) => loop {
                    let lines = match chunks.next().await {
                        Ok(Some(lines)) => lines,
                        Ok(None) => break,
                        Err(e) => {
                            error = Some(failure_text(&e));
                            break;
                        }
                    };
                    if !claim.chunks_received.contains(&n) {
                        sending.set(Some(tf(
                            "frikort.sending_part",
                            &[
                                ("part", &(n + 1).to_string()),
                                ("chunks", &chunks_total.to_string()),
                            ],
                        )));
                        if let Err(e) = send_chunk(&claim.id, n, Chunk { lines }, sending).await {
                            error = Some(e);
                            break;
                        }
                    }
                    n += 1;
                },
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

    // The error file is made when asked for, from the lines with errors
    // the checker worker kept.
    let download_errors = move |_| {
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
        C::DateOutOfRange => t("frikort.issue_date_out_of_range").into(),
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
