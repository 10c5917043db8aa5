// What it takes to change class (what_it_takes.hpp), checked by complete re-scorings with the
// change applied: the firm reaches the class with the figure found and not with 1 % less.
#include <catch2/catch.hpp>

#include "core/method/what_it_takes.hpp"
#include "explain_support.hpp"

using namespace muyield;
using namespace muyield::method;
using test::ScoredGroup;

namespace {

// Three firms of group below on 10 亩 each; weights tax_per_mu 50, revenue_per_mu 50.
//   b_tax = 45/30 = 1.5, b_rev = 550/30 = 18.33 万元/亩
//   B1 (2.5, 15): 83.33 + 40.91 = 124.24 → rank 1, A (round(0.2·3) = 1)
//   A1 (1, 30):   33.33 + 81.82 = 115.15 → rank 2, B (round(0.6·3) = 2)
//   F1 (1, 10):   33.33 + 27.27 =  60.61 → rank 3, C
// F1 paying Δ more tax: b_tax = (45 + Δ)/30 moves with it, so its tax score is
// 150(10 + Δ)/(45 + Δ) and B1's falls to 3750/(45 + Δ). F1 passes B1 when
//   150(10 + Δ) + 300/11·(45 + Δ) > 3750 + 450/11·(45 + Δ)  ⇔  Δ > 21,
// and A1 only past Δ = 25.71; so 21 万元 lifts F1 to rank 2, class B. With the benchmark held
// at 1.5 it would wrongly be (29.09 − 10) = 19.09.
ScoredGroup three() {
  ScoredGroup g;
  test::two_indicators(g.config);
  g.add("B1", 25, 150, 10);
  g.add("A1", 10, 300, 10);
  g.add("F1", 10, 100, 10);
  g.score();
  return g;
}

// Twelve firms with spread figures and land, for checks over every class.
ScoredGroup twelve() {
  ScoredGroup g;
  test::two_indicators(g.config);
  for (int i = 0; i < 12; ++i) {
    const double land = 5 + (i * 7) % 23;
    const double tax = 3 + (i * 37) % 61;
    const double revenue = 40 + (i * 53) % 211;
    g.add("E" + std::to_string(10 + i), tax, revenue, land);
  }
  g.score();
  return g;
}

std::vector<WhatItTakes> takes(ScoredGroup& g) {
  assess_what_it_takes(g.inputs, g.results, g.config, 2);
  std::vector<WhatItTakes> out;
  for (const EnterpriseResult& r : g.results) out.push_back(r.takes);
  return out;
}

int idx(Grade g) { return static_cast<int>(g); }

}  // namespace

TEST_CASE("what it takes: the hand-computed case where the firm moves the benchmark",
          "[what_it_takes]") {
  ScoredGroup g = three();
  REQUIRE(*g.of("B1").total == Approx(250.0 / 3 + 450.0 / 11));
  REQUIRE(g.of("F1").grade == Grade::C);
  REQUIRE(g.of("A1").grade == Grade::B);
  REQUIRE(g.of("B1").grade == Grade::A);
  takes(g);
  const WhatItTakes& f = g.of("F1").takes;
  CHECK(f.next == Grade::B);
  REQUIRE(f.extra_tax.why == ClassChange::Why::found);
  CHECK(*f.extra_tax.amount == Approx(21).margin(1e-6));
  const std::size_t i = g.index("F1");
  CHECK(g.grade_after(i, 10 + *f.extra_tax.amount, 10) == Grade::B);
  CHECK(g.grade_after(i, 10 + 0.99 * *f.extra_tax.amount, 10) == Grade::C);
  CHECK(g.grade_after(i, 10 + 19.1, 10) == Grade::C);  // a fixed-benchmark answer falls short
}

TEST_CASE("what it takes: every figure verified by re-scoring, 1 % less falls short",
          "[what_it_takes]") {
  ScoredGroup g = twelve();
  const auto all = takes(g);
  int found = 0;
  for (std::size_t i = 0; i < g.results.size(); ++i) {
    const EnterpriseResult& r = g.results[i];
    const WhatItTakes& w = all[i];
    const double tax = *at(g.inputs[i].figures, Figure::tax);
    const double land = r.land_mu;
    INFO("firm " << g.inputs[i].uscc << " class " << grade_key(r.grade) << " rank " << *r.rank);
    auto reaches = [&](double t, double l) { return idx(g.grade_after(i, t, l)) < idx(r.grade); };
    auto falls = [&](double t) { return idx(g.grade_after(i, t, land)) > idx(r.grade); };
    CHECK(g.grade_after(i, tax, land) == r.grade);
    if (r.grade == Grade::A) CHECK(w.next == Grade::unrated);
    if (w.extra_tax.amount) {
      ++found;
      CHECK(reaches(tax + *w.extra_tax.amount, land));
      CHECK_FALSE(reaches(tax + 0.99 * *w.extra_tax.amount, land));
    }
    if (w.land_to_return.amount) {
      ++found;
      const double l = *w.land_to_return.amount;
      CHECK(land - l >= g.config.rating.min_land_mu);
      CHECK(reaches(tax, land - l));
      CHECK_FALSE(reaches(tax, land - 0.99 * l));
    } else if (w.next != Grade::unrated) {
      // Out of reach: even handing back all it may, the firm stays.
      CHECK(w.land_to_return.why == ClassChange::Why::out_of_reach);
      CHECK_FALSE(reaches(tax, g.config.rating.min_land_mu));
    }
    if (w.plan_tax.amount) {
      ++found;
      const double l = land - *w.plan_land.amount;
      CHECK(reaches(tax + *w.plan_tax.amount, l));
      CHECK_FALSE(reaches(tax + 0.99 * *w.plan_tax.amount, l));
      if (w.extra_tax.amount) CHECK(*w.plan_tax.amount <= *w.extra_tax.amount);
    }
    if (r.grade == Grade::C || r.grade == Grade::D) CHECK(w.plan_land.amount);
    if (w.tax_margin.amount) {
      ++found;
      CHECK(w.falls_to == static_cast<Grade>(idx(r.grade) + 1));
      CHECK(falls(tax - *w.tax_margin.amount));
      CHECK_FALSE(falls(tax - 0.99 * *w.tax_margin.amount));
    } else if (r.grade != Grade::D) {
      CHECK(w.tax_margin.why == ClassChange::Why::out_of_reach);
      CHECK_FALSE(falls(0));  // keeps its class even with no tax at all
    }
  }
  CHECK(found > 20);
}

