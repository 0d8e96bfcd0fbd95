"""The coverage matrix's view: groups × sources, sized from its headers alone.

Every cell holds one glyph, so the columns need only the width of their letters ("A★", "AB")
and the rows the height of one line. Letting Qt size sections to their contents made it ask
every cell for its size hint — with a hundred articles and three thousand groups, 2.2 million
``data`` calls and an 11-second freeze of the window when an analysis arrived or a group was
selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class CoverageView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        model.modelReset.connect(self.fit)
        model.headerDataChanged.connect(lambda *_: self.fit())
        self.fit()

    def fit(self) -> None:
        """Column width from the widest column letter; row height one line of text."""
        model = self.model()
        if model is None:
            return
        metrics = self.horizontalHeader().fontMetrics()
        letters = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
        widest = max((metrics.horizontalAdvance(text) for text in letters), default=0)
        self.horizontalHeader().setDefaultSectionSize(max(26, widest + 14))
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
