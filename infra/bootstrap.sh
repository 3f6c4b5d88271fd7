# shellcheck shell=bash
# Tessera bootstrap, sourced by infra/up.sh and infra/test.sh (not run on its own).
#
# Makes sure Node 24 and pnpm 10 are on PATH (when the machine's Node is another version: from
# the npm registry into ~/.cache/tessera/tools once, with <repo>/.tools a link to them), installs
# dependencies when node_modules is missing or the lockfile changed, and generates the Prisma
# client when the schema changed.
# Idempotent; prints nothing when there is nothing to do.

TESSERA_NODE_VERSION="24.21.0"
TESSERA_PNPM_VERSION="10.34.9"

TESSERA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$TESSERA_ROOT" || exit 1

export NEXT_TELEMETRY_DISABLED=1
export TURBO_TELEMETRY_DISABLED=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export COREPACK_ENABLE_STRICT=0

tessera_say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }
tessera_die() {
  printf '\n\033[1;31m✗ %s\033[0m\n' "$*" >&2
  exit 1
}

tessera_tools_bin="$TESSERA_ROOT/.tools/node_modules/.bin"
case ":$PATH:" in
  *":$tessera_tools_bin:"*) ;;
  *) if [ -x "$tessera_tools_bin/node" ] || [ -x "$tessera_tools_bin/pnpm" ]; then
       export PATH="$tessera_tools_bin:$PATH"
     fi ;;
esac

tessera_node_major() { node -v 2>/dev/null | sed -n 's/^v\([0-9][0-9]*\)\..*/\1/p'; }

# Node and pnpm are kept outside the repository, one folder per version pair, so that a new clone
# (CI's among them) links to them instead of downloading them again; .tools is that link.
tessera_tools_cache="${TESSERA_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tessera/tools}/node-$TESSERA_NODE_VERSION-pnpm-$TESSERA_PNPM_VERSION"

tessera_tools_complete() {
  [ -x "$1/node_modules/.bin/node" ] && [ -x "$1/node_modules/.bin/pnpm" ]
}

# Fills the machine's cache folder for this version pair once: into a folder of this run's own,
# renamed into place when complete, so two clones installing at once never see a half-written one.
tessera_fill_tools_cache() {
  tessera_tools_complete "$tessera_tools_cache" && return 0
  mkdir -p "$(dirname "$tessera_tools_cache")" ||
    tessera_die "Cannot create $(dirname "$tessera_tools_cache") for Node and pnpm (set TESSERA_TOOLS_CACHE to a writable folder)"
  local partial
  partial="$(mktemp -d "$tessera_tools_cache.partial.XXXXXX")" ||
    tessera_die "Cannot create a folder beside $tessera_tools_cache"
  chmod 755 "$partial"
  tessera_npm_install "$partial" "node@$TESSERA_NODE_VERSION" "pnpm@$TESSERA_PNPM_VERSION" || {
    rm -rf "$partial"
    tessera_die "npm could not install Node $TESSERA_NODE_VERSION and pnpm $TESSERA_PNPM_VERSION (is the npm registry reachable?)"
  }
  # Only complete folders are renamed into place, so one there but incomplete was damaged since:
  # set it aside (renamed, then removed) rather than install over what other clones may be using.
  if [ -e "$tessera_tools_cache" ] && ! tessera_tools_complete "$tessera_tools_cache"; then
    local damaged="$tessera_tools_cache.damaged.$(basename "$partial")"
    mv -T "$tessera_tools_cache" "$damaged" 2>/dev/null && rm -rf "$damaged"
  fi
  # Another clone may have renamed its own into place meanwhile: that one is as good.
  mv -T "$partial" "$tessera_tools_cache" 2>/dev/null || rm -rf "$partial"
  tessera_tools_complete "$tessera_tools_cache" ||
    tessera_die "The tools cache $tessera_tools_cache is incomplete: remove it and run again"
}

tessera_install_tools() {
  command -v npm >/dev/null 2>&1 ||
    tessera_die "Tessera needs Node.js (20 or newer) with npm to fetch its own Node $TESSERA_NODE_VERSION. Install it first, e.g. apt-get install -y nodejs npm"
  local target="$TESSERA_ROOT/.tools"
  if [ -d "$target" ] && [ ! -L "$target" ]; then
    # A folder of its own (a checkout from before the cache): installed into, as it always was.
    tessera_npm_install "$target" "$@" || tessera_die "npm could not install $* into $target"
  else
    # The cache is never installed into through the link: filled as a whole, then linked (which
    # also replaces a link to another version pair's folder, or to one since removed).
    tessera_fill_tools_cache
    ln -sfn "$tessera_tools_cache" "$target"
  fi
  export PATH="$tessera_tools_bin:$PATH"
  hash -r
}

tessera_npm_install() {
  local prefix="$1"
  shift
  tessera_say "Installing $* into $prefix (one-off; a few minutes when the npm registry is slow)"
  mkdir -p "$prefix" || return 1
  npm install --prefix "$prefix" --save-exact --no-audit --no-fund --loglevel=error "$@" >/dev/null &
  local npm_pid=$! waited=0
  # Say that it is still going: the download can take minutes with nothing else to show.
  while kill -0 "$npm_pid" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
    if [ $((waited % 30)) -eq 0 ]; then tessera_say "… still downloading ($waited s)"; fi
  done
  wait "$npm_pid"
}

if [ "$(tessera_node_major)" != "24" ]; then
  tessera_install_tools "node@$TESSERA_NODE_VERSION" "pnpm@$TESSERA_PNPM_VERSION"
  [ "$(tessera_node_major)" = "24" ] || tessera_die "Node 24 is still not on PATH after installing it into .tools"
fi
if ! command -v pnpm >/dev/null 2>&1; then
  tessera_install_tools "pnpm@$TESSERA_PNPM_VERSION"
fi

# A stamp of the lockfile's hash inside node_modules says whether the install is current.
tessera_lock_stamp="$TESSERA_ROOT/node_modules/.tessera-lockfile.sha256"
tessera_lock_hash="$(sha256sum "$TESSERA_ROOT/pnpm-lock.yaml" | cut -d' ' -f1)"
if [ ! -d "$TESSERA_ROOT/node_modules" ] || [ "$(cat "$tessera_lock_stamp" 2>/dev/null)" != "$tessera_lock_hash" ]; then
  tessera_say "Installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only ||
    tessera_die "pnpm install failed (if pnpm-lock.yaml is out of date, run: pnpm install)"
  printf '%s\n' "$tessera_lock_hash" >"$tessera_lock_stamp"
fi

# The Prisma client is generated code; regenerate it when the schema files change.
tessera_schema_stamp="$TESSERA_ROOT/packages/db/src/generated/.schema.sha256"
tessera_schema_hash="$(cat "$TESSERA_ROOT"/prisma/schema/*.prisma | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$tessera_schema_stamp" 2>/dev/null)" != "$tessera_schema_hash" ]; then
  tessera_say "Generating the Prisma client"
  tessera_generate_log="$(pnpm db:generate 2>&1)" || {
    printf '%s\n' "$tessera_generate_log" >&2
    tessera_die "pnpm db:generate failed"
  }
  printf '%s\n' "$tessera_schema_hash" >"$tessera_schema_stamp"
fi
