#include "io/layer_crs.hpp"

#include <cpl_conv.h>
#include <cpl_vsi.h>

#include <cctype>
#include <cmath>

#include "core/geometry/crs_transform.hpp"
#include "io/input_error.hpp"

namespace muyield::io {

namespace {

std::string lower_ext(const std::string& path) {
  std::string ext = CPLGetExtension(path.c_str());
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

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

// A .prj beside the layer that GDAL could not read.
bool has_unreadable_prj(const TableSource& table) {
  if (lower_ext(table.name()) != "shp") return false;
  VSIStatBufL stat;
  return VSIStatL(CPLResetExtension(table.name().c_str(), "prj"), &stat) == 0 ||
         VSIStatL(CPLResetExtension(table.name().c_str(), "PRJ"), &stat) == 0;
}

// Degrees that are no degrees: a lon/lat CRS whose whole extent lies beyond ±180° or ±90° (a
// wrong .prj on metres, or latitude and longitude swapped). One stray vertex does not trigger it.
std::string outside_degrees(const TableSource& table, const std::string& option_name) {
  double e[4];
  if (!table.extent(e)) return "";
  if (e[1] > 90 || e[3] < -90) {
    if (std::fabs(e[0]) <= 90 && std::fabs(e[2]) <= 90)
      return "纬度超出 ±90°，经纬度可能颠倒 / latitudes beyond ±90°: are latitude and longitude "
             "swapped? Put longitude in x (the first coordinate)";
    return "坐标超出经纬度范围 / coordinates beyond ±90° latitude for a lon/lat CRS: the CRS is "
           "wrong; name the right one with " + option_name + hint(table, option_name);
  }
  if (e[0] > 180 || e[2] < -180)
    return "坐标超出经纬度范围 / coordinates beyond ±180° longitude for a lon/lat CRS: the CRS is "
           "wrong; name the right one with " + option_name + hint(table, option_name);
  return "";
}

}  // namespace

LayerCrs layer_crs(const TableSource& table, const std::string& override_crs,
                   const std::string& option_name) {
  LayerCrs out;
  out.definition = override_crs.empty() ? table.crs_wkt() : override_crs;
  if (out.definition.empty() && has_unreadable_prj(table))
    throw InputError(table.name(), "无法读取 .prj 中的坐标系 / the .prj cannot be read as a CRS: "
                                   "replace it (QGIS: Layer CRS → Set) or name the CRS with " +
                                       option_name + hint(table, option_name));
  if (out.definition.empty())
    throw InputError(table.name(), "图层没有坐标系（缺 .prj） / the layer has no CRS (no .prj): name it with " +
                                       option_name + hint(table, option_name));
  try {
    const geometry::CrsFacts facts = geometry::describe_crs(out.definition);
    out.name = facts.name;
    if (facts.geographic) {
      if (const std::string problem = outside_degrees(table, option_name); !problem.empty())
        throw InputError(table.name(), problem);
    }
  } catch (const geometry::CrsError& e) {
    throw InputError(table.name(), std::string("坐标系无法识别 / the CRS cannot be used: ") + e.what() +
                                       "; name it with " + option_name);
  }
  return out;
}

}  // namespace muyield::io
