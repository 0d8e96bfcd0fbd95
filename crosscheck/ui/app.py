"""Starting the window: one QApplication, the main window, the articles named on the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from crosscheck.desktop import APP_ID
from crosscheck.ui.icon import app_icon
from crosscheck.ui.main_window import MainWindow


def run(refs: Sequence[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Crosscheck")
    app.setOrganizationName("Crosscheck")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)  # Wayland and task bars match the window to crosscheck.desktop
    window = MainWindow()
    if window.settings.contains("ui/geometry"):
        window.show()
    else:
        # First run: every column wants width, so take the screen unless it is a large one.
        screen = app.primaryScreen().availableGeometry()
        if screen.width() < 1700:
            window.setGeometry(screen)  # without a window manager, maximising alone does nothing
            window.showMaximized()
        else:
            window.resize(1600, 1000)
            window.show()
    if refs:
        window.projects.open_any(list(refs))
    QTimer.singleShot(0, window.projects.check_recovery)
    return app.exec()
