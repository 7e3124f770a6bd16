#!/usr/bin/env bash
# Regenerates the example reports in reports/ from the shipped plan and its samples, or with
# --check compares freshly generated ones with reports/ and fails if they differ.
# Usage: scripts/example-reports.sh PLANTRACK_BINARY [--check]
set -euo pipefail
plantrack=$1
mode=${2:-write}
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/scripts/load-samples.sh" "$plantrack" "$work/plantrack.db" >/dev/null
mkdir -p "$work/reports"
run() { "$plantrack" --db "$work/plantrack.db" "$@"; }
run report quarterly 2024Q2 -o "$work/reports/quarterly-2024Q2.md"
run report quarterly 2024Q2 --format html -o "$work/reports/quarterly-2024Q2.html"
run report quarterly 2024Q2 --format json -o "$work/reports/quarterly-2024Q2.json"
run report half-year 2024H1 -o "$work/reports/half-year-2024H1.md"
run report annual 2024 -o "$work/reports/annual-2024.md"
run report annual 2024 --format html -o "$work/reports/annual-2024.html"

if [ "$mode" = "--check" ]; then
    if ! diff -ru "$root/reports" "$work/reports"; then
        echo "FAIL: reports/ differs from freshly generated reports (scripts/example-reports.sh BINARY rewrites them)"
        exit 1
    fi
    echo "reports/ matches freshly generated reports"
else
    rm -rf "$root/reports"
    cp -r "$work/reports" "$root/reports"
    echo "wrote $(ls "$root/reports" | wc -l) reports to reports/"
fi
