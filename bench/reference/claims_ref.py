"""Reference for frist's claim-file check, done the usual Python way: the csv
module, python-stdnum for the fødselsnummer, strptime for the dd.mm.yyyy dates,
a set for duplicates. The same rules as claims_ref.mjs: frist's, with FK-6's
bar at payout + 3 years but without rolling a bar date off a holiday. Timed
from opening the file to the last line (wall); the rate is per line.
Usage: python claims_ref.py DIR [MAX_LINES] [TODAY=2026-11-23]"""
import csv
import datetime as dt
import itertools
import json
import re
import sys
import time
from pathlib import Path

from stdnum.no import fodselsnummer

limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
today = dt.date.fromisoformat(sys.argv[3] if len(sys.argv) > 3 else "2026-11-23")
AMOUNT = re.compile(r"(\d{1,9})(?:,(\d{1,2}))?")


def date(text):
    try:
        return dt.datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        return None


def ore(text):
    m = AMOUNT.fullmatch(text)
    return int(m[1]) * 100 + int((m[2] or "0").ljust(2, "0")) if m else 0


t = time.perf_counter()
seen = set()
lines = valid = valid_ore = 0
with open(Path(sys.argv[1]) / "claims-1000000.csv", newline="", encoding="utf-8") as f:
    rows = csv.reader(f, delimiter=";")
    next(rows)
    for row in itertools.islice(rows, limit):
        lines += 1
        if len(row) < 5 or not fodselsnummer.is_valid(row[0]):
            continue
        transport, payout, amount = date(row[1]), date(row[2]), ore(row[3])
        if not (transport and payout and amount > 0) or payout < transport or payout > today:
            continue
        try:
            bar = payout.replace(year=payout.year + 3)
        except ValueError:  # 29 Feb + 3 years: 28 Feb
            bar = payout.replace(year=payout.year + 3, day=28)
        if today > bar:
            continue
        key = (row[0], transport, payout, amount)
        if key in seen:
            continue
        seen.add(key)
        valid += 1
        valid_ore += amount
seconds = time.perf_counter() - t
print(json.dumps({
    "claims_lines": lines, "claims_valid": valid, "claims_errors": lines - valid,
    "claims_valid_ore": valid_ore, "claims_seconds": round(seconds, 3),
    "claims_per_s": round(lines / seconds),
}))
