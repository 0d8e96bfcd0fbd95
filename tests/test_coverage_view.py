"""The coverage matrix stays quick with a hundred articles: sized from its headers, it asks only
the cells it shows for their data (sizing sections to their contents asked every cell — 2.2
million calls and an 11-second freeze with 100 articles and 3,000 groups)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crosscheck.core import view
from crosscheck.core.model import Comparison, Group, Source
from crosscheck.ui.coverage_view import CoverageView
from crosscheck.ui.models import CoverageModel
from crosscheck.ui.workers import Analysis


def _analysis(sources: int, groups: int) -> Analysis:
    outlets = tuple(Source(id=f"s{i}", path=f"{i}.txt", text="x", outlet=f"Outlet {i}") for i in range(1, sources + 1))
    claims = tuple(Group(id=f"g{k}", kind="claim", label=f"Claim {k}", members=()) for k in range(groups))
    comparison = Comparison(sources=outlets, groups=claims)
    cells = [[view.SAME if (k + i) % 3 else view.ABSENT for i in range(sources)] for k in range(groups)]
    return Analysis(comparison, "s1", {}, cells, None)  # type: ignore[arg-type]


def test_a_large_matrix_asks_only_the_cells_it_shows(qtbot, monkeypatch) -> None:
    model = CoverageModel()
    asked = []
    real = model.data
    monkeypatch.setattr(model, "data", lambda index, role=0: asked.append(role) or real(index, role))
    table = CoverageView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(600, 240)
    table.show()
    qtbot.waitExposed(table)
    model.set_analysis(_analysis(100, 3000))
    QApplication.processEvents()
    table.selectRow(2500)
    table.scrollTo(model.index(2500, 80))
    QApplication.processEvents()
    assert 0 < len(asked) < 20_000  # (all 300,000 cells, each for several roles: millions)
    # and the columns still fit their letters, the reference's star included
    header = table.horizontalHeader()
    widest = max(header.fontMetrics().horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal)))
                 for c in range(model.columnCount()))
    assert header.defaultSectionSize() >= widest
