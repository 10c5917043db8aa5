-- The muyield review store in PostGIS (docs/postgis.md). Run by write_postgis.cpp inside the
-- transaction of every write, so it must stay idempotent. {schema} is the quoted schema name.
-- Only the key columns are here: the figure columns of parcels, enterprises, parks and rejects
-- are added from io/output_rows (the same columns as the CSV files), missing ones with
-- ALTER TABLE … ADD COLUMN, so a column added to output_rows reaches the database by itself.

CREATE TABLE IF NOT EXISTS {schema}.reviews (
  review_id       text PRIMARY KEY,        -- '<year>:<park>[+<park>…]', parks sorted
  year            integer NOT NULL,
  parks           text[] NOT NULL,
  evaluation_date date,
  started         timestamptz,
  run_time        timestamptz NOT NULL,    -- when the review finished (run.json "finished")
  written_at      timestamptz NOT NULL DEFAULT now(),
  muyield_version text,
  area_method     text,
  settings        jsonb NOT NULL,          -- the settings in force, defaults included
  inputs          jsonb NOT NULL,          -- sources, layers, checksums, recognised fields
  run             jsonb NOT NULL           -- the whole run.json
);

CREATE TABLE IF NOT EXISTS {schema}.parcels (
  fid       bigserial PRIMARY KEY,
  review_id text NOT NULL REFERENCES {schema}.reviews ON DELETE CASCADE,
  geom      geometry(MultiPolygon, 4490)  -- repaired outline, CGCS2000 longitude/latitude
);
CREATE INDEX IF NOT EXISTS parcels_review_idx ON {schema}.parcels (review_id);
CREATE INDEX IF NOT EXISTS parcels_geom_idx ON {schema}.parcels USING gist (geom);

CREATE TABLE IF NOT EXISTS {schema}.enterprises (
  fid       bigserial PRIMARY KEY,
  review_id text NOT NULL REFERENCES {schema}.reviews ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS enterprises_review_idx ON {schema}.enterprises (review_id);

CREATE TABLE IF NOT EXISTS {schema}.parks (
  fid       bigserial PRIMARY KEY,
  review_id text NOT NULL REFERENCES {schema}.reviews ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS parks_review_idx ON {schema}.parks (review_id);

CREATE TABLE IF NOT EXISTS {schema}.rejects (
  fid       bigserial PRIMARY KEY,
  review_id text NOT NULL REFERENCES {schema}.reviews ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS rejects_review_idx ON {schema}.rejects (review_id);
