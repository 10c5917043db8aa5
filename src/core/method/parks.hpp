// METHOD.md §9: the park summary (开发区土地集约利用 style), per park and for "all".
#pragma once

#include <vector>

#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// One row per park (sorted by name) and a last row "all".
std::vector<ParkSummary> summarize_parks(const std::vector<Parcel>& parcel_inputs,
                                         const std::vector<ParcelResult>& parcels,
                                         const std::vector<EnterpriseResult>& enterprises,
                                         bool has_buildings);

}  // namespace muyield::method
