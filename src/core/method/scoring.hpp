// METHOD.md §5: benchmarks, indicator scores, missing-indicator means, bonus and deduction.
#pragma once

#include <optional>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// s_i = w × clamp(x / b, 0, cap); a benchmark that is not positive gives 0.
double indicator_score(double x, double benchmark, double weight, double cap);

// The parts of an indicator's aggregate ratio over a set of firms: Σ numerator, Σ denominator
// over the firms where both are present and the denominator is not 0 (negative numerators count).
struct RatioSums {
  double numerator = 0;
  double denominator = 0;
  int count = 0;
  void add(Indicator i, const Figures& figures, double land_mu);
  // Σ numerator / Σ denominator × scale; none when no firm counts or Σ denominator is 0.
  std::optional<double> ratio(Indicator i) const;
};

// Scores every rated enterprise of both groups; returns the benchmark of each weighted
// indicator. Appends a review-level warning when a benchmark is missing or not positive.
std::vector<GroupBenchmark> score_enterprises(const std::vector<Enterprise>& inputs,
                                              std::vector<EnterpriseResult>& enterprises,
                                              const ScoringConfig& config, Issues& issues);

}  // namespace muyield::method
