"""Reference for frist's work-queue order, done the usual Python way: the
queue.csv items as dicts and sorted(key=...) by urgent first, then earliest
fristdato, earliest notified_at, and id. Only the sort is timed (best of 5);
the rate is items per second. Usage: python queue_ref.py DIR"""
import csv
import datetime as dt
import json
import sys
import time
from pathlib import Path

with open(Path(sys.argv[1]) / "queue.csv", newline="", encoding="utf-8") as f:
    items = [
        {"id": r["id"], "fristdato": dt.date.fromisoformat(r["fristdato"]),
         "urgent": r["urgent"] == "1", "notified_at": int(r["notified_at"])}
        for r in csv.DictReader(f, delimiter=";")
    ]


def key(item):
    return (not item["urgent"], item["fristdato"], item["notified_at"], item["id"])


best = float("inf")
for _ in range(5):
    t = time.perf_counter()
    ordered = sorted(items, key=key)
    best = min(best, time.perf_counter() - t)
print(json.dumps({
    "queue_count": len(items), "queue_per_s": round(len(items) / best),
    "queue_first": ordered[0]["id"],
}))
