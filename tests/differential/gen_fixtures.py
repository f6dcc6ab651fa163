#!/usr/bin/env python3
"""Write the reference fixtures for frist's differential tests.

The Rust domain crate (shared/) is checked line by line against what two
independent Python packages say:

* fnr_stdnum.tsv      python-stdnum's stdnum.no.fodselsnummer (ID-1, ID-2)
* holidays_no.tsv     the holidays package's Norway calendar (CAL-1)
* workdays_python.tsv N-th working day after a date (CAL-2, CAL-3), counted
                      day by day over the holidays above

The output is deterministic: every file is drawn from a fresh
random.Random(SEED), and "today" is a command-line value, never the clock
(stdnum's module is patched so that its own today() returns it too).

Run from the repository root:

    build/pyref/bin/python tests/differential/gen_fixtures.py [--today YYYY-MM-DD] [--out DIR]

Needs python-stdnum and holidays (see tests/differential/README.md).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import types
from importlib import metadata
from pathlib import Path

import holidays
from stdnum.no import fodselsnummer

GENERATOR = "tests/differential/gen_fixtures.py"
SEED = 20261123
DEFAULT_TODAY = "2026-11-23"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = "shared/tests/fixtures"  # relative to the repository root

# ---------------------------------------------------------------- sizes
FNR_PER_CATEGORY = 12_500  # x 10 categories, + BADLEN_COUNT
BADLEN_COUNT = 400
WORKDAY_ROWS = 20_000

# ---------------------------------------------------------------- ranges
HOLIDAY_FIRST_YEAR = 1947
HOLIDAY_LAST_YEAR_WANTED = 2199
WORKDAY_START_MIN = datetime.date(1947, 1, 1)
WORKDAY_START_MAX = datetime.date(2099, 6, 30)
WORKDAY_RESULT_MAX = datetime.date(2099, 12, 31)
WORKDAY_N_MAX = 400
WORKDAY_SMALL_N_MAX = 15
HOLIDAY_LANGUAGE = "no"  # explicit: the package otherwise follows $LANG

# ---------------------------------------------------------------- check digits
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def mod11_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """11 - (sum mod 11); 11 -> 0; 10 -> None (the base cannot be used)."""
    k = 11 - sum(w * int(d) for w, d in zip(weights, digits)) % 11
    if k == 11:
        return 0
    if k == 10:
        return None
    return k


def with_check_digits(base9: str) -> str | None:
    k1 = mod11_digit(base9, W1)
    if k1 is None:
        return None
    base10 = base9 + str(k1)
    k2 = mod11_digit(base10, W2)
    if k2 is None:
        return None
    return base10 + str(k2)


# ---------------------------------------------------------------- stdnum's today
def pin_stdnum_today(today: datetime.date) -> None:
    """stdnum.no.fodselsnummer.validate() compares the birth date with
    datetime.date.today(), looked up through the module's global `datetime`.
    Replace that global with a copy of the datetime module whose `date`
    class answers today() with the fixed date."""

    class FixedDate(datetime.date):
        @classmethod
        def today(cls):  # noqa: D401
            return cls(today.year, today.month, today.day)

    shim = types.ModuleType("datetime_pinned")
    shim.__dict__.update(
        {k: v for k, v in vars(datetime).items() if not k.startswith("__")}
    )
    shim.date = FixedDate
    assert isinstance(getattr(fodselsnummer, "datetime", None), types.ModuleType), (
        "stdnum.no.fodselsnummer no longer imports datetime as a module: "
        "re-read it and adapt pin_stdnum_today()"
    )
    fodselsnummer.datetime = shim
    assert fodselsnummer.datetime.date.today() == today


def self_check_pinned_today(today: datetime.date) -> None:
    """A number born today is valid; one born the day after is not."""
    for born, expect in ((today, True), (today + datetime.timedelta(days=1), False)):
        if not (1900 <= born.year <= 2039):
            continue
        iii_range = range(0, 500) if born.year < 2000 else range(500, 1000)
        for iii in iii_range:
            v = with_check_digits(born.strftime("%d%m%y") + f"{iii:03d}")
            if v:
                assert fodselsnummer.is_valid(v) is expect, (v, expect)
                break


# ---------------------------------------------------------------- dates
def random_date(rng: random.Random, lo: datetime.date, hi: datetime.date) -> datetime.date:
    return lo + datetime.timedelta(days=rng.randint(0, (hi - lo).days))


def clamp_hi(hi: datetime.date, today: datetime.date) -> datetime.date:
    return min(hi, today)


# Ordinary century table (ID-1): (first year, last year, individual-number ranges)
ORDINARY_TABLE = (
    (1854, 1899, ((500, 749),)),
    (1900, 1939, ((0, 499),)),
    (1940, 1999, ((0, 499), (900, 999))),
    (2000, 2039, ((500, 999),)),
)

# Extended D-number series since 16 Nov 2021 (ID-2)
DNR_EXT_TABLE = (
    (1858, 1899, ((500, 599),)),
    (1900, 1939, ((0, 199),)),
    (1940, 1999, ((0, 499), (600, 999))),
    (2000, 2039, ((200, 999),)),
)


def pick_iii(rng: random.Random, ranges) -> int:
    sizes = [hi - lo + 1 for lo, hi in ranges]
    k = rng.randrange(sum(sizes))
    for (lo, _hi), size in zip(ranges, sizes):
        if k < size:
            return lo + k
        k -= size
    raise AssertionError


def iii_ranges_for_year(table, year: int):
    for first, last, ranges in table:
        if first <= year <= last:
            return ranges
    return None


def date_base9(
    d: datetime.date, iii: int, day_add: int = 0, month_add: int = 0
) -> str:
    return f"{d.day + day_add:02d}{d.month + month_add:02d}{d.year % 100:02d}{iii:03d}"


def draw_dated(
    rng: random.Random,
    lo: datetime.date,
    hi: datetime.date,
    table=ORDINARY_TABLE,
    day_add: int = 0,
    month_add: int = 0,
) -> str:
    """A number with correct check digits for a random date in [lo, hi] and an
    individual number that the century table maps to that date's century."""
    while True:
        d = random_date(rng, lo, hi)
        ranges = iii_ranges_for_year(table, d.year)
        if ranges is None:
            continue
        v = with_check_digits(date_base9(d, pick_iii(rng, ranges), day_add, month_add))
        if v:
            return v


