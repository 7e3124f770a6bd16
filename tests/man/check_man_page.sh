#!/usr/bin/env bash
# docs/man/plantrack.1: `man --warnings` reports nothing, and the page describes every command
# that `plantrack --help` lists. Exit 77 (skipped) without man.
#
# Usage: check_man_page.sh PLANTRACK_BINARY MAN_PAGE
set -euo pipefail
binary=$1
page=$2
command -v man >/dev/null || {
    echo "SKIPPED: man not found (apt-get install man-db)"
    exit 77
}
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
if [ -n "$warnings" ]; then
    echo "FAIL: man --warnings:"
    echo "$warnings"
    exit 1
fi
text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null)
commands=$("$binary" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || {
    echo "FAIL: no commands found in plantrack --help"
    exit 1
}
status=0
for command in $commands; do
    if ! grep -Eq "^       $command( |$)" <<<"$text"; then
        echo "FAIL: the manual page does not describe '$command'"
        status=1
    fi
done
[ $status -eq 0 ] && echo "ok: no warnings; every command described"
exit $status
