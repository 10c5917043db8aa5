#include "core/geometry/repair.hpp"

#include <algorithm>
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

// Cross product of (b − a) and (c − a), with a flag when it is too close to 0 to trust.
struct Turn {
  double value;
  bool uncertain;
};
Turn turn(const Point& a, const Point& b, const Point& c) {
  const double ux = b.x - a.x, uy = b.y - a.y, vx = c.x - a.x, vy = c.y - a.y;
  const double v = ux * vy - uy * vx;
  const double scale = (std::abs(ux) + std::abs(uy)) * (std::abs(vx) + std::abs(vy));
  return {v, std::abs(v) <= 1e-9 * scale};
}

enum class Simple { yes, unknown };

// Whether two segments that share no vertex cross; `unsure` when a turn is nearly collinear and
// their boxes meet.
bool segments_cross(const Point& a, const Point& b, const Point& c, const Point& d, bool& unsure) {
  const Turn t1 = turn(a, b, c), t2 = turn(a, b, d), t3 = turn(c, d, a), t4 = turn(c, d, b);
  if (t1.uncertain || t2.uncertain || t3.uncertain || t4.uncertain) {
    const bool apart =
        std::max(a.x, b.x) < std::min(c.x, d.x) || std::max(c.x, d.x) < std::min(a.x, b.x) ||
        std::max(a.y, b.y) < std::min(c.y, d.y) || std::max(c.y, d.y) < std::min(a.y, b.y);
    unsure = !apart;
    return false;
  }
  return (t1.value > 0) != (t2.value > 0) && (t3.value > 0) != (t4.value > 0);
}

// A quick proof that a single-ring polygon is valid (its ring is simple and encloses an area),
// so that the usual parcel or footprint skips GEOS's validity check, the largest cost of a
// province-scale overlay. Whatever it cannot prove goes to GEOS.
Simple simple_single_ring(const MultiPolygon& g) {
  if (g.size() != 1 || !g[0].holes.empty()) return Simple::unknown;
  const Ring& ring = g[0].outer;
  constexpr std::size_t kMaxVertices = 48;  // beyond this the all-pairs test costs more than GEOS
  if (ring.size() > kMaxVertices + 1) return Simple::unknown;
  Point pts[kMaxVertices + 1];
  std::size_t n = 0;
  for (const Point& p : ring)
    if (n == 0 || p.x != pts[n - 1].x || p.y != pts[n - 1].y) pts[n++] = p;
  if (n < 5 || pts[0].x != pts[n - 1].x || pts[0].y != pts[n - 1].y) return Simple::unknown;
  const std::size_t m = n - 1;  // segment i runs from pts[i] to pts[i + 1]
  // A vertex visited twice (a ring touching itself) goes to GEOS.
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = i + 1; j < m; ++j)
      if (pts[i].x == pts[j].x && pts[i].y == pts[j].y) return Simple::unknown;
  double area2 = 0;
  for (std::size_t i = 0; i < m; ++i) {
    area2 += pts[i].x * pts[i + 1].y - pts[i + 1].x * pts[i].y;
    // Adjacent segments that are collinear may fold back (a spike): let GEOS judge.
    if (turn(pts[i], pts[i + 1], pts[(i + 2) % m]).uncertain) return Simple::unknown;
    for (std::size_t j = i + 2; j < m; ++j) {
      if (i == 0 && j == m - 1) continue;  // the closing segment is adjacent to the first
      bool unsure = false;
      if (segments_cross(pts[i], pts[i + 1], pts[j], pts[j + 1], unsure) || unsure)
        return Simple::unknown;
    }
  }
  return area2 != 0 ? Simple::yes : Simple::unknown;
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
  if (simple_single_ring(g) == Simple::yes) {
    out.geometry = std::move(g);
    return out;
  }
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
