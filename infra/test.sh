#!/usr/bin/env bash
# Quick start: `bash infra/test.sh` runs every check CI runs, in CI's order, failing fast.
#
# Bootstraps Node 24 and dependencies, makes sure Chromium, PostgreSQL and Redis are there, then:
# format, lint, typecheck, migration check, unit tests, integration tests (and, under CI=true,
# the Slurm and Kubernetes tests against real clusters), web build, end-to-end tests. Ends with `tests: N passed, N failed` (from vitest's and Playwright's JSON reports) and
# a non-zero exit when anything failed.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
source "$TESSERA_ROOT/infra/services.sh"

export CI=true
reports="$TESSERA_ROOT/.data/test-reports"
rm -rf "$reports"
mkdir -p "$reports"

tessera_failed_stage=""
tessera_started=$SECONDS

tessera_finish() {
  local status=$?
  set +e
  tessera_stop_postgres
  bash "$TESSERA_ROOT/infra/stripe-mock/down.sh" >/dev/null 2>&1
  bash "$TESSERA_ROOT/infra/k8s/down.sh" >/dev/null 2>&1
  printf '\n'
  if [ -n "$tessera_failed_stage" ]; then
    printf '\033[1;31m✗ FAILED at stage: %s\033[0m\n' "$tessera_failed_stage"
  elif [ "$status" -ne 0 ]; then
    printf '\033[1;31m✗ FAILED during bootstrap\033[0m\n'
  else
    printf '\033[1;32m✓ All stages passed in %ss\033[0m\n' "$((SECONDS - tessera_started))"
  fi
  node --import tsx "$TESSERA_ROOT/infra/scripts/test-summary.ts" \
    "$reports/unit.json" "$reports/integration.json" "$reports/slurm.json" "$reports/stripe.json" "$reports/k8s.json" "$reports/e2e.json" || status=1
  exit "$status"
}
trap tessera_finish EXIT

tessera_banner() { printf '\n\033[1;34m══════ %s ══════\033[0m\n' "$1"; }

# Runs one stage under a banner; the first failure ends the run.
tessera_stage() {
  local name="$1"
  shift
  local started=$SECONDS
  tessera_banner "$name"
  if ! "$@"; then
    tessera_failed_stage="$name"
    exit 1
  fi
  printf '\033[32m✓ %s (%ss)\033[0m\n' "$name" "$((SECONDS - started))"
}

tessera_ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 ||
      tessera_die "Chromium is missing and this user cannot install it. As root run: apt-get update && apt-get install -y --no-install-recommends chromium"
    sudo="sudo"
  fi
  tessera_say "Installing Chromium from Debian (for the end-to-end tests)"
  if ! { $sudo apt-get update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }; then
    tessera_die "apt-get could not install chromium; the end-to-end tests need /usr/bin/chromium"
  fi
  [ -x /usr/bin/chromium ] || tessera_die "chromium was installed but /usr/bin/chromium is missing"
}

tessera_banner "Environment: Chromium, PostgreSQL, Redis"
tessera_failed_stage="Environment"
tessera_ensure_chromium
tessera_env_defaults DATABASE_URL REDIS_URL
tessera_ensure_postgres
tessera_ensure_redis
# Integration tests use their own database on the same server, never the demo data.
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-${DATABASE_URL%/*}/tessera_test}"
tessera_failed_stage=""

tessera_stage "Format (prettier --check)" pnpm exec prettier --check --log-level warn .
tessera_stage "Lint" pnpm exec turbo run lint lint:root --output-logs=errors-only
tessera_stage "Typecheck" pnpm exec turbo run typecheck typecheck:root --output-logs=errors-only
tessera_stage "Migrations match the schema" pnpm --silent --filter @tessera/db migrate:check
tessera_stage "Unit tests" pnpm exec vitest run --project unit \
  --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
tessera_stage "Integration tests" pnpm exec vitest run --project integration \
  --reporter=default --reporter=json --outputFile.json="$reports/integration.json"
# Runs a service's up script quietly, showing its last line, or its log's tail when it fails.
# Without DATABASE_URL: the Slurm and Kubernetes scripts register their cluster in the database
# it names, which is the demo portal's, and the test clusters are torn down after their tests
# (the tests make their own databases).
tessera_service_up() {
  local script="$1" log="$TESSERA_ROOT/.data/$2-up.log"
  if ! env -u DATABASE_URL bash "$TESSERA_ROOT/$script" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    printf '%s failed (full log: %s)\n' "$script" "$log" >&2
    return 1
  fi
  tail -n 1 "$log"
}
# The real Slurm cluster (infra/slurm/up.sh: Debian's packages, fake H100s, accounting, slurmrestd).
# Under CI=true the Slurm tests must run: a cluster that cannot come up fails the run.
if [ "${CI:-}" = true ] || [ "${TESSERA_SLURM_TESTS:-}" = 1 ]; then
  tessera_stage "Slurm cluster (infra/slurm/up.sh)" tessera_service_up infra/slurm/up.sh slurm
  tessera_stage "Slurm tests (real slurmctld, slurmdbd, slurmrestd)" pnpm exec vitest run --project slurm \
    --reporter=default --reporter=json --outputFile.json="$reports/slurm.json"
fi
# Stripe's own mock server (infra/stripe-mock/up.sh builds it once from the Go module proxy and
# caches it outside the repository). The Stripe tests fail — never skip — when it cannot start.
tessera_stage "Stripe's mock server (infra/stripe-mock/up.sh)" tessera_service_up infra/stripe-mock/up.sh stripe-mock
tessera_stage "Stripe tests (stripe-mock)" pnpm exec vitest run --project stripe \
  --reporter=default --reporter=json --outputFile.json="$reports/stripe.json"
# The real Kubernetes control plane (infra/k8s/up.sh: kube-apiserver, controller manager,
# scheduler and etcd built from source and cached outside the repository, kwok's simulated GPU
# nodes). Under CI=true the Kubernetes tests must run: a control plane that cannot come up fails
# the run. It is stopped again before the web build, which wants the memory.
if [ "${CI:-}" = true ] || [ "${TESSERA_K8S_TESTS:-}" = 1 ]; then
  tessera_stage "Kubernetes control plane (infra/k8s/up.sh)" tessera_service_up infra/k8s/up.sh k8s
  tessera_stage "Kubernetes tests (real kube-apiserver, scheduler, controllers; kwok nodes)" \
    pnpm exec vitest run --project k8s \
    --reporter=default --reporter=json --outputFile.json="$reports/k8s.json"
  tessera_stage "Stop the Kubernetes control plane (infra/k8s/down.sh)" \
    bash "$TESSERA_ROOT/infra/k8s/down.sh"
fi
tessera_stage "Build the web app" pnpm --filter @tessera/web build
export PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/e2e.json"
# On failure, the worker tier's last words too: most e2e waits are for something it does.
tessera_e2e() {
  pnpm exec playwright test --reporter=list,json && return 0
  if [ -s "$TESSERA_ROOT/.data/e2e-worker.log" ]; then
    tessera_banner "The worker's log during the end-to-end tests (last 200 lines, repeats folded)"
    node --import tsx "$TESSERA_ROOT/infra/scripts/fold-log.ts" "$TESSERA_ROOT/.data/e2e-worker.log" 200
  fi
  return 1
}
tessera_stage "End-to-end tests (Playwright, Chromium)" tessera_e2e
