#!/usr/bin/env bash
# Manual check that a workbook `dues` writes opens in a real spreadsheet: prices
# the French Excel export tests/data/batch/crm-excel-1252.csv and the workbook
# tests/data/readme/prospects.xlsx to .xlsx, has LibreOffice (headless) open
# each and export it back to UTF-8 CSV, and checks that every row is there with
# its name, tier and fee — the fee a number LibreOffice reads as such.
#   scripts/xlsx-roundtrip.sh   (needs soffice: apt-get install libreoffice-calc-nogui)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "needs soffice (apt-get install libreoffice-calc-nogui)" >&2; exit 2; }
cargo build --release --quiet --bin dues
dues=target/release/dues
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
for input in tests/data/batch/crm-excel-1252.csv tests/data/readme/prospects.xlsx; do
  name=$(basename "$input" | sed 's/\.[^.]*$//')
  "$dues" batch "$input" -o "$dir/$name.xlsx" 2>/dev/null || true
  "$dues" batch "$input" > "$dir/$name-dues.csv" 2>/dev/null || true
  # Export: separator 44 (,), quote 34, charset 76 (UTF-8), first sheet; numbers as shown: no.
  soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false' \
    --outdir "$dir/back" "$dir/$name.xlsx" >/dev/null
  python3 - "$dir/$name-dues.csv" "$dir/back/$name.csv" "$input" <<'PY' || status=1
import csv, sys
def read(path, encoding, delimiter):
    return list(csv.reader(open(path, encoding=encoding, newline=""), delimiter=delimiter))
source = sys.argv[3]
# A CSV comes back in its own dialect (this one: French Excel's); a workbook as UTF-8 `,`.
french = source.endswith(".csv")
ours = read(sys.argv[1], "cp1252" if french else "utf-8", ";" if french else ",")
back = read(sys.argv[2], "utf-8", ",")
# A sheet keeps no trailing blank rows: compare the rows that hold something.
ours = [r for r in ours if any(f.strip() for f in r)]
back = [r for r in back if any(f.strip() for f in r)]
width = len(ours[0]) - 4
bad = []
for i, (a, b) in enumerate(zip(ours, back)):
    if i == 0:
        if a != b:
            bad.append(("header", a, b))
        continue
    tier, fee = a[width], a[width + 1]
    same_fee = (fee == "" and b[width + 1] == "") or (fee != "" and float(fee.replace(",", ".")) == float(b[width + 1]))
    if a[0] != b[0] or tier != b[width] or not same_fee:
        bad.append((i, a[0], tier, fee, b[0], b[width], b[width + 1]))
print(f"{source}: {len(ours)} rows priced by dues, {len(back)} read back by LibreOffice, {len(bad)} differing")
for row in bad[:5]:
    print("  ", row)
sys.exit(1 if bad or len(ours) != len(back) else 0)
PY
done
exit $status
