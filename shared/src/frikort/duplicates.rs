//! FK-8 inside one file: a fast, deterministic hash table of the trips seen
//! so far, remembering each trip's first line.

use chrono::{Datelike, NaiveDate};

use super::checker::duplicate;
use super::line::ClaimLine;
use crate::validation::Issue;

/// FK-8 inside one file: remembers each trip's first line.
///
/// A million-line file has about a million trips, and finding each in a
/// table of that size misses the processor's cache and its page-table
/// cache: that wait was most of a claim check's time. So the table is
/// small, 4 bytes a slot, one miss per trip, and [`Checker::push`] reads
/// many lines' slots together so that their misses overlap.
///
/// The layout: the trips in order of first sighting, and an open-addressed
/// table (linear probing, at most three quarters full) of 4-byte slots. A
/// slot holds the trip's position in `trips` plus one in its low bits (as
/// many as the table has slots, so it always fits; 0 is an empty slot) and
/// the hash's next bits above them, so a trip's key is read only when
/// those match. (`hashbrown` keeps its control bytes and slots apart, which
/// costs two misses per trip, and has no way to read a slot ahead of time.)
#[derive(Debug, Default)]
pub struct Duplicates {
    /// Every distinct trip once, with the line it was first seen on.
    pub(super) trips: Vec<(TripKey, u64)>,
    slots: Vec<u32>,
}

/// FK-8's trip as three words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct TripKey {
    fnr: u64,
    /// Transport date (high half) and payout date (low half).
    days: u64,
    amount_ore: i64,
}

impl TripKey {
    pub(super) fn of(line: &ClaimLine) -> Self {
        // Year and day of the year: one number per date, cheaper than a
        // count of days (which divides by 400).
        let day = |d: NaiveDate| (d.year() as u64) << 9 | u64::from(d.ordinal());
        TripKey {
            fnr: line.fnr.number(),
            days: day(line.transport) << 32 | day(line.payout),
            amount_ore: line.amount_ore,
        }
    }
}

pub(super) fn trip_hash(key: &TripKey) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

impl Duplicates {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `lines` more trips, so a large file's table is not rebuilt
    /// as it grows.
    pub fn reserve(&mut self, lines: usize) {
        self.trips.reserve(lines);
        self.room_for(self.trips.len().saturating_add(lines));
    }

    /// A table at most three quarters full with `trips` trips, rebuilt
    /// larger if not.
    pub(super) fn room_for(&mut self, trips: usize) {
        let want = (trips.saturating_mul(4) / 3 + 1)
            .max(16)
            .next_power_of_two();
        if fits(trips, self.slots.len()) || want > 1 << 31 {
            return;
        }
        let mut slots = vec![0u32; want];
        let mask = want - 1;
        for (at, (key, _)) in (1u32..).zip(&self.trips) {
            let hash = trip_hash(key);
            let mut pos = hash as usize & mask;
            while slots[pos] != 0 {
                pos = (pos + 1) & mask;
            }
            slots[pos] = tag(hash, mask) | at;
        }
        self.slots = slots;
    }

    /// `None` for a first sighting; the first line's number for a repeat.
    pub fn check(&mut self, line: &ClaimLine, line_no: u64) -> Option<u64> {
        let key = TripKey::of(line);
        self.room_for(self.trips.len() + 1);
        self.insert(key, trip_hash(&key), line_no)
    }

    /// FK-8 on a line the line rules have checked: a repeated trip gets the
    /// issue naming the line it was first seen on, and is no longer valid.
    pub fn mark(&mut self, line_no: u64, issues: &mut Vec<Issue>, line: &mut Option<ClaimLine>) {
        if let Some(l) = line
            && let Some(first) = self.check(l, line_no)
        {
            issues.push(duplicate(first));
            *line = None;
        }
    }

    /// Reads the slots where `hashes` start, so that a lookup that follows
    /// finds them in cache. The reads do not depend on each other, so the
    /// processor has many in flight at once. Gives a value that depends on
    /// every read, so they are not optimised away.
    pub(super) fn touch(&self, hashes: impl Iterator<Item = u64>) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        hashes.fold(0, |acc, hash| {
            acc ^ self.slots.get(hash as usize & mask).copied().unwrap_or(0)
        })
    }

    /// [`Duplicates::check`] for a key and its hash, with room made.
    pub(super) fn insert(&mut self, key: TripKey, hash: u64, line_no: u64) -> Option<u64> {
        // A full table: only past 1.6 billion distinct trips, far more than
        // the edge or the app ever take in one file.
        if !fits(self.trips.len() + 1, self.slots.len()) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = tag(hash, mask);
        let mut pos = hash as usize & mask;
        loop {
            let slot = self.slots[pos];
            if slot == 0 {
                break;
            }
            if slot & !(mask as u32) == tag {
                let (first, line) = self.trips[(slot & mask as u32) as usize - 1];
                if first == key {
                    return Some(line);
                }
            }
            pos = (pos + 1) & mask;
        }
        self.trips.push((key, line_no));
        self.slots[pos] = tag | self.trips.len() as u32;
        None
    }
}

/// Whether `trips` trips leave a table of `slots` slots at most three
/// quarters full.
fn fits(trips: usize, slots: usize) -> bool {
    trips.saturating_mul(4) / 3 < slots
}

/// The hash's bits just above a table's position bits. (From the low 32:
/// on wasm32 the hash is 32 bits wide and its high half is zero, and a
/// tag taken from there matched every slot and read every key.)
fn tag(hash: u64, mask: usize) -> u32 {
    hash as u32 & !(mask as u32)
}
