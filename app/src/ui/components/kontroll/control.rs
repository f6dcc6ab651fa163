//! The state of `/kontroll`, and its jobs: checking the month's bills
//! against the doctor list, and comparing the month with peers (CTRL-9).

use frist_checker::ControlContext;
use frist_domain::kontroll::{BatchReport, Doctor, PeerGroup, PeerView, read_doctors};
use leptos::prelude::*;

use crate::api;
use crate::form::{draft, today};
use crate::i18n::{t, tf};
use crate::session::{Session, use_session};

use super::file::{DOCTORS_KEY, failure_text, file_error};

/// One signal per thing the page shows (all `Copy`, so the parts share it).
#[derive(Clone, Copy)]
pub(super) struct Control {
    session: Session,
    /// The doctor list kept from last time: its file name and text.
    pub(super) doctors_csv: RwSignal<Option<(String, String)>>,
    pub(super) year: RwSignal<String>,
    pub(super) report: RwSignal<Option<BatchReport>>,
    pub(super) file_name: RwSignal<String>,
    pub(super) failure: RwSignal<Option<String>>,
    pub(super) doctor_filter: RwSignal<String>,
    pub(super) peers: RwSignal<Option<PeerView>>,
    pub(super) group: RwSignal<PeerGroup>,
    pub(super) comparing: RwSignal<bool>,
    pub(super) checking: RwSignal<bool>,
    pub(super) bills_bytes: StoredValue<Vec<u8>>,
    /// The check now running: an answer to an earlier one is dropped.
    generation: StoredValue<u32>,
}

impl Control {
    pub(super) fn new() -> Self {
        Control {
            session: use_session(),
            doctors_csv: RwSignal::new(draft::load::<(String, String)>(DOCTORS_KEY)),
            year: RwSignal::new(String::new()),
            report: RwSignal::new(None),
            file_name: RwSignal::new(String::new()),
            failure: RwSignal::new(None),
            doctor_filter: RwSignal::new(String::new()),
            peers: RwSignal::new(None),
            group: RwSignal::new(PeerGroup::Class),
            comparing: RwSignal::new(false),
            checking: RwSignal::new(false),
            bills_bytes: StoredValue::new(Vec::new()),
            generation: StoredValue::new(0u32),
        }
    }

    /// The doctors in the kept list, and how many of its rows were unreadable.
    pub(super) fn doctors(self) -> (Vec<Doctor>, usize) {
        self.doctors_csv
            .get()
            .and_then(|(_, text)| read_doctors(text.as_bytes()).ok())
            .map(|(d, problems)| (d, problems.len()))
            .unwrap_or_default()
    }

    /// Checks the month's bills. The month is checked in the checker
    /// worker, so a large one never freezes the page.
    pub(super) fn run(self) {
        let bytes = self.bills_bytes.get_value();
        if bytes.is_empty() {
            return;
        }
        let ctx = ControlContext {
            doctors_csv: self
                .doctors_csv
                .get_untracked()
                .map(|(_, text)| text)
                .unwrap_or_default(),
            forced_year: self.year.get_untracked().parse().ok(),
            today: today(),
            allow_synthetic: self.session.view().is_some_and(|s| s.mode == "local"),
        };
        let Control {
            peers,
            report,
            checking,
            generation,
            failure,
            ..
        } = self;
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
    }

    /// Keeps a newly chosen doctor list (when it reads) and checks again.
    pub(super) fn take_doctors(self, name: String, bytes: Vec<u8>) {
        match String::from_utf8(bytes) {
            Ok(text) => match read_doctors(text.as_bytes()) {
                Ok(_) => {
                    let saved = (name, text);
                    draft::save(DOCTORS_KEY, &saved);
                    self.doctors_csv.set(Some(saved));
                    self.failure.set(None);
                    self.run();
                }
                Err(e) => self.failure.set(Some(tf(
                    "kontroll.doctor_list_error",
                    &[("error", &file_error(&e))],
                ))),
            },
            Err(_) => self
                .failure
                .set(Some(t("kontroll.doctor_list_not_utf8").into())),
        }
    }

    pub(super) fn forget_doctors(self) {
        draft::clear(DOCTORS_KEY);
        self.doctors_csv.set(None);
        self.run();
    }

    /// CTRL-9: sends the month's figures and shows the peers (or, with
    /// `refresh`, asks again for another peer group).
    pub(super) fn compare(self, refresh: bool) {
        let Some(r) = self.report.get_untracked() else {
            return;
        };
        let Some(month) = r.main_month() else {
            return;
        };
        let upload = r.month_upload(&month);
        let Control {
            comparing,
            group,
            failure,
            peers,
            ..
        } = self;
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
    }
}
