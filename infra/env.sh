# shellcheck shell=bash
# `source infra/env.sh` in a new shell before running Tessera's other commands (pnpm bench:*,
# pnpm audit:verify, pnpm exec …): it puts the Node 24 and pnpm that infra/up.sh installed into
# .tools/ on PATH. Safe to source more than once; changes nothing else and never exits the shell.

tessera_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tessera_env_bin="$tessera_env_root/.tools/node_modules/.bin"
if [ -d "$tessera_env_bin" ]; then
  case ":$PATH:" in
    *":$tessera_env_bin:"*) ;;
    *) export PATH="$tessera_env_bin:$PATH" ;;
  esac
fi
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
if ! command -v pnpm >/dev/null 2>&1; then
  printf 'pnpm is not on PATH yet: run bash infra/up.sh once (it installs Node 24 and pnpm), then source infra/env.sh again.\n' >&2
fi
unset tessera_env_root tessera_env_bin
