// report.html from the small review: text from the data is escaped, the map has one path per
// parcel with flagged ones marked, and the file needs nothing from the network.
#include <catch2/catch.hpp>

#include "report/html.hpp"
#include "report/report.hpp"
#include "small_report.hpp"

using namespace muyield;
using Catch::Matchers::Contains;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string small_report_html(const report::HtmlLimits& limits = {}) {
  return test::SmallReport().page("muyield-test-report.html",
                                  [&](const std::string& path, const report::ReportInput& in) {
                                    report::write_html(path, in, limits);
                                  });
}

}  // namespace

TEST_CASE("escape covers the five markup characters", "[html]") {
  CHECK(report::escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(report::escape("亩均") == "亩均");
}

TEST_CASE("fixed writes locale-free decimals and a dash for missing", "[html]") {
  CHECK(report::fixed(12.345, 2) == "12.35");  // 12.345 is 12.3450000000000006394884621841
  CHECK(report::fixed(-0.001, 2) == "0.00");
  CHECK(report::fixed(std::nullopt) == "–");
}

TEST_CASE("report.html escapes data text and is self-contained", "[html]") {
  const std::string html = small_report_html();
  CHECK_THAT(html, Contains("<title>亩均效益综合评价报告（2024年度）</title>"));
  CHECK_THAT(html, Contains("&lt;script&gt;alert(1)&lt;/script&gt;甲&amp;乙有限公司"));
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(count(html, "<script>") == 1);  // the sorting script only
  // No fetches: no external scripts, styles, images or fonts.
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
}

TEST_CASE("report map: one path per parcel, the flagged one marked", "[html]") {
  const std::string html = small_report_html();
  // Maps per park: 东园 (P1, P2) and 西园 (P3, P4); P4 (批而未供) is the only flagged parcel.
  CHECK(count(html, "<title>宗地 ") == 4);
  CHECK(count(html, "class=\"flagged\"") == 1);
  CHECK_THAT(html, Contains("宗地 P4"));
  CHECK_THAT(html, Contains("标记 批而未供"));
}

TEST_CASE("report at a province's size: tables cut to their ends, maps drawn as a grid", "[html]") {
  // The small review with limits of 1 row and 1 parcel stands in for 10⁶ parcels.
  const std::string html = small_report_html(report::HtmlLimits{1, 1});
  // No parcel paths any more: one grid cell per park here (each park is a few hundred metres
  // across and the grid 160 cells wide: P1 and P2 may share a cell or not, so count ≥ 1 per park).
  CHECK(count(html, "<title>宗地 ") == 0);
  CHECK(count(html, "用地最多的分类 ") >= 2);
  CHECK_THAT(html, Contains("按网格概括显示"));
  // The cell holding P4 (批而未供, 西园) is outlined and says so on hover.
  CHECK(count(html, "class=\"flagged\"><title>") == 1);
  CHECK_THAT(html, Contains("低效用地 1 宗"));
  // Ranking tables of more rows than the limit show a row saying how many are left out.
  CHECK_THAT(html, Contains("行从略，完整名单见 CSV 文件与 muyield.gpkg"));
  // Without limits nothing is left out.
  CHECK(small_report_html().find("行从略") == std::string::npos);
}
