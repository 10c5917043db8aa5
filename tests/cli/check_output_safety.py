#!/usr/bin/python3
"""Output safety, end to end:
1. text cells that a spreadsheet would run as a formula (=, +, -, @ first) are written to the CSV
   outputs with a leading apostrophe — enterprise and parcel names, parks, rejected values — and
   read back with Python's csv module; GeoJSON (no spreadsheet) keeps the text as it was;
2. outputs stay inside the output folder whatever the names in the data contain ("../..",
   "/etc/passwd", a NUL), and an output name that is a symbolic link to a file elsewhere is
   replaced, not written through.

usage: check_output_safety.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys

muyield, repo, work = sys.argv[1:4]
corpus = os.path.join(repo, "tests", "corpus")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(parcels, enterprises, out):
    p = subprocess.run([muyield, "analyze", "-q", "--parcels", parcels, "--enterprises", enterprises,
                        "--links", os.path.join(corpus, "base", "links.csv"), "--year", "2024",
                        "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"muyield failed ({p.returncode}): {p.stderr}")


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def looks_like_formula(cell):
    """What Excel would evaluate: = + @ tab CR first, or '-' first unless it is a number."""
    if not cell:
        return False
    if cell[0] in "=+@\t\r":
        return True
    if cell[0] == "-":
        try:
            float(cell)
        except ValueError:
            return True
    return False


def snapshot(folder):
    out = set()
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            out.add(os.path.relpath(os.path.join(root, name), folder))
    return out


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

# 1. Formula injection.
case = os.path.join(corpus, "cases", "formula_injection_names")
out = os.path.join(work, "formulas")
run(os.path.join(case, "parcels.shp"), os.path.join(case, "enterprises.csv"), out)
names = {r["uscc"]: r["name"] for r in rows(os.path.join(out, "enterprises.csv"))}
check(sorted(names.values()) == sorted(["'=HYPERLINK(\"http://evil.example/x\",\"点我\")",
                                        "'+cmd|' /C calc'!A0", "'@SUM(A1:A9)"]),
      f"enterprise names not neutralised: {sorted(names.values())}")
p001 = [r for r in rows(os.path.join(out, "parcels.csv")) if r["parcel_id"] == "P001"]
check(len(p001) == 1 and p001[0]["holder_name"] == "'-2+3", f"holder_name not neutralised: {p001}")
check(len(p001) == 1 and p001[0]["park"] == "'=HYPERLINK(\"http://evil.example\")",
      f"park not neutralised: {p001}")
parks = [r["park"] for r in rows(os.path.join(out, "parks.csv"))]
check("'=HYPERLINK(\"http://evil.example\")" in parks, f"park not neutralised in parks.csv: {parks}")
values = [r["value"] for r in rows(os.path.join(out, "rejects.csv"))]
check("'=1+2" in values, f"rejected value not neutralised: {values}")
for name in ["parcels.csv", "enterprises.csv", "parks.csv", "rejects.csv"]:
    for r in rows(os.path.join(out, name)):
        for key, v in r.items():
            check(not looks_like_formula(v), f"{name} {key}: a cell starts like a formula: {v!r}")
geo = json.load(open(os.path.join(out, "parcels.geojson"), encoding="utf-8"))
props = {f["properties"]["parcel_id"]: f["properties"] for f in geo["features"]}
check(props["P001"]["holder_name"] == "-2+3", "GeoJSON should keep the text unchanged")

# 2. Names that look like paths, and a symbolic link in place of an output.
sandbox = os.path.join(work, "sandbox")
out = os.path.join(sandbox, "out")
os.makedirs(out)
outside = os.path.join(sandbox, "outside.csv")
with open(outside, "w") as f:
    f.write("must stay as it is\n")
os.symlink(outside, os.path.join(out, "parcels.csv"))
before = snapshot(sandbox) - {"out/parcels.csv"}
case = os.path.join(corpus, "cases", "names_with_paths")
run(os.path.join(case, "parcels.shp"), os.path.join(corpus, "base", "enterprises.csv"), out)
after = snapshot(sandbox)
new = sorted(after - before)
expected = sorted(f"out/{n}" for n in ["parcels.geojson", "parcels.csv", "enterprises.csv",
                                       "parks.csv", "rejects.csv", "run.json", "muyield.gpkg",
                                       "rankings.xlsx", "report.html", "appeal.html"])
check(new == expected, f"files written: {new}, expected only {expected}")
check(open(outside).read() == "must stay as it is\n", "an output was written through a symlink")
check(not os.path.islink(os.path.join(out, "parcels.csv")), "the symlink was kept as an output")
ids = sorted(r["parcel_id"] for r in rows(os.path.join(out, "parcels.csv")))
check("../../escaped" in ids and "'/etc/passwd" not in ids and "/etc/passwd" in ids,
      f"path-like ids not kept as plain text: {ids}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("output safety: all checks passed")
