// The indicators of METHOD.md §3: one table that names each ratio and its parts.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "muyield/figure.hpp"

namespace muyield {

enum class Indicator : int {
  tax_per_mu,
  revenue_per_mu,
  output_per_mu,
  va_per_mu,
  va_per_energy,
  va_per_emission,
  labor_productivity,
  rd_intensity,
  tax_per_kwh,
};
inline constexpr int kIndicatorCount = 9;
inline constexpr std::array<Indicator, kIndicatorCount> kAllIndicators = {
    Indicator::tax_per_mu,         Indicator::revenue_per_mu, Indicator::output_per_mu,
    Indicator::va_per_mu,          Indicator::va_per_energy,  Indicator::va_per_emission,
    Indicator::labor_productivity, Indicator::rd_intensity,   Indicator::tax_per_kwh};

using Indicators = std::array<std::optional<double>, kIndicatorCount>;
inline std::optional<double>& at(Indicators& v, Indicator k) { return v[static_cast<int>(k)]; }
inline const std::optional<double>& at(const Indicators& v, Indicator k) {
  return v[static_cast<int>(k)];
}

struct IndicatorInfo {
  std::string_view key;    // e.g. "tax_per_mu"
  std::string_view label;  // e.g. "亩均税收"
  std::string_view unit;   // e.g. "万元/亩"
  Figure numerator;
  // The denominator is a figure, or the land in mu when `per_mu`.
  bool per_mu;
  Figure denominator;  // ignored when per_mu
  double scale;        // tax_per_kwh: 万元 → 元 (×10000)
  bool per_parcel;     // marked (P) in §3
};
const IndicatorInfo& info(Indicator i);
std::optional<Indicator> indicator_from_key(std::string_view key);

// numerator / denominator × scale, or missing when a part is missing or the denominator is 0.
std::optional<double> indicator_value(Indicator i, const Figures& figures,
                                      std::optional<double> land_mu);

}  // namespace muyield
