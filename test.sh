#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds and runs the whole test suite (Qt Test via ctest, offscreen). Tests run one at a
# time: several of them measure timer lag, which parallel CPU-heavy tests would distort.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
ctest --test-dir build --output-on-failure "$@"
