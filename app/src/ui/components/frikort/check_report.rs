//! The result of checking a claim file: the counts, the issues by type, a
//! claim already made from the same file, the button that sends the valid
//! lines, and the first lines with issues.

use frist_domain::frikort::{ClaimView, FileReport, LineIssues, format_ore};
use leptos::prelude::*;

use crate::form::{CheckboxField, nb};
use crate::i18n::{issue, t, tf};

use super::claim_upload::Upload;

#[component]
pub(super) fn CheckReport(r: FileReport, upload: Upload) -> impl IntoView {
    let Upload {
        sending,
        sent,
        earlier,
        resend,
        elapsed_ms,
        ..
    } = upload;
    let can_send = move || {
        r.valid > 0
            && sending.get().is_none()
            && sent.get().is_none()
            && (earlier.get().is_none() || resend.get())
    };
    let first = r.first_issues.clone();
    view! {
        <section class="frist-panel" data-testid="check-report">
            <h2 class="ds-heading" data-size="sm">
                {t("frikort.check_result")}
            </h2>
            <Facts r=r.clone() elapsed_ms=elapsed_ms />
            <h3 class="ds-heading" data-size="xs">
                {t("frikort.issues_by_type")}
            </h3>
            <ul class="ds-list" data-testid="by-code">
                {r
                    .by_code
                    .iter()
                    .map(|(code, n)| {
                        let code = code.parse().ok();
                        let name = code.map_or_else(String::new, issue_name);
                        view! { <li>{format!("{name}: {n}")}</li> }
                    })
                    .collect_view()}
            </ul>
            {(r.with_errors > 0)
                .then(|| {
                    view! {
                        <p class="ds-paragraph">
                            <button
                                class="ds-button"
                                data-variant="tertiary"
                                type="button"
                                on:click=move |_| upload.download_errors()
                            >
                                {t("frikort.download_errors")}
                            </button>
                        </p>
                    }
                })}
            <SentBefore earlier=earlier resend=resend />
            <button
                class="ds-button"
                data-variant="primary"
                type="button"
                disabled=move || !can_send()
                on:click=move |_| upload.send()
            >
                {tf("frikort.send_valid", &[("n", &r.valid.to_string())])}
            </button>
            {move || {
                sending
                    .get()
                    .map(|t| {
                        view! {
                            <p class="ds-paragraph" role="status" aria-live="polite">
                                {t}
                            </p>
                        }
                    })
            }}
            {(!first.is_empty()).then(|| view! { <IssueLines first=first jump=upload.jump /> })}
        </section>
    }
}

/// The counts of the check, and how long it took.
#[component]
fn Facts(r: FileReport, elapsed_ms: RwSignal<Option<f64>>) -> impl IntoView {
    view! {
        <dl class="frist-facts">
            <dt>{t("frikort.lines")}</dt>
            <dd data-testid="lines">{r.lines}</dd>
            <dt>{t("frikort.valid_lines")}</dt>
            <dd data-testid="valid">{r.valid}</dd>
            <dt>{t("frikort.lines_with_errors")}</dt>
            <dd>{r.with_errors}</dd>
            <dt>{t("frikort.lines_with_warnings")}</dt>
            <dd>{r.with_warnings}</dd>
            <dt>{t("frikort.duplicates_in_file")}</dt>
            <dd>{r.duplicates}</dd>
            <dt>{t("frikort.time_barred")}</dt>
            <dd>{r.time_barred}</dd>
            <dt>{t("frikort.sent_late")}</dt>
            <dd>{r.late}</dd>
            <dt>{t("frikort.valid_sum")}</dt>
            <dd>{format_ore(r.valid_amount_ore)}</dd>
            {move || {
                elapsed_ms
                    .get()
                    .map(|ms| {
                        view! {
                            <dt>{t("frikort.check_time")}</dt>
                            <dd data-testid="elapsed" data-ms=format!("{ms:.0}")>
                                {seconds(ms)}
                            </dd>
                        }
                    })
            }}
        </dl>
    }
}

/// A claim already made from the same file, and the box that allows sending
/// it again.
#[component]
fn SentBefore(earlier: RwSignal<Option<ClaimView>>, resend: RwSignal<bool>) -> impl IntoView {
    move || {
        earlier.get().map(|e| {
            view! {
                <div class="ds-alert" data-color="warning" role="alert" data-testid="sent-before">
                    <p class="ds-paragraph">
                        {tf(
                            "frikort.sent_before",
                            &[
                                ("claim", &e.number),
                                ("date", &e.received_on.map(nb).unwrap_or_default()),
                            ],
                        )}
                    </p>
                    <CheckboxField id="fk-resend" label=t("frikort.resend_label") value=resend />
                </div>
            }
        })
    }
}

/// The first lines with issues, and a field to jump to one by number.
#[component]
fn IssueLines(first: Vec<LineIssues>, jump: RwSignal<String>) -> impl IntoView {
    view! {
        <h3 class="ds-heading" data-size="xs">
            {tf("frikort.first_issue_lines", &[("n", &first.len().to_string())])}
        </h3>
        <div class="frist-inline-form">
            <label class="ds-label" for="fk-jump">
                {t("frikort.go_to_line")}
            </label>
            <input
                class="ds-input"
                id="fk-jump"
                inputmode="numeric"
                prop:value=move || jump.get()
                on:input=move |ev| jump.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        crate::form::focus_id(&format!("line-{}", jump.get_untracked().trim()));
                    }
                }
            />
        </div>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="issue-lines">
                <thead>
                    <tr>
                        <th scope="col">{t("frikort.line")}</th>
                        <th scope="col">{t("frikort.issue_or_remark")}</th>
                    </tr>
                </thead>
                <tbody>
                    {first
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr id=format!("line-{}", l.line) tabindex="-1">
                                    <td>{l.line}</td>
                                    <td>
                                        {l.issues.iter().map(issue).collect::<Vec<_>>().join(" ")}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
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
