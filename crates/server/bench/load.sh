#!/usr/bin/env bash
# Load benchmark of `dossier serve` (issue 8's target): wrk with 32 connections against
# /api/profile?name=ISKP on the example store, first alone, then while documents are POSTed
# (ingested and analysed) in a loop, to show that reads keep being answered during an ingest.
# Needs wrk (Debian package `wrk`). Usage: crates/server/bench/load.sh [path/to/dossier] [seconds]
# (default: a release build in ${CARGO_TARGET_DIR:-target}).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/release/dossier}"
secs="${2:-20}"
[ -x "$bin" ] || { echo "no binary at $bin (cargo build --release -p dossier-cli)" >&2; exit 1; }
tmp="$(mktemp -d)"
server=""
writer=""
cleanup() {
  [ -n "$writer" ] && kill "$writer" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
"$bin" --store "$tmp/b.db" ingest examples/corpus >/dev/null
"$bin" --store "$tmp/b.db" analyze >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
DOSSIER_TOKEN=bench "$bin" --store "$tmp/b.db" serve --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$base/api/health" >/dev/null && break; sleep 0.2; done
url="$base/api/profile?name=ISKP"
echo "== $bin, $(nproc) cores, wrk -t2 -c32 -d${secs}s $url"
echo "-- reads only"
wrk -t2 -c32 -d"${secs}s" --latency "$url" | grep -E "Requests/sec|99%|Non-2xx|Socket errors"
# A writer POSTing the corpus's text articles again under new URLs (new documents, analysed).
python3 - "$base" "$tmp/posts" <<'PY' &
import json, pathlib, sys, time, urllib.request
base, out = sys.argv[1], pathlib.Path(sys.argv[2])
texts = sorted(pathlib.Path("examples/corpus/text").glob("*.txt"))
n = ok = 0
t0 = time.time()
out.write_text("0 documents ingested so far\n")
while True:
    for p in texts:
        n += 1
        body = json.dumps({"title": p.stem, "text": p.read_text(), "url": f"https://bench.example/{n}"}).encode()
        req = urllib.request.Request(base + "/api/documents", data=body, method="POST",
            headers={"content-type": "application/json", "authorization": "Bearer bench"})
        try:
            with urllib.request.urlopen(req) as r:
                ok += r.status in (200, 201)
        except Exception as e:
            print("POST failed:", e, file=sys.stderr)
        out.write_text(f"{ok} documents ingested and analysed in {time.time() - t0:.1f} s\n")
PY
writer=$!
sleep 1
echo "-- reads while documents are POSTed (ingest + analysis)"
wrk -t2 -c32 -d"${secs}s" --latency "$url" | grep -E "Requests/sec|99%|Non-2xx|Socket errors"
cat "$tmp/posts"
