#!/usr/bin/env bash
# Seeds the fuzz corpora from the test fixtures (tests/data), then the
# fuzzers grow them. Run from the repository root:
#   fuzz/seed.sh && RUSTC_BOOTSTRAP=1 cargo fuzz run batch -- -max_total_time=600
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets it
# use the nightly-only sanitizer flags on the stable toolchain.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/amount corpus/table corpus/batch
for f in ../tests/data/tables/*.toml ../tiers-2022.toml; do
  cp "$f" "corpus/table/$(basename "$f")"
done
i=0
for f in ../tests/data/batch/*.csv ../tests/data/batch/*.tsv ../tests/data/readme/*.csv; do
  # The first byte picks the options (delimiter, format): one seed for each.
  for choice in 0 1 2 4; do
    { printf "\\x0$choice"; cat "$f"; } > "corpus/batch/$(basename "$f").$choice"
  done
done
while IFS= read -r amount; do
  i=$((i + 1))
  printf '%s' "$amount" > "corpus/amount/seed-$i"
done <<'AMOUNTS'
2300000
2 300 000,50 €
2,3 M€
850 k€
1,2 Md€
1 499 999,99
10 000 000,01
1,500
1.500.000,50
1,5M d'€
2 millions d’euros
1 500 000,-
1500000,000
1,5E+06
-5 000
AMOUNTS
echo "seeded: $(ls corpus/amount | wc -l) amounts, $(ls corpus/table | wc -l) tables, $(ls corpus/batch | wc -l) batches"
