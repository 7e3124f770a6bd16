#!/usr/bin/env bash
# The city-scale benchmark: builds Release, generates the workload of SPEC "Performance" at 1/10,
# 1/3 and full size (13 areas, 65 tasks, 20,000 milestones, 3 million updates at full size, as
# monthly returns imported one month after another, the way an office receives them),
# and measures each command as a whole process: time with hyperfine (median, min, max over
# several runs) and peak memory with /usr/bin/time. Prints one Markdown table.
# Usage: bench/run.sh [SCALE...]      (default: 0.1 0.333 1; e.g. `bench/run.sh 0.1` for a quick look)
# Each figure is a whole process: the time a user waits, start-up included.
# Environment: BENCH_DIR (default /tmp/plantrack-bench) holds workloads and databases.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(0.1 0.333 1)
work=${BENCH_DIR:-/tmp/plantrack-bench}
mkdir -p "$work"

scripts/install-deps.sh
for tool in hyperfine /usr/bin/time; do
    if ! command -v "$tool" >/dev/null; then
        as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
        "${as_root[@]}" apt-get install -y -qq hyperfine time >/dev/null
    fi
done
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPLANTRACK_TESTS=OFF -DPLANTRACK_WERROR=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target plantrack plantrack_bench_generate >/dev/null
plantrack="$root/build-bench/plantrack"
generate="$root/build-bench/plantrack_bench_generate"

results="$work/results.csv"
echo "size,command,median_ms,min_ms,max_ms,rss_mib,target" > "$results"

# measure SIZE LABEL TARGET RUNS PREPARE COMMAND: hyperfine for time, /usr/bin/time for memory.
measure() {
    local size=$1 label=$2 target=$3 runs=$4 prepare=$5 command=$6
    hyperfine --style none --runs "$runs" --warmup 1 --prepare "$prepare" --export-csv "$work/h.csv" \
        "$command" >/dev/null 2>&1 || { echo "$label failed: $command" >&2; return 1; }
    bash -c "$prepare" >/dev/null 2>&1
    local rss
    /usr/bin/time -f '%M' -o "$work/rss.txt" bash -c "$command" >/dev/null 2>&1 || true
    rss=$(tail -1 "$work/rss.txt")
    awk -F, -v size="$size" -v label="$label" -v target="$target" -v rss="$rss" 'NR == 2 {
        printf "%s,%s,%.1f,%.1f,%.1f,%.1f,%s\n", size, label, $4 * 1000, $7 * 1000, $8 * 1000, rss / 1024, target
    }' "$work/h.csv" >> "$results"
}

for scale in "${scales[@]}"; do
    milestones=$(awk -v s="$scale" 'BEGIN { printf "%d", 20000 * s }')
    updates=$(awk -v s="$scale" 'BEGIN { printf "%d", 3000000 * s }')
    import_rows=$(awk -v s="$scale" 'BEGIN { printf "%d", 1000000 * s }')
    size="${milestones} items / ${updates} updates"
    dir="$work/$milestones-$updates"
    if [ ! -d "$dir/monthly" ]; then
        "$generate" "$dir" "$milestones" "$updates" >&2
    fi
    # The office's database: the monthly returns imported one file after another, in the order
    # they arrive (full.db); most.db holds every month but the last.
    months=("$dir"/monthly/*.csv)
    rm -f "$dir"/base.db* "$dir"/full.db* "$dir"/most.db* "$dir"/item.db*
    "$plantrack" --db "$dir/base.db" plan load "$dir/plan.yaml" >/dev/null
    cp "$dir/base.db" "$dir/full.db"
    first_million=()
    rows=0
    for file in "${months[@]}"; do
        if [ "$file" = "${months[-1]}" ]; then
            cp "$dir/full.db" "$dir/most.db"
        fi
        "$plantrack" --db "$dir/full.db" import "$file" >/dev/null
        if [ "$rows" -lt "$import_rows" ]; then
            first_million+=("$file")
            rows=$((rows + $(wc -l < "$file") - 1))
        fi
    done
    last_rows=$(($(wc -l < "${months[-1]}") - 1))
    # The same first rows item after item (the layout of the first benchmark), kept beside it.
    head -n $((rows + 1)) "$dir/returns-item-1.csv" > "$dir/import-item.csv"
    db="--db $dir/full.db"
    echo "measuring $size" >&2
    measure "$size" "plan load (${milestones} items)" "< 0.5 s" 5 "rm -f $dir/load.db*" \
        "$plantrack --db $dir/load.db plan load $dir/plan.yaml"
    import_months="for f in ${first_million[*]}; do $plantrack --db $dir/import.db import \$f || exit 1; done"
    measure "$size" "import ${#first_million[@]} monthly returns ($rows updates) into an empty log" "< 3 s" 3 \
        "cp $dir/base.db $dir/import.db; rm -f $dir/import.db-wal" "$import_months"
    measure "$size" "import the same $rows updates item after item in one file" "(layout)" 3 \
        "cp $dir/base.db $dir/import.db; rm -f $dir/import.db-wal" \
        "$plantrack --db $dir/import.db import $dir/import-item.csv"
    # The same rows as a workbook, as departments send them from Excel (xlsx reader beside CSV).
    [ -f "$dir/import-item.xlsx" ] || python3 bench/returns_to_xlsx.py "$dir/import-item.csv" "$dir/import-item.xlsx"
    measure "$size" "import the same $rows updates as one .xlsx workbook" "(xlsx)" 3 \
        "cp $dir/base.db $dir/import.db; rm -f $dir/import.db-wal" \
        "$plantrack --db $dir/import.db import $dir/import-item.xlsx"
    measure "$size" "import the last month ($last_rows updates) onto $((updates - last_rows))" "(month)" 3 \
        "cp $dir/most.db $dir/import.db; rm -f $dir/import.db-wal" \
        "$plantrack --db $dir/import.db import ${months[-1]}"
    measure "$size" "log" "< 5 ms" 20 "true" \
        "$plantrack $db log 1.1 --progress 50 --date 2025-06-30 --note 基准测试 --by bench"
    # Reviews as of the plan's last day read the latest state, as a review "today" does; as of
    # mid-plan every item has later updates, so each item reported by then needs a seek.
    for as_of in 2025-12-31 2024-06-30; do
        for command in list overdue status owed stale; do
            target="< 50 ms"
            [ "$command" = stale ] && target="(none)"
            measure "$size" "$command --as-of $as_of" "$target" 10 "true" "$plantrack $db $command --as-of $as_of"
        done
    done
    measure "$size" "report quarterly (json)" "< 300 ms" 5 "true" "$plantrack $db report quarterly 2024Q2 --format json"
    measure "$size" "report quarterly (html)" "< 300 ms" 5 "true" "$plantrack $db report quarterly 2024Q2 --format html"
done

echo
echo "plantrack benchmark — $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo
echo "| workload | command | median | min | max | peak RSS | target |"
echo "|---|---|---:|---:|---:|---:|---|"
tail -n +2 "$results" | awk -F, '{ printf "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f MiB | %s |\n", $1, $2, $3, $4, $5, $6, $7 }'
echo
echo "targets (full size, SPEC): log < 5 ms; list, overdue, status, owed < 50 ms at any date; quarterly"
echo "report < 300 ms; plan load < 0.5 s; 1M updates of monthly returns < 3 s; peak memory < 48 MiB for each."
