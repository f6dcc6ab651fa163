//! The notification form's fields as the hospital types them, and the form
//! they make.

use frist_domain::fristbrudd::NotificationForm;
use leptos::prelude::*;

/// One signal per field of [`NotificationForm`].
#[derive(Clone, Copy)]
pub(super) struct CaseFields {
    pub(super) fnr: RwSignal<String>,
    pub(super) name: RwSignal<String>,
    pub(super) phone: RwSignal<String>,
    pub(super) specialty: RwSignal<String>,
    pub(super) fristdato: RwSignal<String>,
    pub(super) referral: RwSignal<String>,
    pub(super) warning: RwSignal<String>,
    pub(super) kind: RwSignal<String>,
    pub(super) urgent: RwSignal<bool>,
    pub(super) urgent_reason: RwSignal<String>,
}

impl CaseFields {
    pub(super) fn new(start: &NotificationForm) -> Self {
        CaseFields {
            fnr: RwSignal::new(start.patient_fnr.clone()),
            name: RwSignal::new(start.patient_name.clone()),
            phone: RwSignal::new(start.patient_phone.clone()),
            specialty: RwSignal::new(start.specialty.clone()),
            fristdato: RwSignal::new(start.fristdato.clone()),
            referral: RwSignal::new(start.referral_received.clone()),
            warning: RwSignal::new(start.warning_sent.clone()),
            kind: RwSignal::new(start.kind.clone()),
            urgent: RwSignal::new(start.urgent),
            urgent_reason: RwSignal::new(start.urgent_reason.clone()),
        }
    }

    pub(super) fn form(&self) -> NotificationForm {
        NotificationForm {
            patient_fnr: self.fnr.get(),
            patient_name: self.name.get(),
            patient_phone: self.phone.get(),
            specialty: self.specialty.get(),
            fristdato: self.fristdato.get(),
            referral_received: self.referral.get(),
            warning_sent: self.warning.get(),
            kind: self.kind.get(),
            urgent: self.urgent.get(),
            urgent_reason: self.urgent_reason.get(),
        }
    }

    /// Whether something is typed in the field at `path` yet. Before the
    /// first attempt, a field shows its errors once something is typed in
    /// it; after, every error shows.
    pub(super) fn typed(&self, path: &str) -> bool {
        let f = self.form();
        match path {
            "patient_fnr" => !f.patient_fnr.is_empty(),
            "patient_name" => !f.patient_name.is_empty(),
            "patient_phone" => !f.patient_phone.is_empty(),
            "specialty" => !f.specialty.is_empty(),
            "fristdato" => !f.fristdato.is_empty(),
            "referral_received" => !f.referral_received.is_empty(),
            "warning_sent" => !f.warning_sent.is_empty(),
            "kind" => !f.kind.is_empty(),
            "urgent_reason" => !f.urgent_reason.is_empty(),
            _ => false,
        }
    }

    /// Empties every field.
    pub(super) fn clear(&self) {
        for s in [
            self.fnr,
            self.name,
            self.phone,
            self.specialty,
            self.fristdato,
            self.referral,
            self.warning,
            self.kind,
            self.urgent_reason,
        ] {
            s.set(String::new());
        }
        self.urgent.set(false);
    }
}
