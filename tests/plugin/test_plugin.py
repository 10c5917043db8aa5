#!/usr/bin/python3
"""The QGIS plugin (qgis_plugin/muyield) as QGIS runs it: headless PyQGIS with Processing, and
qgis_process.bin. Expected figures come from data/dexing/expected_parcels.csv (the sample's
independent review), never from muyield's own output. Fails, never skips, when QGIS cannot start.

  test_plugin.py CHECK --muyield build/muyield --source . --work build/tests/plugin
CHECK: package (builds the zip and unpacks it into WORK/plugins, for the others), review,
cancel, validate_compare, qgis_process. Exit status 0 = pass; any failure raises."""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ALGORITHMS = {"muyield:review", "muyield:validate", "muyield:compare"}


class Context:
    def __init__(self, args):
        self.muyield = str(Path(args.muyield).resolve())
        self.source = Path(args.source).resolve()
        self.work = Path(args.work).resolve()
        self.sample = self.source / "data" / "dexing"
        self.plugins = self.work / "plugins"  # the unpacked zip
        with open(self.sample / "expected_parcels.csv", encoding="utf-8-sig", newline="") as f:
            self.expected_parcels = list(csv.DictReader(f))
        runtime = Path(tempfile.gettempdir()) / f"runtime-{os.getuid()}"
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.environ.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime),
                          MUYIELD_BIN=self.muyield)

    def inputs(self, year=2024):
        return {"PARCELS": str(self.sample / "parcels.shp"),
                "ENTERPRISES": str(self.sample / "enterprises.xlsx"),
                "BUILDINGS": str(self.sample / "buildings.shp"),
                "LINKS": str(self.sample / "links.csv"),
                "CONFIG": str(self.sample / "review.toml"), "YEAR": year}

    def fresh(self, name):
        folder = self.work / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder


def leftovers(folder):
    return [p.name for p in Path(folder).iterdir()
            if p.name.startswith((".tmp-", ".muyield-staging-"))]


# ---- package ------------------------------------------------------------------------------

def check_package(c):
    c.work.mkdir(parents=True, exist_ok=True)
    zip_path = c.work / "muyield-qgis-plugin.zip"
    subprocess.run([str(c.source / "scripts" / "package-plugin.sh"), str(zip_path)], check=True,
                   capture_output=True)
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        assert all(n.startswith("muyield/") for n in names), names
        for needed in ("__init__.py", "metadata.txt", "provider.py", "icon.svg", "README.md"):
            assert f"muyield/{needed}" in names, (needed, names)
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")], names
        metadata = z.read("muyield/metadata.txt").decode("utf-8")
        for line in ("qgisMinimumVersion=3.22", "hasProcessingProvider=yes"):
            assert line in metadata.splitlines(), line
        shutil.rmtree(c.plugins, ignore_errors=True)
        z.extractall(c.plugins)


# ---- PyQGIS with Processing ---------------------------------------------------------------

class QgisSession:
    """QGIS headless with Processing and the unpacked plugin's provider registered."""

    def __init__(self, c):
        sys.path.append("/usr/share/qgis/python/plugins")  # Processing itself
        sys.path.insert(0, str(c.plugins))
        from qgis.core import QgsApplication
        self.qgs = QgsApplication([], False)
        self.qgs.initQgis()
        from processing.core.Processing import Processing
        Processing.initialize()
        import muyield
        assert Path(muyield.__file__).parent == c.plugins / "muyield", muyield.__file__
        self.plugin = muyield.classFactory(None)
        self.plugin.initProcessing()
        provider = QgsApplication.processingRegistry().providerById("muyield")
        assert provider is not None, "provider muyield not registered"
        ids = {a.id() for a in provider.algorithms()}
        assert ids == ALGORITHMS, ids

    def close(self):
        self.plugin.unload()
        self.qgs.exitQgis()


def with_qgis(c, checks):
    session = QgisSession(c)
    failure = None
    try:
        checks(c)
    except Exception as e:  # noqa: BLE001
        # Keep no traceback (it holds layers): QGIS crashes on exit while a layer lives.
        import traceback
        failure = "".join(traceback.format_exception(e))
    session.close()
    if failure:
        raise AssertionError(failure)


