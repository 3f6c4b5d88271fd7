#!/usr/bin/env bash
# Quick start: `bash infra/up.sh` brings up the whole portal on this machine.
#
# Bootstraps Node 24 and dependencies, finds or starts PostgreSQL and Redis, migrates and seeds
# the demo data, builds the web app, then runs the development identity provider, the web app
# (http://localhost:3000), the worker, the simulated model server (which answers for the
# simulated cluster's inference endpoints) and the OpenAI-compatible gateway in front of them
# (http://localhost:3400/v1) together with prefixed logs. Ctrl-C stops them all. An existing
# database keeps its demo data; `--fresh` drops and recreates it first (`--help` says more).
set -euo pipefail

tessera_usage() {
  cat <<'USAGE'
Usage: bash infra/up.sh [--fresh [--confirm-drop=NAME]] [--help]

Brings up the whole portal on this machine with the demo data. On an existing database the seed
only adds what is missing, so the demo you left behind stays as it was.

  --fresh              Start from a clean demo: drop and recreate the demo database (the default
                       DATABASE_URL), then migrate and seed it again. Everything in it is lost.
  --confirm-drop=NAME  With --fresh, when DATABASE_URL names another database: drop it anyway.
                       NAME must be that database's name.
  -h, --help           Show this help.
USAGE
}

tessera_fresh=0
tessera_confirm_drop=""
for arg in "$@"; do
  case "$arg" in
    --fresh) tessera_fresh=1 ;;
    --confirm-drop=?*) tessera_confirm_drop="${arg#--confirm-drop=}" ;;
    -h | --help)
      tessera_usage
      exit 0
      ;;
    *)
      printf 'infra/up.sh: unknown option %s\n\n' "$arg" >&2
      tessera_usage >&2
      exit 2
      ;;
  esac
done
if [ -n "$tessera_confirm_drop" ] && [ "$tessera_fresh" = 0 ]; then
  printf 'infra/up.sh: --confirm-drop only goes with --fresh\n\n' >&2
  tessera_usage >&2
  exit 2
fi
# What DATABASE_URL was before the defaults fill it in: --fresh drops only the default database
# unless the one named is confirmed by name.
tessera_given_database_url="${DATABASE_URL:-}"

source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
source "$TESSERA_ROOT/infra/services.sh"

TESSERA_CHILD_PIDS=()
TESSERA_CHILD_NAMES=()
tessera_stopping=0

tessera_stop_all() {
  [ "$tessera_stopping" = 1 ] && return
  tessera_stopping=1
  local pid
  if [ "${#TESSERA_CHILD_PIDS[@]}" -gt 0 ]; then
    tessera_say "Stopping Tessera"
    for pid in "${TESSERA_CHILD_PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    local deadline=$((SECONDS + 25))
    for pid in "${TESSERA_CHILD_PIDS[@]}"; do
      while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    done
  fi
  tessera_stop_postgres
}
trap tessera_stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts a command in its own process group (so stopping it reaches its children too), with
# every line of its output prefixed by its name.
tessera_start() {
  local name="$1" dir="$2"
  shift 2
  local label
  label="$(printf '%-8s' "[$name]")"
  # The prefixer ignores Ctrl-C so that it outlives the child's shutdown messages.
  (cd "$TESSERA_ROOT/$dir" && exec setsid "$@") \
    > >(trap '' INT && exec sed -u "s/^/$label /") 2>&1 </dev/null &
  TESSERA_CHILD_PIDS+=("$!")
  TESSERA_CHILD_NAMES+=("$name")
}

tessera_env_defaults DATABASE_URL REDIS_URL DEV_IDP_PORT WORKER_HEALTH_PORT OIDC_ISSUER APP_URL QUEUE_PREFIX
if [ "$tessera_fresh" = 1 ]; then
  tessera_check_fresh_target "$tessera_given_database_url" "$tessera_confirm_drop"
fi
tessera_ensure_postgres
tessera_ensure_redis

# A real secret, made once per checkout and kept out of git (.data/ is ignored).
if [ -z "${AUTH_SECRET:-}" ]; then
  if [ ! -s "$TESSERA_ROOT/.data/auth-secret" ]; then
    (umask 077 && node -e 'console.log(require("node:crypto").randomBytes(48).toString("base64url"))' \
      >"$TESSERA_ROOT/.data/auth-secret")
  fi
  AUTH_SECRET="$(cat "$TESSERA_ROOT/.data/auth-secret")"
  export AUTH_SECRET
fi

# The quick start runs on this machine only, so the development outbox is on (unless set otherwise):
# signed in, each persona reads the mail Tessera stored for them at /dev/outbox.
export DEV_OUTBOX_ENABLED="${DEV_OUTBOX_ENABLED:-true}"

