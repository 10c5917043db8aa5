#!/usr/bin/python3
"""muyield batch on the bundled sample (data/dexing/batch.toml, 2023 and 2024): both reviews
done, and the comparison agrees with the two enterprises.csv and parcels.csv, recomputed here:
the class migration matrix's row totals are the 2023 class counts and its column totals the
2024 ones, every enterprise of either year is listed once, flags raised/cleared are the set
differences. Leaves its output for the notebook checks (ctest fixture sample_batch).

usage: check_sample_batch.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import csv
import os
import shutil
import subprocess
import sys
from collections import Counter

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
out = os.path.join(work, "out")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def rows(*path):
    with open(os.path.join(out, *path), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


p = subprocess.run([muyield, "-q", "batch", os.path.join(repo, "data/dexing/batch.toml"),
                    "--out", out, "--jobs", "2"], capture_output=True, text=True)
check(p.returncode == 0, f"exit {p.returncode}: {p.stderr[-500:]}")
summary = rows("batch_summary.csv")
check([(r["park"], r["year"], r["status"]) for r in summary] ==
      [("德兴高新区", "2023", "ok"), ("德兴高新区", "2024", "ok")], f"summary: {summary}")

park = os.path.join(out, "德兴高新区")
ent = {y: rows("德兴高新区", y, "enterprises.csv") for y in ("2023", "2024")}
par = {y: rows("德兴高新区", y, "parcels.csv") for y in ("2023", "2024")}
for r in summary:
    counts = Counter(e["class"] for e in ent[r["year"]])
    for c in "ABCD":
        check(int(r[c]) == counts[c], f"summary {r['year']} class {c}: {r[c]} vs {counts[c]}")

cmp_dir = ("德兴高新区", "compare_2023_2024")
changes = rows(*cmp_dir, "enterprise_changes.csv")
usccs = {e["uscc"] for y in ent for e in ent[y]}
check(sorted(r["uscc"] for r in changes) == sorted(usccs), "enterprise_changes.csv: not every uscc once")
migration = [r for r in rows(*cmp_dir, "class_migration.csv") if r["group"] == "all"]
classes = ["A", "B", "C", "D", "unrated"]
before = Counter(e["class"] for e in ent["2023"])
after = Counter(e["class"] for e in ent["2024"])
for r in migration:
    if r["from"] in classes:
        check(int(r["total"]) == before[r["from"]], f"migration row {r['from']}: {r['total']} vs {before[r['from']]}")
for c in classes:
    column = sum(int(r[c]) for r in migration)
    check(column == after[c], f"migration column {c}: {column} vs {after[c]}")
moved = sum(int(r[c]) for r in migration for c in "ABCD" if r["from"] in "ABCD" and r["from"] != c)
check(moved == sum(1 for r in changes if r["class_move"] in ("up", "down")), "moves disagree")

flags = {y: {p["parcel_id"]: set(filter(None, p["flags"].split(","))) for p in par[y]} for y in par}
for r in rows(*cmp_dir, "parcel_flag_changes.csv"):
    a, b = flags["2023"].get(r["parcel_id"], set()), flags["2024"].get(r["parcel_id"], set())
    check(set(filter(None, r["raised"].split(","))) == b - a, f"{r['parcel_id']}: raised {r['raised']}")
    check(set(filter(None, r["cleared"].split(","))) == a - b, f"{r['parcel_id']}: cleared {r['cleared']}")
check(os.path.isfile(os.path.join(out, "index.html")), "no index.html")

if failures:
    print("\n".join(failures[:20]))
    sys.exit(1)
print(f"sample batch: all checks passed ({len(changes)} enterprises compared)")
