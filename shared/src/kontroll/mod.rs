//! Claims control (rules CTRL-1 … CTRL-9, seed 003): a municipality checks
//! its doctors' bills (regningskort) the way Helfo's automatic rules will,
//! before it sends them.
//!
//! - The takster are reference data, never code: one JSON file per tariff
//!   year in `shared/data/takster/`, each entry with its source, embedded at
//!   build time ([`Tariffs::builtin`]). A new tariff year is a new file.
//! - [`check_bill`] runs the rules of one bill (CTRL-2 … CTRL-5, CTRL-7,
//!   CTRL-8) and returns the same [`Report`] as every other check in frist;
//!   [`check_batch`] adds the rules between bills (CTRL-1, CTRL-6) and the
//!   figures per doctor and month.
//! - [`peer_distribution`] is CTRL-9, a pure function over monthly
//!   aggregates; [`missing_takster`] is its hint for new doctors.
//!
//! Every issue names its rule in the parameter `rule` and, where it is about
//! a takst, the takst in `takst`.

mod batch;
mod bill;
mod doctor;
mod peers;
mod rules;
mod summary;
mod takst;
mod tariffs;
mod wire;

pub use batch::{
    BatchChecker, BatchContext, BatchReport, BillResult, DoctorSummary, MonthFigures, Rows,
    TariffUse, bill_of, check_batch, read_bills, read_doctors,
};
pub use bill::{BILL_SCHEMA, Bill, Line, parse_takster, read_bill};
pub use doctor::{DOCTOR_SCHEMA, Doctor, DoctorRole, read_doctor};
pub use peers::{
    Aggregate, DEFAULT_K, Distribution, DoctorMonth, MIN_PEERS, MonthUpload, PeerPoint,
    missing_takster, peer_distribution, size_class,
};
pub use rules::{BillContext, check_bill, tariff_for, tariff_year_of, time_bar};
pub use summary::{month_of, rule_of};
pub use takst::{Rep, Takst, TimeOfDay};
pub use tariffs::{TariffError, TariffYear, Tariffs, entry_covers};
pub use wire::{MAX_DOCTORS, PeerGroup, PeerView, parse_month};
