#!/usr/bin/python3
"""Outputs are all-or-nothing (pending_file.hpp: temporary name, then rename):
1. a run killed (SIGKILL) while it writes leaves every output either exactly as the previous run
   wrote it or exactly as a complete run writes it — never a partial file — and the file being
   written when it died is the previous one; the leftover temporary file has a hidden name
   (.tmp-<pid>-<output>) that is no result, and the next run removes it;
2. a run that fails while writing (an output name taken by a folder) exits 2, names the file,
   and leaves no temporary file behind; a run that fails on its input writes nothing.
The killed run gets a generated county big enough that writing takes a while (grown and retried
when the machine is too fast to catch it).

usage: check_interrupted_write.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time

from osgeo import ogr, osr

ogr.UseExceptions()
muyield, repo, work = sys.argv[1:4]
base = os.path.join(repo, "tests", "corpus", "base")
OUTPUTS = ["parcels.geojson", "parcels.csv", "enterprises.csv", "parks.csv", "rejects.csv", "run.json",
           "muyield.gpkg", "rankings.xlsx", "report.html", "appeal.html"]  # the default formats
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def make_county(folder, n):
    """n parcels of 50 m × 50 m in EPSG:4548, each held by its own enterprise."""
    os.makedirs(folder, exist_ok=True)
    shp = os.path.join(folder, "parcels.shp")
    if os.path.exists(shp):
        return shp, os.path.join(folder, "enterprises.csv")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4548)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(shp)
    layer = ds.CreateLayer("parcels", srs, ogr.wkbPolygon, options=["ENCODING=UTF-8"])
    for name in ["ZDDM", "QLRDM", "YQMC"]:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    codes = [f"91361181{i:09d}" for i in range(n)]
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [pow(3, k, 31) for k in range(17)]
    codes = [c + alphabet[(31 - sum(alphabet.index(ch) * w for ch, w in zip(c, weights)) % 31) % 31]
             for c in codes]
    layer.StartTransaction()
    side = int(n ** 0.5) + 1
    for i in range(n):
        x, y = 500000 + 60 * (i % side), 3200000 + 60 * (i // side)
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("ZDDM", f"Z{i:07d}")
        f.SetField("QLRDM", codes[i])
        f.SetField("YQMC", f"园区{i % 7}")
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + 50} {y},{x + 50} {y + 50},{x} {y + 50},{x} {y}))"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None
    csv_path = os.path.join(folder, "enterprises.csv")
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as f:
        f.write("统一社会信用代码,企业名称,年度,营业收入（万元）,税收实际贡献（万元）,是否规上\r\n")
        for i, code in enumerate(codes):
            f.write(f"{code},企业{i},2024,{1000 + i % 5000},{10 + i % 300},{'是' if i % 3 else '否'}\r\n")
    return shp, csv_path


def analyze(parcels, enterprises, out):
    return [muyield, "analyze", "-q", "--parcels", parcels, "--enterprises", enterprises,
            "--year", "2024", "--out", out]


def temporaries(folder):
    return sorted(f for f in os.listdir(folder) if f.startswith(".tmp-"))


def kill_while_writing(cmd, out, nth):
    """Starts the run and kills it as soon as the nth temporary file appears; returns the
    output whose temporary file the dead run left (None when the run ended first, or when the
    kill fell between two outputs)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = set()
    while p.poll() is None:
        seen.update(temporaries(out))
        if len(seen) >= nth:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            left = temporaries(out)
            return left[0].split("-", 2)[2] if left else None
        time.sleep(0.0005)
    return None


# The previous outputs: a complete run on the small base review.
previous = os.path.join(work, "previous")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
p = subprocess.run(analyze(os.path.join(base, "parcels.shp"), os.path.join(base, "enterprises.csv"),
                           previous), capture_output=True, text=True)
if p.returncode != 0:
    sys.exit(f"the base review failed ({p.returncode}): {p.stderr}")

