#include "io/input_error.hpp"
#include "io/layer_crs.hpp"
#include "io/read_inputs.hpp"
#include "io/table_source.hpp"

namespace muyield::io {

void read_buildings(const std::string& path, const InputOptions& options, ReadResult& out) {
  TableSource table({path, options.buildings_layer, options.encoding,
                     field_mapping(options, TableKind::buildings)},
                    TableKind::buildings);
  if (!table.has_geometry())
    throw InputError(path, "建筑物图层没有几何 / the buildings input has no geometry");
  const LayerCrs crs = layer_crs(table, options.buildings_crs, "--buildings-crs");
  out.input.buildings_crs = {crs.definition};
  out.input.has_buildings = true;
  const RecognizedField* floors = table.field("floors");
  const RecognizedField* height = table.field("height_m");
  InputReport report = describe(table, "buildings");
  report.crs = crs.name;
  Row row;
  while (table.next(row)) {
    Building b;
    b.source = row.source();
    b.floors = row.number(floors, out.issues);
    b.height_m = row.number(height, out.issues);
    std::string problem;
    b.geometry = row.polygons(problem);
    b.geometry_note = problem;
    out.input.buildings.push_back(std::move(b));
    ++report.rows;
  }
  out.reports.push_back(std::move(report));
}

}  // namespace muyield::io
