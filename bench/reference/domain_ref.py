"""Times the reference tools people use today on frist's seeded inputs:
python-stdnum for fødselsnummer, the `holidays` package + a day-by-day loop for
"date + N working days". Prints one JSON object (same keys as frist-bench)."""
import datetime as dt
import json
import sys
import time
from pathlib import Path

import holidays
from stdnum.no import fodselsnummer

d = Path(sys.argv[1])
numbers = d.joinpath("fnr.txt").read_text().split()
pairs = []
for line in d.joinpath("workdays.txt").read_text().splitlines():
    s, n = line.split()
    pairs.append((dt.date.fromisoformat(s), int(n)))
# Reference inputs are capped so the Python side finishes in seconds; rates are per item.
numbers = numbers[: int(sys.argv[2]) if len(sys.argv) > 2 else 200_000]
pairs = pairs[: int(sys.argv[3]) if len(sys.argv) > 3 else 100_000]

no = holidays.Norway(years=range(1947, 2101), include_sundays=False)
days = set(no.keys())


def add_workdays(start, n):
    x = start
    while n > 0:
        x += dt.timedelta(days=1)
        if x.weekday() < 5 and x not in days:
            n -= 1
    return x


t = time.perf_counter()
valid = sum(1 for n in numbers if fodselsnummer.is_valid(n))
fnr_s = time.perf_counter() - t
t = time.perf_counter()
added = sum(1 for s, n in pairs if add_workdays(s, n))
wd_s = time.perf_counter() - t
print(json.dumps({
    "fnr_count": len(numbers), "fnr_valid": valid, "fnr_per_s": round(len(numbers) / fnr_s),
    "workdays_count": len(pairs), "workdays_ok": added, "workdays_per_s": round(len(pairs) / wd_s),
}))
