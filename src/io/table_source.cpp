#include "io/table_source.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogrsf_frmts.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstring>

#include "io/encoding.hpp"
#include "io/gdal_session.hpp"
#include "io/input_error.hpp"
#include "io/pg_checksum.hpp"
#include "io/pg_connection.hpp"
#include "io/shapefile_check.hpp"
#include "io/vsi_file.hpp"
#include "io/xlsx_formulas.hpp"

namespace muyield::io {

namespace {

void destroy_feature(OGRFeature* f) { OGRFeature::DestroyFeature(f); }
using FeaturePtr = std::unique_ptr<OGRFeature, void (*)(OGRFeature*)>;

std::string lower_extension(const std::string& path) {
  const std::string ext = CPLGetExtension(path.c_str());
  std::string out(ext);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_select(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.size() - i >= 6 && EQUALN(s.c_str() + i, "SELECT", 6);
}

bool is_spreadsheet_driver(const std::string& driver) {
  return driver == "CSV" || driver == "XLSX" || driver == "ODS";
}

// The sibling file with extension `ext` (either case), if it exists.
std::string sibling(const std::string& path, const char* ext) {
  for (const std::string& e : {std::string(ext), std::string(CPLString(ext).toupper())}) {
    std::string candidate = CPLResetExtension(path.c_str(), e.c_str());
    VSIStatBufL stat;
    if (VSIStatL(candidate.c_str(), &stat) == 0) return candidate;
  }
  return {};
}

// A shapefile without its .shx, copied (.shp, .dbf, .prj, .cpg) into a /vsimem folder where GDAL
// may rebuild the index. Returns the folder.
std::string copy_shapefile_to_memory(const std::string& shp) {
  static std::atomic<int> counter{0};
  const std::string dir = "/vsimem/muyield_shp_" + std::to_string(counter++);
  VSIMkdir(dir.c_str(), 0755);
  const std::string base = CPLGetBasename(shp.c_str());
  for (const char* ext : {"shp", "dbf", "prj", "cpg"}) {
    const std::string from = sibling(shp, ext);
    if (from.empty()) continue;
    const std::string to =
        dir + "/" + base + "." + (std::string(ext) == "shp" ? CPLGetExtension(shp.c_str()) : ext);
    if (!write_vsi_file(to, read_vsi_file(from)))
      throw InputError(shp,
                       "无法复制到内存以重建 .shx / cannot copy it into memory to rebuild its "
                       "missing .shx: restore the .shx file beside the .shp");
  }
  return dir;
}

// A CSV that is not valid UTF-8, as UTF-8: each line on its own, so that rows pasted from a GBK
// file into a UTF-8 one (or the reverse) all read right. GBK never has '\n' inside a character.
std::string csv_to_utf8(const std::string& bytes, std::size_t& gbk_lines, std::size_t& utf8_lines) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    end = end == std::string::npos ? bytes.size() : end + 1;
    const std::string line = bytes.substr(start, end - start);
    if (is_valid_utf8(line)) {
      utf8_lines += has_non_ascii(line);
      out += line;
    } else {
      ++gbk_lines;
      char* utf8 = CPLRecode(line.c_str(), "CP936", CPL_ENC_UTF8);
      out += utf8;
      CPLFree(utf8);
    }
    start = end;
  }
  return out;
}

// GDAL's CSV driver takes the number of columns (and the separator) from the first line, so a
// title line ("2024年度企业数据表") would hide every column but one, and cells beyond the first
// line's count are dropped. Pads the first record with commas to the widest record of the file
// (quotes respected); false when nothing was changed.
bool pad_first_csv_line(std::string& bytes) {
  std::size_t cells = 1, widest = 1, first_cells = 0, first_end = std::string::npos;
  bool quoted = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ',') {
      ++cells;
    } else if (!quoted && c == '\n') {
      if (first_end == std::string::npos) {
        first_cells = cells;
        first_end = i > 0 && bytes[i - 1] == '\r' ? i - 1 : i;
      }
      widest = std::max(widest, cells);
      cells = 1;
    }
  }
  widest = std::max(widest, cells);
  if (first_end == std::string::npos || widest <= 1 || first_cells >= widest) return false;
  bytes.insert(first_end, widest - first_cells, ',');
  return true;
}

std::string feature_cell(OGRFeature* f, int i) {
  if (!f->IsFieldSetAndNotNull(i)) return {};
  return trim(f->GetFieldAsString(i));
}

