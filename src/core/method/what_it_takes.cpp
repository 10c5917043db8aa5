#include "core/method/what_it_takes.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/method/nearby_search.hpp"
#include "core/method/ranking.hpp"
#include "core/method/scoring.hpp"
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
      inputs_(inputs),
      enterprises_(enterprises),
      classes_(classes),
      weights_(model.columns.size()),
      benchmarks_(model.columns.size()),
      means_(model.columns.size()),
      sorted_(model.columns.size()),
      base_totals_(model.size()),
      moves_(model.columns.size()) {
  std::vector<double> base_benchmarks(model.columns.size());
  for (std::size_t c = 0; c < model.columns.size(); ++c) {
    const IndicatorColumn& col = model.columns[c];
    weights_[c] = col.weighted.weight;
    base_benchmarks[c] = col.benchmark;
    moves_[c] = moves_with_tax_or_land(col.weighted.indicator) ? 1 : 0;
    SortedColumn& s = sorted_[c];
    for (std::size_t f = 0; f < model.size(); ++f) {
      if (!std::isnan(col.numerator[f])) {  // as column_benchmark adds them
        s.numerator += col.numerator[f];
        s.denominator += col.denominator[f];
        ++s.count;
      }
      if (std::isnan(col.value[f])) continue;
      ++s.n_with;
      if (col.value[f] > 0) s.positive.push_back(col.value[f]);
    }
    std::sort(s.positive.begin(), s.positive.end());
    s.prefix.resize(s.positive.size() + 1);
    for (std::size_t k = 0; k < s.positive.size(); ++k)
      s.prefix[k + 1] = s.prefix[k] + s.positive[k];
  }
  double group_tax = 0;
  int with_tax = 0;
  for (std::size_t f = 0; f < model.size(); ++f) {
    const auto& tax = at(inputs[enterprises[model.enterprise[f]].input_index].figures, Figure::tax);
    if (tax) group_tax += std::abs(*tax), ++with_tax;
  }
  mean_tax_ = with_tax > 0 ? group_tax / with_tax : 0.0;
  score_totals(model, weights_.data(), base_benchmarks.data(), base_totals_.data());
  for (std::size_t c = 0; c < model.columns.size(); ++c)
    base_means_.push_back(mean_score(c, base_benchmarks[c], std::nan(""), std::nan("")));
  for (std::size_t j = 0; j < model.size(); ++j)
    if (!model.vetoed[j]) by_total_.push_back(j);
  std::sort(by_total_.begin(), by_total_.end(), [&](std::size_t a, std::size_t b) {
    return base_totals_[a] > base_totals_[b] || (base_totals_[a] == base_totals_[b] && a < b);
  });
  position_.assign(model.size(), by_total_.size());
  for (std::size_t k = 0; k < by_total_.size(); ++k) {
    position_[by_total_[k]] = k;
    by_total_values_.push_back(base_totals_[by_total_[k]]);
  }
}

double ClassOracle::mean_score(std::size_t c, double benchmark, double old_x, double new_x) {
  SortedColumn& s = sorted_[c];
  const double w = weights_[c], cap = base_.cap;
  int n = s.n_with - (std::isnan(old_x) ? 0 : 1) + (std::isnan(new_x) ? 0 : 1);
  if (n <= 0 || !(benchmark > 0)) return 0;
  const double limit = cap * benchmark;  // x ≥ limit scores the cap
  const std::size_t k = s.hint =
      partition_point_from(s.positive, s.hint, [limit](double x) { return x < limit; });
  double sum = w * (s.prefix[k] / benchmark + cap * static_cast<double>(s.positive.size() - k));
  if (!std::isnan(old_x)) sum -= indicator_score(old_x, benchmark, w, cap);
  if (!std::isnan(new_x)) sum += indicator_score(new_x, benchmark, w, cap);
  return sum / n;
}

double ClassOracle::total_of(std::size_t j) const {
  double t = 0;
  for (std::size_t c = 0; c < base_.columns.size(); ++c) {
    const double x = base_.columns[c].value[j];
    t += std::isnan(x) ? means_[c] : indicator_score(x, benchmarks_[c], weights_[c], base_.cap);
  }
  return t + base_.points[j];
}

