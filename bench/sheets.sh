#!/usr/bin/env bash
# Spreadsheet speed and memory: a prospects workbook of ROWS rows (number
# budgets, a date column) priced to CSV and to a workbook, wall time and peak
# RSS. A workbook is read whole, and a workbook out is built whole: memory
# grows with the sheet, unlike the CSV path.
# A benchmark, not a test: run it by hand, on a quiet machine.
#   bench/sheets.sh [ROWS]   (default 100000; needs hyperfine, /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
for tool in hyperfine; do
  command -v "$tool" >/dev/null || { echo "bench/sheets.sh needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench/sheets.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin dues --example make_workbook
dues=$PWD/target/release/dues
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
book="$dir/prospects.xlsx"
target/release/examples/make_workbook "$rows" "$book"
echo "$rows rows, $(du -k "$book" | cut -f1) KiB of xlsx:"
hyperfine -N --warmup 1 --runs 5 \
  --command-name "xlsx to CSV" "$dues batch $book" \
  --command-name "xlsx to xlsx" "$dues batch $book -o $dir/out.xlsx" 2>/dev/null \
  | grep -E "^Benchmark|Time \(mean"
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
echo "peak RSS: to CSV $(rss "$dues" batch "$book") KiB, to xlsx $(rss "$dues" batch "$book" -o "$dir/out2.xlsx") KiB"
