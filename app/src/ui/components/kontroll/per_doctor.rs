//! The control's results per doctor, and the takster a new doctor has not
//! billed yet.

use frist_domain::kontroll::{DoctorSummary, Tariffs};
use frist_domain::messages::format_kroner;
use leptos::prelude::*;

use crate::i18n::{t, tf};

use super::names::{role_text, rule_name};

#[component]
pub(super) fn PerDoctor(doctors: Vec<DoctorSummary>) -> impl IntoView {
    view! {
        <h3 class="ds-heading" data-size="xs">
            {t("kontroll.per_doctor")}
        </h3>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="per-doctor">
                <thead>
                    <tr>
                        <th scope="col">{t("kontroll.col_hpr")}</th>
                        <th scope="col">{t("kontroll.col_role")}</th>
                        <th scope="col">{t("kontroll.bills")}</th>
                        <th scope="col">{t("kontroll.col_with_errors")}</th>
                        <th scope="col">{t("kontroll.with_warnings")}</th>
                        <th scope="col">{t("kontroll.col_refund")}</th>
                        <th scope="col">{t("kontroll.col_findings")}</th>
                    </tr>
                </thead>
                <tbody>
                    {doctors
                        .iter()
                        .map(|d| {
                            let refund: i64 = d.months.iter().map(|m| m.refund_ore).sum();
                            let unpriced: u64 = d.months.iter().map(|m| m.unpriced).sum();
                            let rules = d
                                .by_rule
                                .keys()
                                .map(|k| rule_name(k))
                                .collect::<Vec<_>>()
                                .join(", ");
                            view! {
                                <tr data-hpr=d.hpr.clone()>
                                    <th scope="row">
                                        {d.hpr.clone()}
                                        {d
                                            .new_doctor
                                            .then(|| format!(" {}", t("kontroll.new_doctor")))}
                                    </th>
                                    <td>{role_text(d.role)}</td>
                                    <td>{d.bills}</td>
                                    <td>{d.with_errors}</td>
                                    <td>{d.with_warnings}</td>
                                    <td>
                                        {format_kroner(refund)}
                                        {(unpriced > 0)
                                            .then(|| {
                                                format!(
                                                    " {}",
                                                    tf("kontroll.unpriced", &[("n", &unpriced.to_string())]),
                                                )
                                            })}
                                    </td>
                                    <td>
                                        {if rules.is_empty() { "–".to_owned() } else { rules }}
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

/// New doctors and the takster they have not billed yet, named from the
/// newest tariff year.
#[component]
pub(super) fn MissingTakster(new_doctors: Vec<DoctorSummary>) -> impl IntoView {
    let tariff = Tariffs::builtin().years().last();
    let takst_text = move |code: &str| -> String {
        tariff
            .and_then(|y| y.takst(code))
            .map_or_else(String::new, |takst| takst.text.clone())
    };
    view! {
        <div class="ds-alert" data-color="info" role="status" data-testid="missing-takster">
            <h3 class="ds-heading" data-size="xs">
                {t("kontroll.missing_heading")}
            </h3>
            <p class="ds-paragraph">{t("kontroll.missing_text")}</p>
            <ul class="ds-list">
                {new_doctors
                    .iter()
                    .map(|d| {
                        view! {
                            <li>
                                {format!("{} ({}): ", d.hpr, role_text(d.role))}
                                {d
                                    .missing
                                    .iter()
                                    .map(|c| format!("{c} ({})", takst_text(c)))
                                    .collect::<Vec<_>>()
                                    .join(", ")}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
