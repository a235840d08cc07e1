#!/usr/bin/env bash
# Speed of one `dues quote`, as a whole process, beside a trivial Rust CLI
# (hello world, same toolchain and profile) and `xsv --version` (the bar: a
# quote costs no more than the reference CSV tool saying its version), then the
# in-process cost of each step: decoding the built-in table, loading the message
# catalogue, parsing a table's TOML, one quote. Wall times on a shared machine
# are noisy: with valgrind installed, the instruction counts (callgrind) are
# printed too, which are the same from one run to the next.
# A benchmark, not a test: run it by hand, read the figures.
#   bench/quote.sh    needs hyperfine (apt-get install hyperfine); optional:
#                     xsv (cargo install xsv), valgrind (apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/quote.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

cargo build --release --quiet --bin dues --example parse_table
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/hello/src"
printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2024"\n' > "$tmp/hello/Cargo.toml"
printf 'fn main() { println!("hello"); }\n' > "$tmp/hello/src/main.rs"
cargo build --release --quiet --manifest-path "$tmp/hello/Cargo.toml" --target-dir "$tmp/target"

dues=target/release/dues
xsv=()
if command -v xsv >/dev/null; then xsv=(--command-name "xsv --version" "xsv --version"); fi
hyperfine -N --warmup 50 --runs 500 \
  --command-name "trivial Rust CLI (hello world)" "$tmp/target/release/hello" \
  "${xsv[@]}" \
  --command-name "dues quote (table view)" "$dues quote --budget 2300000 --kind commune" \
  --command-name "dues quote --format json --explain" "$dues quote --budget 2300000 --kind commune --format json --explain"
target/release/examples/parse_table
if command -v valgrind >/dev/null; then
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*refs: *//p'; }
  echo "instructions: dues quote $(count "$dues" quote --budget 2300000 --kind commune)"
  if command -v xsv >/dev/null; then echo "instructions: xsv --version $(count xsv --version)"; fi
fi
