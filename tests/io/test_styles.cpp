// The compiled-in QGIS styles and the quantile breaks filled into the tax-per-mu template.
#include <catch2/catch.hpp>

#include "io/styles.hpp"

using namespace muyield::io;
using Catch::Matchers::Contains;

TEST_CASE("quantile breaks interpolate between order statistics", "[styles]") {
  // 11 values: quantile k/5 sits on order statistic 2k exactly.
  CHECK(quantile_breaks({11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5) ==
        std::vector<double>{1, 3, 5, 7, 9, 11});
  // Two values: (n − 1)·q = q, so the breaks are 0 + 10·q.
  CHECK(quantile_breaks({10, 0}, 4) == std::vector<double>{0, 2.5, 5, 7.5, 10});
  CHECK(quantile_breaks({}, 5) == std::vector<double>(6, 0.0));
  CHECK(quantile_breaks({-3}, 2) == std::vector<double>{-3, -3, -3});
}

TEST_CASE("the tax style template is filled completely", "[styles]") {
  const std::vector<double> breaks{-1.5, 2, 4.25, 8, 16, 32.126};
  for (const char* file : {"parcels_tax_per_mu.qml", "parcels_tax_per_mu.sld"}) {
    INFO(file);
    const std::string_view tpl = embedded_style(file);
    REQUIRE_THAT(std::string(tpl), Contains("{{b5}}"));
    const std::string filled = fill_breaks(tpl, breaks);
    CHECK(filled.find("{{") == std::string::npos);
    CHECK_THAT(filled, Contains("-1.5") && Contains("32.126") && Contains("-1.50 - 2.00") &&
                           Contains("16.00 - 32.13"));
  }
}

TEST_CASE("every style of styles/ is compiled in", "[styles]") {
  for (const char* name : {"class", "flags", "tax_per_mu"})
    for (const char* ext : {".qml", ".sld"}) {
      const std::string file = std::string("parcels_") + name + ext;
      INFO(file);
      CHECK(!embedded_style(file).empty());
    }
  const std::string qml(embedded_style("parcels_class.qml"));
  CHECK_THAT(qml, Contains("type=\"categorizedSymbol\"") && Contains("attr=\"class\""));
  for (const char* c : {"value=\"A\"", "value=\"B\"", "value=\"C\"", "value=\"D\""})
    CHECK_THAT(qml, Contains(c));
  CHECK_THROWS_AS(embedded_style("nope.qml"), std::out_of_range);
}
