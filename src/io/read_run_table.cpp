#include "io/read_run_table.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>

#include "io/gdal_session.hpp"
#include "io/input_error.hpp"

namespace muyield::io {

namespace {

// write_csv prefixes text that Excel would take for a formula with an apostrophe; undo it.
std::string restore_formula_text(std::string text) {
  if (text.size() >= 2 && text[0] == '\'' &&
      (text[1] == '=' || text[1] == '+' || text[1] == '-' || text[1] == '@' || text[1] == '\t' ||
       text[1] == '\r'))
    text.erase(0, 1);
  return text;
}

}  // namespace

compare::RunTable read_run_table(const std::string& path, const std::string& required_column) {
  ensure_gdal();
  GdalMessages messages;
  if (!std::filesystem::is_regular_file(path))
    throw InputError(path, "文件不存在 / file not found (is this the output folder of a review?)");
  const char* drivers[] = {"CSV", nullptr};
  const char* options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES",
                           nullptr};
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                    drivers, options, nullptr));
  if (!ds || ds->GetLayerCount() < 1)
    throw InputError(path, "cannot read the table: " + messages.last_error());
  OGRLayer* layer = ds->GetLayer(0);
  compare::RunTable table;
  table.source = path;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    table.header.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  if (!table.column(required_column))
    throw InputError(path, "no column " + required_column + " (not a muyield output table?)");
  layer->ResetReading();
  for (auto& feature : *layer) {
    std::vector<std::string> row(table.header.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
      const int k = static_cast<int>(i);
      if (feature->IsFieldSetAndNotNull(k))
        row[i] = restore_formula_text(feature->GetFieldAsString(k));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace muyield::io
