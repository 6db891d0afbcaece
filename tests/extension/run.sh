#!/usr/bin/env bash
# Runs the browser extension's end-to-end test in headless Chromium.
# Usage: tests/extension/run.sh [path/to/discreet]   (default: build/discreet)
# Env: DISCREET_EXTENSION_OUT (screenshot folder, default tests/extension/out/),
#      CHROMIUM (browser binary, default /usr/bin/chromium).
# Installs the pinned npm packages with `npm ci` when node_modules is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

binary="${1:-$repo/build/discreet}"
[[ "$binary" = /* ]] || binary="$PWD/$binary"
[[ -x "$binary" ]] || { echo "extension e2e: no discreet binary at $binary (build first or pass its path)" >&2; exit 1; }
command -v node >/dev/null || { echo "extension e2e: node is not installed (scripts/bootstrap)" >&2; exit 1; }
command -v npm >/dev/null || { echo "extension e2e: npm is not installed (scripts/bootstrap)" >&2; exit 1; }
chromium="${CHROMIUM:-/usr/bin/chromium}"
[[ -x "$chromium" ]] || { echo "extension e2e: no Chromium at $chromium (apt-get install chromium)" >&2; exit 1; }

cd "$here"
# Install when missing, or when the lock file changed since the last install.
if [[ ! -d node_modules/playwright-core ]] || ! cmp -s package-lock.json node_modules/.discreet-installed-lock; then
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json node_modules/.discreet-installed-lock
fi

out="${DISCREET_EXTENSION_OUT:-$here/out}"
mkdir -p "$out"
export DISCREET_BIN="$binary" CHROMIUM="$chromium" OUT_DIR="$out"
# Playwright reports the extension service worker's requests only with this set.
export PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1
# One browser at a time; a hard limit so a hang fails instead of stalling CI.
timeout --kill-after=10 240 node --test --test-reporter=spec e2e.test.mjs
[[ -s "$out/panel.png" ]] || { echo "extension e2e: no screenshot at $out/panel.png" >&2; exit 1; }
echo "extension e2e: screenshot at $out/panel.png"
