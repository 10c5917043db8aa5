#!/usr/bin/env bash
# Builds and runs the core benchmarks (Release). Not part of the tests; figures go in the notes.
#   bench/run.sh [google-benchmark options, e.g. --benchmark_format=csv]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed" ||
  { sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo); "${sudo_cmd[@]}" apt-get install -y -qq libbenchmark-dev; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMUYIELD_BENCH=ON -DMUYIELD_TESTS=OFF >/dev/null
ninja -C build-bench -j"$(nproc)" muyield_bench make_county muyield muyield_bench_stability
build-bench/bench/muyield_bench "$@"
build-bench/bench/muyield_bench_stability "$@"
