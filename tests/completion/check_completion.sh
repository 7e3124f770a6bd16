#!/usr/bin/env bash
# The shell completions of completions/: bash registers _plantrack for plantrack (complete -p)
# and, run as bash runs it (COMP_WORDS, COMP_CWORD), completes commands, options, option values
# and item ids from the database; zsh's _plantrack does the same (skipped when zsh is missing).
#
# Usage: check_completion.sh PLANTRACK_BINARY SOURCE_DIR
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$binary" "$work/bin/plantrack"
export PATH="$work/bin:$PATH" LC_ALL=C.UTF-8
unset PLANTRACK_DB XDG_CONFIG_HOME
export HOME="$work"
cd "$work"
plantrack plan load "$source_dir/plans/shenyang-2023-2025.yaml" >/dev/null
touch my-plan.yaml
failures=0
expect() {
    local what=$1 expected=$2 actual=$3
    if [ "$actual" != "$expected" ]; then
        printf 'FAIL: %s\n  expected: %s\n  actual:   %s\n' "$what" "$expected" "$actual"
        failures=$((failures + 1))
    else
        printf 'ok: %s -> %s\n' "$what" "$actual"
    fi
}

bash_script="$source_dir/completions/plantrack.bash"
expect "bash: complete -p plantrack" "complete -F _plantrack plantrack" \
    "$(bash --norc -c 'source "$1"; complete -p plantrack' _ "$bash_script")"
# The candidates bash offers for the words of a command line (the last one being typed).
bash_complete() {
    bash --norc -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _plantrack; echo "${COMPREPLY[*]}"' \
        _ "$bash_script" "$@"
}
expect "bash: plantrack lo" "log" "$(bash_complete plantrack lo)"
expect "bash: plantrack s" "show status stale" "$(bash_complete plantrack s)"
expect "bash: plantrack report " "quarterly half-year annual" "$(bash_complete plantrack report '')"
expect "bash: plantrack log 13." "13.1 13.2 13.3" "$(bash_complete plantrack log 13.)"
expect "bash: plantrack show 6" "6 6.1 6.2 6.3 60 61 61.1 61.2 61.3 62 63 64 64.1 64.2 65 65.1 65.2" "$(bash_complete plantrack show 6)"
expect "bash: plantrack log 13.2 --st" "--status" "$(bash_complete plantrack log 13.2 --st)"
expect "bash: plantrack log 13.2 --status " "not-started on-track at-risk delayed done cancelled" \
    "$(bash_complete plantrack log 13.2 --status '')"
expect "bash: plantrack list --light r" "red" "$(bash_complete plantrack list --light r)"
expect "bash: plantrack list --area A1" "A1 A10 A11 A12 A13" "$(bash_complete plantrack list --area A1)"
expect "bash: plantrack indicator show industrial-" "industrial-revenue" \
    "$(bash_complete plantrack indicator show industrial-)"
expect "bash: plantrack report quarterly 2024Q2 --for" "--format" "$(bash_complete plantrack report quarterly 2024Q2 --for)"
expect "bash: plantrack plan check my" "my-plan.yaml" "$(bash_complete plantrack plan check my)"
expect "bash: plantrack --db missing.db show 1 (no database: no ids)" "" \
    "$(bash_complete plantrack --db missing.db show 1)"

zsh_script="$source_dir/completions/_plantrack"
if command -v zsh >/dev/null; then
    # zsh's compadd and _files stood in for, filtering by the word typed as compadd does.
    zsh_complete() {
        zsh -f -c 'compadd() { local -a all; all=("${(@P)2}"); print -r -- ${(M)all:#${words[CURRENT]}*} }
                   _files() { print -r -- "(files)" }
                   script=$1; shift; words=("$@"); CURRENT=$#; source "$script"' _ "$zsh_script" "$@"
    }
    expect "zsh: plantrack lo" "log" "$(zsh_complete plantrack lo)"
    expect "zsh: plantrack log 13." "13.1 13.2 13.3" "$(zsh_complete plantrack log 13.)"
    expect "zsh: plantrack list --light r" "red" "$(zsh_complete plantrack list --light r)"
    expect "zsh: plantrack plan load m" "(files)" "$(zsh_complete plantrack plan load m)"
else
    echo "zsh not installed: its completion is not checked"
fi
[ "$failures" -eq 0 ] || {
    echo "$failures completion check(s) failed"
    exit 1
}
