"""The provider's algorithms: review, validate inputs, compare two review years. Each builds a
muyield command line from its parameters and leaves the work to runner.py."""
import csv
import html
import json
import os

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingLayerPostProcessorInterface,
                       QgsProcessingOutputFile, QgsProcessingOutputHtml,
                       QgsProcessingOutputNumber, QgsProcessingOutputVectorLayer,
                       QgsProcessingParameterFile, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterVectorLayer,
                       QgsProcessingUtils, QgsVectorLayer)

from .runner import check_status, run_into_folder, run_muyield
from .sources import path_for

# Input parameters shared by review and validate: (name, muyield option, label, types, optional).
INPUT_LAYERS = [
    ("PARCELS", "parcels", "宗地图层 Parcels", [QgsProcessing.TypeVectorPolygon], False),
    ("ENTERPRISES", "enterprises", "企业表 Enterprise figures (XLSX, CSV or any table)",
     [QgsProcessing.TypeVector], True),
    ("BUILDINGS", "buildings", "建筑物图层 Buildings (floors or height)",
     [QgsProcessing.TypeVectorPolygon], True),
    ("LINKS", "links", "宗地-企业关联表 Parcel–enterprise links", [QgsProcessing.TypeVector], True),
]
COMPARE_TABLES = [("ENTERPRISE_CHANGES", "企业变化 Enterprise changes (CSV)"),
                  ("CLASS_MIGRATION", "分类迁移 Class migration (CSV)"),
                  ("PARCEL_FLAG_CHANGES", "宗地标记变化 Parcel flag changes (CSV)")]

# Post-processors must outlive the algorithm run that creates them (QGIS keeps a bare pointer
# until the layer is loaded), so each one is also referenced here.
_POST_PROCESSORS = []


