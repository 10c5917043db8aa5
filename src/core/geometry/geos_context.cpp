#include "core/geometry/geos_context.hpp"

#include <cstdarg>
#include <vector>

namespace muyield::geometry {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_message, this);
  GEOSContext_setNoticeMessageHandler_r(handle_, &GeosContext::on_message, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_message(const char* message, void* self) {
  static_cast<GeosContext*>(self)->message_ = message ? message : "";
}

namespace {

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Ring& ring) {
  std::size_t n = ring.size();
  const bool closed = n > 0 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
  const std::size_t total = closed ? n : n + 1;
  if (n == 0 || total < 4) return nullptr;
  GEOSCoordSequence* seq = nullptr;
  if (closed) {
    seq = GEOSCoordSeq_copyFromBuffer_r(h, &ring[0].x, n, 0, 0);
  } else {
    std::vector<Point> copy(ring);
    copy.push_back(ring.front());
    seq = GEOSCoordSeq_copyFromBuffer_r(h, &copy[0].x, copy.size(), 0, 0);
  }
  if (!seq) return nullptr;
  return GEOSGeom_createLinearRing_r(h, seq);  // takes ownership of seq
}

GEOSGeometry* make_polygon(GEOSContextHandle_t h, const Polygon& p) {
  GEOSGeometry* shell = make_ring(h, p.outer);
  if (!shell) return nullptr;
  std::vector<GEOSGeometry*> holes;
  holes.reserve(p.holes.size());
  for (const Ring& r : p.holes)
    if (GEOSGeometry* hole = make_ring(h, r)) holes.push_back(hole);
  return GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
}

Ring read_ring(GEOSContextHandle_t h, const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) return {};
  Ring out(n);
  if (n) GEOSCoordSeq_copyToBuffer_r(h, seq, &out[0].x, 0, 0);
  return out;
}

void collect(GEOSContextHandle_t h, const GEOSGeometry* g, MultiPolygon& out, int& dropped) {
  switch (GEOSGeomTypeId_r(h, g)) {
    case GEOS_POLYGON: {
      if (GEOSisEmpty_r(h, g)) return;
      Polygon p;
      p.outer = read_ring(h, GEOSGetExteriorRing_r(h, g));
      const int n = GEOSGetNumInteriorRings_r(h, g);
      for (int i = 0; i < n; ++i) p.holes.push_back(read_ring(h, GEOSGetInteriorRingN_r(h, g, i)));
      out.push_back(std::move(p));
      return;
    }
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
      const int n = GEOSGetNumGeometries_r(h, g);
      for (int i = 0; i < n; ++i) collect(h, GEOSGetGeometryN_r(h, g, i), out, dropped);
      return;
    }
    default:
      if (!GEOSisEmpty_r(h, g)) ++dropped;
  }
}

}  // namespace

GeosGeometry to_geos(const GeosContext& ctx, const Polygon& polygon) {
  return GeosGeometry(make_polygon(ctx.handle(), polygon), GeosDeleter{ctx.handle()});
}

GeosGeometry to_geos(const GeosContext& ctx, const MultiPolygon& geometry) {
  GEOSContextHandle_t h = ctx.handle();
  std::vector<GEOSGeometry*> parts;
  parts.reserve(geometry.size());
  for (const Polygon& p : geometry)
    if (GEOSGeometry* g = make_polygon(h, p)) parts.push_back(g);
  if (parts.empty()) return GeosGeometry(nullptr, GeosDeleter{h});
  if (parts.size() == 1) return GeosGeometry(parts[0], GeosDeleter{h});
  return GeosGeometry(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(),
                                                  static_cast<unsigned>(parts.size())),
                      GeosDeleter{h});
}

MultiPolygon from_geos(const GeosContext& ctx, const GEOSGeometry* geometry, int* dropped_parts) {
  MultiPolygon out;
  int dropped = 0;
  if (geometry) collect(ctx.handle(), geometry, out, dropped);
  if (dropped_parts) *dropped_parts = dropped;
  return out;
}

}  // namespace muyield::geometry
