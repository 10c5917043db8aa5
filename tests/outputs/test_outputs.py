#!/usr/bin/python3
"""The outputs as their real clients read them: QGIS (PyQGIS, headless), validate_gpkg.py,
openpyxl, a browser's view of report.html, Chromium's PDF print read back with pdftotext.
Expected values come from the 德兴 sample's independent review (data/dexing/expected_*.csv,
computed in Python by tools/make_dexing_sample.py), never from muyield's own output.

  test_outputs.py CHECK --muyield build/muyield --source . --work build/tests/outputs
CHECK is one of: analyze (writes WORK/dexing for the next five), qgis, validate_gpkg, xlsx, html,
determinism, pdf, lonlat_and_hostile_text. Exit status 0 = pass; any failure raises."""
import argparse
import csv
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

OUTPUT_FILES = ["parcels.geojson", "parcels.csv", "enterprises.csv", "parks.csv", "rejects.csv",
                "muyield.gpkg", "rankings.xlsx", "report.html"]
TITLE = "亩均效益综合评价报告（2024年度）"


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


class Context:
    def __init__(self, args):
        self.muyield = args.muyield
        self.source = Path(args.source)
        self.work = Path(args.work)
        self.sample = self.source / "data" / "dexing"
        self.out = self.work / "dexing"
        self.expected_parcels = read_csv(self.sample / "expected_parcels.csv")
        self.expected_enterprises = read_csv(self.sample / "expected_enterprises.csv")

    def analyze(self, out, *extra, env=None, check=True):
        shutil.rmtree(out, ignore_errors=True)
        cmd = [self.muyield, "-q", "analyze", "--parcels", str(self.sample / "parcels.shp"),
               "--enterprises", str(self.sample / "enterprises.xlsx"),
               "--buildings", str(self.sample / "buildings.shp"),
               "--links", str(self.sample / "links.csv"),
               "--config", str(self.sample / "review.toml"), "--year", "2024", "--out", str(out),
               *extra]
        run = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if check:
            assert run.returncode == 0, f"muyield failed ({run.returncode}): {run.stderr}"
        return run

    def flagged_ids(self):
        return {r["parcel_id"] for r in self.expected_parcels if r["flags"]}


def check_analyze(c):
    c.analyze(c.out)
    for name in OUTPUT_FILES:
        assert (c.out / name).stat().st_size > 0, name
    assert not (c.out / "report.pdf").exists(), "pdf is not a default format"


def qgis_checks(c):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{c.out / 'muyield.gpkg'}|layername=parcels", "parcels", "ogr")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == len(c.expected_parcels), layer.featureCount()
    # The input's projected CRS is kept: the sample is in CGCS2000 GK zone 39 (its README).
    assert layer.crs().authid() == "EPSG:4527", layer.crs().authid()
    # Styled at once from layer_styles (a failed style load leaves singleSymbol).
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol", renderer.type()
    assert renderer.classAttribute() == "class"
    categories = {cat.value(): cat for cat in renderer.categories()}
    assert {"A", "B", "C", "D"} <= set(categories), list(categories)
    assert "优先发展类" in categories["A"].label()
    # Green for A, red for D.
    a, d = categories["A"].symbol().color(), categories["D"].symbol().color()
    assert a.green() > a.red() and d.red() > d.green()
    # The features carry the classes of the independent review.
    got = Counter(f["class"] if f["class"] else "" for f in layer.getFeatures())
    want = Counter(r["class"] for r in c.expected_parcels)
    assert got == want, (got, want)


def check_qgis(c):
    runtime = Path(tempfile.gettempdir()) / f"runtime-{os.getuid()}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    from qgis.core import QgsApplication
    qgs = QgsApplication([], False)
    qgs.initQgis()
    failure = None
    try:
        qgis_checks(c)
    except AssertionError as e:
        # Keep no traceback (it holds the layer): QGIS crashes on exit while a layer lives.
        failure = f"{type(e).__name__}: {e}"
    qgs.exitQgis()
    if failure:
        raise AssertionError(failure)


