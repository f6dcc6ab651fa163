//! CTRL-9: the month compared with peers, by class or with everyone.

use frist_domain::kontroll::PeerGroup;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::i18n::t;

use super::control::Control;
use super::peer_chart::PeerChart;

#[component]
pub(super) fn Peers(control: Control) -> impl IntoView {
    let Control {
        group,
        peers,
        comparing,
        ..
    } = control;
    view! {
        <section class="frist-panel" data-testid="peers">
            <h2 class="ds-heading" data-size="sm">
                {t("kontroll.peers_heading")}
            </h2>
            <p class="ds-paragraph" data-size="sm">
                {t("kontroll.peers_intro")}
            </p>
            <fieldset class="ds-fieldset">
                <legend class="ds-label">{t("kontroll.compare_with")}</legend>
                {PeerGroup::iter()
                    .map(|g| {
                        let (id, label) = match g {
                            PeerGroup::Class => ("kt-peers-class", t("kontroll.peers_class")),
                            PeerGroup::All => ("kt-peers-all", t("kontroll.peers_all")),
                        };
                        view! {
                            <div class="ds-field" data-position="start">
                                <input
                                    class="ds-input"
                                    type="radio"
                                    name="kt-peers"
                                    id=id
                                    prop:checked=move || group.get() == g
                                    on:change=move |_| {
                                        group.set(g);
                                        if peers.get_untracked().is_some() {
                                            control.compare(true);
                                        }
                                    }
                                />
                                <label class="ds-label" for=id>
                                    {label}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button
                class="ds-button"
                data-variant="secondary"
                type="button"
                data-testid="compare"
                disabled=move || comparing.get()
                on:click=move |_| control.compare(false)
            >
                {t("kontroll.compare_button")}
            </button>
            {move || peers.get().map(|v| view! { <PeerChart v=v /> })}
        </section>
    }
}
