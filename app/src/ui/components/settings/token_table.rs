//! The tokens the user has made, each with its state and a revoke button.

use frist_domain::api::TokenView;
use leptos::prelude::*;

use crate::i18n::{t, tf};

/// A time stamp from the edge (`2026-03-20T10:00:00.000Z`) as a date.
pub fn day(at: &str) -> String {
    at.get(..10)
        .and_then(|d| d.parse::<chrono::NaiveDate>().ok())
        .map_or_else(|| at.to_owned(), crate::form::nb)
}

#[component]
pub fn TokenTable(list: Vec<TokenView>, revoke: Callback<TokenView>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="ds-paragraph">{t("settings.no_tokens")}</p> }.into_any();
    }
    view! {
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="token-list">
                <thead>
                    <tr>
                        <th scope="col">{t("settings.col_name")}</th>
                        <th scope="col">{t("settings.col_created")}</th>
                        <th scope="col">{t("settings.col_last_used")}</th>
                        <th scope="col">{t("settings.col_expires")}</th>
                        <th scope="col">{t("settings.col_status")}</th>
                        <th scope="col">
                            <span class="ds-sr-only">{t("settings.col_action")}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|tok| {
                            let status = match (&tok.revoked_at, tok.active) {
                                (Some(at), _) => tf("settings.revoked_on", &[("date", &day(at))]),
                                (None, false) => t("settings.expired").to_owned(),
                                (None, true) => t("settings.active").to_owned(),
                            };
                            let row = tok.clone();
                            view! {
                                <tr>
                                    <td>{tok.name.clone()}</td>
                                    <td>{day(&tok.created_at)}</td>
                                    <td>
                                        {tok
                                            .last_used_at
                                            .as_deref()
                                            .map_or_else(|| t("settings.never").to_owned(), day)}
                                    </td>
                                    <td>{day(&tok.expires_at)}</td>
                                    <td>{status}</td>
                                    <td>
                                        {tok
                                            .active
                                            .then(|| {
                                                view! {
                                                    <button
                                                        class="ds-button"
                                                        data-variant="tertiary"
                                                        data-size="sm"
                                                        type="button"
                                                        aria-label=tf(
                                                            "settings.revoke_aria",
                                                            &[("name", &tok.name)],
                                                        )
                                                        on:click=move |_| revoke.run(row.clone())
                                                    >
                                                        {t("settings.revoke")}
                                                    </button>
                                                }
                                            })}
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
