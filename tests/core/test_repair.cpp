#include <catch2/catch.hpp>
#include <limits>

#include "core/geometry/area.hpp"
#include "core/geometry/repair.hpp"
#include "support.hpp"

using namespace muyield;
using namespace muyield::geometry;

TEST_CASE("a valid polygon passes unchanged", "[repair]") {
  GeosContext ctx;
  const MultiPolygon g = test::rect(0, 0, 10, 10);
  RepairOutcome r = repair(ctx, g);
  CHECK_FALSE(r.changed);
  CHECK(planar_area_m2(r.geometry) == Approx(100));
}

TEST_CASE("a bow-tie becomes its two triangles by MakeValid", "[repair]") {
  GeosContext ctx;
  // (0,0)→(10,10)→(10,0)→(0,10): two triangles of 25 m² each, meeting at (5,5).
  const MultiPolygon bow = {Polygon{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}, {}}};
  RepairOutcome r = repair(ctx, bow);
  CHECK(r.changed);
  CHECK(r.made_valid);
  CHECK(r.problem.find("Self-intersection") != std::string::npos);
  CHECK(r.geometry.size() == 2);
  CHECK(planar_area_m2(r.geometry) == Approx(50));
  CHECK(r.describe().find("MakeValid") != std::string::npos);
}

TEST_CASE("rings that do not close are closed and reported", "[repair]") {
  GeosContext ctx;
  const MultiPolygon open = {Polygon{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {}}};
  RepairOutcome r = repair(ctx, open);
  CHECK(r.changed);
  CHECK(r.closed_rings == 1);
  CHECK_FALSE(r.made_valid);
  CHECK(planar_area_m2(r.geometry) == Approx(100));
}

TEST_CASE("unusable geometry: empty, degenerate, non-finite", "[repair]") {
  GeosContext ctx;
  CHECK(repair(ctx, {}).geometry.empty());
  const MultiPolygon line = {Polygon{{{0, 0}, {10, 0}, {0, 0}}, {}}};
  CHECK(repair(ctx, line).geometry.empty());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const MultiPolygon bad = {Polygon{{{0, 0}, {nan, 0}, {10, 10}, {0, 0}}, {}}};
  RepairOutcome r = repair(ctx, bad);
  CHECK(r.non_finite);
  CHECK(r.geometry.empty());
  // A spike collapses to a line: MakeValid keeps nothing polygonal of it.
  const MultiPolygon spike = {Polygon{{{0, 0}, {10, 0}, {20, 0}, {10, 0}, {0, 0}}, {}}};
  CHECK(repair(ctx, spike).geometry.empty());
}
