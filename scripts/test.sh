#!/usr/bin/env bash
# The whole test suite from a fresh machine: install, build, typecheck, lint, test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
PNPM="npx -y pnpm@12.4.2"
echo "==> build";     $PNPM --silent build
echo "==> typecheck"; $PNPM --silent typecheck
echo "==> lint";      $PNPM --silent lint
echo "==> test";      $PNPM --silent test
