//! `/fristbrudd/statistikk`: Helfo's service-level dashboard (FB-11) and its chart.

use frist_domain::fristbrudd::MonthStats;
use leptos::prelude::*;

use crate::api;
use crate::form::{alert, month_name};
use crate::i18n::{t, tf};

#[component]
pub fn Stats() -> impl IntoView {
    let stats = LocalResource::new(api::fb_stats);
    move || {
        match stats.get() {
        None => view! { <p class="ds-paragraph">{t("fristbrudd.loading")}</p> }.into_any(),
        Some(Err(e)) => alert("danger", e.text()).into_any(),
        Some(Ok(months)) => view! {
            <h1 class="ds-heading" data-size="lg">
                {t("fristbrudd.stats_title")}
            </h1>
            <p class="ds-paragraph">{t("fristbrudd.stats_intro")}</p>
            <Chart months=months.clone() />
            <div class="frist-table-wrap">
                <table class="ds-table" tabindex="0" data-testid="stats-table">
                    <caption>{t("fristbrudd.stats_caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("fristbrudd.th_month")}</th>
                            <th scope="col">{t("fristbrudd.th_cases")}</th>
                            <th scope="col">{t("fristbrudd.th_answered")}</th>
                            <th scope="col">{t("fristbrudd.th_within")}</th>
                            <th scope="col">{t("fristbrudd.th_share")}</th>
                            <th scope="col">{t("fristbrudd.th_mean")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {months
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <tr>
                                        <td>{month_name(&m.month, false)}</td>
                                        <td>{m.cases}</td>
                                        <td>{m.with_outcome}</td>
                                        <td>{m.within_limit}</td>
                                        <td>
                                            {share(&m)
                                                .map_or_else(|| "–".into(), |p| format!("{p:.0} %"))}
                                        </td>
                                        <td>
                                            {m
                                                .mean_working_days
                                                .map_or_else(
                                                    || "–".into(),
                                                    |d| format!("{d:.1}").replace('.', ","),
                                                )}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
    }
}

/// A month's bar: all its cases, the part within the limit, the count,
/// the month and the share within the limit.
fn bar(m: &MonthStats, x: f64, bar_w: f64, h: f64, max: u32) -> impl IntoView + use<> {
    let total = h * f64::from(m.cases) / f64::from(max);
    let within = h * f64::from(m.within_limit) / f64::from(max);
    view! {
        <g>
            <rect x=x y=h - total width=bar_w height=total fill="#c7dff0" stroke="#1e5b8a" />
            <rect x=x y=h - within width=bar_w height=within fill="url(#within)" />
            <text x=x + bar_w / 2.0 y=h - total - 4.0 text-anchor="middle" font-size="12">
                {m.cases}
            </text>
            <text x=x + bar_w / 2.0 y=h + 16.0 text-anchor="middle" font-size="11">
                {month_name(&m.month, true)}
            </text>
            <text x=x + bar_w / 2.0 y=h + 32.0 text-anchor="middle" font-size="11">
                {share(m).map_or_else(|| "–".into(), |p| format!("{p:.0} %"))}
            </text>
        </g>
    }
}

/// The share of cases with an outcome that came within the limit, in %.
fn share(m: &MonthStats) -> Option<f64> {
    (m.with_outcome > 0).then(|| 100.0 * f64::from(m.within_limit) / f64::from(m.with_outcome))
}

/// Bars of cases per month, the part within the limit filled darker and
/// patterned (not by colour alone), with the numbers written on them.
#[component]
fn Chart(months: Vec<MonthStats>) -> impl IntoView {
    let max = months.iter().map(|m| m.cases).max().unwrap_or(1).max(1);
    let bar_w = 48.0;
    let gap = 16.0;
    let h = 180.0;
    let width = (months.len() as f64) * (bar_w + gap) + gap;
    let label = tf(
        "fristbrudd.chart_label",
        &[("n", &months.len().to_string())],
    );
    view! {
        <figure class="frist-chart" data-testid="stats-chart">
            <svg
                role="img"
                aria-label=label
                viewBox=format!("0 0 {width} {}", h + 40.0)
                width="100%"
                height="240"
                preserveAspectRatio="xMinYMin meet"
            >
                <defs>
                    <pattern
                        id="within"
                        width="6"
                        height="6"
                        patternUnits="userSpaceOnUse"
                        patternTransform="rotate(45)"
                    >
                        <rect width="6" height="6" fill="#1e5b8a" />
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" />
                    </pattern>
                </defs>
                {months
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let x = gap + i as f64 * (bar_w + gap);
                        bar(m, x, bar_w, h, max)
                    })
                    .collect_view()}
            </svg>
            <figcaption class="ds-paragraph" data-size="sm">
                {t("fristbrudd.chart_caption")}
            </figcaption>
        </figure>
    }
}
