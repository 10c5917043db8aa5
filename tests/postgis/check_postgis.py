#!/usr/bin/python3
"""PostGIS as the shared store, against the real PostgreSQL 15 + PostGIS 3 server that
tests/postgis/pg_server.sh started for this ctest run (fixture `postgis`).

usage: check_postgis.py CHECK MUYIELD_BINARY REPO_DIR WORK_DIR STATE_FILE

Each CHECK works in its own database (created from template1, which has PostGIS), loads the
inputs with ogr2ogr and checks the results with SQL in PostGIS itself:
  roundtrip   the 德兴 sample loaded into PostGIS, analysed from there and written back: the CSVs
              equal those of the file-based run; every figure in the database equals the CSVs;
              ST_Area(geom::geography) against area_m2; no password in run.json or the store
  replace     re-running a review leaves one copy; other years accumulate; latest-review and
              migration views
  atomic      a failure after the parcels table (exception, and SIGKILL) leaves the previous
              review as it was, and no transaction open
  role        the minimal roles of docs/postgis.md: a writer that can only work in its schema
              (password login over TCP), a reader that can only read
  sources     PG inputs named by a SELECT query and by schema.table (test fixtures), compared to
              the GeoPackage run; bad connection string, missing table: exit 2 with a clear message
A server that is not there is a failure, never a skip.
"""
import csv
import math
import os
import shutil
import subprocess
import sys
import time

import psycopg2

check_name, muyield, repo, work, state_file = sys.argv[1:6]
sample = os.path.join(repo, "data", "dexing")
fixtures = os.path.join(repo, "tests", "fixtures", "readers")
failures = []

state = {}
try:
    with open(state_file) as f:
        for line in f:
            if "=" in line:
                k, v = line.strip().split("=", 1)
                state[k] = v
except OSError as e:
    sys.exit(f"FAIL: no PostgreSQL server for the tests ({e}); the fixture "
             "'postgis: start server' must run first (see tests/postgis/pg_server.sh)")
PORT = state["PGPORT"]
DB = "t_" + check_name
ADMIN = f"host=/tmp port={PORT} user=postgres"
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def admin(dbname="postgres"):
    c = psycopg2.connect(f"{ADMIN} dbname={dbname}")
    c.autocommit = True
    return c


def sql(query, args=None, dbname=DB):
    # Not `with connection:`: psycopg2 2.9 opens a transaction there even in autocommit mode.
    c = admin(dbname)
    try:
        with c.cursor() as cur:
            cur.execute(query, args)
            return cur.fetchall() if cur.description else None
    finally:
        c.close()


def pg(extra=""):
    return f"PG:dbname={DB} {ADMIN} {extra}".strip()


def fresh_database():
    sql(f"DROP DATABASE IF EXISTS {DB}", dbname="postgres")
    sql(f"CREATE DATABASE {DB} TEMPLATE template1", dbname="postgres")
    sql("CREATE SCHEMA input")


def ogr2ogr(src, table, *extra):
    cmd = ["ogr2ogr", "-f", "PostgreSQL", pg(), src, "-nln", f"input.{table}",
           "-lco", "LAUNDER=NO", *extra]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"FAIL: ogr2ogr {src}: {p.stderr}")


def load_sample():
    """The 德兴 sample into schema input, with ogr2ogr (as a county would load it)."""
    for name in ["parcels", "buildings"]:
        ogr2ogr(os.path.join(sample, f"{name}.shp"), name, "-nlt", "PROMOTE_TO_MULTI")
    ogr2ogr(os.path.join(sample, "links.csv"), "links", "-oo", "AUTODETECT_TYPE=NO")
    # The sheet has a title and a 填报单位 row above its header (row 3): ogr2ogr reads it as
    # text rows (as muyield does), the header row becomes the CSV header, then into PostGIS.
    p = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/",
                        os.path.join(sample, "enterprises.xlsx"),
                        "--config", "OGR_XLSX_HEADERS", "DISABLE",
                        "--config", "OGR_XLSX_FIELD_TYPES", "STRING"],
                       capture_output=True, check=True)
    lines = p.stdout.decode("utf-8").splitlines(keepends=True)
    header = next(i for i, l in enumerate(lines) if "统一社会信用代码" in l)
    staged = os.path.join(work, "enterprises.csv")
    with open(staged, "w", encoding="utf-8") as f:
        f.writelines(lines[header:])
    ogr2ogr(staged, "enterprises", "-oo", "AUTODETECT_TYPE=NO")


