#include "core/geometry/convex_clip.hpp"

#include <algorithm>
#include <cmath>

#include "core/geometry/area.hpp"

namespace muyield::geometry {

const Ring* convex_ring(const MultiPolygon& g) {
  if (g.size() != 1 || !g[0].holes.empty()) return nullptr;
  const Ring& r = g[0].outer;
  if (r.size() < 4) return nullptr;
  const std::size_t m = r.size() - 1;
  int sign = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const Point& a = r[i];
    const Point& b = r[(i + 1) % m];
    const Point& c = r[(i + 2) % m];
    const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (cross == 0) continue;
    const int s = cross > 0 ? 1 : -1;
    if (sign == 0)
      sign = s;
    else if (s != sign)
      return nullptr;
  }
  return sign == 0 ? nullptr : &r;
}

void ConvexClipper::to_local(const Ring& ring, std::vector<Point>& out) const {
  out.clear();
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    out.push_back({ring[i].x - origin_.x, ring[i].y - origin_.y});
}

const std::vector<Point>& ConvexClipper::clip(const Ring& subject, const Ring& convex) {
  to_local(subject, subject_);
  to_local(convex, convex_);
  return clip_local(subject_, convex_);
}

const std::vector<Point>& ConvexClipper::clip_local(const std::vector<Point>& subject,
                                                    const std::vector<Point>& convex) {
  out_.assign(subject.begin(), subject.end());
  const double orientation = ring_signed_area(convex);
  if (orientation == 0) {
    out_.clear();
    return out_;
  }
  const double dir = orientation > 0 ? 1 : -1;  // inside = left of each edge of a CCW ring
  for (std::size_t e = 0; e < convex.size() && !out_.empty(); ++e) {
    const Point& c0 = convex[e];
    const Point& c1 = convex[(e + 1) % convex.size()];
    auto side = [&](const Point& p) {
      return dir * ((c1.x - c0.x) * (p.y - c0.y) - (c1.y - c0.y) * (p.x - c0.x));
    };
    next_.clear();
    for (std::size_t i = 0; i < out_.size(); ++i) {
      const Point& p = out_[i];
      const Point& q = out_[(i + 1) % out_.size()];
      const double sp = side(p), sq = side(q);
      if (sp >= 0) next_.push_back(p);
      if ((sp >= 0) != (sq >= 0)) {
        const double t = sp / (sp - sq);
        next_.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
      }
    }
    out_.swap(next_);
  }
  if (out_.size() < 3) out_.clear();
  return out_;
}

double ConvexClipper::clipped_area(const MultiPolygon& g, const Ring& convex) {
  double area = 0;
  for (const Polygon& part : g) {
    area += std::abs(ring_signed_area(clip(part.outer, convex)));
    for (const Ring& hole : part.holes) area -= std::abs(ring_signed_area(clip(hole, convex)));
  }
  return std::max(0.0, area);
}

}  // namespace muyield::geometry
