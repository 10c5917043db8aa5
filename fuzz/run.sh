#!/usr/bin/env bash
# Builds the libFuzzer targets (build-fuzz/, clang++, MUYIELD_FUZZ=ON) and runs each for a while.
#   fuzz/run.sh [SECONDS] [TARGET ...]     default: 60 s each, all targets, one after another
# Seeds come from fuzz/corpus/<target>/ (read only); inputs the fuzzer finds go to
# build-fuzz/corpus/<target>/, crashes to build-fuzz/crashes/<target>/. Prints executions per
# second per target; exit status 1 when any target crashed (reproduce: build-fuzz/fuzz/<target>
# <crash file>; fix, then commit the crash file as a seed so it stays a regression case).
# FUZZ_BUILD=0 skips the build (e.g. when running targets in parallel on one build).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
all=(fuzz_parse_number fuzz_parse_date fuzz_parse_bool fuzz_uscc fuzz_header fuzz_settings)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_C_COMPILER=clang -DMUYIELD_FUZZ=ON -DMUYIELD_TESTS=OFF >/dev/null
  ninja -C build-fuzz -j"${FUZZ_JOBS:-2}" fuzz
fi

status=0
summary=()
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t crashes=build-fuzz/crashes/$t
  mkdir -p "$work" "$crashes"
  log=build-fuzz/$t.log
  echo "fuzz: $t for ${seconds}s (log $log)"
  # -timeout: an input that takes over 10 s is a hang; -rss_limit_mb: one that takes 2 GB a leak.
  if ! build-fuzz/fuzz/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$crashes/" "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
    status=1
    echo "fuzz: $t FAILED; the input is in $crashes/:"
    grep -E "ERROR|property violated|SUMMARY" "$log" | head -5 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  summary+=("$(printf '%-18s %12s runs %9s exec/s  %s  crashes: %s' "$t" "${runs:-?}" "${rate:-?}" \
    "${cov:-}" "$(find "$crashes" -type f | wc -l)")")
done
printf '%s\n' "${summary[@]}"
exit $status
