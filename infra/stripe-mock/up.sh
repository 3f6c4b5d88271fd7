#!/usr/bin/env bash
# Starts Stripe's official mock server (github.com/stripe/stripe-mock) for the Stripe tests — a
# mock that validates requests against Stripe's OpenAPI spec and answers with fixtures; nothing
# reaches the internet. The binary is built once from the Go module proxy and cached by version
# outside the repository ($TESSERA_CACHE_DIR, default ~/.cache/tessera).
#
#   bash infra/stripe-mock/up.sh     build if needed, start on STRIPE_MOCK_PORT (12111) and
#                                    STRIPE_MOCK_HTTPS_PORT (12112), wait until it answers
#   bash infra/stripe-mock/down.sh   stop the one this script started
set -euo pipefail

version="v0.203.0"
http_port="${STRIPE_MOCK_PORT:-12111}"
https_port="${STRIPE_MOCK_HTTPS_PORT:-12112}"
cache="${TESSERA_CACHE_DIR:-$HOME/.cache/tessera}/stripe-mock/$version"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$root/.data/stripe-mock"
mkdir -p "$cache" "$state"

say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }
die() {
  printf '\033[1;31m✗ %s\033[0m\n' "$*" >&2
  exit 1
}

answers() { curl -fsS -o /dev/null -H 'Authorization: Bearer sk_test_mock' "http://127.0.0.1:$http_port/v1/customers" 2>/dev/null; }

if answers; then
  say "stripe-mock already answers on 127.0.0.1:$http_port"
  exit 0
fi

if [ ! -x "$cache/stripe-mock" ]; then
  go_bin="$(command -v go || true)"
  [ -n "$go_bin" ] || { [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go; }
  [ -n "$go_bin" ] || die "Go is needed once to build stripe-mock $version (apt or https://go.dev); none found"
  say "Building stripe-mock $version from the Go module proxy (one-off, cached in $cache)"
  GOBIN="$cache" GOFLAGS=-mod=mod "$go_bin" install "github.com/stripe/stripe-mock@$version" ||
    die "go install github.com/stripe/stripe-mock@$version failed"
fi

say "Starting stripe-mock $version on 127.0.0.1:$http_port (HTTPS $https_port)"
nohup "$cache/stripe-mock" -http-port "$http_port" -https-port "$https_port" \
  >"$state/stripe-mock-$http_port.log" 2>&1 &
echo $! >"$state/stripe-mock-$http_port.pid"
for _ in $(seq 1 100); do
  if answers; then
    say "stripe-mock is up at http://127.0.0.1:$http_port"
    exit 0
  fi
  kill -0 "$(cat "$state/stripe-mock-$http_port.pid")" 2>/dev/null ||
    { tail -n 20 "$state/stripe-mock-$http_port.log" >&2; die "stripe-mock exited at start"; }
  sleep 0.1
done
die "stripe-mock did not answer on port $http_port within 10 s (log: $state/stripe-mock-$http_port.log)"
