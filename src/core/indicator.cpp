#include "muyield/indicator.hpp"

namespace muyield {

const IndicatorInfo& info(Indicator i) {
  using F = Figure;
  static const IndicatorInfo kInfo[kIndicatorCount] = {
      {"tax_per_mu", "亩均税收", "万元/亩", F::tax, true, F::tax, 1.0, true},
      {"revenue_per_mu", "亩均营业收入", "万元/亩", F::revenue, true, F::revenue, 1.0, true},
      {"output_per_mu", "亩均产值", "万元/亩", F::output_value, true, F::output_value, 1.0, true},
      {"va_per_mu", "亩均增加值", "万元/亩", F::value_added, true, F::value_added, 1.0, true},
      {"va_per_energy", "单位能耗增加值", "万元/吨标煤", F::value_added, false, F::energy_tce, 1.0,
       false},
      {"va_per_emission", "单位排放增加值", "万元/吨", F::value_added, false, F::emissions_t, 1.0,
       false},
      {"labor_productivity", "全员劳动生产率", "万元/人", F::value_added, false, F::employees, 1.0,
       false},
      {"rd_intensity", "研发经费投入强度", "", F::rd_expense, false, F::revenue, 1.0, false},
      {"tax_per_kwh", "单位电耗税收", "元/kWh", F::tax, false, F::electricity_kwh, 10000.0, false},
  };
  return kInfo[static_cast<int>(i)];
}

std::optional<Indicator> indicator_from_key(std::string_view key) {
  for (Indicator i : kAllIndicators)
    if (info(i).key == key) return i;
  return std::nullopt;
}

std::optional<double> indicator_value(Indicator i, const Figures& figures,
                                      std::optional<double> land_mu) {
  const IndicatorInfo& d = info(i);
  const std::optional<double>& num = at(figures, d.numerator);
  const std::optional<double> den = d.per_mu ? land_mu : at(figures, d.denominator);
  if (!num || !den || *den == 0.0) return std::nullopt;
  return *num * d.scale / *den;
}

}  // namespace muyield