def recording_feedback():
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.percents, self.texts, self.infos, self.errors, self.warnings = [], [], [], [], []
            self.progressChanged.connect(self.percents.append)

        def setProgressText(self, text):  # noqa: N802
            self.texts.append(text)
            super().setProgressText(text)

        def pushInfo(self, info):  # noqa: N802
            self.infos.append(info)
            super().pushInfo(info)

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)
            super().reportError(error, fatalError)

        def pushWarning(self, warning):  # noqa: N802
            self.warnings.append(warning)
            super().pushWarning(warning)

    return Recorder()


def memory_copy(path, name):
    """A layer that is not file-backed, so the plugin must export it."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer
    source = QgsVectorLayer(str(path), name, "ogr")
    assert source.isValid(), path
    copy = source.materialize(QgsFeatureRequest())
    assert copy.providerType() == "memory" and copy.featureCount() == source.featureCount()
    return copy


def review_checks(c):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsProject, QgsVectorLayer
    out = c.fresh("review")
    parcels = memory_copy(c.sample / "parcels.shp", "parcels in memory")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = recording_feedback()
    params = dict(c.inputs(), PARCELS=parcels, OUTPUT=str(out))
    start = time.monotonic()
    results = processing.run("muyield:review", params, context=context, feedback=feedback)
    print(f"review via processing.run: {time.monotonic() - start:.1f} s")
    assert not feedback.errors, feedback.errors
    assert any("parcels in memory" in i and "exported to" in i for i in feedback.infos), \
        feedback.infos

    # Progress streamed from muyield's PROGRESS lines: rising, ends at 100, names the stages.
    assert feedback.percents and feedback.percents[-1] == 100, feedback.percents
    assert feedback.percents == sorted(feedback.percents), feedback.percents
    assert len(set(feedback.percents)) >= 5, feedback.percents
    assert any("read inputs" in t for t in feedback.texts), feedback.texts

    # The returned layers: valid, parcels styled from layer_styles, counts of the independent
    # review.
    assert results["OUTPUT"] == str(out), results
    for key, table in (("OUTPUT_PARCELS", "parcels"), ("OUTPUT_ENTERPRISES", "enterprises"),
                       ("OUTPUT_PARKS", "parks")):
        assert results[key] == f"{out / 'muyield.gpkg'}|layername={table}", results[key]
    layer = QgsVectorLayer(results["OUTPUT_PARCELS"], "parcels", "ogr")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == len(c.expected_parcels) == 191, layer.featureCount()
    assert layer.renderer().type() == "categorizedSymbol", layer.renderer().type()
    assert layer.renderer().classAttribute() == "class"
    enterprises = QgsVectorLayer(results["OUTPUT_ENTERPRISES"], "enterprises", "ogr")
    assert enterprises.isValid() and enterprises.featureCount() > 0
    del layer, enterprises

    # What the Processing GUI does on completion: load each layer, run its post-processor.
    to_load = context.layersToLoadOnCompletion()
    assert set(to_load) == {results[k] for k in
                            ("OUTPUT_PARCELS", "OUTPUT_ENTERPRISES", "OUTPUT_PARKS")}, to_load
    details = to_load[results["OUTPUT_PARCELS"]]
    assert details.name == "宗地 parcels 2024" and details.outputName == "OUTPUT_PARCELS"
    loaded = QgsProcessingUtils.mapLayerFromString(results["OUTPUT_PARCELS"], context)
    assert loaded is not None and loaded.isValid()
    details.postProcessor().postProcessLayer(loaded, context, feedback)
    assert loaded.renderer().type() == "categorizedSymbol", loaded.renderer().type()
    # The post-processor styles even a layer opened without its default style.
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    plain = QgsVectorLayer(results["OUTPUT_PARCELS"], "plain", "ogr", options)
    assert plain.renderer().type() == "singleSymbol", plain.renderer().type()
    details.postProcessor().postProcessLayer(plain, context, feedback)
    assert plain.renderer().type() == "categorizedSymbol", plain.renderer().type()
    assert not [w for w in feedback.warnings if "default style" in w], feedback.warnings
    del loaded, plain

    # The HTML report and the workbook are outputs; the folder holds no staging or temp files.
    report = Path(results["OUTPUT_REPORT"])
    assert report == out / "report.html" and "亩均效益综合评价报告（2024年度）" in report.read_text(
        encoding="utf-8")
    assert Path(results["OUTPUT_RANKINGS"]).stat().st_size > 0
    assert results["REJECTS"] > 0, results["REJECTS"]  # the sample plants bad records
    assert not leftovers(out), leftovers(out)
    # muyield's summary names the output folder, not the staging folder it wrote into.
    assert any(str(out) in i for i in feedback.infos), feedback.infos
    assert not [i for i in feedback.infos if ".muyield-staging-" in i], feedback.infos
    for name in ("muyield.gpkg", "parcels.csv", "rejects.csv", "run.json"):
        assert (out / name).exists(), name
    run_json = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert "--progress" in run_json["command_line"] and run_json["year"] == 2024


def check_review(c):
    with_qgis(c, review_checks)


def cancel_checks(c):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException
    out = c.fresh("cancel")
    (out / "previous.txt").write_text("from an earlier run\n", encoding="utf-8")
    feedback = recording_feedback()
    # Cancel at muyield's first progress report: the process is running, nothing is written.
    feedback.progressChanged.connect(lambda _: feedback.cancel())
    start = time.monotonic()
    try:
        results = processing.run("muyield:review", dict(c.inputs(), OUTPUT=str(out)),
                                 context=QgsProcessingContext(), feedback=feedback)
    except QgsProcessingException as e:
        raise AssertionError(f"a cancelled review should end quietly, not raise: {e}")
    seconds = time.monotonic() - start
    print(f"cancelled review returned after {seconds:.1f} s")
    assert feedback.isCanceled() and feedback.percents, feedback.percents
    assert results == {}, results
    assert seconds < 10, seconds
    # muyield was stopped by SIGTERM, not left to finish.
    assert any("cancelled" in i and "exit status -15" in i for i in feedback.infos), \
        feedback.infos
    # The folder is as it was: no outputs of the cancelled run, no .tmp-* or staging folder.
    assert sorted(p.name for p in out.iterdir()) == ["previous.txt"], list(out.iterdir())
    # And no muyield of ours still runs (it wrote into a staging folder under `out`).
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        assert str(out) not in text or "test_plugin.py" in text, text

    # Cancelled halfway through the writing: a stand-in for muyield that has written one file
    # and half of another (its .tmp-<pid>-*), then reports progress and waits on a child. The
    # plugin returns at once, without waiting for the child to let go of the pipes.
    fake = c.work / "fake-muyield.sh"
    fake.write_text(FAKE_MUYIELD, encoding="utf-8")
    fake.chmod(0o755)
    os.environ["MUYIELD_BIN"] = str(fake)
    try:
        feedback = recording_feedback()
        feedback.progressChanged.connect(lambda _: feedback.cancel())
        start = time.monotonic()
        results = processing.run("muyield:review", dict(c.inputs(), OUTPUT=str(out)),
                                 context=QgsProcessingContext(), feedback=feedback)
        assert results == {} and time.monotonic() - start < 4, time.monotonic() - start
        assert feedback.percents == [50], feedback.percents
    finally:
        os.environ["MUYIELD_BIN"] = c.muyield
    assert sorted(p.name for p in out.iterdir()) == ["previous.txt"], list(out.iterdir())


FAKE_MUYIELD = """#!/bin/sh
while [ $# -gt 0 ]; do [ "$1" = --out ] && out=$2; shift; done
echo written > "$out/parcels.csv"
echo partial > "$out/.tmp-$$-muyield.gpkg"
echo "PROGRESS 50 write outputs" >&2
sleep 6  # a child that outlives its SIGTERMed parent and holds the pipes (as a browser might)
"""


def check_cancel(c):
    with_qgis(c, cancel_checks)


def validate_compare_checks(c):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException

    # Validate the sample: usable, with planted rejects (status 1), report as HTML.
    feedback = recording_feedback()
    results = processing.run("muyield:validate", c.inputs(), context=QgsProcessingContext(),
                             feedback=feedback)
    assert results["EXIT_STATUS"] == 1, results
    page = Path(results["OUTPUT_REPORT"]).read_text(encoding="utf-8")
    assert "parcels.shp" in page, page[:500]

    # An unusable input: buildings given as parcels (no parcel id field). The algorithm fails
    # and muyield's own message, naming the file, reaches reportError.
    feedback = recording_feedback()
    try:
        processing.run("muyield:review",
                       dict(c.inputs(), PARCELS=str(c.sample / "buildings.shp"),
                            OUTPUT=str(c.fresh("unusable"))),
                       context=QgsProcessingContext(), feedback=feedback)
        raise AssertionError("review of unusable parcels did not fail")
    except QgsProcessingException as e:
        assert "buildings.shp" in str(e), str(e)
    assert any("buildings.shp" in e for e in feedback.errors), feedback.errors
    assert not leftovers(c.work / "unusable") and not list((c.work / "unusable").iterdir())

    # Where the executable comes from: the provider's setting wins over MUYIELD_BIN (set in
    # memory only, so the user's QGIS settings are not written).
    from processing.core.ProcessingConfig import ProcessingConfig
    setting = ProcessingConfig.settings["MUYIELD_BIN"]
    os.environ["MUYIELD_BIN"] = str(c.work / "no-such-muyield")
    try:
        setting.value = c.muyield
        results = processing.run("muyield:validate", c.inputs(), context=QgsProcessingContext(),
                                 feedback=recording_feedback())
        assert results["EXIT_STATUS"] == 1, results
        setting.value = ""
        try:
            processing.run("muyield:validate", c.inputs(), context=QgsProcessingContext(),
                           feedback=recording_feedback())
            raise AssertionError("a missing MUYIELD_BIN was not reported")
        except QgsProcessingException as e:
            assert "no-such-muyield" in str(e) and "MUYIELD_BIN" in str(e), str(e)
    finally:
        setting.value = ""
        os.environ["MUYIELD_BIN"] = c.muyield

    # Compare 2023 with 2024.
    folders = {}
    for year in (2023, 2024):
        folders[year] = c.fresh(f"year-{year}")
        processing.run("muyield:review", dict(c.inputs(year), OUTPUT=str(folders[year])),
                       context=QgsProcessingContext(), feedback=recording_feedback())
    out = c.fresh("compare")
    results = processing.run("muyield:compare",
                             {"FROM": str(folders[2023]), "TO": str(folders[2024]),
                              "OUTPUT": str(out)},
                             context=QgsProcessingContext(), feedback=recording_feedback())
    for key in ("ENTERPRISE_CHANGES", "CLASS_MIGRATION", "PARCEL_FLAG_CHANGES"):
        with open(results[key], encoding="utf-8-sig", newline="") as f:
            assert list(csv.DictReader(f)), key
    assert not leftovers(out)


def check_validate_compare(c):
    with_qgis(c, validate_compare_checks)


# ---- qgis_process -------------------------------------------------------------------------

def check_qgis_process(c):
    """qgis_process.bin finds the plugin through QGIS_PLUGINPATH, `plugins enable` turns it on
    in a throwaway profile (XDG_DATA_HOME), then `run muyield:review` does the review."""
    home = c.fresh("qgis_process-home")
    env = dict(os.environ, QGIS_PLUGINPATH=str(c.plugins), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"))
    enable = subprocess.run(["qgis_process.bin", "plugins", "enable", "muyield"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    ini = home / "data" / "QGIS" / "QGIS3" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    assert "muyield=true" in ini.read_text(encoding="utf-8"), ini.read_text(encoding="utf-8")

    out = c.fresh("qgis_process")
    args = [f"--{k}={v}" for k, v in c.inputs().items()] + [f"--OUTPUT={out}"]
    start = time.monotonic()
    run = subprocess.run(["qgis_process.bin", "--json", "run", "muyield:review", *args],
                         env=env, capture_output=True, text=True, timeout=180)
    print(f"qgis_process.bin run muyield:review: {time.monotonic() - start:.1f} s")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["OUTPUT_PARCELS"] == f"{out / 'muyield.gpkg'}|layername=parcels", results

    # Read back with GDAL (no QGIS in this process): 191 parcels, the default style embedded.
    from osgeo import ogr
    ds = ogr.Open(str(out / "muyield.gpkg"))
    assert ds.GetLayerByName("parcels").GetFeatureCount() == len(c.expected_parcels) == 191
    styles = ds.ExecuteSQL("SELECT styleQML FROM layer_styles "
                           "WHERE f_table_name = 'parcels' AND useAsDefault")
    qml = [f.GetField(0) for f in styles]
    ds.ReleaseResultSet(styles)
    assert len(qml) == 1 and 'type="categorizedSymbol"' in qml[0], len(qml)
    assert not leftovers(out), leftovers(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("check", choices=["package", "review", "cancel", "validate_compare",
                                          "qgis_process"])
    parser.add_argument("--muyield", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    globals()[f"check_{args.check}"](Context(args))
    print(f"{args.check}: ok")


if __name__ == "__main__":
    main()
