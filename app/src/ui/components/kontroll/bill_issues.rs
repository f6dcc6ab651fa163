//! The control's findings line by line, filtered by doctor and rule; the
//! first [`SHOWN`] on the page, every one in the download.

use frist_domain::kontroll::{BillResult, rule_of};
use leptos::prelude::*;

use crate::form::save_text;
use crate::i18n::{issue, t, tf};

use super::names::rule_name;

/// Findings listed on the page; all of them are in the download.
const SHOWN: usize = 200;

/// A finding as (line, doctor, rule, severity, text).
type Finding = (u64, String, String, &'static str, String);

#[component]
pub(super) fn BillIssues(
    issues: Vec<BillResult>,
    doctors: Vec<String>,
    rules: Vec<String>,
    doctor_filter: RwSignal<String>,
) -> impl IntoView {
    let rule_filter = RwSignal::new(String::new());
    let issues = StoredValue::new(issues);
    // Every finding, filtered.
    let shown = move || -> Vec<Finding> {
        let (doctor, rule) = (doctor_filter.get(), rule_filter.get());
        issues.with_value(|all| {
            all.iter()
                .filter(|b| doctor.is_empty() || b.hpr == doctor)
                .flat_map(|b| b.report.issues.iter().map(move |i| (b, i)))
                .filter(|(_, i)| rule.is_empty() || rule_of(i) == rule)
                .map(|(b, i)| finding(b, i))
                .collect()
        })
    };
    let download = move |_| {
        let mut csv = format!("{}\n", t("kontroll.csv_header"));
        for (line, hpr, rule, severity, text) in shown() {
            csv.push_str(&format!(
                "{line};{hpr};{rule};{severity};\"{}\"\n",
                text.replace('"', "\"\"")
            ));
        }
        save_text("kontrollfunn.csv", &csv);
    };
    view! {
        <h3 class="ds-heading" data-size="xs">
            {t("kontroll.bills_with_issues")}
        </h3>
        <div class="frist-inline-form">
            <div class="ds-field">
                <label class="ds-label" for="kt-filter">
                    {t("kontroll.filter_doctor")}
                </label>
                <select
                    class="ds-input"
                    id="kt-filter"
                    on:change=move |ev| doctor_filter.set(event_target_value(&ev))
                >
                    <option value="">{t("kontroll.all_doctors")}</option>
                    {doctors
                        .into_iter()
                        .map(|h| view! { <option value=h.clone()>{h.clone()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="kt-rule">
                    {t("kontroll.filter_rule")}
                </label>
                <select
                    class="ds-input"
                    id="kt-rule"
                    on:change=move |ev| rule_filter.set(event_target_value(&ev))
                >
                    <option value="">{t("kontroll.all_rules")}</option>
                    {rules
                        .into_iter()
                        .map(|r| view! { <option value=r.clone()>{rule_name(&r)}</option> })
                        .collect_view()}
                </select>
            </div>
        </div>
        {move || view! { <FindingTable rows=shown() download=download /> }}
    }
}

/// One finding of a bill, as listed and downloaded.
fn finding(b: &BillResult, i: &frist_domain::Issue) -> Finding {
    let severity = if i.severity == frist_domain::Severity::Error {
        t("kontroll.severity_error")
    } else {
        t("kontroll.severity_remark")
    };
    (
        b.line,
        b.hpr.clone(),
        rule_of(i).to_owned(),
        severity,
        issue(i),
    )
}

/// How many findings there are, the download, and the first [`SHOWN`].
#[component]
fn FindingTable(
    rows: Vec<Finding>,
    download: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let total = rows.len();
    view! {
        <p class="ds-paragraph" data-size="sm" role="status" data-testid="shown-count">
            {if total > SHOWN {
                tf(
                    "kontroll.shown_first",
                    &[("shown", &SHOWN.to_string()), ("total", &total.to_string())],
                )
            } else {
                tf("kontroll.shown_all", &[("total", &total.to_string())])
            }}
            " "
            <button
                class="ds-button"
                data-variant="tertiary"
                data-size="sm"
                type="button"
                on:click=download
            >
                {t("kontroll.download")}
            </button>
        </p>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="bill-issues">
                <thead>
                    <tr>
                        <th scope="col">{t("kontroll.col_line")}</th>
                        <th scope="col">{t("kontroll.col_doctor")}</th>
                        <th scope="col">{t("kontroll.col_rule")}</th>
                        <th scope="col">{t("kontroll.col_what_is_wrong")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .take(SHOWN)
                        .map(|(line, hpr, rule, severity, text)| {
                            view! {
                                <tr data-line=line data-rule=rule.clone()>
                                    <td>{line}</td>
                                    <td>{hpr}</td>
                                    <td>{format!("{severity}: {}", rule_name(&rule))}</td>
                                    <td>{text}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
