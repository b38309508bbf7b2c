#!/usr/bin/env bash
# The main job: the explorer page on the committed sample network.
# The dev server compiles the packages' TypeScript sources on request (the
# "source" export condition in examples/explorer/vite.config.ts), so nothing
# is built first and the address is printed within seconds of the install.
# The browser for the tests is not needed to serve the page: ensure-env skips it here.
set -euo pipefail
cd "$(dirname "$0")/.."
TIEGRAPH_NO_BROWSER=1 bash scripts/ensure-env.sh
cd examples/explorer
exec ./node_modules/.bin/vite --host 127.0.0.1 --port "${PORT:-5173}" --strictPort
