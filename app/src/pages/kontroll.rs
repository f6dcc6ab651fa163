//! `/kontroll`: a municipality checks its doctors' bills before Helfo does
//! (CTRL-1 … CTRL-9). The bill file (an EPJ export) is checked here in the
//! browser with the same rules as `frist kontroll check`; no bill and no
//! patient leaves the browser. Only when the clerk asks are each doctor's
//! monthly sums sent, to compare the doctors with comparable GPs elsewhere.

use frist_domain::access::Role;
use frist_domain::ids::FnrContext;
use frist_domain::kontroll::{
    BILL_SCHEMA, BatchChecker, BatchContext, BatchReport, Doctor, DoctorSummary, PeerGroup,
    PeerView, Tariffs, bill_of, read_doctors, rule_of,
};
use frist_domain::messages::{Lang, format_kroner, render};
use frist_domain::table::CsvStream;
use leptos::html;
use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::api;
use crate::form::{alert, draft, nb, save_text, today};
use crate::session::{Protected, use_session};

const KOMMUNE: &[Role] = &[Role::Kommune];
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
        "CTRL-1" => "Duplikat",
        "CTRL-2" => "Ugyldig takstkombinasjon",
        "CTRL-3" => "Tillegg uten hovedtakst",
        "CTRL-4" => "For mange repetisjoner",
        "CTRL-5" => "Dag- og kveldstakst sammen",
        "CTRL-6" => "Vikar og fastlege samtidig",
        "CTRL-7" => "Før avtale om direkte oppgjør",
        "CTRL-8" => "Foreldet",
        "takst_unknown" => "Ukjent takst",
        "doctor_not_listed" => "Lege ikke i legelisten",
        "ragged_row" | "not_utf8" => "Linje som ikke kan leses",
        r if r.starts_with("id_") => "Ugyldig pasient-ID eller HPR-nummer",
        _ => "Feil i feltene",
    };
    if rule.starts_with("CTRL-") {
        format!("{rule} {name}")
    } else {
        name.to_owned()
    }
}

fn role_nb(role: Option<frist_domain::kontroll::DoctorRole>) -> &'static str {
    role.map_or("–", |r| r.name_nb())
}

#[component]
pub fn KontrollPage() -> impl IntoView {
    view! {
        <Protected roles=KOMMUNE>
            <Kontroll/>
        </Protected>
    }
}

