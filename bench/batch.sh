#!/usr/bin/env bash
# Batch speed and memory, side by side with the reference CSV tool: the same
# prospects file (`name,kind,budget,network_strategy,contact`, plain-number
# budgets) merely parsed and rewritten by `xsv select 1-` (and `xan select 0:`
# when installed), then priced by `dues batch`. Prints mean wall times, the
# ratio to xsv and the peak RSS, at 10 000 rows and at ROWS rows.
# A benchmark, not a test: run it by hand, on a quiet machine.
#   bench/batch.sh [ROWS]   (default 1000000; needs python3, hyperfine, /usr/bin/time,
#                            xsv: `cargo install xsv`; optional xan: `cargo install xan`)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
for tool in python3 hyperfine xsv; do
  command -v "$tool" >/dev/null || { echo "bench/batch.sh needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench/batch.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin dues
dues=$PWD/target/release/dues
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

for n in 10000 "$rows"; do
  file="$dir/prospects-$n.csv"
  python3 bench/make_prospects.py "$n" "$file"
  commands=(--command-name "xsv select 1-" "xsv select 1- $file")
  if command -v xan >/dev/null; then
    commands+=(--command-name "xan select 0:" "xan select 0: $file")
  fi
  commands+=(--command-name "dues batch" "$dues batch $file")
  hyperfine -N --warmup 2 --runs 10 --export-json "$dir/times.json" "${commands[@]}" >/dev/null 2>&1
  echo "$n rows, $(du -m "$file" | cut -f1) MB:"
  python3 - "$dir/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
xsv = next(r["mean"] for r in results if r["command"] == "xsv select 1-")
for r in results:
    print(f'  {r["command"]:<15} {r["mean"] * 1000:8.1f} ms ± {r["stddev"] * 1000:5.1f}   {r["mean"] / xsv:5.2f}× xsv')
PY
  echo "  peak RSS: xsv $(rss xsv select 1- "$file") KiB, dues $(rss "$dues" batch "$file") KiB"
done
