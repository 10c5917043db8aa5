#include "io/read_inputs.hpp"

#include <future>
#include <iterator>

#include "io/input_error.hpp"
#include "io/table_source.hpp"
#include "io/values.hpp"

namespace muyield::io {

ReadResult read_inputs(const InputPaths& paths, const InputOptions& options) {
  // The buildings (the largest input: ~3 per parcel) are read on a thread of their own while the
  // parcels and enterprises are read here (separate GDAL datasets); their records, issues and
  // report then join in the fixed order parcels, enterprises, buildings, links.
  ReadResult buildings;
  std::future<void> reading;
  if (!paths.buildings.empty())
    reading = std::async(std::launch::async,
                         [&] { read_buildings(paths.buildings, options, buildings); });
  ReadResult out;
  try {
    read_parcels(paths.parcels, options, out);
    if (!paths.enterprises.empty()) read_enterprises(paths.enterprises, options, out);
  } catch (...) {
    if (reading.valid()) reading.wait();  // the parcels' or enterprises' error comes first
    throw;
  }
  if (reading.valid()) {
    reading.get();
    out.input.buildings = std::move(buildings.input.buildings);
    out.input.buildings_crs = std::move(buildings.input.buildings_crs);
    out.input.has_buildings = buildings.input.has_buildings;
    out.issues.insert(out.issues.end(), std::make_move_iterator(buildings.issues.begin()),
                      std::make_move_iterator(buildings.issues.end()));
    out.reports.insert(out.reports.end(), std::make_move_iterator(buildings.reports.begin()),
                       std::make_move_iterator(buildings.reports.end()));
  }
  if (!paths.links.empty()) read_links(paths.links, options, out);
  return out;
}

std::map<std::string, std::string> field_mapping(const InputOptions& options, TableKind kind) {
  auto it = options.fields.find(kind);
  return it == options.fields.end() ? std::map<std::string, std::string>{} : it->second;
}

InputReport describe(const TableSource& table, std::string input) {
  InputReport r;
  r.input = std::move(input);
  r.source = table.name();
  r.layer = table.layer_name();
  r.content_sha256 = table.content_sha256();
  r.driver = table.driver();
  r.encoding = table.encoding();
  r.encoding_note = table.encoding_note();
  r.header_row = table.header_row();
  r.recognition = table.recognition();
  return r;
}

const RecognizedField* require_field(const TableSource& table, std::string_view canonical,
                                     std::string_view table_key) {
  if (const RecognizedField* f = table.field(canonical)) return f;
  std::string columns;
  for (const std::string& h : table.headers()) columns += (columns.empty() ? "" : ", ") + h;
  throw InputError(table.name(), "找不到字段 " + std::string(canonical) + " / no " +
                                     std::string(canonical) + " field among the columns [" +
                                     columns +
                                     "]: rename the column or map it in review.toml [fields." +
                                     std::string(table_key) + "] " + std::string(canonical) +
                                     " = \"<your column>\"");
}

bool check_uscc(const std::string& uscc, const SourceRow& where, std::string_view field,
                Issues& issues) {
  if (uscc.empty() || uscc_valid(uscc)) return true;
  issues.push_back(Issue{where.file, std::to_string(where.row), std::string(field), uscc,
                         "统一社会信用代码校验位不符（GB 32100） / the credit code fails its "
                         "GB 32100 check digit: check for a typo (still used)",
                         Severity::warning, false});
  return false;
}

SupplyStatus parse_supply_status(std::string_view text) {
  const std::string t = trim(text);
  if (t.empty()) return SupplyStatus::unknown;
  for (const char* s : {"已供", "已供应", "已出让", "已划拨", "供应", "supplied"})
    if (t == s) return SupplyStatus::supplied;
  for (const char* s : {"批而未供", "未供", "未供应", "unsupplied"})
    if (t == s) return SupplyStatus::unsupplied;
  return SupplyStatus::other;
}

}  // namespace muyield::io
