"""The Qt binding must not corrupt Python: PySide6 6.12.0 dropped a reference to None on every
call of some void methods (QPainter.fillRect, QTextCursor.setPosition…), which crashed the app
after a few thousand repaints on Python 3.11. pyproject.toml excludes it; this keeps it out."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor, QTextDocument


def test_painting_and_cursor_calls_keep_none_alive(qapp):
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    document = QTextDocument()
    document.setPlainText("hello world")
    cursor = QTextCursor(document)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(3000):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRect(1, 1, 5, 5), QColor("red"))
        cursor.setPosition(3)
    painter.end()
    # The bug lost one reference per call (9,000 here); other threads and the collector move the
    # count by far less than that.
    assert sys.getrefcount(None) >= before - 2000
