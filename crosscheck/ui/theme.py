"""Light and dark application palettes (Fusion style), matched to the highlight palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from crosscheck.ui.highlight import Palette


def apply_theme(app: QApplication, palette: Palette) -> None:
    app.setStyle("Fusion")
    if palette.name == "light":
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    base, text = QColor(palette.base), QColor(palette.text)
    window = QColor("#2b2d31")
    for role, color in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, base),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, QColor("#3d6fb4")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9a9a")),
        (QPalette.ColorRole.Link, QColor("#7fb3ff")),
    ):
        p.setColor(role, color)
    app.setPalette(p)
