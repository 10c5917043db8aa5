#include "io/pg_checksum.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cctype>

#include "io/gdal_session.hpp"
#include "io/pg_connection.hpp"

namespace muyield::io {

std::string pg_rows_sha256(GDALDatasetH dataset, const std::string& layer) {
  std::size_t i = 0;
  while (i < layer.size() && std::isspace(static_cast<unsigned char>(layer[i]))) ++i;
  const bool is_query = layer.size() - i >= 6 && EQUALN(layer.c_str() + i, "SELECT", 6);
  std::string query = is_query ? layer : "SELECT * FROM " + sql_identifier(layer);
  while (!query.empty() &&
         (std::isspace(static_cast<unsigned char>(query.back())) || query.back() == ';'))
    query.pop_back();
  const std::string sql =
      "SELECT encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text "
      "COLLATE \"C\"), ''), 'UTF8')), 'hex') AS sha256 FROM (" +
      query + ") AS t";
  GdalMessages quiet;
  auto* ds = GDALDataset::FromHandle(dataset);
  OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (!result) return {};
  std::string out;
  if (OGRFeature* f = result->GetNextFeature()) {
    out = f->GetFieldAsString(0);
    OGRFeature::DestroyFeature(f);
  }
  ds->ReleaseResultSet(result);
  return out;
}

}  // namespace muyield::io
