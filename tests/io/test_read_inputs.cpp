// Reading through GDAL: the same parcels from Shapefile (GBK), GeoPackage and GeoJSON, the
// enterprise table from XLSX (with a title row), CSV and GBK CSV; units, dates, rejects.
// Fixtures: tests/fixtures/readers/make_fixtures.py (values chosen for hand checks).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "io/input_error.hpp"
#include "io/read_inputs.hpp"

using namespace muyield;
using namespace muyield::io;

namespace {

const std::string kDir = MUYIELD_TEST_DIR "/fixtures/readers/";

const Issue* find_issue(const Issues& issues, const std::string& field, const std::string& row) {
  for (const Issue& i : issues)
    if (i.field == field && i.row == row) return &i;
  return nullptr;
}

}  // namespace

TEST_CASE("parcels read the same from Shapefile, GeoPackage and GeoJSON", "[read]") {
  for (const char* file : {"parcels_gbk.shp", "parcels.gpkg", "parcels.geojson"}) {
    INFO(file);
    ReadResult r;
    read_parcels(kDir + file, {}, r);
    REQUIRE(r.input.parcels.size() == 3);
    const Parcel& p = r.input.parcels[0];
    CHECK(p.id == "361181001");
    CHECK(p.park == "银城园区");
    CHECK(p.holder_uscc == "91361181MA35R8Y924");
    CHECK(p.status == SupplyStatus::supplied);
    CHECK(r.input.parcels[1].status == SupplyStatus::unsupplied);
    CHECK(r.input.parcels[2].status == SupplyStatus::supplied);  // 已出让
    CHECK(*p.agreed_start == Date{2021, 3, 1});
    CHECK(*r.input.parcels[1].agreed_start == Date{2022, 1, 5});  // 20220105
    CHECK_FALSE(r.input.parcels[2].agreed_start);                 // 2023/02/30
    const Issue* bad =
        find_issue(r.issues, "agreed_start", std::to_string(r.input.parcels[2].source.row));
    REQUIRE(bad);
    CHECK(bad->source == kDir + file);
    CHECK(bad->value == "2023/02/30");
    CHECK(bad->severity == Severity::reject);
    // 登记面积（亩） 15 → 10000 m²; the shapefile states m² (ZDMJ) directly.
    CHECK(*p.registered_m2 == Approx(10000));
    REQUIRE(p.geometry.size() == 1);
    CHECK(p.geometry[0].outer.size() == 5);
    CHECK(r.reports.back().crs.find("117E") != std::string::npos);
    CHECK(r.reports.back().recognition.find("parcel_id"));
  }
}

TEST_CASE("the GBK shapefile's encoding is decided and used", "[read]") {
  ReadResult r;
  read_parcels(kDir + "parcels_gbk.shp", {}, r);
  CHECK(r.reports.back().encoding == "CP936");
  CHECK(r.input.parcels[2].park == "泗洲园区");
}

TEST_CASE("enterprise tables: title row, units, full-width digits, bad cells", "[read]") {
  struct Case {
    const char* file;
    int first_row;  // spreadsheet row of the first data row
  };
  for (const Case c :
       {Case{"enterprises.xlsx", 3}, Case{"enterprises.csv", 2}, Case{"enterprises_gbk.csv", 2}}) {
    INFO(c.file);
    ReadResult r;
    read_enterprises(kDir + c.file, {}, r);
    REQUIRE(r.input.enterprises.size() == 3);
    const Enterprise& a = r.input.enterprises[0];
    CHECK(a.source.row == c.first_row);
    CHECK(a.name == "江西德佑生物科技有限公司");
    CHECK(a.year == 2024);
    CHECK(*at(a.figures, Figure::revenue) == Approx(1234.5678));  // 12,345,678 元
    CHECK(*at(a.figures, Figure::tax) == Approx(210.5));
    CHECK(*at(a.figures, Figure::electricity_kwh) == Approx(120000));  // 12 万kWh
    CHECK(*a.production_start == Date{2021, 5, 6});
    CHECK(*a.above_scale);
    CHECK(a.attributes.at("high_tech"));
    CHECK(a.uscc_check_ok);
    CHECK_FALSE(a.location);

    const Enterprise& b = r.input.enterprises[1];
    CHECK_FALSE(at(b.figures, Figure::revenue));  // 待核实
    const Issue* bad = find_issue(r.issues, "revenue", std::to_string(c.first_row + 1));
    REQUIRE(bad);
    CHECK(bad->value == "待核实");
    CHECK(*at(b.figures, Figure::tax) == Approx(123.4));  // １２３．４
    CHECK(*b.production_start == Date{2019, 1, 1});       // a bare year
    CHECK_FALSE(*b.above_scale);
    CHECK_FALSE(b.uscc_check_ok);
    CHECK(find_issue(r.issues, "uscc", std::to_string(c.first_row + 1))->severity ==
          Severity::warning);
    REQUIRE(b.location);
    CHECK(b.location->x == Approx(117.5844));
    CHECK(b.location->y == Approx(28.9502));
    CHECK(r.input.enterprises[2].year == 2023);
  }
}

