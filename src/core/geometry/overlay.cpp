#include "core/geometry/overlay.hpp"

#include <algorithm>

#include "core/geometry/area.hpp"
#include "core/geometry/boost_adapt.hpp"

namespace muyield::geometry {

namespace {

struct PreparedDeleter {
  GEOSContextHandle_t handle;
  void operator()(const GEOSPreparedGeometry* p) const {
    if (p) GEOSPreparedGeom_destroy_r(handle, p);
  }
};

double geos_area(GEOSContextHandle_t h, const GEOSGeometry* g) {
  double a = 0;
  if (!g || !GEOSArea_r(h, g, &a)) return 0;
  return a;
}

}  // namespace

ParcelOverlay overlay_parcel(const GeosContext& ctx, const MultiPolygon& parcel,
                             const std::vector<PlanarBuilding>& candidates) {
  ParcelOverlay out;
  if (candidates.empty()) return out;
  GEOSContextHandle_t h = ctx.handle();
  GeosGeometry parcel_geos = to_geos(ctx, parcel);
  if (!parcel_geos) return out;
  std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter> prepared(
      GEOSPrepare_r(h, parcel_geos.get()), PreparedDeleter{h});
  const Box parcel_box = envelope(parcel);

  std::vector<GeosGeometry> pieces;  // clipped footprints, to union when they may overlap
  std::vector<Box> piece_boxes;
  double clipped_sum = 0;
  for (const PlanarBuilding& b : candidates) {
    if (!boost::geometry::intersects(envelope(*b.footprint), parcel_box)) continue;
    GeosGeometry building = to_geos(ctx, *b.footprint);
    if (!building) continue;
    double clipped_area = 0;
    GeosGeometry piece(nullptr, GeosDeleter{h});
    if (GEOSPreparedContainsProperly_r(h, prepared.get(), building.get()) == 1) {
      // The common case: wholly inside, no overlay needed.
      clipped_area = planar_area_m2(*b.footprint);
      piece = std::move(building);
    } else if (GEOSPreparedIntersects_r(h, prepared.get(), building.get()) == 1) {
      piece.reset(GEOSIntersection_r(h, parcel_geos.get(), building.get()));
      clipped_area = geos_area(h, piece.get());
    }
    if (!(clipped_area > 0)) continue;
    ++out.n_buildings;
    clipped_sum += clipped_area;
    if (b.floors)
      out.floor_area_m2 += clipped_area * *b.floors;
    else
      ++out.without_floors;
    piece_boxes.push_back(envelope(*b.footprint));
    pieces.push_back(std::move(piece));
  }
  // Union only when two pieces' boxes meet: most parcels' buildings stand apart.
  bool may_overlap = false;
  for (std::size_t i = 0; i < piece_boxes.size() && !may_overlap; ++i)
    for (std::size_t j = i + 1; j < piece_boxes.size() && !may_overlap; ++j)
      may_overlap = boost::geometry::intersects(piece_boxes[i], piece_boxes[j]);
  if (!may_overlap) {
    out.footprint_m2 = clipped_sum;
    return out;
  }
  std::vector<GEOSGeometry*> raw;
  for (GeosGeometry& p : pieces) raw.push_back(p.release());
  GeosGeometry collection(
      GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), raw.size()),
      GeosDeleter{h});
  GeosGeometry merged(GEOSUnaryUnion_r(h, collection.get()), GeosDeleter{h});
  out.footprint_m2 = merged ? geos_area(h, merged.get()) : clipped_sum;
  out.overlap_m2 = std::max(0.0, clipped_sum - out.footprint_m2);
  return out;
}

}  // namespace muyield::geometry
