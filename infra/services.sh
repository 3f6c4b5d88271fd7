# shellcheck shell=bash
# Finds or starts PostgreSQL and Redis for infra/up.sh and infra/test.sh. Sourced after
# infra/bootstrap.sh. A server that is already reachable at DATABASE_URL / REDIS_URL is used as
# it is; on this machine's loopback, a missing one is started (embedded PostgreSQL from npm,
# redis-server when installed); anything else ends with what exactly is missing.

mkdir -p "$TESSERA_ROOT/.data/logs"

# Runs one of the TypeScript helpers under infra/scripts.
tessera_helper() {
  local script="$1"
  shift
  node --import tsx "$TESSERA_ROOT/infra/scripts/$script.ts" "$@"
}

# Defaults come from serverEnv() so they are written down in one place only.
tessera_env_defaults() {
  local defaults line name
  defaults="$(tessera_helper print-env "$@")" || tessera_die "The environment is invalid (see above)."
  while IFS= read -r line; do
    name="${line%%=*}"
    # shellcheck disable=SC2163 # exports NAME=value as printed by print-env
    [ -n "${!name:-}" ] || export "$line"
  done <<<"$defaults"
}

tessera_redact() { printf '%s' "$1" | sed -E 's#//([^:/@]*):[^@/]*@#//\1:***@#'; }

tessera_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

tessera_is_loopback() {
  case "$1" in
    localhost | 127.0.0.1 | ::1 | "[::1]") return 0 ;;
    *) return 1 ;;
  esac
}

# Splits scheme://[user[:password]@]host[:port][/path] into TESSERA_URL_HOST/PORT/PATH.
tessera_parse_url() {
  local pattern='^[a-z]+://([^@/]*@)?(\[[^]]*\]|[^:/?]*)(:([0-9]+))?(/([^?]*))?'
  [[ "$1" =~ $pattern ]] || tessera_die "Cannot read the URL $(tessera_redact "$1")"
  TESSERA_URL_HOST="${BASH_REMATCH[2]}"
  TESSERA_URL_PORT="${BASH_REMATCH[4]:-$2}"
  TESSERA_URL_PATH="${BASH_REMATCH[6]}"
}

# --fresh (infra/up.sh) drops the database: only the demo's default one, unless the database
# DATABASE_URL names was confirmed by name. $1: DATABASE_URL as given (empty when unset), $2: the
# confirmed name. Dies with what to do otherwise; returns quietly when the drop may go ahead.
tessera_check_fresh_target() {
  local given="$1" confirmed="$2" default
  default="$(unset DATABASE_URL && tessera_helper print-env DATABASE_URL)" ||
    tessera_die "The environment is invalid (see above)."
  default="${default#DATABASE_URL=}"
  [ -z "$given" ] || [ "$given" = "$default" ] && return 0
  tessera_parse_url "$given" 5432
  local name="${TESSERA_URL_PATH:-}"
  [ -n "$name" ] && [ "$confirmed" = "$name" ] && return 0
  tessera_die "--fresh drops the database, and DATABASE_URL names $(tessera_redact "$given"), not the demo database $(tessera_redact "$default"). If that is what you want, add --confirm-drop=${name:-<database name>}; otherwise unset DATABASE_URL."
}

TESSERA_PG_PID=""

tessera_ensure_postgres() {
  if tessera_helper pg-ready "$DATABASE_URL" 2>/dev/null; then
    tessera_say "PostgreSQL: using $(tessera_redact "$DATABASE_URL")"
    return
  fi
  tessera_parse_url "$DATABASE_URL" 5432
  tessera_is_loopback "$TESSERA_URL_HOST" ||
    tessera_die "PostgreSQL at $(tessera_redact "$DATABASE_URL") is not reachable. Start it, or unset DATABASE_URL to use a local one."
  local database="${TESSERA_URL_PATH:-tessera}" port=5432
  tessera_port_in_use 5432 && port=54329
  local url="postgresql://postgres@localhost:$port/$database"
  # An embedded server left running by an earlier run answers already: reuse it.
  if ! tessera_helper pg-ready "$url" 2>/dev/null; then
    tessera_port_in_use "$port" &&
      tessera_die "PostgreSQL is not reachable at $(tessera_redact "$DATABASE_URL") and port $port is taken by something else. Free the port or set DATABASE_URL."
    tessera_say "PostgreSQL: none reachable; starting an embedded one on port $port (data in .data/postgres, log in .data/logs/postgres.log)"
    setsid node --import tsx "$TESSERA_ROOT/infra/scripts/embedded-postgres.ts" --port "$port" \
      >>"$TESSERA_ROOT/.data/logs/postgres.log" 2>&1 </dev/null &
    TESSERA_PG_PID=$!
    tessera_helper pg-ready "$url" --wait 90 ||
      tessera_die "The embedded PostgreSQL did not start; see .data/logs/postgres.log"
  else
    tessera_say "PostgreSQL: using the embedded one already running on port $port"
  fi
  export DATABASE_URL="$url"
}

tessera_stop_postgres() {
  [ -n "$TESSERA_PG_PID" ] || return 0
  kill -TERM "$TESSERA_PG_PID" 2>/dev/null || true
  local _
  for _ in $(seq 1 100); do
    kill -0 "$TESSERA_PG_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL -- "-$TESSERA_PG_PID" 2>/dev/null || true
  TESSERA_PG_PID=""
}

tessera_ensure_redis() {
  if tessera_helper redis-ready "$REDIS_URL" 2>/dev/null; then
    tessera_say "Redis: using $(tessera_redact "$REDIS_URL")"
    return
  fi
  tessera_parse_url "$REDIS_URL" 6379
  tessera_is_loopback "$TESSERA_URL_HOST" ||
    tessera_die "Redis at $(tessera_redact "$REDIS_URL") is not reachable. Start it, or unset REDIS_URL to use a local one."
  command -v redis-server >/dev/null 2>&1 ||
    tessera_die "Redis is not reachable at $(tessera_redact "$REDIS_URL") and redis-server is not installed. Install it with:  apt-get install -y redis-server"
  tessera_port_in_use "$TESSERA_URL_PORT" &&
    tessera_die "Redis is not reachable at $(tessera_redact "$REDIS_URL") but port $TESSERA_URL_PORT is taken by something else."
  tessera_say "Redis: none reachable; starting redis-server on 127.0.0.1:$TESSERA_URL_PORT (it keeps running; log in .data/logs/redis.log)"
  # Queues only: Redis holds no state Tessera cannot rebuild, so no persistence.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$TESSERA_URL_PORT" --save "" --appendonly no \
    --dir "$TESSERA_ROOT/.data" --pidfile "$TESSERA_ROOT/.data/redis.pid" \
    --logfile "$TESSERA_ROOT/.data/logs/redis.log" >/dev/null ||
    tessera_die "redis-server did not start; see .data/logs/redis.log"
  tessera_helper redis-ready "$REDIS_URL" --wait 20 ||
    tessera_die "redis-server did not answer; see .data/logs/redis.log"
}
