//! `/kontroll`: a municipality checks its doctors' bills before Helfo does
//! (CTRL-1 … CTRL-9). The bill file (an EPJ export) is checked here in the
//! browser with the same rules as `frist kontroll check`; no bill and no
//! patient leaves the browser. Only when the clerk asks are each doctor's
//! monthly sums sent, to compare the doctors with comparable GPs elsewhere.

use frist_domain::ids::FnrContext;
use frist_domain::kontroll::{
    BILL_SCHEMA, BatchChecker, BatchContext, BatchReport, Doctor, DoctorSummary, PeerGroup,
    PeerView, Tariffs, bill_of, read_doctors, rule_of,
};
use frist_domain::messages::format_kroner;
use frist_domain::table::{CsvStream, FileError};
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{alert, draft, nb, save_text, today};
use crate::i18n::{Lang, issue, lang, name, t, tf};
use crate::session::use_session;

/// The practitioner list is kept in the browser between months: HPR
/// numbers, roles and list sizes — no patient data.
const DOCTORS_KEY: &str = "frist.kontroll.legeliste";
/// Findings listed on the page; all of them are in the download.
const SHOWN: usize = 200;
/// Bytes checked between yields to the page: about 1,500 bills.
const SLICE: usize = 64 * 1024;

async fn read_file(input: NodeRef<html::Input>) -> Option<(String, Vec<u8>)> {
    let file = input.get_untracked()?.files()?.get(0)?;
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some((file.name(), js_sys::Uint8Array::new(&buf).to_vec()))
}

/// What a rule is called in the lists.
fn rule_name(rule: &str) -> String {
    let name = match rule {
        "CTRL-1" => t("kontroll.rule_duplicate"),
        "CTRL-2" => t("kontroll.rule_invalid_combination"),
        "CTRL-3" => t("kontroll.rule_supplement_without_main"),
        "CTRL-4" => t("kontroll.rule_too_many_repetitions"),
        "CTRL-5" => t("kontroll.rule_day_and_evening"),
        "CTRL-6" => t("kontroll.rule_locum_and_gp"),
        "CTRL-7" => t("kontroll.rule_before_agreement"),
        "CTRL-8" => t("kontroll.rule_time_barred"),
        "takst_unknown" => t("kontroll.rule_takst_unknown"),
        "doctor_not_listed" => t("kontroll.rule_doctor_not_listed"),
        "ragged_row" | "not_utf8" => t("kontroll.rule_unreadable_line"),
        r if r.starts_with("id_") => t("kontroll.rule_invalid_id"),
        _ => t("kontroll.rule_field_error"),
    };
    if rule.starts_with("CTRL-") {
        format!("{rule} {name}")
    } else {
        name.to_owned()
    }
}

fn role_text(role: Option<frist_domain::kontroll::DoctorRole>) -> &'static str {
    role.map_or("–", name)
}

