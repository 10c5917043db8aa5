// What it takes for a rated firm to change class, all other firms' figures unchanged:
//   extra tax (万元) that lifts it to the next better class; land (亩) to hand back, keeping its
//   figures; for C and D firms a plan of both (see WhatItTakes); for the others the tax decrease
//   that would drop it one class (the margin).
//
// Method. A change moves the firm's own indicators AND the group's benchmarks (aggregate ratios
// Σ numerator / Σ denominator include the firm), hence every firm's scores and the missing-value
// means; so the firm's class after a change t is computed by re-scoring the whole group exactly as
// score_enterprises does (group_model.hpp) and ranking the firm against the others with the
// ranking order and cut-offs of ranking.hpp (ClassOracle). With positive group sums, more tax or
// less land raises the firm's ratio to every benchmark it enters and lowers everyone else's, so
// "reaches the class" is monotone in t: the smallest t is bracketed by doubling from a scale of
// the firm's own figure and then bisected until the bracket is narrower than 10⁻⁹ (relative, or
// absolute below 1). The figure reported is the bracket's upper end, at which the oracle has
// seen the firm reach the class; 1 % less does not. No fixed trial steps: the result is the
// threshold of the exact piecewise function to within 10⁻⁹.
#pragma once

#include <vector>

#include "core/method/group_model.hpp"
#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// The class of one firm after a change of its own tax and land, other firms unchanged. Keeps a
// private copy of the group's columns; one oracle per thread.
class ClassOracle {
 public:
  ClassOracle(const GroupModel& model, const std::vector<Enterprise>& inputs,
              const std::vector<EnterpriseResult>& enterprises, const ClassConfig& classes);
  // Firm f (model index) with the given tax (万元; none = as is, possibly missing) and land (亩).
  Grade grade_with(std::size_t f, std::optional<double> tax, double land_mu);

 private:
  const GroupModel& base_;
  GroupModel work_;
  const std::vector<Enterprise>& inputs_;
  const std::vector<EnterpriseResult>& enterprises_;
  const ClassConfig& classes_;
  std::vector<double> weights_, benchmarks_, totals_;
};

// WhatItTakes of firm f (model index) of the group.
WhatItTakes what_it_takes(ClassOracle& oracle, const GroupModel& model, std::size_t f,
                          const std::vector<Enterprise>& inputs,
                          const std::vector<EnterpriseResult>& enterprises,
                          const ReviewConfig& config);

// Sets EnterpriseResult::takes of every rated firm (needs ranked firms); parallel over firms.
void assess_what_it_takes(const std::vector<Enterprise>& inputs,
                          std::vector<EnterpriseResult>& enterprises, const ReviewConfig& config,
                          int threads);

}  // namespace muyield::method
