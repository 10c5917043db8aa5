// METHOD.md §7: coverage and FAR, by hand on small cases and against shapely on 300 parcels.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

#include "core/method/building_form.hpp"
#include "muyield/review.hpp"
#include "support.hpp"

using namespace muyield;
using test::local_rect;

namespace {

Building building(MultiPolygon g, std::optional<double> floors, std::optional<double> height = {}) {
  Building b;
  b.geometry = std::move(g);
  b.floors = floors;
  b.height_m = height;
  b.source = {"buildings.shp", 0};
  return b;
}

ReviewInput with_buildings(std::vector<Parcel> parcels, std::vector<Building> buildings) {
  ReviewInput in = test::gk_input();
  in.parcels = std::move(parcels);
  in.buildings = std::move(buildings);
  in.buildings_crs = {test::kGk117};
  in.has_buildings = true;
  in.enterprises = {test::EnterpriseBuilder("E1")};
  test::number_rows(in);
  for (std::size_t i = 0; i < in.buildings.size(); ++i) in.buildings[i].source.row = i;
  return in;
}

const ParcelResult& by_id(const ReviewInput& in, const ReviewResult& r, const std::string& id) {
  for (const ParcelResult& p : r.parcels)
    if (in.parcels[p.input_index].id == id) return p;
  throw std::runtime_error("no parcel " + id);
}

constexpr double kRel = 1e-9;

}  // namespace

TEST_CASE("effective floors: floors field, height rounded up, tall storeys doubled", "[form]") {
  const BuildingConfig c;
  auto floors = [&](std::optional<double> f, std::optional<double> h) {
    return method::effective_floors(building({}, f, h), c);
  };
  CHECK(*floors(3, {}) == 3);
  CHECK(*floors({}, 10.0) == 3);  // ⌈10 / 4.5⌉
  CHECK(*floors({}, 9.0) == 2);   // exactly two storeys
  CHECK(*floors(1, 12.0) == 2);   // one 12 m storey counts double
  CHECK(*floors(2, 16.0) == 2);   // 8 m storeys: not above 8 m
  CHECK(*floors(2, 16.2) == 4);
  CHECK_FALSE(floors({}, {}));
  CHECK_FALSE(floors(0, {}));
}

TEST_CASE("overlapping footprints count once in coverage, each in floor area", "[form]") {
  ReviewInput in =
      with_buildings({test::parcel("P", local_rect(0, 0, 100, 100))},
                     {building(local_rect(10, 10, 50, 50), 2),    // 1600 m²
                      building(local_rect(30, 30, 70, 70), 1)});  // 1600 m², 400 shared
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  const ParcelResult& p = r.parcels[0];
  CHECK(*p.planar_m2 == Approx(10000).epsilon(kRel));
  CHECK(p.n_buildings == 2);
  CHECK(*p.footprint_m2 == Approx(2800).epsilon(kRel));
  CHECK(*p.floor_area_m2 == Approx(1600 * 2 + 1600 * 1).epsilon(kRel));
  CHECK(*p.coverage == Approx(0.28).epsilon(kRel));
  CHECK(*p.far == Approx(0.48).epsilon(kRel));
  bool overlap_warned = false;
  for (const Issue& i : r.issues) overlap_warned |= i.field == "buildings" && i.value == "400.0";
  CHECK(overlap_warned);
}

TEST_CASE("a footprint crossing two parcels is split between them", "[form]") {
  ReviewInput in = with_buildings({test::parcel("P", local_rect(0, 0, 100, 100)),
                                   test::parcel("Q", local_rect(100, 0, 200, 100))},
                                  {building(local_rect(80, 0, 120, 50), 3)});  // 2000 m²
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  for (const char* id : {"P", "Q"}) {
    const ParcelResult& p = by_id(in, r, id);
    CHECK(p.n_buildings == 1);
    CHECK(*p.footprint_m2 == Approx(1000).epsilon(kRel));
    CHECK(*p.floor_area_m2 == Approx(3000).epsilon(kRel));
  }
}

TEST_CASE("a hall standing against a turned parcel's edge is not on the parcel", "[form]") {
  // A square parcel turned by 3° … 87°, a hall outside against its south-east edge and one
  // inside. The turned corners are rounded (and go through longitude/latitude and back), so
  // clipping leaves slivers of 10⁻¹¹ … 10⁻⁷ m² against the shared edge: a touch, not a building.
  for (int degrees = 3; degrees < 90; degrees += 6) {
    const double turn = degrees * std::numbers::pi / 180;
    const double c = std::cos(turn), s = std::sin(turn);
    auto at = [&](double u, double v) {
      return Point{test::kX0 + u * c - v * s, test::kY0 + u * s + v * c};
    };
    auto square = [&](double u0, double v0, double u1, double v1) {
      return MultiPolygon{{{at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1), at(u0, v0)}, {}}};
    };
    const double u0 = 1.7 * degrees / 3;
    ReviewInput in = with_buildings({test::parcel("T", square(0, 0, 100, 100))},
                                    {building(square(u0, -30, u0 + 40, 0), 4),  // outside
                                     building(square(20, 10, 70, 40), 2)});     // inside: 1500 m²
    const ReviewResult r = run_review(in, ReviewConfig::defaults());
    const ParcelResult& p = r.parcels[0];
    INFO(degrees << "°");
    CHECK(p.n_buildings == 1);
    CHECK(*p.footprint_m2 == Approx(1500).epsilon(kRel));
    CHECK(*p.floor_area_m2 == Approx(3000).epsilon(kRel));
  }
}

