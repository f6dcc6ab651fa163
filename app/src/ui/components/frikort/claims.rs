//! `/frikort/krav`: the claims an HF sent, or Helfo received.

use frist_domain::access::Role;
use frist_domain::frikort::{ClaimStatus, ClaimView, format_ore};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, load_all};
use crate::form::{alert, due_tag, nb, show_filter, show_note, today};
use crate::i18n::{name, t};
use crate::session::use_session;

/// The pages a claim is opened from, for its back link.
pub(super) const CLAIM_LISTS: &[(&str, &str)] = &[
    ("/frikort/krav", "frikort.all_claims"),
    ("/", "nav.back_to_home"),
];

#[component]
pub fn Claims() -> impl IntoView {
    let claims = RwSignal::new(Vec::<ClaimView>::new());
    let failure = RwSignal::new(None::<String>);
    load_all(claims, failure, api::claims);
    // `?vis=` from the front page's counts: claims Helfo has not settled,
    // by FK-3's date.
    let show = show_filter();
    let today = today();
    let shown = move || {
        let mut list = claims.get();
        if let Some(s) = show.get() {
            list.retain(|c| c.status == ClaimStatus::Received && s.keeps(c.due, today));
        }
        list
    };
    let hf = use_session()
        .view()
        .is_some_and(|s| s.user.role == Role::Hf);
    view! {
        <h1 class="ds-heading" data-size="lg">
            {t("frikort.claims_title")}
        </h1>
        <p class="ds-paragraph">{t("frikort.claims_intro")}</p>
        {hf
            .then(|| {
                view! {
                    <p class="ds-paragraph">
                        <A href="/frikort/ny">{t("frikort.send_new_claim")}</A>
                    </p>
                }
            })}
        {move || failure.get().map(|t| alert("danger", t))}
        {show_note(show, "/frikort/krav")}
        <div class="frist-table-wrap">
            <table class="ds-table" tabindex="0" data-testid="claim-table">
                <caption class="ds-sr-only">{t("frikort.claims_caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("frikort.claim")}</th>
                        <th scope="col">{t("frikort.health_trust")}</th>
                        <th scope="col">{t("frikort.status")}</th>
                        <th scope="col">{t("frikort.pay_by")}</th>
                        <th scope="col">{t("frikort.lines")}</th>
                        <th scope="col">{t("frikort.claimed")}</th>
                        <th scope="col">{t("frikort.approved")}</th>
                        <th scope="col">{t("frikort.paid")}</th>
                    </tr>
                </thead>
                <tbody>{move || { shown().into_iter().map(claim_row).collect_view() }}</tbody>
            </table>
        </div>
    }
}

/// One claim: its number (a link), health trust, status, deadline and sums.
fn claim_row(c: ClaimView) -> impl IntoView {
    let open = c.status == ClaimStatus::Received;
    // FK-3's 30 days run while Helfo has not settled the claim.
    view! {
        <tr>
            <td>
                <A href=format!("/frikort/krav/{}", c.id)>{c.number.clone()}</A>
            </td>
            <td>{c.organisation_name.clone()}</td>
            <td>{name(c.status)}</td>
            <td>
                {c.due.map(nb).unwrap_or_else(|| "–".into())}
                {c.due.filter(|_| open).and_then(due_tag)}
            </td>
            <td>{c.lines}</td>
            <td>{format_ore(c.claimed_ore)}</td>
            <td>{format_ore(c.approved_ore)}</td>
            <td>{if c.payments.is_empty() { "–".into() } else { format_ore(c.paid_ore) }}</td>
        </tr>
    }
}