for nth in (1, 3):  # killed while writing the first output, and a later one
    for n in (20000, 60000, 150000):
        county = os.path.join(work, f"county-{n}")
        shp, csv_path = make_county(county, n)
        # What a complete run writes, for comparison.
        complete = os.path.join(work, f"complete-{n}")
        if not os.path.exists(os.path.join(complete, "run.json")):
            subprocess.run(analyze(shp, csv_path, complete), capture_output=True, check=True)
        target = os.path.join(work, f"killed-{nth}-{n}")
        shutil.copytree(previous, target)
        killed_in = kill_while_writing(analyze(shp, csv_path, target), target, nth)
        if killed_in is None:
            continue  # not caught in the middle of a write: a bigger county
        for name in OUTPUTS:
            path = os.path.join(target, name)
            as_before = filecmp.cmp(path, os.path.join(previous, name), shallow=False)
            as_complete = name != "run.json" and filecmp.cmp(path, os.path.join(complete, name),
                                                             shallow=False)
            check(as_before or as_complete,
                  f"killed while writing {killed_in}: {name} is neither the previous nor a complete output")
            if name in (killed_in, "run.json"):
                check(as_before, f"killed while writing {killed_in}: {name} is not the previous one")
        # The GeoPackage and the workbook are written beside the text files: up to three
        # temporaries at once, each of an output that is still the previous one.
        left = temporaries(target)
        check(len(left) <= 3 and all(t.split("-", 2)[2] in OUTPUTS for t in left),
              f"killed while writing {killed_in}: unexpected leftovers {left}")
        for t in left:
            name = t.split("-", 2)[2]
            check(filecmp.cmp(os.path.join(target, name), os.path.join(previous, name), shallow=False),
                  f"killed while writing {name}: it is not the previous one")
        results = sorted(f for f in os.listdir(target) if not f.startswith("."))
        check(results == sorted(OUTPUTS), f"killed while writing {killed_in}: result files {results}")
        # The next run completes and removes the dead run's temporary file.
        again = subprocess.run(analyze(os.path.join(base, "parcels.shp"),
                                       os.path.join(base, "enterprises.csv"), target),
                               capture_output=True, text=True)
        check(again.returncode == 0, f"the run after the kill failed: {again.stderr[-300:]}")
        check(temporaries(target) == [], f"temporary files survive the next run: {temporaries(target)}")
        print(f"killed while writing {killed_in} ({n} parcels): previous outputs intact")
        break
    else:
        failures.append(f"could not catch the run writing its output no. {nth}, even with 150000 parcels")

# A failure while writing: parks.csv is a folder (with a file in it, so it cannot be replaced).
blocked = os.path.join(work, "blocked")
shutil.copytree(previous, blocked)
os.remove(os.path.join(blocked, "parks.csv"))
os.makedirs(os.path.join(blocked, "parks.csv"))
open(os.path.join(blocked, "parks.csv", "keep"), "w").close()
p = subprocess.run(analyze(os.path.join(base, "parcels.shp"), os.path.join(base, "enterprises.csv"),
                           blocked), capture_output=True, text=True)
check(p.returncode == 2, f"a write failure gives exit {p.returncode}, expected 2")
check("parks.csv" in p.stderr, f"the write failure does not name parks.csv: {p.stderr[-300:]}")
check("internal error" not in p.stderr, f"a write failure is called an internal error: {p.stderr[-300:]}")
check(temporaries(blocked) == [], f"temporary files left after a write failure: {temporaries(blocked)}")
check(filecmp.cmp(os.path.join(blocked, "run.json"), os.path.join(previous, "run.json"), shallow=False),
      "run.json was replaced by a run that failed")

# A failure on the input: nothing written at all.
fresh = os.path.join(work, "input-error")
p = subprocess.run(analyze(os.path.join(base, "no-such.shp"), os.path.join(base, "enterprises.csv"),
                           fresh), capture_output=True, text=True)
check(p.returncode == 2, f"a missing input gives exit {p.returncode}, expected 2")
written = os.listdir(fresh) if os.path.isdir(fresh) else []
check(written == [], f"a run stopped by its input left {written}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("interrupted and failed writes: all checks passed")
