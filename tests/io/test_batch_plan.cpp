// The batch file: parks × years, shared and per-park inputs, layered settings, key-named errors.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "io/batch_plan.hpp"
#include "io/input_error.hpp"

using namespace muyield;
using namespace muyield::io;

namespace {

std::string error_of(std::string_view text) {
  try {
    parse_batch_plan(text, "dir/batch.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

const char* kBatch = R"(
years = [2024, 2023]
config = "review.toml"
[inputs]
enterprises = "企业{year}.xlsx"
links = "/abs/links.csv"
[settings.flags]
low_yield_ratio = 0.25
[[park]]
name = "东园"
parcels = "{park}/宗地.shp"
[park.settings.scoring.below.weights]
tax_per_mu = 60
revenue_per_mu = 40
[[park]]
name = "a/b"
parcels = "PG:dbname=gis"
years = [2022]
[[park]]
name = "a_b"
parcels = "b.shp"
)";

}  // namespace

TEST_CASE("a batch plan: parks in file order, years ascending, {park} and {year} filled in") {
  const BatchPlan plan = parse_batch_plan(kBatch, "dir/batch.toml");
  CHECK(plan.parks == std::vector<std::string>{"东园", "a/b", "a_b"});
  REQUIRE(plan.reviews.size() == 5);  // 东园 × 2, a/b × 1, a_b × 2
  CHECK(plan.reviews[0].park == "东园");
  CHECK(plan.reviews[0].year == 2023);
  CHECK(plan.reviews[1].year == 2024);
  CHECK(plan.reviews[0].inputs.parcels == "dir/东园/宗地.shp");
  CHECK(plan.reviews[1].inputs.enterprises == "dir/企业2024.xlsx");
  CHECK(plan.reviews[0].inputs.links == "/abs/links.csv");  // absolute: as written
  CHECK(plan.reviews[0].inputs.buildings.empty());
  CHECK(plan.reviews[2].year == 2022);                       // the park's own years
  CHECK(plan.reviews[2].inputs.parcels == "PG:dbname=gis");  // a connection: as written
  // Folders: safe, and unique although "a/b" and "a_b" sanitise alike.
  CHECK(plan.reviews[2].park_dir == "a_b");
  CHECK(plan.reviews[3].park_dir == "a_b-2");
  // Layers: shared config, shared [settings], then the park's own.
  REQUIRE(plan.reviews[0].settings.size() == 3);
  CHECK(plan.reviews[0].settings[0].file == "dir/review.toml");
  REQUIRE(plan.reviews[2].settings.size() == 2);
}

TEST_CASE("layered settings: later layers win, inline weights keep the planner's order") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(MUYIELD_BINARY_DIR) / "test-work" / "batch_plan";
  fs::create_directories(dir);
  std::ofstream(dir / "review.toml") << "[flags]\nlow_yield_ratio = 0.4\nidle_years = 3\n";
  const std::string text = R"(
years = [2024]
config = "review.toml"
[settings.flags]
low_yield_ratio = 0.25
[[park]]
name = "东园"
parcels = "p.shp"
[park.settings.scoring.below.weights]
tax_per_mu = 60
revenue_per_mu = 25
tax_per_kwh = 15
)";
  const BatchPlan plan = parse_batch_plan(text, (dir / "batch.toml").string());
  const Settings s = merge_settings(plan.reviews[0].settings);
  CHECK(s.review.flags.low_yield_ratio == 0.25);  // inline over the file
  CHECK(s.review.flags.idle_years == 3);          // from the file
  const auto& below = s.review.scoring.below.indicators;
  REQUIRE(below.size() == 3);
  CHECK(below[0].indicator == Indicator::tax_per_mu);
  CHECK(below[1].indicator == Indicator::revenue_per_mu);  // file order, not alphabetical
  CHECK(below[2].indicator == Indicator::tax_per_kwh);
  CHECK(below[1].weight == 25);
  CHECK(s.review.scoring.above.indicators.size() == 6);  // untouched: defaults
}

TEST_CASE("layered settings: a wrong key in a park's settings is named") {
  const BatchPlan plan = parse_batch_plan(
      "years = [2024]\n[[park]]\nname = \"东园\"\nparcels = \"p.shp\"\n"
      "[park.settings.flags]\nlow_yeild_ratio = 1\n",
      "dir/batch.toml");
  try {
    merge_settings(plan.reviews[0].settings);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Contains("park.1.settings") && Catch::Contains("low_yeild_ratio"));
  }
}

TEST_CASE("batch files that cannot be used are named by key") {
  CHECK_THAT(error_of("years = [2024]\n"), Catch::Contains("[park]"));
  CHECK_THAT(error_of("years = [2024]\nyaers = 1\n[[park]]\nname=\"a\"\nparcels=\"p\"\n"),
             Catch::Contains("yaers"));
  CHECK_THAT(error_of("[[park]]\nname=\"a\"\nparcels=\"p\"\n"), Catch::Contains("years"));
  CHECK_THAT(error_of("years = [24]\n[[park]]\nname=\"a\"\nparcels=\"p\"\n"),
             Catch::Contains("1949"));
  CHECK_THAT(error_of("years = [2024]\n[[park]]\nname=\"a\"\n"), Catch::Contains("parcels"));
  CHECK_THAT(error_of("years = [2024]\n[[park]]\nname=\"a\"\nparcels=\"p\"\n"
                      "[[park]]\nname=\"a\"\nparcels=\"q\"\n"),
             Catch::Contains("twice"));
  CHECK_THAT(error_of("years = [2024\n"), Catch::Contains("not valid TOML"));
}

TEST_CASE("input patterns: as is without wildcards, a glob must match exactly one file") {
  const std::string dir = std::string(MUYIELD_TEST_DIR) + "/fixtures/readers/";
  CHECK(resolve_input(dir + "links.csv") == dir + "links.csv");
  CHECK(resolve_input(dir + "parcels.g*kg") == dir + "parcels.gpkg");
  CHECK(resolve_input("PG:dbname=x table=*") == "PG:dbname=x table=*");
  CHECK_THROWS_WITH(resolve_input(dir + "nothing*.shp"), Catch::Contains("no file matches"));
  CHECK_THROWS_WITH(resolve_input(dir + "parcels.*"), Catch::Contains("files match"));
}
