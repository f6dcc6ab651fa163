//! The claims-control report: the findings, line by line.

use frist_domain::kontroll::{BatchReport, DoctorSummary};
use leptos::prelude::*;

use crate::form::alert;
use crate::i18n::{t, tf};

use super::bill_issues::BillIssues;
use super::names::rule_name;
use super::per_doctor::{MissingTakster, PerDoctor};

#[component]
pub(super) fn Results(
    r: BatchReport,
    file_name: String,
    doctor_filter: RwSignal<String>,
) -> impl IntoView {
    let inexact = inexact_years(&r);
    let issues = r.issues.clone();
    let new_doctors: Vec<DoctorSummary> = r
        .doctors
        .iter()
        .filter(|d| d.new_doctor && !d.missing.is_empty())
        .cloned()
        .collect();
    let unpriced = r
        .doctors
        .iter()
        .any(|d| d.months.iter().any(|m| m.unpriced > 0));
    view! {
        <section class="frist-panel" data-testid="kontroll-report">
            <h2 class="ds-heading" data-size="sm">
                {tf("kontroll.result_heading", &[("file", &file_name)])}
            </h2>
            {inexact.into_iter().map(|text| alert("warning", text)).collect_view()}
            {counts(&r)}
            {(!new_doctors.is_empty())
                .then(|| view! { <MissingTakster new_doctors=new_doctors /> })}
            <PerDoctor doctors=r.doctors.clone() />
            {unpriced
                .then(|| {
                    view! {
                        <p class="ds-paragraph" data-size="sm" data-testid="unpriced-note">
                            {t("kontroll.unpriced_note")}
                        </p>
                    }
                })}
            {(!issues.is_empty())
                .then(|| {
                    let doctors: Vec<String> = r
                        .doctors
                        .iter()
                        .filter(|d| d.by_rule.values().sum::<u64>() > 0)
                        .map(|d| d.hpr.clone())
                        .collect();
                    let rules: Vec<String> = r.by_rule.keys().cloned().collect();
                    view! {
                        <BillIssues
                            issues=issues
                            doctors=doctors
                            rules=rules
                            doctor_filter=doctor_filter
                        />
                    }
                })}
        </section>
    }
}

/// The bills checked against a year not exactly their own (dated after the
/// last tariff year frist has), by year.
fn inexact_years(r: &BatchReport) -> Vec<String> {
    r.tariff_years
        .iter()
        .filter(|u| !u.exact)
        .map(|u| {
            tf(
                "kontroll.inexact_year",
                &[("n", &u.bills.to_string()), ("year", &u.year.to_string())],
            )
        })
        .collect()
}

/// How many bills, how many rejected or warned about, and the findings by
/// rule.
fn counts(r: &BatchReport) -> impl IntoView + use<> {
    view! {
        <dl class="frist-facts">
            <dt>{t("kontroll.bills")}</dt>
            <dd data-testid="bills">{r.bills}</dd>
            <dt>{t("kontroll.with_errors_rejected")}</dt>
            <dd data-testid="with-errors">{r.with_errors}</dd>
            <dt>{t("kontroll.with_warnings")}</dt>
            <dd data-testid="with-warnings">{r.with_warnings}</dd>
        </dl>
        <h3 class="ds-heading" data-size="xs">
            {t("kontroll.findings_by_rule")}
        </h3>
        <ul class="ds-list" data-testid="by-rule">
            {r
                .by_rule
                .iter()
                .map(|(rule, n)| {
                    view! { <li data-rule=rule.clone()>{format!("{}: {n}", rule_name(rule))}</li> }
                })
                .collect_view()}
        </ul>
    }
}