def draw_dnr_ext(rng: random.Random, today: datetime.date) -> str:
    while True:
        first, last, ranges = DNR_EXT_TABLE[rng.randrange(len(DNR_EXT_TABLE))]
        lo = datetime.date(first, 1, 1)
        hi = clamp_hi(datetime.date(last, 12, 31), today)
        if lo > hi:
            continue
        d = random_date(rng, lo, hi)
        v = with_check_digits(date_base9(d, pick_iii(rng, ranges), day_add=40))
        if v:
            return v


def draw_fh(rng: random.Random) -> str:
    while True:
        base9 = str(rng.choice((8, 9))) + "".join(str(rng.randrange(10)) for _ in range(8))
        v = with_check_digits(base9)
        if v:
            return v


def draw_new2032(rng: random.Random, today: datetime.date) -> str:
    """K1 such that (sum(W1 * d[0..9]) + K1) mod 11 is 1, 2 or 3; K2 correct.
    Bases are ordinary (4 in 5) or D-number (1 in 5) dated bases."""
    lo, hi = datetime.date(1854, 1, 1), today
    while True:
        d = random_date(rng, lo, hi)
        ranges = iii_ranges_for_year(ORDINARY_TABLE, d.year)
        if ranges is None:
            continue
        day_add = 40 if rng.randrange(5) == 0 else 0
        base9 = date_base9(d, pick_iii(rng, ranges), day_add=day_add)
        s = sum(w * int(c) for w, c in zip(W1, base9))
        r = rng.choice((1, 2, 3))
        k1 = (r - s) % 11
        if k1 == 10:
            continue
        base10 = base9 + str(k1)
        k2 = mod11_digit(base10, W2)
        if k2 is None:
            continue
        return base10 + str(k2)


def draw_mutated(rng: random.Random, today: datetime.date) -> str:
    lo = datetime.date(1854, 1, 1)
    while True:
        v = draw_dated(rng, lo, today, day_add=40 if rng.randrange(2) else 0)
        digits = list(v)
        if rng.randrange(2):
            i = rng.randrange(11)
            digits[i] = str((int(digits[i]) + rng.randint(1, 9)) % 10)
        else:
            i = rng.randrange(10)
            digits[i], digits[i + 1] = digits[i + 1], digits[i]
        m = "".join(digits)
        if m != v:
            return m


def draw_random(rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(11))


