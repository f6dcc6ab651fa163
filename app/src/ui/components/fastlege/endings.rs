//! The agreements ending (with FL-7's chase dates) and the GPs reaching
//! the age limit, as the dashboard and Helfo's chase list show them.

use frist_domain::fastlege::{self as fl, Ending};
use leptos::prelude::*;

use crate::form::{due_tag, nb};
use crate::i18n::{t, tf};

pub(super) fn endings_table(rows: Vec<Ending>, helfo: bool, testid: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! {
            <p class="ds-paragraph" data-testid=testid>
                {t("fastlege.none")}
            </p>
        }
        .into_any();
    }
    view! {
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{t("fastlege.col_termination")}</th>
                        {helfo
                            .then(|| {
                                view! { <th scope="col">{t("fastlege.col_municipality")}</th> }
                            })}
                        <th scope="col">{t("fastlege.col_gp")}</th>
                        <th scope="col">{t("fastlege.col_agreement_ends")}</th>
                        <th scope="col">{t("fastlege.col_chase_from")}</th>
                        <th scope="col">{t("fastlege.col_followed_up")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|e| {
                            view! {
                                <tr>
                                    <td>{e.number}</td>
                                    {helfo
                                        .then(|| view! { <td>{e.organisation_name.clone()}</td> })}
                                    <td>{e.gp_name}</td>
                                    <td>{nb(e.termination)}</td>
                                    // The message was due the day before Helfo chases.
                                    <td>
                                        {nb(e.chase_from)}
                                        {e
                                            .followed_up_by
                                            .is_none()
                                            .then(|| e.chase_from.pred_opt().and_then(due_tag))
                                            .flatten()}
                                        // FL-7: the day Helfo e-mailed the municipality (issue 26).
                                        {e
                                            .chased_on
                                            .map(|d| {
                                                view! {
                                                    <span
                                                        class="ds-tag"
                                                        data-color="info"
                                                        data-size="sm"
                                                        data-testid="chased-on"
                                                    >
                                                        {tf("fastlege.chased_on", &[("date", &nb(d))])}
                                                    </span>
                                                }
                                            })}
                                    </td>
                                    <td>
                                        {e
                                            .followed_up_by
                                            .unwrap_or_else(|| t("fastlege.no").into())}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// FL-1: GPs reaching the age limit within 12 months (Helfo: with their
/// municipality — seed 001: Helfo follows these up itself).
pub(super) fn age_limit_list(rows: Vec<fl::AgeLimit>, helfo: bool) -> impl IntoView {
    view! {
        <h2 class="ds-heading" data-size="sm">
            {tf("fastlege.age_limit_heading", &[("age", &fl::AGE_LIMIT.to_string())])}
        </h2>
        {if rows.is_empty() {
            view! {
                <p class="ds-paragraph" data-testid="age-limit">
                    {t("fastlege.no_known_birth_dates")}
                </p>
            }
                .into_any()
        } else {
            view! {
                <ul class="ds-list" data-testid="age-limit">
                    {rows
                        .into_iter()
                        .map(|a| {
                            let place = if helfo {
                                format!(", {}", a.organisation_name)
                            } else {
                                String::new()
                            };
                            view! {
                                <li>
                                    {format!(
                                        "{} (HPR {}{place}) – {}",
                                        a.gp_name,
                                        a.gp_hpr,
                                        nb(a.reaches_limit_on),
                                    )}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}
