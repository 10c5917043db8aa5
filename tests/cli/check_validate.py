#!/usr/bin/python3
"""muyield validate: recognised fields (header -> canonical, unit), rejects with file, row and
field, exit 0 usable / 1 with rejects / 2 unusable, and no analysis outputs.

usage: check_validate.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import os
import shutil
import subprocess
import sys

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []
fixtures = os.path.join(repo, "tests/fixtures/readers")
env = dict(os.environ, LANG="en_US.UTF-8", LC_ALL="", LC_MESSAGES="")


def run(*args):
    return subprocess.run([muyield, *args], capture_output=True, text=True, cwd=work, env=env)


def expect(p, status, *fragments, what=""):
    if p.returncode != status:
        failures.append(f"{what}: exit {p.returncode}, expected {status}: {p.stdout[-300:]} {p.stderr[-300:]}")
    for frag in fragments:
        if frag not in p.stdout:
            failures.append(f"{what}: output lacks {frag!r}:\n{p.stdout}")


p = run("validate", "--parcels", os.path.join(fixtures, "parcels.geojson"),
        "--enterprises", os.path.join(fixtures, "enterprises.csv"),
        "--links", os.path.join(fixtures, "links.csv"))
expect(p, 1,
       "宗地代码 → parcel_id",
       "登记面积（亩） → registered_m2  unit 亩 from the header (×666.6666666666666 → m²)",
       "营业收入(元) → revenue  unit 元 from the header (×1e-04 → 万元)",
       "用电量（万kWh） → electricity_kwh  unit 万kWh from the header (×10000 → kWh)",
       "份额 → share",
       "years in the table: 2023, 2024; rows of 2024: 2",
       "enterprises.csv row 3, field revenue, value \"待核实\"",
       "parcels.geojson row 2, field agreed_start",
       what="fixtures with rejects")

# A clean layer: exit 0. Pinyin headers, area in 公顷 from the header.
clean = os.path.join(work, "clean.geojson")
with open(clean, "w", encoding="utf-8") as f:
    f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4527"}},'
            '"features":[{"type":"Feature","properties":{"ZDDM":"P1","YQMC":"东园","登记面积(公顷)":1.5},'
            '"geometry":{"type":"Polygon","coordinates":[[[39556000,3203000],[39556100,3203000],'
            '[39556100,3203100],[39556000,3203000]]]}}]}')
p = run("validate", "--parcels", clean)
expect(p, 0, "ZDDM → parcel_id", "YQMC → park",
       "登记面积(公顷) → registered_m2  unit 公顷 from the header (×10000 → m²)",
       "nothing would be rejected", what="clean parcels")
os.remove(clean)

if os.listdir(work):
    failures.append(f"validate wrote files: {os.listdir(work)}")
p = run("validate", "--parcels", os.path.join(work, "无此文件.shp"))
expect(p, 2, "无此文件.shp", what="missing parcels")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("validate: all checks passed")
