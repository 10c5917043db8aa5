#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>

#include "io/gdal_session.hpp"
#include "io/ogr_geometry.hpp"
#include "io/output_error.hpp"
#include "io/pending_file.hpp"
#include "io/write_outputs.hpp"

namespace muyield::io {

void write_parcels_geojson(const std::string& path, const ReviewResult& result,
                           const OutputRows& rows) {
  ensure_gdal();
  GdalMessages messages;
  PendingFile pending(path);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  {
    std::unique_ptr<GDALDataset> ds(
        driver->Create(pending.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw OutputError("cannot create " + path + ": " + messages.last_error());
    // The core's lon/lat are CGCS2000; RFC 7946 asks for WGS 84, which CGCS2000 matches to a
    // few centimetres (no datum shift is defined between them), so they are written as they are.
    OGRSpatialReference crs84;
    crs84.SetWellKnownGeogCS("WGS84");
    crs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO",
                             "ID_FIELD=id", "ID_TYPE=String",         nullptr};
    OGRLayer* layer =
        ds->CreateLayer("parcels", &crs84, wkbMultiPolygon, const_cast<char**>(options));
    if (!layer) throw OutputError("cannot create " + path + ": " + messages.last_error());
    create_fields(*layer, rows.columns());
    // The feature `id` is a copy of parcel_id in a field of its own: GDAL moves the ID_FIELD out
    // of the properties, and parcel_id must stay a property for QGIS users and scripts.
    OGRFieldDefn id_field("id", OFTString);
    layer->CreateField(&id_field);
    const int id_index = layer->GetLayerDefn()->GetFieldIndex("id");
    std::size_t parcel_id_column = 0;
    while (parcel_id_column < rows.columns().size() &&
           rows.columns()[parcel_id_column].key != "parcel_id")
      ++parcel_id_column;
    std::vector<Value> row;
    OGRFeature feature(layer->GetLayerDefn());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows.fill(i, row);
      set_fields(feature, rows.columns(), row);
      if (parcel_id_column < row.size())
        feature.SetField(id_index, row[parcel_id_column].text.c_str());
      feature.SetGeometryDirectly(to_ogr(result.parcels[i].lonlat).release());
      feature.SetFID(OGRNullFID);
      if (layer->CreateFeature(&feature) != OGRERR_NONE)
        throw OutputError("cannot write " + path + ": " + messages.last_error());
    }
  }
  pending.commit();
}

}  // namespace muyield::io
