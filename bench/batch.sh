#!/usr/bin/env bash
# Batch speed and memory, side by side with xsv (`cargo install xsv`): the same
# prospects file merely parsed and rewritten by the reference CSV tool, then
# priced by dues. Prints wall times, their ratio and peak RSS at 10 000 and
# 1 000 000 rows. A benchmark, not a test: run it by hand.
#   bench/batch.sh [ROWS]      (default 1000000; needs python3, xsv, /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
command -v xsv >/dev/null || { echo "bench/batch.sh needs xsv: cargo install xsv" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/batch.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin dues
dues=target/release/dues
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Best wall time of 3 runs, and the peak RSS (KiB) of the last.
measure() {
  local best="" out rss
  for _ in 1 2 3; do
    out=$( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 | tail -n 1)
    rss=${out#* }
    out=${out% *}
    if [ -z "$best" ] || awk "BEGIN{exit !($out < $best)}"; then best=$out; fi
  done
  echo "$best $rss"
}

for n in 10000 "$rows"; do
  file="$dir/prospects-$n.csv"
  python3 bench/make_prospects.py "$n" "$file"
  size=$(du -m "$file" | cut -f1)
  read -r xsv_s xsv_kb <<<"$(measure xsv select 1- "$file")"
  read -r dues_s dues_kb <<<"$(measure "$dues" batch "$file")"
  ratio=$(awk "BEGIN{printf \"%.2f\", $dues_s / ($xsv_s > 0 ? $xsv_s : 0.01)}")
  printf '%8s rows (%s MB): xsv select 1- %6ss %6s KiB | dues batch %6ss %6s KiB | ratio %s\n' \
    "$n" "$size" "$xsv_s" "$xsv_kb" "$dues_s" "$dues_kb" "$ratio"
done