class DefaultStyle(QgsProcessingLayerPostProcessorInterface):
    """Applies the style muyield embeds in the GeoPackage (layer_styles, useAsDefault)."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if not isinstance(layer, QgsVectorLayer):
            return
        message, ok = layer.loadDefaultStyle()
        # loadDefaultStyle() can report success yet leave the single-symbol fallback.
        if not ok or layer.renderer() is None or layer.renderer().type() == "singleSymbol":
            feedback.pushWarning(f"{layer.name()}: 默认样式未加载 / default style not loaded: "
                                 f"{message}")
        layer.triggerRepaint()

    @staticmethod
    def create():
        processor = DefaultStyle()
        _POST_PROCESSORS.append(processor)
        return processor


class MuyieldAlgorithm(QgsProcessingAlgorithm):
    def createInstance(self):  # noqa: N802
        return type(self)()

    def add_inputs(self):
        for name, _, label, types, optional in INPUT_LAYERS:
            self.addParameter(QgsProcessingParameterVectorLayer(
                name, label, types, optional=optional))
        self.addParameter(QgsProcessingParameterFile(
            "CONFIG", "评价配置 review.toml (空 = 默认 / empty: METHOD.md defaults)",
            extension="toml", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "YEAR", "评价年度 Review year (空 = 企业表最新年度 / empty: latest in the table)",
            QgsProcessingParameterNumber.Integer, optional=True, minValue=1949, maxValue=2999))

    def input_args(self, parameters, context, feedback):
        args = []
        for name, option, _, _, _ in INPUT_LAYERS:
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None:
                if name == "PARCELS":
                    raise QgsProcessingException(self.invalidSourceError(parameters, name))
                continue
            args += [f"--{option}", path_for(layer, option, context, feedback)]
        config = self.parameterAsFile(parameters, "CONFIG", context)
        if config:
            args += ["--config", config]
        if parameters.get("YEAR") not in (None, ""):
            args += ["--year", str(self.parameterAsInt(parameters, "YEAR", context))]
        return args


class ReviewAlgorithm(MuyieldAlgorithm):
    def name(self):
        return "review"

    def displayName(self):  # noqa: N802
        return "亩均效益评价 Output-per-mu review"

    def shortHelpString(self):  # noqa: N802
        return ("按 METHOD.md 计算亩均效益评价：宗地面积、企业亩均指标、评分分类、建筑形态、"
                "低效用地标记和园区汇总。结果写入输出文件夹（muyield.gpkg、rankings.xlsx、"
                "report.html、CSV、run.json），并加载已按分类着色的宗地图层。\n\n"
                "Runs the output-per-mu review (muyield analyze): parcel areas, per-mu "
                "indicators, scores and classes A–D, building form, underused-land flags, park "
                "summary. Writes muyield.gpkg, rankings.xlsx, report.html, CSVs and run.json to "
                "the output folder and loads the parcels layer styled by class. Layers that are "
                "not plain files (memory, database, filtered) are exported to a temporary "
                "GeoPackage first. A cancelled or failed run leaves the folder unchanged.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_inputs()
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT", "输出文件夹 Output folder"))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "OUTPUT_PARCELS", "宗地评价结果 Parcels (styled by class)",
            QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "OUTPUT_ENTERPRISES", "企业评价结果 Enterprises", QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputVectorLayer(
            "OUTPUT_PARKS", "园区汇总 Parks", QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputHtml("OUTPUT_REPORT", "评价报告 Report (HTML)"))
        self.addOutput(QgsProcessingOutputFile("OUTPUT_RANKINGS", "排名表 Rankings (XLSX)"))
        self.addOutput(QgsProcessingOutputNumber(
            "REJECTS", "拒收记录和警告 Rejected records and warnings (rejects.csv rows)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        args = ["analyze", *self.input_args(parameters, context, feedback),
                "--formats", "gpkg,csv,xlsx,html"]
        out_dir = self.parameterAsString(parameters, "OUTPUT", context)
        run = run_into_folder(args, out_dir, feedback, "review")
        if run.cancelled:
            return {}
        gpkg = os.path.join(out_dir, "muyield.gpkg")
        year = _run_year(out_dir)
        results = {"OUTPUT": out_dir,
                   "OUTPUT_REPORT": os.path.join(out_dir, "report.html"),
                   "OUTPUT_RANKINGS": os.path.join(out_dir, "rankings.xlsx"),
                   "REJECTS": _count_rows(os.path.join(out_dir, "rejects.csv"))}
        for output, table, label in (("OUTPUT_PARCELS", "parcels", "宗地 parcels"),
                                     ("OUTPUT_ENTERPRISES", "enterprises", "企业 enterprises"),
                                     ("OUTPUT_PARKS", "parks", "园区 parks")):
            uri = f"{gpkg}|layername={table}"
            results[output] = uri
            details = QgsProcessingContext.LayerDetails(f"{label} {year}", context.project(),
                                                        output)
            details.layerTypeHint = QgsProcessingUtils.LayerHint.Vector
            if table == "parcels":
                details.setPostProcessor(DefaultStyle.create())
            context.addLayerToLoadOnCompletion(uri, details)
        return results


class ValidateAlgorithm(MuyieldAlgorithm):
    def name(self):
        return "validate"

    def displayName(self):  # noqa: N802
        return "输入检查 Validate inputs"

    def shortHelpString(self):  # noqa: N802
        return ("检查输入（识别的字段、单位、拒收记录），不做评价 (muyield validate)。"
                "输入无法使用时算法失败。\n\n"
                "Checks the inputs without analysing (muyield validate): recognised fields, "
                "units, rejected records. Fails when an input cannot be used; exit status 1 "
                "means some records would be rejected.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_inputs()
        self.addOutput(QgsProcessingOutputHtml("OUTPUT_REPORT", "检查报告 Validation report"))
        self.addOutput(QgsProcessingOutputNumber(
            "EXIT_STATUS", "结果 Status (0 clean, 1 records rejected)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        run = run_muyield(["validate", *self.input_args(parameters, context, feedback)],
                          feedback)
        if run.cancelled:
            return {}
        # Status 2 (unusable input) prints its verdict on stdout too: show it, then fail.
        page = QgsProcessingUtils.generateTempFilename("muyield-validate.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write('<html><head><meta charset="utf-8"></head><body><pre>'
                    + html.escape("\n".join(run.stdout + run.errors)) + "</pre></body></html>")
        if run.status == 2 and not run.errors and run.stdout:
            run.errors.append(run.stdout[-1])
        check_status(run, "validate")
        return {"OUTPUT_REPORT": page, "EXIT_STATUS": run.status}


class CompareAlgorithm(MuyieldAlgorithm):
    def name(self):
        return "compare"

    def displayName(self):  # noqa: N802
        return "年度对比 Compare two review years"

    def shortHelpString(self):  # noqa: N802
        return ("对比两个评价输出文件夹（如 2023 与 2024），写出企业变化、分类迁移和宗地标记变化表 "
                "(muyield compare)。\n\n"
                "Compares two review output folders (e.g. 2023 and 2024): enterprise changes, "
                "class migration and parcel flag changes (muyield compare).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "FROM", "较早的评价结果文件夹 Earlier review folder",
            QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterFile(
            "TO", "较晚的评价结果文件夹 Later review folder", QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT", "输出文件夹 Output folder"))
        for output, label in COMPARE_TABLES:
            self.addOutput(QgsProcessingOutputFile(output, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        args = ["compare", "--from", self.parameterAsFile(parameters, "FROM", context),
                "--to", self.parameterAsFile(parameters, "TO", context)]
        out_dir = self.parameterAsString(parameters, "OUTPUT", context)
        run = run_into_folder(args, out_dir, feedback, "compare")
        if run.cancelled:
            return {}
        results = {"OUTPUT": out_dir}
        for output, _ in COMPARE_TABLES:
            path = os.path.join(out_dir, output.lower() + ".csv")
            if os.path.exists(path):
                results[output] = path
        return results


def _run_year(out_dir):
    try:
        with open(os.path.join(out_dir, "run.json"), encoding="utf-8") as f:
            return json.load(f).get("year", "")
    except (OSError, ValueError):
        return ""


def _count_rows(csv_path):
    try:
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            return sum(1 for _ in csv.DictReader(f))
    except OSError:
        return 0
