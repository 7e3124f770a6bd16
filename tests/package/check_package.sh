#!/usr/bin/env bash
# The installed plantrack, as a user gets it: `cmake --install` into a scratch DESTDIR puts every
# file in its usual place; `cpack -G DEB` makes a package whose Depends names the Debian package
# of every library the binary loads, which apt can install here, and whose plantrack, unpacked
# into a clean root with `dpkg -x`, runs on the shipped plan and its sample returns.
# Exit 77 (skipped) without dpkg-deb or cpack.
#
# Usage: check_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
command -v dpkg-deb >/dev/null && command -v cpack >/dev/null || {
    echo "SKIPPED: dpkg-deb or cpack not found"
    exit 77
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}

installed=(usr/bin/plantrack usr/share/man/man1/plantrack.1 usr/share/bash-completion/completions/plantrack
    usr/share/zsh/vendor-completions/_plantrack usr/share/plantrack/plans/shenyang-2023-2025.yaml
    usr/share/plantrack/plans/riverside-district-2024-2026.yaml
    usr/share/plantrack/plans/samples/shenyang/returns-2024.csv usr/share/doc/plantrack/README.md
    usr/share/doc/plantrack/PLAN-FORMAT.md)

DESTDIR="$work/destdir" cmake --install "$build" --prefix /usr >/dev/null
for file in "${installed[@]}"; do
    [ -f "$work/destdir/$file" ] || fail "cmake --install did not install /$file"
done
[ -x "$work/destdir/usr/bin/plantrack" ] || fail "the installed plantrack is not executable"

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    fail "cpack -G DEB failed"
}
deb=$(ls "$work"/package/plantrack_*.deb)
[ "$(dpkg-deb -f "$deb" Package)" = plantrack ] || fail "the package is not called plantrack"
listing=$(dpkg-deb -c "$deb")
for file in "${installed[@]}"; do
    grep -q " \./$file\$" <<<"$listing" || fail "the package lacks /$file"
done

# Depends: the package of every shared library the binary links directly (libsqlite3-0, libfmt9,
# ...); the libraries those load in turn (libbz2 under libzip) come with their own packages.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# The package names alone, one a line.
names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:any//; s/^ +//; s/ +$//')
while read -r library; do
    owner=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$owner" ] || owner=$(dpkg -S "$library" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$owner" ] || fail "no Debian package owns $library"
    grep -Fxq "$owner" <<<"$names" || fail "Depends lacks $owner (for $library)"
done < <(needed=$(objdump -p "$work/destdir/usr/bin/plantrack" | awk '/NEEDED/ { print $2 }')
    ldd "$work/destdir/usr/bin/plantrack" | awk 'NR == FNR { direct[$1] = 1; next } ($1 in direct) && $3 ~ /^\// { print $3 }' \
        <(printf '%s\n' "$needed") -)
# apt can satisfy it from the archive (as on a fresh machine), without installing anything.
if ! apt-cache policy libc6 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    echo "apt has no package lists (apt-get update): the simulated install is not checked"
elif apt-get install -s -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
    grep -q '^Inst plantrack ' "$work/apt.log" || {
        cat "$work/apt.log"
        fail "apt-get would not install the package"
    }
else
    cat "$work/apt.log"
    fail "apt-get cannot satisfy the package's dependencies"
fi

# The unpacked program works from its scratch root, on the data it ships.
dpkg -x "$deb" "$work/root"
plantrack="$work/root/usr/bin/plantrack"
share="$work/root/usr/share/plantrack/plans"
cd "$work"
version=$("$plantrack" --version)
[ "$version" = "plantrack $(dpkg-deb -f "$deb" Version)" ] || fail "--version says '$version'"
"$plantrack" plan check "$share/shenyang-2023-2025.yaml" >/dev/null || fail "plan check of the shipped plan"
loaded=$("$plantrack" plan load "$share/shenyang-2023-2025.yaml")
[ "$loaded" = "created plan 'shenyang-2023-2025' (revision 1): 13 areas, 65 tasks, 79 milestones, 38 owners, 10 goals, 16 indicators" ] ||
    fail "plan load said: $loaded"
"$plantrack" import "$share/samples/shenyang/returns-2023.csv" >/dev/null || fail "import of the 2023 returns"
"$plantrack" import "$share/samples/shenyang/returns-2024.csv" >/dev/null || fail "import of the 2024 returns"
"$plantrack" report quarterly 2024Q2 --format json -o q2.json || fail "report quarterly"
grep -q '"period": "2024Q2"' q2.json || fail "the quarterly report has no period"
echo "ok: $(basename "$deb") ($(stat -c %s "$deb") bytes) installs and runs"
