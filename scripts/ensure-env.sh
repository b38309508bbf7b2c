#!/usr/bin/env bash
# Installs what a fresh machine lacks: pnpm (through npx, pinned), the workspace's
# packages, and Debian's Chromium for the browser tests. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM="npx -y pnpm@12.4.2"
if [ ! -x /usr/bin/chromium ] && [ "${TIEGRAPH_NO_BROWSER:-}" != "1" ]; then
  echo "==> installing Debian's chromium for browser tests"
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
echo "==> installing workspace packages"
$PNPM install --frozen-lockfile 2>&1 | tail -3