def draw_badlen(rng: random.Random) -> str:
    n = rng.choice(list(range(1, 11)) + [12, 13])
    return "".join(str(rng.randrange(10)) for _ in range(n))


# ---------------------------------------------------------------- file 1
def fnr_rows(today: datetime.date):
    rng = random.Random(SEED)
    lo = datetime.date(1854, 1, 1)
    future_lo = max(datetime.date(2027, 1, 1), today + datetime.timedelta(days=1))
    future_hi = datetime.date(2039, 12, 31)

    makers = [
        ("fnr", lambda: draw_dated(rng, lo, today)),
        ("dnr", lambda: draw_dated(rng, lo, today, day_add=40)),
        ("hnr", lambda: draw_dated(rng, lo, today, month_add=40)),
        ("fh", lambda: draw_fh(rng)),
        ("dnr_ext", lambda: draw_dnr_ext(rng, today)),
        ("tenor", lambda: draw_dated(rng, lo, today, month_add=80)),
        ("new2032", lambda: draw_new2032(rng, today)),
        ("future", lambda: draw_dated(rng, future_lo, future_hi)),
        ("mutated", lambda: draw_mutated(rng, today)),
        ("random", lambda: draw_random(rng)),
    ]
    seen: set[str] = set()
    rows = []
    for category, make in makers:
        count = FNR_PER_CATEGORY
        if category == "future" and future_lo > future_hi:
            count = 0  # --today past 2039: no future ordinary number exists
        made = 0
        attempts = 0
        while made < count:
            attempts += 1
            if attempts > count * 50:
                raise RuntimeError(f"category {category}: too many duplicates")
            v = make()
            if v in seen:
                continue
            seen.add(v)
            rows.append((v, category))
            made += 1
    made = 0
    while made < BADLEN_COUNT:
        v = draw_badlen(rng)
        if v in seen:
            continue
        seen.add(v)
        rows.append((v, "badlen"))
        made += 1

    for v, category in rows:
        ok = fodselsnummer.is_valid(v)
        birth = fodselsnummer.get_birth_date(v).isoformat() if ok else "-"
        yield f"{v}\t{1 if ok else 0}\t{birth}\t{category}"


# ---------------------------------------------------------------- file 2
def holiday_calendar():
    """{date: name} for every year the package covers in 1947..2199."""
    last = min(HOLIDAY_LAST_YEAR_WANTED, holidays.Norway.end_year)
    cal = holidays.Norway(
        years=range(HOLIDAY_FIRST_YEAR, last + 1),
        include_sundays=False,
        language=HOLIDAY_LANGUAGE,
    )
    days = {d: cal[d] for d in cal}  # one entry per date, names joined by the package
    covered = {d.year for d in days}
    assert covered == set(range(HOLIDAY_FIRST_YEAR, last + 1)), "a year came back empty"
    # A year past the package's end_year comes back empty rather than failing.
    assert not holidays.Norway(years=last + 1, include_sundays=False), "end_year moved"
    return days, last


