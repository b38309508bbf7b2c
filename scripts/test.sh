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
# typecheck and lint are each one process on one core: run side by side (2 cores), each
# one's output printed whole when both are done, the first failure failing the step
both() {
  local dir rc1=0 rc2=0
  dir=$(mktemp -d)
  $PNPM --silent typecheck >"$dir/typecheck" 2>&1 &
  local p1=$!
  $PNPM --silent lint >"$dir/lint" 2>&1 &
  local p2=$!
  wait $p1 || rc1=$?
  wait $p2 || rc2=$?
  echo "--- typecheck (exit $rc1)"; cat "$dir/typecheck"
  echo "--- lint (exit $rc2)"; cat "$dir/lint"
  rm -rf "$dir"
  [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ]
}
step "typecheck and lint" both
step "test" $PNPM --silent test
step "consumer check" bash scripts/consumer-check.sh
echo "==> all passed in $((SECONDS - START)) s"
