//! The language choice, on every page: bokmål, nynorsk or English. Each
//! option is named in its own language (and marked with `lang`), and the
//! label is bilingual, so a user lost in the wrong language still finds it.

use leptos::prelude::*;

use crate::i18n::{Lang, lang, switch_to};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let current = lang();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(chosen) = Lang::from_tag(&event_target_value(&ev))
            && chosen != current
        {
            switch_to(chosen);
        }
    };
    let option = move |l: Lang, text: &'static str| {
        view! {
            <option value=l.tag() lang=l.tag() selected=l == current>
                {text}
            </option>
        }
    };
    view! {
        <div class="frist-language">
            <label class="ds-label" data-size="sm" for="frist-language">
                "Språk / Language"
            </label>
            <select
                id="frist-language"
                class="ds-input"
                data-size="sm"
                data-testid="language"
                on:change=choose
            >
                {option(Lang::Nb, "Bokmål")}
                {option(Lang::Nn, "Nynorsk")}
                {option(Lang::En, "English")}
            </select>
        </div>
    }
}
