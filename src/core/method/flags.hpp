// METHOD.md §8: underused-land flags with reasons a planner can read aloud, and potentials.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// Σ parcel tax / Σ area_mu over each park's occupied parcels (the LOW_YIELD yardstick).
std::map<std::string, double> park_tax_per_mu(const std::vector<Parcel>& parcel_inputs,
                                              const std::vector<ParcelResult>& parcels);

struct FlagContext {
  const std::vector<Parcel>& parcel_inputs;
  const std::vector<Enterprise>& enterprise_inputs;
  const std::vector<EnterpriseResult>& enterprises;
  bool has_buildings;
  Date evaluation_date;
  const ReviewConfig& config;
};

// Sets flags, flag_reasons and the potentials of every parcel.
void raise_flags(const FlagContext& ctx, std::vector<ParcelResult>& parcels);

}  // namespace muyield::method
