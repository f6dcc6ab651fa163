#!/usr/bin/env bash
# Builds the Rust worker with worker-build (wrangler's [build] command calls
# this too). FRIST_SKIP_BUILD=1 skips it when the Makefile has just built.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./tools.env
if [ "${FRIST_SKIP_BUILD:-0}" = "1" ] && [ -f functions/build/index.js ]; then
  exit 0
fi
cd functions
worker-build --release
