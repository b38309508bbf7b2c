#!/usr/bin/env bash
# Runs every benchmark and rewrites docs/benchmarks.md. Installs the peers
# that are missing where it can (python3-igraph from Debian, as root) and says
# clearly what it skipped otherwise. Usage: pnpm bench [name-filter]
set -uo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import networkx' 2>/dev/null; then
  echo "bench: NetworkX is not installed for python3; its columns will say 'skipped'" >&2
fi
if ! /usr/bin/python3 -c 'import igraph' 2>/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    echo "bench: installing python3-igraph (Debian) for the igraph peer" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-igraph >/dev/null) || echo "bench: could not install python3-igraph; igraph columns will say 'skipped'" >&2
  else
    echo "bench: python3-igraph missing and not root; igraph columns will say 'skipped'" >&2
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "bench: /usr/bin/chromium missing; run scripts/ensure-env.sh (browser benchmarks will be skipped)" >&2
fi
exec node --max-old-space-size=8192 --expose-gc --conditions=source --import tsx bench/run.ts "$@"
