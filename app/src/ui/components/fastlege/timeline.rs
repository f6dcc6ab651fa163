//! The timing of a fastlege message: its class, the consequences of moving
//! it, and the timeline the dates give.

use frist_domain::fastlege::{MessageKind, Timing, TimingClass};
use leptos::prelude::*;

use crate::form::nb;
use crate::i18n::{t, tf};

/// FL-6: what the class means for citizens, in the chosen language.
fn consequences(class: TimingClass) -> Vec<&'static str> {
    match class {
        TimingClass::I => vec![
            t("fastlege.consequence_visible"),
            t("fastlege.consequence_i_letters"),
        ],
        TimingClass::II => vec![
            t("fastlege.consequence_visible"),
            t("fastlege.consequence_ii_post"),
            t("fastlege.consequence_ii_late"),
        ],
        TimingClass::III => vec![
            t("fastlege.consequence_visible"),
            t("fastlege.consequence_iii_stays"),
            t("fastlege.consequence_iii_epicrisis"),
        ],
    }
}

/// FL-9: the consequence the clerk confirms, in words.
pub(super) fn moves_in_words(count: u32, to: &str) -> String {
    let to = to.trim();
    match count {
        1 => tf("fastlege.moves_one", &[("to", to)]),
        n => tf("fastlege.moves_many", &[("n", &n.to_string()), ("to", to)]),
    }
}

/// The FL-6 class and what it means, in plain words.
#[component]
pub(super) fn ClassBox(class: TimingClass) -> impl IntoView {
    let color = match class {
        TimingClass::I => "success",
        TimingClass::II => "warning",
        TimingClass::III => "danger",
    };
    view! {
        <div class="ds-alert" data-color=color role="status" data-testid="timing-class">
            <h3 class="ds-heading" data-size="xs">
                {tf("fastlege.class_heading", &[("class", class.as_str())])}
            </h3>
            <ul class="ds-list">
                {consequences(class).into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// FL-4 … FL-7: the dates that matter, in order.
#[component]
pub(super) fn Timeline(
    timing: Timing,
    today: chrono::NaiveDate,
    kind: MessageKind,
) -> impl IntoView {
    let mut points: Vec<(chrono::NaiveDate, String)> =
        vec![(today, t("fastlege.timeline_today").into())];
    if timing.sent != today {
        points.push((timing.sent, t("fastlege.timeline_sent").into()));
    }
    points.push((
        timing.expected_registration,
        t("fastlege.timeline_expected").into(),
    ));
    if let Some(d) = timing.fourteen_day_line {
        points.push((d, t("fastlege.timeline_fourteen_days").into()));
    }
    if let Some(d) = timing.termination {
        points.push((d, t("fastlege.timeline_termination").into()));
    }
    if let Some(d) = timing.chase_from {
        points.push((d, t("fastlege.timeline_chase").into()));
    }
    if let Some(d) = timing.visible_from {
        points.push((d, t("fastlege.timeline_visible").into()));
    }
    // A new agreement or list starts; any other change takes effect.
    if let Some(d) = timing.start {
        let label = match kind {
            MessageKind::NewGp | MessageKind::NewVacantList => t("fastlege.timeline_start"),
            _ => t("fastlege.timeline_effective"),
        };
        points.push((d, label.into()));
    }
    points.sort_by_key(|(d, _)| *d);
    view! {
        <ol class="frist-timeline" data-testid="timeline">
            {points
                .into_iter()
                .map(|(d, label)| {
                    view! {
                        <li>
                            <span class="frist-timeline__date">{nb(d)}</span>
                            " "
                            <span>{label}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