TEST_CASE("a parcel with a hole: the hole is neither parcel nor footprint", "[form]") {
  MultiPolygon g = local_rect(0, 0, 100, 100);
  const double x = test::kX0, y = test::kY0;
  g[0].holes.push_back(
      {{x + 40, y + 40}, {x + 40, y + 60}, {x + 60, y + 60}, {x + 60, y + 40}, {x + 40, y + 40}});
  ReviewInput in = with_buildings({test::parcel("H", g)},
                                  {building(local_rect(42, 42, 58, 58), 5),    // wholly in the hole
                                   building(local_rect(30, 45, 50, 55), 2)});  // half in the hole
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  const ParcelResult& p = r.parcels[0];
  CHECK(*p.planar_m2 == Approx(9600).epsilon(kRel));
  CHECK(p.n_buildings == 1);
  CHECK(*p.footprint_m2 == Approx(100).epsilon(kRel));
  CHECK(*p.floor_area_m2 == Approx(200).epsilon(kRel));
}

TEST_CASE("height-only buildings, tall storeys, and buildings with neither", "[form]") {
  ReviewInput in = with_buildings({test::parcel("P", local_rect(0, 0, 100, 100))},
                                  {building(local_rect(0, 0, 10, 10), {}, 10.0),   // 3 floors
                                   building(local_rect(20, 0, 30, 10), 1, 12.0),   // 2 floors
                                   building(local_rect(40, 0, 50, 10), {}, {})});  // footprint only
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  const ParcelResult& p = r.parcels[0];
  CHECK(*p.footprint_m2 == Approx(300).epsilon(kRel));
  CHECK(*p.floor_area_m2 == Approx(100 * 3 + 100 * 2).epsilon(kRel));
  bool warned = false;
  for (const Issue& i : r.issues) warned |= i.field == "floors" && i.severity == Severity::warning;
  CHECK(warned);
}

TEST_CASE("without a buildings layer, building form is unknown", "[form]") {
  ReviewInput in = test::gk_input();
  in.parcels = {test::parcel("P", local_rect(0, 0, 100, 100))};
  in.enterprises = {test::EnterpriseBuilder("E1")};
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  CHECK_FALSE(r.parcels[0].footprint_m2);
  CHECK_FALSE(r.parcels[0].far);
  CHECK_FALSE(r.parcels[0].coverage);
}

TEST_CASE("invalid footprints are repaired and reported", "[form]") {
  const double x = test::kX0, y = test::kY0;
  // A bow-tie of two 25 m² triangles.
  MultiPolygon bow = {Polygon{{{x, y}, {x + 10, y + 10}, {x + 10, y}, {x, y + 10}, {x, y}}, {}}};
  ReviewInput in = with_buildings({test::parcel("P", local_rect(0, 0, 100, 100))},
                                  {building(bow, 2), building({}, 1)});
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  CHECK(*r.parcels[0].footprint_m2 == Approx(50).epsilon(kRel));
  CHECK(*r.parcels[0].floor_area_m2 == Approx(100).epsilon(kRel));
  const InputCount& b = r.counts.back();
  CHECK(b.input == "buildings");
  CHECK(b.read == 2);
  CHECK(b.rejected == 1);
  CHECK(b.used == 1);
}

// tests/fixtures/overlay: 300 parcels and their buildings (make_overlay_fixture.py).
static ReviewInput overlay_fixture() {
  ReviewInput in = test::gk_input();
  const std::string dir = MUYIELD_TEST_DIR "/fixtures/overlay/";
  for (const std::string& line : test::read_lines(dir + "parcels.txt")) {
    const auto bar = line.find('|');
    in.parcels.push_back(test::parcel(line.substr(0, bar), test::from_wkt(line.substr(bar + 1))));
  }
  for (const std::string& line : test::read_lines(dir + "buildings.txt")) {
    std::stringstream s(line);
    std::string wkt, floors, height;
    std::getline(s, wkt, '|');
    std::getline(s, floors, '|');
    std::getline(s, height, '|');
    in.buildings.push_back(building(
        test::from_wkt(wkt), floors.empty() ? std::nullopt : std::optional(std::stod(floors)),
        height.empty() ? std::nullopt : std::optional(std::stod(height))));
  }
  in.buildings_crs = {test::kGk117};
  in.has_buildings = true;
  in.enterprises = {test::EnterpriseBuilder("E1")};
  test::number_rows(in);
  return in;
}

