//! A case's history, each event at the local time it happened.

use frist_domain::fristbrudd::{Actor, CaseView};
use leptos::prelude::*;

use crate::form::nb;
use crate::i18n::{name, t};

#[component]
pub(super) fn History(c: CaseView) -> impl IntoView {
    view! {
        <h2 class="ds-heading" data-size="sm">
            {t("fristbrudd.history")}
        </h2>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="history">
                <caption class="ds-sr-only">{t("fristbrudd.history_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("fristbrudd.th_time")}</th>
                        <th scope="col">{t("fristbrudd.th_who")}</th>
                        <th scope="col">{t("fristbrudd.th_what")}</th>
                        <th scope="col">{t("fristbrudd.th_state_after")}</th>
                    </tr>
                </thead>
                <tbody>
                    {c
                        .history
                        .into_iter()
                        .map(|h| {
                            let who = match h.actor {
                                Actor::Site => t("fristbrudd.actor_site"),
                                Actor::Helfo => "Helfo",
                                Actor::System => t("fristbrudd.actor_system"),
                            };
                            let what = match h.date {
                                Some(d) => format!("{} ({})", name(h.event), nb(d)),
                                None => name(h.event).to_owned(),
                            };
                            view! {
                                <tr>
                                    <td>{local_time(&h.at)}</td>
                                    <td>{who}</td>
                                    <td>{what}</td>
                                    <td>{name(h.to_state)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// An RFC 3339 UTC timestamp as Oslo time, `dd.mm.åååå tt:mm`.
fn local_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Oslo)
                .format("%d.%m.%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_owned())
}
