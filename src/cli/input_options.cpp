#include "cli/input_options.hpp"

namespace muyield::cli {

void InputOptions::add_to(CLI::App& app) {
  app.add_option("--parcels", paths.parcels,
                 "宗地图层 parcels: any GDAL vector source (Shapefile, GeoPackage, GeoJSON, PG:…)")
      ->required();
  app.add_option("--enterprises", paths.enterprises,
                 "企业表 enterprise figures: XLSX, CSV, or any GDAL table");
  app.add_option("--buildings", paths.buildings, "建筑物图层 buildings (floors or height)");
  app.add_option("--links", paths.links,
                 "宗地-企业关联表 links (parcel_id, uscc, share | floor area)");
  app.add_option("--config", config, "review.toml (muyield init writes one with every default)");
  app.add_option("--year", year,
                 "评价年度 review year (default: latest year in the enterprise table)");
  app.add_option("--encoding", encoding,
                 "shapefile attribute encoding, e.g. GBK (default: detect)");
  app.add_option("--parcels-crs", parcels_crs,
                 "CRS of the parcels when the layer has none, e.g. EPSG:4527");
  app.add_option("--buildings-crs", buildings_crs, "CRS of the buildings when the layer has none");
  app.add_option("--points-crs", points_crs,
                 "CRS of enterprise lon/lat or x/y columns (default EPSG:4490)");
  const char* layer_help =
      "layer, sheet or table in that source (PG: schema.table), or a query \"SELECT …\"";
  app.add_option("--parcels-layer", parcels_layer, layer_help);
  app.add_option("--buildings-layer", buildings_layer, layer_help);
  app.add_option("--enterprises-layer", enterprises_layer, layer_help);
  app.add_option("--links-layer", links_layer, layer_help);
}

io::Settings InputOptions::settings() const {
  io::Settings s = config.empty() ? io::Settings{} : io::load_settings(config);
  if (year) s.review.year = *year;
  if (!encoding.empty()) s.input.encoding = encoding;
  if (!parcels_crs.empty()) s.input.parcels_crs = parcels_crs;
  if (!buildings_crs.empty()) s.input.buildings_crs = buildings_crs;
  if (!points_crs.empty()) s.input.points_crs = points_crs;
  if (!parcels_layer.empty()) s.input.parcels_layer = parcels_layer;
  if (!buildings_layer.empty()) s.input.buildings_layer = buildings_layer;
  if (!enterprises_layer.empty()) s.input.enterprises_layer = enterprises_layer;
  if (!links_layer.empty()) s.input.links_layer = links_layer;
  return s;
}

}  // namespace muyield::cli
