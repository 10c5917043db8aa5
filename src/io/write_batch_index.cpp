#include "io/write_batch_index.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "io/html_escape.hpp"
#include "io/pending_file.hpp"

namespace muyield::io {

namespace fs = std::filesystem;

std::string url_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {

// The files of one output folder: the known outputs in this order, then any others by name.
std::vector<std::string> listed_files(const fs::path& dir) {
  static const std::vector<std::string> known = {"report.html",
                                                 "rankings.xlsx",
                                                 "muyield.gpkg",
                                                 "parcels.geojson",
                                                 "enterprises.csv",
                                                 "parcels.csv",
                                                 "parks.csv",
                                                 "rejects.csv",
                                                 "run.json",
                                                 "enterprise_changes.csv",
                                                 "class_migration.csv",
                                                 "parcel_flag_changes.csv"};
  std::vector<std::string> present, others;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.empty() || name[0] == '.') continue;
    if (std::find(known.begin(), known.end(), name) == known.end()) others.push_back(name);
  }
  for (const std::string& k : known)
    if (fs::is_regular_file(dir / k)) present.push_back(k);
  std::sort(others.begin(), others.end());
  present.insert(present.end(), others.begin(), others.end());
  return present;
}

std::string links(const fs::path& out, const std::string& folder) {
  std::string html;
  for (const std::string& f : listed_files(out / folder)) {
    html +=
        "<a href=\"" + html_escape(url_path(folder + "/" + f)) + "\">" + html_escape(f) + "</a> ";
  }
  return html;
}

std::string number(const std::optional<double>& v) {
  if (!v) return "";
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s.setf(std::ios::fixed);
  s.precision(2);
  s << *v;
  return s.str();
}

}  // namespace

void write_batch_index(const std::string& out_dir, const BatchOutcome& outcome,
                       const std::string& batch_file) {
  const fs::path out(out_dir);
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
       "<title>亩均效益评价 批处理 / muyield batch</title>\n"
       "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
       "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
       ".failed{background:#fde2e2}.num{text-align:right}</style></head><body>\n";
  h << "<h1>亩均效益评价 批处理 / muyield batch</h1>\n<p>" << html_escape(batch_file)
    << " — <a href=\"batch_summary.csv\">batch_summary.csv</a></p>\n";
  h << "<h2>评价 / Reviews</h2>\n<table><tr><th>园区 park</th><th>年度 year</th>"
       "<th>状态 status</th><th>宗地 parcels</th><th>企业 enterprises</th><th>A/B/C/D</th>"
       "<th>拒收 rejects</th><th>亩均税收 tax/mu</th><th>文件 files</th></tr>\n";
  for (const ReviewSummary& r : outcome.reviews) {
    h << "<tr" << (r.ok ? "" : " class=\"failed\"") << "><td>" << html_escape(r.park) << "</td><td>"
      << r.year << "</td>";
    if (!r.ok) {
      h << "<td>失败 failed</td><td colspan=\"6\">" << html_escape(r.error) << "</td></tr>\n";
      continue;
    }
    h << "<td>ok</td><td class=\"num\">" << r.parcels << "</td><td class=\"num\">" << r.enterprises
      << "</td><td>" << r.classes[0] << "/" << r.classes[1] << "/" << r.classes[2] << "/"
      << r.classes[3] << "</td><td class=\"num\">" << r.rejects << "</td><td class=\"num\">"
      << number(r.tax_per_mu) << "</td><td>" << links(out, r.folder) << "</td></tr>\n";
  }
  h << "</table>\n";
  if (!outcome.comparisons.empty()) {
    h << "<h2>年度对比 / Year over year</h2>\n<table><tr><th>园区 park</th><th>年度 years</th>"
         "<th>企业 enterprises (both / new / gone)</th><th>类别 class (up / down / same)</th>"
         "<th>文件 files</th></tr>\n";
    for (const ComparisonSummary& c : outcome.comparisons) {
      h << "<tr" << (c.ok ? "" : " class=\"failed\"") << "><td>" << html_escape(c.park)
        << "</td><td>" << c.from_year << " → " << c.to_year << "</td>";
      if (!c.ok) {
        h << "<td colspan=\"3\">" << html_escape(c.error) << "</td></tr>\n";
        continue;
      }
      const CompareCounts& n = c.counts;
      h << "<td>" << n.enterprises_both << " / " << n.enterprises_appeared << " / "
        << n.enterprises_disappeared << "</td><td>" << n.class_up << " / " << n.class_down << " / "
        << n.class_same << "</td><td>" << links(out, c.folder) << "</td></tr>\n";
    }
    h << "</table>\n";
  }
  h << "</body></html>\n";

  write_file_atomically((out / "index.html").string(), h.str());
}

}  // namespace muyield::io
