#include "core/geometry/repair.hpp"

#include <cmath>

namespace muyield::geometry {

namespace {

bool all_finite(const MultiPolygon& g) {
  for (const Polygon& p : g) {
    for (const Point& q : p.outer)
      if (!std::isfinite(q.x) || !std::isfinite(q.y)) return false;
    for (const Ring& h : p.holes)
      for (const Point& q : h)
        if (!std::isfinite(q.x) || !std::isfinite(q.y)) return false;
  }
  return true;
}

// Closes open rings; false when the ring cannot be a ring at all.
bool normalise_ring(Ring& ring, RepairOutcome& out) {
  if (ring.size() >= 2 && (ring.front().x != ring.back().x || ring.front().y != ring.back().y)) {
    ring.push_back(ring.front());
    ++out.closed_rings;
  }
  if (ring.size() < 4) {
    ++out.dropped_rings;
    return false;
  }
  return true;
}

MultiPolygon normalise(const MultiPolygon& input, RepairOutcome& out) {
  MultiPolygon g;
  g.reserve(input.size());
  for (const Polygon& p : input) {
    Polygon q{p.outer, {}};
    if (!normalise_ring(q.outer, out)) continue;
    for (const Ring& h : p.holes) {
      Ring r = h;
      if (normalise_ring(r, out)) q.holes.push_back(std::move(r));
    }
    g.push_back(std::move(q));
  }
  return g;
}

}  // namespace

std::string RepairOutcome::describe() const {
  std::string s;
  auto add = [&s](const std::string& part) {
    if (!s.empty()) s += "; ";
    s += part;
  };
  if (non_finite) add("坐标含 NaN/无穷大 / non-finite coordinates");
  if (closed_rings) add("环未闭合，已闭合 / " + std::to_string(closed_rings) + " ring(s) closed");
  if (dropped_rings)
    add("少于4点的环已删除 / " + std::to_string(dropped_rings) + " degenerate ring(s) dropped");
  if (!problem.empty()) add("几何无效 / invalid: " + problem);
  if (made_valid) add("已用 MakeValid 修复 / repaired by GEOS MakeValid (linework)");
  if (dropped_parts)
    add("非面部分已删除 / " + std::to_string(dropped_parts) + " non-polygonal part(s) dropped");
  if (geometry.empty()) add("修复后为空 / nothing polygonal remains");
  return s;
}

std::string unusable_reason(const MultiPolygon& input, const std::string& reader_note,
                            const RepairOutcome& outcome) {
  if (!input.empty()) return outcome.describe();
  return reader_note.empty() ? std::string("几何为空 / empty geometry") : reader_note;
}

RepairOutcome repair(const GeosContext& ctx, const MultiPolygon& input) {
  RepairOutcome out;
  if (!all_finite(input)) {
    out.non_finite = out.changed = true;
    return out;
  }
  MultiPolygon g = normalise(input, out);
  out.changed = out.closed_rings || out.dropped_rings;
  GEOSContextHandle_t h = ctx.handle();
  GeosGeometry geos = to_geos(ctx, g);
  if (!geos) {
    out.changed = true;
    return out;
  }
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  const char valid = GEOSisValidDetail_r(h, geos.get(), 0, &reason, &location);
  if (valid == 1) {
    out.geometry = std::move(g);
    return out;
  }
  out.changed = true;
  out.problem = reason ? reason : "unknown";
  if (location) {
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(h, location, &x) && GEOSGeomGetY_r(h, location, &y)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " at (%.3f %.3f)", x, y);
      out.problem += buf;
    }
    GEOSGeom_destroy_r(h, location);
  }
  if (reason) GEOSFree_r(h, reason);

  GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
  GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_LINEWORK);
  GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
  GeosGeometry fixed(GEOSMakeValidWithParams_r(h, geos.get(), params), GeosDeleter{h});
  GEOSMakeValidParams_destroy_r(h, params);
  out.made_valid = true;
  if (fixed) out.geometry = from_geos(ctx, fixed.get(), &out.dropped_parts);
  return out;
}

}  // namespace muyield::geometry
