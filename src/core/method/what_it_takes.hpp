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
// threshold of the exact piecewise function to within 10⁻⁹. Extra tax is searched up to 100 times
// what the firm (or the group's average firm, if more) pays; a firm that needs more is told it is
// out of reach.
#pragma once

#include <vector>

#include "core/method/group_model.hpp"
#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/progress.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// The class of one firm after a change of its own tax and land, other firms unchanged: the same
// figures as re-scoring the whole group (score_totals) and ranking the firm among the others, but
// without the O(n) work per question, so that a group of 10⁵ firms is answered in seconds:
// - benchmarks from the group's sums with the firm's old parts taken out and its new parts put in;
// - the mean score (for firms without an indicator) from the column's sorted values and prefix
//   sums: Σ clamp(x/b, 0, cap) = Σ_{0<x<cap·b} x / b + cap · #{x ≥ cap·b};
// - the others' totals move only through the benchmarks of the columns the change touches, and a
//   score w·clamp(x/b, 0, cap) moves by at most w·cap·|b − b₀| / min(b, b₀) when b₀ becomes b
//   (clamp is 1-Lipschitz, and only x < cap·max(b, b₀) moves). So the others whose review total
//   is further than that bound from the firm's new total keep their side of it; only the few
//   inside the band are re-scored exactly. One oracle per thread.
class ClassOracle {
 public:
  ClassOracle(const GroupModel& model, const std::vector<Enterprise>& inputs,
              const std::vector<EnterpriseResult>& enterprises, const ClassConfig& classes);
  // Firm f (model index) with the given tax (万元; none = as is, possibly missing) and land (亩).
  Grade grade_with(std::size_t f, std::optional<double> tax, double land_mu);
  // How many other firms were re-scored in the last question (for tests and benchmarks).
  std::size_t last_band() const { return last_band_; }
  // The group's average tax per firm that reports it (万元).
  double mean_tax() const { return mean_tax_; }

 private:
  struct SortedColumn {
    std::vector<double> positive;           // the firms' values > 0, ascending
    std::vector<double> prefix;             // prefix[k] = Σ positive[0..k)
    int n_with = 0;                         // firms with the value (any sign)
    double numerator = 0, denominator = 0;  // the aggregate ratio's sums
    int count = 0;
    std::size_t hint = 0;  // where the last search of `positive` ended
  };
  double mean_score(std::size_t c, double benchmark, double old_x, double new_x);
  double total_of(std::size_t j) const;  // firm j's total with benchmarks_ and means_

  const GroupModel& base_;
  const std::vector<Enterprise>& inputs_;
  const std::vector<EnterpriseResult>& enterprises_;
  const ClassConfig& classes_;
  std::vector<double> weights_, benchmarks_, means_;
  std::vector<double> base_means_;  // per column, the review's mean score
  std::vector<SortedColumn> sorted_;
  std::vector<double> base_totals_;      // every firm's review total (score_totals)
  std::vector<std::size_t> by_total_;    // non-vetoed firms, base total descending
  std::vector<double> by_total_values_;  // their totals, in that order
  std::vector<std::size_t> position_;    // firm → index in by_total_ (size() if vetoed)
  std::vector<unsigned char> moves_;     // per column: moves with the firm's tax or land
  std::size_t last_band_ = 0;
  std::size_t hint_band_ = 0, hint_below_ = 0;  // where the last searches of by_total_values_ ended
  double mean_tax_ = 0;
};

// WhatItTakes of firm f (model index) of the group.
WhatItTakes what_it_takes(ClassOracle& oracle, const GroupModel& model, std::size_t f,
                          const std::vector<Enterprise>& inputs,
                          const std::vector<EnterpriseResult>& enterprises,
                          const ReviewConfig& config);

// Sets EnterpriseResult::takes of every rated firm (needs ranked firms); parallel over firms.
void assess_what_it_takes(const std::vector<Enterprise>& inputs,
                          std::vector<EnterpriseResult>& enterprises, const ReviewConfig& config,
                          int threads, Progress* progress = nullptr);

}  // namespace muyield::method
