"""muyield: the 亩均论英雄 review engine as a QGIS Processing provider."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import MuyieldPlugin
    return MuyieldPlugin(iface)
