"""The Processing provider "muyield" and its one setting: where the muyield executable is."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import CompareAlgorithm, ReviewAlgorithm, ValidateAlgorithm
from .runner import BIN_SETTING

try:  # the Processing plugin's settings page; absent only if Processing itself is missing
    from processing.core.ProcessingConfig import ProcessingConfig, Setting
except ImportError:  # pragma: no cover
    ProcessingConfig = Setting = None

HERE = os.path.dirname(__file__)


class MuyieldProvider(QgsProcessingProvider):
    def id(self):
        return "muyield"

    def name(self):
        return "亩均论英雄 muyield"

    def longName(self):  # noqa: N802
        return "亩均论英雄 muyield — output-per-mu industrial land review"

    def icon(self):
        return QIcon(os.path.join(HERE, "icon.svg"))

    def load(self):
        if ProcessingConfig is not None:
            ProcessingConfig.settingIcons[self.name()] = self.icon()
            ProcessingConfig.addSetting(Setting(
                self.name(), BIN_SETTING,
                "muyield 可执行文件 muyield executable (empty: MUYIELD_BIN, then PATH)",
                "", valuetype=Setting.FILE))
            ProcessingConfig.readSettings()
        self.refreshAlgorithms()
        return True

    def unload(self):
        if ProcessingConfig is not None:
            ProcessingConfig.removeSetting(BIN_SETTING)

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in (ReviewAlgorithm(), ValidateAlgorithm(), CompareAlgorithm()):
            self.addAlgorithm(algorithm)
