#include <catch2/catch.hpp>

#include "core/geometry/area.hpp"
#include "core/geometry/crs_transform.hpp"
#include "support.hpp"

using namespace muyield;
using namespace muyield::geometry;

namespace {

struct Reference {
  std::string crs;
  MultiPolygon geometry;
  double geodesic_m2;
  double planar_m2;
};

std::vector<Reference> references() {
  std::vector<Reference> out;
  for (const std::string& line :
       test::read_lines(MUYIELD_TEST_DIR "/fixtures/areas/expected.txt")) {
    std::stringstream s(line);
    std::string crs, wkt, area, planar;
    std::getline(s, crs, '|');
    std::getline(s, wkt, '|');
    std::getline(s, area, '|');
    std::getline(s, planar, '|');
    out.push_back({crs, test::from_wkt(wkt), std::stod(area), std::stod(planar)});
  }
  return out;
}

}  // namespace

TEST_CASE("geodesic areas agree with pyproj Geod(GRS80) in three CRSs", "[area]") {
  const std::vector<Reference> refs = references();
  REQUIRE(refs.size() == 12);
  int crs_seen = 0;
  for (const Reference& r : refs) {
    INFO(r.crs << " expected " << r.geodesic_m2);
    Transformer to_lonlat(r.crs, kCgcs2000);
    MultiPolygon ll = r.geometry;
    REQUIRE(to_lonlat.apply(ll));
    const double area = geodesic_area_m2(ll);
    CHECK(std::fabs(area / r.geodesic_m2 - 1) < 1e-9);
    crs_seen += r.crs == "EPSG:4527" || r.crs == "EPSG:4548" || r.crs == "EPSG:4490";
  }
  CHECK(crs_seen == 12);
}

TEST_CASE("planar GK areas agree with shapely in the zone's own coordinates", "[area]") {
  for (const Reference& r : references()) {
    INFO(r.crs);
    Transformer to_lonlat(r.crs, kCgcs2000);
    MultiPolygon g = r.geometry;
    REQUIRE(to_lonlat.apply(g));
    CHECK(gk_central_meridian(centroid(g).x) == 117);
    Transformer to_zone(kCgcs2000, gk_zone_crs(117));
    REQUIRE(to_zone.apply(g));
    CHECK(std::fabs(planar_area_m2(g) / r.planar_m2 - 1) < 1e-9);
  }
}

TEST_CASE("holes are subtracted and parts summed in planar areas", "[area]") {
  MultiPolygon g = test::rect(0, 0, 100, 100);
  g[0].holes.push_back({{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}});  // clockwise hole
  CHECK(planar_area_m2(g) == Approx(10000 - 100));
  g.push_back(test::rect(200, 0, 210, 10)[0]);
  CHECK(planar_area_m2(g) == Approx(10000 - 100 + 100));
}

TEST_CASE("one mu is 10000/15 square metres", "[area]") {
  CHECK(to_mu(10000.0) == Approx(15.0).epsilon(1e-15));
  CHECK(to_mu(666.67) == Approx(1.000005));
  CHECK(kSquareMetresPerMu * kMuPerSquareMetre == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("GK zones: nearest central meridian and the zone-prefix hint", "[area]") {
  CHECK(gk_central_meridian(117.58) == 117);
  CHECK(gk_central_meridian(118.6) == 120);
  CHECK(gk_central_meridian(115.4) == 114);
  CHECK(epsg_for_zone_prefixed_easting(39556000) == 4527);  // zone 39 = CM 117E
  CHECK(epsg_for_zone_prefixed_easting(20500000) == 4498);  // 6-degree zone 20
  CHECK(epsg_for_zone_prefixed_easting(556000) == 0);
}

TEST_CASE("CRS facts: geographic, projected, Web Mercator", "[area]") {
  CHECK(describe_crs("EPSG:4490").geographic);
  CHECK_FALSE(describe_crs("EPSG:4527").geographic);
  CHECK(describe_crs("EPSG:3857").web_mercator);
  CHECK_FALSE(describe_crs("EPSG:4548").web_mercator);
  CHECK_THROWS_AS(describe_crs("EPSG:999999"), CrsError);
  CHECK_THROWS_AS(Transformer("nonsense", kCgcs2000), CrsError);
}
