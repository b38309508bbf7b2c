#!/usr/bin/env bash
# The whole test suite from a fresh machine: install, build, typecheck, lint,
# test, and the consumer check of the packed packages. Each step prints its
# name when it starts and its time when it ends; vitest prints each test file
# as it finishes.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$SECONDS
step() {
  local name=$1 began=$SECONDS
  shift
  echo "==> $name"
  "$@"
  echo "    $name: $((SECONDS - began)) s (total $((SECONDS - START)) s)"
}
PNPM="npx -y pnpm@12.4.2"
step "environment" bash scripts/ensure-env.sh
step "build" $PNPM --silent build
step "typecheck" $PNPM --silent typecheck
step "lint" $PNPM --silent lint
step "test" $PNPM --silent test
step "consumer check" bash scripts/consumer-check.sh
echo "==> all passed in $((SECONDS - START)) s"
