#!/usr/bin/env bash
# The workbooks plantrack writes, opened by a real office suite (LibreOffice, headless): every
# sheet of each dispatched workbook and of the ledger is converted to CSV and its cells compared
# with tests/office/expected; a dispatched workbook filled in and saved back as .xlsx by
# LibreOffice (tests/office/FillReturn.xba, a Basic macro run in a private profile) imports; one
# with a locked item cell changed to another owner's item is refused.
# Exits 77 (ctest: skipped) when soffice is missing. UPDATE=1 rewrites the expected transcript.
#
# Usage: check_workbooks.sh PLANTRACK_BINARY SOURCE_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
if ! command -v soffice >/dev/null 2>&1; then
    echo "office.workbooks: SKIPPED: soffice not found (apt-get install libreoffice-calc-nogui)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export NO_COLOR=1 USER=tester LC_ALL=C.UTF-8 TZ=UTC PLANTRACK_DB="$work/plantrack.db"
profile="file://$work/profile"
transcript="$work/transcript"
: > "$transcript"

office() { timeout 180 soffice -env:UserInstallation="$profile" --headless "$@" > "$work/office.log" 2>&1; }
# Every sheet of each workbook as CSV (UTF-8, comma, all sheets), shown in the transcript.
show_sheets() { # [--only PATTERN] WORKBOOK...
    local only='*'
    if [ "$1" = --only ]; then
        only=$2
        shift 2
    fi
    rm -rf "$work/csv" && mkdir "$work/csv"
    office --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        --outdir "$work/csv" "$@"
    for file in "$work"/csv/$only.csv; do
        printf '## %s\n' "$(basename "$file")" >> "$transcript"
        sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z/<recorded-at>/g' "$file" >> "$transcript"
    done
}
pt() {
    local shown="plantrack $*"
    printf '$ %s\n' "${shown//"$source_dir"/.}" >> "$transcript"
    local status=0
    "$binary" "$@" > .out 2> .err || status=$?
    sed -E -e 's/(补报 \+|late \+)[0-9]+(天|d)/\1<lag>\2/g' -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z/<recorded-at>/g' .out >> "$transcript"
    sed 's/^/stderr: /' .err >> "$transcript"
    printf '[exit %d]\n' "$status" >> "$transcript"
}
fill() { # SOURCE TARGET EDITS: fill cells through LibreOffice and save as xlsx
    office "macro:///Standard.Module1.FillReturn(\"$work/$1\",\"$work/$2\",\"$3\")"
    [ -s "$work/$2" ] || { echo "LibreOffice did not write $2:"; cat "$work/office.log"; exit 1; }
}

pt plan load "$source_dir/tests/cli/fixtures/small-v1.yaml"
pt log 1.1 --status done --date 2024-03-20
pt log 3 --status on-track --progress 10 --date 2024-03-31
pt log 1 --status on-track --progress 20 --date 2024-03-31
mkdir out
pt dispatch 2024-04 -o out
show_sheets out/*.xlsx
# The first start creates the profile; then the macro goes into its Standard library.
cp "$source_dir/tests/office/FillReturn.xba" "$work/profile/user/basic/Standard/Module1.xba"

echo '# Roads Office fills in two rows and leaves one blank, in LibreOffice' >> "$transcript"
fill "out/2024-04-Roads Office.xlsx" filled.xlsx \
    "F2=on track;G2=#35;H2=milling done;J2=Li Wei;F3=at risk;G3=#5;H3=asphalt plant closed;J3=Li Wei"
pt import filled.xlsx
pt import filled.xlsx
pt history 1
pt history 1.2
pt owed --period 2024-04
pt owed --period 2024-04 --format xlsx -o owed.xlsx
show_sheets owed.xlsx
echo '# a locked item cell changed to an item Roads Office does not lead, and a date outside April' >> "$transcript"
fill "out/2024-04-Roads Office.xlsx" wrong.xlsx \
    "!unprotect;A4=3;F4=on track;G4=#50;J4=Li Wei;F2=on track;G2=#40;I2=2024-05-15;J2=Li Wei"
pt import wrong.xlsx
echo '# the ledger' >> "$transcript"
pt export --format xlsx -o ledger.xlsx --as-of 2024-11-15
show_sheets ledger.xlsx
echo '# the indicators of the ledger, on a plan with readings' >> "$transcript"
export PLANTRACK_DB="$work/riverside.db"
pt plan load "$source_dir/plans/riverside-district-2024-2026.yaml"
pt indicator record registered-businesses 4400 --period 2024
pt indicator record registered-businesses 4510 --period 2025Q2
pt indicator record employment-rate 68.9 --period 2024
pt export --format xlsx -o riverside.xlsx --as-of 2025-07-01
show_sheets --only '*Indicators' riverside.xlsx

expected="$source_dir/tests/office/expected"
if [ "${UPDATE:-0}" = 1 ]; then
    cp "$transcript" "$expected"
    echo "updated $expected"
    exit 0
fi
diff -u "$expected" "$transcript"
