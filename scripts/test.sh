#!/usr/bin/env bash
# Sets up everything the tests need, builds, and runs all tests (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build.sh
cd build && ctest --output-on-failure -j"$(nproc)" "$@"
