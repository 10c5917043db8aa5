// Benchmarks of the class explanations (stability.hpp, what_it_takes.hpp) on one synthetic group
// of rated firms, scored and ranked by the real pipeline. Run: bench/run.sh (not in the tests).
//   BM_Stability/<firms>/<threads>: 1000 re-scorings (±20 % weights and benchmarks) of a group
//   with the six default indicators of group above, ranked and classed each time.
#include <benchmark/benchmark.h>

#include <random>

#include "core/method/indicators.hpp"
#include "core/method/ranking.hpp"
#include "core/method/scoring.hpp"
#include "core/method/stability.hpp"
#include "core/method/what_it_takes.hpp"

namespace {

using namespace muyield;

struct Synthetic {
  std::vector<Enterprise> inputs;
  std::vector<EnterpriseResult> results;
  ReviewConfig config = ReviewConfig::defaults();
};

Synthetic synthetic_group(int n) {
  Synthetic g;
  std::mt19937_64 rng(42);
  std::lognormal_distribution<double> spread(0.0, 0.8);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int i = 0; i < n; ++i) {
    Enterprise e;
    e.uscc = std::to_string(10'000'000 + i);
    e.uscc.insert(0, "E");
    e.year = 2024;
    const double revenue = 3000 * spread(rng);
    at(e.figures, Figure::revenue) = revenue;
    at(e.figures, Figure::tax) = revenue * 0.04 * spread(rng);
    at(e.figures, Figure::value_added) = revenue * 0.25 * spread(rng);
    if (u(rng) < 0.9) at(e.figures, Figure::energy_tce) = 500 * spread(rng);  // some missing
    at(e.figures, Figure::emissions_t) = 20 * spread(rng);
    at(e.figures, Figure::employees) = std::ceil(100 * spread(rng));
    at(e.figures, Figure::rd_expense) = revenue * 0.02 * spread(rng);
    if (u(rng) < 0.3) e.attributes["high_tech"] = true;
    g.inputs.push_back(std::move(e));
    EnterpriseResult r;
    r.input_index = static_cast<std::size_t>(i);
    r.group = Group::above;
    r.land_mu = 5 + 60 * u(rng);
    r.vetoed = u(rng) < 0.005;
    g.results.push_back(r);
  }
  Issues issues;
  method::compute_enterprise_indicators(g.inputs, g.results);
  method::score_enterprises(g.inputs, g.results, g.config.scoring, issues);
  method::rank_enterprises(g.inputs, g.results, g.config.classes);
  return g;
}

void BM_Stability(benchmark::State& state) {
  const Synthetic g = synthetic_group(static_cast<int>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  const method::GroupModel m =
      method::build_group_model(Group::above, g.inputs, g.results, g.config.scoring);
  std::vector<Grade> grades;
  for (std::size_t i : m.enterprise) grades.push_back(g.results[i].grade);
  std::size_t unstable = 0;
  for (auto _ : state) {
    auto out = method::group_stability(m, grades, g.config.classes, g.config.stability, threads);
    unstable = 0;
    for (const ClassStability& s : out) unstable += s.unstable;
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["firms"] = static_cast<double>(m.size());
  state.counters["runs"] = g.config.stability.runs;
  state.counters["unstable"] = static_cast<double>(unstable);
}

void BM_WhatItTakes(benchmark::State& state) {
  Synthetic g = synthetic_group(static_cast<int>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    method::assess_what_it_takes(g.inputs, g.results, g.config, threads);
    benchmark::DoNotOptimize(g.results.data());
  }
  state.counters["firms"] = static_cast<double>(g.results.size());
}

}  // namespace

BENCHMARK(BM_Stability)
    ->Args({10'000, 2})
    ->Args({100'000, 1})
    ->Args({100'000, 2})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);
BENCHMARK(BM_WhatItTakes)
    ->Args({1'000, 2})
    ->Args({10'000, 2})
    ->Args({100'000, 2})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

BENCHMARK_MAIN();
