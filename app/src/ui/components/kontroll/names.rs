//! The texts of a rule, a role and an amount in the claims-control report.

use crate::i18n::{Lang, lang, name, t};

/// What a rule is called in the lists.
pub(super) fn rule_name(rule: &str) -> String {
    let name = match rule {
        "CTRL-1" => t("kontroll.rule_duplicate"),
        "CTRL-2" => t("kontroll.rule_invalid_combination"),
        "CTRL-3" => t("kontroll.rule_supplement_without_main"),
        "CTRL-4" => t("kontroll.rule_too_many_repetitions"),
        "CTRL-5" => t("kontroll.rule_day_and_evening"),
        "CTRL-6" => t("kontroll.rule_locum_and_gp"),
        "CTRL-7" => t("kontroll.rule_before_agreement"),
        "CTRL-8" => t("kontroll.rule_time_barred"),
        "takst_unknown" => t("kontroll.rule_takst_unknown"),
        "doctor_not_listed" => t("kontroll.rule_doctor_not_listed"),
        "ragged_row" | "not_utf8" => t("kontroll.rule_unreadable_line"),
        r if r.starts_with("id_") => t("kontroll.rule_invalid_id"),
        _ => t("kontroll.rule_field_error"),
    };
    if rule.starts_with("CTRL-") {
        format!("{rule} {name}")
    } else {
        name.to_owned()
    }
}

pub(super) fn role_text(role: Option<frist_domain::kontroll::DoctorRole>) -> &'static str {
    role.map_or("–", name)
}

/// The month's refunds per listed patient as a strip: every peer a grey
/// circle, the municipality's own doctors squares with their number, the
/// unusual ones triangles marked in words — never by colour alone — and
/// the median and threshold as lines; a table says the same.
/// A decimal number the Norwegian way, `2,25`, or in English `2.25`.
pub(super) fn decimal(v: f64, places: usize) -> String {
    let text = format!("{v:.places$}");
    if lang() == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}
