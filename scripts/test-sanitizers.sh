#!/usr/bin/env bash
# The whole test suite (unit and end-to-end) on a gcc build with AddressSanitizer (leaks
# included) and UndefinedBehaviorSanitizer, in build-asan. Any report fails the run: the build
# uses -fno-sanitize-recover=all, and both sanitizers stop the process on their first finding.
#
# Usage: scripts/test-sanitizers.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=${LSAN_OPTIONS:-}

start=$(date +%s)
CC=gcc CXX=g++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DPLANTRACK_SANITIZE=ON -DPLANTRACK_WERROR=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target plantrack plantrack_unit_tests
echo "test-sanitizers: built in $(($(date +%s) - start)) s"
cd "$build"
# The browser check only renders HTML, which the e2e cases already produce under the sanitizers.
ctest --output-on-failure -j"$(nproc)" -E '^reports\.html-in-chromium$'
echo "test-sanitizers: passed in $(($(date +%s) - start)) s"
