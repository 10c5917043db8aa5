#include <spdlog/spdlog.h>

#include "io/input_error.hpp"
#include "io/layer_crs.hpp"
#include "io/read_inputs.hpp"
#include "io/table_source.hpp"
#include "io/values.hpp"

namespace muyield::io {

void read_parcels(const std::string& path, const InputOptions& options, ReadResult& out) {
  TableSource table({path, options.parcels_layer, options.encoding, field_mapping(options, TableKind::parcels)},
                    TableKind::parcels);
  if (!table.has_geometry())
    throw InputError(path, "宗地图层没有几何 / the parcels input has no geometry: give a polygon layer");
  const RecognizedField* id = require_field(table, "parcel_id", "parcels");
  const LayerCrs crs = layer_crs(table, options.parcels_crs, "--parcels-crs");
  out.input.parcels_crs = {crs.definition};
  const RecognizedField* holder = table.field("holder_uscc");
  const RecognizedField* holder_name = table.field("holder_name");
  const RecognizedField* park = table.field("park");
  const RecognizedField* land_use = table.field("land_use");
  const RecognizedField* status = table.field("status");
  const RecognizedField* supply_date = table.field("supply_date");
  const RecognizedField* agreed_start = table.field("agreed_start");
  const RecognizedField* registered = table.field("registered_m2");

  InputReport report = describe(table, "parcels");
  report.crs = crs.name;
  if (!table.encoding().empty())
    spdlog::info("{}: attribute encoding {}{}", path, table.encoding(),
                 table.encoding_note().empty() ? "" : " (" + table.encoding_note() + ")");

  Issues& issues = out.issues;
  Row row;
  while (table.next(row)) {
    Parcel p;
    p.source = row.source();
    p.id = row.text(id);
    p.holder_uscc = normalize_uscc(row.text(holder));
    if (!p.holder_uscc.empty()) check_uscc(p.holder_uscc, p.source, "holder_uscc", issues);
    p.holder_name = row.text(holder_name);
    if (!park) {
      p.park = "all";
    } else {
      p.park = row.text(park);
      if (p.park.empty()) {
        p.park = "未填园区";
        issues.push_back({p.source.file, std::to_string(p.source.row), "park", "",
                          "园区为空，归入“未填园区” / no park given: counted in park '未填园区'",
                          Severity::warning, false});
      }
    }
    p.land_use = row.text(land_use);
    p.status_text = row.text(status);
    p.status = parse_supply_status(p.status_text);
    p.supply_date = row.date(supply_date, issues);
    p.agreed_start = row.date(agreed_start, issues);
    p.registered_m2 = row.number(registered, issues);
    std::string problem;
    p.geometry = row.polygons(problem);
    p.geometry_note = problem;
    out.input.parcels.push_back(std::move(p));
    ++report.rows;
  }
  if (report.rows == 0)
    throw InputError(path, "宗地图层没有要素 / the parcels layer holds no features: check the file "
                           "(or the layer named by parcels_layer)");
  out.reports.push_back(std::move(report));
}

}  // namespace muyield::io
