#include "core/method/scoring.hpp"

#include <algorithm>

namespace muyield::method {

double indicator_score(double x, double benchmark, double weight, double cap) {
  if (!(benchmark > 0)) return 0;
  return weight * std::clamp(x / benchmark, 0.0, cap);
}

void RatioSums::add(Indicator i, const Figures& figures, double land_mu) {
  const IndicatorInfo& d = info(i);
  const std::optional<double>& num = at(figures, d.numerator);
  const std::optional<double> den =
      d.per_mu ? std::optional<double>(land_mu) : at(figures, d.denominator);
  if (!num || !den || *den == 0.0) return;
  numerator += *num;
  denominator += *den;
  ++count;
}

std::optional<double> RatioSums::ratio(Indicator i) const {
  if (count == 0 || denominator == 0.0) return std::nullopt;
  return numerator * info(i).scale / denominator;
}

namespace {

// Σ points of the attributes that are true for the firm.
double points(const std::map<std::string, bool, std::less<>>& attributes,
              const std::map<std::string, double>& table) {
  double sum = 0;
  for (const auto& [attribute, value] : table) {
    auto it = attributes.find(attribute);
    if (it != attributes.end() && it->second) sum += value;
  }
  return sum;
}

void score_group(Group g, const std::vector<Enterprise>& inputs,
                 std::vector<EnterpriseResult>& enterprises, const ScoringConfig& config,
                 std::vector<GroupBenchmark>& benchmarks, Issues& issues) {
  std::vector<EnterpriseResult*> rated;
  for (EnterpriseResult& e : enterprises)
    if (e.group == g && e.rated()) rated.push_back(&e);

  for (EnterpriseResult* e : rated) {
    e->scores.fill(std::nullopt);
    e->score_from_mean.fill(false);
    e->total = 0;
  }
  for (const WeightedIndicator& wi : config.group(g).indicators) {
    const Indicator i = wi.indicator;
    GroupBenchmark b{g, i, wi.weight, std::nullopt, wi.fixed_benchmark.has_value(), 0, 0};
    if (wi.fixed_benchmark) {
      b.benchmark = *wi.fixed_benchmark;
    } else {
      RatioSums sums;
      for (const EnterpriseResult* e : rated)
        sums.add(i, inputs[e->input_index].figures, e->land_mu);
      if (auto r = sums.ratio(i)) b.benchmark = *r * config.benchmark_factor;
    }
    if (!rated.empty() && (!b.benchmark || !(*b.benchmark > 0))) {
      issues.push_back(Issue{
          "review", "", std::string(info(i).key), b.benchmark ? std::to_string(*b.benchmark) : "",
          "组 " + std::string(group_key(g)) +
              " 的基准值不为正，该指标得分均为0 / "
              "the benchmark of " +
              std::string(info(i).key) + " in group " + std::string(group_key(g)) +
              " is missing or not positive: every firm scores 0 on it",
          Severity::warning, false});
    }
    double sum = 0;
    for (EnterpriseResult* e : rated) {
      const std::optional<double>& x = at(e->indicators, i);
      if (!x) continue;
      const double s = b.benchmark ? indicator_score(*x, *b.benchmark, wi.weight, config.cap) : 0;
      e->scores[static_cast<int>(i)] = s;
      sum += s;
      ++b.n_with;
    }
    // A firm without the indicator gets the mean score of those that have it (0 if none do).
    b.mean_score = b.n_with > 0 ? sum / b.n_with : 0.0;
    for (EnterpriseResult* e : rated) {
      auto& s = e->scores[static_cast<int>(i)];
      if (!s) {
        s = b.mean_score;
        e->score_from_mean[static_cast<int>(i)] = true;
      }
      *e->total += *s;
    }
    benchmarks.push_back(b);
  }
  for (EnterpriseResult* e : rated) {
    const Enterprise& in = inputs[e->input_index];
    e->bonus = points(in.attributes, config.bonus);
    e->deduction = points(in.attributes, config.deduction);
    *e->total += e->bonus - e->deduction;
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
