// METHOD.md §6: ranks and classes of enterprises (within their group) and of parcels.
#pragma once

#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// round(share × n), half away from zero on the decimal product (10⁻⁹ tolerance), so that
// 0.95 × 150 = 142.5 gives 143 although the binary product is 142.4999….
int class_cutoff(double share, int n);

// The last rank of A, B and C among n non-vetoed firms (ClassMethod::shares).
struct RankCutoffs {
  int a = 0, b = 0, c = 0;
};
RankCutoffs rank_cutoffs(int n, const ClassConfig& config);
Grade grade_by_rank(int k, const RankCutoffs& cutoffs);
Grade grade_by_score(double total, const ClassConfig::Thresholds& thresholds);

// The total as ranks compare it: rounded to 10⁻⁹ points. Totals that are equal in exact
// arithmetic can differ in their last bits with the order of the sum (capped scores, means, bonus
// points); compared raw, float noise would break their tie instead of tax_per_mu (METHOD.md §6).
// Monotone, so the order stays a strict weak order.
inline double rank_total(double total) { return std::round(total * 1e9) / 1e9; }

// What orders two firms of a group: total descending (as rank_total), then tax_per_mu descending
// (missing last), then uscc ascending.
struct RankKey {
  double total = 0;
  std::optional<double> tax_per_mu;
  std::string_view uscc;
};
bool ranks_before(const RankKey& a, const RankKey& b);
// The tie-break alone (tax_per_mu, uscc), for when totals are equal.
bool ties_before(const RankKey& a, const RankKey& b);

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
