#include "core/geometry/overlay.hpp"

#include <algorithm>
#include <cmath>

#include "core/geometry/area.hpp"
#include "core/geometry/boost_adapt.hpp"
#include "core/geometry/convex_clip.hpp"

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

// A clip's rounding can leave a building that only touches the parcel with an area of ~10⁻¹² of
// its own; below this share of the building the clipped piece counts as nothing, as GEOS's
// line-shaped intersection of a touch does.
constexpr double kSliverShare = 1e-9;
// A clipped area this close to the building's own means the building lies inside.
constexpr double kWholeShare = 1e-12;

// One building's part of the parcel.
struct Piece {
  Piece(const MultiPolygon* footprint, Box box, GEOSContextHandle_t h)
      : footprint(footprint), box(box), geos(nullptr, GeosDeleter{h}) {}
  const MultiPolygon* footprint;
  Box box;
  double area = 0;
  std::vector<Point> convex;  // the piece when convex, relative to the clipper's origin
  GeosGeometry geos;          // the piece in GEOS, made only when a union needs it
};

// The parcel in GEOS, made on first use: most parcels are measured without it.
class LazyGeosParcel {
 public:
  LazyGeosParcel(const GeosContext& ctx, const MultiPolygon& parcel)
      : ctx_(ctx),
        parcel_(parcel),
        geos_(nullptr, GeosDeleter{ctx.handle()}),
        prepared_(nullptr, PreparedDeleter{ctx.handle()}) {}
  const GEOSGeometry* geometry() {
    if (!tried_) {
      tried_ = true;
      geos_ = to_geos(ctx_, parcel_);
      if (geos_) prepared_.reset(GEOSPrepare_r(ctx_.handle(), geos_.get()));
    }
    return geos_.get();
  }
  const GEOSPreparedGeometry* prepared() {
    geometry();
    return prepared_.get();
  }

 private:
  const GeosContext& ctx_;
  const MultiPolygon& parcel_;
  bool tried_ = false;
  GeosGeometry geos_;
  std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter> prepared_;
};

// The building's part of the parcel by GEOS, for shapes the convex clip cannot take.
void measure_by_geos(const GeosContext& ctx, LazyGeosParcel& parcel, Piece& piece) {
  GEOSContextHandle_t h = ctx.handle();
  if (!parcel.prepared()) return;
  GeosGeometry building = to_geos(ctx, *piece.footprint);
  if (!building) return;
  if (GEOSPreparedContainsProperly_r(h, parcel.prepared(), building.get()) == 1) {
    // The common case: wholly inside, no overlay needed.
    piece.area = planar_area_m2(*piece.footprint);
    piece.geos = std::move(building);
  } else if (GEOSPreparedIntersects_r(h, parcel.prepared(), building.get()) == 1) {
    piece.geos.reset(GEOSIntersection_r(h, parcel.geometry(), building.get()));
    piece.area = geos_area(h, piece.geos.get());
  }
}

// The building's part of the parcel by the convex clip, when the parcel (`parcel_convex`, with
// `parcel_local` its ring relative to the clipper's origin) or the building (`building_convex`)
// is convex. A convex piece keeps its ring, for the union.
void measure_by_clip(const MultiPolygon& parcel, const Ring* parcel_convex,
                     const std::vector<Point>& parcel_local, const Ring* building_convex,
                     ConvexClipper& clipper, Piece& piece) {
  const double own = planar_area_m2(*piece.footprint);
  if (parcel_convex && building_convex) {
    clipper.to_local(*building_convex, piece.convex);
    piece.convex = clipper.clip_local(piece.convex, parcel_local);
    piece.area = std::abs(ring_signed_area(piece.convex));
  } else if (parcel_convex) {
    piece.area = clipper.clipped_area(*piece.footprint, *parcel_convex);
  } else {
    piece.area = clipper.clipped_area(parcel, *building_convex);
    // Wholly inside (to the clip's rounding): the piece is the building, convex.
    if (piece.area >= (1 - kWholeShare) * own) clipper.to_local(*building_convex, piece.convex);
  }
  if (piece.area <= kSliverShare * own) {
    piece.area = 0;
    return;
  }
  if (!piece.convex.empty()) {  // the piece's own box groups it more tightly than the building's
    Box box = boost::geometry::make_inverse<Box>();
    for (const Point& q : piece.convex)
      boost::geometry::expand(box, Point{q.x + clipper.origin().x, q.y + clipper.origin().y});
    piece.box = box;
  }
}

// The piece in GEOS for a union (the convex clip keeps only its area, or its ring when convex).
const GEOSGeometry* piece_in_geos(const GeosContext& ctx, LazyGeosParcel& parcel, Piece& piece) {
  if (piece.geos) return piece.geos.get();
  GEOSContextHandle_t h = ctx.handle();
  GeosGeometry building = to_geos(ctx, *piece.footprint);
  if (!building || !parcel.geometry()) return nullptr;
  piece.geos.reset(GEOSIntersection_r(h, parcel.geometry(), building.get()));
  return piece.geos.get();
}

