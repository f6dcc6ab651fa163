#!/usr/bin/env bash
# `make deploy`: production. `make deploy-check`: the dry run `make test`
# runs — the production bundle built with the production configuration,
# nothing uploaded — and the size budget checked on that bundle.
# docs/operations.md says what production needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./tools.env
wrangler="$PWD/node_modules/.bin/wrangler"
cd functions

if [ "${1:-}" = "--dry-run" ]; then
  rm -rf build/dry-run
  FRIST_SKIP_BUILD=1 CI=true "$wrangler" deploy --dry-run --env production --outdir build/dry-run
  node ../scripts/size-budget.mjs --worker-only --worker-dir functions/build/dry-run
  exit 0
fi

# The production section must name real resources and settings.
production=$(awk '/^\[+env\.production/{p=1} p' wrangler.toml)
if grep -q 'REPLACE-WITH' <<<"$production"; then
  echo "make deploy: functions/wrangler.toml still has placeholders in its production section:" >&2
  grep 'REPLACE-WITH' <<<"$production" >&2
  exit 1
fi
# The secrets the worker refuses to work without (ctx.rs REQUIRED_SECRETS;
# the mail sender and app URL are vars in wrangler.toml, checked above).
secrets=$("$wrangler" secret list --env production)
missing=0
for name in FRIST_SERVER_SECRET FRIST_TRIP_KEY; do
  if ! grep -q "\"$name\"" <<<"$secrets"; then
    echo "make deploy: secret $name is missing: wrangler secret put $name --env production" >&2
    missing=1
  fi
done
[ "$missing" = 0 ] || exit 1
FRIST_SKIP_BUILD=1 "$wrangler" d1 migrations apply DB --remote --env production
FRIST_SKIP_BUILD=1 "$wrangler" deploy --env production
