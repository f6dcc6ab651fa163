//! CTRL-9: unusual payouts — each doctor's month against the peers (median
//! + k·MAD), the hint for new doctors, and what the edge keeps per month.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::Serialize;

use super::batch::BatchReport;
use crate::ids::HprNummer;

/// CTRL-9: fewer peers than this and nobody is called unusual.
pub const MIN_PEERS: usize = 5;
/// CTRL-9: the default k of median + k·MAD.
pub const DEFAULT_K: f64 = 3.0;
/// The MAD of a normal distribution is 0.6745 σ; scaled, it estimates σ.
const MAD_SCALE: f64 = 1.4826;

/// One doctor's month, as the edge keeps it: no patient in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// The doctor's HPR number for the municipality's own doctors; empty
    /// for other municipalities' (they are shown only as values).
    pub hpr: String,
    /// The month's refunds, in øre.
    pub refund_ore: i64,
    /// Patients on the doctor's list.
    pub listed: u32,
    /// Whether the doctor is one of the municipality's own.
    pub own: bool,
}

/// One point of the distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerPoint {
    /// The doctor's HPR number; empty for other municipalities' doctors.
    pub hpr: String,
    /// Refund per listed patient, in kroner.
    pub per_patient: f64,
    /// Whether the doctor is one of the municipality's own.
    pub own: bool,
    /// Whether the payout is unusual (above median + k·MAD).
    pub outlier: bool,
}

/// CTRL-9's answer for one month and peer group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// The median refund per listed patient, in kroner.
    pub median: f64,
    /// The scaled median absolute deviation.
    pub mad: f64,
    /// The k used.
    pub k: f64,
    /// median + k·MAD: above it a doctor is flagged.
    pub threshold: f64,
    /// Whether there were [`MIN_PEERS`] to compare with.
    pub enough_peers: bool,
    /// Sorted by value.
    pub points: Vec<PeerPoint>,
}

fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// CTRL-9: refunds per listed patient against the peers: flagged when above
/// median + k·MAD (the MAD scaled to estimate σ, and at least 5 % of the
/// median so a group of equal doctors does not flag a krone's difference).
/// Doctors with no listed patients are left out: there is nothing to divide by.
pub fn peer_distribution(aggregates: &[Aggregate], k: f64) -> Distribution {
    let mut points: Vec<PeerPoint> = aggregates
        .iter()
        .filter(|a| a.listed > 0)
        .map(|a| PeerPoint {
            hpr: a.hpr.clone(),
            per_patient: a.refund_ore as f64 / 100.0 / f64::from(a.listed),
            own: a.own,
            outlier: false,
        })
        .collect();
    points.sort_by(|a, b| a.per_patient.total_cmp(&b.per_patient));
    let values: Vec<f64> = points.iter().map(|p| p.per_patient).collect();
    let med = median(&values);
    let mut deviations: Vec<f64> = values.iter().map(|v| (v - med).abs()).collect();
    deviations.sort_by(f64::total_cmp);
    let mad = (median(&deviations) * MAD_SCALE).max(med.abs() * 0.05);
    let threshold = med + k * mad;
    let enough_peers = points.len() >= MIN_PEERS;
    if enough_peers {
        for p in &mut points {
            p.outlier = p.per_patient > threshold;
        }
    }
    Distribution {
        median: med,
        mad,
        k,
        threshold,
        enough_peers,
        points,
    }
}

/// CTRL-9's hint for a new doctor: the takster that at least half of the
/// established peers (and at least two) use and the new doctor never does,
/// most used first.
pub fn missing_takster(
    own: &BTreeMap<String, u64>,
    peers: &[&BTreeMap<String, u64>],
) -> Vec<String> {
    let mut users: BTreeMap<&str, usize> = BTreeMap::new();
    for p in peers {
        for (code, n) in p.iter() {
            if *n > 0 {
                *users.entry(code).or_default() += 1;
            }
        }
    }
    let needed = peers.len().div_ceil(2).max(2);
    let mut missing: Vec<(&str, usize)> = users
        .into_iter()
        .filter(|(code, n)| *n >= needed && own.get(*code).copied().unwrap_or(0) == 0)
        .collect();
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    missing.into_iter().map(|(c, _)| c.to_owned()).collect()
}

/// The figures the edge keeps per doctor and month (CTRL-9): no patient,
/// only sums. Doctors without a listed-patient count are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthUpload {
    /// One row per doctor with bills that month.
    pub doctors: Vec<DoctorMonth>,
}

/// One doctor's month for the edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorMonth {
    /// The doctor's HPR number.
    pub hpr: HprNummer,
    /// The month's refunds, in øre.
    pub refund_ore: i64,
    /// Patients on the doctor's list.
    pub listed: u32,
    /// Bills that month.
    pub bills: u64,
}

impl MonthUpload {
    /// The month's figures as the municipality's own points of CTRL-9.
    pub fn own_aggregates(&self) -> Vec<Aggregate> {
        self.doctors
            .iter()
            .map(|d| Aggregate {
                hpr: d.hpr.to_string(),
                refund_ore: d.refund_ore,
                listed: d.listed,
                own: true,
            })
            .collect()
    }
}

impl Distribution {
    /// The HPR numbers of the flagged doctors.
    pub fn outliers(&self) -> Vec<&str> {
        self.points
            .iter()
            .filter(|p| p.outlier)
            .map(|p| p.hpr.as_str())
            .collect()
    }
}

impl BatchReport {
    /// The month's figures for the edge. A doctor with bills whose refund
    /// is unknown is left out: a sum of what is known would understate the
    /// refund and compare the doctor on zeros (CTRL-9).
    pub fn month_upload(&self, month: &str) -> MonthUpload {
        let doctors = self
            .doctors
            .iter()
            .filter_map(|s| {
                let m = s.months.iter().find(|m| m.month == month)?;
                if m.unpriced > 0 {
                    return None;
                }
                Some(DoctorMonth {
                    hpr: s.hpr.parse().ok()?,
                    refund_ore: m.refund_ore,
                    listed: s.listed?,
                    bills: m.bills,
                })
            })
            .collect();
        MonthUpload { doctors }
    }

    /// The month with the most bills: the month a file is "for".
    pub fn main_month(&self) -> Option<String> {
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for s in &self.doctors {
            for m in &s.months {
                *counts.entry(&m.month).or_default() += m.bills;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(m, _)| m.to_owned())
    }
}

/// CTRL-9: a municipality's size class by its listed patients (a stand-in
/// for its population): SSB's small (< 5 000), medium (< 20 000), large.
pub fn size_class(listed_total: u64) -> &'static str {
    match listed_total {
        0..5_000 => "small",
        5_000..20_000 => "medium",
        _ => "large",
    }
}
