#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds and launches LoopBench: the desktop app when there is a display, otherwise a
# headless comparison of 1 loop against one loop per CPU with the defaults. Arguments are passed
# on (e.g. ./run.sh --headless --tasks 2000 --json -).
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
exec ./build/app/loopbench "$@"
