// The report's class colours are the QGIS style's (styles/make_styles.py writes both sides).
#include <catch2/catch.hpp>

#include "io/styles.hpp"
#include "report/palette.hpp"

using namespace muyield;

TEST_CASE("class colours match the compiled-in SLD", "[palette]") {
  const std::string sld(io::embedded_style("parcels_class.sld"));
  for (Grade g : kAllGrades) {
    const std::string literal = "<ogc:Literal>" + std::string(grade_key(g)) + "</ogc:Literal>";
    INFO(literal);
    const std::size_t rule = sld.find(literal);
    REQUIRE(rule != std::string::npos);
    const std::string fill = "name=\"fill\">";
    const std::size_t at = sld.find(fill, rule);
    REQUIRE(at != std::string::npos);
    CHECK(sld.substr(at + fill.size(), 7) == report::grade_colour(g));
  }
}
