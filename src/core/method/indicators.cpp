#include "core/method/indicators.hpp"

namespace muyield::method {

void compute_enterprise_indicators(const std::vector<Enterprise>& inputs,
                                   std::vector<EnterpriseResult>& enterprises) {
  for (EnterpriseResult& e : enterprises) {
    const std::optional<double> land =
        e.land_mu > 0 ? std::optional<double>(e.land_mu) : std::nullopt;
    for (Indicator i : kAllIndicators)
      at(e.indicators, i) = indicator_value(i, inputs[e.input_index].figures, land);
  }
}

void compute_parcel_indicators(std::vector<ParcelResult>& parcels) {
  for (ParcelResult& p : parcels) {
    for (Indicator i : kAllIndicators) {
      if (!info(i).per_parcel) continue;
      // METHOD.md §10: per-mu indicators of an unoccupied parcel are 0, not missing.
      at(p.indicators, i) = p.occupied() ? indicator_value(i, p.figures, p.area_mu) : 0.0;
    }
  }
}

}  // namespace muyield::method