// Area of the union of convex pieces by inclusion–exclusion: + each piece − each pair's
// intersection + each triple's … Intersections of convex pieces are convex and come from the
// same clip; a subset whose intersection is empty ends its branch, so the cost follows the
// overlaps there are (a few), not the 2ⁿ subsets.
class ConvexUnion {
 public:
  ConvexUnion(std::vector<Piece>& pieces, const std::vector<std::size_t>& group,
              ConvexClipper& clipper)
      : pieces_(pieces), group_(group), clipper_(clipper), stack_(group.size()) {}
  double area() {
    double sum = 0;
    for (std::size_t k = 0; k < group_.size(); ++k) {
      stack_[0] = pieces_[group_[k]].convex;
      sum += pieces_[group_[k]].area - overlaps(k + 1, 1);
    }
    return sum;
  }

 private:
  // Σ over subsets that add pieces from `from` on to the intersection stack_[depth − 1] of the
  // area of their intersection, alternating in sign with the subset's size.
  double overlaps(std::size_t from, std::size_t depth) {
    double sum = 0;
    for (std::size_t k = from; k < group_.size(); ++k) {
      stack_[depth] = clipper_.clip_local(stack_[depth - 1], pieces_[group_[k]].convex);
      if (stack_[depth].empty()) continue;
      sum += std::abs(ring_signed_area(stack_[depth])) - overlaps(k + 1, depth + 1);
    }
    return sum;
  }
  std::vector<Piece>& pieces_;
  const std::vector<std::size_t>& group_;
  ConvexClipper& clipper_;
  std::vector<std::vector<Point>> stack_;
};

// Σ pieces − their overlaps, for pieces whose boxes meet one another.
double union_area(const GeosContext& ctx, LazyGeosParcel& parcel, std::vector<Piece>& pieces,
                  const std::vector<std::size_t>& group, ConvexClipper& clipper) {
  if (group.size() == 1) return pieces[group[0]].area;
  constexpr std::size_t kMaxConvexGroup = 16;  // a bound on the inclusion–exclusion's depth
  if (group.size() <= kMaxConvexGroup &&
      std::all_of(group.begin(), group.end(),
                  [&](std::size_t i) { return !pieces[i].convex.empty(); }))
    return ConvexUnion(pieces, group, clipper).area();
  GEOSContextHandle_t h = ctx.handle();
  std::vector<GEOSGeometry*> raw;
  double sum = 0;
  for (std::size_t i : group) {
    sum += pieces[i].area;
    if (piece_in_geos(ctx, parcel, pieces[i])) raw.push_back(pieces[i].geos.release());
  }
  GeosGeometry collection(
      GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), raw.size()),
      GeosDeleter{h});
  GeosGeometry merged(GEOSUnaryUnion_r(h, collection.get()), GeosDeleter{h});
  return merged && raw.size() == group.size() ? geos_area(h, merged.get()) : sum;
}

}  // namespace

ParcelOverlay overlay_parcel(const GeosContext& ctx, const MultiPolygon& parcel,
                             const std::vector<PlanarBuilding>& candidates) {
  ParcelOverlay out;
  if (candidates.empty() || parcel.empty() || parcel[0].outer.empty()) return out;
  const Box parcel_box = envelope(parcel);
  ConvexClipper clipper(parcel[0].outer.front());
  const Ring* parcel_convex = convex_ring(parcel);
  std::vector<Point> parcel_local;
  if (parcel_convex) clipper.to_local(*parcel_convex, parcel_local);
  LazyGeosParcel parcel_geos(ctx, parcel);

  std::vector<Piece> pieces;
  double clipped_sum = 0;
  for (const PlanarBuilding& b : candidates) {
    const Box box = envelope(*b.footprint);
    if (!boost::geometry::intersects(box, parcel_box)) continue;
    Piece piece(b.footprint, box, ctx.handle());
    const Ring* building_convex = convex_ring(*b.footprint);
    if (parcel_convex || building_convex)
      measure_by_clip(parcel, parcel_convex, parcel_local, building_convex, clipper, piece);
    else
      measure_by_geos(ctx, parcel_geos, piece);
    if (!(piece.area > 0)) continue;
    ++out.n_buildings;
    clipped_sum += piece.area;
    if (b.floors)
      out.floor_area_m2 += piece.area * *b.floors;
    else
      ++out.without_floors;
    pieces.push_back(std::move(piece));
  }
  // Pieces whose boxes meet form groups; most parcels' buildings stand apart (groups of one).
  const std::size_t n = pieces.size();
  std::vector<std::size_t> group(n);
  for (std::size_t i = 0; i < n; ++i) group[i] = i;
  auto root = [&](std::size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (boost::geometry::intersects(pieces[i].box, pieces[j].box)) group[root(j)] = root(i);
  std::vector<std::vector<std::size_t>> members(n);
  for (std::size_t i = 0; i < n; ++i) members[root(i)].push_back(i);
  double footprint = 0;
  for (const std::vector<std::size_t>& m : members)
    if (!m.empty()) footprint += union_area(ctx, parcel_geos, pieces, m, clipper);
  out.footprint_m2 = footprint;
  out.overlap_m2 = std::max(0.0, clipped_sum - out.footprint_m2);
  return out;
}

}  // namespace muyield::geometry
