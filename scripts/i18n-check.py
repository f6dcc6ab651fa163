#!/usr/bin/env python3
"""Every t("key")/tf("key", …) in app/src has a [nb, nn, en] entry in
app/locales/*.json (a quick check without cargo; the build and the Rust
test `tests/tests/i18n.rs` are the real guards)."""
import glob, json, re, sys

texts = {}
bad = []
for f in sorted(glob.glob("app/locales/*.json")):
    for k, v in json.load(open(f)).items():
        if k in texts:
            bad.append(f"{f}: {k} defined twice")
        if not (isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) and x.strip() for x in v)):
            bad.append(f"{f}: {k} needs three non-empty texts [nb, nn, en]")
        else:
            ph = [sorted(re.findall(r"\{(\w+)\}", x)) for x in v]
            if ph[0] != ph[1] or ph[0] != ph[2]:
                bad.append(f"{f}: {k} placeholders differ: {ph}")
        texts[k] = v
for f in sorted(glob.glob("app/src/**/*.rs", recursive=True)):
    for n, line in enumerate(open(f), 1):
        for k in re.findall(r'\btf?\(\s*"([^"]+)"', line):
            if k not in texts:
                bad.append(f"{f}:{n}: unknown key {k}")
print("\n".join(bad) or f"ok: {len(texts)} keys")
sys.exit(1 if bad else 0)
