#!/usr/bin/env bash
# Manual check that a priced French Excel export goes back into a spreadsheet
# with its accents: prices tests/data/batch/collectivites-excel-1252.csv, has
# LibreOffice (headless) open the result as Excel's « CSV (point-virgule) »
# would — Windows-1252, `;` — save it as .xlsx, export that back to UTF-8 CSV,
# and compares names, kinds and the appended columns row by row.
#   scripts/libreoffice-roundtrip.sh   (needs soffice: apt-get install libreoffice-calc-nogui)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "needs soffice (apt-get install libreoffice-calc-nogui)" >&2; exit 2; }
cargo build --release --quiet --bin dues
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/dues batch tests/data/batch/collectivites-excel-1252.csv -o "$dir/priced.csv"
# CSV filter options: separator 59 (;), quote 34 ("), charset 1 (Windows-1252) or 76 (UTF-8), from line 1.
soffice --headless --infilter="CSV:59,34,1,1" --convert-to xlsx --outdir "$dir" "$dir/priced.csv" >/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir "$dir/back" "$dir/priced.xlsx" >/dev/null
python3 - "$dir/priced.csv" "$dir/back/priced.csv" <<'PY'
import csv, sys
ours = list(csv.reader(open(sys.argv[1], encoding="cp1252", newline=""), delimiter=";"))
back = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline=""), delimiter=";"))
diffs = [i for i, (a, b) in enumerate(zip(ours, back)) if a[:2] != b[:2] or a[6:] != b[6:]]
print(f"{len(ours)} rows written by dues, {len(back)} read back by LibreOffice, {len(diffs)} differing")
sys.exit(1 if diffs or len(ours) != len(back) else 0)
PY
