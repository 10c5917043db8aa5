#include "core/method/what_it_takes.hpp"

#include <algorithm>
#include <cmath>

#include "core/method/ranking.hpp"
#include "core/parallel.hpp"

namespace muyield::method {

namespace {

std::optional<double> nan_to_none(double v) {
  return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}

// Does the indicator move when the firm's tax or land changes?
bool moves_with_tax_or_land(Indicator i) {
  const IndicatorInfo& d = info(i);
  return d.per_mu || d.numerator == Figure::tax || d.denominator == Figure::tax;
}

// The smallest t in (0, limit] with reaches(t), for reaches monotone in t (false → true); none
// when reaches(limit) is false. Doubling from `scale`, then bisection to 10⁻⁹ (relative, or
// absolute below 1); returns the upper end of the final bracket, where reaches() is true.
template <class Reaches>
std::optional<double> smallest_change(Reaches&& reaches, double scale, double limit) {
  if (!(limit > 0)) return std::nullopt;
  double lo = 0, hi = std::min(std::max(scale, 1e-9), limit);
  while (!reaches(hi)) {
    if (hi >= limit) return std::nullopt;
    lo = hi;
    hi = std::min(hi * 2, limit);
  }
  while (hi - lo > 1e-9 * std::max(1.0, hi)) {
    const double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    (reaches(mid) ? hi : lo) = mid;
  }
  return hi;
}

ClassChange change(std::optional<double> amount) {
  return amount ? ClassChange{ClassChange::Why::found, amount}
                : ClassChange{ClassChange::Why::out_of_reach, std::nullopt};
}

int index(Grade g) { return static_cast<int>(g); }  // A 0 … D 3

}  // namespace

ClassOracle::ClassOracle(const GroupModel& model, const std::vector<Enterprise>& inputs,
                         const std::vector<EnterpriseResult>& enterprises,
                         const ClassConfig& classes)
    : base_(model),
      work_(model),
      inputs_(inputs),
      enterprises_(enterprises),
      classes_(classes),
      weights_(model.columns.size()),
      benchmarks_(model.columns.size()),
      totals_(model.size()) {
  for (std::size_t c = 0; c < model.columns.size(); ++c)
    weights_[c] = model.columns[c].weighted.weight;
}

Grade ClassOracle::grade_with(std::size_t f, std::optional<double> tax, double land_mu) {
  if (base_.vetoed[f]) return Grade::D;
  Figures figures = inputs_[enterprises_[base_.enterprise[f]].input_index].figures;
  if (tax) at(figures, Figure::tax) = *tax;
  const std::optional<double> land = land_mu > 0 ? std::optional<double>(land_mu) : std::nullopt;
  for (std::size_t c = 0; c < work_.columns.size(); ++c) {
    IndicatorColumn& col = work_.columns[c];
    const Indicator i = col.weighted.indicator;
    if (!moves_with_tax_or_land(i)) {
      benchmarks_[c] = col.benchmark;
      continue;
    }
    const IndicatorInfo& d = info(i);
    const std::optional<double>& num = at(figures, d.numerator);
    const std::optional<double> den = d.per_mu ? land : at(figures, d.denominator);
    const std::optional<double> x = indicator_value(i, figures, land);
    const bool counts = num && den && *den != 0.0 && x;
    col.numerator[f] = counts ? *num : std::nan("");
    col.denominator[f] = counts ? *den : std::nan("");
    col.value[f] = counts ? *x : std::nan("");
    benchmarks_[c] = column_benchmark(col, work_.benchmark_factor);
  }
  score_totals(work_, weights_.data(), benchmarks_.data(), totals_.data());
  for (std::size_t c = 0; c < work_.columns.size(); ++c) {  // back to the review's figures
    IndicatorColumn& col = work_.columns[c];
    const IndicatorColumn& was = base_.columns[c];
    col.numerator[f] = was.numerator[f];
    col.denominator[f] = was.denominator[f];
    col.value[f] = was.value[f];
  }
  if (classes_.method == ClassMethod::thresholds)
    return grade_by_score(totals_[f], classes_.thresholds(base_.group));
  const RankKey me{totals_[f], indicator_value(Indicator::tax_per_mu, figures, land),
                   base_.uscc[f]};
  int ahead = 0;
  for (std::size_t j = 0; j < base_.size(); ++j) {
    if (j == f || base_.vetoed[j]) continue;
    ahead += ranks_before({totals_[j], nan_to_none(base_.tax_per_mu[j]), base_.uscc[j]}, me);
  }
  return grade_by_rank(ahead + 1, rank_cutoffs(base_.n_ranked, classes_));
}

WhatItTakes what_it_takes(ClassOracle& oracle, const GroupModel& model, std::size_t f,
                          const std::vector<Enterprise>& inputs,
                          const std::vector<EnterpriseResult>& enterprises,
                          const ReviewConfig& config) {
  WhatItTakes w;
  const EnterpriseResult& e = enterprises[model.enterprise[f]];
  if (!e.rated() || e.vetoed || e.grade == Grade::unrated) return w;
  const std::optional<double> tax = at(inputs[e.input_index].figures, Figure::tax);
  const double land = e.land_mu;
  const int now = index(e.grade);
  const double tax_scale = std::max(1.0, std::abs(tax.value_or(0))) * 0.01;
  double tax_limit = 1.0;  // far beyond any group's total: past it, shares no longer move
  for (const IndicatorColumn& c : model.columns)
    for (double v : c.numerator)
      if (!std::isnan(v)) tax_limit += std::abs(v);
  tax_limit *= 1e6;
  // Land that may be handed back: the firm stays rated (METHOD.md §4: min_land_mu in group
  // below; some land in group above).
  const double land_limit =
      model.group == Group::below ? land - config.rating.min_land_mu : land * (1 - 1e-9);

  auto extra_tax_with_land = [&](double land_now) {
    return smallest_change(
        [&](double t) { return index(oracle.grade_with(f, *tax + t, land_now)) < now; }, tax_scale,
        tax_limit);
  };

  if (now > index(Grade::A)) {
    w.next = static_cast<Grade>(now - 1);
    if (tax)
      w.extra_tax = change(extra_tax_with_land(land));
    else
      w.extra_tax.why = ClassChange::Why::missing_figure;
    const std::optional<double> back = smallest_change(
        [&](double l) { return index(oracle.grade_with(f, std::nullopt, land - l)) < now; },
        land * 0.01, land_limit);
    w.land_to_return = change(back);
    if (now >= index(Grade::C)) {
      const double plan_land = 0.5 * (back ? *back : std::max(0.0, land_limit));
      w.plan_land = {ClassChange::Why::found, plan_land};
      if (tax)
        w.plan_tax = change(extra_tax_with_land(land - plan_land));
      else
        w.plan_tax.why = ClassChange::Why::missing_figure;
    }
  }
  if (now < index(Grade::D)) {
    w.falls_to = static_cast<Grade>(now + 1);
    if (!tax)
      w.tax_margin.why = ClassChange::Why::missing_figure;
    else
      w.tax_margin = change(smallest_change(
          [&](double t) { return index(oracle.grade_with(f, *tax - t, land)) > now; },
          std::max(1.0, std::abs(*tax)) * 0.01, *tax));
  }
  return w;
}

void assess_what_it_takes(const std::vector<Enterprise>& inputs,
                          std::vector<EnterpriseResult>& enterprises, const ReviewConfig& config,
                          int threads) {
  for (EnterpriseResult& e : enterprises) e.takes = WhatItTakes{};
  if (!config.stability.what_it_takes) return;
  for (Group g : kGroups) {
    const GroupModel m = build_group_model(g, inputs, enterprises, config.scoring);
    std::vector<WhatItTakes> out(m.size());
    parallel_chunks(m.size(), std::max(1, threads), [&](int, std::size_t begin, std::size_t end) {
      ClassOracle oracle(m, inputs, enterprises, config.classes);
      for (std::size_t f = begin; f < end; ++f)
        out[f] = what_it_takes(oracle, m, f, inputs, enterprises, config);
    });
    for (std::size_t f = 0; f < m.size(); ++f) enterprises[m.enterprise[f]].takes = out[f];
  }
}

}  // namespace muyield::method
