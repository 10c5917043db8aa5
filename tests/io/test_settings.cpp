#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/settings.hpp"

using namespace muyield;
using namespace muyield::io;

namespace {

std::string error_of(std::string_view text) {
  try {
    parse_settings(text, "review.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the template muyield init writes parses to exactly the METHOD.md defaults") {
  Settings s = parse_settings(default_settings_toml(), "review.toml");
  ReviewConfig d = ReviewConfig::defaults();
  CHECK_FALSE(s.review.year.has_value());
  CHECK(s.review.area_method == AreaMethod::geodesic);
  CHECK(s.review.rating.above_revenue_threshold == 2000.0);
  CHECK(s.review.rating.exempt_divisions == d.rating.exempt_divisions);
  REQUIRE(s.review.scoring.above.indicators.size() == d.scoring.above.indicators.size());
  for (size_t i = 0; i < d.scoring.above.indicators.size(); ++i) {
    CHECK(s.review.scoring.above.indicators[i].indicator ==
          d.scoring.above.indicators[i].indicator);
    CHECK(s.review.scoring.above.indicators[i].weight == d.scoring.above.indicators[i].weight);
  }
  REQUIRE(s.review.scoring.below.indicators.size() == 3);
  CHECK(s.review.scoring.below.indicators[1].indicator == Indicator::tax_per_kwh);
  CHECK(s.review.scoring.bonus == d.scoring.bonus);
  CHECK(s.review.classes.labels == d.classes.labels);
  CHECK(s.review.building.min_coverage == d.building.min_coverage);
  CHECK(s.review.flags.idle_coverage_fraction == d.flags.idle_coverage_fraction);
  CHECK(s.review.building.far_minimums.size() == d.building.far_minimums.size());
  CHECK(settings_to_json(s) == settings_to_json(Settings{}));
}

TEST_CASE("weights keep the order of the file, not alphabetical order") {
  Settings s = parse_settings(R"([scoring.below.weights]
tax_per_mu = 60
revenue_per_mu = 25
labor_productivity = 15
)",
                              "review.toml");
  const auto& ind = s.review.scoring.below.indicators;
  REQUIRE(ind.size() == 3);
  CHECK(ind[0].indicator == Indicator::tax_per_mu);
  CHECK(ind[1].indicator == Indicator::revenue_per_mu);
  CHECK(ind[2].indicator == Indicator::labor_productivity);
  CHECK(ind[2].weight == 15);
  // The other group keeps its defaults.
  CHECK(s.review.scoring.above.indicators.size() == 6);
}

TEST_CASE("fixed benchmarks, presets, thresholds and --year style overrides") {
  Settings s = parse_settings(R"([review]
year = 2023
evaluation_date = "2024-06-30"
area_method = "planar"
[scoring.above.benchmarks]
tax_per_mu = 15.5
[classes]
method = "thresholds"
[classes.thresholds.above]
a = 90
b = 70
c = 50
[building]
preset = "2023"
)",
                              "review.toml");
  CHECK(s.review.year == 2023);
  CHECK(s.review.evaluation_date_for(2023) == Date{2024, 6, 30});
  CHECK(s.review.area_method == AreaMethod::planar);
  CHECK(s.review.scoring.above.indicators[0].fixed_benchmark == 15.5);
  CHECK_FALSE(s.review.scoring.above.indicators[1].fixed_benchmark.has_value());
  CHECK(s.review.classes.method == ClassMethod::thresholds);
  CHECK(s.review.classes.thresholds_above.b == 70);
  CHECK(s.review.building.min_coverage == 0.40);
  CHECK(s.review.building.preset == "2023");
}

TEST_CASE("mistakes in review.toml name the key and say what to do") {
  CHECK_THAT(error_of("[rating]\nmin_land_muu = 3\n"),
             Catch::Contains("rating.min_land_muu") && Catch::Contains("unknown setting"));
  CHECK_THAT(error_of("[rating]\nmin_land_mu = \"three\"\n"),
             Catch::Contains("rating.min_land_mu") && Catch::Contains("expected a number"));
  CHECK_THAT(error_of("[classes]\nshare_a = 1.5\n"), Catch::Contains("classes.share_a"));
  CHECK_THAT(error_of("[classes]\nshare_a = 0.7\n"), Catch::Contains("must grow"));
  CHECK_THAT(error_of("[scoring.above.weights]\ntax_per_muu = 3\n"),
             Catch::Contains("unknown indicator") && Catch::Contains("tax_per_kwh"));
  CHECK_THAT(error_of("[scoring.above.benchmarks]\ntax_per_kwh = 3\n"),
             Catch::Contains("without a weight"));
  CHECK_THAT(error_of("[scoring.deduction]\nenv_penalty = 5\n"),
             Catch::Contains("scoring.deduction.env_penalty") &&
                 Catch::Contains("input.fields.enterprises"));
  CHECK_THAT(error_of("[review\nyear = 2024\n"), Catch::Contains("line 1"));
  CHECK_THAT(error_of("[review]\nevaluation_date = \"2024-13-01\"\n"),
             Catch::Contains("review.evaluation_date"));
  CHECK_THAT(error_of("review = 3\n"), Catch::Contains("expected a table"));
  CHECK(error_of("[scoring.deduction]\nenv_penalty = 5\n[input.fields.enterprises]\n"
                 "env_penalty = \"环保处罚\"\n")
            .empty());
}

TEST_CASE("a county's own FAR table is read relative to review.toml") {
  auto dir = std::filesystem::temp_directory_path() / "muyield_settings_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "far.csv") << "\xEF\xBB\xBF"
                                      "division,name,far_min\r\n13,农副食品加工业,1.2\r\n"
                                      "7,石油和天然气开采业,0.5\r\n";
    std::ofstream(dir / "review.toml") << "[building]\nfar_table = \"far.csv\"\n";
  }
  Settings s = load_settings((dir / "review.toml").string());
  REQUIRE(s.review.building.far_minimums.size() == 2);
  CHECK(s.review.building.far_minimums[0].division == "13");
  CHECK(s.review.building.far_minimums[0].far_min == 1.2);
  CHECK(s.review.building.far_minimums[1].division == "07");
  { std::ofstream(dir / "far.csv") << "division,name,far_min\n13,x,abc\n"; }
  CHECK_THROWS_WITH(load_settings((dir / "review.toml").string()),
                    Catch::Contains("far.csv row 2"));
  CHECK_THROWS_WITH(load_settings((dir / "missing.toml").string()),
                    Catch::Contains("missing.toml") && Catch::Contains("muyield init"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("[stability]: runs, seed, spreads, threshold; checked like every table") {
  Settings s = parse_settings(R"([stability]
runs = 250
seed = 7
weight_spread = 0.1
benchmark_spread = 0.3
unstable_below = 0.9
what_it_takes = false
)",
                              "review.toml");
  const StabilityConfig& st = s.review.stability;
  CHECK(st.enabled);
  CHECK(st.runs == 250);
  CHECK(st.seed == 7);
  CHECK(st.weight_spread == 0.1);
  CHECK(st.benchmark_spread == 0.3);
  CHECK(st.unstable_below == 0.9);
  CHECK_FALSE(st.what_it_takes);
  CHECK(settings_to_json(s)["stability"]["runs"] == 250);
  CHECK(ReviewConfig::defaults().stability.runs == 1000);
  CHECK_THROWS_AS(parse_settings("[stability]\nruns = 0\n", "r.toml"), ConfigError);
  CHECK_THROWS_AS(parse_settings("[stability]\nweight_spread = 1.5\n", "r.toml"), ConfigError);
  CHECK_THROWS_AS(parse_settings("[stability]\nrun = 10\n", "r.toml"), ConfigError);
  CHECK_THROWS_AS(parse_settings("[stability]\nenabled = 1\n", "r.toml"), ConfigError);
}
