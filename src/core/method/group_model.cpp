#include "core/method/group_model.hpp"

#include <cmath>
#include <limits>

#include "core/method/scoring.hpp"

namespace muyield::method {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double column_benchmark(const IndicatorColumn& column, double benchmark_factor) {
  RatioSums sums;
  if (!column.weighted.fixed_benchmark)
    for (std::size_t f = 0; f < column.numerator.size(); ++f)
      if (!std::isnan(column.numerator[f])) sums.add(column.numerator[f], column.denominator[f]);
  return benchmark_of(column.weighted, sums, benchmark_factor).value_or(kNaN);
}

GroupModel build_group_model(Group g, const std::vector<Enterprise>& inputs,
                             const std::vector<EnterpriseResult>& enterprises,
                             const ScoringConfig& config) {
  GroupModel m;
  m.group = g;
  m.cap = config.cap;
  m.benchmark_factor = config.benchmark_factor;
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    const EnterpriseResult& e = enterprises[i];
    if (e.group != g || !e.rated()) continue;
    const Enterprise& in = inputs[e.input_index];
    m.enterprise.push_back(i);
    m.bonus.push_back(attribute_points(in.attributes, config.bonus));
    m.deduction.push_back(attribute_points(in.attributes, config.deduction));
    m.points.push_back(m.bonus.back() - m.deduction.back());
    m.vetoed.push_back(e.vetoed ? 1 : 0);
    m.tax_per_mu.push_back(at(e.indicators, Indicator::tax_per_mu).value_or(kNaN));
    m.uscc.push_back(in.uscc);
    m.n_ranked += e.vetoed ? 0 : 1;
  }
  for (const WeightedIndicator& wi : config.group(g).indicators) {
    IndicatorColumn c;
    c.weighted = wi;
    const IndicatorInfo& d = info(wi.indicator);
    for (std::size_t i : m.enterprise) {
      const EnterpriseResult& e = enterprises[i];
      const Figures& figures = inputs[e.input_index].figures;
      const std::optional<double>& num = at(figures, d.numerator);
      const std::optional<double> den =
          d.per_mu ? std::optional<double>(e.land_mu) : at(figures, d.denominator);
      const std::optional<double>& x = at(e.indicators, wi.indicator);
      const bool counts = num && den && *den != 0.0 && x;
      c.numerator.push_back(counts ? *num : kNaN);
      c.denominator.push_back(counts ? *den : kNaN);
      c.value.push_back(counts ? *x : kNaN);
    }
    c.benchmark = column_benchmark(c, config.benchmark_factor);
    m.columns.push_back(std::move(c));
  }
  return m;
}

ColumnScore score_column(const IndicatorColumn& column, double weight, double benchmark, double cap,
                         double* totals, double* scores) {
  const std::size_t n = column.value.size();
  const double* x = column.value.data();
  double sum = 0;
  int n_with = 0;
  for (std::size_t f = 0; f < n; ++f) {
    if (std::isnan(x[f])) continue;
    const double s = indicator_score(x[f], benchmark, weight, cap);
    totals[f] += s;
    sum += s;
    ++n_with;
    if (scores) scores[f] = s;
  }
  // A firm without the indicator gets the mean score of those that have it (0 if none do).
  const double mean = n_with > 0 ? sum / n_with : 0.0;
  if (n_with < static_cast<int>(n)) {
    for (std::size_t f = 0; f < n; ++f) {
      if (!std::isnan(x[f])) continue;
      totals[f] += mean;
      if (scores) scores[f] = mean;
    }
  }
  return {mean, n_with};
}

void score_totals(const GroupModel& m, const double* weights, const double* benchmarks,
                  double* totals) {
  const std::size_t n = m.size();
  std::fill(totals, totals + n, 0.0);
  for (std::size_t c = 0; c < m.columns.size(); ++c)
    score_column(m.columns[c], weights[c], benchmarks[c], m.cap, totals);
  for (std::size_t f = 0; f < n; ++f) totals[f] += m.points[f];
}

}  // namespace muyield::method