def analyze(out, inputs, *extra, env=None, expect=0):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [muyield, "-q", "analyze", *inputs, "--out", out, *extra]
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    seconds = time.monotonic() - t0
    if expect is not None and p.returncode != expect:
        sys.exit(f"FAIL: muyield exit {p.returncode} (expected {expect}): {' '.join(cmd)}\n"
                 f"{p.stderr}")
    return p, seconds


def sample_files(year=2024):
    return ["--parcels", os.path.join(sample, "parcels.shp"),
            "--enterprises", os.path.join(sample, "enterprises.xlsx"),
            "--buildings", os.path.join(sample, "buildings.shp"),
            "--links", os.path.join(sample, "links.csv"),
            "--config", os.path.join(sample, "review.toml"), "--year", str(year)]


def sample_db(year=2024, conn=None):
    conn = conn or pg()
    args = []
    for name in ["parcels", "enterprises", "buildings", "links"]:
        args += [f"--{name}", conn, f"--{name}-layer", f"input.{name}"]
    return args + ["--config", os.path.join(sample, "review.toml"), "--year", str(year)]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def same_file(a, b):
    with open(a, "rb") as x, open(b, "rb") as y:
        return x.read() == y.read()


def review_ids():
    return [r[0] for r in sql("SELECT review_id FROM muyield.reviews ORDER BY review_id")]


def fingerprint():
    """Everything of the store, as text, to compare before and after."""
    out = []
    for table in ["reviews", "parcels", "enterprises", "parks", "rejects"]:
        out.append(sql(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')), "
                       f"count(*) FROM muyield.{table} AS t")[0])
    return out


def db_equals_csv(table, csv_path, key, review_id):
    """Every column of the CSV equals the database row (numbers exactly, as doubles)."""
    rows = read_csv(csv_path)
    c = admin(DB)
    with c.cursor() as cur:
        cur.execute(f"SELECT * FROM muyield.{table} WHERE review_id = %s", (review_id,))
        names = [d[0] for d in cur.description]
        db = {r[names.index(key)]: dict(zip(names, r)) for r in cur.fetchall()}
    c.close()
    check(len(db) == len(rows), f"{table}: {len(db)} rows in PostGIS, {len(rows)} in the CSV")
    mismatches = 0
    for row in rows:
        d = db.get(row[key])
        if not check(d is not None, f"{table}: {row[key]} missing in PostGIS"):
            continue
        for col, text in row.items():
            v = d.get(col, "<no column>")
            if text == "":
                ok = v is None or v == ""
            elif isinstance(v, (int, float)):
                ok = float(text) == float(v)
            else:
                ok = text == v or text == "'" + str(v)  # CSV neutralises formula-like text
            if not ok:
                mismatches += 1
                if mismatches <= 5:
                    failures.append(f"{table} {row[key]} {col}: CSV {text!r}, PostGIS {v!r}")
    return mismatches


# ------------------------------------------------------------------------------ checks


