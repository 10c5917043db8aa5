// A checksum of a database input, the counterpart of a file's SHA-256 in run.json: SHA-256 of
// the rows as PostgreSQL prints them (row::text, geometry as hex EWKB), sorted bytewise and
// joined by newlines, computed by the server. Independent of row order and of the server's
// collation; changes when any value or vertex changes.
#pragma once

#include <string>

typedef void* GDALDatasetH;

namespace muyield::io {

// `layer` is a table name (schema.table) or a SELECT query. Empty when it cannot be computed.
std::string pg_rows_sha256(GDALDatasetH dataset, const std::string& layer);

}  // namespace muyield::io
