#include "core/method/scoring.hpp"

#include <cmath>

#include "core/method/group_model.hpp"

namespace muyield::method {

void RatioSums::add(Indicator i, const Figures& figures, double land_mu) {
  const IndicatorInfo& d = info(i);
  const std::optional<double>& num = at(figures, d.numerator);
  const std::optional<double> den =
      d.per_mu ? std::optional<double>(land_mu) : at(figures, d.denominator);
  if (!num || !den || *den == 0.0) return;
  add(*num, *den);
}

void RatioSums::add(double num, double den) {
  numerator += num;
  denominator += den;
  ++count;
}

std::optional<double> RatioSums::ratio(Indicator i) const {
  if (count == 0 || denominator == 0.0) return std::nullopt;
  return numerator * info(i).scale / denominator;
}

std::optional<double> benchmark_of(const WeightedIndicator& wi, const RatioSums& sums,
                                   double benchmark_factor) {
  if (wi.fixed_benchmark) return *wi.fixed_benchmark;
  if (auto r = sums.ratio(wi.indicator)) return *r * benchmark_factor;
  return std::nullopt;
}

double attribute_points(const std::map<std::string, bool, std::less<>>& attributes,
                        const std::map<std::string, double>& table) {
  double sum = 0;
  for (const auto& [attribute, value] : table) {
    auto it = attributes.find(attribute);
    if (it != attributes.end() && it->second) sum += value;
  }
  return sum;
}

namespace {

void score_group(Group g, const std::vector<Enterprise>& inputs,
                 std::vector<EnterpriseResult>& enterprises, const ScoringConfig& config,
                 std::vector<GroupBenchmark>& benchmarks, Issues& issues) {
  const GroupModel m = build_group_model(g, inputs, enterprises, config);
  std::vector<double> totals(m.size(), 0.0), scores(m.size(), 0.0);
  for (std::size_t f = 0; f < m.size(); ++f) {
    EnterpriseResult& e = enterprises[m.enterprise[f]];
    e.scores.fill(std::nullopt);
    e.score_from_mean.fill(false);
  }
  for (const IndicatorColumn& c : m.columns) {
    const WeightedIndicator& wi = c.weighted;
    const Indicator i = wi.indicator;
    GroupBenchmark b{g, i, wi.weight, std::nullopt, wi.fixed_benchmark.has_value(), 0, 0};
    if (!std::isnan(c.benchmark)) b.benchmark = c.benchmark;
    if (m.size() > 0 && (!b.benchmark || !(*b.benchmark > 0))) {
      issues.push_back(Issue{
          "review", "", std::string(info(i).key), b.benchmark ? std::to_string(*b.benchmark) : "",
          "组 " + std::string(group_key(g)) +
              " 的基准值不为正，该指标得分均为0 / "
              "the benchmark of " +
              std::string(info(i).key) + " in group " + std::string(group_key(g)) +
              " is missing or not positive: every firm scores 0 on it",
          Severity::warning, false});
    }
    const ColumnScore cs =
        score_column(c, wi.weight, c.benchmark, config.cap, totals.data(), scores.data());
    b.mean_score = cs.mean_score;
    b.n_with = cs.n_with;
    for (std::size_t f = 0; f < m.size(); ++f) {
      EnterpriseResult& e = enterprises[m.enterprise[f]];
      e.scores[static_cast<int>(i)] = scores[f];
      e.score_from_mean[static_cast<int>(i)] = std::isnan(c.value[f]);
    }
    benchmarks.push_back(b);
  }
  for (std::size_t f = 0; f < m.size(); ++f) {
    EnterpriseResult& e = enterprises[m.enterprise[f]];
    e.bonus = m.bonus[f];
    e.deduction = m.deduction[f];
    e.total = totals[f] + m.points[f];
  }
}

}  // namespace

std::vector<GroupBenchmark> score_enterprises(const std::vector<Enterprise>& inputs,
                                              std::vector<EnterpriseResult>& enterprises,
                                              const ScoringConfig& config, Issues& issues) {
  std::vector<GroupBenchmark> benchmarks;
  for (Group g : kGroups) score_group(g, inputs, enterprises, config, benchmarks, issues);
  return benchmarks;
}

}  // namespace muyield::method
