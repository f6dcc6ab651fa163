#!/usr/bin/env bash
# `make bench`: frist's rules and the reference tools on the same seeded
# inputs, in one run, with the ratio. Python tools live in build/pyref.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/bench
mkdir -p "$out"
if [ ! -x build/pyref/bin/python ]; then
  python3 -m venv build/pyref
  build/pyref/bin/pip install --quiet python-stdnum==2.2 holidays==0.109
fi
cargo build --profile release-native -p frist-bench --quiet
bin=target/release-native/frist-bench
[ -f "$out/fnr.txt" ] || "$bin" gen "$out"
frist=$("$bin" time "$out")
ref=$(build/pyref/bin/python bench/reference/domain_ref.py "$out")
python3 - "$frist" "$ref" <<'PY'
import json, sys, platform, os
f, r = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
print(f"{'work item':38} {'frist /s':>14} {'reference /s':>14} {'ratio':>8}")
for key, name, ref in [("fnr_per_s", "fødselsnummer validation", "python-stdnum"),
                       ("workdays_per_s", "date + N working days (N 0..400)", "holidays + loop")]:
    print(f"{name:38} {f[key]:>14,} {r[key]:>14,} {f[key]/r[key]:>7.0f}x   ({ref})")
PY
# Edge figures need the built app and worker.
if [ -f functions/build/index.js ] && [ -f dist/index.html ]; then
  node bench/edge.mjs
else
  echo "edge figures skipped: run \`make build\` first"
fi
