#!/usr/bin/env bash
# CI smoke run of the libFuzzer targets in tests/fuzz: builds them with clang (ASan + UBSan +
# libFuzzer) in build-fuzz and runs each for FUZZ_SECONDS (default 20) from its seed corpus in
# tests/fuzz/corpus/. Exits non-zero on a crash, leak, timeout or sanitizer report (the
# reproducer is left in build-fuzz/findings/); exits 0 saying SKIPPED when clang or libFuzzer
# is not installed.
#
# Usage: scripts/fuzz-smoke.sh [BUILD_DIR]   (environment: FUZZ_SECONDS, FUZZ_TARGETS)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
build=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-20}
targets=${FUZZ_TARGETS:-"fuzz_plan fuzz_csv fuzz_dates fuzz_xlsx"}

skip() {
    echo "fuzz-smoke: SKIPPED: $*"
    exit 0
}
command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1 || skip "clang/clang++ not found (apt-get install clang libclang-rt-14-dev)"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' > "$probe/probe.cpp"
clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" >/dev/null 2>&1 ||
    skip "clang cannot link libFuzzer with ASan/UBSan (apt-get install libclang-rt-14-dev)"

start=$(date +%s)
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANTRACK_FUZZ=ON \
    -DPLANTRACK_TESTS=OFF -DPLANTRACK_WERROR=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc)" --target $targets >/dev/null
echo "fuzz-smoke: built in $(($(date +%s) - start)) s"

findings="$build/findings"
mkdir -p "$findings"
status=0
for target in $targets; do
    corpus=${target#fuzz_}
    work=$(mktemp -d)
    # New inputs go to the scratch folder (first); the seed corpus is only read.
    if "$build/fuzz/$target" "$work" "tests/fuzz/corpus/$corpus" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$findings/$target-" \
        -print_final_stats=1 > "$findings/$target.log" 2>&1; then
        echo "fuzz-smoke: $target: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$findings/$target.log" | grep -o '[0-9]*$') runs in ${seconds} s)"
    else
        status=1
        echo "fuzz-smoke: $target: FAILED; the log ends:"
        tail -n 40 "$findings/$target.log"
        for found in "$findings/$target"-*; do
            [ -e "$found" ] && echo "fuzz-smoke: reproducer: $found (replay: $build/fuzz/$target $found)"
        done
    fi
    rm -rf "$work"
done
exit $status
