// PostgreSQL sources and targets named the GDAL way, PG:"dbname=… host=… port=… user=…":
// recognising them, hiding the password wherever the name is shown (rejects.csv, run.json, the
// database's own review record, messages), quoting SQL, and opening one through GDAL's
// PostgreSQL driver with a message that says what to check when the connection fails.
#pragma once

#include <string>
#include <string_view>

typedef void* GDALDatasetH;

namespace muyield::io {

// "PG:…" or "postgresql://…" (GDAL accepts both; case-insensitive prefix).
bool is_pg_connection(std::string_view source);

// The connection string with any password=… value (and the password of a postgresql:// URI)
// replaced by ***; text that names no PostgreSQL connection is returned as it is.
std::string redact_connection(std::string_view source);

// 'text' with quotes doubled ('' inside), for standard_conforming_strings = on (the default
// since PostgreSQL 9.1); throws std::invalid_argument on a NUL byte.
std::string sql_literal(std::string_view text);
// "name" with quotes doubled; a dotted name "schema.table" becomes "schema"."table".
std::string sql_identifier(std::string_view name);

// Opens the database (vector, update when `update`); throws InputError naming the redacted
// source, GDAL's message and what to check. `what` says what the database is for ("--out-db").
GDALDatasetH open_pg(const std::string& source, bool update, std::string_view what);

}  // namespace muyield::io
