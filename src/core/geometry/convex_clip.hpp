// Clipping by a convex ring (Sutherland–Hodgman), for the overlay's usual shapes: rectangular
// halls on rectangular or other convex parcels, or any parcel and a rectangular hall. GEOS's
// overlay of two such shapes (noding, an edge graph, a new geometry) costs far more for the one
// figure the method needs from it, an area.
#pragma once

#include <vector>

#include "muyield/model.hpp"

namespace muyield::geometry {

// The polygon's one ring when it has one part, no holes, at least three corners and all its
// turns one way (collinear vertices allowed); nullptr otherwise.
const Ring* convex_ring(const MultiPolygon& g);

// Works in coordinates relative to a nearby origin (GK coordinates of ~10⁷ m would cost 8 digits
// in the products); keeps its buffers between calls. Results are open vertex lists (last point
// not repeated) relative to the origin. A non-convex subject may come out with zero-width spikes
// along the clip's edges; the signed area is still that of the intersection, which is all the
// overlay uses such a result for (ring_signed_area, area.hpp, takes open lists too).
class ConvexClipper {
 public:
  explicit ConvexClipper(Point origin) : origin_(origin) {}
  Point origin() const { return origin_; }

  // `ring` (closed, in absolute coordinates) relative to the origin, open.
  void to_local(const Ring& ring, std::vector<Point>& out) const;
  // `subject` ∩ the convex `convex` (both closed, absolute).
  const std::vector<Point>& clip(const Ring& subject, const Ring& convex);
  // `subject` ∩ the convex `convex` (both open, relative to the origin).
  const std::vector<Point>& clip_local(const std::vector<Point>& subject,
                                       const std::vector<Point>& convex);
  // Area of `g` ∩ the convex `convex`: holes subtracted, parts summed.
  double clipped_area(const MultiPolygon& g, const Ring& convex);

 private:
  Point origin_;
  std::vector<Point> subject_, convex_, out_, next_;
};

}  // namespace muyield::geometry