# ---------------------------------------------------------------- file 3
def easter(year: int) -> datetime.date:
    """Anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def workday_rows(hol: dict[datetime.date, str]):
    rng = random.Random(SEED)
    holiday_set = set(hol)

    def is_workday(d: datetime.date) -> bool:
        return d.weekday() < 5 and d not in holiday_set

    # Independent count for `between`: prefix sums of working days.
    first = WORKDAY_START_MIN
    last = WORKDAY_RESULT_MAX
    prefix = [0]
    d = first
    while d <= last:
        prefix.append(prefix[-1] + (1 if is_workday(d) else 0))
        d += datetime.timedelta(days=1)

    def count_workdays(after: datetime.date, upto: datetime.date) -> int:
        # working days w with after < w <= upto
        return prefix[(upto - first).days + 1] - prefix[(after - first).days + 1]

    in_range_holidays = sorted(h for h in holiday_set if WORKDAY_START_MIN <= h <= WORKDAY_START_MAX)
    y_lo, y_hi = WORKDAY_START_MIN.year, WORKDAY_START_MAX.year
    for y in range(y_lo, y_hi + 1):  # our computus agrees with the package's
        assert easter(y) - datetime.timedelta(days=3) in holiday_set, y
        assert easter(y) + datetime.timedelta(days=1) in holiday_set, y

    def start_uniform():
        return random_date(rng, WORKDAY_START_MIN, WORKDAY_START_MAX)

    def start_friday():
        d = start_uniform()
        d += datetime.timedelta(days=(4 - d.weekday()) % 7)
        return d

    def start_holiday():
        return rng.choice(in_range_holidays)

    def start_maundy():
        return easter(rng.randint(y_lo, y_hi)) - datetime.timedelta(days=3)

    def start_xmas_eve():
        return datetime.date(rng.randint(y_lo, y_hi - 1), 12, rng.choice((23, 24)))

    def start_new_years_eve():
        return datetime.date(rng.randint(y_lo, y_hi - 1), 12, rng.choice((30, 31)))

    def start_may16():
        return datetime.date(rng.randint(y_lo, y_hi), 5, 16)

    start_kinds = (
        (40, start_uniform),
        (12, start_friday),
        (12, start_holiday),
        (9, start_maundy),
        (9, start_xmas_eve),
        (9, start_new_years_eve),
        (9, start_may16),
    )
    kinds = [k for _w, k in start_kinds]
    weights = [w for w, _k in start_kinds]

    seen: set[tuple[datetime.date, int]] = set()
    made = 0
    while made < WORKDAY_ROWS:
        start = rng.choices(kinds, weights)[0]()
        assert WORKDAY_START_MIN <= start <= WORKDAY_START_MAX, start
        if rng.randrange(2):
            n = rng.randint(0, WORKDAY_SMALL_N_MAX)
        else:
            n = rng.randint(0, WORKDAY_N_MAX)
        if (start, n) in seen:
            continue
        seen.add((start, n))
        # Day by day: the n-th working day strictly after start.
        result = start
        left = n
        while left > 0:
            result += datetime.timedelta(days=1)
            if is_workday(result):
                left -= 1
        if result > WORKDAY_RESULT_MAX:
            continue
        between = count_workdays(start, result)
        assert between == n, (start, n, result, between)
        yield f"{start.isoformat()}\t{n}\t{result.isoformat()}\t{between}"
        made += 1


# ---------------------------------------------------------------- output
def header(today: datetime.date, extra: list[tuple[str, str]]) -> list[str]:
    lines = [
        ("generator", GENERATOR),
        ("stdnum", metadata.version("python-stdnum")),
        ("holidays", metadata.version("holidays")),
        ("today", today.isoformat()),
        ("seed", str(SEED)),
    ] + extra
    return [f"# {k}={v}" for k, v in lines]


def write(path: Path, head: list[str], body) -> int:
    n = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in head:
            f.write(line + "\n")
        for line in body:
            f.write(line + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--today", default=DEFAULT_TODAY, help="YYYY-MM-DD (default %(default)s)")
    p.add_argument(
        "--out",
        default=DEFAULT_OUT,
        help="output folder; a relative path is taken from the repository root "
        "(default %(default)s)",
    )
    args = p.parse_args(argv)
    today = datetime.date.fromisoformat(args.today)
    out = Path(args.out)
    if not out.is_absolute():
        out = REPO_ROOT / out
    out.mkdir(parents=True, exist_ok=True)

    pin_stdnum_today(today)
    self_check_pinned_today(today)

    n = write(
        out / "fnr_stdnum.tsv",
        header(today, [("columns", "value,valid,birth_date,category"),
                       ("source", "stdnum.no.fodselsnummer.is_valid / get_birth_date")]),
        fnr_rows(today),
    )
    print(f"fnr_stdnum.tsv: {n} rows", file=sys.stderr)

    hol, max_year = holiday_calendar()
    extra = [("columns", "date,name"),
             ("source", f"holidays.Norway(include_sundays=False, language={HOLIDAY_LANGUAGE!r})"),
             ("min_year", str(HOLIDAY_FIRST_YEAR))]
    if max_year < HOLIDAY_LAST_YEAR_WANTED:
        extra.append(("max_year", str(max_year)))
    n = write(
        out / "holidays_no.tsv",
        header(today, extra),
        (f"{d.isoformat()}\t{hol[d]}" for d in sorted(hol)),
    )
    print(f"holidays_no.tsv: {n} rows (years {HOLIDAY_FIRST_YEAR}-{max_year})", file=sys.stderr)

    n = write(
        out / "workdays_python.tsv",
        header(today, [("columns", "start,n,result,between"),
                       ("rule", "result = n-th working day strictly after start (n=0: start); "
                                "working day = Mon-Fri not in holidays_no.tsv")]),
        workday_rows(hol),
    )
    print(f"workdays_python.tsv: {n} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
