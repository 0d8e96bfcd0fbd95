"""The application's icon as Qt wants it: one QIcon holding every committed PNG size."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from crosscheck.desktop import ICON_SIZES, icon_file


def app_icon() -> QIcon:
    """Every size, so each place (title bar, task bar, switcher) picks a sharp one rather than a
    scaled one; PNGs rather than the SVG so that no SVG support is needed at run time."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)))
    return icon
