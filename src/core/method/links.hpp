// METHOD.md §2: who occupies which land. Links come from the links table, else the holder code,
// else the enterprise's location point (first source that gives any link wins, per parcel).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "muyield/issue.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

// Enterprise index (into ReviewResult::enterprises) by normalised uscc.
using UsccIndex = std::unordered_map<std::string, std::size_t>;

struct LinkInputs {
  const std::vector<Parcel>& parcel_inputs;          // ReviewInput::parcels
  const std::vector<Enterprise>& enterprise_inputs;  // ReviewInput::enterprises
  const std::vector<Link>& links;
  const UsccIndex& enterprise_by_uscc;
  // Enterprise locations in the parcels' CRS, aligned with ReviewResult::enterprises; tested
  // against the repaired parcel geometry in that CRS, so "on the boundary" means exactly that.
  const std::vector<std::optional<Point>>& locations;
};

// Fills occupants and link_source of every parcel; appends issues (rejected link rows, share
// sums over 1, holder codes that match no enterprise of the year).
void link_parcels(const LinkInputs& in, std::vector<ParcelResult>& parcels,
                  const std::vector<EnterpriseResult>& enterprises, Issues& issues);

// land_mu, n_parcels and park of every enterprise from the parcels' occupants.
void assign_land(const std::vector<Parcel>& parcel_inputs, const std::vector<ParcelResult>& parcels,
                 std::vector<EnterpriseResult>& enterprises);

// Spread figures: each occupant's figures onto its parcels in proportion to its land there.
void spread_figures(const std::vector<Enterprise>& enterprise_inputs,
                    const std::vector<EnterpriseResult>& enterprises,
                    std::vector<ParcelResult>& parcels);

}  // namespace muyield::method
