//! The fastlege form's fields as the user types them, and the form they make.

use frist_domain::fastlege::{ContactForm, MessageForm, MessageKind, SCHEMA_VERSION};
use leptos::prelude::*;

/// One signal per field of [`MessageForm`].
#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub(super) kind: RwSignal<String>,
    pub(super) contact_name: RwSignal<String>,
    pub(super) contact_phone: RwSignal<String>,
    pub(super) contact_email: RwSignal<String>,
    pub(super) gp_name: RwSignal<String>,
    pub(super) gp_hpr: RwSignal<String>,
    pub(super) gp_birth_date: RwSignal<String>,
    pub(super) practice: RwSignal<String>,
    pub(super) notice_date: RwSignal<String>,
    pub(super) notice_months: RwSignal<String>,
    pub(super) last_working_day: RwSignal<String>,
    pub(super) start_date: RwSignal<String>,
    pub(super) listetak: RwSignal<String>,
    pub(super) replaces: RwSignal<String>,
    pub(super) citizens_moved: RwSignal<String>,
    pub(super) effective_date: RwSignal<String>,
    pub(super) current_list_size: RwSignal<String>,
    pub(super) new_listetak: RwSignal<String>,
    pub(super) move_to: RwSignal<String>,
    pub(super) confirmed: RwSignal<bool>,
    pub(super) self_employed: RwSignal<bool>,
    pub(super) direct_settlement_date: RwSignal<String>,
    pub(super) substitute_name: RwSignal<String>,
    pub(super) substitute_hpr: RwSignal<String>,
    pub(super) competence: RwSignal<String>,
    pub(super) lis1_completed: RwSignal<bool>,
    pub(super) end_date: RwSignal<String>,
    pub(super) comment: RwSignal<String>,
}

impl Fields {
    pub(super) fn new(f: MessageForm) -> Self {
        let s = RwSignal::new;
        Fields {
            kind: s(f.kind),
            contact_name: s(f.contact.name),
            contact_phone: s(f.contact.phone),
            contact_email: s(f.contact.email),
            gp_name: s(f.gp_name),
            gp_hpr: s(f.gp_hpr),
            gp_birth_date: s(f.gp_birth_date),
            practice: s(f.practice),
            notice_date: s(f.notice_date),
            notice_months: s(f.notice_months),
            last_working_day: s(f.last_working_day),
            start_date: s(f.start_date),
            listetak: s(f.listetak),
            replaces: s(f.replaces),
            citizens_moved: s(f.citizens_moved),
            effective_date: s(f.effective_date),
            current_list_size: s(f.current_list_size),
            new_listetak: s(f.new_listetak),
            move_to: s(f.move_to),
            confirmed: RwSignal::new(f.confirmed),
            self_employed: RwSignal::new(f.self_employed),
            direct_settlement_date: s(f.direct_settlement_date),
            substitute_name: s(f.substitute_name),
            substitute_hpr: s(f.substitute_hpr),
            competence: s(f.competence),
            lis1_completed: RwSignal::new(f.lis1_completed),
            end_date: s(f.end_date),
            comment: s(f.comment),
        }
    }

    pub(super) fn form(&self) -> MessageForm {
        MessageForm {
            schema_version: SCHEMA_VERSION,
            kind: self.kind.get(),
            contact: ContactForm {
                name: self.contact_name.get(),
                phone: self.contact_phone.get(),
                email: self.contact_email.get(),
            },
            gp_name: self.gp_name.get(),
            gp_hpr: self.gp_hpr.get(),
            gp_birth_date: self.gp_birth_date.get(),
            practice: self.practice.get(),
            notice_date: self.notice_date.get(),
            notice_months: self.notice_months.get(),
            last_working_day: self.last_working_day.get(),
            start_date: self.start_date.get(),
            listetak: self.listetak.get(),
            replaces: self.replaces.get(),
            citizens_moved: self.citizens_moved.get(),
            effective_date: self.effective_date.get(),
            current_list_size: self.current_list_size.get(),
            new_listetak: self.new_listetak.get(),
            move_to: self.move_to.get(),
            confirmed: self.confirmed.get(),
            self_employed: self.self_employed.get(),
            direct_settlement_date: self.direct_settlement_date.get(),
            substitute_name: self.substitute_name.get(),
            substitute_hpr: self.substitute_hpr.get(),
            competence: self.competence.get(),
            lis1_completed: self.lis1_completed.get(),
            end_date: self.end_date.get(),
            comment: self.comment.get(),
        }
    }

    /// The kind of message chosen, once one is.
    pub(super) fn chosen_kind(&self) -> Option<MessageKind> {
        self.kind.get().parse().ok()
    }

    /// Whether the clerk has typed in the field at `path` yet.
    pub(super) fn typed(&self, path: &str) -> bool {
        let v = |s: RwSignal<String>| !s.get().is_empty();
        match path {
            "contact.name" => v(self.contact_name),
            "contact.phone" => v(self.contact_phone),
            "contact.email" => v(self.contact_email),
            "gp_name" => v(self.gp_name),
            "gp_hpr" => v(self.gp_hpr),
            "gp_birth_date" => v(self.gp_birth_date),
            "practice" => v(self.practice),
            "notice_date" => v(self.notice_date),
            "notice_months" => v(self.notice_months),
            "last_working_day" => v(self.last_working_day),
            "start_date" => v(self.start_date),
            "listetak" => v(self.listetak),
            "replaces" => v(self.replaces),
            "citizens_moved" => v(self.citizens_moved),
            "effective_date" => v(self.effective_date),
            "current_list_size" => v(self.current_list_size),
            "new_listetak" => v(self.new_listetak),
            "move_to" => v(self.move_to),
            "direct_settlement_date" => v(self.direct_settlement_date),
            "substitute_name" => v(self.substitute_name),
            "substitute_hpr" => v(self.substitute_hpr),
            "competence" => v(self.competence),
            "end_date" => v(self.end_date),
            "comment" => v(self.comment),
            // The confirmation is asked for only once the numbers add up.
            "confirmed" => true,
            _ => false,
        }
    }
}
