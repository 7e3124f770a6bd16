#!/usr/bin/env bash
# Loads the shipped Shenyang plan and its illustrative sample returns and indicator readings
# into a fresh database. Used by the demo and by the test that regenerates reports/.
# Usage: scripts/load-samples.sh PLANTRACK_BINARY DATABASE
set -euo pipefail
plantrack=$1
db=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
rm -f "$db" "$db-wal" "$db-shm"

"$plantrack" --db "$db" plan load "$root/plans/shenyang-2023-2025.yaml"
for returns in "$root"/plans/samples/shenyang/returns-*.csv; do
    "$plantrack" --db "$db" import "$returns"
done
# Readings: indicator,period,value,note (notes hold no commas) — one `indicator record` each.
count=0
while IFS=, read -r indicator period value note; do
    "$plantrack" --db "$db" indicator record "$indicator" "$value" --period "$period" --note "$note" --by 市统计局 >/dev/null
    count=$((count + 1))
done < <(tail -n +2 "$root/plans/samples/shenyang/readings.csv")
echo "recorded $count indicator readings"
