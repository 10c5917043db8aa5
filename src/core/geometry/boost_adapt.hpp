// Registers the model's plain geometry types with Boost.Geometry, so that the core can use its
// algorithms (envelope, within, centroid) on them without copying.
#pragma once

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/register/multi_polygon.hpp>
#include <boost/geometry/geometries/register/point.hpp>
#include <boost/geometry/geometries/register/ring.hpp>

#include "muyield/model.hpp"

BOOST_GEOMETRY_REGISTER_POINT_2D(muyield::Point, double, boost::geometry::cs::cartesian, x, y)
BOOST_GEOMETRY_REGISTER_RING(muyield::Ring)
BOOST_GEOMETRY_REGISTER_MULTI_POLYGON(muyield::MultiPolygon)

namespace boost::geometry::traits {

// Orientation is not declared: the repaired rings follow GEOS's output and the algorithms used
// here (envelope, within, centroid magnitude) do not depend on it, except centroid, which
// normalises by the signed area.
template <>
struct tag<muyield::Polygon> {
  using type = polygon_tag;
};
template <>
struct ring_const_type<muyield::Polygon> {
  using type = const muyield::Ring&;
};
template <>
struct ring_mutable_type<muyield::Polygon> {
  using type = muyield::Ring&;
};
template <>
struct interior_const_type<muyield::Polygon> {
  using type = const std::vector<muyield::Ring>&;
};
template <>
struct interior_mutable_type<muyield::Polygon> {
  using type = std::vector<muyield::Ring>&;
};
template <>
struct exterior_ring<muyield::Polygon> {
  static muyield::Ring& get(muyield::Polygon& p) { return p.outer; }
  static const muyield::Ring& get(const muyield::Polygon& p) { return p.outer; }
};
template <>
struct interior_rings<muyield::Polygon> {
  static std::vector<muyield::Ring>& get(muyield::Polygon& p) { return p.holes; }
  static const std::vector<muyield::Ring>& get(const muyield::Polygon& p) { return p.holes; }
};

}  // namespace boost::geometry::traits

namespace muyield::geometry {

namespace bg = boost::geometry;
using Box = bg::model::box<Point>;

inline Box envelope(const Polygon& p) { return bg::return_envelope<Box>(p.outer); }
inline Box envelope(const MultiPolygon& mp) {
  Box box;
  bg::assign_inverse(box);
  for (const Polygon& p : mp) bg::expand(box, envelope(p));
  return box;
}

}  // namespace muyield::geometry
