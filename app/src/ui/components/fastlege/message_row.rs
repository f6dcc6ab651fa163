//! One row of the messages list; the municipality's rows can be copied
//! into a new message.

use frist_domain::fastlege::MessageView;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::form::{draft, due_tag, nb};
use crate::i18n::{name, t, tf};

use super::messages::{registration_due, status_text};
use super::new_message::DRAFT_KEY;

#[component]
pub(super) fn MessageRow(m: MessageView, helfo: bool) -> impl IntoView {
    let status_text = status_text(&m);
    let tag = registration_due(&m).and_then(due_tag);
    let href = format!("/fastlege/meldinger/{}", m.id);
    let number = m.number.clone();
    view! {
        <tr data-message=m.id.clone()>
            <td>
                <A href=href>{number}</A>
            </td>
            {helfo.then(|| view! { <td>{m.organisation_name.clone()}</td> })}
            <td>
                <strong>{name(m.kind)}</strong>
                <br />
                {m.summary.clone()}
                {(!m.form.comment.trim().is_empty())
                    .then(|| {
                        view! {
                            <br />
                            <em data-testid="message-comment">
                                {tf(
                                    "fastlege.comment_shown",
                                    &[("comment", m.form.comment.trim())],
                                )}
                            </em>
                        }
                    })}
            </td>
            <td>{nb(m.effective)}</td>
            <td>{m.timing.class.map_or_else(|| "–".to_owned(), |c| c.as_str().to_owned())}</td>
            <td>{status_text}{tag}</td>
            <td>{(!helfo).then(|| view! { <CopyButton m=m.clone() /> })}</td>
        </tr>
    }
}

/// "Lag kopi": an earlier message's form becomes the draft of a new one.
#[component]
fn CopyButton(m: MessageView) -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    let label = tf("fastlege.copy_aria", &[("number", &m.number)]);
    view! {
        <button
            class="ds-button"
            data-variant="tertiary"
            data-size="sm"
            type="button"
            aria-label=label
            on:click=move |_| {
                if draft::copy_into(DRAFT_KEY, &m.form) {
                    navigate("/fastlege/ny", Default::default());
                }
            }
        >
            {t("fastlege.copy")}
        </button>
    }
}
