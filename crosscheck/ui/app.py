"""Starting the window: one QApplication, the main window, the articles named on the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from crosscheck.ui.main_window import MainWindow


def run(refs: Sequence[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Crosscheck")
    app.setOrganizationName("Crosscheck")
    window = MainWindow()
    if not window.settings.contains("ui/geometry"):
        window.resize(1280, 800)
    window.show()
    if refs:
        window.open_sources(list(refs))
    return app.exec()