#[component]
fn Kontroll() -> impl IntoView {
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
                    failure.set(Some(e.text_nb()));
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
                    Err(e) => failure.set(Some(format!("Legelisten: {}", e.text_nb()))),
                },
                Err(_) => failure.set(Some(
                    "Legelisten er ikke tekst i UTF-8. Lagre den som CSV UTF-8 og prøv igjen."
                        .into(),
                )),
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
                Err(e) => failure.set(Some(e.text())),
            }
            comparing.set(false);
        });
    };

    view! {
        <h1 class="ds-heading" data-size="lg">"Kontroll av legeregninger"</h1>
        <p class="ds-paragraph">
            "Kontroller legenes regningskort slik Helfos automatiske kontroller gjør, før de sendes: duplikater, ugyldige takstkombinasjoner, tillegg uten hovedtakst, repetisjoner, dag- og kveldstakster, vikar og fastlege samtidig, avtale om direkte oppgjør og foreldelse. Filen kontrolleres her i nettleseren; ingen regning og ingen pasientopplysning sendes."
        </p>
        <details class="frist-details">
            <summary>"Filformat og eksempelfiler"</summary>
            <p class="ds-paragraph">
                "Regningskort: CSV med semikolon eller komma, første rad med kolonnenavn i valgfri rekkefølge: "
                <code>"hpr;pasient;dato;klokkeslett;takster"</code>
                " og eventuelt " <code>"belop"</code> " (refusjon i kroner) og " <code>"innsendt"</code>
                " (dato regningen sendes Helfo). Takster skilles med mellomrom; antall skrives som "
                <code>"2cd*2"</code> ". Datoer som dd.mm.åååå, klokkeslett som tt:mm."
            </p>
            <p class="ds-paragraph">
                "Legeliste: " <code>"hpr;rolle;vikar_for;avtale_fra;listepasienter;startet"</code>
                " – rolle er fastlege, vikar eller lis1; vikar_for er HPR-nummeret til fastlegen vikaren går for."
            </p>
            <ul class="ds-list">
                <li><a href="/eksempel/regningskort.csv" download>"Eksempel: regningskort.csv (oktober 2026, med plantede feil)"</a></li>
                <li><a href="/eksempel/legeliste.csv" download>"Eksempel: legeliste.csv"</a></li>
            </ul>
        </details>
        <div class="frist-form">
            <div class="ds-field">
                <label class="ds-label" for="kt-doctors">"Legeliste (CSV)"</label>
                <div class="ds-paragraph frist-description" data-size="sm" id="kt-doctors-description">
                    "Brukes til å kontrollere vikarer, avtaler om direkte oppgjør og refusjon per listepasient. Listen huskes i denne nettleseren."
                </div>
                <input class="ds-input" type="file" id="kt-doctors" accept=".csv,.txt,text/csv"
                    aria-describedby="kt-doctors-description" node_ref=doctors_input on:change=on_doctors/>
                {move || doctors_csv.get().map(|(name, _)| {
                    let (list, problems) = doctors();
                    view! {
                        <p class="ds-paragraph" data-size="sm" data-testid="doctor-list">
                            {format!("{name}: {} leger", list.len())}
                            {(problems > 0).then(|| format!(", {problems} linjer kunne ikke leses"))}
                            " "
                            <button class="ds-button" data-variant="tertiary" data-size="sm" type="button"
                                on:click=forget_doctors>"Glem legelisten"</button>
                        </p>
                    }
                })}
            </div>
            <div class="ds-field">
                <label class="ds-label" for="kt-year">"Takstår"</label>
                <select class="ds-input" id="kt-year" on:change=move |ev| {
                    year.set(event_target_value(&ev));
                    run();
                }>
                    <option value="">"Takståret som gjaldt på behandlingsdatoen"</option>
                    {Tariffs::builtin().years().iter().map(|y| view! {
                        <option value=y.year.to_string()>{format!("{} – {}", nb(y.valid_from), nb(y.valid_to))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="kt-bills">"Regningskort (CSV fra journalsystemet)"</label>
                <input class="ds-input" type="file" id="kt-bills" accept=".csv,.txt,text/csv"
                    node_ref=bills_input on:change=on_bills/>
            </div>
        </div>
        {move || checking.get().then(|| view! {
            <p class="ds-paragraph" role="status" aria-live="polite" data-testid="checking">"Kontrollerer regningene …"</p>
        })}
        {move || failure.get().map(|t| alert("danger", t))}
        {move || report.get().map(|r| view! {
            <Results r=r file_name=file_name.get() doctor_filter=doctor_filter/>
            <section class="frist-panel" data-testid="peers">
                <h2 class="ds-heading" data-size="sm">"Refusjon per listepasient sammenlignet med andre kommuner (CTRL-9)"</h2>
                <p class="ds-paragraph" data-size="sm">
                    "For å sammenligne sendes bare summer per lege for måneden: HPR-nummer, refusjon, antall listepasienter og antall regninger. Ingen pasient og ingen regning sendes. Leger hos andre kommuner vises bare som tall."
                </p>
                <fieldset class="ds-fieldset">
                    <legend class="ds-label">"Sammenlign med"</legend>
                    {PeerGroup::iter().map(|g| {
                        let (id, label) = match g {
                            PeerGroup::Class => ("kt-peers-class", "Kommuner av samme størrelse"),
                            PeerGroup::All => ("kt-peers-all", "Alle kommuner"),
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
                    "Send månedssummene og sammenlign"
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
            format!(
                "{} regninger er datert etter det siste takståret frist har, og er kontrollert mot takståret fra 1. juli {}. Beløp og regler kan ha endret seg.",
                u.bills, u.year
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
            .map_or_else(String::new, |t| t.text.clone())
    };
    view! {
        <section class="frist-panel" data-testid="kontroll-report">
            <h2 class="ds-heading" data-size="sm">{format!("Resultat for {file_name}")}</h2>
            {inexact.into_iter().map(|t| alert("warning", t)).collect_view()}
            <dl class="frist-facts">
                <dt>"Regninger"</dt><dd data-testid="bills">{r.bills}</dd>
                <dt>"Med feil (avvises av Helfo)"</dt><dd data-testid="with-errors">{r.with_errors}</dd>
                <dt>"Med merknad"</dt><dd data-testid="with-warnings">{r.with_warnings}</dd>
            </dl>
            <h3 class="ds-heading" data-size="xs">"Funn per regel"</h3>
            <ul class="ds-list" data-testid="by-rule">
                {r.by_rule.iter().map(|(rule, n)| view! {
                    <li data-rule=rule.clone()>{format!("{}: {n}", rule_name(rule))}</li>
                }).collect_view()}
            </ul>
            {(!new_doctors.is_empty()).then(|| view! {
                <div class="ds-alert" data-color="info" role="status" data-testid="missing-takster">
                    <h3 class="ds-heading" data-size="xs">"Takster nye leger kanskje ikke bruker"</h3>
                    <p class="ds-paragraph">"Kollegene bruker disse takstene ofte, men de nye legene har ikke brukt dem denne perioden. Takster som ikke tas for utført arbeid er tapte inntekter."</p>
                    <ul class="ds-list">
                        {new_doctors.iter().map(|d| view! {
                            <li>
                                {format!("{} ({}): ", d.hpr, role_nb(d.role))}
                                {d.missing.iter().map(|c| format!("{c} ({})", takst_text(c))).collect::<Vec<_>>().join(", ")}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <h3 class="ds-heading" data-size="xs">"Per lege"</h3>
            <div class="frist-table-wrap">
                <table class="ds-table" data-testid="per-doctor">
                    <thead><tr>
                        <th scope="col">"HPR-nummer"</th><th scope="col">"Rolle"</th>
                        <th scope="col">"Regninger"</th><th scope="col">"Med feil"</th>
                        <th scope="col">"Med merknad"</th><th scope="col">"Refusjon"</th>
                        <th scope="col">"Funn"</th>
                    </tr></thead>
                    <tbody>
                        {r.doctors.iter().map(|d| {
                            let refund: i64 = d.months.iter().map(|m| m.refund_ore).sum();
                            let rules = d.by_rule.keys().map(|k| rule_name(k)).collect::<Vec<_>>().join(", ");
                            view! {
                                <tr data-hpr=d.hpr.clone()>
                                    <th scope="row">{d.hpr.clone()}{d.new_doctor.then_some(" (ny)")}</th>
                                    <td>{role_nb(d.role)}</td>
                                    <td>{d.bills}</td><td>{d.with_errors}</td><td>{d.with_warnings}</td>
                                    <td>{format_kroner(refund)}</td>
                                    <td>{if rules.is_empty() { "–".to_owned() } else { rules }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
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
                                let severity = if i.severity == frist_domain::Severity::Error { "Feil" } else { "Merknad" };
                                (b.line, b.hpr.clone(), rule_of(i).to_owned(), severity, render(i, Lang::Nb))
                            })
                            .collect()
                    })
                };
                let download = move |_| {
                    let mut csv = String::from("linje;lege;regel;alvorlighet;funn\n");
                    for (line, hpr, rule, severity, text) in shown() {
                        csv.push_str(&format!("{line};{hpr};{rule};{severity};\"{}\"\n", text.replace('"', "\"\"")));
                    }
                    save_text("kontrollfunn.csv", &csv);
                };
                view! {
                <h3 class="ds-heading" data-size="xs">"Regninger med feil eller merknad"</h3>
                <div class="frist-inline-form">
                    <div class="ds-field">
                        <label class="ds-label" for="kt-filter">"Vis lege"</label>
                        <select class="ds-input" id="kt-filter" on:change=move |ev| doctor_filter.set(event_target_value(&ev))>
                            <option value="">"Alle leger"</option>
                            {doctors.into_iter().map(|h| view! { <option value=h.clone()>{h.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="ds-field">
                        <label class="ds-label" for="kt-rule">"Vis regel"</label>
                        <select class="ds-input" id="kt-rule" on:change=move |ev| rule_filter.set(event_target_value(&ev))>
                            <option value="">"Alle regler"</option>
                            {rules.into_iter().map(|r| view! { <option value=r.clone()>{rule_name(&r)}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                {move || {
                    let rows = shown();
                    let total = rows.len();
                    view! {
                        <p class="ds-paragraph" data-size="sm" role="status" data-testid="shown-count">
                            {if total > SHOWN { format!("Viser de første {SHOWN} av {total} funn.") } else { format!("{total} funn.") }}
                            " "
                            <button class="ds-button" data-variant="tertiary" data-size="sm" type="button" on:click=download>
                                "Last ned funnene (CSV)"
                            </button>
                        </p>
                        <div class="frist-table-wrap">
                            <table class="ds-table" data-testid="bill-issues">
                                <thead><tr>
                                    <th scope="col">"Linje"</th><th scope="col">"Lege"</th>
                                    <th scope="col">"Regel"</th><th scope="col">"Hva er galt"</th>
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
/// A decimal number the Norwegian way: `2,25`.
fn decimal(v: f64, places: usize) -> String {
    format!("{v:.places$}").replace('.', ",")
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
    let label = format!(
        "Punktdiagram: refusjon per listepasient for {} leger i {} kommuner, {}. Median {} kr, grense for uvanlig høy {} kr. Tallene står i tabellen under.",
        d.points.len(),
        v.organisations,
        v.month,
        decimal(d.median, 2),
        decimal(d.threshold, 2)
    );
    let class = match v.size_class.as_str() {
        "small" => "små kommuner (under 5 000 listepasienter)",
        "medium" => "mellomstore kommuner (5 000–19 999)",
        "large" => "store kommuner (20 000 og flere)",
        _ => "alle kommuner",
    };
    let peers_text = match v.peers {
        PeerGroup::Class => format!("Sammenlignet med {class}."),
        PeerGroup::All => "Sammenlignet med alle kommuner.".to_owned(),
    };
    let flagged = own.iter().filter(|p| p.outlier).count();
    view! {
        <figure class="frist-chart" data-testid="peer-chart">
            <p class="ds-paragraph" data-size="sm">{peers_text}</p>
            {(!d.enough_peers).then(|| alert("info", "For få leger å sammenligne med til å kalle noen uvanlig.".into()))}
            <svg role="img" aria-label=label viewBox=format!("0 0 {w} 150") width="100%" height="180">
                <line x1=left y1="90" x2=w - right y2="90" stroke="#555"/>
                {(0..=4).map(|i| {
                    let value = max * f64::from(i) / 4.0;
                    view! { <text x=x(value) y="110" text-anchor="middle" font-size="11">{decimal(value, 1)}</text> }
                }).collect_view()}
                <text x=left y="130" font-size="11">"kr per listepasient"</text>
                <line x1=x(d.median) y1="20" x2=x(d.median) y2="95" stroke="#1e5b8a" stroke-dasharray="2 2"/>
                <text x=x(d.median) y="14" text-anchor="middle" font-size="11">"median"</text>
                <line x1=x(d.threshold) y1="20" x2=x(d.threshold) y2="95" stroke="#b00020" stroke-dasharray="6 3"/>
                <text x=x(d.threshold) y="14" text-anchor="middle" font-size="11">"grense"</text>
                {d.points.iter().enumerate().map(|(i, p)| {
                    let cx = x(p.per_patient);
                    let cy = 80.0 - (i % 4) as f64 * 8.0;
                    if p.own && p.outlier {
                        view! { <g>
                            <polygon points=format!("{},{} {},{} {},{}", cx, cy - 7.0, cx - 6.0, cy + 4.0, cx + 6.0, cy + 4.0) fill="#b00020"/>
                            <text x=cx y=cy - 10.0 text-anchor="middle" font-size="11">{format!("{} uvanlig høy", p.hpr)}</text>
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
                "Grå sirkler: leger i andre kommuner. Blå firkanter: kommunens leger. Røde trekanter med tekst: uvanlig høy refusjon (over median + "
                {decimal(d.k, 1)}
                " × spredning). Stiplede linjer: median og grensen."
            </figcaption>
        </figure>
        <p class="ds-paragraph" role="status" data-testid="outlier-count">
            {format!("{flagged} av kommunens leger har uvanlig høy refusjon per listepasient denne måneden.")}
        </p>
        <div class="frist-table-wrap">
            <table class="ds-table" data-testid="peer-table">
                <thead><tr>
                    <th scope="col">"HPR-nummer"</th><th scope="col">"Kr per listepasient"</th>
                    <th scope="col">"Median"</th><th scope="col">"Grense"</th><th scope="col">"Vurdering"</th>
                </tr></thead>
                <tbody>
                    {own.into_iter().map(|p| view! {
                        <tr data-hpr=p.hpr.clone() data-outlier=p.outlier.to_string()>
                            <th scope="row">{p.hpr.clone()}</th>
                            <td>{decimal(p.per_patient, 2)}</td>
                            <td>{decimal(d.median, 2)}</td>
                            <td>{decimal(d.threshold, 2)}</td>
                            <td>{if p.outlier { "Uvanlig høy – se over takstbruken" } else { "Innenfor det vanlige" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
