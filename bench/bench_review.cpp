// Benchmarks of the core review on synthetic counties (no I/O): the overlay stage (METHOD.md §7)
// as the manual time, the other stages as counters. Run: bench/run.sh (not part of the tests).
#include <benchmark/benchmark.h>

#include "muyield/review.hpp"
#include "synthetic_review.hpp"

namespace {

void BM_Review(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const muyield::ReviewInput input = muyield::bench::synthetic_review(n);
  const muyield::ReviewConfig config = muyield::ReviewConfig::defaults();
  std::map<std::string, double> stage_sum;
  for (auto _ : state) {
    muyield::ReviewResult result = muyield::run_review(input, config, {0, nullptr});
    double overlay = 0;
    for (const auto& t : result.timings) {
      stage_sum[t.stage] += t.seconds;
      if (t.stage == "overlay") overlay = t.seconds;
    }
    state.SetIterationTime(overlay);
    benchmark::DoNotOptimize(result.parcels.data());
  }
  for (const auto& [stage, seconds] : stage_sum)
    state.counters[stage + "_s"] = seconds / static_cast<double>(state.iterations());
  state.counters["parcels"] = n;
  state.counters["buildings"] = static_cast<double>(input.buildings.size());
}

}  // namespace

BENCHMARK(BM_Review)
    ->Arg(10'000)
    ->Arg(100'000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

BENCHMARK_MAIN();
