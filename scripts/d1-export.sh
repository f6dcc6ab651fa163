#!/usr/bin/env bash
# Exports the local D1 kept in STATE (a `--persist-to` folder) to FILE as SQL:
#   scripts/d1-export.sh STATE FILE
# `wrangler d1 export` has no --persist-to, so it runs in a scratch project
# whose .wrangler/state is STATE and whose config names the same database.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 STATE FILE" >&2; exit 2; }
state=$(realpath "$1")
out=$(realpath -m "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
# Removes the link, never what it points to.
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/.wrangler"
ln -s "$state" "$tmp/.wrangler/state"
{
  grep -m1 -E '^name ' "$root/functions/wrangler.toml"
  grep -m1 -E '^compatibility_date ' "$root/functions/wrangler.toml"
  awk '/^\[\[d1_databases\]\]/{p=1} p && /^$/{exit} p' "$root/functions/wrangler.toml"
} > "$tmp/wrangler.toml"
cd "$tmp"
CI=true "$root/node_modules/.bin/wrangler" d1 export DB --local --output "$out"
