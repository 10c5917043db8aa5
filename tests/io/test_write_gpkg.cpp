// muyield.gpkg read back through GDAL: layers, CRS, flag columns, the default QGIS style, and
// identical bytes from two runs.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

#include "io/gdal_session.hpp"
#include "io/number_text.hpp"
#include "io/output_rows.hpp"
#include "io/write_outputs.hpp"
#include "support/small_review.hpp"

using namespace muyield;
using namespace muyield::io;

namespace {

std::string write_small(const test::SmallReview& r, const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "muyield-test-gpkg";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  const ParcelRows parcels(r.input, r.result);
  const EnterpriseRows enterprises(r.input, r.result, r.config);
  const ParkRows parks(r.result);
  write_gpkg(path, r.input, r.result, parcels, enterprises, parks);
  return path;
}

std::unique_ptr<GDALDataset> open(const std::string& path) {
  ensure_gdal();
  return std::unique_ptr<GDALDataset>(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

std::string bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

}  // namespace

TEST_CASE("GeoPackage layers, projected CRS kept, flags as columns", "[gpkg]") {
  const test::SmallReview r = test::small_review();
  auto ds = open(write_small(r, "gk.gpkg"));
  REQUIRE(ds);
  OGRLayer* parcels = ds->GetLayerByName("parcels");
  REQUIRE(parcels);
  CHECK(parcels->GetFeatureCount() == 4);
  CHECK(std::string(parcels->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4548");
  CHECK(ds->GetLayerByName("enterprises")->GetFeatureCount() == 3);
  CHECK(ds->GetLayerByName("enterprises")->GetGeomType() == wkbNone);
  // Parks 东园, 西园 and the total "all".
  CHECK(ds->GetLayerByName("parks")->GetFeatureCount() == 3);

  parcels->SetAttributeFilter("parcel_id = 'P4'");
  std::unique_ptr<OGRFeature> p4(parcels->GetNextFeature());
  REQUIRE(p4);
  CHECK(p4->GetFieldAsInteger("flag_UNSUPPLIED") == 1);
  CHECK(p4->GetFieldAsInteger("flag_IDLE") == 0);
  CHECK(std::string(p4->GetFieldAsString("flags")) == "UNSUPPLIED");
  // 100 m × 100 m in GK metres.
  CHECK(p4->GetGeometryRef()->toMultiPolygon()->get_Area() == Approx(10000));
}

TEST_CASE("GeoPackage from lon/lat parcels is in CGCS2000 degrees", "[gpkg]") {
  auto ds = open(write_small(test::small_review(true), "lonlat.gpkg"));
  REQUIRE(ds);
  const OGRSpatialReference* crs = ds->GetLayerByName("parcels")->GetSpatialRef();
  REQUIRE(crs);
  CHECK(std::string(crs->GetAuthorityCode(nullptr)) == "4490");
  OGREnvelope e;
  REQUIRE(ds->GetLayerByName("parcels")->GetExtent(&e) == OGRERR_NONE);
  CHECK(e.MinX > 117);  // longitude first (德兴, about 117.58° E)
  CHECK(e.MaxY < 29);
}

TEST_CASE("GeoPackage embeds the class style as the QGIS default", "[gpkg]") {
  const test::SmallReview r = test::small_review();
  auto ds = open(write_small(r, "styles.gpkg"));
  REQUIRE(ds);
  OGRLayer* styles = ds->GetLayerByName("layer_styles");
  REQUIRE(styles);
  CHECK(styles->GetFeatureCount() == 3);
  styles->SetAttributeFilter("useAsDefault = 1");
  REQUIRE(styles->GetFeatureCount() == 1);
  std::unique_ptr<OGRFeature> s(styles->GetNextFeature());
  CHECK(std::string(s->GetFieldAsString("f_table_name")) == "parcels");
  CHECK(std::string(s->GetFieldAsString("f_geometry_column")) == "geom");
  CHECK_THAT(s->GetFieldAsString("styleQML"), Catch::Matchers::Contains("categorizedSymbol"));
  // The tax style carries this review's breaks: from the lowest tax per mu of the occupied
  // parcels (P3, about 2 万元/亩) to the highest (P1, about 20).
  const double low = *at(r.result.parcels[2].indicators, Indicator::tax_per_mu);
  const double high = *at(r.result.parcels[0].indicators, Indicator::tax_per_mu);
  REQUIRE(low == Approx(2).epsilon(0.01));
  REQUIRE(high == Approx(20).epsilon(0.01));
  styles->SetAttributeFilter("styleName = '亩均税收分级'");
  std::unique_ptr<OGRFeature> tax(styles->GetNextFeature());
  REQUIRE(tax);
  CHECK_THAT(tax->GetFieldAsString("styleQML"),
             Catch::Matchers::Contains("lower=\"" + number_text(low) + "\"") &&
                 Catch::Matchers::Contains("upper=\"" + number_text(high) + "\""));
}

TEST_CASE("GeoPackage bytes repeat: dates are the evaluation date", "[gpkg]") {
  const test::SmallReview r = test::small_review();
  const std::string a = write_small(r, "a.gpkg");
  const std::string b = write_small(r, "b.gpkg");
  CHECK(bytes(a) == bytes(b));
  auto ds = open(a);
  std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> contents(
      ds->ExecuteSQL("SELECT last_change FROM gpkg_contents WHERE table_name = 'parcels'", nullptr,
                     nullptr),
      [&](OGRLayer* l) { ds->ReleaseResultSet(l); });
  std::unique_ptr<OGRFeature> f(contents->GetNextFeature());
  // Stored as 2024-12-31T00:00:00.000Z; OGR reads the DATETIME back in its own notation.
  CHECK(std::string(f->GetFieldAsString(0)) == "2024/12/31 00:00:00+00");
}

TEST_CASE("GeoPackage holds every row in order past the two-thread writer's first batches",
          "[gpkg]") {
  // 5000 parcels: the writer makes and inserts them in batches of 2048, on two threads.
  test::SmallReview r;
  r.input = test::gk_input();
  for (int i = 0; i < 5000; ++i) {
    const double x = 20.0 * (i % 100), y = 20.0 * (i / 100), w = 10 + i % 7;
    r.input.parcels.push_back(
        test::parcel("Q" + std::to_string(i), test::local_rect(x, y, x + w, y + 10)));
  }
  r.input.enterprises = {test::EnterpriseBuilder("91361181MA35R8Y924")};
  test::number_rows(r.input);
  r.result = run_review(r.input, r.config);
  auto ds = open(write_small(r, "batches.gpkg"));
  REQUIRE(ds);
  OGRLayer* parcels = ds->GetLayerByName("parcels");
  REQUIRE(parcels);
  REQUIRE(parcels->GetFeatureCount() == 5000);
  parcels->ResetReading();
  int k = 0, in_order = 0, areas_right = 0;
  for (std::unique_ptr<OGRFeature> f(parcels->GetNextFeature()); f;
       f.reset(parcels->GetNextFeature()), ++k) {
    in_order += std::string(f->GetFieldAsString("parcel_id")) == "Q" + std::to_string(k);
    const double area = f->GetGeometryRef()->toMultiPolygon()->get_Area();
    areas_right += std::abs(area - 10.0 * (10 + k % 7)) < 1e-6;
  }
  CHECK(k == 5000);
  CHECK(in_order == 5000);
  CHECK(areas_right == 5000);
}
