#!/usr/bin/env bash
# Batch speed and memory, side by side with the reference CSV tools (issue 11):
# the same prospects file merely parsed and rewritten by `xsv select 1-` and
# `xan select 0:`, then priced by `dues batch`; for a plain file (UTF-8, `,`,
# plain-number budgets) and for one as French Excel writes it (Windows-1252,
# `;`, CRLF, `1 712 000,00 €` with no-break spaces). Prints mean wall times
# (dues on one thread, `-j 1`, and on its default, a worker per core), the
# ratio to xan, and peak RSS at 10 000, ROWS and 5 000 000 rows.
#
# Then checks that the output is byte for byte that of a reference build
# (REF, a commit: by default the one before issue 11's work) on every CSV
# fixture of tests/data and on both benchmark files.
#
# A benchmark, not a test: run it by hand, on a quiet machine.
#   bench/batch.sh [ROWS]      (default 1000000)
# Needs python3, hyperfine, /usr/bin/time (`apt-get install hyperfine time`),
# xsv and xan (`cargo install xsv xan`).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
ref=${REF:-516d7e4}
for tool in python3 hyperfine xsv xan; do
  command -v "$tool" >/dev/null || { echo "bench/batch.sh needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench/batch.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin dues
dues=$PWD/target/release/dues
dir=$(mktemp -d)
trap 'git worktree remove --force "$dir/ref" 2>/dev/null || true; rm -rf "$dir"' EXIT

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

generate() { # rows kind file
  [ "$2" = excel ] && python3 bench/make_prospects.py "$1" "$3" --excel || python3 bench/make_prospects.py "$1" "$3"
}

for kind in plain excel; do
  delimiter=,; [ "$kind" = excel ] && delimiter=';'
  for n in 10000 "$rows"; do
    file="$dir/$kind-$n.csv"
    generate "$n" "$kind" "$file"
    hyperfine -N --warmup 2 --runs 10 --export-json "$dir/times.json" \
      --command-name "xsv select 1-" "xsv select 1- -d $delimiter $file" \
      --command-name "xan select 0:" "xan select 0: -d $delimiter $file" \
      --command-name "dues batch -j 1" "$dues batch -j 1 $file" \
      --command-name "dues batch" "$dues batch $file" >/dev/null 2>&1
    echo "$kind, $n rows, $(du -m "$file" | cut -f1) MB:"
    python3 - "$dir/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
xan = next(r["mean"] for r in results if r["command"] == "xan select 0:")
for r in results:
    print(f'  {r["command"]:<16} {r["mean"] * 1000:8.1f} ms ± {r["stddev"] * 1000:5.1f}   {r["mean"] / xan:5.2f}× xan')
PY
    echo "  peak RSS: xsv $(rss xsv select 1- -d "$delimiter" "$file") KiB," \
      "xan $(rss xan select 0: -d "$delimiter" "$file") KiB, dues $(rss "$dues" batch "$file") KiB"
  done
  big="$dir/$kind-5000000.csv"
  generate 5000000 "$kind" "$big"
  echo "  peak RSS at 5 000 000 rows: dues $(rss "$dues" batch "$big") KiB"
  rm -f "$big"
done

# The same bytes as the reference build, on every fixture and both files.
git worktree add --quiet --detach "$dir/ref" "$ref"
(cd "$dir/ref" && CARGO_TARGET_DIR="$dir/ref-target" cargo build --release --quiet --bin dues)
reference="$dir/ref-target/release/dues"
differ=0; checked=0
for file in tests/data/*/*.csv tests/data/*/*.tsv "$dir"/plain-"$rows".csv "$dir"/excel-"$rows".csv; do
  [ -f "$file" ] || continue
  for args in "" "--format jsonl" "--network-strategy non" "-j 1" "-j 3" "-j 4 --format jsonl" "--strict"; do
    # shellcheck disable=SC2086
    a=$("$dues" batch "$file" $args 2>&1 | sha256sum; echo "${PIPESTATUS[0]}")
    # The reference build has no -j: it prices on one thread.
    # shellcheck disable=SC2086
    b=$("$reference" batch "$file" ${args//-j [0-9]/} 2>&1 | sha256sum; echo "${PIPESTATUS[0]}")
    checked=$((checked + 1))
    if [ "$a" != "$b" ]; then differ=$((differ + 1)); echo "  differs: $file $args"; fi
  done
done
echo "output against $ref: $checked runs, $differ differing"
[ "$differ" -eq 0 ]
