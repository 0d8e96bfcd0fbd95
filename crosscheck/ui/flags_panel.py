"""Flags: the table of the user's flags (sortable, filterable) and the dialog that edits one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crosscheck.core.flags import CATEGORIES, SEVERITIES, STATUSES, Anchor, Flag, Placed

FLAG_ID = Qt.ItemDataRole.UserRole + 20
_Index = QModelIndex | QPersistentModelIndex
_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


class FlagTableModel(QAbstractTableModel):
    """Rows are flags; the placement of each anchor (found again, or orphaned) is given with them."""

    COLUMNS = ("⚑", "Category", "Severity", "Status", "Passages", "Note")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        # Not "flags": that name is Qt's own virtual method on every item model.
        self.items: list[Flag] = []
        self.placed: dict[str, list[Placed]] = {}
        self.letters: dict[str, str] = {}

    def set_flags(self, flags: Sequence[Flag], placed: dict[str, list[Placed]], letters: dict[str, str]) -> None:
        self.beginResetModel()
        self.items, self.placed, self.letters = list(flags), placed, letters
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def orphaned(self, flag: Flag) -> bool:
        return any(p.orphaned for p in self.placed.get(flag.id, []))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        flag = self.items[index.row()]
        col = index.column()
        orphan = self.orphaned(flag)
        if role == FLAG_ID:
            return flag.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return "⚑" if not orphan else "⚠"
            if col == 1:
                return flag.category
            if col == 2:
                return flag.severity
            if col == 3:
                return flag.status + (" (orphaned)" if orphan else "")
            if col == 4:
                places = self.placed.get(flag.id, [])
                return " ".join(self.letters.get(p.source, "?") if p.source else "✖" for p in places)
            return flag.note.replace("\n", " ")
        if role == Qt.ItemDataRole.EditRole:  # sort keys
            if col == 2:
                return _SEVERITY_ORDER.get(flag.severity, 0)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            texts = "\n".join(f"“{a.text[:120]}”" for a in flag.anchors)
            extra = "\nSome of its words are no longer in any open article." if orphan else ""
            return f"{flag.category} · {flag.severity} · {flag.status}\n{flag.note}\n{texts}{extra}".strip()
        if role == Qt.ItemDataRole.FontRole and (orphan or flag.status == "dismissed"):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (orphan or flag.status == "dismissed"):
            return QBrush(QColor("#8a8a8a"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None


class FlagsPanel(QWidget):
    """The Flags dock: filter, table, and the buttons for the selected flag."""

    flag_activated = Signal(str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FlagTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter flags")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.clicked.connect(lambda i: self.flag_activated.emit(i.data(FLAG_ID)))
        self.table.doubleClicked.connect(lambda i: self.edit_requested.emit(i.data(FLAG_ID)))
        self.table.activated.connect(lambda i: self.edit_requested.emit(i.data(FLAG_ID)))  # Enter
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(lambda: self._with_current(self.edit_requested))
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(lambda: self._with_current(self.delete_requested))
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(FLAG_ID) if index.isValid() else None

    def _with_current(self, signal) -> None:  # noqa: ANN001
        fid = self.current_id()
        if fid:
            signal.emit(fid)

    def set_flags(self, flags: Sequence[Flag], placed: dict[str, list[Placed]], letters: dict[str, str]) -> None:
        keep = self.current_id()
        self.model.set_flags(flags, placed, letters)
        orphans = sum(self.model.orphaned(f) for f in flags)
        self.count.setText(f"{len(flags)} flag{'s' * (len(flags) != 1)}"
                           + (f" · {orphans} orphaned (their words are gone)" if orphans else ""))
        if keep:
            self.select(keep)

    def select(self, flag_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(FLAG_ID) == flag_id:
                self.table.setCurrentIndex(index)
                return


class FlagDialog(QDialog):
    """Category (the list is editable), severity, status, note, and which passages it concerns."""

    def __init__(self, flag: Flag, labels: dict[str, str], categories: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Flag a discrepancy" if not flag.note and flag.status == "open" else "Edit flag")
        self.flag = flag
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(list(dict.fromkeys([*categories, *CATEGORIES])))
        self.category.setCurrentText(flag.category)
        self.severity = QComboBox()
        self.severity.addItems(SEVERITIES)
        self.severity.setCurrentText(flag.severity)
        self.status = QComboBox()
        self.status.addItems(STATUSES)
        self.status.setCurrentText(flag.status)
        self.note = QPlainTextEdit(flag.note)
        self.note.setPlaceholderText("What is wrong, and how you checked it")
        self.passages = QListWidget()
        for anchor in flag.anchors:
            words = " ".join(anchor.text.split())[:140]
            item = QListWidgetItem(f"{labels.get(anchor.source, anchor.source)}: “{words}”")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.passages.addItem(item)
        form = QFormLayout()
        form.addRow("Category", self.category)
        form.addRow("Severity", self.severity)
        form.addRow("Status", self.status)
        form.addRow("Note", self.note)
        form.addRow("Passages", self.passages)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def values(self) -> dict[str, Any]:
        anchors: list[Anchor] = [a for i, a in enumerate(self.flag.anchors)
                                 if self.passages.item(i).checkState() == Qt.CheckState.Checked]
        return {"category": self.category.currentText().strip() or "other", "severity": self.severity.currentText(),
                "status": self.status.currentText(), "note": self.note.toPlainText().strip(),
                "anchors": tuple(anchors)}
