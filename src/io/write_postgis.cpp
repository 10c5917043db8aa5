#include "io/write_postgis.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "io/gdal_session.hpp"
#include "io/input_error.hpp"
#include "io/number_text.hpp"
#include "io/ogr_geometry.hpp"
#include "io/output_rows.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_sql.hpp"

namespace muyield::io {

namespace {

// A failed statement inside the write; turned into an InputError naming the target.
struct WriteFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool valid_schema_name(const std::string& s) {
  if (s.empty() || s.size() > 63 ||
      !(std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_'))
    return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string first_error(const GdalMessages& messages, const std::string& fallback) {
  std::string m = messages.errors().empty() ? fallback : messages.errors().front();
  while (!m.empty() && std::isspace(static_cast<unsigned char>(m.back()))) m.pop_back();
  return m;
}

// One connection in one transaction: statements, queries and rows through GDAL's PostgreSQL
// driver. Rolls back unless committed.
class Session {
 public:
  Session(const PostgisTarget& target)
      : ds_(GDALDataset::FromHandle(open_pg(target.connection, true, "--out-db"))) {
    if (ds_->StartTransaction(FALSE) != OGRERR_NONE) {
      GDALClose(ds_);
      throw WriteFailure("cannot start a transaction");
    }
  }
  ~Session() {
    if (!committed_) {
      GdalMessages quiet;
      ds_->RollbackTransaction();
    }
    GDALClose(ds_);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void execute(const std::string& sql) {
    GdalMessages messages;
    CPLErrorReset();
    OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) ds_->ReleaseResultSet(result);
    if (!messages.errors().empty()) throw WriteFailure(first_error(messages, ""));
  }

  // Rows of a SELECT as text (empty cells for NULL).
  std::vector<std::vector<std::string>> query(const std::string& sql) {
    GdalMessages messages;
    std::vector<std::vector<std::string>> rows;
    OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!messages.errors().empty()) {
      if (result) ds_->ReleaseResultSet(result);
      throw WriteFailure(first_error(messages, ""));
    }
    if (!result) return rows;
    while (OGRFeature* f = result->GetNextFeature()) {
      std::vector<std::string> row;
      for (int i = 0; i < f->GetFieldCount(); ++i)
        row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
      rows.push_back(std::move(row));
      OGRFeature::DestroyFeature(f);
    }
    ds_->ReleaseResultSet(result);
    return rows;
  }

  void commit() {
    GdalMessages messages;
    if (ds_->CommitTransaction() != OGRERR_NONE)
      throw WriteFailure("commit failed: " + first_error(messages, "no message from GDAL"));
    committed_ = true;
  }

 private:
  GDALDataset* ds_;
  bool committed_ = false;
};

std::string pg_type(ColumnType t) {
  return t == ColumnType::real ? "double precision" : t == ColumnType::integer ? "bigint" : "text";
}

void test_hook(const std::string& table) {
  const char* hook = std::getenv("MUYIELD_TEST_FAIL_AFTER_TABLE");
  if (!hook) return;
  if (table + ":kill" == hook) std::raise(SIGKILL);
  if (table == hook)
    throw WriteFailure("MUYIELD_TEST_FAIL_AFTER_TABLE=" + table + ": failing on purpose");
}

// Adds the columns of `rows` the table does not have yet (new tables, or columns added to
// output_rows since the store was created).
void add_missing_columns(Session& db, const std::string& schema, const std::string& table,
                         const std::vector<Column>& columns,
                         const std::set<std::pair<std::string, std::string>>& existing) {
  std::string alter;
  for (const Column& c : columns) {
    if (existing.count({table, c.key})) continue;
    alter += std::string(alter.empty() ? "" : ", ") + "ADD COLUMN " + sql_identifier(c.key) + " " +
             pg_type(c.type);
  }
  if (!alter.empty())
    db.execute("ALTER TABLE " + sql_identifier(schema) + "." + sql_identifier(table) + " " + alter);
}

// One value as an SQL literal. Numbers in their shortest exact form (as in the CSV files):
// GDAL's own feature writing keeps 15 digits only, so rows are inserted as SQL.
void append_value(std::string& sql, ColumnType type, const Value& v) {
  if (v.empty || (type != ColumnType::text && !std::isfinite(v.number))) {
    sql += "NULL";
  } else if (type == ColumnType::text) {
    sql += sql_literal(v.text);
  } else if (type == ColumnType::integer) {
    sql += std::to_string(static_cast<long long>(v.number));
  } else {
    append_number(sql, v.number);
  }
}

std::string wkb_hex(const MultiPolygon& lonlat) {
  const std::unique_ptr<OGRGeometry> g = to_ogr(lonlat);
  std::vector<unsigned char> wkb(g->WkbSize());
  g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(wkb.size() * 2);
  for (unsigned char b : wkb) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

// Sends every row of `rows` into `table`, tagged with the review id, in INSERTs of a few hundred
// rows; parcels get their CGCS2000 outline.
std::size_t insert_rows(Session& db, const std::string& schema, const std::string& table,
                        const OutputRows& rows, const std::string& review_id,
                        const ReviewResult* geometry_of) {
  const std::vector<Column>& columns = rows.columns();
  std::string head =
      "INSERT INTO " + sql_identifier(schema) + "." + sql_identifier(table) + " (review_id";
  for (const Column& c : columns) head += ", " + sql_identifier(c.key);
  head += geometry_of ? ", geom) VALUES " : ") VALUES ";
  const std::string id = sql_literal(review_id);
  std::vector<Value> row;
  std::string sql;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (sql.empty())
      sql = head;
    else
      sql += ", ";
    rows.fill(i, row);
    sql += "(" + id;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      sql += ", ";
      append_value(sql, columns[k].type, row[k]);
    }
    if (geometry_of)
      sql += ", ST_GeomFromWKB(decode('" + wkb_hex(geometry_of->parcels[i].lonlat) +
             "', 'hex'), 4490)";
    sql += ")";
    if ((i + 1) % 250 == 0 || i + 1 == rows.size()) {
      db.execute(sql);
      sql.clear();
    }
  }
  test_hook(table);
  return rows.size();
}

std::vector<std::string> review_parks(const ReviewInput& input, const ReviewResult& result) {
  std::set<std::string> parks;
  for (const ParcelResult& p : result.parcels) parks.insert(input.parcels[p.input_index].park);
  return {parks.begin(), parks.end()};
}

void insert_review(Session& db, const std::string& schema, const std::string& review_id,
                   const std::vector<std::string>& parks, const ReviewResult& result,
                   const nlohmann::json& run) {
  auto text = [&](const char* key) {
    return run.contains(key) && run[key].is_string() ? sql_literal(run[key].get<std::string>())
                                                     : std::string("NULL");
  };
  std::string park_array = "ARRAY[";
  for (std::size_t i = 0; i < parks.size(); ++i)
    park_array += (i ? ", " : "") + sql_literal(parks[i]);
  park_array += "]::text[]";
  const std::string version =
      run.contains("tool") ? sql_literal(run["tool"].value("version", "")) : "NULL";
  db.execute("INSERT INTO " + sql_identifier(schema) +
             ".reviews (review_id, year, parks, evaluation_date, started, run_time, "
             "muyield_version, area_method, settings, inputs, run) VALUES (" +
             sql_literal(review_id) + ", " + std::to_string(result.year) + ", " + park_array +
             ", " + sql_literal(result.evaluation_date.iso()) + "::date, " + text("started") +
             "::timestamptz, coalesce(" + text("finished") + "::timestamptz, now()), " + version +
             ", " + text("area_method") + ", " +
             sql_literal(run.value("settings", nlohmann::json::object()).dump()) + "::jsonb, " +
             sql_literal(run.value("inputs", nlohmann::json::array()).dump()) + "::jsonb, " +
             sql_literal(run.dump()) + "::jsonb)");
  test_hook("reviews");
}

}  // namespace

void check_postgis_target(const PostgisTarget& target) {
  if (!valid_schema_name(target.schema))
    throw InputError("--out-schema " + target.schema,
                     "模式名不可用 / unusable schema name: use lower-case letters, digits and _ "
                     "(starting with a letter or _), at most 63 characters, e.g. muyield");
  GDALClose(open_pg(target.connection, true, "--out-db"));
}

std::string postgis_review_id(const ReviewInput& input, const ReviewResult& result) {
  std::string id = std::to_string(result.year) + ":";
  const std::vector<std::string> parks = review_parks(input, result);
  for (std::size_t i = 0; i < parks.size(); ++i) id += (i ? "+" : "") + parks[i];
  return id;
}

PostgisWrite write_postgis(const PostgisTarget& target, const ReviewInput& input,
                           const ReviewResult& result, const ReviewConfig& config,
                           const nlohmann::json& run) {
  const auto start = std::chrono::steady_clock::now();
  if (!valid_schema_name(target.schema)) check_postgis_target(target);  // throws
  PostgisWrite out;
  out.review_id = postgis_review_id(input, result);
  const std::string& schema = target.schema;
  const std::string s = sql_identifier(schema);
  try {
    Session db(target);
    // Writers of one store queue here (first writes race on CREATE TABLE otherwise); readers
    // are not blocked and see the previous review until the commit.
    db.execute("SELECT pg_advisory_xact_lock(hashtext(" + sql_literal("muyield:" + schema) + "))");
    // CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even when the schema
    // exists; a minimal role works in a schema made for it (docs/postgis.md).
    if (db.query("SELECT nspname FROM pg_namespace WHERE nspname = " + sql_literal(schema)).empty())
      db.execute("CREATE SCHEMA " + s);
    db.execute(replace_all(kPgSchemaSql, "{schema}", s));

    const ParcelRows parcels(input, result);
    const EnterpriseRows enterprises(input, result, config);
    const ParkRows parks(result);
    const IssueRows rejects(result.issues);
    std::set<std::pair<std::string, std::string>> existing;
    for (auto& r : db.query("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = " +
                            sql_literal(schema)))
      existing.insert({r[0], r[1]});
    add_missing_columns(db, schema, "parcels", parcels.columns(), existing);
    add_missing_columns(db, schema, "enterprises", enterprises.columns(), existing);
    add_missing_columns(db, schema, "parks", parks.columns(), existing);
    add_missing_columns(db, schema, "rejects", rejects.columns(), existing);
    db.execute(replace_all(kPgViewsSql, "{schema}", s));

    const std::string id = sql_literal(out.review_id);
    out.replaced =
        !db.query("SELECT review_id FROM " + s + ".reviews WHERE review_id = " + id).empty();
    if (out.replaced) db.execute("DELETE FROM " + s + ".reviews WHERE review_id = " + id);

    insert_review(db, schema, out.review_id, review_parks(input, result), result, run);
    out.parcels = insert_rows(db, schema, "parcels", parcels, out.review_id, &result);
    out.enterprises = insert_rows(db, schema, "enterprises", enterprises, out.review_id, nullptr);
    out.parks = insert_rows(db, schema, "parks", parks, out.review_id, nullptr);
    out.rejects = insert_rows(db, schema, "rejects", rejects, out.review_id, nullptr);
    db.commit();
  } catch (const WriteFailure& e) {
    throw InputError(redact_connection(target.connection),
                     "评价未写入数据库 / the review was not written to schema " + schema + " (" +
                         e.what() +
                         "); the database is as it was. Check the role's rights on the schema "
                         "(docs/postgis.md) and the server log");
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace muyield::io
