#!/usr/bin/env bash
# Stops the stripe-mock that infra/stripe-mock/up.sh started on STRIPE_MOCK_PORT (12111).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pidfile="$root/.data/stripe-mock/stripe-mock-${STRIPE_MOCK_PORT:-12111}.pid"
[ -f "$pidfile" ] || exit 0
kill "$(cat "$pidfile")" 2>/dev/null || true
rm -f "$pidfile"
