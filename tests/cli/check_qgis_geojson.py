#!/usr/bin/python3
"""QGIS (PyQGIS headless) opens muyield's parcels.geojson: valid layer, WGS 84 / CRS84, every
feature, the class attribute readable, and areas from QGIS's own ellipsoidal measure (CGCS2000)
agreeing with our area_m2.

usage: check_qgis_geojson.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDistanceArea,  # noqa: E402
                       QgsProject, QgsVectorLayer)

muyield, repo, work = sys.argv[1:4]
sample = os.path.join(repo, "data", "dexing")
out = os.path.join(work, "qgis")
subprocess.run([muyield, "-q", "analyze", "--parcels", os.path.join(sample, "parcels.shp"),
                "--enterprises", os.path.join(sample, "enterprises.xlsx"),
                "--buildings", os.path.join(sample, "buildings.shp"),
                "--links", os.path.join(sample, "links.csv"),
                "--config", os.path.join(sample, "review.toml"), "--out", out], check=True)

qgs = QgsApplication([], False)
qgs.initQgis()
failures = []
layer = QgsVectorLayer(os.path.join(out, "parcels.geojson"), "parcels", "ogr")
if not layer.isValid():
    failures.append("QGIS cannot open parcels.geojson")
else:
    if layer.featureCount() != 191:
        failures.append(f"QGIS sees {layer.featureCount()} features, expected 191")
    if layer.crs().authid() not in ("EPSG:4326", "OGC:CRS84"):
        failures.append(f"unexpected CRS {layer.crs().authid()}")
    names = layer.fields().names()
    for field in ["parcel_id", "class", "flags", "tax_per_mu", "area_m2"]:
        if field not in names:
            failures.append(f"field {field} missing in QGIS")
    classes = set()
    ours = {}
    for f in layer.getFeatures():
        classes.add(f["class"])
        ours[f["parcel_id"]] = f["area_m2"]
        if f.id() is None or f["parcel_id"] in (None, ""):
            failures.append("a feature without parcel_id")
    # QGIS's own ellipsoidal area (CGCS2000, EPSG:1024) of the input parcels, measured in the
    # input's GK CRS, against our area_m2 (the GeoJSON's 7-decimal degrees would blur it to 1e-4).
    source = QgsVectorLayer(os.path.join(sample, "parcels.shp"), "source", "ogr")
    d = QgsDistanceArea()
    d.setSourceCrs(source.crs(), QgsProject.instance().transformContext())
    d.setEllipsoid("EPSG:1024")
    worst, compared, seen = 0.0, 0, set()
    for f in source.getFeatures():
        pid = f["宗地代码"]
        g = f.geometry()
        # Skip the planted duplicate id (its second feature is rejected) and bow-tie (repaired).
        if pid not in ours or pid in seen or not g.isGeosValid():
            continue
        seen.add(pid)
        compared += 1
        worst = max(worst, abs(d.measureArea(g) - ours[pid]) / ours[pid])
    del source
    if compared < 180 or worst > 1e-9:
        failures.append(f"QGIS area differs from area_m2 by {worst:.2e} relative "
                        f"({compared} parcels compared)")
    if not {"A", "B", "C", "D"} <= classes:
        failures.append(f"classes seen by QGIS: {sorted(c for c in classes if c)}")
    print(f"QGIS: {layer.featureCount()} features; area vs QGIS on {compared} parcels: {worst:.2e}")
del layer
qgs.exitQgis()
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("QGIS opens parcels.geojson: all checks passed")
