#!/usr/bin/env bash
# Builds muyield and its tests with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-sanitize/, MUYIELD_SANITIZE=ON) and runs the whole test suite on that build: every
# ctest test, including the end-to-end checks and the malformed-input corpus, which run the
# instrumented muyield. Any sanitizer report fails the test that caused it (the exit statuses
# below are none of muyield's 0/1/2). Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-$(nproc)}
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMUYIELD_SANITIZE=ON >/dev/null
ninja -C build-sanitize -j"$jobs"
supp=$PWD/scripts/sanitize
export ASAN_OPTIONS="exitcode=86:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="exitcode=87:halt_on_error=1:print_stacktrace=1"
cd build-sanitize
ctest --output-on-failure -j"$jobs" "$@"
