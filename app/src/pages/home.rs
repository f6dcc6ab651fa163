//! `/`: each role's front page: what the role does in frist and where to go.

use frist_domain::access::Role;
use frist_domain::api::WorkCounts;
use leptos::prelude::*;
use leptos_router::components::A;

use super::table::PAGES;
use crate::api;
use crate::i18n::{name, t, tf};
use crate::session::use_session;

/// The heading and introduction of a role's front page.
pub fn role_home(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::Behandlingssted => (
            t("home.behandlingssted_title"),
            t("home.behandlingssted_intro"),
        ),
        Role::Kommune => (t("home.kommune_title"), t("home.kommune_intro")),
        Role::Hf => (t("home.hf_title"), t("home.hf_intro")),
        Role::Helfo | Role::HelfoAdmin => (t("home.helfo_title"), t("home.helfo_intro")),
    }
}

/// One count of a card: a link to the list it counts, or plain text when
/// there is nothing to open.
fn count_link(n: u32, key: &'static str, href: String, color: &'static str) -> impl IntoView {
    let text = tf(key, &[("n", &n.to_string())]);
    let attention = n > 0 && color != "neutral";
    view! {
        <li data-count=key>
            {if n == 0 {
                view! { <span>{text}</span> }.into_any()
            } else {
                view! { <A href=href>{text}</A> }.into_any()
            }}
            {attention
                .then(|| {
                    view! {
                        " "
                        <span class="ds-tag" data-color=color>
                            {t(
                                if color == "danger" { "home.needs_attention" } else { "home.soon" },
                            )}
                        </span>
                    }
                })}
        </li>
    }
}

/// The fristbrudd card: open cases, new ones, what to do now and deadlines.
fn fristbrudd_card(c: WorkCounts, helfo: bool) -> impl IntoView {
    let list = if helfo {
        "/fristbrudd/ko"
    } else {
        "/fristbrudd/saker"
    };
    view! {
        <li class="frist-card" data-area="fristbrudd">
            <h2 class="ds-heading" data-size="xs">
                {t("home.card_fristbrudd")}
            </h2>
            <ul class="frist-card__counts">
                {count_link(c.open, "home.open_cases", list.to_owned(), "neutral")}
                {c
                    .new
                    .map(|n| count_link(
                        n,
                        "home.new_cases",
                        "/fristbrudd/saker?state=notified".to_owned(),
                        "neutral",
                    ))}
                {c
                    .act_now
                    .map(|n| count_link(
                        n,
                        "home.site_act_now",
                        "/fristbrudd/saker?vis=gjor-na".to_owned(),
                        "warning",
                    ))}
                {count_link(
                    c.overdue,
                    "home.overdue",
                    "/fristbrudd/saker?vis=forfalt".to_owned(),
                    "danger",
                )}
                {count_link(
                    c.due_this_week,
                    "home.due_this_week",
                    "/fristbrudd/saker?vis=uke".to_owned(),
                    "warning",
                )}
            </ul>
        </li>
    }
}

/// The fastlege card: messages by deadline, and the terminations to chase.
fn fastlege_card(c: WorkCounts, chase: Option<u32>, helfo: bool) -> impl IntoView {
    let list = "/fastlege/meldinger";
    let (open_key, chase_key, chase_href) = if helfo {
        (
            "home.messages_to_register",
            "home.chase_helfo",
            "/fastlege/purring",
        )
    } else {
        (
            "home.messages_unregistered",
            "home.chase_kommune",
            "/fastlege/oversikt",
        )
    };
    view! {
        <li class="frist-card" data-area="fastlege">
            <h2 class="ds-heading" data-size="xs">
                {t("home.card_fastlege")}
            </h2>
            <ul class="frist-card__counts">
                {count_link(c.open, open_key, list.to_owned(), "neutral")}
                {count_link(c.overdue, "home.overdue", format!("{list}?vis=forfalt"), "danger")}
                {count_link(
                    c.due_this_week,
                    "home.due_this_week",
                    format!("{list}?vis=uke"),
                    "warning",
                )} {chase.map(|n| count_link(n, chase_key, chase_href.to_owned(), "warning"))}
            </ul>
        </li>
    }
}

/// The frikort card: claims by deadline, and those begun and not sent.
fn frikort_card(c: WorkCounts, helfo: bool) -> impl IntoView {
    let open_key = if helfo {
        "home.claims_to_settle"
    } else {
        "home.claims_with_helfo"
    };
    view! {
        <li class="frist-card" data-area="frikort">
            <h2 class="ds-heading" data-size="xs">
                {t("home.card_frikort")}
            </h2>
            <ul class="frist-card__counts">
                {count_link(c.open, open_key, "/frikort/krav".to_owned(), "neutral")}
                {count_link(
                    c.overdue,
                    "home.overdue",
                    "/frikort/krav?vis=forfalt".to_owned(),
                    "danger",
                )}
                {count_link(
                    c.due_this_week,
                    "home.due_this_week",
                    "/frikort/krav?vis=uke".to_owned(),
                    "warning",
                )}
                {c
                    .act_now
                    .map(|n| count_link(
                        n,
                        "home.claims_unsent",
                        "/frikort/krav".to_owned(),
                        "warning",
                    ))}
            </ul>
        </li>
    }
}

/// The work overview (issue 24): a card per area of the role, with the
/// counts that open the filtered lists.
#[component]
fn Overview(role: Role) -> impl IntoView {
    let overview = LocalResource::new(api::overview);
    let helfo = role.sees_all_organisations();
    move || match overview.get() {
        None => view! {
            <p class="ds-paragraph" data-testid="overview-loading">
                {t("home.counting")}
            </p>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <div class="ds-alert" data-color="warning" role="status">
                <p class="ds-paragraph">{e.text()}</p>
            </div>
        }
        .into_any(),
        Some(Ok(o)) => view! {
            <ul class="frist-cards" data-testid="overview">
                {o.fristbrudd.map(|c| fristbrudd_card(c, helfo))}
                {o.fastlege.map(|c| fastlege_card(c, o.chase, helfo))}
                {o.frikort.map(|c| frikort_card(c, helfo))}
            </ul>
        }
        .into_any(),
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    move || {
        session.view().map(|s| {
            let (title, intro) = role_home(s.user.role);
            let role = s.user.role;
            let local = s.mode == "local";
            view! {
                <section data-testid="home" data-role=s.user.role.as_str()>
                    <h1 class="ds-heading" data-size="lg">
                        {title}
                    </h1>
                    <p class="ds-paragraph">{intro}</p>
                    <p class="ds-paragraph" data-size="sm">
                        {tf(
                            "home.logged_in_as",
                            &[
                                ("name", &s.user.name),
                                ("role", name(s.user.role)),
                                ("organisation", &s.organisation.name),
                            ],
                        )}
                    </p>
                    <Overview role=role />
                    <h2 class="ds-heading" data-size="sm">
                        {t("home.shortcuts")}
                    </h2>
                    <ul class="ds-list" data-testid="shortcuts">
                        {PAGES
                            .iter()
                            .filter_map(|p| {
                                p.shortcut_for(role, local)
                                    .map(|key| {
                                        view! {
                                            <li>
                                                <A href=p.path>{t(key)}</A>
                                            </li>
                                        }
                                    })
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
