//! The review before sending: the form's answers as rows to read.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::t;

/// A month `åååå-mm` as people read it: "september 2026" (`short`:
/// "sep. 2026"), in the chosen language.
pub fn month_name(ym: &str, short: bool) -> String {
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((year, month)) = ym.split_once('-') else {
        return ym.to_owned();
    };
    let Some(i) = month.parse::<usize>().ok().filter(|m| (1..=12).contains(m)) else {
        return ym.to_owned();
    };
    let english = crate::i18n::lang() == crate::i18n::Lang::En;
    let name = if english { EN[i - 1] } else { NB[i - 1] };
    if short && name.chars().count() > 4 {
        let cut: String = name.chars().take(3).collect();
        let dot = if english { "" } else { "." };
        format!("{cut}{dot} {year}")
    } else {
        format!("{name} {year}")
    }
}

/// What a form holds, as the user sees it: each labelled field that has a
/// value, in page order, as (label, value) — a select by its chosen option's
/// text, a ticked checkbox as "Ja". For the "Se over og send inn" step
/// (issue 24): the review lists exactly what was typed, in the form's words.
pub fn review_rows(form: &web_sys::Element) -> Vec<(String, String)> {
    use js_sys::Reflect;
    use wasm_bindgen::JsValue;
    let get = |v: &JsValue, key: &str| {
        Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let Ok(labels) = form.query_selector_all("label[for]") else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for i in 0..labels.length() {
        let Some(label) = labels
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(field) = label
            .get_attribute("for")
            .and_then(|id| document().get_element_by_id(&id))
        else {
            continue;
        };
        let field: JsValue = field.into();
        let value = match get(&field, "type").as_string().as_deref() {
            Some("checkbox") => get(&field, "checked")
                .as_bool()
                .unwrap_or(false)
                .then(|| t("form.yes").to_owned()),
            Some("select-one") => {
                let chosen = get(&field, "value").as_string().unwrap_or_default();
                let index = get(&field, "selectedIndex").as_f64().unwrap_or(-1.0);
                let option = get(&get(&field, "options"), &format!("{index}"));
                (!chosen.is_empty()).then(|| get(&option, "text").as_string().unwrap_or(chosen))
            }
            _ => get(&field, "value").as_string(),
        };
        let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        if let (Some(text), Some(value)) = (label.text_content(), value) {
            rows.push((text.trim().to_owned(), value));
        }
    }
    rows
}
