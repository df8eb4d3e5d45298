#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what LoopBench needs from Debian's archive (only what is missing) and builds it in
# build/. Used by run.sh and test.sh; safe to run again (it only rebuilds what changed).
# Extra CMake arguments: LOOPBENCH_CMAKE_ARGS="-DLOOPBENCH_WERROR=ON" ./setup.sh
set -euo pipefail
cd "$(dirname "$0")"

# python3, python3-uvloop and python3-aiohttp: the asyncio runtimes (resources/python/).
packages=(cmake ninja-build g++ dpkg-dev file qt6-base-dev qt6-charts-dev qcoro-qt6-dev qt6-svg-dev libqt6sql6-sqlite
    qt6-l10n-tools qt6-translations-l10n python3 python3-uvloop python3-aiohttp)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

# shellcheck disable=SC2086 # LOOPBENCH_CMAKE_ARGS is a list of arguments on purpose
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release ${LOOPBENCH_CMAKE_ARGS:-} >/dev/null
cmake --build build