Grade ClassOracle::grade_with(std::size_t f, std::optional<double> tax, double land_mu) {
  last_band_ = 0;
  if (base_.vetoed[f]) return Grade::D;
  Figures figures = inputs_[enterprises_[base_.enterprise[f]].input_index].figures;
  if (tax) at(figures, Figure::tax) = *tax;
  const std::optional<double> land = land_mu > 0 ? std::optional<double>(land_mu) : std::nullopt;
  double own_total = 0, shift = 0;
  for (std::size_t c = 0; c < base_.columns.size(); ++c) {
    const IndicatorColumn& col = base_.columns[c];
    const double old_x = col.value[f];
    double new_x = old_x;
    benchmarks_[c] = col.benchmark;
    if (moves_[c]) {
      const Indicator i = col.weighted.indicator;
      const IndicatorInfo& d = info(i);
      const std::optional<double>& num = at(figures, d.numerator);
      const std::optional<double> den = d.per_mu ? land : at(figures, d.denominator);
      const std::optional<double> x = indicator_value(i, figures, land);
      const bool counts = num && den && *den != 0.0 && x;
      new_x = counts ? *x : std::nan("");
      const SortedColumn& s = sorted_[c];
      RatioSums sums{s.numerator, s.denominator, s.count};
      if (!std::isnan(col.numerator[f])) {
        sums.numerator -= col.numerator[f];
        sums.denominator -= col.denominator[f];
        --sums.count;
      }
      if (counts) sums.add(*num, *den);
      benchmarks_[c] = benchmark_of(col.weighted, sums, base_.benchmark_factor)
                           .value_or(std::numeric_limits<double>::quiet_NaN());
      const double b = benchmarks_[c], b0 = col.benchmark;
      // How far any other firm's score (or the mean score) may have moved; the mean also moves
      // by the firm's own change, at most w·cap / n.
      if (!(b > 0) && !(b0 > 0))
        ;  // no usable benchmark before or after: every score of the column is 0
      else if (b == b0 && (old_x == new_x || (std::isnan(old_x) && std::isnan(new_x))))
        ;
      else if (b > 0 && b0 > 0)
        shift += weights_[c] * base_.cap *
                 (std::abs(b - b0) / std::min(b, b0) + 2.0 / std::max(1, s.n_with - 1));
      else
        shift = std::numeric_limits<double>::infinity();
    }
    // A column that does not move with tax or land keeps its mean whatever is asked.
    means_[c] = moves_[c] ? mean_score(c, benchmarks_[c], old_x, new_x) : base_means_[c];
    own_total += std::isnan(new_x) ? means_[c]
                                   : indicator_score(new_x, benchmarks_[c], weights_[c], base_.cap);
  }
  own_total += base_.points[f];
  if (classes_.method == ClassMethod::thresholds)
    return grade_by_score(own_total, classes_.thresholds(base_.group));
  const RankKey me{own_total, indicator_value(Indicator::tax_per_mu, figures, land), base_.uscc[f]};
  // Others sure to stay ahead (review total above the band) or behind (below it); rounding in
  // the sums is covered by a margin far above it and far below any score difference that counts.
  const double margin = shift + 1e-8 * (1 + std::abs(own_total));  // > rank_total's rounding
  const double band_top = own_total + margin, band_bottom = own_total - margin;
  const std::size_t first_in_band = hint_band_ = partition_point_from(
      by_total_values_, hint_band_, [band_top](double t) { return t >= band_top; });
  const std::size_t first_below = hint_below_ = partition_point_from(
      by_total_values_, hint_below_, [band_bottom](double t) { return t > band_bottom; });
  int ahead = static_cast<int>(first_in_band) - (position_[f] < first_in_band ? 1 : 0);
  for (std::size_t k = first_in_band; k < first_below; ++k) {
    const std::size_t j = by_total_[k];
    if (j == f) continue;
    ++last_band_;
    ahead += ranks_before({total_of(j), nan_to_none(base_.tax_per_mu[j]), base_.uscc[j]}, me);
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
  // More than 100 times what the firm (or, if more, the group's average firm) pays is no plan a
  // firm can be given: past it the answer is "out of reach". The bound also keeps the benchmark
  // moves, and so the oracle's work, small in a large group.
  const double tax_limit = 100 * std::max({1.0, std::abs(tax.value_or(0)), oracle.mean_tax()});
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
                          int threads, Progress* progress) {
  for (EnterpriseResult& e : enterprises) e.takes = WhatItTakes{};
  if (!config.stability.what_it_takes) return;
  // The bar counts the firms asked about: the rated ones (each group's model holds those).
  if (progress)
    progress->begin("enterprises: what it takes",
                    static_cast<std::size_t>(
                        std::count_if(enterprises.begin(), enterprises.end(),
                                      [](const EnterpriseResult& e) { return e.rated(); })));
  for (Group g : kGroups) {
    const GroupModel m = build_group_model(g, inputs, enterprises, config.scoring);
    std::vector<WhatItTakes> out(m.size());
    parallel_chunks(m.size(), std::max(1, threads), [&](int, std::size_t begin, std::size_t end) {
      ClassOracle oracle(m, inputs, enterprises, config.classes);
      for (std::size_t f = begin; f < end; ++f) {
        out[f] = what_it_takes(oracle, m, f, inputs, enterprises, config);
        if (progress && (f - begin) % 1024 == 1023) progress->advance(1024);
      }
    });
    for (std::size_t f = 0; f < m.size(); ++f) enterprises[m.enterprise[f]].takes = out[f];
  }
  if (progress) progress->end();
}

}  // namespace muyield::method
