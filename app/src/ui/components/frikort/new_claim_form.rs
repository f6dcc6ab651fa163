//! `/frikort/ny`: checking a claim file line by line, then sending it.

use leptos::prelude::*;

use crate::form::alert;
use crate::i18n::{t, tf};

use super::check_report::CheckReport;
use super::claim_receipt::ClaimReceipt;
use super::claim_upload::Upload;
use super::file_chooser::FileChooser;

#[component]
pub fn NewClaimForm() -> impl IntoView {
    let upload = Upload::new();
    let Upload {
        progress,
        report,
        failure,
        sent,
        resume,
        ..
    } = upload;
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("frikort.new_title")}
        </h1>
        <p class="ds-paragraph">{t("frikort.new_intro")}</p>
        {move || sent.get().map(|c| view! { <ClaimReceipt c=c /> })}
        <Show when=move || {
            sent.get().is_none()
        }>
            {move || {
                resume
                    .get()
                    .map(|r| alert(
                        "warning",
                        tf(
                            "frikort.resume_notice",
                            &[("file", &r.file_name), ("number", &r.number)],
                        ),
                    ))
            }} <FileChooser upload=upload />
            {move || {
                progress
                    .get()
                    .map(|p| {
                        view! {
                            <div class="frist-progress" data-testid="progress">
                                <label class="ds-label" for="fk-progress">
                                    {t("frikort.checking_file")}
                                </label>
                                <progress
                                    id="fk-progress"
                                    max="100"
                                    value=format!("{:.0}", p * 100.0)
                                >
                                    {format!("{:.0} %", p * 100.0)}
                                </progress>
                                <span aria-live="polite">{format!(" {:.0} %", p * 100.0)}</span>
                            </div>
                        }
                    })
            }} {move || failure.get().map(|t| alert("danger", t))}
            {move || report.get().map(|r| view! { <CheckReport r=r upload=upload /> })}
        </Show>
    }
}
