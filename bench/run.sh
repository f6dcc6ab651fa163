#!/usr/bin/env bash
# `make bench`: frist's rules and the reference tools people use today, on the
# same seeded inputs, in one run, with the ratio (issue 11). The Python tools
# live in build/pyref, the npm ones in node_modules; frist's wasm build for
# Node in build/bench/wasm. Then the edge figures when the app is built.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/bench
mkdir -p "$out"
if [ ! -x build/pyref/bin/python ]; then
  python3 -m venv build/pyref
  build/pyref/bin/pip install --quiet python-stdnum==2.2 holidays==0.109
fi
cargo build --profile release-native -p frist-bench -p frist-cli --quiet
cargo build --profile bench-wasm -p frist-bench-wasm --target wasm32-unknown-unknown --quiet
"$WASM_BINDGEN_BIN" --target nodejs --out-dir "$out/wasm" \
  target/wasm32-unknown-unknown/bench-wasm/frist_bench_wasm.wasm
bin=target/release-native/frist-bench
[ -f "$out/queue.csv" ] || "$bin" gen "$out"
claims="$out/claims-1000000.csv"
[ -f "$claims" ] || "$bin" claims 1000000 > "$claims"

echo "timing frist …" >&2
frist=$("$bin" time "$out")
check=$("$bin" check "$claims")
wasm=$(node bench/claims-wasm.mjs "$out/wasm" "$claims")
echo "timing the reference tools (python-stdnum, holidays, csv; @navikt/fnrvalidator, csv-parse) …" >&2
py_domain=$(build/pyref/bin/python bench/reference/domain_ref.py "$out")
py_claims=$(build/pyref/bin/python bench/reference/claims_ref.py "$out")
py_queue=$(build/pyref/bin/python bench/reference/queue_ref.py "$out")
node_fnr=$(node bench/reference/fnr_ref.mjs "$out")
node_claims=$(node bench/reference/claims_ref.mjs "$out")

python3 - "$claims" "$frist" "$check" "$wasm" "$py_domain" "$py_claims" "$py_queue" "$node_fnr" "$node_claims" <<'PY'
import json, os, platform, resource, subprocess, sys, time

claims = sys.argv[1]
f, check, wasm, py, py_claims, py_queue, node_fnr, node_claims = map(json.loads, sys.argv[2:])

# The CLI as a user runs it: a process reading the file from disk, best of 3.
def cli_seconds():
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(["target/release-native/frist", "frikort", "check", claims, "--today", "2026-11-23"],
                       stdout=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - t)
    return best

cli_s = cli_seconds()
lines = check["lines"]
# Every claim check must agree on the file before its speed means anything.
valid = {"frist": check["valid"], "wasm": wasm["valid"], "python": py_claims["claims_valid"],
         "node": node_claims["claims_valid"]}
if len(set(valid.values())) != 1:
    sys.exit(f"the claim checks disagree on valid lines: {valid}")
if f["queue_first"] != py_queue["queue_first"]:
    sys.exit(f"the queue orders disagree: {f['queue_first']} / {py_queue['queue_first']}")

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"machine: {cpu}, {os.cpu_count()} cores, {platform.platform()}")
print(f"inputs: seeded (bench/src/lib.rs); {lines:,} claim lines, {valid['frist']:,} valid in every check\n")
rows = [
    # work item, frist /s, reference /s, reference name, target /s
    ("fødselsnummer validation", f["fnr_per_s"], py["fnr_per_s"], "python-stdnum", 50e6),
    ("", f["fnr_per_s"], node_fnr["fnr_per_s"], "@navikt/fnrvalidator", None),
    ("date + N working days (N 0..400)", f["workdays_per_s"], py["workdays_per_s"], "holidays + day loop", 50e6),
    ("claim file 1M lines, CLI (disk)", lines / cli_s, py_claims["claims_per_s"], "python csv+stdnum", 5e6),
    ("", lines / cli_s, node_claims["claims_per_s"], "node csv-parse+fnrvalidator", None),
    ("claim file 1M lines, in memory", check["check_per_s"], py_claims["claims_per_s"], "python csv+stdnum", 5e6),
    ("claim file 1M lines, wasm in Node", wasm["per_s"], node_claims["claims_per_s"], "node csv-parse+fnrvalidator", 3e6),
    ("fristbrudd queue order, 100k cases", f["queue_per_s"], py_queue["queue_per_s"], "python sorted()", None),
]
print(f"{'work item (per second)':36} {'frist':>12} {'reference':>12} {'ratio':>7}  {'reference tool':28} target")
for name, mine, ref, tool, target in rows:
    goal = "" if target is None else f"{target / 1e6:.0f} M: {'met' if mine >= target else 'not met'}"
    print(f"{name:36} {mine:>12,.0f} {ref:>12,.0f} {mine / ref:>6.0f}x  {tool:28} {goal}")
print(f"\nclaim file seconds: CLI {cli_s:.2f} s, in memory {check['check_s']:.2f} s, wasm {wasm['seconds']:.2f} s, "
      f"python {py_claims['claims_seconds']:.1f} s, node {node_claims['claims_seconds']:.1f} s")
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"CLI memory for the {os.path.getsize(claims) / 1e6:.0f} MB file: {rss:.0f} MB at most (read in 256 KiB slices; "
      f"the rest is FK-8's set of every trip, about 40 bytes a line)")
print(f"claim check parts, in memory: CSV reading {check['read_per_s']:,.0f} lines/s; "
      f"+ line rules FK-1/2/6 {check['rules_per_s']:,.0f}; + FK-8 duplicates and the report {check['check_per_s']:,.0f}")
PY

# Browser and edge figures need the built app and worker.
if [ -f functions/build/index.js ] && [ -f dist/index.html ]; then
  node bench/browser-first-load.mjs
  node bench/browser-frikort.mjs 1000000
  node bench/browser-typing.mjs
  node bench/edge.mjs
  LOAD_SECONDS=${LOAD_SECONDS:-30} node bench/load.mjs
else
  echo "browser and edge figures skipped: run \`make build\` first"
fi
