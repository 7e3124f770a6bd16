#!/usr/bin/env bash
# Runs one end-to-end case: tests/cli/cases/NAME/cmd is a bash script run in a fresh temporary
# folder; every line of it starting with "pt " runs the built plantrack. The transcript (each
# command, its stdout and stderr, and its exit status) is compared with cases/NAME/expected.
# With UPDATE=1 the transcript is written to `expected` instead (review the diff before committing).
#
# Usage: run_case.sh PLANTRACK_BINARY SOURCE_DIR CASE_NAME
set -euo pipefail
binary=$1
source_dir=$2
name=$3
source_dir=$(cd "$source_dir" && pwd)
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
case_dir="$source_dir/tests/cli/cases/$name"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export PLANTRACK="$binary"
export PLANS="$source_dir/plans"
export FIXTURES="$source_dir/tests/cli/fixtures"
export CASE_DIR="$case_dir"
export NO_COLOR=1 USER=tester LC_ALL=C.UTF-8 TZ=UTC
unset PLANTRACK_DB
# A configuration file of the developer's must not change what the cases see.
export XDG_CONFIG_HOME="$work/.config"

transcript="$work/.transcript"
: > "$transcript"
# pt: run plantrack, record the command line (with paths made relative), output and status.
pt() {
    local shown="plantrack $*"
    shown=${shown//"$PLANS"/plans}
    shown=${shown//"$FIXTURES"/fixtures}
    shown=${shown//"$CASE_DIR"/case}
    printf '$ %s\n' "$shown" >> "$transcript"
    local status=0
    "$PLANTRACK" "$@" > "$work/.out" 2> "$work/.err" || status=$?
    # Recorded times differ on every run; the rest of the output must not.
    # So do the lags of late updates (recorded day minus dated day).
    sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z/<recorded-at>/g' \
        -e 's/(补报 \+|late \+)[0-9]+(天|d)/\1<lag>\2/g; s/"late_lag_days": [0-9]+/"late_lag_days": <lag>/g; s/,<recorded-at>,[0-9]+$/,<recorded-at>,<lag>/' \
        -e "s#$PLANS#plans#g; s#$FIXTURES#fixtures#g; s#$CASE_DIR#case#g" "$work/.out" >> "$transcript"
    if [ -s "$work/.err" ]; then
        sed -E -e "s#$PLANS#plans#g; s#$FIXTURES#fixtures#g; s#$CASE_DIR#case#g" -e 's/^/stderr: /' "$work/.err" >> "$transcript"
    fi
    printf '[exit %d]\n' "$status" >> "$transcript"
}
# note: put a free comment into the transcript.
note() { printf '# %s\n' "$*" >> "$transcript"; }
export -f pt note

cd "$work"
# shellcheck disable=SC1090
source "$case_dir/cmd"

if [ "${UPDATE:-0}" = 1 ]; then
    cp "$transcript" "$case_dir/expected"
    echo "updated $case_dir/expected"
    exit 0
fi
if ! diff -u "$case_dir/expected" "$transcript"; then
    echo "FAIL: $name (transcript differs from expected; UPDATE=1 rewrites it)"
    exit 1
fi
