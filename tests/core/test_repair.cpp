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

// The quick validity proof for single rings (repair.cpp) must leave every invalid ring to GEOS.
TEST_CASE("invalid single rings are still found: crossing, spike, self-touching, zero area",
          "[repair]") {
  GeosContext ctx;
  const std::vector<std::pair<const char*, Ring>> cases = {
      // A hexagon whose 1st and 4th edges cross.
      {"crossing", {{0, 0}, {10, 0}, {10, 10}, {4, -2}, {2, 8}, {0, 10}, {0, 0}}},
      // A spike: out along the top edge and back.
      {"spike", {{0, 0}, {10, 0}, {10, 10}, {15, 10}, {10, 10}, {0, 10}, {0, 0}}},
      // A ring touching itself at (5, 5) (an inverted hole: invalid in OGC terms).
      {"self-touching", {{0, 0}, {10, 0}, {5, 5}, {8, 8}, {2, 8}, {5, 5}, {0, 10}, {0, 0}}},
      // All on one line: no area.
      {"flat", {{0, 0}, {5, 0}, {10, 0}, {5, 0}, {0, 0}}},
  };
  for (const auto& [name, ring] : cases) {
    INFO(name);
    const MultiPolygon g = {Polygon{ring, {}}};
    RepairOutcome r = repair(ctx, g);
    CHECK(r.changed);
    CHECK_FALSE(r.problem.empty());
  }
  // A valid concave ring with many vertices passes unchanged through the quick proof.
  Ring comb = {{0, 0}};
  for (int i = 0; i < 10; ++i) {
    comb.push_back({i * 10.0 + 5, 20});
    comb.push_back({i * 10.0 + 10, 0});
  }
  comb.push_back({100, -10});
  comb.push_back({0, -10});
  comb.push_back({0, 0});
  RepairOutcome r = repair(ctx, {Polygon{comb, {}}});
  CHECK_FALSE(r.changed);
  CHECK(planar_area_m2(r.geometry) == Approx(10 * 100 + 1000));
}
