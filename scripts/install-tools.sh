#!/usr/bin/env bash
# Installs what `make dev` / `make test` need and skips what is already there at
# the right version, so a rerun costs seconds. Versions come from
# ../shared/TOOLCHAIN.md (verified offline on this kind of machine).
#   scripts/install-tools.sh rust     cargo-installed tools + wasm32 target
#   scripts/install-tools.sh node     npm ci (wrangler, esbuild, binaryen, playwright-core)
#   scripts/install-tools.sh browser  Debian chromium + chromium-driver
#   scripts/install-tools.sh lint     leptosfmt (view! formatting) + cargo-machete (unused dependencies)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WORKER_BUILD_VERSION=0.8.7
LEPTOSFMT_VERSION=0.1.33
MACHETE_VERSION=0.9.2

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly.
wasm_bindgen_version() {
  if [ -f Cargo.lock ]; then
    awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock
  else
    echo 0.2.130
  fi
}

have_version() { # have_version CMD VERSION
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

install_rust() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    rustup target add wasm32-unknown-unknown
  fi
  local wb; wb=$(wasm_bindgen_version)
  if ! have_version wasm-bindgen "$wb"; then
    echo "installing wasm-bindgen-cli $wb"
    # Not --locked: wasm-bindgen-cli's own lock file pins crates this registry no longer serves.
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi
  if ! have_version worker-build "$WORKER_BUILD_VERSION"; then
    echo "installing worker-build $WORKER_BUILD_VERSION"
    cargo install --locked worker-build --version "$WORKER_BUILD_VERSION" --force
  fi
  if ! have_version trunk "$TRUNK_VERSION"; then
    echo "installing trunk $TRUNK_VERSION"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --locked trunk --version "$TRUNK_VERSION" --force
  fi
}

install_node() {
  # Reinstall only when package-lock.json changed since the last install.
  local stamp=node_modules/.frist-lock.sha
  local sum; sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    npm ci --no-audit --no-fund
    echo "$sum" > "$stamp"
  fi
}

install_lint() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! have_version leptosfmt "$LEPTOSFMT_VERSION"; then
    echo "installing leptosfmt $LEPTOSFMT_VERSION"
    cargo install --locked leptosfmt --version "$LEPTOSFMT_VERSION" --force
  fi
  if ! command -v cargo-machete >/dev/null 2>&1 || ! cargo machete --version 2>/dev/null | grep -qF "$MACHETE_VERSION"; then
    echo "installing cargo-machete $MACHETE_VERSION"
    cargo install --locked cargo-machete --version "$MACHETE_VERSION" --force
  fi
}

install_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

[ $# -gt 0 ] || set -- rust node
for what in "$@"; do
  case "$what" in
    rust) install_rust ;;
    node) install_node ;;
    browser) install_browser ;;
    lint) install_lint ;;
    *) echo "unknown: $what" >&2; exit 2 ;;
  esac
done
