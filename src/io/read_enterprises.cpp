#include <cmath>

#include "io/layer_crs.hpp"
#include "io/read_inputs.hpp"
#include "io/table_source.hpp"
#include "io/values.hpp"

namespace muyield::io {

void read_enterprises(const std::string& path, const InputOptions& options, ReadResult& out) {
  TableSource table({path, options.enterprises_layer, options.encoding,
                     field_mapping(options, TableKind::enterprises)},
                    TableKind::enterprises);
  const RecognizedField* uscc = require_field(table, "uscc", "enterprises");
  const RecognizedField* name = table.field("name");
  const RecognizedField* year = table.field("year");
  const RecognizedField* industry = table.field("industry_code");
  const RecognizedField* above = table.field("above_scale");
  const RecognizedField* start = table.field("production_start");
  const RecognizedField* veto = table.field("veto");
  // The location: lon/lat, else x/y (DATA.md), in options.points_crs.
  const RecognizedField* px = table.field("lon") ? table.field("lon") : table.field("x");
  const RecognizedField* py = table.field("lat") ? table.field("lat") : table.field("y");
  std::vector<std::pair<Figure, const RecognizedField*>> figures;
  for (Figure f : kAllFigures)
    if (const RecognizedField* r = table.field(info(f).key)) figures.emplace_back(f, r);
  // Booleans: the two of DATA.md, and any extra attribute mapped in review.toml.
  std::vector<const RecognizedField*> booleans;
  for (const RecognizedField& r : table.recognition().fields)
    if (r.kind == ValueKind::boolean && r.canonical != "above_scale") booleans.push_back(&r);

  out.input.points_crs = {options.points_crs};
  InputReport report = describe(table, "enterprises");
  Issues& issues = out.issues;
  Row row;
  while (table.next(row)) {
    Enterprise e;
    e.source = row.source();
    e.uscc = normalize_uscc(row.text(uscc));
    e.uscc_check_ok = check_uscc(e.uscc, e.source, "uscc", issues);
    e.name = row.text(name);
    if (year) {
      // A year column exists: a row without a readable year cannot be placed (the core rejects
      // year −1 with that reason).
      const std::optional<double> y = row.number(year, issues);
      e.year = y && *y >= 1900 && *y <= 9999 && std::floor(*y) == *y ? static_cast<int>(*y) : -1;
    }
    e.industry_code = row.text(industry);
    e.above_scale = row.boolean(above, issues);
    for (const auto& [f, field] : figures) at(e.figures, f) = row.number(field, issues);
    e.production_start = row.date(start, issues);
    for (const RecognizedField* b : booleans)
      if (std::optional<bool> v = row.boolean(b, issues)) e.attributes[b->canonical] = *v;
    e.veto = row.text(veto);
    if (px && py && row.has(px) && row.has(py)) {
      const std::optional<double> x = row.number(px, issues), y = row.number(py, issues);
      if (x && y) e.location = Point{*x, *y};
    }
    out.input.enterprises.push_back(std::move(e));
    ++report.rows;
  }
  out.reports.push_back(std::move(report));
}

}  // namespace muyield::io
