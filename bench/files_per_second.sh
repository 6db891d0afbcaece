#!/usr/bin/env bash
# Files per second of `discreet check DIR` over many small posts, as a blog's pre-commit
# hook or CI job runs it: N (default 10,000) generated posts of 150–400 bytes in Markdown,
# HTML and text (some naming a client, most not), checked by one process on all cores and
# then with --jobs 1 for comparison. Wall time from hyperfine (GNU time when hyperfine is
# missing). Usage: bench/files_per_second.sh [BINARY] [N] (default build-release/discreet)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-build-release/discreet}")"
n="${2:-10000}"
[[ -x "$bin" ]] || { echo "files_per_second: no binary at $bin" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/posts" "$n" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
openers = ["Happy Friday everyone!", "New on the blog:", "A note from the studio.", "Quick update,"]
bodies = [
    "Our winter schedule starts next week, with evening slots on Tuesdays and Thursdays.",
    "Stretching between sessions helps tight shoulders more than anything else we do.",
    "We now offer 90-minute deep tissue sessions and gift cards for the holidays.",
    "I massaged Mary Jones from down the street today and her back is a mess!",
    "My 85-year-old client drives a red Porsche and has 50 cats.",
    "Super Bowl Sunday special: 20% off every 60-minute massage!",
    "Remember to drink water after a massage; your muscles will thank you.",
]
for i in range(n):
    folder = os.path.join(out, f"{i // 500:03d}")
    os.makedirs(folder, exist_ok=True)
    text = " ".join([random.choice(openers)] + random.sample(bodies, 3))
    kind = i % 3
    if kind == 0:
        name, body = f"post{i}.md", f"---\ntitle: Post {i}\n---\n\n# Post {i}\n\n{text}\n"
    elif kind == 1:
        name, body = f"post{i}.html", f"<html><body><h1>Post {i}</h1><p>{text}</p></body></html>\n"
    else:
        name, body = f"post{i}.txt", text + "\n"
    with open(os.path.join(folder, name), "w") as f:
        f.write(body)
PY
bytes=$(du -sb "$tmp/posts" | cut -f1)
echo "input: $n posts, $bytes bytes in $tmp/posts; binary: $bin; $(nproc) cores"

for jobs in "" "--jobs 1"; do
  cmd="$bin check --fail-on never --format json $jobs $tmp/posts"
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "${RUNS:-5}" -N --export-json "$tmp/h.json" "$cmd" >/dev/null
    python3 - "$tmp/h.json" "$n" "${jobs:-all cores}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
n = int(sys.argv[2])
print(f"  {sys.argv[3]:>9}: median {r['median']:.2f} s (min {r['min']:.2f}, max {r['max']:.2f}; "
      f"user {r['user']:.2f} s, sys {r['system']:.2f} s) = {n / r['median']:,.0f} files/s")
PY
  else
    /usr/bin/time -f "  ${jobs:-all cores}: %e s wall, %U s user, %M KB peak RSS" $cmd >/dev/null
  fi
done
