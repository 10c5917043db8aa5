#include "io/write_postgis.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "io/gdal_session.hpp"
#include "io/input_error.hpp"
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

  OGRLayer& layer(const std::string& name) {
    GdalMessages messages;
    OGRLayer* l = ds_->GetLayerByName(name.c_str());
    if (!l) throw WriteFailure("table " + name + " not found: " + first_error(messages, ""));
    return *l;
  }

  void insert(OGRLayer& layer, OGRFeature& feature, const std::string& table) {
    GdalMessages messages;
    feature.SetFID(OGRNullFID);
    if (layer.CreateFeature(&feature) != OGRERR_NONE)
      throw WriteFailure("insert into " + table +
                         " failed: " + first_error(messages, "no message from GDAL"));
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

// Sends every row of `rows` into `table`, tagged with the review id; parcels get geometry.
std::size_t insert_rows(Session& db, const std::string& schema, const std::string& table,
                        const OutputRows& rows, const std::string& review_id,
                        const ReviewResult* geometry_of) {
  OGRLayer& layer = db.layer(schema + "." + table);
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  const std::vector<Column>& columns = rows.columns();
  std::vector<int> index(columns.size());
  for (std::size_t k = 0; k < columns.size(); ++k) {
    index[k] = defn->GetFieldIndex(columns[k].key.c_str());
    if (index[k] < 0) throw WriteFailure("column " + columns[k].key + " missing in " + table);
  }
  const int id_field = defn->GetFieldIndex("review_id");
  OGRFeature feature(defn);
  std::vector<Value> row;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows.fill(i, row);
    feature.SetField(id_field, review_id.c_str());
    for (std::size_t k = 0; k < columns.size(); ++k)
      set_field(feature, index[k], columns[k].type, row[k]);
    if (geometry_of) feature.SetGeometryDirectly(to_ogr(geometry_of->parcels[i].lonlat).release());
    db.insert(layer, feature, table);
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
  OGRLayer& layer = db.layer(schema + ".reviews");
  OGRFeature f(layer.GetLayerDefn());
  auto text = [&](const char* field, const std::string& value) {
    if (!value.empty()) f.SetField(field, value.c_str());
  };
  auto json_text = [&](const char* key) {
    return run.contains(key) ? run[key].get<std::string>() : std::string();
  };
  text("review_id", review_id);
  f.SetField("year", result.year);
  CPLStringList list;
  for (const std::string& p : parks) list.AddString(p.c_str());
  f.SetField(f.GetFieldIndex("parks"), list.List());
  text("evaluation_date", result.evaluation_date.iso());
  text("started", json_text("started"));
  text("run_time", json_text("finished"));
  if (run.contains("tool")) text("muyield_version", run["tool"].value("version", ""));
  text("area_method", json_text("area_method"));
  text("settings", run.value("settings", nlohmann::json::object()).dump());
  text("inputs", run.value("inputs", nlohmann::json::array()).dump());
  text("run", run.dump());
  db.insert(layer, f, "reviews");
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
