"""The alignments panel: filters, the list of groups and single-source passages, the legend."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crosscheck.core import view
from crosscheck.core.model import Unique
from crosscheck.ui.highlight import Palette
from crosscheck.ui.legend import LegendView
from crosscheck.ui.models import DETAIL, FINDINGS, GROUP_ID, KIND, UNIQUE, GroupFilterProxy, GroupTreeModel
from crosscheck.ui.workers import Analysis

_GLYPH = {"quote": "❝", "claim": "¶", "unique": "◌"}


class GroupDelegate(QStyledItemDelegate):
    """Two lines per row: glyph and label; then the outlets carrying it and any warnings."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(KIND) == "category":
            return super().sizeHint(option, index)
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        kind = index.data(KIND)
        if kind == "category":
            opt = QStyleOptionViewItem(option)
            opt.font.setBold(True)
            super().paint(painter, opt, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        painter.save()
        if style is not None:
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.highlightedText().color() if selected else pal.text().color()
        muted = fg if selected else pal.placeholderText().color()
        fm = QFontMetrics(option.font)
        r = option.rect.adjusted(4, 3, -4, -3)
        line1 = QRect(r.left(), r.top(), r.width(), fm.height())
        line2 = QRect(r.left() + 16, r.top() + fm.height() + 2, r.width() - 16, fm.height())
        painter.setPen(fg)
        bold = QFont(option.font)
        bold.setBold(bool(index.data(FINDINGS)))
        painter.setFont(bold)
        text = f"{_GLYPH.get(kind, '')} {index.data(Qt.ItemDataRole.DisplayRole)}"
        painter.drawText(line1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, line1.width()))
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(line2, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(index.data(DETAIL) or "", Qt.TextElideMode.ElideRight, line2.width()))
        painter.restore()


class GroupPanel(QWidget):
    """Emits the group (or single-source passage) the user picks."""

    group_selected = Signal(str)
    unique_selected = Signal(object)
    flagged_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = GroupTreeModel(self)
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter: words, speaker…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.kind_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (key, label) in enumerate((("quote", "Quotes"), ("claim", "Claims"), ("unique", "Unique"),
                                          ("conflicts", "Conflicts only"), ("flagged", "Flagged only"))):
            box = QCheckBox(label)
            box.setChecked(key not in ("conflicts", "flagged"))
            box.toggled.connect(self._kinds_changed)
            self.kind_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        self.speaker = QComboBox()
        self.speaker.setToolTip("Show only this speaker's quotes")
        self.speaker.currentIndexChanged.connect(
            lambda _: self.proxy.set_filter(speaker=self.speaker.currentData()))
        self.source = QComboBox()
        self.source.setToolTip("Show only what this source carries")
        self.source.currentIndexChanged.connect(lambda _: self.proxy.set_filter(source=self.source.currentData()))
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(GroupDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.legend = LegendView()
        self._quiet = False  # the current row is being set by the window, not chosen by the reader
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        title = QLabel("<b>ALIGNMENTS</b>")
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        layout.addWidget(self.speaker)
        layout.addWidget(self.source)
        layout.addWidget(self.tree, 1)
        self.legend_toggle = QToolButton()
        self.legend_toggle.setText("Legend")
        self.legend_toggle.setCheckable(True)
        self.legend_toggle.setChecked(True)
        self.legend_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.legend_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.legend_toggle.setAutoRaise(True)
        self.legend_toggle.toggled.connect(self._toggle_legend)
        layout.addWidget(self.legend_toggle)
        layout.addWidget(self.legend)
        self._fill_combos(None)

    def _toggle_legend(self, on: bool) -> None:
        self.legend.setVisible(on)
        self.legend_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def set_palette(self, palette: Palette, calm: bool = True) -> None:
        self.legend.show_style(palette, calm)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.model.set_analysis(analysis)
        self._fill_combos(analysis)
        self.tree.expandAll()

    def _fill_combos(self, analysis: Analysis | None) -> None:
        for combo, first in ((self.speaker, "All speakers"), (self.source, "All sources")):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            if analysis is not None:
                items = ([(s, s) for s in view.speakers(analysis.comparison)] if combo is self.speaker
                         else [(name, sid) for sid, name in view.outlet_names(analysis.comparison).items()])
                for text, data in items:
                    combo.addItem(text, data)
            at = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)
        self.proxy.set_filter(speaker=self.speaker.currentData(), source=self.source.currentData())

    @property
    def flagged_only(self) -> bool:
        return self.kind_boxes["flagged"].isChecked()

    def _kinds_changed(self) -> None:
        if self.sender() is self.kind_boxes["flagged"]:
            self.flagged_toggled.emit(self.flagged_only)
        kinds = {k for k in ("quote", "claim", "unique") if self.kind_boxes[k].isChecked()}
        self.proxy.set_filter(kinds=kinds, conflicts_only=self.kind_boxes["conflicts"].isChecked())
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._quiet:
            return
        gid = current.data(GROUP_ID)
        if gid:
            self.group_selected.emit(gid)
            return
        unique = current.data(UNIQUE)
        if isinstance(unique, Unique):
            self.unique_selected.emit(unique)

    def select_group(self, group_id: str) -> None:
        """Show ``group_id`` as the current row, without announcing it: the window selected it
        already (announcing would select it again and undo how the window placed the columns)."""
        index = self.proxy.mapFromSource(self.model.index_of_group(group_id))
        if index.isValid() and self.tree.currentIndex() != index:
            self._show(index)

    def select_unique(self, unique: Unique) -> None:
        index = self.proxy.mapFromSource(self.model.index_of_unique(unique))
        if index.isValid():
            self._show(index)

    def _show(self, index: QModelIndex) -> None:
        self._quiet = True
        try:
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        finally:
            self._quiet = False

    def visible_group_ids(self) -> list[str]:
        """Group ids in the order the filtered list shows them (for next/previous)."""
        ids = []
        for r in range(self.proxy.rowCount()):
            cat = self.proxy.index(r, 0)
            for c in range(self.proxy.rowCount(cat)):
                gid = self.proxy.index(c, 0, cat).data(GROUP_ID)
                if gid:
                    ids.append(gid)
        return ids
