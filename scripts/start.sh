#!/usr/bin/env bash
# The main job: the explorer page on the committed sample network.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
PNPM="npx -y pnpm@12.4.2"
$PNPM --silent build
exec $PNPM --filter @tiegraph/explorer exec vite --host 127.0.0.1 --port "${PORT:-5173}" --strictPort
