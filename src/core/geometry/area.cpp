#include "core/geometry/area.hpp"

#include <geodesic.h>

#include <cmath>

namespace muyield::geometry {

namespace {

const geod_geodesic& cgcs2000() {
  static const geod_geodesic g = [] {
    geod_geodesic e;
    geod_init(&e, kCgcs2000A, 1.0 / kCgcs2000InvF);
    return e;
  }();
  return g;
}

double geodesic_ring_area(const geod_geodesic& g, const Ring& ring) {
  geod_polygon poly;
  geod_polygon_init(&poly, 0);
  // The ring is closed; geod_polygon closes it again by itself, so skip the repeated point.
  const std::size_t n =
      ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y
          ? ring.size() - 1
          : ring.size();
  for (std::size_t i = 0; i < n; ++i) geod_polygon_addpoint(&g, &poly, ring[i].y, ring[i].x);
  double area = 0, perimeter = 0;
  geod_polygon_compute(&g, &poly, 0, 1, &area, &perimeter);
  return std::fabs(area);
}

}  // namespace

double geodesic_area_m2(const MultiPolygon& lonlat) {
  const geod_geodesic& g = cgcs2000();
  double total = 0;
  for (const Polygon& p : lonlat) {
    double a = geodesic_ring_area(g, p.outer);
    for (const Ring& h : p.holes) a -= geodesic_ring_area(g, h);
    total += a;
  }
  return total;
}

double ring_signed_area(const Ring& ring) {
  if (ring.size() < 3) return 0;
  // Shift to the first vertex: GK coordinates are large and the products lose digits otherwise.
  const double x0 = ring[0].x, y0 = ring[0].y;
  double twice = 0;
  for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
    twice += (ring[i].x - x0) * (ring[i + 1].y - y0) - (ring[i + 1].x - x0) * (ring[i].y - y0);
  }
  return twice / 2;
}

double planar_area_m2(const MultiPolygon& planar) {
  double total = 0;
  for (const Polygon& p : planar) {
    double a = std::fabs(ring_signed_area(p.outer));
    for (const Ring& h : p.holes) a -= std::fabs(ring_signed_area(h));
    total += a;
  }
  return total;
}

Point centroid(const MultiPolygon& geometry) {
  // Σ (signed area × centroid) over rings, holes with the opposite sign of their outer ring.
  double sa = 0, sx = 0, sy = 0;
  auto add_ring = [&](const Ring& r, double sign) {
    if (r.size() < 3) return;
    const double x0 = r[0].x, y0 = r[0].y;
    double a2 = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      const double xi = r[i].x - x0, yi = r[i].y - y0;
      const double xj = r[i + 1].x - x0, yj = r[i + 1].y - y0;
      const double cross = xi * yj - xj * yi;
      a2 += cross;
      cx += (xi + xj) * cross;
      cy += (yi + yj) * cross;
    }
    if (a2 == 0) return;
    const double area = std::fabs(a2) / 2 * sign;
    sa += area;
    sx += area * (x0 + cx / (3 * a2));
    sy += area * (y0 + cy / (3 * a2));
  };
  for (const Polygon& p : geometry) {
    add_ring(p.outer, 1.0);
    for (const Ring& h : p.holes) add_ring(h, -1.0);
  }
  if (sa == 0) {
    // Degenerate: the mean of the outer vertices.
    double n = 0;
    for (const Polygon& p : geometry)
      for (const Point& q : p.outer) sx += q.x, sy += q.y, n += 1;
    return n > 0 ? Point{sx / n, sy / n} : Point{};
  }
  return {sx / sa, sy / sa};
}

}  // namespace muyield::geometry
