# frist — two commands for a newcomer:
#   make dev   install what is missing, build, migrate + seed a local D1, serve on :8787
#   make test  install what is missing and run every test layer
# Everything else here is a step of those two, or a helper.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
ENV := source ./tools.env &&
STATE ?= .frist/state
PORT ?= 8787
WRANGLER := node_modules/.bin/wrangler

.PHONY: dev test install install-test build build-app build-worker migrate seed serve \
        test-native test-wasm test-integration test-e2e lint fmt-check unused-deps clippy fmt bench fuzz load clean screenshots backup restore size-budget docs \
        deploy deploy-check check

## make dev: everything a newcomer needs, then one wrangler dev on http://localhost:8787
dev: install build migrate seed serve

## make test: every test layer, stopping at the first failure
test: install-test fmt-check unused-deps test-native test-wasm clippy build size-budget deploy-check test-integration test-e2e

install:
	@bash scripts/install-tools.sh rust node

install-test: install
	@bash scripts/install-tools.sh browser lint

build: build-app build-worker

build-app:
	@$(ENV) cargo fetch --quiet && trunk build --release --offline && node scripts/finish-dist.mjs dist

build-worker:
	@bash scripts/build-worker.sh

migrate:
	@$(ENV) cd functions && $(abspath $(WRANGLER)) d1 migrations apply DB --local --persist-to $(abspath $(STATE)) 

# Demo accounts are for local mode only: refuse when asked for anything else.
# (--local below never reaches a remote D1; the worker also refuses demo
# accounts unless FRIST_MODE is local.)
seed:
	@if [ "$${FRIST_MODE:-local}" != local ]; then \
	  echo "make seed: the demo seed is for local mode only (FRIST_MODE=$$FRIST_MODE); refusing." >&2; exit 1; fi
	@$(ENV) cd functions && $(abspath $(WRANGLER)) d1 execute DB --local --persist-to $(abspath $(STATE)) --file seed/demo.sql

# A copy of the local D1 as SQL in backups/ (gitignored).
backup:
	@mkdir -p backups
	@$(ENV) bash scripts/d1-export.sh $(STATE) backups/frist-$$(date +%Y%m%d-%H%M%S).sql
	@ls -1t backups/*.sql | head -1

# make restore FILE=backups/frist-….sql: the current state is moved aside
# (never deleted), then the backup is loaded into an empty one.
restore:
	@test -n "$(FILE)" && test -f "$(FILE)" || { echo "make restore FILE=backups/frist-….sql" >&2; exit 2; }
	@if [ -d "$(STATE)" ]; then mv "$(STATE)" "$(STATE).before-restore-$$(date +%Y%m%d-%H%M%S)"; fi
	@$(ENV) cd functions && $(abspath $(WRANGLER)) d1 execute DB --local --persist-to $(abspath $(STATE)) --file $(abspath $(FILE))
	@echo "restored $(FILE) into $(STATE); the previous state is beside it"

# Beside wrangler dev: the local HelseID (:9701) and ID-porten (:9702)
# stand-ins (scripts/local-op/op.mjs), stopped with it.
serve:
	@echo "frist on http://localhost:$(PORT)  (Ctrl-C to stop; local state in $(STATE))"
	@echo "local HelseID on http://127.0.0.1:9701, local ID-porten on http://127.0.0.1:9702 (test persons: README)"
	@mkdir -p $(STATE) && $(ENV) { node scripts/local-op/op.mjs > $(abspath $(STATE))/local-op.log 2>&1 & OP=$$!; \
	  trap 'kill $$OP 2>/dev/null' EXIT; \
	  cd functions && FRIST_SKIP_BUILD=1 $(abspath $(WRANGLER)) dev --ip 127.0.0.1 --port $(PORT) \
	  --persist-to $(abspath $(STATE)) --show-interactive-dev-session=false --var FRIST_MODE:local; }

## test layers
lint: fmt-check clippy

# The everyday loop (a minute or two when warm): format, clippy natively,
# the native tests. `make test` is the whole of it.
check: fmt-check unused-deps
	@$(ENV) cargo clippy --workspace --all-targets --quiet -- -D warnings
	@$(ENV) cargo test --workspace --quiet

# rustfmt leaves view! macros alone; leptosfmt formats them (after rustfmt).
fmt-check:
	@$(ENV) cargo fmt --all --check && leptosfmt --quiet --check app/src

# Every dependency a crate declares is used (cargo-machete).
unused-deps:
	@$(ENV) cargo machete

clippy:
	@$(ENV) cargo clippy --workspace --all-targets --quiet -- -D warnings
	@$(ENV) cargo clippy -p frist-domain -p frist-app -p frist-checker -p frist-functions -p frist-bench-wasm --target wasm32-unknown-unknown --quiet -- -D warnings

test-native:
	@$(ENV) cargo test --workspace --quiet

test-wasm:
	@$(ENV) cargo test -p frist-domain --target wasm32-unknown-unknown

test-integration:
	@$(ENV) FRIST_SKIP_BUILD=1 cargo test -p frist-tests --quiet -- --ignored --test-threads=1

test-e2e:
	@$(ENV) node tests/e2e/run.mjs

# The app's and the worker's compressed sizes against bench/budgets.json.
size-budget:
	@$(ENV) node scripts/size-budget.mjs

# Production (docs/operations.md): refuses while wrangler.toml has
# placeholders or a secret is missing, then applies the remote D1
# migrations and deploys.
deploy: install build
	@bash scripts/deploy.sh

# What `make test` proves of a deploy here: the production bundle, built
# with the production configuration by `wrangler deploy --dry-run`, within
# the worker's size budget.
deploy-check:
	@bash scripts/deploy.sh --dry-run

# The README's pictures: the main pages on a fixed date (needs `make build`).
screenshots:
	@$(ENV) node tests/e2e/screenshots.mjs

# docs/api.md from the route table (shared/src/api.rs); a test fails when it is stale.
docs:
	@$(ENV) FRIST_WRITE_DOCS=1 cargo test -p frist-domain --test api_doc --quiet

fmt:
	@$(ENV) cargo fmt --all && leptosfmt --quiet app/src

bench:
	@$(ENV) bash bench/run.sh

# Every parser under generated input for a fixed budget (cases per property);
# `make test` runs the same properties with 256 cases.
FUZZ_CASES ?= 20000
fuzz:
	@$(ENV) PROPTEST_CASES=$(FUZZ_CASES) cargo test --profile release-native -p frist-domain --test fuzz

# 60 s of mixed traffic of the three workflows against wrangler dev (needs `make build`).
load: build
	@$(ENV) node bench/load.mjs

clean:
	rm -rf dist functions/build .frist
