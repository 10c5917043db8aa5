#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <future>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/geometry/crs_transform.hpp"
#include "io/gdal_session.hpp"
#include "io/ogr_geometry.hpp"
#include "io/pending_file.hpp"
#include "io/styles.hpp"
#include "io/write_outputs.hpp"

namespace muyield::io {

namespace {

// The parcel columns plus one 0/1 column per flag: QGIS rules and SLD filters can test a flag
// by equality, which a comma-separated list does not allow (IDLE is a prefix of IDLE_2Y).
class ParcelRowsWithFlags final : public OutputRows {
 public:
  ParcelRowsWithFlags(const OutputRows& parcels, const ReviewResult& result)
      : parcels_(parcels), result_(result), columns_(parcels.columns()) {
    for (Flag f : kAllFlags)
      columns_.push_back({"flag_" + std::string(flag_key(f)),
                          std::string(flag_label(f)) + "（是/否）", ColumnType::integer});
  }
  const std::vector<Column>& columns() const override { return columns_; }
  std::size_t size() const override { return parcels_.size(); }
  void fill(std::size_t i, std::vector<Value>& row) const override {
    parcels_.fill(i, row);
    const std::size_t first = parcels_.columns().size();
    row.resize(columns_.size());
    for (std::size_t k = 0; k < kAllFlags.size(); ++k)
      row[first + k].set(result_.parcels[i].has_flag(kAllFlags[k]) ? 1.0 : 0.0);
  }

 private:
  const OutputRows& parcels_;
  const ReviewResult& result_;
  std::vector<Column> columns_;
};

// Sets a GDAL configuration option on this thread for the lifetime of the object.
class ThreadConfig {
 public:
  ThreadConfig(const char* key, const std::string& value)
      : key_(key), old_(CPLGetThreadLocalConfigOption(key, "")) {
    CPLSetThreadLocalConfigOption(key, value.c_str());
  }
  ~ThreadConfig() { CPLSetThreadLocalConfigOption(key_, old_.empty() ? nullptr : old_.c_str()); }

 private:
  const char* key_;
  std::string old_;
};

[[noreturn]] void fail(const std::string& path, const GdalMessages& messages) {
  throw std::runtime_error("cannot write " + path + ": " + messages.last_error());
}

OGRLayer* create_layer(GDALDataset& ds, const char* name, const OGRSpatialReference* crs,
                       OGRwkbGeometryType type, const std::string& path,
                       const GdalMessages& messages) {
  const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", nullptr};
  OGRLayer* layer = ds.CreateLayer(name, const_cast<OGRSpatialReference*>(crs), type,
                                   const_cast<char**>(options));
  if (!layer) fail(path, messages);
  return layer;
}

// Rows are written in batches by two threads: while this one inserts a batch (SQLite takes one
// writer), a helper makes the next (row filled, fields set, geometry built) — about half of each
// row's cost, which the GeoPackage, the longest of the writers, otherwise spent alone.
void write_rows(OGRLayer& layer, const OutputRows& rows, const ReviewResult* result, bool lonlat,
                const std::string& path, const GdalMessages& messages) {
  create_fields(layer, rows.columns());
  constexpr std::size_t kBatch = 2048;
  struct Batch {
    std::vector<std::unique_ptr<OGRFeature>> features;
    std::vector<Value> row;
    std::size_t size = 0;
  };
  if (rows.size() == 0) return;
  Batch batches[2];  // as many features as rows when fewer (the parks, a handful)
  for (Batch& b : batches)
    for (std::size_t k = 0; k < std::min(kBatch, rows.size()); ++k)
      b.features.push_back(std::make_unique<OGRFeature>(layer.GetLayerDefn()));
  auto make = [&](Batch& b, std::size_t begin) {
    b.size = std::min(kBatch, rows.size() - begin);
    for (std::size_t k = 0; k < b.size; ++k) {
      OGRFeature& feature = *b.features[k];
      rows.fill(begin + k, b.row);
      set_fields(feature, rows.columns(), b.row);
      if (result) {
        const ParcelResult& p = result->parcels[begin + k];
        feature.SetGeometryDirectly(to_ogr(lonlat ? p.lonlat : p.geometry).release());
      }
      feature.SetFID(OGRNullFID);
    }
  };
  make(batches[0], 0);
  for (std::size_t begin = 0, current = 0; begin < rows.size(); begin += kBatch, current ^= 1) {
    std::future<void> next;
    if (begin + kBatch < rows.size())
      next = std::async(std::launch::async, make, std::ref(batches[current ^ 1]), begin + kBatch);
    const Batch& b = batches[current];
    for (std::size_t k = 0; k < b.size; ++k)
      if (layer.CreateFeature(b.features[k].get()) != OGRERR_NONE) {
        if (next.valid()) next.wait();
        fail(path, messages);
      }
    if (next.valid()) next.get();
  }
}

// QGIS's own layer_styles schema (what "Save as default" creates in a GeoPackage): QGIS
// applies the row with useAsDefault = 1 when it opens the layer.
void write_styles(GDALDataset& ds, const ReviewResult& result, const std::string& timestamp,
                  const std::string& path, const GdalMessages& messages) {
  OGRLayer* layer = create_layer(ds, "layer_styles", nullptr, wkbNone, path, messages);
  struct Field {
    const char* name;
    OGRFieldType type;
    int width;
  };
  for (const Field& f :
       {Field{"f_table_catalog", OFTString, 256}, Field{"f_table_schema", OFTString, 256},
        Field{"f_table_name", OFTString, 256}, Field{"f_geometry_column", OFTString, 256},
        Field{"styleName", OFTString, 30}, Field{"styleQML", OFTString, 0},
        Field{"styleSLD", OFTString, 0}, Field{"useAsDefault", OFTInteger, 0},
        Field{"description", OFTString, 0}, Field{"owner", OFTString, 30},
        Field{"ui", OFTString, 30}, Field{"update_time", OFTDateTime, 0}}) {
    OGRFieldDefn field(f.name, f.type);
    field.SetWidth(f.width);
    if (f.type == OFTInteger) field.SetSubType(OFSTBoolean);
    if (layer->CreateField(&field) != OGRERR_NONE) fail(path, messages);
  }

  std::vector<double> taxes;
  for (const ParcelResult& p : result.parcels)
    if (p.occupied() && at(p.indicators, Indicator::tax_per_mu))
      taxes.push_back(*at(p.indicators, Indicator::tax_per_mu));
  const std::vector<double> breaks = quantile_breaks(std::move(taxes), 5);

  struct Style {
    const char* name;
    std::string qml, sld;
    const char* description;
    bool is_default;
  };
  // The default last: QGIS takes useAsDefault first whatever the order, and a broken flag
  // then shows as a wrong style in tests instead of passing by row order.
  const Style styles[] = {
      {"低效用地标记", std::string(embedded_style("parcels_flags.qml")),
       std::string(embedded_style("parcels_flags.sld")), "批而未供、闲置、低效等标记", false},
      {"亩均税收分级", fill_breaks(embedded_style("parcels_tax_per_mu.qml"), breaks),
       fill_breaks(embedded_style("parcels_tax_per_mu.sld"), breaks),
       "亩均税收（万元/亩），五级分位数（本次评价的数据）", false},
      {"亩均效益分类", std::string(embedded_style("parcels_class.qml")),
       std::string(embedded_style("parcels_class.sld")), "宗地按主要使用企业的分类 A/B/C/D 着色",
       true},
  };
  OGRFeature feature(layer->GetLayerDefn());
  for (const Style& s : styles) {
    feature.SetField("f_table_catalog", "");
    feature.SetField("f_table_schema", "");
    feature.SetField("f_table_name", "parcels");
    feature.SetField("f_geometry_column", "geom");
    feature.SetField("styleName", s.name);
    feature.SetField("styleQML", s.qml.c_str());
    feature.SetField("styleSLD", s.sld.c_str());
    feature.SetField("useAsDefault", s.is_default ? 1 : 0);
    feature.SetField("description", s.description);
    feature.SetField("owner", "muyield");
    feature.SetField("ui", "");
    feature.SetField("update_time", timestamp.c_str());
    feature.SetFID(OGRNullFID);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) fail(path, messages);
  }
}

}  // namespace

