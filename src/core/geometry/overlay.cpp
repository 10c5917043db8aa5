#include "core/geometry/overlay.hpp"

#include <algorithm>
#include <cmath>

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

// A single ring without holes whose turns all go one way (collinear vertices allowed).
const Ring* convex_ring(const MultiPolygon* g) {
  if (!g || g->size() != 1 || !(*g)[0].holes.empty()) return nullptr;
  const Ring& r = (*g)[0].outer;
  if (r.size() < 4) return nullptr;
  const std::size_t m = r.size() - 1;
  int sign = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const Point& a = r[i];
    const Point& b = r[(i + 1) % m];
    const Point& c = r[(i + 2) % m];
    const double cross =
        (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);  // differences: exact enough
    if (cross == 0) continue;
    const int s = cross > 0 ? 1 : -1;
    if (sign == 0)
      sign = s;
    else if (s != sign)
      return nullptr;
  }
  return sign == 0 ? nullptr : &r;
}

double ring_area(const std::vector<Point>& pts) {
  double a = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const Point& p = pts[i];
    const Point& q = pts[(i + 1) % pts.size()];
    a += p.x * q.y - q.x * p.y;
  }
  return std::abs(a) / 2;
}

// Area of the intersection of two convex rings (Sutherland–Hodgman: `a` clipped by each edge of
// `b`). Two overlapping rectangular halls are the usual overlap; this avoids a GEOS union there.
double convex_overlap_area(const Ring& a, const Ring& b) {
  // Relative to a local origin: GK coordinates (~10⁷ m) would cost 8 digits in the products.
  const Point o = a.front();
  std::vector<Point> poly, next, clip;
  for (std::size_t i = 0; i + 1 < a.size(); ++i) poly.push_back({a[i].x - o.x, a[i].y - o.y});
  for (std::size_t i = 0; i + 1 < b.size(); ++i) clip.push_back({b[i].x - o.x, b[i].y - o.y});
  if (ring_area(clip) == 0) return 0;
  double orient = 0;
  for (std::size_t i = 0; i < clip.size(); ++i) {
    const Point& p = clip[i];
    const Point& q = clip[(i + 1) % clip.size()];
    orient += p.x * q.y - q.x * p.y;
  }
  const double dir = orient > 0 ? 1 : -1;  // inside = left of each edge for a CCW clip ring
  for (std::size_t e = 0; e < clip.size() && !poly.empty(); ++e) {
    const Point& c0 = clip[e];
    const Point& c1 = clip[(e + 1) % clip.size()];
    auto side = [&](const Point& p) {
      return dir * ((c1.x - c0.x) * (p.y - c0.y) - (c1.y - c0.y) * (p.x - c0.x));
    };
    next.clear();
    for (std::size_t i = 0; i < poly.size(); ++i) {
      const Point& p = poly[i];
      const Point& q = poly[(i + 1) % poly.size()];
      const double sp = side(p), sq = side(q);
      if (sp >= 0) next.push_back(p);
      if ((sp >= 0) != (sq >= 0)) {
        const double t = sp / (sp - sq);
        next.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
      }
    }
    poly.swap(next);
  }
  return poly.size() < 3 ? 0 : ring_area(poly);
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
  std::vector<double> piece_areas;
  std::vector<const MultiPolygon*> piece_models;  // the footprint itself when wholly inside
  double clipped_sum = 0;
  for (const PlanarBuilding& b : candidates) {
    if (!boost::geometry::intersects(envelope(*b.footprint), parcel_box)) continue;
    GeosGeometry building = to_geos(ctx, *b.footprint);
    if (!building) continue;
    double clipped_area = 0;
    GeosGeometry piece(nullptr, GeosDeleter{h});
    const MultiPolygon* model = nullptr;
    if (GEOSPreparedContainsProperly_r(h, prepared.get(), building.get()) == 1) {
      // The common case: wholly inside, no overlay needed.
      clipped_area = planar_area_m2(*b.footprint);
      piece = std::move(building);
      model = b.footprint;
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
    piece_areas.push_back(clipped_area);
    piece_models.push_back(model);
    pieces.push_back(std::move(piece));
  }
  // Pieces whose boxes meet form groups; most parcels' buildings stand apart (groups of one),
  // two convex halls overlapping are measured by clipping, anything else is unioned by GEOS.
  const std::size_t n = pieces.size();
  std::vector<std::size_t> group(n);
  for (std::size_t i = 0; i < n; ++i) group[i] = i;
  auto root = [&](std::size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (boost::geometry::intersects(piece_boxes[i], piece_boxes[j])) group[root(j)] = root(i);
  std::vector<std::vector<std::size_t>> members(n);
  for (std::size_t i = 0; i < n; ++i) members[root(i)].push_back(i);
  double footprint = 0;
  for (const std::vector<std::size_t>& m : members) {
    if (m.empty()) continue;
    if (m.size() == 1) {
      footprint += piece_areas[m[0]];
      continue;
    }
    if (m.size() == 2) {
      const Ring* a = convex_ring(piece_models[m[0]]);
      const Ring* b = convex_ring(piece_models[m[1]]);
      if (a && b) {
        footprint += piece_areas[m[0]] + piece_areas[m[1]] - convex_overlap_area(*a, *b);
        continue;
      }
    }
    std::vector<GEOSGeometry*> raw;
    double sum = 0;
    for (std::size_t i : m) {
      raw.push_back(pieces[i].release());
      sum += piece_areas[i];
    }
    GeosGeometry collection(
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), raw.size()),
        GeosDeleter{h});
    GeosGeometry merged(GEOSUnaryUnion_r(h, collection.get()), GeosDeleter{h});
    footprint += merged ? geos_area(h, merged.get()) : sum;
  }
  out.footprint_m2 = footprint;
  out.overlap_m2 = std::max(0.0, clipped_sum - out.footprint_m2);
  return out;
}

}  // namespace muyield::geometry
