-- Views over the review store for QGIS and SQL users (docs/postgis.md). Created after the
-- columns exist; CREATE OR REPLACE keeps them current (p.* picks up columns added later, at
-- the end, as ALTER TABLE adds them). {schema} is the quoted schema name.

-- The review in force per park: the latest year, and of that year the latest run.
CREATE OR REPLACE VIEW {schema}.latest_reviews AS
SELECT DISTINCT ON (park) park, r.review_id, r.year, r.run_time
FROM {schema}.reviews AS r CROSS JOIN LATERAL unnest(r.parks) AS park
ORDER BY park, r.year DESC, r.run_time DESC;

-- Parcels of the review in force for their park, with geometry: the map layer (key: fid).
CREATE OR REPLACE VIEW {schema}.parcels_latest AS
SELECT l.year, p.*
FROM {schema}.parcels AS p
JOIN {schema}.latest_reviews AS l ON l.review_id = p.review_id AND l.park = p.park;

-- One row per enterprise and year, from the latest run that reviewed that year.
CREATE OR REPLACE VIEW {schema}.enterprise_classes AS
SELECT DISTINCT ON (e.uscc, r.year)
       e.uscc, e.name, r.year, e.park, e."group", e."class", e.total, e.rank, e.tax_per_mu,
       e.review_id
FROM {schema}.enterprises AS e JOIN {schema}.reviews AS r USING (review_id)
ORDER BY e.uscc, r.year, r.run_time DESC;

-- Class migration of each enterprise between any two reviewed years (filter year_from and
-- year_to): change is up (to a better class), down, same, or changed (to or from unrated).
CREATE OR REPLACE VIEW {schema}.enterprise_class_migration AS
SELECT b.uscc, b.name, b.park, a.year AS year_from, b.year AS year_to,
       a."class" AS class_from, b."class" AS class_to,
       CASE WHEN a."class" = b."class" THEN 'same'
            WHEN a."class" IN ('A', 'B', 'C', 'D') AND b."class" IN ('A', 'B', 'C', 'D')
              THEN CASE WHEN b."class" < a."class" THEN 'up' ELSE 'down' END
            ELSE 'changed' END AS change,
       a.total AS total_from, b.total AS total_to,
       a.tax_per_mu AS tax_per_mu_from, b.tax_per_mu AS tax_per_mu_to
FROM {schema}.enterprise_classes AS a
JOIN {schema}.enterprise_classes AS b ON b.uscc = a.uscc AND b.year > a.year;

-- One row per parcel and year, from the latest run that reviewed that year.
CREATE OR REPLACE VIEW {schema}.parcel_classes AS
SELECT DISTINCT ON (p.parcel_id, r.year)
       p.fid, p.parcel_id, r.year, p.park, p."class", p.main_uscc, p.flags, p.tax_per_mu, p.geom
FROM {schema}.parcels AS p JOIN {schema}.reviews AS r USING (review_id)
ORDER BY p.parcel_id, r.year, r.run_time DESC;

-- Class migration of each parcel between two reviewed years, with the later year's outline
-- (key: id = fid of the later parcel row × 10000 + year_from).
CREATE OR REPLACE VIEW {schema}.parcel_class_migration AS
SELECT b.fid * 10000 + a.year AS id, b.parcel_id, b.park, a.year AS year_from, b.year AS year_to,
       a."class" AS class_from, b."class" AS class_to,
       CASE WHEN a."class" IS NOT DISTINCT FROM b."class" THEN 'same'
            WHEN a."class" IN ('A', 'B', 'C', 'D') AND b."class" IN ('A', 'B', 'C', 'D')
              THEN CASE WHEN b."class" < a."class" THEN 'up' ELSE 'down' END
            ELSE 'changed' END AS change,
       a.flags AS flags_from, b.flags AS flags_to, b.geom
FROM {schema}.parcel_classes AS a
JOIN {schema}.parcel_classes AS b ON b.parcel_id = a.parcel_id AND b.year > a.year;
