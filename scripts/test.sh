#!/usr/bin/env bash
# Every test, from nothing: install what is missing (chromium too, for the HTML check), build
# with warnings as errors, and run the unit and end-to-end tests through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --browser
cmake -S . -B build -DCMAKE_BUILD_TYPE=Debug -DPLANTRACK_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)"
