#!/usr/bin/env bash
# Installs what plantrack needs to build and test, from Debian's packages, when missing.
# Usage: scripts/install-deps.sh [--browser]   (--browser also installs chromium for the HTML check)
# dpkg-dev (dpkg-shlibdeps, for the .deb's Depends), man-db and groff-base (man --warnings) and
# zsh (its completion script), tmux and less (the pseudo-terminal test) are for the tests only.
set -euo pipefail

packages=(
    build-essential cmake pkg-config clang-format
    libsqlitecpp-dev libsqlite3-dev sqlite3
    libfmt-dev libhowardhinnant-date-dev libcli11-dev doctest-dev libyaml-dev
    nlohmann-json3-dev libutf8proc-dev libicu-dev libtomlplusplus-dev
    dpkg-dev man-db groff-base zsh tmux less
    libzip-dev libexpat1-dev libxlsxwriter-dev
    libreoffice-calc-nogui
)
optional=()
if [ "${1:-}" = "--browser" ]; then
    optional=(chromium fonts-wqy-microhei)
fi

missing=()
for package in "${packages[@]}" "${optional[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi
echo "plantrack: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
required_missing=()
for package in "${missing[@]}"; do
    [[ " ${optional[*]} " == *" $package "* ]] || required_missing+=("$package")
done
if [ ${#required_missing[@]} -gt 0 ]; then
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${required_missing[@]}" >/dev/null
fi
# The browser is for one test only: if it cannot be installed, that test says so and is skipped.
for package in "${optional[@]}"; do
    if [[ " ${missing[*]} " == *" $package "* ]]; then
        "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$package" >/dev/null ||
            echo "plantrack: could not install $package; the browser check will be skipped" >&2
    fi
done
