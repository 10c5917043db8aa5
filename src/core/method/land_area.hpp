// METHOD.md §1 as a stage: parcel ids checked, geometry repaired, measured on the ellipsoid (or
// in its Gauss-Krüger zone), registered area compared.
#pragma once

#include <vector>

#include "muyield/config.hpp"
#include "muyield/issue.hpp"
#include "muyield/model.hpp"
#include "muyield/progress.hpp"
#include "muyield/result.hpp"

namespace muyield::method {

struct PreparedParcels {
  std::vector<ParcelResult> parcels;  // kept, in input order
  Issues issues;                      // in input order
  long rejected = 0;
};

// `need_planar`: compute planar_m2 even when the area method is geodesic (building form needs
// it). Throws geometry::CrsError when the CRS cannot be transformed at all.
PreparedParcels prepare_parcels(const std::vector<Parcel>& inputs, const Crs& crs,
                                const ReviewConfig& config, bool need_planar, int threads,
                                Progress* progress);

}  // namespace muyield::method
