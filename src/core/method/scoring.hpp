// METHOD.md §5: benchmarks, indicator scores, missing-indicator means, bonus and deduction.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// s_i = w × clamp(x / b, 0, cap); a benchmark that is not positive gives 0. Inline: the
// stability re-scorings call it ~10⁸ times.
inline double indicator_score(double x, double benchmark, double weight, double cap) {
  if (!(benchmark > 0)) return 0;
  return weight * std::clamp(x / benchmark, 0.0, cap);
}

// The parts of an indicator's aggregate ratio over a set of firms: Σ numerator, Σ denominator
// over the firms where both are present and the denominator is not 0 (negative numerators count).
struct RatioSums {
  double numerator = 0;
  double denominator = 0;
  int count = 0;
  void add(Indicator i, const Figures& figures, double land_mu);
  void add(double num, double den);
  // Σ numerator / Σ denominator × scale; none when no firm counts or Σ denominator is 0.
  std::optional<double> ratio(Indicator i) const;
};

// b_i: the fixed benchmark when configured, else the aggregate ratio × benchmark_factor.
std::optional<double> benchmark_of(const WeightedIndicator& wi, const RatioSums& sums,
                                   double benchmark_factor);

// Σ points of the attributes that are true for the firm (bonus or deduction table).
double attribute_points(const std::map<std::string, bool, std::less<>>& attributes,
                        const std::map<std::string, double>& table);

// Scores every rated enterprise of both groups; returns the benchmark of each weighted
// indicator. Appends a review-level warning when a benchmark is missing or not positive.
std::vector<GroupBenchmark> score_enterprises(const std::vector<Enterprise>& inputs,
                                              std::vector<EnterpriseResult>& enterprises,
                                              const ScoringConfig& config, Issues& issues);

}  // namespace muyield::method
