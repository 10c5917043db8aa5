// METHOD.md §7 geometry: building footprints clipped to one parcel, in planar (GK) metres.
#pragma once

#include <vector>

#include "core/geometry/geos_context.hpp"
#include "muyield/model.hpp"

namespace muyield::geometry {

struct PlanarBuilding {
  const MultiPolygon* footprint;  // valid, planar (same zone as the parcel)
  std::optional<double> floors;   // effective floors (tall storeys doubled); none = unknown
};

struct ParcelOverlay {
  int n_buildings = 0;       // buildings with a clipped footprint > 0
  double footprint_m2 = 0;   // area of the union of the clipped footprints
  double floor_area_m2 = 0;  // Σ clipped footprint × floors
  double overlap_m2 = 0;     // Σ clipped − union: footprints counted twice in floor area
  int without_floors = 0;    // buildings inside with neither floors nor height
};

// `parcel` is valid and planar; candidates are the buildings whose boxes meet the parcel's.
ParcelOverlay overlay_parcel(const GeosContext& ctx, const MultiPolygon& parcel,
                             const std::vector<PlanarBuilding>& candidates);

}  // namespace muyield::geometry