bool feature_is_blank(OGRFeature* f) {
  if (f->GetGeometryRef()) return false;
  for (int i = 0; i < f->GetFieldCount(); ++i)
    if (!feature_cell(f, i).empty()) return false;
  return true;
}

Ring read_ring(const OGRLinearRing* ring) {
  Ring out;
  if (!ring) return out;
  const int n = ring->getNumPoints();
  out.reserve(n);
  for (int i = 0; i < n; ++i) out.push_back({ring->getX(i), ring->getY(i)});
  return out;
}

void add_polygon(const OGRPolygon* p, MultiPolygon& out) {
  if (!p || p->IsEmpty()) return;
  Polygon poly;
  poly.outer = read_ring(p->getExteriorRing());
  for (int i = 0; i < p->getNumInteriorRings(); ++i)
    poly.holes.push_back(read_ring(p->getInteriorRing(i)));
  out.push_back(std::move(poly));
}

// Collects the polygons of any geometry; counts what is not polygonal.
void collect_polygons(const OGRGeometry* g, MultiPolygon& out, int& other) {
  if (!g) return;
  const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
  if (OGR_GT_IsCurve(t) || OGR_GT_IsSurface(t) || t == wkbMultiSurface || t == wkbMultiCurve) {
    if (t != wkbPolygon && (t == wkbCurvePolygon || t == wkbMultiSurface)) {
      std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
      collect_polygons(linear.get(), out, other);
      return;
    }
  }
  switch (t) {
    case wkbPolygon:
    case wkbTriangle:
      add_polygon(g->toPolygon(), out);
      return;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbPolyhedralSurface:
    case wkbTIN: {
      const auto* c = dynamic_cast<const OGRGeometryCollection*>(g);
      if (!c) {
        ++other;
        return;
      }
      for (int i = 0; i < c->getNumGeometries(); ++i)
        collect_polygons(c->getGeometryRef(i), out, other);
      return;
    }
    default:
      if (!g->IsEmpty()) ++other;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------- Row

bool Row::has(const RecognizedField* field) const {
  return field && feature_->IsFieldSetAndNotNull(field->column) &&
         !trim(feature_->GetFieldAsString(field->column)).empty();
}

std::string Row::text(const RecognizedField* field) const {
  return field ? feature_cell(feature_, field->column) : std::string();
}

SourceRow Row::source() const { return {table_->shared_name(), number_}; }

Issue Row::reject(const RecognizedField* field, std::string value, std::string reason) const {
  return Issue{table_->name(),
               std::to_string(number_),
               field->canonical,
               std::move(value),
               reason + "；该字段按缺失处理 / the field is left empty: correct the cell (column '" +
                   field->header + "')",
               Severity::reject,
               false};
}

bool Row::unsaved_formula(const RecognizedField* field, Issues& issues) const {
  if (!table_->unsaved_formula(number_, field->column)) return false;
  issues.push_back(reject(field, "",
                          "公式没有保存的计算结果 / a formula without a saved result: open the "
                          "workbook in Excel or LibreOffice, let it recalculate and save it"));
  return true;
}

std::optional<double> Row::number(const RecognizedField* field, Issues& issues) const {
  if (!field || unsaved_formula(field, issues)) return std::nullopt;
  if (!feature_->IsFieldSetAndNotNull(field->column)) return std::nullopt;
  const OGRFieldType type = feature_->GetFieldDefnRef(field->column)->GetType();
  double v;
  if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
    v = feature_->GetFieldAsDouble(field->column);
  } else {
    const char* raw = feature_->GetFieldAsString(field->column);
    ParseResult<double> p = parse_number(raw);
    if (p.empty) return std::nullopt;
    if (!p.ok()) {
      issues.push_back(reject(field, trim(raw), p.error));
      return std::nullopt;
    }
    v = *p.value;
  }
  v *= field->factor;
  // No figure of a county review comes near 10^13 in its canonical unit (万元, kWh, m², persons):
  // such a value is a unit or typing error, and sums and per-mu figures would overflow.
  if (!(std::fabs(v) < 1e13)) {
    issues.push_back(
        reject(field, trim(feature_->GetFieldAsString(field->column)),
               "数值大得不合理（≥10^13）/ implausibly large (10^13 or more in "
               "万元, kWh, m² or persons): check the cell and the unit in the header"));
    return std::nullopt;
  }
  return v;
}

std::optional<Date> Row::date(const RecognizedField* field, Issues& issues) const {
  if (!field || unsaved_formula(field, issues)) return std::nullopt;
  if (!feature_->IsFieldSetAndNotNull(field->column)) return std::nullopt;
  const OGRFieldType type = feature_->GetFieldDefnRef(field->column)->GetType();
  if (type == OFTDate || type == OFTDateTime) {
    int y, m, d, hh, mm, tz;
    float ss;
    feature_->GetFieldAsDateTime(field->column, &y, &m, &d, &hh, &mm, &ss, &tz);
    if (auto date = Date::make(y, m, d)) return date;
    issues.push_back(
        reject(field, feature_->GetFieldAsString(field->column), "日期不存在 / impossible date"));
    return std::nullopt;
  }
  const std::string raw = feature_->GetFieldAsString(field->column);
  ParseResult<Date> p = parse_date(raw, field->kind == ValueKind::date_or_year);
  if (p.empty) return std::nullopt;
  if (!p.ok()) {
    issues.push_back(reject(field, trim(raw), p.error));
    return std::nullopt;
  }
  return p.value;
}

std::optional<bool> Row::boolean(const RecognizedField* field, Issues& issues) const {
  if (!field || unsaved_formula(field, issues)) return std::nullopt;
  if (!feature_->IsFieldSetAndNotNull(field->column)) return std::nullopt;
  const OGRFieldType type = feature_->GetFieldDefnRef(field->column)->GetType();
  if (type == OFTInteger || type == OFTInteger64)
    return feature_->GetFieldAsInteger64(field->column) != 0;
  const std::string raw = feature_->GetFieldAsString(field->column);
  ParseResult<bool> p = parse_bool(raw);
  if (p.empty) return std::nullopt;
  if (!p.ok()) {
    issues.push_back(reject(field, trim(raw), p.error));
    return std::nullopt;
  }
  return p.value;
}

MultiPolygon Row::polygons(std::string& problem) const {
  MultiPolygon out;
  const OGRGeometry* g = feature_->GetGeometryRef();
  if (!g) {
    problem = "没有几何图形 / no geometry";
    return out;
  }
  int other = 0;
  collect_polygons(g, out, other);
  if (out.empty()) {
    problem = g->IsEmpty()
                  ? "几何为空 / empty geometry"
                  : std::string("几何类型为 ") + OGRGeometryTypeToName(g->getGeometryType()) +
                        "，不是面 / the geometry is not a polygon";
  } else if (other > 0) {
    problem = "非面部分已忽略 / non-polygonal parts ignored";
  }
  return out;
}

// -------------------------------------------------------------------------- TableSource

TableSource::TableSource(const SourceSpec& spec, TableKind kind)
    : name_(is_pg_connection(spec.path) ? redact_connection(spec.path) : spec.path),
      layer_name_(spec.layer),
      mapping_(spec.mapping),
      current_(nullptr, destroy_feature) {
  ensure_gdal();
  GdalMessages messages;
  const bool is_database = is_pg_connection(spec.path);
  VSIStatBufL stat;
  if (!is_database && VSIStatL(spec.path.c_str(), &stat) != 0)
    throw InputError(spec.path, "文件不存在 / file not found: check the path");
  if (!is_database && VSI_ISREG(stat.st_mode) && stat.st_size == 0)
    throw InputError(spec.path,
                     "文件为空（0 字节） / the file is empty (0 bytes): export it again");
  if (is_database && trim(spec.layer).empty())
    throw InputError(name_, "数据库需指明表 / a database holds many tables: name the " +
                                std::string(table_kind_key(kind)) + " table with --" +
                                std::string(table_kind_key(kind)) +
                                "-layer TABLE (or schema.table, or a SELECT query), or with " +
                                std::string(table_kind_key(kind)) +
                                "_layer in review.toml [input]");

  CPLStringList options;
  std::string open_path = spec.path;
  const std::string ext = is_database ? std::string() : lower_extension(spec.path);
  if (ext == "shp" || ext == "dbf") {
    check_shapefile_records(spec.path);
    const EncodingDecision d = decide_shapefile_encoding(spec.path, spec.encoding);
    encoding_ = d.encoding;
    encoding_note_ = d.note;
    options.SetNameValue("ENCODING", d.encoding.c_str());
    if (ext == "shp" && sibling(spec.path, "shx").empty()) {
      vsimem_dir_ = copy_shapefile_to_memory(spec.path);
      open_path = vsimem_dir_ + "/" + CPLGetFilename(spec.path.c_str());
      spdlog::warn(
          "{}: 缺少 .shx 索引文件，已在内存中重建（原文件未改动） / no .shx: rebuilt in "
          "memory from the .shp (your files are not changed)",
          spec.path);
    }
  } else if (ext == "csv" || ext == "txt") {
    options.SetNameValue("HEADERS", "NO");
    // GDAL reads CSV as UTF-8; a GBK file (Excel "CSV" on a Chinese Windows) is recoded first.
    std::string bytes = read_vsi_file(spec.path);
    encoding_ = "UTF-8";
    bool rewritten = false;
    if (!is_valid_utf8(bytes) && has_non_ascii(bytes)) {
      std::size_t gbk_lines = 0, utf8_lines = 0;
      bytes = csv_to_utf8(bytes, gbk_lines, utf8_lines);
      rewritten = true;
      encoding_ = "CP936";
      encoding_note_ = "not UTF-8: read as GBK/CP936";
      if (utf8_lines > 0) {
        encoding_ = "UTF-8+CP936";
        encoding_note_ = "mixed: " + std::to_string(gbk_lines) + " line(s) GBK/CP936, " +
                         std::to_string(utf8_lines) + " non-ASCII line(s) UTF-8; each read as such";
        spdlog::warn("{}: 编码混杂 / mixed encodings ({}): save it as UTF-8 once", spec.path,
                     encoding_note_);
      }
    }
    // GDAL takes the columns from the first line: a title line must not hide the columns.
    rewritten = pad_first_csv_line(bytes) || rewritten;
    if (rewritten) {
      static std::atomic<int> counter{0};
      vsimem_copy_ = "/vsimem/muyield_csv_" + std::to_string(counter++) + ".csv";
      if (!write_vsi_file(vsimem_copy_, bytes))
        throw InputError(spec.path,
                         "无法在内存中改写此表 / cannot rewrite the table in memory "
                         "(encoding or title line): save it as UTF-8 CSV and retry");
      open_path = vsimem_copy_;
    }
  }
  // GDAL rebuilds a missing .shx only with SHAPE_RESTORE_SHX, and then writes it beside the .shp
  // (it even rewrites an existing one): so only for the in-memory copy above, never globally.
  CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", vsimem_dir_.empty() ? nullptr : "YES");
  dataset_ = is_database
                 ? open_pg(open_path, false, "")
                 : GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR, nullptr, options.List(), nullptr);
  CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", nullptr);
  if (!dataset_) {
    throw InputError(
        spec.path,
        "GDAL 无法打开 / GDAL cannot open it" +
            (messages.last_error().empty() ? std::string() : " (" + messages.last_error() + ")") +
            ": is it a Shapefile, GeoPackage, GeoJSON, CSV or XLSX file?");
  }
  auto* ds = GDALDataset::FromHandle(dataset_);
  driver_ = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
  if (starts_with_select(spec.layer)) {
    layer_ = ds->ExecuteSQL(spec.layer.c_str(), nullptr, nullptr);
    sql_layer_ = layer_ != nullptr;
    if (!layer_)
      throw InputError(name_, "SQL 查询失败 / the SQL query failed: " + messages.last_error());
  } else if (!spec.layer.empty()) {
    layer_ = ds->GetLayerByName(spec.layer.c_str());
    if (!layer_) {
      std::string names;
      const int shown = std::min(ds->GetLayerCount(), 30);
      for (int i = 0; i < shown; ++i)
        names += std::string(i ? ", " : "") + ds->GetLayer(i)->GetName();
      if (ds->GetLayerCount() > shown) names += ", …";
      throw InputError(name_, "没有图层/工作表 '" + spec.layer + "' / no layer or sheet '" +
                                  spec.layer + "'; it has: " + names);
    }
  } else {
    if (ds->GetLayerCount() == 0)
      throw InputError(spec.path, "没有任何图层或表 / the file holds no layer or table");
    layer_ = ds->GetLayer(0);
  }
  layer_->ResetReading();
  if (driver_ == "XLSX") {
    for (int i = 0; i < ds->GetLayerCount(); ++i)
      if (ds->GetLayer(i) == layer_) unsaved_formulas_ = xlsx_unsaved_formulas(open_path, i);
  }
  if (is_database) content_sha256_ = pg_rows_sha256(dataset_, spec.layer);

  if (is_spreadsheet_driver(driver_)) {
    detect_header_row(kind);
  } else {
    OGRFeatureDefn* defn = layer_->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      headers_.push_back(defn->GetFieldDefn(i)->GetNameRef());
    recognition_ = recognize_fields(kind, headers_, mapping_);
  }
}

