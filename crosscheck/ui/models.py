"""Qt item models over an analysis: the alignment list (a tree) and the coverage matrix.

They adapt the core's plain data for views and own none of it: a new analysis is swapped in
with ``set_analysis``, and every answer is read from the ``Comparison`` it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crosscheck.core import view
from crosscheck.core.model import Comparison, Group, Unique
from crosscheck.core.names import display_names
from crosscheck.ui.workers import Analysis

GROUP_ID = Qt.ItemDataRole.UserRole + 1  # a group's id, or None for categories and unique rows
KIND = Qt.ItemDataRole.UserRole + 2  # "quote", "claim", "unique", "category"
SOURCES = Qt.ItemDataRole.UserRole + 3  # source ids carrying the row
SPEAKERS = Qt.ItemDataRole.UserRole + 4
FINDINGS = Qt.ItemDataRole.UserRole + 5  # list of finding kinds
UNIQUE = Qt.ItemDataRole.UserRole + 6  # the Unique record of a single-source row
DETAIL = Qt.ItemDataRole.UserRole + 7  # the second line a delegate draws
SEARCH = Qt.ItemDataRole.UserRole + 8  # all text a search should match

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Node:
    kind: str
    title: str = ""
    group: Group | None = None
    unique: Unique | None = None
    parent: _Node | None = None
    children: list[_Node] | None = None
    row: int = 0


class GroupTreeModel(QAbstractItemModel):
    """Quotes, Claims and Only-in-one-source, each a category with its rows beneath."""

    CATEGORIES = (("quote", "Quotes"), ("claim", "Claims"), ("unique", "Only in one source"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.labels: dict[str, str] = {}
        self.letters: dict[str, str] = {}
        self.root = _Node("root", children=[])

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self.comparison = analysis.comparison if analysis else None
        self.root = _Node("root", children=[])
        if self.comparison is not None:
            c = self.comparison
            self.labels = display_names(c.sources)
            self.letters = view.letters(c)
            rows = {
                "quote": [_Node("quote", group=g) for g in c.groups if g.kind == "quote"],
                "claim": [_Node("claim", group=g) for g in c.groups if g.kind == "claim"],
                "unique": [_Node("unique", unique=u) for u in c.unique],
            }
            for i, (kind, title) in enumerate(self.CATEGORIES):
                cat = _Node("category", title=title, parent=self.root, children=rows[kind], row=i)
                for r, child in enumerate(rows[kind]):
                    child.parent, child.row = cat, r
                self.root.children.append(cat)
        self.endResetModel()

    # ---- structure
    def _node(self, index: _Index) -> _Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not node.children or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's overloads
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        node = self._node(parent)
        return len(node.children or [])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- data
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if node.kind == "category":
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{node.title} ({len(node.children or [])})"
            if role == KIND:
                return "category"
            return None
        if node.group is not None:
            return self._group_data(node.group, role)
        if node.unique is not None:
            return self._unique_data(node.unique, role)
        return None

    def _group_data(self, g: Group, role: int) -> Any:
        sources = sorted({m.source for m in g.members}, key=list(self.labels).index)
        speakers = sorted({m.speaker for m in g.members if m.speaker})
        if role == Qt.ItemDataRole.DisplayRole:
            return g.label
        if role == GROUP_ID:
            return g.id
        if role == KIND:
            return g.kind
        if role == SOURCES:
            return sources
        if role == SPEAKERS:
            return speakers
        if role == FINDINGS:
            return [str(f.kind) for f in g.findings]
        if role == DETAIL:
            carried = " ".join(self.letters[s] for s in sources)
            count = f"{len(sources)}/{len(self.labels)}"
            badges = []
            if g.findings:
                badges.append("⚠ " + ", ".join(sorted({f.kind.replace("_", " ") for f in g.findings})))
            return f"{carried}  ({count})   {'   '.join(badges)}".rstrip()
        if role == SEARCH:
            return " ".join([g.label, *speakers, *(m.text for m in g.members)]).lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            why = "; ".join(g.why)
            return f"{g.label}\nLinked because: {why}" if why else g.label
        return None

    def _unique_data(self, u: Unique, role: int) -> Any:
        text = " ".join(u.text.split())
        if role == Qt.ItemDataRole.DisplayRole:
            who = f"{u.speaker.split()[-1]}: " if u.speaker else ""
            quote = f"“{text[:70]}”" if u.kind == "quote" else text[:80]
            return who + quote + ("…" if len(text) > 80 else "")
        if role == KIND:
            return "unique"
        if role == UNIQUE:
            return u
        if role == SOURCES:
            return [u.source]
        if role == SPEAKERS:
            return [u.speaker] if u.speaker else []
        if role == FINDINGS:
            return []
        if role == DETAIL:
            return f"{self.letters.get(u.source, '')} only: {self.labels.get(u.source, u.source)} · {u.kind}"
        if role == SEARCH:
            return f"{text} {u.speaker or ''}".lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        return None

    def index_of_group(self, group_id: str) -> QModelIndex:
        for cat in self.root.children or []:
            for child in cat.children or []:
                if child.group is not None and child.group.id == group_id:
                    return self.createIndex(child.row, 0, child)
        return QModelIndex()

    def index_of_unique(self, unique: Unique) -> QModelIndex:
        for cat in self.root.children or []:
            for child in cat.children or []:
                if child.unique is unique:
                    return self.createIndex(child.row, 0, child)
        return QModelIndex()


class GroupFilterProxy(QSortFilterProxyModel):
    """Filter by kind (quotes, claims, unique, conflicts, flagged), speaker, source and text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kinds: set[str] = {"quote", "claim", "unique"}
        self.conflicts_only = False
        self.flagged: set[str] | None = None  # group ids with flags, when "flagged only"
        self.speaker: str | None = None
        self.source: str | None = None
        self.text = ""
        self.setRecursiveFilteringEnabled(True)

    def set_filter(self, **changes: Any) -> None:
        # Qt 6.9 deprecates invalidateFilter() for begin/endFilterChange(); support both.
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
        for key, value in changes.items():
            setattr(self, key, value)
        end = getattr(self, "endFilterChange", None)
        if end is not None:
            end()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        kind = model.data(index, KIND)
        if kind == "category":
            return False  # shown only when a child is accepted (recursive filtering)
        if kind not in self.kinds:
            return False
        if self.conflicts_only and not model.data(index, FINDINGS):
            return False
        if self.flagged is not None and model.data(index, GROUP_ID) not in self.flagged:
            return False
        if self.speaker and self.speaker not in (model.data(index, SPEAKERS) or []):
            return False
        if self.source and self.source not in (model.data(index, SOURCES) or []):
            return False
        return not self.text or all(word in model.data(index, SEARCH) for word in self.text.lower().split())


