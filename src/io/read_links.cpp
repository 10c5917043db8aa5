#include "io/input_error.hpp"
#include "io/read_inputs.hpp"
#include "io/table_source.hpp"
#include "io/values.hpp"

namespace muyield::io {

void read_links(const std::string& path, const InputOptions& options, ReadResult& out) {
  TableSource table({path, options.links_layer, options.encoding,
                     field_mapping(options, TableKind::links)},
                    TableKind::links);
  const RecognizedField* parcel = require_field(table, "parcel_id", "links");
  const RecognizedField* uscc = require_field(table, "uscc", "links");
  const RecognizedField* share = table.field("share");
  const RecognizedField* floor_area = table.field("floor_area_m2");
  if (!share && !floor_area)
    throw InputError(path, "关联表需要份额或租用建筑面积列 / the links table needs a share or a "
                           "leased floor area column (map it in review.toml [fields.links])");
  InputReport report = describe(table, "links");
  Row row;
  while (table.next(row)) {
    Link l;
    l.source = row.source();
    l.parcel_id = row.text(parcel);
    l.uscc = normalize_uscc(row.text(uscc));
    l.share = row.number(share, out.issues);
    l.floor_area_m2 = row.number(floor_area, out.issues);
    out.input.links.push_back(std::move(l));
    ++report.rows;
  }
  out.reports.push_back(std::move(report));
}

}  // namespace muyield::io
