// The scoring problem of one group (METHOD.md §5) in flat arrays: per weighted indicator the
// parts and value of each rated firm, the fixed part of each total, and what breaks ties.
// score_enterprises scores through it, and so do the re-scorings that explain a class
// (stability.cpp with perturbed weights and benchmarks, what_it_takes.cpp with one firm's
// figures changed): one formula, one place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

struct IndicatorColumn {
  WeightedIndicator weighted;
  // Per firm: the parts that count in the aggregate ratio and the value; NaN where missing
  // (a part missing or the denominator 0: then all three are NaN).
  std::vector<double> numerator, denominator, value;
  double benchmark = 0;  // NaN when there is none
};

struct GroupModel {
  Group group = Group::below;
  double cap = 2.0;
  double benchmark_factor = 1.0;
  std::vector<std::size_t> enterprise;   // index into the results, in their order
  std::vector<IndicatorColumn> columns;  // in configuration order
  std::vector<double> points;            // bonus − deduction
  std::vector<double> bonus, deduction;
  std::vector<unsigned char> vetoed;
  std::vector<double> tax_per_mu;      // NaN when missing (the first tie-break)
  std::vector<std::string_view> uscc;  // the last tie-break (views into the inputs)
  int n_ranked = 0;                    // non-vetoed firms
  std::size_t size() const { return enterprise.size(); }
};

// The rated firms of group g with their indicator values (compute_enterprise_indicators first)
// and each column's benchmark.
GroupModel build_group_model(Group g, const std::vector<Enterprise>& inputs,
                             const std::vector<EnterpriseResult>& enterprises,
                             const ScoringConfig& config);

// Σ numerator / Σ denominator × scale × factor over the firms in order, or the fixed benchmark;
// NaN when there is none.
double column_benchmark(const IndicatorColumn& column, double benchmark_factor);

struct ColumnScore {
  double mean_score = 0;  // what a firm without the indicator receives
  int n_with = 0;
};

// Adds s_i = w × clamp(x / b, 0, cap) of every firm to totals[firm] (the group's mean score for
// firms without the indicator); writes each s_i to scores[firm] when scores is not null.
ColumnScore score_column(const IndicatorColumn& column, double weight, double benchmark, double cap,
                         double* totals, double* scores = nullptr);

// Every firm's total with the given weight and benchmark per column (as score_enterprises adds
// them: columns in order, then bonus − deduction). totals has size() elements.
void score_totals(const GroupModel& model, const double* weights, const double* benchmarks,
                  double* totals);

}  // namespace muyield::method
