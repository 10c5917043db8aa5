// METHOD.md §6: ranks and classes of enterprises (within their group) and of parcels.
#pragma once

#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// round(share × n), half away from zero on the decimal product (10⁻⁹ tolerance), so that
// 0.95 × 150 = 142.5 gives 143 although the binary product is 142.4999….
int class_cutoff(double share, int n);

// How bad a class is, for "ties go to the worse class": D 4 … A 1, unrated 0.
int badness(Grade g);

// Ranks every rated enterprise within its group and gives its class (vetoed → D, ranked after
// the others). Needs scores (scoring.hpp).
void rank_enterprises(const std::vector<Enterprise>& inputs,
                      std::vector<EnterpriseResult>& enterprises, const ClassConfig& config);

// Main occupant and class of every parcel; needs ranked enterprises.
void classify_parcels(const std::vector<Enterprise>& inputs,
                      const std::vector<EnterpriseResult>& enterprises,
                      std::vector<ParcelResult>& parcels);

// Ranks occupied parcels by tax_per_mu, within their park and overall (ties: parcel_id).
void rank_parcels(const std::vector<Parcel>& parcel_inputs, std::vector<ParcelResult>& parcels);

}  // namespace muyield::method
