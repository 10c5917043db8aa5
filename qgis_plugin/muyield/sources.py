"""Input layers as paths muyield can read: the layer's own file when muyield would read the same
features from it, otherwise a temporary GeoPackage exported from the layer."""
import os

from osgeo import gdal
from qgis.core import (QgsProcessingException, QgsProcessingUtils, QgsProviderRegistry,
                       QgsVectorFileWriter)
from qgis.PyQt.QtCore import QUrl


def _first_layer_name(path):
    # Quietly and without gdal.UseExceptions(), which would change GDAL for every plugin.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
        return dataset.GetLayer(0).GetName() if dataset and dataset.GetLayerCount() else None
    finally:
        gdal.PopErrorHandler()


def file_of(layer):
    """The file muyield can be given for this layer, or None (memory, database, web layers, a
    filter, or a layer other than the file's first: muyield reads the first layer of a file)."""
    if layer.subsetString():
        return None
    if layer.providerType() == "delimitedtext":
        path = QUrl(layer.source()).toLocalFile()
        return path if os.path.isfile(path) else None
    if layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path", "")
    if not os.path.isfile(path):
        return None
    name, index = parts.get("layerName"), parts.get("layerId")
    if name and name != _first_layer_name(path):
        return None
    if index not in (None, "", 0, "0"):
        return None
    return path


def path_for(layer, role, context, feedback):
    """A path for muyield's --<role> option: the layer's file, or an export of the layer."""
    path = file_of(layer)
    if path:
        return path
    target = QgsProcessingUtils.generateTempFilename(f"{role}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = role
    options.fileEncoding = "UTF-8"
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, target, context.transformContext(), options)
    if error != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(
            f"无法导出图层 / cannot export layer {layer.name()} to {target}: {message}")
    feedback.pushInfo(f"{layer.name()}: 导出为 / exported to {target}")
    return target