TableSource::~TableSource() {
  buffered_.clear();
  current_.reset();
  if (dataset_) {
    if (sql_layer_) GDALDataset::FromHandle(dataset_)->ReleaseResultSet(layer_);
    GDALClose(dataset_);
  }
  if (!vsimem_copy_.empty()) VSIUnlink(vsimem_copy_.c_str());
  if (!vsimem_dir_.empty()) VSIRmdirRecursive(vsimem_dir_.c_str());
}

void TableSource::detect_header_row(TableKind kind) {
  // Reads ahead up to 20 non-blank rows and takes as header the one naming most known fields
  // (the key field counts double); the rows after it are data.
  std::vector<FeaturePtr> ahead;
  for (int i = 0; i < 20; ++i) {
    OGRFeature* f = layer_->GetNextFeature();
    if (!f) break;
    FeaturePtr p(f, destroy_feature);
    if (feature_is_blank(f)) continue;
    ahead.push_back(std::move(p));
  }
  const std::string_view key = kind == TableKind::enterprises ? "uscc"
                               : kind == TableKind::buildings ? ""
                                                              : "parcel_id";
  int best = -1, best_score = 0;
  Recognition best_recognition;
  std::vector<std::string> best_headers;
  for (std::size_t r = 0; r < ahead.size(); ++r) {
    std::vector<std::string> cells;
    for (int i = 0; i < ahead[r]->GetFieldCount(); ++i)
      cells.push_back(feature_cell(ahead[r].get(), i));
    Recognition rec = recognize_fields(kind, cells, mapping_);
    int score = static_cast<int>(rec.fields.size());
    if (!key.empty() && rec.find(key)) score += 100;
    if (score > best_score) {
      best = static_cast<int>(r);
      best_score = score;
      best_recognition = std::move(rec);
      best_headers = std::move(cells);
    }
  }
  if (best < 0 && !ahead.empty()) {  // nothing known: show the first row as the header
    best = 0;
    for (int i = 0; i < ahead[0]->GetFieldCount(); ++i)
      best_headers.push_back(feature_cell(ahead[0].get(), i));
    best_recognition = recognize_fields(kind, best_headers, mapping_);
  }
  if (best >= 0) {
    header_row_ = static_cast<int>(ahead[best]->GetFID());
    headers_ = std::move(best_headers);
    recognition_ = std::move(best_recognition);
    for (std::size_t r = best + 1; r < ahead.size(); ++r) buffered_.push_back(std::move(ahead[r]));
  }
}

