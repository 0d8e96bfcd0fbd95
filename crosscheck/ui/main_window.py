"""The main window: one read-only column per article, side by side in a splitter.

This is the foundation's window: it opens articles through the same loaders as the CLI and
shows them faithfully. Highlights, groups and the compare panel come with the analysis view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crosscheck.core.model import Source
from crosscheck.io.errors import InputError
from crosscheck.io.load import load
from crosscheck.resources import demo_articles

_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


class ArticleColumn(QWidget):
    """A header (outlet, title, author, date, words) above the article's shown text."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        meta = " · ".join(x for x in (source.author, source.published, f"{source.word_count} words") if x)
        self.header = QLabel(f"<b>{_esc(source.label)}</b><br>{_esc(source.title or '')}<br>"
                             f"<span style='color:gray'>{_esc(meta)}</span>")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.view = QPlainTextEdit(source.text)
        self.view.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Crosscheck")
        self.sources: list[Source] = []
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.empty = QLabel("Open two or more articles to compare them (File ▸ Open, or Demo).")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter.addWidget(self.empty)
        self.setCentralWidget(self.splitter)
        menu = self.menuBar().addMenu("&File")
        for text, keys, slot in (
            ("&Open…", QKeySequence.StandardKey.Open, self._on_open),
            ("Open &demo articles", None, self._on_demo),
            ("&Quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            if keys is not None:
                action.setShortcut(keys)
            action.triggered.connect(slot)
            menu.addAction(action)

    def open_sources(self, refs: list[str]) -> None:
        """Load each file or URL; a refused one is reported and the others still open."""
        problems = []
        for ref in refs:
            try:
                source = load(ref, f"s{len(self.sources) + 1}")
            except InputError as exc:
                problems.append(str(exc))
                continue
            self.sources.append(source)
            self.empty.hide()
            self.splitter.addWidget(ArticleColumn(source))
        self._update_title()
        if problems:
            QMessageBox.warning(self, "Some articles could not be opened", "\n".join(problems))

    def _update_title(self) -> None:
        n = len(self.sources)
        self.setWindowTitle(f"Crosscheck — {n} article{'s' * (n != 1)}" if n else "Crosscheck")

    def _on_open(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", "", _FILTER)
        if paths:
            self.open_sources(paths)

    def _on_demo(self) -> None:
        self.open_sources([str(p) for p in demo_articles()])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
