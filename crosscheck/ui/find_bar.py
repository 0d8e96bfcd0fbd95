"""Find in all columns at once: matches are marked in every article, Enter steps through them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _FindEdit(QLineEdit):
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    searched = Signal(str, int)  # text, step (1 next, -1 previous, 0 just mark)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _FindEdit()
        self.edit.setPlaceholderText("Find in all articles")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda t: self.searched.emit(t, 0))
        self.edit.returnPressed.connect(lambda: self.searched.emit(self.edit.text(), 1))
        self.edit.escaped.connect(self.close_bar)
        self.count = QLabel()
        prev_b, next_b, close_b = QToolButton(), QToolButton(), QToolButton()
        prev_b.setText("▲")
        prev_b.setToolTip("Previous match (Shift+Enter)")
        prev_b.clicked.connect(lambda: self.searched.emit(self.edit.text(), -1))
        next_b.setText("▼")
        next_b.setToolTip("Next match (Enter)")
        next_b.clicked.connect(lambda: self.searched.emit(self.edit.text(), 1))
        close_b.setText("✕")
        close_b.setToolTip("Close (Esc)")
        close_b.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for b in (prev_b, next_b, close_b):
            layout.addWidget(b)

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def set_count(self, matches: int, articles: int) -> None:
        self.count.setText(f"{matches} in {articles} article{'s' * (articles != 1)}" if self.edit.text() else "")

    def close_bar(self) -> None:
        self.edit.clear()
        self.hide()
