#!/usr/bin/python3
"""Renders the README picture of the QGIS plugin headless: runs muyield:review through
Processing on the 德兴 sample, then draws the returned parcels layer (its embedded style) under
the sample's buildings, one panel per park (QgsMapRendererParallelJob), with a legend, to
docs/qgis-plugin-dexing.png.

  MUYIELD_BIN=build/muyield /usr/bin/python3 tools/render_plugin_screenshot.py [OUT_PNG]"""
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "dexing"
WIDTH, HEIGHT = 1100, 860


def review(folder):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    params = {"PARCELS": str(SAMPLE / "parcels.shp"),
              "ENTERPRISES": str(SAMPLE / "enterprises.xlsx"),
              "BUILDINGS": str(SAMPLE / "buildings.shp"), "LINKS": str(SAMPLE / "links.csv"),
              "CONFIG": str(SAMPLE / "review.toml"), "YEAR": 2024, "OUTPUT": folder}
    return processing.run("muyield:review", params, context=QgsProcessingContext(),
                          feedback=QgsProcessingFeedback())


def draw_legend(painter, renderer, box):
    from qgis.PyQt.QtCore import QRectF, QSize, Qt
    from qgis.PyQt.QtGui import QColor, QFont
    from qgis.core import QgsSymbolLayerUtils
    font = QFont("Noto Sans CJK SC", 13)
    bold = QFont(font)
    bold.setBold(True)
    painter.setPen(QColor(40, 40, 40))
    painter.setFont(bold)
    painter.drawText(QRectF(box.x() + 30, box.y() + 40, 400, 30), Qt.AlignVCenter,
                     "亩均效益分类 2024 · 德兴高新区")
    painter.setFont(font)
    painter.drawText(QRectF(box.x() + 30, box.y() + 70, 460, 26), Qt.AlignVCenter,
                     "muyield:review → 宗地 parcels (layer_styles 默认样式)")
    categories = renderer.categories()  # keep: each symbol belongs to its category copy
    for i, category in enumerate(categories):
        y = box.y() + 120 + 32 * i
        icon = QgsSymbolLayerUtils.symbolPreviewPixmap(category.symbol(), QSize(30, 20))
        painter.drawPixmap(int(box.x()) + 30, int(y) + 4, icon)
        painter.drawText(QRectF(box.x() + 72, y, 360, 28), Qt.AlignVCenter, category.label())


def render_park(parcels, buildings, park, size):
    from qgis.core import QgsFeatureRequest, QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtGui import QColor
    request = QgsFeatureRequest().setFilterExpression(f"\"park\" = '{park}'")
    extent = None
    for feature in parcels.getFeatures(request):
        box = feature.geometry().boundingBox()
        extent = box if extent is None else (extent.combineExtentWith(box) or extent)
    extent.scale(1.08)
    settings = QgsMapSettings()
    settings.setLayers([buildings, parcels])
    settings.setDestinationCrs(parcels.crs())
    settings.setOutputSize(size)
    settings.setBackgroundColor(QColor(246, 246, 240))
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def render(out_png):
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QRectF, QSize, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter
    with tempfile.TemporaryDirectory() as folder:
        results = review(folder)
        parcels = QgsVectorLayer(results["OUTPUT_PARCELS"], "宗地 parcels 2024", "ogr")
        assert parcels.renderer().type() == "categorizedSymbol", parcels.renderer().type()
        buildings = QgsVectorLayer(str(SAMPLE / "buildings.shp"), "buildings", "ogr")
        symbol = buildings.renderer().symbol()
        symbol.setColor(QColor(70, 70, 70, 110))
        symbol.symbolLayer(0).setStrokeColor(QColor(50, 50, 50))
        symbol.symbolLayer(0).setStrokeWidth(0.1)
        parks = sorted({f["park"] for f in parcels.getFeatures()})
        # A 2 × 2 grid: the three parks, then the legend.
        cell = QSize(WIDTH // 2, HEIGHT // 2)
        image = QImage(WIDTH, HEIGHT, QImage.Format_RGB32)
        image.fill(QColor(255, 255, 255))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        cells = [QRectF(x * cell.width(), y * cell.height(), cell.width(), cell.height())
                 for y in (0, 1) for x in (0, 1)]
        for park, box in zip(parks, cells):
            painter.drawImage(box.topLeft(), render_park(parcels, buildings, park, cell))
            painter.setPen(QColor(40, 40, 40))
            painter.setFont(QFont("Noto Sans CJK SC", 13))
            painter.fillRect(QRectF(box.x() + 8, box.y() + 8, 170, 30), QColor(255, 255, 255, 220))
            painter.drawText(QRectF(box.x() + 16, box.y() + 8, 160, 30), Qt.AlignVCenter, park)
            painter.drawRect(box.adjusted(0, 0, -1, -1))
        draw_legend(painter, parcels.renderer(), cells[3])
        painter.end()
        assert image.save(str(out_png), "PNG"), out_png
        # An adaptive 256-colour palette (flat map colours survive it) keeps the file small.
        from PIL import Image
        with Image.open(out_png) as rgb:
            small = rgb.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                                dither=Image.Dither.NONE)
        small.save(out_png, optimize=True)
        del parcels, buildings


def main():
    out_png = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "qgis-plugin-dexing.png")
    runtime = Path(tempfile.gettempdir()) / f"runtime-{os.getuid()}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    os.environ.setdefault("MUYIELD_BIN", str(ROOT / "build" / "muyield"))
    sys.path.append("/usr/share/qgis/python/plugins")
    sys.path.insert(0, str(ROOT / "qgis_plugin"))
    from qgis.core import QgsApplication
    qgs = QgsApplication([], False)
    qgs.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import muyield
    plugin = muyield.classFactory(None)
    plugin.initProcessing()
    render(out_png)
    plugin.unload()
    qgs.exitQgis()
    print(f"{out_png}: {out_png.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