def check_validate_gpkg(c):
    script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
    run = subprocess.run([sys.executable, script, str(c.out / "muyield.gpkg")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def check_xlsx(c):
    import openpyxl
    wb = openpyxl.load_workbook(c.out / "rankings.xlsx")
    assert wb.sheetnames == ["规上企业", "规下企业", "低效用地", "园区汇总"], wb.sheetnames
    expected = {r["uscc"]: r for r in c.expected_enterprises}
    for sheet, group in (("规上企业", "above"), ("规下企业", "below")):
        ws = wb[sheet]
        header = [cell.value for cell in ws[1]]
        assert header[:5] == ["排名", "分类", "分类名称", "企业名称", "统一社会信用代码"], header[:5]
        assert "亩均税收（万元/亩）" in header and "综合得分" in header, header
        assert ws.freeze_panes == "E2", ws.freeze_panes
        land = header.index("用地面积（亩）") + 1
        rows = list(ws.iter_rows(min_row=2, values_only=False))
        want = [u for u, r in expected.items() if r["group"] == group]
        assert len(rows) == len(want), (sheet, len(rows), len(want))
        for row in rows:
            uscc = row[4].value
            e = expected[uscc]
            assert e["group"] == group, uscc
            assert row[1].value == e["class"], (uscc, row[1].value, e["class"])
            assert (row[0].value or "") == (int(e["rank"]) if e["rank"] else ""), uscc
            if e["class"] in ("A", "D"):
                rgb = row[1].fill.fgColor.rgb[-6:]
                r, g = int(rgb[0:2], 16), int(rgb[2:4], 16)
                assert (g > r) if e["class"] == "A" else (r > g), (uscc, rgb)
            if row[land - 1].value is not None:
                assert row[land - 1].number_format == "#,##0.00"
    flagged = wb["低效用地"]
    assert flagged["A1"].value == "宗地代码" and flagged.freeze_panes == "B2"
    ids = {row[0] for row in flagged.iter_rows(min_row=2, values_only=True)}
    assert ids == c.flagged_ids(), ids ^ c.flagged_ids()
    reasons = [cell.value for cell in flagged[1]].index("标记原因")
    assert all(row[reasons] for row in flagged.iter_rows(min_row=2, values_only=True))
    parks = [row[0] for row in wb["园区汇总"].iter_rows(min_row=2, values_only=True)]
    want_parks = sorted({r["park"] for r in c.expected_parcels})
    assert parks == want_parks + ["合计（全部园区）"], parks


def check_html(c):
    html = (c.out / "report.html").read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in html and f"<h1>{TITLE}</h1>" in html
    # Self-contained: the only URL is the SVG namespace; nothing is fetched.
    assert set(re.findall(r"https?://[^\"' <]+", html)) <= {"http://www.w3.org/2000/svg"}
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|url\(", html)
    # One map path per parcel, with its id in the hover title; flagged parcels outlined.
    paths = re.findall(r'<path d="M[^"]*" fill="(#[0-9a-f]{6})"( class="flagged")?><title>宗地 (\S+)\n',
                       html)
    assert sorted(p[2] for p in paths) == sorted(r["parcel_id"] for r in c.expected_parcels)
    assert {p[2] for p in paths if p[1]} == c.flagged_ids()
    assert html.count('<table class="sortable">') == 3  # 规上, 规下, flagged land
    for pid in c.flagged_ids():
        assert f"<td>{pid}</td>" in html, pid

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0"]


def chromium(page, *extra):
    """Opens the page in headless Chromium; returns (stdout, console messages). Fails, not
    skips, when Chromium cannot start."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "chromium is not installed (scripts/setup.sh test installs it)"
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra,
                              Path(page).resolve().as_uri()],
                             capture_output=True, text=True, errors="replace", timeout=90)
    assert run.returncode == 0, f"chromium failed ({run.returncode}): {run.stderr[-800:]}"
    return run.stdout, [line for line in run.stderr.splitlines() if ":CONSOLE" in line]


def check_browser(c):
    work = c.work / "browser"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # The console check itself: a page with a script error is caught.
    bad = work / "bad.html"
    bad.write_text("<html><body><script>no_such_function();</script></body></html>")
    _, console = chromium(bad, "--dump-dom")
    assert any("no_such_function" in line for line in console), console
    # The report, with a header click added after its own script: the sort runs without errors.
    html = (c.out / "report.html").read_text(encoding="utf-8")
    probe = ('<script>var t=document.querySelector("table.sortable");t.tHead.rows[0].cells[0].click();'
             't.tHead.rows[0].cells[0].click();document.body.dataset.sorted='
             't.tBodies[0].rows[0].cells[0].textContent;</script>')
    page = work / "report.html"
    page.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    dom, console = chromium(page, "--dump-dom")
    assert not console, f"console messages: {console}"
    assert re.search(r'<body[^>]* data-sorted="[^"]+"', dom), "the sort script did not run"
    assert dom.count('<svg class="map"') >= 1, "no map"
    assert dom.count('<table class="sortable">') == 3 and "<tbody>" in dom, "no ranking tables"
    # Two clicks on 排名 (ascending, then descending): the first row is now the last rank, which
    # the file itself lists last (it is written in rank order).
    table = html[html.index('<table class="sortable">'):]
    table = table[:table.index("</table>")]
    ranks = [int(r) for r in re.findall(r'<tr><td class="n" data-v="(\d+)"', table)]
    assert ranks and ranks == sorted(ranks), ranks[:10]
    first = re.search(r'data-sorted="([^"]+)"', dom).group(1)
    assert first.strip() == str(ranks[-1]) and ranks[-1] > 1, (first, ranks[-1])
    # A screenshot (kept as a test artifact) that shows more than a blank page.
    shot = work / "report.png"
    _, console = chromium(c.out / "report.html", f"--screenshot={shot}", "--window-size=1200,1600",
                          "--hide-scrollbars")
    assert not console, f"console messages: {console}"
    from PIL import Image
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "the screenshot looks blank"


def check_determinism(c):
    # At least a second after the first run, so that any clock time in a file would differ.
    time.sleep(max(0.0, 1.1 - (time.time() - (c.out / "run.json").stat().st_mtime)))
    again = c.work / "dexing-again"
    c.analyze(again)
    for name in OUTPUT_FILES:
        assert filecmp.cmp(c.out / name, again / name, shallow=False), f"{name} differs"


def check_pdf(c):
    # A missing Chromium is a clear error before any work is done.
    env = dict(os.environ, MUYIELD_CHROMIUM="/nonexistent/chromium")
    run = c.analyze(c.work / "no-chromium", "--pdf", env=env, check=False)
    assert run.returncode == 2 and "Chromium" in run.stderr, (run.returncode, run.stderr)
    assert not (c.work / "no-chromium" / "parcels.csv").exists()
    # The real print: fails (not skips) when chromium is not installed.
    out = c.work / "pdf"
    c.analyze(out, "--formats", "pdf")
    assert not (out / "report.html").exists() and not list(out.glob(".report*"))
    text = subprocess.run(["pdftotext", "-layout", str(out / "report.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert TITLE in text, text[:300]
    idle = "361181001002GB00007"  # the sample's idle parcel (edge case idle_land)
    assert idle in c.flagged_ids() and idle in text


def check_lonlat_and_hostile_text(c):
    from osgeo import ogr, osr
    import openpyxl
    d = c.work / "small"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(d / "parcels.gpkg"))
    layer = ds.CreateLayer("parcels", srs, ogr.wkbPolygon)
    for name in ("宗地代码", "TYSHXYDM", "园区"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    codes = ["91361181MA35R8Y924", "91361181MA35R8Y932", "91361181MA35R8Y940"]
    for i, code in enumerate(codes):
        f = ogr.Feature(layer.GetLayerDefn())
        f["宗地代码"], f["TYSHXYDM"], f["园区"] = f"S{i + 1}", code, "试验园"
        x, y = 117.58 + 0.002 * i, 28.95
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + 0.001} {y},{x + 0.001} {y + 0.001},{x} {y + 0.001},{x} {y}))"))
        layer.CreateFeature(f)
    ds = None
    names = ["=1+2", "<script>alert(1)</script>甲&乙", "@SUM(A1)"]
    with open(d / "enterprises.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["统一社会信用代码", "企业名称", "年度", "营业收入", "税收实际贡献", "是否规上"])
        for code, name, tax in zip(codes, names, (90, 60, 30)):
            w.writerow([code, name, 2024, 1000, tax, "否"])
    run = subprocess.run([c.muyield, "-q", "analyze", "--parcels", str(d / "parcels.gpkg"),
                          "--enterprises", str(d / "enterprises.csv"), "--year", "2024",
                          "--out", str(d / "out")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # Parcels given in degrees come out in CGCS2000 (EPSG:4490).
    gpkg = ogr.Open(str(d / "out" / "muyield.gpkg"))
    assert gpkg.GetLayerByName("parcels").GetSpatialRef().GetAuthorityCode(None) == "4490"
    # Workbook: formula-like names are text with the apostrophe, never formulas.
    ws = openpyxl.load_workbook(d / "out" / "rankings.xlsx")["规下企业"]
    by_code = {row[4].value: row[3] for row in ws.iter_rows(min_row=2)}
    assert by_code[codes[0]].value == "'=1+2" and by_code[codes[0]].data_type == "s"
    assert by_code[codes[2]].value == "'@SUM(A1)"
    assert by_code[codes[1]].value == names[1]
    # Report: markup in names is shown, not run.
    html = (d / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;甲&amp;乙" in html


def main():
    checks = {name[len("check_"):]: f for name, f in globals().items() if name.startswith("check_")}
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("check", choices=sorted(checks))
    p.add_argument("--muyield", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--work", required=True)
    args = p.parse_args()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    checks[args.check](Context(args))
    print(f"{args.check}: ok")


if __name__ == "__main__":
    main()
