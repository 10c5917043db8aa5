// The SQL of the PostGIS review store, compiled in from pg_schema.sql (tables) and
// pg_views.sql (views); "{schema}" stands for the quoted schema name.
#pragma once

namespace muyield::io {

extern const char* const kPgSchemaSql;
extern const char* const kPgViewsSql;

}  // namespace muyield::io
