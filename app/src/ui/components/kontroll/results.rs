//! The claims-control report: the findings, line by line.

use frist_domain::kontroll::{BatchReport, DoctorSummary, Tariffs, rule_of};
use frist_domain::messages::format_kroner;
use leptos::prelude::*;

use crate::form::{alert, save_text};
use crate::i18n::{issue, t, tf};

use super::names::{role_text, rule_name};

/// Findings listed on the page; all of them are in the download.
const SHOWN: usize = 200;

#[component]
pub(super) fn Results(
    r: BatchReport,
    file_name: String,
    doctor_filter: RwSignal<String>,
) -> impl IntoView {
    let inexact: Vec<String> = r
        .tariff_years
        .iter()
        .filter(|u| !u.exact)
        .map(|u| {
            tf(
                "kontroll.inexact_year",
                &[("n", &u.bills.to_string()), ("year", &u.year.to_string())],
            )
        })
        .collect();
    let issues = r.issues.clone();
    let new_doctors: Vec<DoctorSummary> = r
        .doctors
        .iter()
        .filter(|d| d.new_doctor && !d.missing.is_empty())
        .cloned()
        .collect();
    let tariff = Tariffs::builtin().years().last();
    let takst_text = move |code: &str| -> String {
        tariff
            .and_then(|y| y.takst(code))
            .map_or_else(String::new, |takst| takst.text.clone())
    };
    view! {
        <section class="frist-panel" data-testid="kontroll-report">
            <h2 class="ds-heading" data-size="sm">{tf("kontroll.result_heading", &[("file", &file_name)])}</h2>
            {inexact.into_iter().map(|text| alert("warning", text)).collect_view()}
            <dl class="frist-facts">
                <dt>{t("kontroll.bills")}</dt><dd data-testid="bills">{r.bills}</dd>
                <dt>{t("kontroll.with_errors_rejected")}</dt><dd data-testid="with-errors">{r.with_errors}</dd>
                <dt>{t("kontroll.with_warnings")}</dt><dd data-testid="with-warnings">{r.with_warnings}</dd>
            </dl>
            <h3 class="ds-heading" data-size="xs">{t("kontroll.findings_by_rule")}</h3>
            <ul class="ds-list" data-testid="by-rule">
                {r.by_rule.iter().map(|(rule, n)| view! {
                    <li data-rule=rule.clone()>{format!("{}: {n}", rule_name(rule))}</li>
                }).collect_view()}
            </ul>
            {(!new_doctors.is_empty()).then(|| view! {
                <div class="ds-alert" data-color="info" role="status" data-testid="missing-takster">
                    <h3 class="ds-heading" data-size="xs">{t("kontroll.missing_heading")}</h3>
                    <p class="ds-paragraph">{t("kontroll.missing_text")}</p>
                    <ul class="ds-list">
                        {new_doctors.iter().map(|d| view! {
                            <li>
                                {format!("{} ({}): ", d.hpr, role_text(d.role))}
                                {d.missing.iter().map(|c| format!("{c} ({})", takst_text(c))).collect::<Vec<_>>().join(", ")}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <h3 class="ds-heading" data-size="xs">{t("kontroll.per_doctor")}</h3>
            <div class="frist-table-wrap">
                <table class="ds-table" tabindex="0" data-testid="per-doctor">
                    <thead><tr>
                        <th scope="col">{t("kontroll.col_hpr")}</th><th scope="col">{t("kontroll.col_role")}</th>
                        <th scope="col">{t("kontroll.bills")}</th><th scope="col">{t("kontroll.col_with_errors")}</th>
                        <th scope="col">{t("kontroll.with_warnings")}</th><th scope="col">{t("kontroll.col_refund")}</th>
                        <th scope="col">{t("kontroll.col_findings")}</th>
                    </tr></thead>
                    <tbody>
                        {r.doctors.iter().map(|d| {
                            let refund: i64 = d.months.iter().map(|m| m.refund_ore).sum();
                            let unpriced: u64 = d.months.iter().map(|m| m.unpriced).sum();
                            let rules = d.by_rule.keys().map(|k| rule_name(k)).collect::<Vec<_>>().join(", ");
                            view! {
                                <tr data-hpr=d.hpr.clone()>
                                    <th scope="row">{d.hpr.clone()}{d.new_doctor.then(|| format!(" {}", t("kontroll.new_doctor")))}</th>
                                    <td>{role_text(d.role)}</td>
                                    <td>{d.bills}</td><td>{d.with_errors}</td><td>{d.with_warnings}</td>
                                    <td>{format_kroner(refund)}{(unpriced > 0).then(|| format!(" {}", tf("kontroll.unpriced", &[("n", &unpriced.to_string())])))}</td>
                                    <td>{if rules.is_empty() { "–".to_owned() } else { rules }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {r.doctors.iter().any(|d| d.months.iter().any(|m| m.unpriced > 0)).then(|| view! {
                <p class="ds-paragraph" data-size="sm" data-testid="unpriced-note">{t("kontroll.unpriced_note")}</p>
            })}
            {(!issues.is_empty()).then(|| {
                let doctors: Vec<String> = r.doctors.iter().filter(|d| d.by_rule.values().sum::<u64>() > 0).map(|d| d.hpr.clone()).collect();
                let rules: Vec<String> = r.by_rule.keys().cloned().collect();
                let rule_filter = RwSignal::new(String::new());
                let issues = StoredValue::new(issues);
                // Every finding as (line, doctor, rule, severity, text), filtered.
                let shown = move || -> Vec<(u64, String, String, &'static str, String)> {
                    let (doctor, rule) = (doctor_filter.get(), rule_filter.get());
                    issues.with_value(|all| {
                        all.iter()
                            .filter(|b| doctor.is_empty() || b.hpr == doctor)
                            .flat_map(|b| b.report.issues.iter().map(move |i| (b, i)))
                            .filter(|(_, i)| rule.is_empty() || rule_of(i) == rule)
                            .map(|(b, i)| {
                                let severity = if i.severity == frist_domain::Severity::Error { t("kontroll.severity_error") } else { t("kontroll.severity_remark") };
                                (b.line, b.hpr.clone(), rule_of(i).to_owned(), severity, issue(i))
                            })
                            .collect()
                    })
                };
                let download = move |_| {
                    let mut csv = format!("{}\n", t("kontroll.csv_header"));
                    for (line, hpr, rule, severity, text) in shown() {
                        csv.push_str(&format!("{line};{hpr};{rule};{severity};\"{}\"\n", text.replace('"', "\"\"")));
                    }
                    save_text("kontrollfunn.csv", &csv);
                };
                view! {
                <h3 class="ds-heading" data-size="xs">{t("kontroll.bills_with_issues")}</h3>
                <div class="frist-inline-form">
                    <div class="ds-field">
                        <label class="ds-label" for="kt-filter">{t("kontroll.filter_doctor")}</label>
                        <select class="ds-input" id="kt-filter" on:change=move |ev| doctor_filter.set(event_target_value(&ev))>
                            <option value="">{t("kontroll.all_doctors")}</option>
                            {doctors.into_iter().map(|h| view! { <option value=h.clone()>{h.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for="kt-rule">{t("kontroll.filter_rule")}</label>
                        <select class="ds-input" id="kt-rule" on:change=move |ev| rule_filter.set(event_target_value(&ev))>
                            <option value="">{t("kontroll.all_rules")}</option>
                            {rules.into_iter().map(|r| view! { <option value=r.clone()>{rule_name(&r)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {move || {
                    let rows = shown();
                    let total = rows.len();
                    view! {
                        <p class="ds-paragraph" data-size="sm" role="status" data-testid="shown-count">
                            {if total > SHOWN { tf("kontroll.shown_first", &[("shown", &SHOWN.to_string()), ("total", &total.to_string())]) } else { tf("kontroll.shown_all", &[("total", &total.to_string())]) }}
                            " "
                            <button class="ds-button" data-variant="tertiary" data-size="sm" type="button" on:click=download>
                                {t("kontroll.download")}
                            </button>
                        </p>
                        <div class="frist-table-wrap">
                            <table class="ds-table" tabindex="0" data-testid="bill-issues">
                                <thead><tr>
                                    <th scope="col">{t("kontroll.col_line")}</th><th scope="col">{t("kontroll.col_doctor")}</th>
                                    <th scope="col">{t("kontroll.col_rule")}</th><th scope="col">{t("kontroll.col_what_is_wrong")}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().take(SHOWN).map(|(line, hpr, rule, severity, text)| view! {
                                        <tr data-line=line data-rule=rule.clone()>
                                            <td>{line}</td>
                                            <td>{hpr}</td>
                                            <td>{format!("{severity}: {}", rule_name(&rule))}</td>
                                            <td>{text}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                }}
            }})}
        </section>
    }
}
