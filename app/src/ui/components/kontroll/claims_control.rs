//! `/kontroll`: the municipality's claims control: files in, report out.

use frist_checker::ControlContext;
use frist_domain::kontroll::{BatchReport, Doctor, PeerGroup, PeerView, Tariffs, read_doctors};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{alert, draft, nb, today};
use crate::i18n::{t, tf};
use crate::session::use_session;

use super::file::{DOCTORS_KEY, failure_text, file_error, read_file};
use super::peer_chart::PeerChart;
use super::results::Results;

#[component]
pub fn Kontroll() -> impl IntoView {
    let session = use_session();
    let bills_input = NodeRef::<html::Input>::new();
    let doctors_input = NodeRef::<html::Input>::new();
    let doctors_csv = RwSignal::new(draft::load::<(String, String)>(DOCTORS_KEY));
    let year = RwSignal::new(String::new());
    let report = RwSignal::new(None::<BatchReport>);
    let file_name = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let doctor_filter = RwSignal::new(String::new());
    let peers = RwSignal::new(None::<PeerView>);
    let group = RwSignal::new(PeerGroup::Class);
    let comparing = RwSignal::new(false);
    let checking = RwSignal::new(false);
    let bills_bytes = StoredValue::new(Vec::<u8>::new());

    let doctors = move || -> (Vec<Doctor>, usize) {
        doctors_csv
            .get()
            .and_then(|(_, text)| read_doctors(text.as_bytes()).ok())
            .map(|(d, problems)| (d, problems.len()))
            .unwrap_or_default()
    };
    // The month is checked in the checker worker, so a large one never
    // freezes the page.
    let generation = StoredValue::new(0u32);
    let run = move || {
        let bytes = bills_bytes.get_value();
        if bytes.is_empty() {
            return;
        }
        let ctx = ControlContext {
            doctors_csv: doctors_csv
                .get_untracked()
                .map(|(_, text)| text)
                .unwrap_or_default(),
            forced_year: year.get_untracked().parse().ok(),
            today: today(),
            allow_synthetic: session.view().is_some_and(|s| s.mode == "local"),
        };
        peers.set(None);
        report.set(None);
        checking.set(true);
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        leptos::task::spawn_local(async move {
            let result = crate::checker::control(&bytes, ctx).await;
            if generation.get_value() != this {
                return;
            }
            match result {
                Err(e) => {
                    report.set(None);
                    failure.set(Some(failure_text(&e)));
                }
                Ok(r) => {
                    failure.set(None);
                    report.set(Some(r));
                }
            }
            checking.set(false);
        });
    };
    let on_bills = move |_| {
        leptos::task::spawn_local(async move {
            if let Some((name, bytes)) = read_file(bills_input).await {
                file_name.set(name);
                bills_bytes.set_value(bytes);
                run();
            }
        });
    };
    let on_doctors = move |_| {
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = read_file(doctors_input).await else {
                return;
            };
            match String::from_utf8(bytes) {
                Ok(text) => match read_doctors(text.as_bytes()) {
                    Ok(_) => {
                        let saved = (name, text);
                        draft::save(DOCTORS_KEY, &saved);
                        doctors_csv.set(Some(saved));
                        failure.set(None);
                        run();
                    }
                    Err(e) => failure.set(Some(tf(
                        "kontroll.doctor_list_error",
                        &[("error", &file_error(&e))],
                    ))),
                },
                Err(_) => failure.set(Some(t("kontroll.doctor_list_not_utf8").into())),
            }
        });
    };
    let forget_doctors = move |_| {
        draft::clear(DOCTORS_KEY);
        doctors_csv.set(None);
        run();
    };
    let compare = move |refresh: bool| {
        let Some(r) = report.get_untracked() else {
            return;
        };
        let Some(month) = r.main_month() else {
            return;
        };
        let upload = r.month_upload(&month);
        comparing.set(true);
        leptos::task::spawn_local(async move {
            let answer = if refresh {
                api::kontroll_month(&month, group.get_untracked()).await
            } else {
                api::put_kontroll_month(&month, &upload).await
            };
            match answer {
                Ok(v) => {
                    failure.set(None);
                    peers.set(Some(v));
                }
                Err(e) => {
                    // The refusal and each field it names, in the user's language.
                    let mut text = e.text();
                    for issue in e.issues() {
                        text.push(' ');
                        text.push_str(&crate::i18n::issue(&issue));
                    }
                    failure.set(Some(text));
                }
            }
            comparing.set(false);
        });
    };

    view! {
        <h1 class="ds-heading" data-size="lg">{t("kontroll.title")}</h1>
        <p class="ds-paragraph">
            {t("kontroll.intro")}
        </p>
        <details class="frist-details">
            <summary>{t("kontroll.format_summary")}</summary>
            <p class="ds-paragraph">
                {t("kontroll.format_bills_start")}
                <code>"hpr;pasient;dato;klokkeslett;takster"</code>
                {t("kontroll.format_bills_optional")} <code>"belop"</code> {t("kontroll.format_bills_amount")} <code>"innsendt"</code>
                {t("kontroll.format_bills_sent")}
                <code>"2cd*2"</code> {t("kontroll.format_bills_dates")}
            </p>
            <p class="ds-paragraph">
                {t("kontroll.format_doctors_start")} <code>"hpr;rolle;vikar_for;avtale_fra;listepasienter;startet"</code>
                {t("kontroll.format_doctors_roles")}
            </p>
            <ul class="ds-list">
                <li><a href="/eksempel/regningskort.csv" download>{t("kontroll.example_bills")}</a></li>
                <li><a href="/eksempel/legeliste.csv" download>{t("kontroll.example_doctors")}</a></li>
            </ul>
        </details>
        <div class="frist-form">
            <div class="ds-field">
                <label class="ds-label" for="kt-doctors">{t("kontroll.doctors_label")}</label>
                <div class="ds-paragraph frist-description" data-size="sm" id="kt-doctors-description">
                    {t("kontroll.doctors_description")}
                </div>
                <input class="ds-input" type="file" id="kt-doctors" accept=".csv,.txt,text/csv"
                    aria-describedby="kt-doctors-description" node_ref=doctors_input on:change=on_doctors/>
                {move || doctors_csv.get().map(|(name, _)| {
                    let (list, problems) = doctors();
                    view! {
                        <p class="ds-paragraph" data-size="sm" data-testid="doctor-list">
                            {tf("kontroll.doctor_list_count", &[("name", &name), ("n", &list.len().to_string())])}
                            {(problems > 0).then(|| tf("kontroll.doctor_list_unreadable", &[("n", &problems.to_string())]))}
                            " "
                            <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
                                on:click=forget_doctors>{t("kontroll.forget_doctors")}</button>
                        </p>
                    }
                })}
            </div>
            <div class="ds-field">
                <label class="ds-label" for="kt-year">{t("kontroll.year_label")}</label>
                <select class="ds-input" id="kt-year" on:change=move |ev| {
                    year.set(event_target_value(&ev));
                    run();
                }>
                    <option value="">{t("kontroll.year_default")}</option>
                    {Tariffs::builtin().years().iter().map(|y| view! {
                        <option value=y.year.to_string()>{format!("{} – {}", nb(y.valid_from), nb(y.valid_to))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="kt-bills">{t("kontroll.bills_label")}</label>
                <input class="ds-input" type="file" id="kt-bills" accept=".csv,.txt,text/csv"
                    node_ref=bills_input on:change=on_bills/>
            </div>
        </div>
        {move || checking.get().then(|| view! {
            <p class="ds-paragraph" role="status" aria-live="polite" data-testid="checking">{t("kontroll.checking")}</p>
        })}
        {move || failure.get().map(|text| alert("danger", text))}
        {move || report.get().map(|r| view! {
            <Results r=r file_name=file_name.get() doctor_filter=doctor_filter/>
            <section class="frist-panel" data-testid="peers">
                <h2 class="ds-heading" data-size="sm">{t("kontroll.peers_heading")}</h2>
                <p class="ds-paragraph" data-size="sm">
                    {t("kontroll.peers_intro")}
                </p>
                <fieldset class="ds-fieldset">
                    <legend class="ds-label">{t("kontroll.compare_with")}</legend>
                    {PeerGroup::iter().map(|g| {
                        let (id, label) = match g {
                            PeerGroup::Class => ("kt-peers-class", t("kontroll.peers_class")),
                            PeerGroup::All => ("kt-peers-all", t("kontroll.peers_all")),
                        };
                        view! {
                            <div class="ds-field" data-position="start">
                                <input class="ds-input" type="radio" name="kt-peers" id=id
                                    prop:checked=move || group.get() == g
                                    on:change=move |_| {
                                        group.set(g);
                                        if peers.get_untracked().is_some() {
                                            compare(true);
                                        }
                                    }/>
                                <label class="ds-label" for=id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button class="ds-button" data-variant="secondary" type="button" data-testid="compare"
                    disabled=move || comparing.get() on:click=move |_| compare(false)>
                    {t("kontroll.compare_button")}
                </button>
                {move || peers.get().map(|v| view! { <PeerChart v=v/> })}
            </section>
        })}
    }
}
