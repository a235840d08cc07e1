#!/usr/bin/env bash
# Speed of one `dues quote`, as a whole process, beside a trivial Rust CLI
# (hello world, same toolchain and profile), then the in-process cost of parsing
# the built-in table. A benchmark, not a test: run it by hand, read the figures.
#   bench/quote.sh            needs hyperfine (apt-get install hyperfine)
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
hyperfine -N --warmup 50 --runs 500 \
  --command-name "trivial Rust CLI (hello world)" "$tmp/target/release/hello" \
  --command-name "dues quote (table view)" "$dues quote --budget 2300000 --kind commune" \
  --command-name "dues quote --format json --explain" "$dues quote --budget 2300000 --kind commune --format json --explain"
target/release/examples/parse_table
