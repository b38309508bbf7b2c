#!/usr/bin/env bash
# The whole test suite from a fresh machine: install, build, typecheck, lint, test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
PNPM="npx -y pnpm@12.4.2"
echo "==> build";     $PNPM -s build
echo "==> typecheck"; $PNPM -s typecheck
echo "==> lint";      $PNPM -s lint
echo "==> test";      $PNPM -s test
