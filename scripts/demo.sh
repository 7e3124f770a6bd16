#!/usr/bin/env bash
# The main job on the shipped plan, from nothing: install what is missing, build in Release,
# create a fresh database, load the Shenyang plan, import the sample monthly returns and
# indicator readings, print the indicators, the overdue review and the dashboard as of the end
# of 2024, and write the 2024Q2 quarterly report.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPLANTRACK_TESTS=OFF -DPLANTRACK_WERROR=OFF >/dev/null
cmake --build build-release -j"$(nproc)" >/dev/null

plantrack=build-release/plantrack
export PLANTRACK_DB=demo/plantrack.db
mkdir -p demo
$plantrack plan check plans/shenyang-2023-2025.yaml
scripts/load-samples.sh "$plantrack" "$PLANTRACK_DB"
echo
$plantrack indicator list --as-of 2024-12-31
echo
$plantrack overdue --as-of 2024-12-31
echo
$plantrack status --as-of 2024-12-31
$plantrack report quarterly 2024Q2 --format html -o demo/quarterly-2024Q2.html
$plantrack report quarterly 2024Q2 -o demo/quarterly-2024Q2.md
echo
echo "wrote demo/quarterly-2024Q2.html and demo/quarterly-2024Q2.md (database: demo/plantrack.db)"
