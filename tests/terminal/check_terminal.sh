#!/usr/bin/env bash
# plantrack in a real terminal (a tmux pane of 80x24, or of the size given): long output goes
# through the pager (the default less -FRX, PLANTRACK_PAGER, PAGER) only when stdout is a
# terminal and the text is longer than the screen, never with --no-pager; tables fit the
# terminal's width (the pane's, or COLUMNS) without wrapping; colour comes on a terminal unless
# NO_COLOR or --color never, and with --color always even into a pipe. Exit 77 without tmux.
#
# Usage: check_terminal.sh PLANTRACK_BINARY SOURCE_DIR
set -euo pipefail
# (No grep -q after plantrack in a pipe: it quits at the first match, and pipefail would then
# count plantrack's broken pipe as a failure.)
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
command -v tmux >/dev/null || {
    echo "SKIPPED: tmux not found"
    exit 77
}
work=$(mktemp -d)
socket="plantrack-test-$$"
runs=0
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR PLANTRACK_PAGER PAGER PLANTRACK_DB COLUMNS LINES LESS XDG_CONFIG_HOME
export HOME="$work"
cd "$work"
"$binary" plan load "$source_dir/plans/shenyang-2023-2025.yaml" >/dev/null
"$binary" import "$source_dir/plans/samples/shenyang/returns-2023.csv" >/dev/null
"$binary" import "$source_dir/plans/samples/shenyang/returns-2024.csv" >/dev/null
printf '#!/bin/sh\n# A pager that records what it was given.\ncat > "%s/paged.txt"\n' "$work" > recording-pager
chmod +x recording-pager

failures=0
check() {
    if eval "$2"; then
        echo "ok: $1"
    else
        echo "FAIL: $1"
        failures=$((failures + 1))
    fi
}
# Runs `command` (shell text) in a fresh tmux pane of WIDTHxHEIGHT and leaves the screen, with
# colour escapes, in screen.txt once it has ended (or, with "wait-for TEXT", once TEXT shows).
in_terminal() {
    local width=$1 height=$2 command=$3 until=${4:-__END__}
    # A server of its own each time: a closing one must not take the next pane with it.
    runs=$((runs + 1))
    socket="plantrack-test-$$-$runs"
    tmux -L "$socket" -f /dev/null new-session -d -x "$width" -y "$height" -s pane \
        "cd '$work' && PT='$binary' && $command; echo __END__; sleep 60"
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p -e -t pane > screen.txt
        grep -q -- "$until" screen.txt && break
        sleep 0.1
    done
}
close_terminal() { tmux -L "$socket" kill-server 2>/dev/null || true; }
items=$(("$(wc -l < <("$binary" list --as-of 2024-06-30 --area A3 --format csv))" - 1))

# Width: 80 columns from the pane, then 60 from COLUMNS; every row on one screen line.
in_terminal 80 40 '"$PT" --no-pager list --as-of 2024-06-30 --area A3'
rows=$(sed -n '1,/__END__/p' screen.txt | sed '$d' | sed 's/\x1b\[[0-9;]*m//g')
check "80 columns: header and $items rows, none wrapped" "[ $(wc -l <<<"$rows") -eq $((items + 1)) ]"
check "80 columns: no line wider than 80" "[ $(wc -L <<<"$rows") -le 80 ]"
check "80 columns: titles shortened with …" "grep -q '…' <<<\"\$rows\""
close_terminal
in_terminal 100 40 'COLUMNS=60 "$PT" --no-pager list --as-of 2024-06-30 --area A3 --color never'
rows=$(sed -n '1,/__END__/p' screen.txt | sed '$d')
check "COLUMNS=60 (in a 100-column pane): no line wider than 60" "[ $(wc -L <<<"$rows") -le 60 ] && [ $(wc -l <<<"$rows") -eq $((items + 1)) ]"
close_terminal
# Into a pipe nothing is shortened.
check "a pipe gets whole titles" "\"$binary\" list --as-of 2024-06-30 --area A3 | grep '建成先进装备制造基地' >/dev/null"

