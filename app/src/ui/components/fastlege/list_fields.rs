//! The fastlege form's list fields: a new list (FL-9's move to it) and a
//! change of list size, each ending in the move the clerk confirms.

use frist_domain::fastlege::{Ending, MessageKind};
use leptos::prelude::*;

use crate::form::{FormErrors, SelectField, TextField, error_for, nb};
use crate::i18n::{t, tf};

use super::fields::Fields;
use super::timeline::moves_in_words;

#[component]
pub(super) fn NewListFields(
    f: Fields,
    errors: FormErrors,
    endings: Signal<Vec<Ending>>,
) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    let ending_options = Signal::derive(move || {
        endings
            .get()
            .into_iter()
            .map(|e| {
                (
                    e.id.clone(),
                    tf(
                        "fastlege.ending_option",
                        &[
                            ("number", &e.number),
                            ("gp", &e.gp_name),
                            ("date", &nb(e.termination)),
                        ],
                    ),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.new_list_legend")}
            </legend>
            <TextField
                id="fl-start_date"
                label=t("fastlege.start_label")
                description=t("fastlege.date_hint")
                value=f.start_date
                error=field("fl-start_date")
            />
            <TextField
                id="fl-listetak"
                label=t("fastlege.listetak_label")
                value=f.listetak
                error=field("fl-listetak")
            />
            <SelectField
                id="fl-replaces"
                label=t("fastlege.replaces_label")
                value=f.replaces
                options=ending_options
                error=field("fl-replaces")
            />
            <TextField
                id="fl-citizens_moved"
                label=t("fastlege.citizens_to_list_label")
                description=t("fastlege.citizens_to_list_desc")
                value=f.citizens_moved
                error=field("fl-citizens_moved")
            />
            <ConfirmMoves f=f errors=errors />
        </fieldset>
    }
}

#[component]
pub(super) fn ListSizeFields(f: Fields, errors: FormErrors) -> impl IntoView {
    let field = move |id: &'static str| errors.field(id);
    view! {
        <fieldset class="ds-fieldset">
            <legend class="ds-heading" data-size="xs">
                {t("fastlege.change_legend")}
            </legend>
            <TextField
                id="fl-effective_date"
                label=t("fastlege.effective_from")
                description=t("fastlege.date_hint")
                value=f.effective_date
                error=field("fl-effective_date")
            />
            <TextField
                id="fl-current_list_size"
                label=t("fastlege.current_list_size_label")
                value=f.current_list_size
                error=field("fl-current_list_size")
            />
            <TextField
                id="fl-new_listetak"
                label=t("fastlege.new_listetak_label")
                value=f.new_listetak
                error=field("fl-new_listetak")
            />
            <TextField
                id="fl-citizens_moved"
                label=t("fastlege.citizens_moved_label")
                description=t("fastlege.citizens_moved_desc")
                value=f.citizens_moved
                error=field("fl-citizens_moved")
            />
            <TextField
                id="fl-move_to"
                label=t("fastlege.move_to_label")
                description=t("fastlege.move_to_desc")
                value=f.move_to
                error=field("fl-move_to")
            />
            <ConfirmMoves f=f errors=errors />
        </fieldset>
    }
}

/// FL-9: the consequence in words, once the numbers add up — who moves
/// where, to confirm: on a list-size change to the list named, on a new
/// list to the new GP (or the practice's vacant list).
#[component]
fn ConfirmMoves(f: Fields, errors: FormErrors) -> impl IntoView {
    let moves = move || {
        let n: u32 = f.citizens_moved.get().trim().parse().ok()?;
        let to = match f.kind.get().parse::<MessageKind>() {
            Ok(MessageKind::NewGp) => f.gp_name.get(),
            Ok(MessageKind::NewVacantList) => f.practice.get(),
            _ => f.move_to.get(),
        };
        (n > 0 && !to.trim().is_empty()).then(|| moves_in_words(n, &to))
    };
    move || {
        moves().map(|words| {
            view! {
                <div class="ds-field frist-check frist-confirm">
                    <input
                        class="ds-input"
                        type="checkbox"
                        id="fl-confirmed"
                        aria-invalid=move || {
                            error_for(&errors.all.get(), "fl-confirmed").map(|_| "true")
                        }
                        prop:checked=move || f.confirmed.get()
                        on:change=move |ev| f.confirmed.set(event_target_checked(&ev))
                    />
                    <label class="ds-label" for="fl-confirmed">
                        {tf("fastlege.confirm", &[("words", &words)])}
                    </label>
                </div>
                {move || {
                    error_for(&errors.all.get(), "fl-confirmed")
                        .map(|e| {
                            view! {
                                <div
                                    class="ds-validation-message"
                                    data-color="danger"
                                    id="fl-confirmed-error"
                                >
                                    {e}
                                </div>
                            }
                        })
                }}
            }
        })
    }
}
