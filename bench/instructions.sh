#!/usr/bin/env bash
# Instructions of one run of a stage on one input, under callgrind: the difference of 120
# and 20 runs of bench/check_driver.cc, divided by 100, so that start-up cancels out.
# Counts do not depend on the machine's load or clock: the figures to compare between
# builds on a noisy VM.
#   bench/instructions.sh [-d DRIVER] check|render|api post:BYTES|prose:BYTES|own:CHARS|FILE
# e.g. bench/instructions.sh check post:1024; bench/instructions.sh api own:1024 (the
# request bench/serve_load.sh sends). Inputs: see bench/check_driver.cc.
set -euo pipefail
cd "$(dirname "$0")/.."
driver=build-release/bench/discreet_check_driver
if [[ "${1:-}" == "-d" ]]; then driver="$2"; shift 2; fi
[[ $# -eq 2 ]] || { sed -n '2,8p' "$0" >&2; exit 2; }
[[ -x "$driver" ]] || { echo "instructions: no driver at $driver (make -C build-release discreet_check_driver)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "instructions: install valgrind (apt-get install valgrind)" >&2; exit 2; }
refs() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$driver" "$1" "$2" "$3" 2>&1 >/dev/null |
    sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}
few="$(refs "$1" 20 "$2")"
many="$(refs "$1" 120 "$2")"
[[ -n "$few" && -n "$many" ]] || { echo "instructions: callgrind gave no count" >&2; exit 1; }
echo "$1 $2: $(( (many - few) / 100 )) instructions a run"