def check_roundtrip():
    fresh_database()
    t0 = time.monotonic()
    load_sample()
    load_s = time.monotonic() - t0
    files_out, db_out = os.path.join(work, "files"), os.path.join(work, "db")
    _, files_s = analyze(files_out, sample_files())
    _, db_s = analyze(db_out, sample_db(), "--out-db", pg())
    print(f"timings: ogr2ogr load {load_s:.2f} s; analyze from files {files_s:.2f} s; "
          f"from PostGIS and back {db_s:.2f} s")
    # The same figures whether the inputs came from files or from PostGIS.
    for name in ["parcels.csv", "enterprises.csv", "parks.csv"]:
        check(same_file(os.path.join(files_out, name), os.path.join(db_out, name)),
              f"{name}: the PostGIS run differs from the file run")
    a, b = read_csv(os.path.join(files_out, "rejects.csv")), read_csv(os.path.join(db_out, "rejects.csv"))
    strip = lambda rows: [(r["field"], r["value"], r["reason"], r["severity"]) for r in rows]
    check(strip(a) == strip(b), "rejects differ beyond their source and row")
    check(all(r["source"].startswith("PG:dbname=") for r in b), "rejects name the PG source")

    # What is in the store equals the CSVs of the same run, column by column.
    ids = review_ids()
    check(ids == ["2024:德兴高新区城东园+德兴高新区城西园+德兴高新区银山园"], f"review ids {ids}")
    rid = ids[0]
    db_equals_csv("parcels", os.path.join(db_out, "parcels.csv"), "parcel_id", rid)
    db_equals_csv("enterprises", os.path.join(db_out, "enterprises.csv"), "uscc", rid)
    db_equals_csv("parks", os.path.join(db_out, "parks.csv"), "park", rid)
    n_rejects = sql("SELECT count(*) FROM muyield.rejects WHERE review_id = %s", (rid,))[0][0]
    check(n_rejects == len(b), f"rejects: {n_rejects} in PostGIS, {len(b)} in rejects.csv")

    # Areas measured by PostGIS itself. geom is CGCS2000 (EPSG:4490), so ::geography measures
    # on GRS80 like area_m2 (PROJ geod_polygonarea); PostGIS's figure for EPSG:4490 differs from
    # Karney's by up to ~2.3e-9 (0.2 cm² on a 8100 m² parcel). The same outline taken as WGS 84
    # (EPSG:4326) differs by up to ~7.5e-9, which is the ellipsoids' difference (pyproj's
    # Geod('WGS84') gives the same): negligible for land, but the reason to keep 4490.
    # Tolerance 1e-8 relative: well above both, far below any figure that matters (1e-4 m²/ha).
    worst = sql("""SELECT max(abs(ST_Area(geom::geography) / area_m2 - 1)),
                          max(abs(ST_Area(ST_SetSRID(geom, 4326)::geography) / area_m2 - 1)),
                          count(*), min(ST_SRID(geom)), bool_and(ST_IsValid(geom))
                   FROM muyield.parcels WHERE review_id = %s""", (rid,))[0]
    print(f"ST_Area(geom::geography) vs area_m2: max relative difference {worst[0]:.2e} "
          f"(EPSG:4490, GRS80), {worst[1]:.2e} (as EPSG:4326, WGS 84), over {worst[2]} parcels")
    check(worst[0] < 1e-8, f"ST_Area vs area_m2: {worst[0]} > 1e-8")
    check(worst[1] < 1e-8, f"ST_Area (WGS 84) vs area_m2: {worst[1]} > 1e-8")
    check(worst[3] == 4490, f"SRID {worst[3]}")
    check(worst[4], "invalid parcel geometry in PostGIS (they are repaired before writing)")

    # The review record: settings, inputs with their row checksums, run.json; no password.
    rec = sql("SELECT year, parks, settings, inputs, run FROM muyield.reviews")[0]
    check(rec[0] == 2024 and len(rec[1]) == 3, f"reviews row {rec[:2]}")
    check(rec[2]["review"]["year"] == 2024 if "review" in rec[2] else True, "settings json")
    check(all(i["checksums"][0].get("rows_sha256") for i in rec[3]),
          f"input checksums {[i['checksums'] for i in rec[3]]}")
    check(sorted(i.get("layer") for i in rec[3]) ==
          ["input.buildings", "input.enterprises", "input.links", "input.parcels"], "input layers")
    # The row checksum is the server's, over the rows as loaded: recompute it here.
    expect = sql("""SELECT encode(sha256(convert_to(string_agg(t::text, E'\\n'
                    ORDER BY t::text COLLATE "C"), 'UTF8')), 'hex') FROM input.links AS t""")[0][0]
    links = next(i for i in rec[3] if i["input"] == "links")
    check(links["checksums"][0]["rows_sha256"] == expect, "links row checksum")

    # Views for QGIS.
    latest = sql("SELECT count(*), count(DISTINCT park), min(year) FROM muyield.parcels_latest")[0]
    check(latest == (191, 3, 2024), f"parcels_latest {latest}")
    classes = dict(sql("SELECT \"class\", count(*) FROM muyield.enterprise_classes "
                       "WHERE year = 2024 GROUP BY 1"))
    check(classes.get("A") == 33 and classes.get("D") == 9, f"2024 classes {classes}")


def check_replace():
    fresh_database()
    load_sample()
    out = os.path.join(work, "out")
    analyze(out, sample_db(2024), "--out-db", pg())
    first = fingerprint()
    p, _ = analyze(out, sample_db(2024), "--out-db", pg(), "--log-level", "info")
    check(review_ids() == ["2024:德兴高新区城东园+德兴高新区城西园+德兴高新区银山园"],
          f"after a rerun: {review_ids()}")
    second = fingerprint()
    check([c for _, c in first] == [c for _, c in second], f"row counts {first} → {second}")
    n = sql("SELECT count(*), count(DISTINCT parcel_id) FROM muyield.parcels")[0]
    check(n == (191, 191), f"parcels after a rerun: {n}")

    # Another year accumulates beside it; the latest year is the one in force.
    analyze(out, sample_db(2023), "--out-db", pg())
    check(len(review_ids()) == 2, f"two years: {review_ids()}")
    years = sql("SELECT DISTINCT year FROM muyield.parcels_latest")
    check(years == [(2024,)], f"parcels_latest years {years}")
    mig = dict(sql("""SELECT change, count(*) FROM muyield.enterprise_class_migration
                      WHERE year_from = 2023 AND year_to = 2024 GROUP BY 1"""))
    print(f"enterprise class migration 2023 → 2024: {mig}")
    check(sum(mig.values()) > 100 and mig.get("up", 0) > 0 and mig.get("down", 0) > 0,
          f"migration {mig}")
    pmig = sql("""SELECT count(*), count(DISTINCT id), bool_and(geom IS NOT NULL)
                  FROM muyield.parcel_class_migration WHERE year_from = 2023""")[0]
    check(pmig[0] == 191 and pmig[1] == pmig[0] and pmig[2], f"parcel migration {pmig}")
    # Re-running 2023 after 2024 replaces 2023 and leaves 2024 in force.
    analyze(out, sample_db(2023), "--out-db", pg())
    check(len(review_ids()) == 2, f"rerun of 2023: {review_ids()}")
    check(sql("SELECT DISTINCT year FROM muyield.latest_reviews") == [(2024,)], "latest = 2024")


