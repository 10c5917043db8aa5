// appeal.html from the small review: one section per enterprise, data text escaped, nothing
// fetched from the network, the stability and what-it-takes parts present for rated firms.
#include <catch2/catch.hpp>

#include "report/appeal_html.hpp"
#include "small_report.hpp"

using namespace muyield;
using Catch::Matchers::Contains;

TEST_CASE("appeal.html: a page per enterprise, escaped, self-contained", "[appeal]") {
  const test::SmallReport report;
  const test::SmallReview& r = report.r;
  const std::string html = report.page("muyield-test-appeal.html",
                                       [](const std::string& path, const report::ReportInput& in) {
                                         report::write_appeal_html(path, in);
                                       });

  std::size_t sections = 0;
  for (std::size_t at = html.find("<section id=\"e"); at != std::string::npos;
       at = html.find("<section id=\"e", at + 1))
    ++sections;
  CHECK(sections == r.result.enterprises.size());
  CHECK_THAT(html, Contains("&lt;script&gt;alert(1)&lt;/script&gt;甲&amp;乙有限公司"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK_THAT(html, Contains("page-break-after:always"));
  CHECK_THAT(html, Contains("分类稳定性"));
  CHECK_THAT(html, Contains("升降档测算"));
}

TEST_CASE("appeal.html at a province's size: the pages an officer must defend first", "[appeal]") {
  const test::SmallReport report;
  const test::SmallReview& r = report.r;
  const std::string html = report.page("muyield-test-appeal-capped.html",
                                       [](const std::string& path, const report::ReportInput& in) {
                                         report::write_appeal_html(path, in, 1);
                                       });
  // One page, for a firm of the most urgent kind the review has: D class or an unstable class,
  // else C, else the others.
  const std::size_t at = html.find("<section id=\"e");
  REQUIRE(at != std::string::npos);
  CHECK(html.find("<section id=\"e", at + 1) == std::string::npos);
  const std::size_t kept = std::stoul(html.substr(at + 14));
  const EnterpriseResult& e = r.result.enterprises[kept];
  auto urgency = [](const EnterpriseResult& x) {
    if (x.grade == Grade::D || (x.stability && x.stability->unstable)) return 0;
    return x.grade == Grade::C ? 1 : 2;
  };
  int most_urgent = 2;
  for (const EnterpriseResult& x : r.result.enterprises)
    if (x.rated()) most_urgent = std::min(most_urgent, urgency(x));
  CHECK(urgency(e) == most_urgent);
  CHECK(e.rated());
  CHECK_THAT(html, Contains("本文件收录 1 家"));
}
