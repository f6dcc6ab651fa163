//! The notification form's live deadline check: the deadlines the dates give.

use frist_domain::fristbrudd::{self as fb, BreachKind};
use leptos::prelude::*;

use crate::form::{nb, today};
use crate::i18n::{t, tf};

/// FB-1 as the user types: where the fristdato stands against today, and
/// when Helfo's first answer is due if the notice goes today.
#[component]
pub(super) fn FristCheck(fristdato: RwSignal<String>, kind: RwSignal<String>) -> impl IntoView {
    let text = move || {
        let frist = frist_domain::calendar::parse_date(&fristdato.get())?;
        let today = today();
        let days = (frist - today).num_days();
        let date = nb(frist);
        let when = match days {
            d if d < 0 => tf(
                "fristbrudd.check_past",
                &[("date", &date), ("days", &(-d).to_string())],
            ),
            0 => tf("fristbrudd.check_today", &[("date", &date)]),
            d => tf(
                "fristbrudd.check_future",
                &[("date", &date), ("days", &d.to_string())],
            ),
        };
        let kind_text = match kind.get().parse::<BreachKind>() {
            Ok(BreachKind::Occurred) if days >= 0 => Some(t("fristbrudd.check_occurred_not_past")),
            Ok(BreachKind::Expected) if days < 0 => Some(t("fristbrudd.check_expected_past")),
            Ok(_) => Some(t("fristbrudd.check_matches")),
            Err(_) => None,
        };
        let service =
            fb::service_limit(today).map(|d| tf("fristbrudd.check_service", &[("date", &nb(d))]));
        let mut parts = vec![when];
        parts.extend(kind_text.map(str::to_owned));
        parts.extend(service);
        Some(parts.join(" "))
    };
    view! {
        <p
            class="ds-paragraph frist-live"
            data-size="sm"
            data-testid="frist-check"
            aria-live="polite"
        >
            {move || text().unwrap_or_else(|| t("fristbrudd.check_hint").into())}
        </p>
    }
}
