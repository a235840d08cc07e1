#!/usr/bin/env bash
# Renders `dues quote --format html` in a real headless browser and takes a
# screenshot of the page and a PDF of its print (A4), to look at by eye.
# Not run by CI. Needs chromium: `apt-get install chromium`.
#
#   scripts/letter-screenshot.sh [OUT_DIR]   (default: target/letter)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/letter}"
mkdir -p "$out"
cargo build --quiet
dues=target/debug/dues
"$dues" quote -b "98,5 M€" -k commune -n "Ville de Quimper" -f html --date 2026-12-01 \
  > "$out/quimper.html"
"$dues" quote -b "1,2 Md€" -k "Conseil régional" -s oui -n "Région Bretagne" -f html \
  --date 2026-12-01 > "$out/bretagne.html"
"$dues" --lang en quote -b "850 k€" -k asso -n "Les Ateliers du Bocage" -f html \
  --date 2026-12-01 > "$out/ateliers-en.html"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
for page in quimper bretagne ateliers-en; do
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=900,1273 --screenshot="$out/$page.png" "file://$PWD/$out/$page.html" \
    2>/dev/null
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/$page.pdf" "file://$PWD/$out/$page.html" 2>/dev/null
done
ls -l "$out"
