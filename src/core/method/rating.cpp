#include "core/method/rating.hpp"

#include <algorithm>

#include "core/method/industry.hpp"

namespace muyield::method {

Group group_of(const Enterprise& e, const RatingConfig& config) {
  // METHOD.md §10: the flag decides when given; the revenue rule only when it is empty.
  if (e.above_scale) return *e.above_scale ? Group::above : Group::below;
  const std::optional<double>& revenue = at(e.figures, Figure::revenue);
  return revenue && *revenue >= config.above_revenue_threshold ? Group::above : Group::below;
}

UnratedReason unrated_reason(const Enterprise& e, const EnterpriseResult& r, int year,
                             const RatingConfig& config) {
  if (r.land_mu <= 0) return UnratedReason::no_land;
  const std::string division = industry_division(e.industry_code);
  if (!division.empty() && std::find(config.exempt_divisions.begin(), config.exempt_divisions.end(),
                                     division) != config.exempt_divisions.end())
    return UnratedReason::exempt_industry;
  // Started after 31 December of (year − ramp_up_years): still ramping up.
  if (e.production_start && *e.production_start > Date{year - config.ramp_up_years, 12, 31})
    return UnratedReason::ramp_up;
  if (r.group == Group::below && r.land_mu < config.min_land_mu) return UnratedReason::small_land;
  return UnratedReason::none;
}

void rate_enterprises(const std::vector<Enterprise>& inputs,
                      std::vector<EnterpriseResult>& enterprises, int year,
                      const RatingConfig& config) {
  for (EnterpriseResult& r : enterprises) {
    const Enterprise& e = inputs[r.input_index];
    r.group = group_of(e, config);
    r.unrated = unrated_reason(e, r, year, config);
    // An enterprise that is both vetoed and unrated is unrated (METHOD.md §10).
    r.vetoed = r.rated() && !e.veto.empty();
  }
}

}  // namespace muyield::method