bool TableSource::next(Row& row) {
  for (;;) {
    if (!buffered_.empty()) {
      current_ = std::move(buffered_.front());
      buffered_.erase(buffered_.begin());
    } else {
      current_.reset(layer_->GetNextFeature());
      if (!current_) return false;
      if (is_spreadsheet_driver(driver_) && feature_is_blank(current_.get())) continue;
    }
    row.table_ = this;
    row.feature_ = current_.get();
    row.number_ = current_->GetFID();
    return true;
  }
}

bool TableSource::has_geometry() const { return layer_->GetLayerDefn()->GetGeomFieldCount() > 0; }

std::string TableSource::crs_wkt() const {
  const OGRSpatialReference* srs = layer_->GetSpatialRef();
  if (!srs) return {};
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  if (srs->exportToWkt(&wkt, options) != OGRERR_NONE) {
    CPLFree(wkt);
    return {};
  }
  std::string out = wkt ? wkt : "";
  CPLFree(wkt);
  return out;
}

bool TableSource::extent(double out[4]) const {
  OGREnvelope env;
  if (layer_->GetExtent(&env, TRUE) != OGRERR_NONE) return false;
  out[0] = env.MinX;
  out[1] = env.MinY;
  out[2] = env.MaxX;
  out[3] = env.MaxY;
  return true;
}

std::int64_t TableSource::feature_count() const { return layer_->GetFeatureCount(FALSE); }

}  // namespace muyield::io
