//! The control's inputs: the doctor list (kept between visits), the
//! tariff year and the month's bills; each change checks again.

use frist_domain::kontroll::Tariffs;
use leptos::html;
use leptos::prelude::*;

use crate::form::nb;
use crate::i18n::{t, tf};

use super::control::Control;
use super::file::read_file;

#[component]
pub(super) fn ControlInputs(control: Control) -> impl IntoView {
    view! {
        <div class="frist-form">
            <DoctorsField control=control />
            <YearField control=control />
            <BillsField control=control />
        </div>
    }
}

/// The doctor list: the file, and what was read from it.
#[component]
fn DoctorsField(control: Control) -> impl IntoView {
    let doctors_input = NodeRef::<html::Input>::new();
    let on_doctors = move |_| {
        leptos::task::spawn_local(async move {
            if let Some((name, bytes)) = read_file(doctors_input).await {
                control.take_doctors(name, bytes);
            }
        });
    };
    view! {
        <div class="ds-field">
            <label class="ds-label" for="kt-doctors">
                {t("kontroll.doctors_label")}
            </label>
            <div class="ds-paragraph frist-description" data-size="sm" id="kt-doctors-description">
                {t("kontroll.doctors_description")}
            </div>
            <input
                class="ds-input"
                type="file"
                id="kt-doctors"
                accept=".csv,.txt,text/csv"
                aria-describedby="kt-doctors-description"
                node_ref=doctors_input
                on:change=on_doctors
            />
            <DoctorList control=control />
        </div>
    }
}

/// The doctor list kept: its name, how many doctors, and the button that
/// forgets it.
#[component]
fn DoctorList(control: Control) -> impl IntoView {
    move || {
        control.doctors_csv.get().map(|(name, _)| {
            let (list, problems) = control.doctors();
            view! {
                <p class="ds-paragraph" data-size="sm" data-testid="doctor-list">
                    {tf(
                        "kontroll.doctor_list_count",
                        &[("name", &name), ("n", &list.len().to_string())],
                    )}
                    {(problems > 0)
                        .then(|| tf(
                            "kontroll.doctor_list_unreadable",
                            &[("n", &problems.to_string())],
                        ))}
                    " "
                    <button
                        class="ds-button"
                        data-variant="tertiary"
                        data-size="sm"
                        type="button"
                        on:click=move |_| control.forget_doctors()
                    >
                        {t("kontroll.forget_doctors")}
                    </button>
                </p>
            }
        })
    }
}

/// The tariff year to check against.
#[component]
fn YearField(control: Control) -> impl IntoView {
    view! {
        <div class="ds-field">
            <label class="ds-label" for="kt-year">
                {t("kontroll.year_label")}
            </label>
            <select
                class="ds-input"
                id="kt-year"
                on:change=move |ev| {
                    control.year.set(event_target_value(&ev));
                    control.run();
                }
            >
                <option value="">{t("kontroll.year_default")}</option>
                {Tariffs::builtin()
                    .years()
                    .iter()
                    .map(|y| {
                        view! {
                            <option value=y
                                .year
                                .to_string()>
                                {format!("{} – {}", nb(y.valid_from), nb(y.valid_to))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The month's bills.
#[component]
fn BillsField(control: Control) -> impl IntoView {
    let bills_input = NodeRef::<html::Input>::new();
    let on_bills = move |_| {
        leptos::task::spawn_local(async move {
            if let Some((name, bytes)) = read_file(bills_input).await {
                control.file_name.set(name);
                control.bills_bytes.set_value(bytes);
                control.run();
            }
        });
    };
    view! {
        <div class="ds-field">
            <label class="ds-label" for="kt-bills">
                {t("kontroll.bills_label")}
            </label>
            <input
                class="ds-input"
                type="file"
                id="kt-bills"
                accept=".csv,.txt,text/csv"
                node_ref=bills_input
                on:change=on_bills
            />
        </div>
    }
}