# Colour.
in_terminal 120 40 '"$PT" --no-pager list --as-of 2024-06-30 --area A3'
check "a terminal gets coloured lights" "grep -q $'\\x1b\\[3[123]m' screen.txt"
close_terminal
in_terminal 120 40 'NO_COLOR=1 "$PT" --no-pager list --as-of 2024-06-30 --area A3'
check "NO_COLOR: no colour" "! grep -q $'\\x1b\\[3[123]m' screen.txt"
close_terminal
in_terminal 120 40 'NO_COLOR=1 "$PT" --no-pager --color always list --as-of 2024-06-30 --area A3'
check "--color always beats NO_COLOR" "grep -q $'\\x1b\\[3[123]m' screen.txt"
close_terminal
in_terminal 120 40 '"$PT" --no-pager list --color never --as-of 2024-06-30 --area A3'
check "--color never: no colour" "! grep -q $'\\x1b\\[3[123]m' screen.txt"
close_terminal
check "a pipe gets no colour" "! \"$binary\" list --as-of 2024-06-30 | grep $'\\x1b\\[' >/dev/null"
check "a pipe gets colour with --color always" "\"$binary\" list --color always --as-of 2024-06-30 | grep $'\\x1b\\[31m' >/dev/null"

# The pager: the default less -FRX shows the first screen and waits.
in_terminal 100 24 '"$PT" list --as-of 2024-06-30' "^:"
check "less shows the first screen of a long list" "grep -q '^编号' screen.txt && ! grep -q __END__ screen.txt"
tmux -L "$socket" send-keys -t pane q
for _ in $(seq 50); do
    tmux -L "$socket" capture-pane -p -t pane > screen.txt
    grep -q __END__ screen.txt && break
    sleep 0.1
done
check "q in less ends plantrack (exit 0)" "grep -q __END__ screen.txt"
close_terminal
in_terminal 100 24 'PLANTRACK_PAGER=./recording-pager PAGER=false "$PT" list --as-of 2024-06-30'
check "PLANTRACK_PAGER gets the whole list (before PAGER)" "[ -f paged.txt ] && [ $(wc -l < paged.txt 2>/dev/null || echo 0) -eq 145 ]"
close_terminal
rm -f paged.txt
in_terminal 100 24 'PAGER=./recording-pager "$PT" list --as-of 2024-06-30'
check "PAGER is used without PLANTRACK_PAGER" "[ -f paged.txt ]"
close_terminal
rm -f paged.txt
in_terminal 100 24 'PAGER=./recording-pager "$PT" list --no-pager --as-of 2024-06-30 | tail -n 1'
check "--no-pager: no pager" "[ ! -f paged.txt ]"
close_terminal
in_terminal 100 24 'PAGER=./recording-pager PLANTRACK_PAGER= "$PT" list --as-of 2024-06-30 | tail -n 1'
check "an empty PLANTRACK_PAGER: no pager" "[ ! -f paged.txt ]"
close_terminal
in_terminal 100 24 'PAGER=./recording-pager "$PT" show 13.2 --as-of 2024-06-30'
check "output shorter than the screen: no pager" "[ ! -f paged.txt ] && grep -q '13.2' screen.txt"
close_terminal
in_terminal 100 24 'PAGER=./recording-pager "$PT" list --as-of 2024-06-30 > piped.txt'
check "stdout not a terminal: no pager" "[ ! -f paged.txt ] && [ $(wc -l < piped.txt) -eq 145 ]"
close_terminal
in_terminal 100 24 'PAGER=no-such-pager-here "$PT" list --as-of 2024-06-30 --color never | head -n 1'
check "a pager that cannot start: the output is shown anyway" "grep -q '^编号' screen.txt"
close_terminal

[ "$failures" -eq 0 ] || {
    echo "$failures terminal check(s) failed"
    exit 1
}
