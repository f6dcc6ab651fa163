//! What the lists share: today, Norwegian dates, the due tag and the filters
//! of what a list shows.

use leptos::prelude::*;

use crate::i18n::{t, tf};

/// Today in Europe/Oslo, from the browser's clock (CAL-5).
pub fn today() -> chrono::NaiveDate {
    frist_domain::calendar::oslo_date_from_millis(js_sys::Date::now() as i64)
        .unwrap_or(frist_domain::calendar::MIN_DATE)
}

/// A date as people read it, `dd.mm.åååå`.
pub fn nb(date: chrono::NaiveDate) -> String {
    frist_domain::calendar::format_nb(date)
}

/// The tag beside a deadline (issue 24): overdue in red with how long,
/// today and tomorrow in amber, the rest of the week neutral; nothing for
/// a deadline further away. `data-due` carries the kind for tests.
pub fn due_tag(deadline: chrono::NaiveDate) -> Option<impl IntoView> {
    use frist_domain::calendar::{Due, due};
    let (color, kind, text) = match due(deadline, today()) {
        Due::Overdue(1) => ("danger", "overdue", t("due.overdue_one").to_owned()),
        Due::Overdue(n) => (
            "danger",
            "overdue",
            tf("due.overdue", &[("n", &n.to_string())]),
        ),
        Due::Today => ("warning", "today", t("due.today").to_owned()),
        Due::Tomorrow => ("warning", "tomorrow", t("due.tomorrow").to_owned()),
        Due::ThisWeek(n) => ("info", "week", tf("due.in_days", &[("n", &n.to_string())])),
        Due::Later => return None,
    };
    Some(view! {
        " "
        <span class="ds-tag" data-color=color data-due=kind data-testid="due-tag">
            {text}
        </span>
    })
}

/// A list's `?vis=` filter, from the front page's counts (issue 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// `forfalt`: the deadline has passed.
    Overdue,
    /// `uke`: the deadline is today or within seven days.
    ThisWeek,
    /// `gjor-na`: the hospital must act now.
    ActNow,
}

impl Show {
    /// Whether an item with this deadline stays in the list.
    pub fn keeps(self, deadline: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> bool {
        match self {
            Show::Overdue => deadline.is_some_and(|d| d < today),
            Show::ThisWeek => deadline.is_some_and(|d| d >= today && (d - today).num_days() <= 7),
            Show::ActNow => true,
        }
    }
}

/// The page's `?vis=` filter.
pub fn show_filter() -> Memo<Option<Show>> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| match query.get().get("vis").as_deref() {
        Some("forfalt") => Some(Show::Overdue),
        Some("uke") => Some(Show::ThisWeek),
        Some("gjor-na") => Some(Show::ActNow),
        _ => None,
    })
}

/// Above a filtered list: what it shows, and a link to all of it.
pub fn show_note(show: Memo<Option<Show>>, all: &'static str) -> impl IntoView {
    move || {
        show.get().map(|s| {
            let what = match s {
                Show::Overdue => t("list.showing_overdue"),
                Show::ThisWeek => t("list.showing_this_week"),
                Show::ActNow => t("list.showing_act_now"),
            };
            view! {
                <p class="ds-paragraph" data-testid="list-filter">
                    {what}
                    " "
                    <leptos_router::components::A href=all>
                        {t("list.show_all")}
                    </leptos_router::components::A>
                </p>
            }
        })
    }
}
