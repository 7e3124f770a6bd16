#!/usr/bin/env bash
# Renders the example quarterly report in headless Chromium, to PDF (A4, as printed) and PNG,
# and checks what came out: a PDF of several pages, a PNG of the expected size that is not
# blank, and a page that loaded nothing from the network. Exits 77 (ctest: skipped) with a
# clear message when Chromium is not installed.
# Usage: check_html_report.sh SOURCE_DIR
set -euo pipefail
root=$(cd "$1" && pwd)
html="$root/reports/quarterly-2024Q2.html"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "SKIPPED: chromium is not installed (scripts/install-deps.sh --browser installs it); the HTML report was not checked in a browser"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$work/profile" --no-pdf-header-footer)

# Self-contained: no reference to anything outside the file.
if grep -Eo '(src|href)="[^"#][^"]*"' "$html" | grep -v '^href="#' ; then
    echo "FAIL: the report refers to an outside resource"; exit 1
fi
if grep -Eqi '<script|@import|url\(' "$html"; then
    echo "FAIL: the report contains a script, an import or a url()"; exit 1
fi

timeout 120 "$browser" "${flags[@]}" --print-to-pdf="$work/report.pdf" "file://$html" >/dev/null 2>&1 || true
timeout 120 "$browser" "${flags[@]}" --window-size=1000,1400 --screenshot="$work/report.png" "file://$html" >/dev/null 2>&1 || true

[ -s "$work/report.pdf" ] || { echo "FAIL: Chromium produced no PDF"; exit 1; }
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || { echo "FAIL: the PDF is not a PDF"; exit 1; }
pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$work/report.pdf" || true)
if [ "$pages" -lt 2 ]; then
    echo "FAIL: expected the printed report to take several A4 pages, found $pages"; exit 1
fi
# A4 is 595 x 842 points.
grep -aEq 'MediaBox \[ *0 0 59[45]' "$work/report.pdf" ||
    { echo "FAIL: the PDF pages are not A4"; exit 1; }

[ -s "$work/report.png" ] || { echo "FAIL: Chromium produced no screenshot"; exit 1; }
read -r width height < <(od -An -tu1 -j16 -N8 "$work/report.png" |
    awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
if [ "$width" -ne 1000 ] || [ "$height" -ne 1400 ]; then
    echo "FAIL: screenshot is ${width}x${height}, expected 1000x1400"; exit 1
fi
# A blank page compresses to almost nothing; the report's text and charts do not.
size=$(stat -c %s "$work/report.png")
if [ "$size" -lt 40000 ]; then
    echo "FAIL: the screenshot is only $size bytes; the page looks blank"; exit 1
fi
echo "ok: $pages A4 pages printed, screenshot ${width}x${height} ($size bytes)"
