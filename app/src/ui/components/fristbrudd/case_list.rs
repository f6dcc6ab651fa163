//! `/fristbrudd/saker`: the cases a hospital (or Helfo) may see, filtered.

use frist_domain::access::Role;
use frist_domain::fristbrudd::{CaseSummary, State};
use leptos::prelude::*;
use leptos_router::components::A;
use strum::IntoEnumIterator;

use crate::api::{self, load_all_for};
use crate::form::{SelectField, Show, alert, show_filter, show_note, today};
use crate::i18n::{name, t};
use crate::session::use_session;

use super::case_table::CaseTable;
use super::patient_search::PatientSearch;

#[component]
pub fn CaseList() -> impl IntoView {
    let cases = RwSignal::new(Vec::<CaseSummary>::new());
    let failure = RwSignal::new(None::<String>);
    // `?state=` and `?vis=` come from the front page's counts.
    let query = leptos_router::hooks::use_query_map();
    let state = RwSignal::new(
        query
            .get_untracked()
            .get("state")
            .unwrap_or_else(|| "open".to_owned()),
    );
    let show = show_filter();
    let today = today();
    let shown = Signal::derive(move || {
        let mut list = cases.get();
        if let Some(s) = show.get() {
            list.retain(|c| {
                if s == Show::ActNow {
                    c.site_action.needs_site()
                } else {
                    s.keeps(c.next_deadline.map(|(_, d)| d), today)
                }
            });
        }
        list
    });
    load_all_for(cases, failure, move || state.get(), api::cases);
    let options = Signal::derive(|| {
        let mut o = vec![
            ("open".to_owned(), t("fristbrudd.filter_open").to_owned()),
            (
                "closed".to_owned(),
                t("fristbrudd.filter_closed").to_owned(),
            ),
        ];
        o.extend(State::iter().map(|s| (s.as_str().to_owned(), name(s).to_owned())));
        o
    });
    let role = use_session().view().map(|s| s.user.role);
    let site = role == Some(Role::Behandlingssted);
    let helfo = role.is_some_and(Role::sees_all_organisations);
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("fristbrudd.list_title")}
        </h1>
        {site
            .then(|| {
                view! {
                    <p class="ds-paragraph">
                        <A href="/fristbrudd/ny">{t("fristbrudd.report_new")}</A>
                    </p>
                }
            })}
        {helfo.then(|| view! { <PatientSearch /> })}
        {move || failure.get().map(|t| alert("danger", t))}
        <div class="frist-filter">
            <SelectField
                id="fb-filter"
                label=t("fristbrudd.filter_label")
                value=state
                options=options
                error=Signal::derive(|| None::<String>)
            />
        </div>
        {show_note(show, "/fristbrudd/saker")}
        <CaseTable cases=shown caption=t("fristbrudd.list_caption") queue=false />
    }
}
