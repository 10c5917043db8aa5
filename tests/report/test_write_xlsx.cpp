// rankings.xlsx from the small review, read back by GDAL's XLSX driver (an independent reader):
// lists longer than the workbook's limit keep their first and last rows with a row between.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "report/ordering.hpp"
#include "report/report.hpp"
#include "small_report.hpp"

using namespace muyield;

namespace {

// The first cell of every data row of sheet `sheet` (header row excluded).
std::vector<std::string> first_cells(const std::string& path, const char* sheet) {
  GDALAllRegister();
  const char* options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, nullptr,
                                                    options, nullptr));
  REQUIRE(ds);
  OGRLayer* layer = ds->GetLayerByName(sheet);
  REQUIRE(layer);
  std::vector<std::string> cells;
  for (auto& feature : *layer) cells.emplace_back(feature->GetFieldAsString(0));
  return cells;
}

}  // namespace

TEST_CASE("workbook lists longer than the limit keep their ends and say what is left out",
          "[xlsx]") {
  const test::SmallReport small;
  const std::size_t below = report::ranking_order(small.in, Group::below).size();
  REQUIRE(below >= 3);  // the small review has enough firms below scale to cut
  const auto path = (std::filesystem::temp_directory_path() / "muyield-test-rankings.xlsx").string();

  report::write_xlsx(path, small.in, report::XlsxLimits{2});
  std::vector<std::string> cut = first_cells(path, "规下企业");
  REQUIRE(cut.size() == 3);  // first, the row saying how many are left out, last
  CHECK(cut[0] == "1");      // rank 1 stays
  CHECK(cut[1].find("中间 " + std::to_string(below - 2) + " 行从略") != std::string::npos);
  CHECK(cut[1].find("完整名单见 enterprises.csv 与 muyield.gpkg") != std::string::npos);

  report::write_xlsx(path, small.in);  // the default limit: a county's list is whole
  const std::vector<std::string> whole = first_cells(path, "规下企业");
  CHECK(whole.size() == below);
  CHECK(whole.back() == cut.back());  // the kept tail is the list's real end
  std::filesystem::remove(path);
}
