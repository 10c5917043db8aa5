// METHOD.md §4: groups (规上/规下) and who is not rated, with the reason.
#pragma once

#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

Group group_of(const Enterprise& e, const RatingConfig& config);

// The first reason that applies (no_land, exempt_industry, ramp_up, small_land), or none.
UnratedReason unrated_reason(const Enterprise& e, const EnterpriseResult& r, int year,
                             const RatingConfig& config);

// Sets group, unrated and vetoed of every enterprise.
void rate_enterprises(const std::vector<Enterprise>& inputs,
                      std::vector<EnterpriseResult>& enterprises, int year,
                      const RatingConfig& config);

}  // namespace muyield::method
