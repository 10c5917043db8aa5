#include "io/layer_crs.hpp"

#include <cmath>

#include "core/geometry/crs_transform.hpp"
#include "io/input_error.hpp"

namespace muyield::io {

namespace {

std::string hint(const TableSource& table, const std::string& option_name) {
  double e[4];
  if (!table.extent(e)) return "";
  const int epsg = geometry::epsg_for_zone_prefixed_easting(e[0]);
  if (epsg && geometry::epsg_for_zone_prefixed_easting(e[2]) == epsg)
    return " 东坐标为8位，像是带带号的高斯-克吕格坐标 / the eastings have 8 digits, like "
           "Gauss-Krüger with a zone prefix: try " +
           option_name + " EPSG:" + std::to_string(epsg);
  if (std::fabs(e[0]) <= 180 && std::fabs(e[2]) <= 180 && std::fabs(e[1]) <= 90 &&
      std::fabs(e[3]) <= 90)
    return " 坐标像经纬度 / the coordinates look like degrees: try " + option_name + " EPSG:4490";
  if (e[0] >= 100000 && e[2] < 1000000)
    return " 坐标像不带带号的高斯-克吕格坐标 / the coordinates look like Gauss-Krüger without a "
           "zone prefix: try " +
           option_name + " EPSG:4548 (CGCS2000 CM 117E; pick your zone's code)";
  return "";
}

}  // namespace

LayerCrs layer_crs(const TableSource& table, const std::string& override_crs,
                   const std::string& option_name) {
  LayerCrs out;
  out.definition = override_crs.empty() ? table.crs_wkt() : override_crs;
  if (out.definition.empty())
    throw InputError(table.name(), "图层没有坐标系（缺 .prj） / the layer has no CRS (no .prj): name it with " +
                                       option_name + hint(table, option_name));
  try {
    const geometry::CrsFacts facts = geometry::describe_crs(out.definition);
    out.name = facts.name;
  } catch (const geometry::CrsError& e) {
    throw InputError(table.name(), std::string("坐标系无法识别 / the CRS cannot be used: ") + e.what() +
                                       "; name it with " + option_name);
  }
  return out;
}

}  // namespace muyield::io
