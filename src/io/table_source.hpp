// One input table or layer opened through GDAL, with its fields recognised (fields.hpp).
// Spreadsheets and CSV are read without GDAL's header guess: the header row is the row, among
// the first ones, that names the most known fields (county sheets often start with a title).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/fields.hpp"
#include "io/values.hpp"
#include "muyield/issue.hpp"
#include "muyield/model.hpp"

class OGRFeature;
class OGRLayer;
class OGRGeometry;
typedef void* GDALDatasetH;

namespace muyield::io {

struct SourceSpec {
  std::string path;      // a file, or a GDAL connection string such as PG:"dbname=…"
  std::string layer;     // layer, sheet or table name, or an SQL query (SELECT …); empty = first
  std::string encoding;  // shapefile attribute encoding; empty = decide (encoding.hpp)
  std::map<std::string, std::string> mapping;  // canonical name → header, from review.toml
};

class TableSource;

// The current record of a TableSource; cell readers record rejects of single fields.
class Row {
 public:
  std::int64_t number() const { return number_; }  // spreadsheet row, or feature id
  bool has(const RecognizedField* field) const;    // the field exists and the cell is not empty
  std::string text(const RecognizedField* field) const;  // trimmed; "" when absent
  // Typed readers: none when absent, empty or unreadable (the last is reported in `issues`).
  std::optional<double> number(const RecognizedField* field, Issues& issues) const;
  std::optional<Date> date(const RecognizedField* field, Issues& issues) const;
  std::optional<bool> boolean(const RecognizedField* field, Issues& issues) const;
  // Polygonal geometry; empty with a reason in `problem` when there is none.
  MultiPolygon polygons(std::string& problem) const;
  SourceRow source() const;

 private:
  friend class TableSource;
  Issue reject(const RecognizedField* field, std::string value, std::string reason) const;
  // True when the cell is an .xlsx formula without a saved result (then rejected in `issues`).
  bool unsaved_formula(const RecognizedField* field, Issues& issues) const;
  const TableSource* table_ = nullptr;
  OGRFeature* feature_ = nullptr;
  std::int64_t number_ = 0;
};

class TableSource {
 public:
  // Throws InputError when the source cannot be opened or holds no usable layer.
  TableSource(const SourceSpec& spec, TableKind kind);
  ~TableSource();
  TableSource(const TableSource&) = delete;
  TableSource& operator=(const TableSource&) = delete;

  // The input as named (password hidden); records share it (SourceRow).
  const std::string& name() const { return name_.str(); }
  const SharedName& shared_name() const { return name_; }
  const std::string& layer_name() const { return layer_name_; }  // as given: name, SQL or empty
  // Databases: SHA-256 of the rows (pg_checksum.hpp); files are hashed by run_record.
  const std::string& content_sha256() const { return content_sha256_; }
  const Recognition& recognition() const { return recognition_; }
  const RecognizedField* field(std::string_view canonical) const {
    return recognition_.find(canonical);
  }
  const std::vector<std::string>& headers() const { return headers_; }
  bool has_geometry() const;
  std::string crs_wkt() const;  // empty when the layer has no CRS
  // Layer extent (min x, min y, max x, max y) for hints; false when unknown.
  bool extent(double out[4]) const;
  std::int64_t feature_count() const;
  const std::string& encoding() const { return encoding_; }  // shapefiles: the one used
  const std::string& encoding_note() const { return encoding_note_; }
  const std::string& driver() const { return driver_; }
  int header_row() const { return header_row_; }  // spreadsheets: 1-based; 0 = field names

  // An .xlsx cell (spreadsheet row, 0-based column) holding a formula without a saved result.
  bool unsaved_formula(std::int64_t row, int column) const {
    return unsaved_formulas_.count({row, column}) > 0;
  }

  // Moves to the next non-empty data row; false at the end.
  bool next(Row& row);

 private:
  void detect_header_row(TableKind kind);
  SharedName name_;
  std::string layer_name_, content_sha256_, driver_, encoding_, encoding_note_, vsimem_copy_,
      vsimem_dir_;
  GDALDatasetH dataset_ = nullptr;
  OGRLayer* layer_ = nullptr;
  bool sql_layer_ = false;
  std::map<std::string, std::string> mapping_;
  std::vector<std::string> headers_;
  Recognition recognition_;
  int header_row_ = 0;
  std::set<std::pair<std::int64_t, int>> unsaved_formulas_;
  std::vector<std::unique_ptr<OGRFeature, void (*)(OGRFeature*)>> buffered_;  // rows read ahead
  std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> current_;
};

}  // namespace muyield::io