TEST_CASE("coverage and FAR agree with shapely to 1e-9 on 300 generated parcels", "[form]") {
  const std::string dir = MUYIELD_TEST_DIR "/fixtures/overlay/";
  const ReviewInput in = overlay_fixture();
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  const std::vector<std::string> expected = test::read_lines(dir + "expected.txt");
  REQUIRE(expected.size() == 300);
  REQUIRE(r.parcels.size() == 300);
  int compared = 0;
  for (std::size_t k = 0; k < expected.size(); ++k) {
    std::stringstream s(expected[k]);
    std::string id, n, footprint, floor, planar;
    std::getline(s, id, '|');
    std::getline(s, n, '|');
    std::getline(s, footprint, '|');
    std::getline(s, floor, '|');
    std::getline(s, planar, '|');
    const ParcelResult& p = by_id(in, r, id);
    INFO(id);
    CHECK(p.n_buildings == std::stoi(n));
    CHECK(*p.planar_m2 == Approx(std::stod(planar)).epsilon(kRel));
    // An absolute margin for parcels without buildings (0 vs 0) and slivers.
    CHECK(*p.footprint_m2 == Approx(std::stod(footprint)).epsilon(kRel).margin(1e-6));
    CHECK(*p.floor_area_m2 == Approx(std::stod(floor)).epsilon(kRel).margin(1e-6));
    ++compared;
  }
  CHECK(compared == 300);
}

TEST_CASE("a review that may spend its input measures the same and frees the shapes as read",
          "[form]") {
  const ReviewInput kept = overlay_fixture();
  ReviewInput spent = overlay_fixture();
  const ReviewResult a = run_review(kept, ReviewConfig::defaults());
  RunOptions options;
  options.spent = &spent;
  const ReviewResult b = run_review(spent, ReviewConfig::defaults(), options);
  CHECK(spent.buildings.empty());
  CHECK(std::all_of(spent.parcels.begin(), spent.parcels.end(),
                    [](const Parcel& p) { return p.geometry.empty(); }));
  REQUIRE(a.parcels.size() == b.parcels.size());
  for (std::size_t k = 0; k < a.parcels.size(); ++k) {
    INFO(k);
    CHECK(a.parcels[k].area_m2 == b.parcels[k].area_m2);
    CHECK(a.parcels[k].n_buildings == b.parcels[k].n_buildings);
    CHECK(a.parcels[k].footprint_m2 == b.parcels[k].footprint_m2);
    CHECK(a.parcels[k].floor_area_m2 == b.parcels[k].floor_area_m2);
  }
  CHECK(a.issues.size() == b.issues.size());
  REQUIRE(b.counts.back().input == "buildings");
  CHECK(b.counts.back().read == static_cast<long>(kept.buildings.size()));
  CHECK(b.counts.back().source == a.counts.back().source);
}

TEST_CASE("a building across a zone edge from its parcel is measured in the parcel's zone",
          "[form]") {
  // Lon/lat input at the edge of the 3° zones 114 and 117 (115.5°E). The parcel's centroid is
  // in zone 114; building A's in zone 117 (it is projected from lon/lat into zone 114 for this
  // parcel), building B's in zone 114. Each building is 0.0005° × 0.0004°, the parcel
  // 0.0025° × 0.001°: over ~250 m the projection's scale and cos(latitude) vary by < 10⁻⁵, so
  // coverage = 2 · 0.2 / 2.5 = 0.16 by hand.
  auto rect = [](double lon0, double lat0, double lon1, double lat1) {
    return MultiPolygon{
        {{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}}, {}}};
  };
  ReviewInput in = with_buildings({test::parcel("Z", rect(115.4985, 28.9, 115.501, 28.901))},
                                  {building(rect(115.5001, 28.9002, 115.5006, 28.9006), 2),
                                   building(rect(115.499, 28.9002, 115.4995, 28.9006), 1)});
  in.parcels_crs = in.buildings_crs = in.points_crs = {"EPSG:4490"};
  const ReviewResult r = run_review(in, ReviewConfig::defaults());
  const ParcelResult& p = r.parcels[0];
  REQUIRE(p.gk_central_meridian == 114);
  CHECK(p.n_buildings == 2);
  CHECK(*p.coverage == Approx(0.16).epsilon(1e-4));
  CHECK(*p.far == Approx(0.08 * 2 + 0.08 * 1).epsilon(1e-4));
}