TEST_CASE("links: percent shares, rows kept for the core to judge", "[read]") {
  ReadResult r;
  read_links(kDir + "links.csv", {}, r);
  REQUIRE(r.input.links.size() == 3);
  CHECK(*r.input.links[0].share == Approx(0.6));
  CHECK(r.input.links[0].source.row == 2);
  CHECK(r.input.links[2].parcel_id == "NOPE");
}

TEST_CASE("whole-input errors name the file and what to do", "[read]") {
  ReadResult r;
  CHECK_THROWS_WITH(read_parcels(kDir + "missing.shp", {}, r),
                    Catch::Contains("missing.shp") && Catch::Contains("file not found"));
  // The enterprise table is not a parcels layer: no geometry.
  CHECK_THROWS_WITH(read_parcels(kDir + "enterprises.csv", {}, r), Catch::Contains("no geometry"));
  // A links table without a parcel id column.
  CHECK_THROWS_WITH(read_links(kDir + "enterprises.csv", {}, r),
                    Catch::Contains("no parcel_id field") && Catch::Contains("[fields.links]"));
}

TEST_CASE("a review.toml mapping names an unusual column", "[read]") {
  InputOptions options;
  options.fields[TableKind::enterprises] = {{"uscc", "企业名称"}};  // deliberately odd
  ReadResult r;
  read_enterprises(kDir + "enterprises.csv", options, r);
  CHECK(r.input.enterprises[0].uscc == "江西德佑生物科技有限公司");
}

TEST_CASE("buildings read beside parcels and enterprises join in the fixed order", "[read]") {
  InputPaths paths;
  paths.parcels = kDir + "parcels.gpkg";
  paths.enterprises = kDir + "enterprises.csv";
  // One hall whose floor count is no number: a reader issue of the buildings.
  const std::string buildings =
      (std::filesystem::temp_directory_path() / "muyield-read-buildings.geojson").string();
  std::ofstream(buildings)
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"层数":"三层"},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[[117.58,28.94],[117.5801,28.94],)"
      << R"([117.5801,28.9401],[117.58,28.94]]]}}]})";
  paths.buildings = buildings;
  paths.links = kDir + "links.csv";
  const ReadResult r = read_inputs(paths, {});
  REQUIRE(r.reports.size() == 4);
  CHECK(r.reports[0].input == "parcels");
  CHECK(r.reports[1].input == "enterprises");
  CHECK(r.reports[2].input == "buildings");
  CHECK(r.reports[3].input == "links");
  CHECK(r.input.has_buildings);
  CHECK_FALSE(r.input.buildings_crs.empty());
  CHECK(r.input.buildings.size() == 1);
  // Issues in file order: none of the enterprise table's after one of the buildings'.
  bool buildings_seen = false, order_kept = true, enterprise_issue = false;
  for (const Issue& i : r.issues) {
    const bool from_buildings = i.source == paths.buildings;
    const bool from_enterprises = i.source == paths.enterprises;
    enterprise_issue |= from_enterprises;
    if (from_enterprises && buildings_seen) order_kept = false;
    buildings_seen |= from_buildings;
  }
  CHECK(enterprise_issue);
  CHECK(buildings_seen);
  CHECK(order_kept);

  // A parcels layer that cannot be read is reported first, even when the buildings fail too.
  paths.parcels = kDir + "missing.shp";
  paths.buildings = kDir + "missing_buildings.gpkg";
  CHECK_THROWS_WITH(read_inputs(paths, {}), Catch::Contains("missing.shp"));
  paths.parcels = kDir + "parcels.gpkg";
  CHECK_THROWS_WITH(read_inputs(paths, {}), Catch::Contains("missing_buildings.gpkg"));
}