def check_atomic():
    fresh_database()
    load_sample()
    out = os.path.join(work, "out")
    analyze(out, sample_db(2024), "--out-db", pg())
    before = fingerprint()
    for hook, expect in [("parcels", 2), ("parcels:kill", -9), ("rejects", 2)]:
        p, _ = analyze(out, sample_db(2024), "--out-db", pg(),
                       env={"MUYIELD_TEST_FAIL_AFTER_TABLE": hook}, expect=expect)
        if expect == 2:
            check("the database is as it was" in p.stderr and "failing on purpose" in p.stderr,
                  f"{hook}: message {p.stderr!r}")
            check(not os.path.exists(os.path.join(out, "run.json")),
                  f"{hook}: run.json written although the database write failed")
        # A killed client's transaction is rolled back when the server sees the socket close.
        for _ in range(50):
            open_tx = sql("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND "
                          "state LIKE 'idle in transaction%%'", (DB,))[0][0]
            if open_tx == 0:
                break
            time.sleep(0.1)
        check(open_tx == 0, f"{hook}: a transaction is still open")
        check(fingerprint() == before, f"{hook}: the previous review changed")
    # The first write into an empty database fails the same way: nothing at all is left.
    sql("DROP SCHEMA muyield CASCADE")
    analyze(out, sample_db(2024), "--out-db", pg(),
            env={"MUYIELD_TEST_FAIL_AFTER_TABLE": "enterprises"}, expect=2)
    check(sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'muyield'")[0][0] == 0,
          "a failed first write left the schema behind")


def check_role():
    fresh_database()  # drops the database of an earlier run first, so the roles can go
    sql("DROP ROLE IF EXISTS muyield_writer", dbname="postgres")
    sql("DROP ROLE IF EXISTS muyield_reader", dbname="postgres")
    load_sample()
    # docs/postgis.sql, as an administrator would run it with psql -v … -f docs/postgis.sql.
    with open(os.path.join(repo, "docs", "postgis.sql"), encoding="utf-8") as f:
        setup = (f.read().replace(":'writer_password'", "'writer-secret'")
                 .replace(":'reader_password'", "'reader-secret'").replace(':"DBNAME"', DB))
    sql(setup)
    sql("GRANT USAGE ON SCHEMA input TO muyield_writer; "
        "GRANT SELECT ON ALL TABLES IN SCHEMA input TO muyield_writer")
    writer = f"PG:dbname={DB} host=127.0.0.1 port={PORT} user=muyield_writer password=writer-secret"
    out = os.path.join(work, "out")
    p, _ = analyze(out, sample_db(2024, writer), "--out-db", writer)
    check(review_ids() == ["2024:德兴高新区城东园+德兴高新区城西园+德兴高新区银山园"],
          f"writer role: {review_ids()}")
    analyze(out, sample_db(2024, writer), "--out-db", writer)  # replace: DELETE as the writer
    check(len(review_ids()) == 1, "writer role: rerun")
    with open(os.path.join(out, "run.json"), encoding="utf-8") as f:
        check("writer-secret" not in f.read(), "the password is in run.json")
    stored = sql("SELECT run::text FROM muyield.reviews")[0][0]
    check("writer-secret" not in stored and "password=***" in stored,
          "the password is in the stored run record")
    # Nothing beyond its schema: no new schema, no writing into the inputs.
    p, _ = analyze(out, sample_db(2024, writer), "--out-db", writer, "--out-schema", "other",
                   expect=2)
    check("permission denied" in p.stderr and "writer-secret" not in p.stderr,
          f"writer in another schema: {p.stderr!r}")
    wc = psycopg2.connect(f"dbname={DB} host=127.0.0.1 port={PORT} user=muyield_writer "
                          "password=writer-secret")
    try:
        with wc.cursor() as cur:
            cur.execute("DELETE FROM input.parcels")
        check(False, "the writer may delete input rows")
    except psycopg2.Error:
        pass
    wc.close()
    # The reader (QGIS) sees the views and may change nothing.
    rc = psycopg2.connect(f"dbname={DB} host=127.0.0.1 port={PORT} user=muyield_reader "
                          "password=reader-secret")
    rc.autocommit = True
    with rc.cursor() as cur:
        cur.execute("SELECT count(*) FROM muyield.parcels_latest")
        check(cur.fetchone()[0] == 191, "reader: parcels_latest")
        cur.execute("SELECT count(*) FROM muyield.enterprise_class_migration")
        for statement in ["DELETE FROM muyield.reviews", "CREATE TABLE muyield.x (i int)"]:
            try:
                cur.execute(statement)
                check(False, f"the reader may: {statement}")
            except psycopg2.Error:
                pass
    rc.close()
    # A wrong password: exit 2, the source named without the password, what to do.
    p, _ = analyze(out, sample_db(2024, writer.replace("writer-secret", "wrong-secret")),
                   expect=2)
    check("password authentication failed" in p.stderr and "wrong-secret" not in p.stderr
          and "password=***" in p.stderr, f"wrong password: {p.stderr!r}")