/// A problem with a whole file, in the chosen language.
fn file_error(e: &FileError) -> String {
    match e {
        FileError::Empty => t("kontroll.file_empty").to_owned(),
        FileError::MissingColumn { column, allowed } => tf(
            "kontroll.file_missing_column",
            &[("column", column.as_str()), ("allowed", allowed.as_str())],
        ),
        FileError::UnknownColumn { column, allowed } => tf(
            "kontroll.file_unknown_column",
            &[("column", column.as_str()), ("allowed", allowed.as_str())],
        ),
        FileError::NoHeaderRow { allowed } => {
            tf("kontroll.file_no_header", &[("allowed", allowed.as_str())])
        }
        FileError::DuplicateColumn { column } => tf(
            "kontroll.file_duplicate_column",
            &[("column", column.as_str())],
        ),
        FileError::NotText => t("kontroll.file_not_text").to_owned(),
        FileError::Workbook { reason } => {
            tf("kontroll.file_workbook", &[("reason", reason.as_str())])
        }
    }
}

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
    // The file is checked in slices, yielding to the page between them, so
    // a large month never freezes it.
    let run = move || {
        let bytes = bills_bytes.get_value();
        if bytes.is_empty() {
            return;
        }
        let local = session.view().is_some_and(|s| s.mode == "local");
        let today = today();
        let fnr = FnrContext {
            today,
            allow_synthetic: local,
        };
        let forced_year = year.get_untracked().parse().ok();
        peers.set(None);
        report.set(None);
        checking.set(true);
        leptos::task::spawn_local(async move {
            let (doctors, _) = doctors();
            let mut checker = BatchChecker::new(BatchContext {
                doctors: &doctors,
                tariffs: Tariffs::builtin(),
                forced_year,
                sent: today,
            });
            let mut stream = CsvStream::new(&BILL_SCHEMA);
            let mut result = Ok(());
            let pieces: Vec<&[u8]> = bytes.chunks(SLICE).collect();
            for (i, piece) in pieces.iter().enumerate() {
                let last = i + 1 == pieces.len();
                result = stream.feed(piece, last, &mut |r| checker.push(bill_of(&r, &fnr)));
                if result.is_err() {
                    break;
                }
                crate::form::yield_now().await;
            }
            match result {
                Err(e) => {
                    report.set(None);
                    failure.set(Some(file_error(&e)));
                }
                Ok(()) => {
                    failure.set(None);
                    report.set(Some(checker.finish()));
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

#[component]
fn Results(r: BatchReport, file_name: String, doctor_filter: RwSignal<String>) -> impl IntoView {
    let inexact: Vec<String> = r
        .tariff_years
        .iter()
        .filter(|u| !u.exact)
        .map(|u| {
            tf(
                "kontroll.inexact_year",
                &[("n", &u.bills.to_string()), ("year", &u.year.to_string())],
            )
        })
        .collect();
    let issues = r.issues.clone();
    let new_doctors: Vec<DoctorSummary> = r
        .doctors
        .iter()
        .filter(|d| d.new_doctor && !d.missing.is_empty())
        .cloned()
        .collect();
    let tariff = Tariffs::builtin().years().last();
    let takst_text = move |code: &str| -> String {
        tariff
            .and_then(|y| y.takst(code))
            .map_or_else(String::new, |takst| takst.text.clone())
    };
    view! {
        <section class="frist-panel" data-testid="kontroll-report">
            <h2 class="ds-heading" data-size="sm">{tf("kontroll.result_heading", &[("file", &file_name)])}</h2>
            {inexact.into_iter().map(|text| alert("warning", text)).collect_view()}
            <dl class="frist-facts">
                <dt>{t("kontroll.bills")}</dt><dd data-testid="bills">{r.bills}</dd>
                <dt>{t("kontroll.with_errors_rejected")}</dt><dd data-testid="with-errors">{r.with_errors}</dd>
                <dt>{t("kontroll.with_warnings")}</dt><dd data-testid="with-warnings">{r.with_warnings}</dd>
            </dl>
            <h3 class="ds-heading" data-size="xs">{t("kontroll.findings_by_rule")}</h3>
            <ul class="ds-list" data-testid="by-rule">
                {r.by_rule.iter().map(|(rule, n)| view! {
                    <li data-rule=rule.clone()>{format!("{}: {n}", rule_name(rule))}</li>
                }).collect_view()}
            </ul>
            {(!new_doctors.is_empty()).then(|| view! {
                <div class="ds-alert" data-color="info" role="status" data-testid="missing-takster">
                    <h3 class="ds-heading" data-size="xs">{t("kontroll.missing_heading")}</h3>
                    <p class="ds-paragraph">{t("kontroll.missing_text")}</p>
                    <ul class="ds-list">
                        {new_doctors.iter().map(|d| view! {
                            <li>
                                {format!("{} ({}): ", d.hpr, role_text(d.role))}
                                {d.missing.iter().map(|c| format!("{c} ({})", takst_text(c))).collect::<Vec<_>>().join(", ")}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <h3 class="ds-heading" data-size="xs">{t("kontroll.per_doctor")}</h3>
            <div class="frist-table-wrap">
                <table class="ds-table" tabindex="0" data-testid="per-doctor">
                    <thead><tr>
                        <th scope="col">{t("kontroll.col_hpr")}</th><th scope="col">{t("kontroll.col_role")}</th>
                        <th scope="col">{t("kontroll.bills")}</th><th scope="col">{t("kontroll.col_with_errors")}</th>
                        <th scope="col">{t("kontroll.with_warnings")}</th><th scope="col">{t("kontroll.col_refund")}</th>
                        <th scope="col">{t("kontroll.col_findings")}</th>
                    </tr></thead>
                    <tbody>
                        {r.doctors.iter().map(|d| {
                            let refund: i64 = d.months.iter().map(|m| m.refund_ore).sum();
                            let unpriced: u64 = d.months.iter().map(|m| m.unpriced).sum();
                            let rules = d.by_rule.keys().map(|k| rule_name(k)).collect::<Vec<_>>().join(", ");
                            view! {
                                <tr data-hpr=d.hpr.clone()>
                                    <th scope="row">{d.hpr.clone()}{d.new_doctor.then(|| format!(" {}", t("kontroll.new_doctor")))}</th>
                                    <td>{role_text(d.role)}</td>
                                    <td>{d.bills}</td><td>{d.with_errors}</td><td>{d.with_warnings}</td>
                                    <td>{format_kroner(refund)}{(unpriced > 0).then(|| format!(" {}", tf("kontroll.unpriced", &[("n", &unpriced.to_string())])))}</td>
                                    <td>{if rules.is_empty() { "–".to_owned() } else { rules }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {r.doctors.iter().any(|d| d.months.iter().any(|m| m.unpriced > 0)).then(|| view! {
                <p class="ds-paragraph" data-size="sm" data-testid="unpriced-note">{t("kontroll.unpriced_note")}</p>
            })}
            {(!issues.is_empty()).then(|| {
                let doctors: Vec<String> = r.doctors.iter().filter(|d| d.by_rule.values().sum::<u64>() > 0).map(|d| d.hpr.clone()).collect();
                let rules: Vec<String> = r.by_rule.keys().cloned().collect();
                let rule_filter = RwSignal::new(String::new());
                let issues = StoredValue::new(issues);
                // Every finding as (line, doctor, rule, severity, text), filtered.
                let shown = move || -> Vec<(u64, String, String, &'static str, String)> {
                    let (doctor, rule) = (doctor_filter.get(), rule_filter.get());
                    issues.with_value(|all| {
                        all.iter()
                            .filter(|b| doctor.is_empty() || b.hpr == doctor)
                            .flat_map(|b| b.report.issues.iter().map(move |i| (b, i)))
                            .filter(|(_, i)| rule.is_empty() || rule_of(i) == rule)
                            .map(|(b, i)| {
                                let severity = if i.severity == frist_domain::Severity::Error { t("kontroll.severity_error") } else { t("kontroll.severity_remark") };
                                (b.line, b.hpr.clone(), rule_of(i).to_owned(), severity, issue(i))
                            })
                            .collect()
                    })
                };
                let download = move |_| {
                    let mut csv = format!("{}\n", t("kontroll.csv_header"));
                    for (line, hpr, rule, severity, text) in shown() {
                        csv.push_str(&format!("{line};{hpr};{rule};{severity};\"{}\"\n", text.replace('"', "\"\"")));
                    }
                    save_text("kontrollfunn.csv", &csv);
                };
                view! {
                <h3 class="ds-heading" data-size="xs">{t("kontroll.bills_with_issues")}</h3>
                <div class="frist-inline-form">
                    <div class="ds-field">
                        <label class="ds-label" for="kt-filter">{t("kontroll.filter_doctor")}</label>
                        <select class="ds-input" id="kt-filter" on:change=move |ev| doctor_filter.set(event_target_value(&ev))>
                            <option value="">{t("kontroll.all_doctors")}</option>
                            {doctors.into_iter().map(|h| view! { <option value=h.clone()>{h.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for="kt-rule">{t("kontroll.filter_rule")}</label>
                        <select class="ds-input" id="kt-rule" on:change=move |ev| rule_filter.set(event_target_value(&ev))>
                            <option value="">{t("kontroll.all_rules")}</option>
                            {rules.into_iter().map(|r| view! { <option value=r.clone()>{rule_name(&r)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {move || {
                    let rows = shown();
                    let total = rows.len();
                    view! {
                        <p class="ds-paragraph" data-size="sm" role="status" data-testid="shown-count">
                            {if total > SHOWN { tf("kontroll.shown_first", &[("shown", &SHOWN.to_string()), ("total", &total.to_string())]) } else { tf("kontroll.shown_all", &[("total", &total.to_string())]) }}
                            " "
                            <button class="ds-button" data-variant="tertiary" data-size="sm" type="button" on:click=download>
                                {t("kontroll.download")}
                            </button>
                        </p>
                        <div class="frist-table-wrap">
                            <table class="ds-table" tabindex="0" data-testid="bill-issues">
                                <thead><tr>
                                    <th scope="col">{t("kontroll.col_line")}</th><th scope="col">{t("kontroll.col_doctor")}</th>
                                    <th scope="col">{t("kontroll.col_rule")}</th><th scope="col">{t("kontroll.col_what_is_wrong")}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().take(SHOWN).map(|(line, hpr, rule, severity, text)| view! {
                                        <tr data-line=line data-rule=rule.clone()>
                                            <td>{line}</td>
                                            <td>{hpr}</td>
                                            <td>{format!("{severity}: {}", rule_name(&rule))}</td>
                                            <td>{text}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                }}
            }})}
        </section>
    }
}

/// The month's refunds per listed patient as a strip: every peer a grey
/// circle, the municipality's own doctors squares with their number, the
/// unusual ones triangles marked in words — never by colour alone — and
/// the median and threshold as lines; a table says the same.
/// A decimal number the Norwegian way, `2,25`, or in English `2.25`.
fn decimal(v: f64, places: usize) -> String {
    let text = format!("{v:.places$}");
    if lang() == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

#[component]
fn PeerChart(v: PeerView) -> impl IntoView {
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
    let class = match v.size_class.as_str() {
        "small" => t("kontroll.size_small"),
        "medium" => t("kontroll.size_medium"),
        "large" => t("kontroll.size_large"),
        _ => t("kontroll.size_all"),
    };
    let peers_text = match v.peers {
        PeerGroup::Class => tf("kontroll.compared_with_class", &[("class", class)]),
        PeerGroup::All => t("kontroll.compared_with_all").to_owned(),
    };
    let flagged = own.iter().filter(|p| p.outlier).count();
    view! {
        <figure class="frist-chart" data-testid="peer-chart">
            <p class="ds-paragraph" data-size="sm">{peers_text}</p>
            {(!d.enough_peers).then(|| alert("info", t("kontroll.too_few_peers").into()))}
            <svg role="img" aria-label=label viewBox=format!("0 0 {w} 150") width="100%" height="180">
                <line x1=left y1="90" x2=w - right y2="90" stroke="#555"/>
                {(0..=4).map(|i| {
                    let value = max * f64::from(i) / 4.0;
                    view! { <text x=x(value) y="110" text-anchor="middle" font-size="11">{decimal(value, 1)}</text> }
                }).collect_view()}
                <text x=left y="130" font-size="11">{t("kontroll.chart_axis")}</text>
                <line x1=x(d.median) y1="20" x2=x(d.median) y2="95" stroke="#1e5b8a" stroke-dasharray="2 2"/>
                <text x=x(d.median) y="14" text-anchor="middle" font-size="11">{t("kontroll.chart_median")}</text>
                <line x1=x(d.threshold) y1="20" x2=x(d.threshold) y2="95" stroke="#b00020" stroke-dasharray="6 3"/>
                <text x=x(d.threshold) y="14" text-anchor="middle" font-size="11">{t("kontroll.chart_limit")}</text>
                {d.points.iter().enumerate().map(|(i, p)| {
                    let cx = x(p.per_patient);
                    let cy = 80.0 - (i % 4) as f64 * 8.0;
                    if p.own && p.outlier {
                        view! { <g>
                            <polygon points=format!("{},{} {},{} {},{}", cx, cy - 7.0, cx - 6.0, cy + 4.0, cx + 6.0, cy + 4.0) fill="#b00020"/>
                            <text x=cx y=cy - 10.0 text-anchor="middle" font-size="11">{tf("kontroll.chart_unusual", &[("hpr", &p.hpr)])}</text>
                        </g> }.into_any()
                    } else if p.own {
                        view! { <g>
                            <rect x=cx - 4.0 y=cy - 4.0 width="8" height="8" fill="#1e5b8a"/>
                        </g> }.into_any()
                    } else {
                        view! { <g><circle cx=cx cy=cy r="3.5" fill="#9a9a9a"/></g> }.into_any()
                    }
                }).collect_view()}
            </svg>
            <figcaption class="ds-paragraph" data-size="sm">
                {t("kontroll.chart_caption_start")}
                {decimal(d.k, 1)}
                {t("kontroll.chart_caption_end")}
            </figcaption>
        </figure>
        <p class="ds-paragraph" role="status" data-testid="outlier-count">
            {tf("kontroll.outlier_count", &[("n", &flagged.to_string())])}
        </p>
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="peer-table">
                <thead><tr>
                    <th scope="col">{t("kontroll.col_hpr")}</th><th scope="col">{t("kontroll.col_per_patient")}</th>
                    <th scope="col">{t("kontroll.col_median")}</th><th scope="col">{t("kontroll.col_limit")}</th><th scope="col">{t("kontroll.col_assessment")}</th>
                </tr></thead>
                <tbody>
                    {own.into_iter().map(|p| view! {
                        <tr data-hpr=p.hpr.clone() data-outlier=p.outlier.to_string()>
                            <th scope="row">{p.hpr.clone()}</th>
                            <td>{decimal(p.per_patient, 2)}</td>
                            <td>{decimal(d.median, 2)}</td>
                            <td>{decimal(d.threshold, 2)}</td>
                            <td>{if p.outlier { t("kontroll.outlier_yes") } else { t("kontroll.outlier_no") }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
