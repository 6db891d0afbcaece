#!/usr/bin/env bash
# Times a cold `discreet check` of a 1 KB draft: a new process each run, loading every
# lexicon and rule pack, as a pre-commit hook or editor integration runs it.
# Wall time from hyperfine (when installed); peak RSS from GNU time (`time` package,
# installed here if missing). Usage: bench/cold_start.sh [BINARY] (default build-release/discreet)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build-release/discreet}"
[[ -x "$bin" ]] || { echo "cold_start: no binary at $bin (cmake -DCMAKE_BUILD_TYPE=Release -B build-release && make -C build-release discreet)" >&2; exit 2; }

if [[ ! -x /usr/bin/time ]]; then
  echo "cold_start: installing GNU time" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# 1 KB of post-like prose: the example draft repeated and cut to 1024 bytes.
draft="$tmp/post.txt"
while [[ ! -s "$draft" || $(stat -c %s "$draft") -lt 1024 ]]; do cat examples/draft.txt >> "$draft"; done
head -c 1024 "$draft" > "$tmp/cut" && iconv -f UTF-8 -t UTF-8 -c "$tmp/cut" > "$draft"
echo "input: $(stat -c %s "$draft") bytes; binary: $bin"

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs "${RUNS:-30}" -N --export-json "$tmp/hyperfine.json" \
    "$bin check --fail-on never $draft" | sed 's/^/  /'
  python3 - "$tmp/hyperfine.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = sorted(r["times"])
print(f"wall: median {statistics.median(t)*1000:.1f} ms, mean {r['mean']*1000:.1f} ms, "
      f"min {t[0]*1000:.1f} ms, max {t[-1]*1000:.1f} ms over {len(t)} runs")
PY
else
  echo "hyperfine not installed: timing 10 runs with GNU time"
  for _ in $(seq 10); do /usr/bin/time -f '%e s' "$bin" check --fail-on never "$draft" >/dev/null; done
fi

rss=()
for _ in 1 2 3 4 5; do
  rss+=("$(/usr/bin/time -v "$bin" check --fail-on never "$draft" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')")
done
printf 'peak RSS: %s KB (5 runs; max %s KB)\n' "${rss[*]}" "$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)"
