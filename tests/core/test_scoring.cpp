// METHOD.md §5 on a hand-computed group of four firms (group below, default weights).
#include <catch2/catch.hpp>

#include "core/method/indicators.hpp"
#include "core/method/scoring.hpp"
#include "support.hpp"

using namespace muyield;
using namespace muyield::method;
using test::EnterpriseBuilder;

namespace {

struct Group4 {
  std::vector<Enterprise> inputs;
  std::vector<EnterpriseResult> results;
  Group4() {
    using F = Figure;
    inputs = {
        EnterpriseBuilder("F1").set(F::tax, 100).set(F::revenue, 1000).set(F::electricity_kwh, 1e6),
        EnterpriseBuilder("F2").set(F::tax, 50).set(F::revenue, 500),
        EnterpriseBuilder("F3").set(F::tax, -10).set(F::revenue, 300).set(F::electricity_kwh, 5e5),
        EnterpriseBuilder("F4").set(F::tax, 400).set(F::revenue, 100).set(F::electricity_kwh, 2e5)};
    const double land[] = {10, 20, 10, 5};
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      EnterpriseResult r;
      r.input_index = i;
      r.group = Group::below;
      r.land_mu = land[i];
      results.push_back(r);
    }
    compute_enterprise_indicators(inputs, results);
  }
  double s(std::size_t firm, Indicator i) const {
    return *results[firm].scores[static_cast<int>(i)];
  }
};

const GroupBenchmark& below(const std::vector<GroupBenchmark>& all, Indicator i) {
  for (const GroupBenchmark& b : all)
    if (b.group == Group::below && b.indicator == i) return b;
  FAIL("no benchmark");
  return all.front();
}

}  // namespace

TEST_CASE("indicator score: weight × clamp(x/b, 0, cap)", "[scoring]") {
  CHECK(indicator_score(6, 12, 50, 2) == Approx(25));
  CHECK(indicator_score(30, 12, 50, 2) == Approx(100));  // capped at 2
  CHECK(indicator_score(-1, 12, 50, 2) == 0);            // net refund scores 0
  CHECK(indicator_score(5, 0, 50, 2) == 0);              // no positive benchmark
}

TEST_CASE("aggregate benchmarks, capped scores, negative values and missing means", "[scoring]") {
  Group4 g;
  Issues issues;
  ScoringConfig config = ReviewConfig::defaults().scoring;
  config.bonus.clear();
  const auto benchmarks = score_enterprises(g.inputs, g.results, config, issues);
  REQUIRE(benchmarks.size() == 9);       // 6 weighted in group above (no firms there), 3 below
  CHECK_FALSE(benchmarks[0].benchmark);  // group above: nobody has anything
  CHECK(issues.empty());                 // an empty group is not worth a warning

  // tax_per_mu: b = (100 + 50 − 10 + 400) / (10 + 20 + 10 + 5) = 540 / 45 = 12.
  CHECK(*below(benchmarks, Indicator::tax_per_mu).benchmark == Approx(12));
  CHECK(g.s(0, Indicator::tax_per_mu) == Approx(50 * 10.0 / 12));
  CHECK(g.s(1, Indicator::tax_per_mu) == Approx(50 * 2.5 / 12));
  CHECK(g.s(2, Indicator::tax_per_mu) == 0);    // −1 万元/亩
  CHECK(g.s(3, Indicator::tax_per_mu) == 100);  // 80/12 > cap 2

  // tax_per_kwh (元/kWh): only F1, F3, F4 have electricity; negative tax counts in the sums.
  const double b_kwh = (100 - 10 + 400) * 1e4 / (1e6 + 5e5 + 2e5);
  CHECK(*below(benchmarks, Indicator::tax_per_kwh).benchmark == Approx(b_kwh));
  CHECK(below(benchmarks, Indicator::tax_per_kwh).n_with == 3);
  CHECK(g.s(0, Indicator::tax_per_kwh) == Approx(30 * 1.0 / b_kwh));
  CHECK(g.s(2, Indicator::tax_per_kwh) == 0);
  CHECK(g.s(3, Indicator::tax_per_kwh) == 60);  // 20 元/kWh, capped
  // F2 has no electricity: the mean of the clamped scores of the three that have it.
  const double mean = (30 * 1.0 / b_kwh + 0 + 60) / 3;
  CHECK(g.s(1, Indicator::tax_per_kwh) == Approx(mean));
  CHECK(g.results[1].score_from_mean[static_cast<int>(Indicator::tax_per_kwh)]);
  CHECK(below(benchmarks, Indicator::tax_per_kwh).mean_score == Approx(mean));

  // revenue_per_mu: b = 1900 / 45.
  const double b_rev = 1900.0 / 45;
  CHECK(g.s(0, Indicator::revenue_per_mu) == 40);  // 100 / 42.2 > 2
  CHECK(g.s(1, Indicator::revenue_per_mu) == Approx(20 * 25 / b_rev));

  CHECK(*g.results[3].total == Approx(100 + 60 + 20 * 20 / b_rev));
  CHECK(*g.results[1].total == Approx(50 * 2.5 / 12 + mean + 20 * 25 / b_rev));
}

