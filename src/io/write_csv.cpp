#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <stdexcept>

#include "io/gdal_session.hpp"
#include "io/number_text.hpp"
#include "io/output_error.hpp"
#include "io/pending_file.hpp"
#include "io/write_outputs.hpp"

namespace muyield::io {

std::string neutralise_formula(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    text.insert(text.begin(), '\'');
  return text;
}

void write_csv(const std::string& path, const OutputRows& rows) {
  ensure_gdal();
  GdalMessages messages;
  PendingFile pending(path);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("CSV");
  {
    std::unique_ptr<GDALDataset> ds(
        driver->Create(pending.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw OutputError("cannot create " + path + ": " + messages.last_error());
    const char* options[] = {"WRITE_BOM=YES", "STRING_QUOTING=IF_NEEDED", "LINEFORMAT=CRLF",
                             nullptr};
    OGRLayer* layer = ds->CreateLayer("rows", nullptr, wkbNone, const_cast<char**>(options));
    if (!layer) throw OutputError("cannot create " + path + ": " + messages.last_error());
    const std::vector<Column>& columns = rows.columns();
    for (const Column& c : columns) {
      OGRFieldDefn field(c.key.c_str(), OFTString);
      layer->CreateField(&field);
    }
    std::vector<Value> row;
    std::string text;
    OGRFeature feature(layer->GetLayerDefn());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows.fill(i, row);
      for (std::size_t k = 0; k < columns.size(); ++k) {
        const Value& v = row[k];
        if (v.empty || (columns[k].type != ColumnType::text && !std::isfinite(v.number))) {
          feature.SetFieldNull(static_cast<int>(k));
          continue;
        }
        if (columns[k].type == ColumnType::text) {
          feature.SetField(static_cast<int>(k), neutralise_formula(v.text).c_str());
        } else {
          text.clear();
          append_number(text, v.number);
          feature.SetField(static_cast<int>(k), text.c_str());
        }
      }
      feature.SetFID(OGRNullFID);
      if (layer->CreateFeature(&feature) != OGRERR_NONE)
        throw OutputError("cannot write " + path + ": " + messages.last_error());
    }
  }
  pending.commit();
}

}  // namespace muyield::io