_CELL = {
    view.REFERENCE: ("★", "the reference source's version"),
    view.SAME: ("■", "same words (spelling or punctuation aside)"),
    view.REWORDED: ("◧", "reworded or partial"),
    view.CONFLICTING: ("✖", "conflicts with the reference (speaker, figure or meaning)"),
    view.ABSENT: ("·", "not reported"),
}


class CoverageModel(QAbstractTableModel):
    """Groups × sources: who carries which quote or claim, and how."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self.names: dict[str, str] = {}
        self.colors = {
            view.REFERENCE: "#3a6ea5", view.SAME: "#3a6ea5", view.REWORDED: "#8fb3dc",
            view.CONFLICTING: "#c0392b", view.ABSENT: None,
        }

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self.analysis = analysis
        self.names = view.outlet_names(analysis.comparison) if analysis else {}  # "B · The Herald"
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.analysis is None else len(self.analysis.comparison.groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.analysis is None else len(self.analysis.comparison.sources)

    def cell(self, row: int, column: int) -> str:
        assert self.analysis is not None
        return self.analysis.coverage[row][column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.analysis is None:
            return None
        state = self.cell(index.row(), index.column())
        glyph, meaning = _CELL[state]
        if role == Qt.ItemDataRole.DisplayRole:
            return glyph
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            group = self.analysis.comparison.groups[index.row()]
            source = self.analysis.comparison.sources[index.column()]
            return f"{self.names[source.id]}: {meaning}\n{group.label}"
        if role == Qt.ItemDataRole.BackgroundRole:
            color = self.colors[state]
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if state in (view.REFERENCE, view.SAME, view.CONFLICTING):
                return QBrush(QColor("white"))
            return QBrush(QColor("black")) if state == view.REWORDED else None  # absent: the theme's text
        if role == GROUP_ID:
            return self.analysis.comparison.groups[index.row()].id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.analysis is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self.analysis.comparison
        if orientation == Qt.Orientation.Horizontal:
            s = c.sources[section]
            star = "★" if s.id == self.analysis.reference else ""
            return f"{view.letter(section)}{star}" if role == Qt.ItemDataRole.DisplayRole else self.names[s.id]
        g = c.groups[section]
        glyph = "❝" if g.kind == "quote" else "¶"
        text = f"{glyph} {g.label}"
        return (text[:40] + "…" if len(text) > 40 else text) if role == Qt.ItemDataRole.DisplayRole else g.label