TEST_CASE("fixed benchmarks and the benchmark factor", "[scoring]") {
  Group4 g;
  Issues issues;
  ScoringConfig config = ReviewConfig::defaults().scoring;
  config.below.indicators = {{Indicator::tax_per_mu, 50, 20.0},
                             {Indicator::revenue_per_mu, 20, {}}};
  config.benchmark_factor = 1.5;
  const auto b = score_enterprises(g.inputs, g.results, config, issues);
  CHECK(*below(b, Indicator::tax_per_mu).benchmark == 20);  // the factor: aggregate ratios only
  CHECK(below(b, Indicator::tax_per_mu).fixed);
  CHECK(*below(b, Indicator::revenue_per_mu).benchmark == Approx(1900.0 / 45 * 1.5));
  CHECK(g.s(0, Indicator::tax_per_mu) == Approx(50 * 10.0 / 20));
}

TEST_CASE("bonus and deduction points from boolean attributes", "[scoring]") {
  Group4 g;
  g.inputs[0].attributes = {{"high_tech", true}, {"specialized", true}};
  g.inputs[1].attributes = {{"high_tech", false}, {"polluter", true}};
  Issues issues;
  ScoringConfig config = ReviewConfig::defaults().scoring;
  config.deduction = {{"polluter", 10}};
  score_enterprises(g.inputs, g.results, config, issues);
  CHECK(g.results[0].bonus == 8);
  CHECK(g.results[1].bonus == 0);
  CHECK(g.results[1].deduction == 10);
  double sum = 0;
  for (Indicator i : {Indicator::tax_per_mu, Indicator::tax_per_kwh, Indicator::revenue_per_mu})
    sum += g.s(1, i);
  CHECK(*g.results[1].total == Approx(sum - 10));
}

TEST_CASE("unrated firms neither score nor count in benchmarks", "[scoring]") {
  Group4 g;
  g.results[3].unrated = UnratedReason::small_land;  // F4 leaves the group
  Issues issues;
  const auto b = score_enterprises(g.inputs, g.results, ReviewConfig::defaults().scoring, issues);
  CHECK(*below(b, Indicator::tax_per_mu).benchmark == Approx(140.0 / 40));
  CHECK_FALSE(g.results[3].total);
  CHECK_FALSE(g.results[3].scores[0]);
}

TEST_CASE("no positive benchmark is reported and scores 0", "[scoring]") {
  Group4 g;
  for (auto& e : g.inputs) at(e.figures, Figure::tax) = -1.0;
  compute_enterprise_indicators(g.inputs, g.results);
  Issues issues;
  score_enterprises(g.inputs, g.results, ReviewConfig::defaults().scoring, issues);
  REQUIRE_FALSE(issues.empty());
  CHECK(issues[0].field == "tax_per_mu");
  CHECK(g.s(0, Indicator::tax_per_mu) == 0);
}
