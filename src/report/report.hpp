// The outputs for people rather than programs: rankings.xlsx for officials and report.html (and
// its PDF print) for the review meeting. Both read the review through the shared row schema.
#pragma once

#include <string>

#include "io/output_rows.hpp"
#include "muyield/config.hpp"
#include "muyield/model.hpp"
#include "muyield/result.hpp"

namespace muyield::report {

struct ReportInput {
  const ReviewInput& input;
  const ReviewResult& result;
  const ReviewConfig& config;
  const io::OutputRows& parcels;
  const io::OutputRows& enterprises;
  const io::OutputRows& parks;
};

// Sheets 规上企业 and 规下企业 (ranked enterprises first, then the unrated), 低效用地 (flagged
// parcels with reasons and potentials), 园区汇总 (one row per park and the total). Written
// atomically; the workbook's creation time is the evaluation date, so its bytes repeat.
// What the workbook holds at most, so that a province's review still opens in Excel on a laptop
// (10⁶ rows of ~60 columns are 3 GB of sheet XML): a longer list keeps its first and last half
// of list_rows with a row between saying how many are left out (all are in the CSVs and the
// GeoPackage). A county's lists (10²–10⁴ rows) are never cut.
struct XlsxLimits {
  std::size_t list_rows = 100000;
};

void write_xlsx(const std::string& path, const ReportInput& in, const XlsxLimits& limits = {});

// One self-contained HTML file (no network): parameters, park summary, SVG map, charts,
// sortable rankings, flagged land. Written atomically.
// What report.html shows at most, so that a province's review still opens in a browser: longer
// tables show their first and last rows (all rows are in the CSVs and the GeoPackage), and a review
// of more parcels than map_parcels maps its parks as grids (svg_map.hpp).
struct HtmlLimits {
  std::size_t table_rows = 1000;
  std::size_t map_parcels = 20000;
};

void write_html(const std::string& path, const ReportInput& in, const HtmlLimits& limits = {});

// The Chinese title of the report (also the PDF's title).
std::string report_title(const ReviewResult& result);

}  // namespace muyield::report
