#!/usr/bin/python3
"""End-to-end check of `muyield analyze` on the bundled 德兴 sample.

The expected figures come from tools/make_dexing_sample.py's own computation of METHOD.md with
shapely and pyproj (data/dexing/expected_*.csv), never from muyield's output. Also checks that
two runs are byte-identical, that GDAL's ogrinfo reads the GeoJSON, and the record accounting.

usage: check_sample_review.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import csv
import filecmp
import json
import math
import os
import shutil
import subprocess
import sys

muyield, repo, work = sys.argv[1:4]
sample = os.path.join(repo, "data", "dexing")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(out):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [muyield, "-q", "analyze",
           "--parcels", os.path.join(sample, "parcels.shp"),
           "--enterprises", os.path.join(sample, "enterprises.xlsx"),
           "--buildings", os.path.join(sample, "buildings.shp"),
           "--links", os.path.join(sample, "links.csv"),
           "--config", os.path.join(sample, "review.toml"),
           "--out", out]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"muyield failed ({p.returncode}): {p.stderr}")


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def close(a, b, rel, abs_tol):
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_tol)


out1, out2 = os.path.join(work, "run1"), os.path.join(work, "run2")
run(out1)
# A second run from another working directory: results must not depend on it.
run(out2)

# 1. Byte-identical outputs.
for name in ["parcels.geojson", "parcels.csv", "enterprises.csv", "parks.csv", "rejects.csv"]:
    check(filecmp.cmp(os.path.join(out1, name), os.path.join(out2, name), shallow=False),
          f"{name} differs between two runs")

# 2. Parcels against the independent computation.
got = {r["parcel_id"]: r for r in rows(os.path.join(out1, "parcels.csv"))}
want = {r["parcel_id"]: r for r in rows(os.path.join(sample, "expected_parcels.csv"))}
check(set(got) == set(want), f"parcel ids differ: {sorted(set(got) ^ set(want))[:5]}")
flag_seen = set()
for pid, w in want.items():
    g = got.get(pid)
    if g is None:
        continue
    # expected_parcels.csv keeps 6 decimals: compare to that precision.
    for key, rel, abs_tol in [("area_m2", 1e-9, 1e-6), ("area_mu", 1e-9, 1e-6),
                              ("planar_m2", 1e-9, 1e-6), ("coverage", 1e-6, 1e-6),
                              ("far", 1e-6, 1e-6), ("tax_per_mu", 1e-6, 1e-6),
                              ("footprint_m2", 1e-6, 1e-6), ("floor_area_m2", 1e-6, 1e-6)]:
        if (w[key] == "") != (g[key] == ""):
            failures.append(f"{pid} {key}: got '{g[key]}', expected '{w[key]}'")
        elif w[key] != "" and not close(g[key], w[key], rel, abs_tol):
            failures.append(f"{pid} {key}: got {g[key]}, expected {w[key]}")
    for key in ["class", "main_uscc", "industry_division", "link_source"]:
        check(g[key] == w[key], f"{pid} {key}: got '{g[key]}', expected '{w[key]}'")
    gf = set(filter(None, g["flags"].split(",")))
    wf = set(filter(None, w["flags"].split(",")))
    check(gf == wf, f"{pid} flags: got {sorted(gf)}, expected {sorted(wf)}")
    flag_seen |= gf
    if gf:
        check(g["flag_reasons"] != "", f"{pid} is flagged but has no reason text")

# 3. Every flag of METHOD.md §8 appears in the sample.
for flag in ["UNSUPPLIED", "IDLE", "IDLE_2Y", "VACANT", "LOW_DENSITY", "LOW_YIELD", "D_CLASS"]:
    check(flag in flag_seen, f"flag {flag} never raised on the sample")

# 4. Enterprises against the independent computation.
got = {r["uscc"]: r for r in rows(os.path.join(out1, "enterprises.csv"))}
want = {r["uscc"]: r for r in rows(os.path.join(sample, "expected_enterprises.csv"))}
check(set(got) == set(want), f"enterprise ids differ: {sorted(set(got) ^ set(want))[:5]}")
for uscc, w in want.items():
    g = got.get(uscc)
    if g is None:
        continue
    for key in ["group", "class", "rank", "unrated_reason"]:
        check(g[key] == w[key], f"{uscc} {key}: got '{g[key]}', expected '{w[key]}'")
    for key in ["land_mu", "total"]:
        if w[key] != "" and not close(g[key], w[key], 1e-6, 1e-5):
            failures.append(f"{uscc} {key}: got {g[key]}, expected {w[key]}")

# 5. Rejects: the four the sample plants, each naming file, row and field.
rejects = [r for r in rows(os.path.join(out1, "rejects.csv")) if r["severity"] == "reject"]
check(len(rejects) == 4, f"expected 4 rejects, got {len(rejects)}")
for r in rejects:
    check(r["source"] and r["row"] and r["field"] and r["reason"], f"reject lacks a part: {r}")

# 6. Accounting: read = used + rejected + skipped for every input.
record = json.load(open(os.path.join(out1, "run.json"), encoding="utf-8"))
for rec in record["records"]:
    check(rec["read"] == rec["used"] + rec["rejected"] + rec["skipped_other_years"],
          f"records of {rec['input']} do not add up: {rec}")

# 7. GDAL reads the GeoJSON back: 191 features, CRS84.
info = subprocess.run(["ogrinfo", "-al", "-so", os.path.join(out1, "parcels.geojson")],
                      capture_output=True, text=True)
check(info.returncode == 0, f"ogrinfo failed: {info.stderr}")
check("Feature Count: 191" in info.stdout, "ogrinfo does not see 191 features")

if failures:
    print(f"{len(failures)} failure(s):")
    for f in failures[:40]:
        print("  " + f)
    sys.exit(1)
print("sample review: all checks passed")
