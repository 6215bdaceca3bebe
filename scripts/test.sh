#!/usr/bin/env bash
# npm test: the whole suite, as CI runs it. Lint, types, unit and integration tests, then a fresh
# production build and the browser tests against it in Debian's Chromium. Stops at the first
# failing step. With DATABASE_URL set, the database tests run on fresh databases created on
# that server (and dropped after); without it, on the embedded database.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Next.js would try to report build telemetry; this machine has no network for it.
export NEXT_TELEMETRY_DISABLED=1

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
results="$(mktemp -d "${TMPDIR:-/tmp}/latchkey-test-XXXXXX")"
started=$SECONDS
step="setup"

run_step() {
  step="$1"
  shift
  local step_started=$SECONDS
  printf '\n== %s\n' "$step"
  "$@"
  printf '== %s: done in %ss\n' "$step" "$((SECONDS - step_started))"
}

finish() {
  local status=$?
  trap - EXIT
  echo
  node_modules/.bin/tsx scripts/test-summary.ts "$results/unit.json" "$results/e2e.json" >"$results/summary" 2>&1 || true
  rm -rf "$results/unit.json" "$results/e2e.json"
  if [ "$status" -eq 0 ]; then
    echo "npm test passed in $((SECONDS - started))s"
    cat "$results/summary"
  else
    grep -v '^tests:' "$results/summary" || true
    echo "npm test FAILED at step \"$step\" (exit $status) after $((SECONDS - started))s"
  fi
  rm -rf "$results"
  exit "$status"
}
trap finish EXIT

ensure_chromium() {
  if [ -x "$chromium" ]; then
    echo "Using $chromium"
    return
  fi
  if [ "$chromium" = /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ]; then
    echo "Chromium is missing; installing Debian's chromium package…"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    return
  fi
  echo "The browser tests need Chromium, and there is none at $chromium." >&2
  echo "Install Debian's package as root:  apt-get update && apt-get install -y chromium" >&2
  echo "or point CHROMIUM_PATH at a Chromium binary, then run npm test again." >&2
  return 1
}

if [ -n "${DATABASE_URL:-}" ]; then
  echo "Database tests run on fresh databases on the PostgreSQL server in DATABASE_URL."
else
  echo "Database tests run on the embedded database (set DATABASE_URL to use a PostgreSQL server)."
fi

run_step "lint" npm run lint
run_step "typecheck" npm run typecheck
run_step "unit and integration tests" \
  npm run test:unit -- --reporter=default --reporter=json --outputFile.json="$results/unit.json"
run_step "chromium" ensure_chromium
# Always build: the browser tests must exercise the code as it is now, not an older build.
run_step "production build" npm run build
run_step "browser tests" env PLAYWRIGHT_JSON_OUTPUT_FILE="$results/e2e.json" \
  npm run test:e2e -- --reporter=list,json
