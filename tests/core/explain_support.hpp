// A scored and ranked group of firms for the tests of the class explanations, built from
// figures and land through the real pipeline (indicators → scoring → ranking).
#pragma once

#include <string>
#include <vector>

#include "core/method/indicators.hpp"
#include "core/method/ranking.hpp"
#include "core/method/scoring.hpp"
#include "support.hpp"

namespace muyield::test {

struct ScoredGroup {
  std::vector<Enterprise> inputs;
  std::vector<EnterpriseResult> results;
  ReviewConfig config = ReviewConfig::defaults();

  ScoredGroup() { config.scoring.bonus.clear(); }

  // A firm of group below with tax and revenue (万元) on `land` 亩.
  void add(std::string uscc, double tax, double revenue, double land) {
    inputs.push_back(EnterpriseBuilder(uscc).set(Figure::tax, tax).set(Figure::revenue, revenue));
    EnterpriseResult r;
    r.input_index = inputs.size() - 1;
    r.group = Group::below;
    r.land_mu = land;
    results.push_back(r);
  }
  void score() {
    Issues issues;
    method::compute_enterprise_indicators(inputs, results);
    method::score_enterprises(inputs, results, config.scoring, issues);
    method::rank_enterprises(inputs, results, config.classes);
  }
  std::size_t index(const std::string& uscc) const {
    for (std::size_t i = 0; i < inputs.size(); ++i)
      if (inputs[i].uscc == uscc) return i;
    throw std::runtime_error("no firm " + uscc);
  }
  const EnterpriseResult& of(const std::string& uscc) const { return results[index(uscc)]; }

  // The class of firm i when its tax and land are changed, by a complete re-scoring.
  Grade grade_after(std::size_t i, double tax, double land) const {
    ScoredGroup changed = *this;
    at(changed.inputs[i].figures, Figure::tax) = tax;
    changed.results[i].land_mu = land;
    changed.score();
    return changed.results[i].grade;
  }
};

// Weights: tax_per_mu and revenue_per_mu, 50 each, for group below.
inline void two_indicators(ReviewConfig& c) {
  c.scoring.below.indicators = {{Indicator::tax_per_mu, 50, {}},
                                {Indicator::revenue_per_mu, 50, {}}};
}

}  // namespace muyield::test