# The simulated model server: every endpoint on the simulated cluster is answered by it.
export MODEL_SIM_PORT="${MODEL_SIM_PORT:-3300}"
export SIM_MODEL_SERVER_URL="${SIM_MODEL_SERVER_URL:-http://localhost:$MODEL_SIM_PORT}"
# The gateway tenants call their endpoints through, with their API keys.
export GATEWAY_PORT="${GATEWAY_PORT:-3400}"
# The address the portal shows in its ready-to-run examples follows the port the gateway listens on.
export GATEWAY_URL="${GATEWAY_URL:-http://localhost:$GATEWAY_PORT}"

for port in 3000 "$DEV_IDP_PORT" "$WORKER_HEALTH_PORT" "$MODEL_SIM_PORT" "$GATEWAY_PORT"; do
  tessera_port_in_use "$port" &&
    tessera_die "Port $port is already in use. Stop whatever runs there (an earlier infra/up.sh?) and try again."
done

if [ "$tessera_fresh" = 1 ]; then
  tessera_say "Dropping and recreating the database $(tessera_redact "$DATABASE_URL") (--fresh)"
  tessera_helper recreate-database "$DATABASE_URL" || tessera_die "Could not recreate the database (see above)."
  # The queues and the gateway's spool belong to the old database: its outbox numbers start again.
  tessera_helper clear-redis-prefix "$REDIS_URL" "$QUEUE_PREFIX" ||
    tessera_die "Could not clear the demo's queues in Redis (see above)."
fi
tessera_say "Migrating the database"
pnpm --silent db:migrate

# Rebuild only when something the web app is built from is newer than the last build.
web_build_id="$TESSERA_ROOT/apps/web/.next/BUILD_ID"
if [ ! -f "$web_build_id" ] || [ -n "$(find apps/web packages prisma/schema pnpm-lock.yaml \
  \( -name node_modules -o -name .next -o -name .turbo \) -prune -o -type f -newer "$web_build_id" -print -quit)" ]; then
  tessera_say "Building the web app (2 to 7 minutes the first time, the longer on a busy machine)"
  pnpm --filter @tessera/web build
else
  tessera_say "Web app build is up to date"
fi

# After the build, so that the demo's jobs and endpoint are accepted moments before the worker
# starts running them (their timelines show no wait that the build caused).
tessera_say "Seeding the demo data"
pnpm --silent db:seed --demo-jobs

tessera_say "Starting the identity provider, the web app, the worker, the simulated model server and the gateway"
MODEL_SIM_MODELS="${MODEL_SIM_MODELS:-$(tessera_helper served-model-names "$DATABASE_URL")}" ||
  tessera_die "Could not read the model catalogue's names (see above)."
export MODEL_SIM_MODELS
tessera_start model-sim apps/model-sim node --import tsx src/main.ts
tessera_start idp apps/dev-idp node --import tsx src/main.ts
tessera_start web apps/web node_modules/.bin/next start -p 3000
tessera_start worker apps/worker node --import tsx src/main.ts
tessera_start gateway apps/gateway node --import tsx src/main.ts

tessera_helper wait-http "$OIDC_ISSUER/.well-known/openid-configuration" --wait 60 --status 200 ||
  tessera_die "The identity provider did not come up (see the [idp] lines above)."
tessera_helper wait-http "http://localhost:3000/" --wait 120 ||
  tessera_die "The web app did not come up (see the [web] lines above)."
tessera_helper wait-http "http://localhost:$WORKER_HEALTH_PORT/healthz" --wait 60 --status 200 ||
  tessera_die "The worker did not become healthy (see the [worker] lines above)."
tessera_helper wait-http "$SIM_MODEL_SERVER_URL/health" --wait 60 --status 200 ||
  tessera_die "The simulated model server did not come up (see the [model-sim] lines above)."
tessera_helper wait-http "http://localhost:$GATEWAY_PORT/healthz" --wait 60 --status 200 ||
  tessera_die "The gateway did not come up (see the [gateway] lines above)."

printf '\n\033[1;32mTessera is up at http://localhost:3000 — sign in as any demo persona\033[0m\n'
printf 'The simulated model server answers for the demo endpoints at %s (a simulator, no real model)\n' "$SIM_MODEL_SERVER_URL"
printf 'The gateway takes OpenAI-style calls with an API key at http://localhost:%s/v1\n' "$GATEWAY_PORT"
if [ "$DEV_OUTBOX_ENABLED" = true ]; then
  printf 'The development outbox is on (DEV_OUTBOX_ENABLED=true): signed in, read your mail at http://localhost:3000/dev/outbox\n'
fi
printf 'Press Ctrl-C to stop.\n\n'

# Run until one of them stops on its own (then stop the rest) or Ctrl-C arrives.
set +e
wait -n "${TESSERA_CHILD_PIDS[@]}"
status=$?
set -e
for i in "${!TESSERA_CHILD_PIDS[@]}"; do
  if ! kill -0 "${TESSERA_CHILD_PIDS[$i]}" 2>/dev/null; then
    printf '\n%s stopped (exit %s); stopping the rest.\n' "${TESSERA_CHILD_NAMES[$i]}" "$status" >&2
  fi
done
exit 1
