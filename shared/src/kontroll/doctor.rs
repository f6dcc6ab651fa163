//! The practitioner list: the municipality's doctors, each with an HPR number,
//! a role and the months they have been practising.

use chrono::NaiveDate;
use serde::Deserialize;
use serde::Serialize;

use crate::calendar;
use crate::fields;
use crate::ids::HprNummer;
use crate::table::Fields;
use crate::table::Schema;
use crate::validation::Issue;
use crate::validation::IssueCode;

/// The columns of a practitioner list: the municipality's doctors, each
/// with role (`fastlege`, `vikar`, `lis1`), the GP a substitute covers,
/// the start of the direct settlement agreement (CTRL-7), the listed
/// patients (CTRL-9) and the start in practice (new doctors).
pub static DOCTOR_SCHEMA: Schema = Schema {
    columns: &[
        "hpr",
        "rolle",
        "vikar_for",
        "avtale_fra",
        "listepasienter",
        "startet",
    ],
    required: 2,
    dates: &[3, 5],
    ids: &[],
};

crate::named_enum! {
    /// A doctor's role in the municipality's practice.
    pub enum DoctorRole {
        /// A GP with a list of their own.
        Fastlege,
        /// A substitute for a GP.
        Vikar,
        /// A doctor in LIS1 training.
        Lis1,
    }
}

impl DoctorRole {
    /// The role as a clerk reads it.
    pub const fn name_nb(self) -> &'static str {
        match self {
            DoctorRole::Fastlege => "Fastlege",
            DoctorRole::Vikar => "Vikar",
            DoctorRole::Lis1 => "LIS1",
        }
    }
}

/// One doctor of the practitioner list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doctor {
    /// The doctor's HPR number.
    pub hpr: HprNummer,
    /// GP, substitute or LIS1.
    pub role: DoctorRole,
    /// CTRL-6: the GP a substitute covers.
    pub covers: Option<HprNummer>,
    /// CTRL-7: the direct settlement agreement's first day.
    pub agreement_from: Option<NaiveDate>,
    /// CTRL-9: patients on the list.
    pub listed: Option<u32>,
    /// New doctors get the missing-takster hint.
    pub started: Option<NaiveDate>,
}

impl Doctor {
    /// New: a LIS1, or started less than a year before `month`.
    pub fn is_new(&self, month: NaiveDate) -> bool {
        self.role == DoctorRole::Lis1
            || self
                .started
                .is_some_and(|s| calendar::add_years(s, 1).is_ok_and(|y| y > month))
    }
}

/// One row of a practitioner list, checked.
pub fn read_doctor(f: &Fields<'_>) -> Result<Doctor, Vec<Issue>> {
    let mut issues = Vec::new();
    let hpr = fields::hpr(&mut issues, "hpr", f.get(0));
    let role = f.get(1).trim().to_lowercase().parse::<DoctorRole>().ok();
    if role.is_none() {
        issues.push(
            Issue::error("rolle", IssueCode::NotOneOf).with("allowed", "fastlege, vikar, lis1"),
        );
    }
    let covers = if f.get(2).trim().is_empty() {
        if role == Some(DoctorRole::Vikar) {
            issues.push(Issue::error("vikar_for", IssueCode::Required));
        }
        None
    } else {
        fields::hpr(&mut issues, "vikar_for", f.get(2))
    };
    let agreement_from = fields::optional_date(&mut issues, "avtale_fra", f.get(3));
    let listed = fields::optional_number(&mut issues, "listepasienter", f.get(4), (0, 10_000));
    let started = fields::optional_date(&mut issues, "startet", f.get(5));
    match (hpr, role) {
        (Some(hpr), Some(role)) if issues.is_empty() => Ok(Doctor {
            hpr,
            role,
            covers,
            agreement_from,
            listed,
            started,
        }),
        _ => Err(issues),
    }
}
