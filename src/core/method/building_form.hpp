// METHOD.md §7 as a stage: buildings repaired, projected into each parcel's GK zone, clipped and
// summed into footprint, floor area, coverage (建筑系数) and FAR (容积率).
#pragma once

#include <optional>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/issue.hpp"
#include "muyield/model.hpp"
#include "muyield/progress.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// Floors counted for floor area: the floors field; else ⌈height / storey height⌉; with both, a
// storey above tall_storey_m (height / floors) counts double. None when neither is usable.
std::optional<double> effective_floors(const Building& b, const BuildingConfig& config);

struct BuildingFormOutcome {
  Issues issues;
  long used = 0;
  long rejected = 0;
};

// Fills n_buildings, footprint_m2, floor_area_m2, coverage and far of every parcel (which must
// have planar_m2). Without a buildings layer nothing is filled. When `spent` is given (it is
// input.buildings, owned by a caller that needs them no more) the buildings as read are freed
// once prepared: the overlay's peak memory then holds them once, not twice.
BuildingFormOutcome compute_building_form(const ReviewInput& input,
                                          std::vector<ParcelResult>& parcels,
                                          const BuildingConfig& config, int threads,
                                          Progress* progress,
                                          std::vector<Building>* spent = nullptr);

// industry_division and far_min of every parcel, from its main occupant's industry code.
void assign_far_minimums(const std::vector<Enterprise>& enterprise_inputs,
                         const std::vector<EnterpriseResult>& enterprises,
                         std::vector<ParcelResult>& parcels, const BuildingConfig& config);

}  // namespace muyield::method
