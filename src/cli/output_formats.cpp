#include "cli/output_formats.hpp"

#include <algorithm>

namespace muyield::cli {

void OutputFormats::add_to(CLI::App& app) {
  app.add_option(
         "--formats", formats,
         "输出格式 output formats, comma-separated (default geojson,gpkg,csv,xlsx,html):\n"
         "  geojson parcels.geojson; gpkg muyield.gpkg (styled for QGIS); csv parcels.csv,\n"
         "  enterprises.csv, parks.csv; xlsx rankings.xlsx; html report.html;\n"
         "  pdf report.pdf, report.html printed by headless Chromium (needs `chromium`)")
      ->delimiter(',')
      ->check(CLI::IsMember({"geojson", "gpkg", "csv", "xlsx", "html", "pdf"}));
  app.add_flag("--pdf", pdf,
               "also write report.pdf: report.html printed by headless Chromium "
               "(Debian package chromium; an error when it is not installed)");
}

bool OutputFormats::has(std::string_view format) const {
  if (format == "pdf" && pdf) return true;
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

}  // namespace muyield::cli
