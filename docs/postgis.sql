-- Roles for the muyield review store (docs/postgis.md). Run once per database, as a superuser
-- or the database owner, with psql:
--   psql -d county -v writer_password='…' -v reader_password='…' -f docs/postgis.sql
-- muyield_writer: runs `muyield analyze --out-db`; may only create and change objects in the
--   schema muyield (tables and views it then owns) and read the inputs it is granted.
-- muyield_reader: QGIS and reports; may only read the schema muyield.

CREATE ROLE muyield_writer LOGIN PASSWORD :'writer_password';
CREATE ROLE muyield_reader LOGIN PASSWORD :'reader_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO muyield_writer, muyield_reader;

-- The schema belongs to the administrator; the writer may create in it, not drop it, and may
-- not create other schemas (no CREATE on the database).
CREATE SCHEMA IF NOT EXISTS muyield;
GRANT USAGE, CREATE ON SCHEMA muyield TO muyield_writer;
GRANT USAGE ON SCHEMA muyield TO muyield_reader;
-- Whatever the writer creates there (tables now, views, tables added later) the reader may read.
ALTER DEFAULT PRIVILEGES FOR ROLE muyield_writer IN SCHEMA muyield
  GRANT SELECT ON TABLES TO muyield_reader;

-- Inputs kept in the same database: read access for the writer, per schema or per table, e.g.
--   GRANT USAGE ON SCHEMA input TO muyield_writer;
--   GRANT SELECT ON ALL TABLES IN SCHEMA input TO muyield_writer;
