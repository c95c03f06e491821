#!/usr/bin/env bash
# End-to-end test of `dossier serve` in headless Chromium: builds the binary, builds a store from
# examples/corpus in a temporary folder, starts the server on a free loopback port with a token,
# runs e2e.mjs (playwright-core driving /usr/bin/chromium), stops the server.
# Needs: Debian's chromium (apt-get install chromium) and `npm ci` in this folder.
# Screenshots: target/e2e/{profile,citation}.png.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
cargo build --locked -q -p dossier-cli
bin="${CARGO_TARGET_DIR:-$root/target}/debug/dossier"
tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
"$bin" --store "$tmp/e2e.db" ingest examples/corpus >/dev/null
"$bin" --store "$tmp/e2e.db" analyze >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export DOSSIER_TOKEN="e2e-$RANDOM$RANDOM"
"$bin" --store "$tmp/e2e.db" serve --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { cat "$tmp/server.log"; exit 1; }
cd "$here"
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
BASE_URL="http://127.0.0.1:$port" E2E_OUT="$root/target/e2e" node e2e.mjs
