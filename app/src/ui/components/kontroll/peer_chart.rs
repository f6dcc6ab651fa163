//! The chart comparing a doctor with the peer group.

use frist_domain::kontroll::{PeerGroup, PeerPoint, PeerView};
use leptos::prelude::*;

use crate::form::alert;
use crate::i18n::{t, tf};

use super::names::decimal;

#[component]
pub(super) fn PeerChart(v: PeerView) -> impl IntoView {
    let d = &v.distribution;
    let max = d
        .points
        .iter()
        .map(|p| p.per_patient)
        .fold(d.threshold, f64::max)
        .max(1.0)
        * 1.1;
    let (w, left, right) = (640.0, 40.0, 20.0);
    let x = move |value: f64| left + (w - left - right) * value / max;
    let own: Vec<_> = d.points.iter().filter(|p| p.own).cloned().collect();
    let label = tf(
        "kontroll.chart_label",
        &[
            ("doctors", &d.points.len().to_string()),
            ("organisations", &v.organisations.to_string()),
            ("month", &crate::form::month_name(&v.month, false)),
            ("median", &decimal(d.median, 2)),
            ("threshold", &decimal(d.threshold, 2)),
        ],
    );
    let peers_text = peers_text(&v);
    view! {
        <figure class="frist-chart" data-testid="peer-chart">
            <p class="ds-paragraph" data-size="sm">
                {peers_text}
            </p>
            {(!d.enough_peers).then(|| alert("info", t("kontroll.too_few_peers").into()))}
            <svg
                role="img"
                aria-label=label
                viewBox=format!("0 0 {w} 150")
                width="100%"
                height="180"
            >
                <line x1=left y1="90" x2=w - right y2="90" stroke="#555" />
                {(0..=4)
                    .map(|i| {
                        let value = max * f64::from(i) / 4.0;
                        view! {
                            <text x=x(value) y="110" text-anchor="middle" font-size="11">
                                {decimal(value, 1)}
                            </text>
                        }
                    })
                    .collect_view()}
                <text x=left y="130" font-size="11">
                    {t("kontroll.chart_axis")}
                </text>
                {reference_line(x(d.median), "#1e5b8a", "2 2", "kontroll.chart_median")}
                {reference_line(x(d.threshold), "#b00020", "6 3", "kontroll.chart_limit")}
                {d
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let cx = x(p.per_patient);
                        let cy = 80.0 - (i % 4) as f64 * 8.0;
                        marker(p, cx, cy)
                    })
                    .collect_view()}
            </svg>
            <figcaption class="ds-paragraph" data-size="sm">
                {t("kontroll.chart_caption_start")}
                {decimal(d.k, 1)}
                {t("kontroll.chart_caption_end")}
            </figcaption>
        </figure>
        <OwnFigures own=own median=d.median threshold=d.threshold />
    }
}

/// A dashed vertical line across the chart at `at`, named above it.
fn reference_line(
    at: f64,
    stroke: &'static str,
    dash: &'static str,
    key: &'static str,
) -> impl IntoView {
    view! {
        <line x1=at y1="20" x2=at y2="95" stroke=stroke stroke-dasharray=dash />
        <text x=at y="14" text-anchor="middle" font-size="11">
            {t(key)}
        </text>
    }
}

/// One doctor's mark: an unusual own doctor a red triangle with the HPR
/// number, another own doctor a blue square, a peer a grey dot.
fn marker(p: &PeerPoint, cx: f64, cy: f64) -> AnyView {
    if p.own && p.outlier {
        view! {
            <g>
                <polygon
                    points=format!(
                        "{},{} {},{} {},{}",
                        cx,
                        cy - 7.0,
                        cx - 6.0,
                        cy + 4.0,
                        cx + 6.0,
                        cy + 4.0,
                    )
                    fill="#b00020"
                />
                <text x=cx y=cy - 10.0 text-anchor="middle" font-size="11">
                    {tf("kontroll.chart_unusual", &[("hpr", &p.hpr)])}
                </text>
            </g>
        }
        .into_any()
    } else if p.own {
        view! {
            <g>
                <rect x=cx - 4.0 y=cy - 4.0 width="8" height="8" fill="#1e5b8a" />
            </g>
        }
        .into_any()
    } else {
        view! {
            <g>
                <circle cx=cx cy=cy r="3.5" fill="#9a9a9a" />
            </g>
        }
        .into_any()
    }
}

/// Who the doctors are compared with, in words.
fn peers_text(v: &PeerView) -> String {
    let class = match v.size_class.as_str() {
        "small" => t("kontroll.size_small"),
        "medium" => t("kontroll.size_medium"),
        "large" => t("kontroll.size_large"),
        _ => t("kontroll.size_all"),
    };
    match v.peers {
        PeerGroup::Class => tf("kontroll.compared_with_class", &[("class", class)]),
        PeerGroup::All => t("kontroll.compared_with_all").to_owned(),
    }
}

/// The municipality's own doctors against the median and the limit, and
/// how many are unusual.
#[component]
fn OwnFigures(own: Vec<PeerPoint>, median: f64, threshold: f64) -> impl IntoView {
    let flagged = own.iter().filter(|p| p.outlier).count();
    view! {
        <p class="ds-paragraph" role="status" data-testid="outlier-count">
            {tf("kontroll.outlier_count", &[("n", &flagged.to_string())])}
        </p>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="peer-table">
                <thead>
                    <tr>
                        <th scope="col">{t("kontroll.col_hpr")}</th>
                        <th scope="col">{t("kontroll.col_per_patient")}</th>
                        <th scope="col">{t("kontroll.col_median")}</th>
                        <th scope="col">{t("kontroll.col_limit")}</th>
                        <th scope="col">{t("kontroll.col_assessment")}</th>
                    </tr>
                </thead>
                <tbody>
                    {own
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr data-hpr=p.hpr.clone() data-outlier=p.outlier.to_string()>
                                    <th scope="row">{p.hpr.clone()}</th>
                                    <td>{decimal(p.per_patient, 2)}</td>
                                    <td>{decimal(median, 2)}</td>
                                    <td>{decimal(threshold, 2)}</td>
                                    <td>
                                        {if p.outlier {
                                            t("kontroll.outlier_yes")
                                        } else {
                                            t("kontroll.outlier_no")
                                        }}
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
