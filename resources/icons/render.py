"""Render crosscheck.svg to the PNG sizes desktops ask for (run it after editing the SVG).

The PNGs are committed rather than rendered at start-up: the window, the desktop entry and the
standalone build then need no SVG support at run time (QtSvg stays out of the bundle), and the
icons a desktop shows are exactly the ones reviewed here.

    .venv/bin/python resources/icons/render.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent


def png_path(size: int) -> Path:
    return HERE / f"crosscheck-{size}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (painting wants one)
    renderer = QSvgRenderer(str(HERE / "crosscheck.svg"))
    if not renderer.isValid():
        print("render.py: crosscheck.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size))):
            print(f"render.py: cannot write {png_path(size)}", file=sys.stderr)
            return 1
    print(f"render.py: wrote {len(SIZES)} PNGs to {HERE.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
