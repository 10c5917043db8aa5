// METHOD.md §3: per-enterprise and per-parcel indicators.
#pragma once

#include <vector>

#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// Every indicator of every enterprise; those on land are missing without land.
void compute_enterprise_indicators(const std::vector<Enterprise>& inputs,
                                   std::vector<EnterpriseResult>& enterprises);

// The (P) indicators of every parcel from its spread figures; 0 on unoccupied parcels.
void compute_parcel_indicators(std::vector<ParcelResult>& parcels);

}  // namespace muyield::method