TEST_CASE("what it takes: the oracle without a change gives the review's class",
          "[what_it_takes]") {
  ScoredGroup g = twelve();
  const GroupModel m = build_group_model(Group::below, g.inputs, g.results, g.config.scoring);
  ClassOracle oracle(m, g.inputs, g.results, g.config.classes);
  for (std::size_t f = 0; f < m.size(); ++f) {
    const EnterpriseResult& r = g.results[m.enterprise[f]];
    CHECK(oracle.grade_with(f, std::nullopt, r.land_mu) == r.grade);
  }
}

TEST_CASE("what it takes: by score thresholds, the benchmark still moves", "[what_it_takes]") {
  ScoredGroup g = three();
  g.config.classes.method = ClassMethod::thresholds;
  g.config.classes.thresholds_below = {120, 100, 80};
  g.score();
  REQUIRE(g.of("F1").grade == Grade::D);  // 60.6
  takes(g);
  const WhatItTakes& f = g.of("F1").takes;
  // D → C: 150(10 + Δ)/(45 + Δ) + 300/11 ≥ 80 ⇔ Δ ≥ (80·45 − 1500 − 300/11·45)/(150 − 80 + 300/11)
  const double r = 300.0 / 11;
  const double expected = (80 * 45 - 1500 - r * 45) / (150 - 80 + r);
  REQUIRE(f.extra_tax.amount);
  CHECK(*f.extra_tax.amount == Approx(expected).margin(1e-6));
}

TEST_CASE("what it takes: vetoed and missing tax", "[what_it_takes]") {
  ScoredGroup g = three();
  g.results[g.index("A1")].vetoed = true;
  at(g.inputs[g.index("F1")].figures, Figure::tax).reset();
  g.score();
  takes(g);
  CHECK(g.of("A1").takes.extra_tax.why == ClassChange::Why::not_applicable);
  CHECK(g.of("A1").takes.next == Grade::unrated);
  CHECK(g.of("F1").takes.extra_tax.why == ClassChange::Why::missing_figure);
  // Two ranked firms: A ≤ round(0.4) = 0, B ≤ 1, C ≤ round(1.9) = 2; F1 is second, C.
  REQUIRE(g.of("F1").grade == Grade::C);
  CHECK(g.of("F1").takes.tax_margin.why == ClassChange::Why::missing_figure);
  CHECK(g.of("F1").takes.land_to_return.why != ClassChange::Why::missing_figure);
}

TEST_CASE("what it takes: the oracle's banded answer equals a complete re-scoring",
          "[what_it_takes]") {
  // 300 firms, some without revenue (they get the mean score, which moves too), answered for
  // small and large changes of tax and land; every answer checked by re-scoring everyone.
  ScoredGroup g;
  test::two_indicators(g.config);
  for (int i = 0; i < 300; ++i) {
    const double land = 3 + (i * 7919) % 97 / 3.0;
    const double tax = 1 + (i * 104729) % 613 / 7.0;
    const double revenue = 40 + (i * 1299709) % 2111 / 3.0;
    g.add("F" + std::to_string(1000 + i), tax, revenue, land);
    if (i % 17 == 0) at(g.inputs.back().figures, Figure::revenue).reset();
  }
  g.score();
  const GroupModel m = build_group_model(Group::below, g.inputs, g.results, g.config.scoring);
  ClassOracle oracle(m, g.inputs, g.results, g.config.classes);
  std::size_t band_sum = 0, asked = 0;
  for (std::size_t f = 0; f < m.size(); f += 7) {
    const std::size_t i = m.enterprise[f];
    const double tax = *at(g.inputs[i].figures, Figure::tax);
    const double land = g.results[i].land_mu;
    for (const auto& [t, l] : std::vector<std::pair<double, double>>{
             {tax * 1.05, land}, {tax * 3, land}, {tax, land * 0.7}, {tax * 0.2, land * 1.5}}) {
      INFO("firm " << g.inputs[i].uscc << " tax " << t << " land " << l);
      CHECK(oracle.grade_with(f, t, l) == g.grade_after(i, t, l));
      band_sum += oracle.last_band();
      ++asked;
    }
  }
  // Small changes move the benchmarks little: most firms are settled without re-scoring.
  CHECK(band_sum < asked * m.size() / 2);
}
