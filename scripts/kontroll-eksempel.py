#!/usr/bin/env python3
"""Writes the claims-control sample files (public/eksempel/): a month of a
municipality's bills and its practitioner list, with one planted error for
each rule CTRL-1 … CTRL-9. Deterministic: the same files on every run.
The patients are synthetic Tenor identities (month + 80), accepted only in
local/test mode. Run: python3 scripts/kontroll-eksempel.py
"""
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "public" / "eksempel"
rng = random.Random(7)

W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]


def synthetic_fnr(day, month, year2, individual):
    """A Tenor test identity: the month + 80, valid check digits."""
    base = [int(c) for c in f"{day:02d}{month + 80:02d}{year2:02d}{individual:03d}"]
    k1 = 11 - sum(w * d for w, d in zip(W1, base)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - sum(w * d for w, d in zip(W2, base + [k1])) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return "".join(map(str, base + [k1, k2]))


patients = []
while len(patients) < 300:
    f = synthetic_fnr(rng.randint(1, 28), rng.randint(1, 12), rng.randint(40, 99), rng.randint(0, 499))
    if f and f not in patients:
        patients.append(f)

# Refund claimed per takst in kroner (the 2022–23 figures where frist has them).
REFUND = {"2ad": 15, "2ak": 48, "2cd": 10, "2cdd": 12, "701a": 72, "1ad": 19, "1bd": 72, "2ae": 15, "1e": 69, "2dd": 20}
COMMON = ["2ad", "2ad", "2ad 2cd", "2ad 701a", "2ad 2cd 701a", "1ad", "1bd", "2ad 2dd"]
NEW = ["2ad", "2ad", "1ad", "2ad"]

# hpr, role, covers, agreement from, listed, started, bills, takst mix
DOCTORS = [
    ("9144889", "fastlege", "", "2015-03-01", 1200, "2015-03-01", 60, COMMON),
    ("9144888", "fastlege", "", "2012-01-01", 1100, "2012-01-01", 55, COMMON),
    ("5612347", "fastlege", "", "2018-08-01", 1000, "2018-08-01", 150, COMMON + ["2ad 2cd*3 701a 2dd"] * 6),
    ("4312876", "fastlege", "", "2020-05-01", 900, "2020-05-01", 45, COMMON),
    ("7788123", "fastlege", "", "2010-09-01", 1300, "2010-09-01", 65, COMMON),
    ("3345671", "lis1", "", "2026-09-01", 600, "2026-09-01", 30, NEW),
    ("6654321", "vikar", "9144888", "2026-10-12", "", "2026-10-01", 20, COMMON),
]

WORKDAYS = [d for d in range(1, 32) if d not in (3, 4, 10, 11, 17, 18, 24, 25, 31)]  # Oct 2026 weekdays

rows = []


def amount(takster):
    total = 0
    for t in takster.split():
        code, _, n = t.partition("*")
        total += REFUND[code] * int(n or 1)
    return f"{total},00"


for hpr, role, covers, agreement, listed, started, count, mix in DOCTORS:
    # Substitutes bill at :10/:30/:50, everyone else at :00/:20/:40, so only
    # the planted CTRL-6 bill shares a time with the GP.
    minutes = [10, 30, 50] if role == "vikar" else [0, 20, 40]
    slots = [(d, h, m) for d in WORKDAYS for h in range(8, 16) for m in minutes]
    if role == "vikar":
        slots = [s for s in slots if s[0] >= 12]  # after the agreement (CTRL-7)
    for d, h, m in sorted(rng.sample(slots, count)):
        takster = rng.choice(mix)
        rows.append([hpr, rng.choice(patients), f"{d:02d}.10.2026", f"{h:02d}:{m:02d}", takster, amount(takster), ""])

# --- the planted errors, one per rule, at the end so their lines are fixed ----
p = patients
planted = [
    # CTRL-1: the exact same bill twice (the first of the regular bills).
    ("CTRL-1 duplicate", rows[0][:]),
    # CTRL-1: the same bill but for the amount (warning).
    ("CTRL-1 amount", rows[61][:5] + ["99,00", ""]),
    # CTRL-2: 1bd stands alone.
    ("CTRL-2 alone", ["9144889", p[1], "06.10.2026", "13:05", "1bd 2ad", "87,00", ""]),
    # CTRL-2: 2ad with 1ad (an invalid combination).
    ("CTRL-2 combination", ["4312876", p[2], "07.10.2026", "09:05", "2ad 1ad", "34,00", ""]),
    # CTRL-2: 2ae (e-consultation) with 1e, not on its list.
    ("CTRL-2 whitelist", ["7788123", p[3], "08.10.2026", "10:05", "2ae 1e", "84,00", ""]),
    # CTRL-3: 2cd (time supplement) alone.
    ("CTRL-3", ["9144888", p[4], "09.10.2026", "11:05", "2cd", "10,00", ""]),
    # CTRL-4: 2ad twice on one bill.
    ("CTRL-4", ["4312876", p[5], "13.10.2026", "12:05", "2ad*2", "30,00", ""]),
    # CTRL-5: the day and the evening consultation together.
    ("CTRL-5", ["7788123", p[6], "14.10.2026", "15:05", "2ad 2ak", "63,00", ""]),
    # CTRL-6: the substitute and the GP they cover, same date and time.
    ("CTRL-6 substitute", ["6654321", p[7], "15.10.2026", "10:45", "2ad", "15,00", ""]),
    ("CTRL-6 GP", ["9144888", p[8], "15.10.2026", "10:45", "2ad", "15,00", ""]),
    # CTRL-7: the substitute treated before the agreement (from 12.10.2026).
    ("CTRL-7", ["6654321", p[9], "05.10.2026", "09:10", "2ad", "15,00", ""]),
    # CTRL-8: a bill from April sent in November: barred after 31.10.2026.
    ("CTRL-8", ["9144889", p[10], "20.04.2026", "09:40", "2ad", "15,00", "23.11.2026"]),
    # A takst the tariff does not have.
    ("unknown takst", ["4312876", p[11], "16.10.2026", "14:05", "2ad 2xz", "15,00", ""]),
    # A patient number with a wrong check digit.
    ("bad patient id", ["7788123", p[12][:10] + str((int(p[12][10]) + 1) % 10), "19.10.2026", "08:05", "2ad", "15,00", ""]),
]
for _, row in planted:
    rows.append(row)

OUT.mkdir(parents=True, exist_ok=True)
with open(OUT / "regningskort.csv", "w", encoding="utf-8") as f:
    f.write("hpr;pasient;dato;klokkeslett;takster;belop;innsendt\n")
    for r in rows:
        f.write(";".join(r) + "\n")
with open(OUT / "legeliste.csv", "w", encoding="utf-8") as f:
    f.write("hpr;rolle;vikar_for;avtale_fra;listepasienter;startet\n")
    for hpr, role, covers, agreement, listed, started, _, _ in DOCTORS:
        f.write(f"{hpr};{role};{covers};{agreement};{listed};{started}\n")
first_planted = len(rows) - len(planted) + 2
with open(OUT / "regningskort-feil.txt", "w", encoding="utf-8") as f:
    f.write("Plantede feil i regningskort.csv (linjenummer i filen):\n")
    for i, (what, _) in enumerate(planted):
        f.write(f"  linje {first_planted + i}: {what}\n")
    f.write("  CTRL-9: 5612347 har langt høyere refusjon per listepasient enn de andre.\n")
    f.write("  Manglende takster: LIS1-legen 3345671 bruker aldri 2cd eller 701a.\n")
print(f"{len(rows)} bills, planted from line {first_planted}")