def check_sources():
    fresh_database()
    ogr2ogr(os.path.join(fixtures, "parcels.gpkg"), "parcels", "-nlt", "PROMOTE_TO_MULTI")
    ogr2ogr(os.path.join(fixtures, "enterprises.csv"), "enterprises", "-oo", "AUTODETECT_TYPE=NO")
    ogr2ogr(os.path.join(fixtures, "links.csv"), "links", "-oo", "AUTODETECT_TYPE=NO")
    files_out, db_out = os.path.join(work, "files"), os.path.join(work, "db")
    analyze(files_out, ["--parcels", os.path.join(fixtures, "parcels.gpkg"),
                        "--enterprises", os.path.join(fixtures, "enterprises.csv"),
                        "--links", os.path.join(fixtures, "links.csv"), "--year", "2024"])
    conn = pg()
    analyze(db_out, ["--parcels", conn,
                     "--parcels-layer", "SELECT p.* FROM input.parcels AS p WHERE p.geom IS NOT NULL",
                     "--enterprises", conn, "--enterprises-layer", "input.enterprises",
                     "--links", conn, "--links-layer", "input.links", "--year", "2024",
                     "--out-db", conn, "--out-schema", "review_store"])
    for name in ["parcels.csv", "enterprises.csv", "parks.csv"]:
        check(same_file(os.path.join(files_out, name), os.path.join(db_out, name)),
              f"fixtures: {name} differs between GeoPackage/CSV and PostGIS inputs")
    n = sql("SELECT count(*) FROM review_store.parcels")[0][0]
    check(n == 3, f"fixtures: {n} parcels in review_store")

    bad = [
        (["--parcels", f"PG:dbname={DB} host=127.0.0.1 port=1 user=x password=hush",
          "--parcels-layer", "input.parcels"], ["cannot connect", "port=1", "password=***",
                                               "docs/postgis.md"]),
        (["--parcels", conn], ["--parcels-layer", "a database holds many tables"]),
        (["--parcels", conn, "--parcels-layer", "input.nosuch"], ["no layer or sheet 'input.nosuch'"]),
        (["--parcels", conn, "--parcels-layer", "SELECT * FROM input.nosuch"], ["SQL"]),
        (["--parcels", os.path.join(fixtures, "parcels.gpkg"), "--out-db",
          "PG:dbname=nosuchdb host=/tmp port=" + PORT], ["cannot connect", "--out-db",
                                                         "nosuchdb"]),
        (["--parcels", os.path.join(fixtures, "parcels.gpkg"), "--out-db", conn,
          "--out-schema", "Bad-Name"], ["unusable schema name"]),
    ]
    for args, needles in bad:
        p, _ = analyze(os.path.join(work, "bad"), args + ["--year", "2024"], expect=2)
        for needle in needles:
            check(needle in p.stderr, f"{args}: {needle!r} not in {p.stderr!r}")
        check("hush" not in p.stderr, "a password in an error message")


{"roundtrip": check_roundtrip, "replace": check_replace, "atomic": check_atomic,
 "role": check_role, "sources": check_sources}[check_name]()
try:
    sql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)", dbname="postgres")
except psycopg2.Error:
    pass
if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"postgis {check_name}: ok")