void write_gpkg(const std::string& path, const ReviewInput& input, const ReviewResult& result,
                const OutputRows& parcels, const OutputRows& enterprises, const OutputRows& parks) {
  ensure_gdal();
  GdalMessages messages;
  PendingFile pending(path);
  // gpkg_contents.last_change would otherwise be the wall clock: the evaluation date instead.
  const std::string timestamp = result.evaluation_date.iso() + "T00:00:00.000Z";
  ThreadConfig current_date("OGR_CURRENT_DATE", timestamp);
  // The file is a temporary one, renamed into place only when complete (pending_file.hpp): SQLite
  // needs no rollback journal nor disk syncs to protect it (and a killed run leaves no -journal).
  ThreadConfig no_journal("OGR_SQLITE_JOURNAL", "OFF");
  ThreadConfig no_sync("OGR_SQLITE_SYNCHRONOUS", "OFF");

  // Projected parcels stay in their CRS (what the county's other layers are in); parcels read in
  // degrees are written in CGCS2000 longitude/latitude, the core's geographic frame.
  const bool lonlat =
      input.parcels_crs.empty() || geometry::describe_crs(input.parcels_crs.definition).geographic;
  OGRSpatialReference crs;
  crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const std::string definition = lonlat ? geometry::kCgcs2000 : input.parcels_crs.definition;
  if (crs.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
    throw std::runtime_error("cannot write " + path + ": unknown CRS " + definition);

  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  {
    std::unique_ptr<GDALDataset> ds(
        driver->Create(pending.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) fail(path, messages);
    if (ds->StartTransaction() != OGRERR_NONE) fail(path, messages);
    const ParcelRowsWithFlags parcel_rows(parcels, result);
    write_rows(*create_layer(*ds, "parcels", &crs, wkbMultiPolygon, path, messages), parcel_rows,
               &result, lonlat, path, messages);
    write_rows(*create_layer(*ds, "enterprises", nullptr, wkbNone, path, messages), enterprises,
               nullptr, false, path, messages);
    write_rows(*create_layer(*ds, "parks", nullptr, wkbNone, path, messages), parks, nullptr, false,
               path, messages);
    write_styles(*ds, result, timestamp, path, messages);
    if (ds->CommitTransaction() != OGRERR_NONE) fail(path, messages);
  }
  pending.commit();
}

}  // namespace muyield::io
