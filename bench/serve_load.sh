#!/usr/bin/env bash
# Load test of `discreet serve` (issue 8): wrk for DURATION seconds (default 30) at 64
# connections, POST /v1/check with a ~1 KB draft, against a server started here on a free
# loopback port with a throwaway token. Prints wrk's throughput and latency, the 4xx/5xx
# count, and the server's RSS sampled every second (min / max) to show it stays flat.
#   bench/serve_load.sh [BINARY] [DURATION]
# SERVE_ARGS adds options to `discreet serve` (e.g. SERVE_ARGS="--workers 2").
set -euo pipefail
bin="${1:-build-release/discreet}"
duration="${2:-30}"
command -v wrk >/dev/null || { echo "serve_load: install wrk (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
"$bin" serve --port 0 ${SERVE_ARGS:-} >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.05; done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/out")"
[[ -n "$port" ]] || { echo "serve_load: server did not start: $(cat "$work/err")" >&2; exit 1; }
export DISCREET_PORT="$port" DISCREET_TOKEN="$("$bin" token)"
# A 1 KB draft from the project's own corpus (JSON-quoted), the same for every request.
export DISCREET_DRAFT="$(python3 -c '
import json
texts = [json.loads(l)["text"] for l in open("tests/corpus/own.jsonl")]
s = ""
for t in texts:
    if len(s) + len(t) > 1024: break
    s += t + "\n"
print(json.dumps(s))')"
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
echo "server pid $pid on port $port; RSS before: $(rss) kB; draft ${#DISCREET_DRAFT} bytes (quoted)"
( while kill -0 "$pid" 2>/dev/null; do rss; sleep 1; done ) >"$work/rss" &
sampler=$!
wrk -t2 -c64 -d"${duration}s" --latency -s bench/serve_load.lua "http://127.0.0.1:$port/v1/check"
kill "$sampler" 2>/dev/null || true
sort -n "$work/rss" | awk 'NR==1 {min=$1} {max=$1} END {printf "server RSS during the run: min %d kB, max %d kB\n", min, max}'
