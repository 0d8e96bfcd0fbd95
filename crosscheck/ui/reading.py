"""Reading across the columns: columns that scroll together, an overview ruler per article, and
connectors between neighbouring columns.

Everything here asks ``core.reading.ReadingMap`` where a group's passages are; this module only
turns text offsets into pixels and back. Scrolling one column moves the others so that the
passages they share stay level (between two shared passages the others move proportionally, as
Meld keeps its panes locked, so nothing jumps); a column with nothing shared above or below
holds still.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QScrollArea, QSplitter, QSplitterHandle, QToolButton, QWidget

from crosscheck.core.model import Span
from crosscheck.core.reading import ReadingMap
from crosscheck.ui.article_view import ALIGN_AT, ArticleColumn, ArticleTextView


def reading_line(view: ArticleTextView) -> int:
    """The height (viewport pixels) at which a column is read: where a selected passage sits."""
    return int(view.viewport().height() * ALIGN_AT)


class ScrollSync(QObject):
    """Keeps the columns in step with the one the reader scrolls.

    ``lead`` is the column the reader moved last (scrolled or clicked): after a resize the
    others line up with it again. Programmatic scrolling happens inside ``quiet()`` so that a
    column moved to follow never becomes the lead itself.
    """

    realign_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views: dict[str, ArticleTextView] = {}
        self.map: ReadingMap | None = None
        self.enabled = True
        self.lead: str | None = None
        self._busy = False
        self._resize = QTimer(self)
        self._resize.setSingleShot(True)
        self._resize.setInterval(30)
        self._resize.timeout.connect(self.realign_requested)

    def attach(self, source_id: str, view: ArticleTextView) -> None:
        self.views[source_id] = view
        view.verticalScrollBar().valueChanged.connect(lambda _v, sid=source_id: self._scrolled(sid))
        view.resized.connect(self._resize.start)

    def detach(self, source_id: str) -> None:
        self.views.pop(source_id, None)
        if self.lead == source_id:
            self.lead = None

    @contextmanager
    def quiet(self):
        """Scroll columns without any of them leading the others."""
        before, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = before

    def _scrolled(self, source_id: str) -> None:
        if self._busy:
            return
        self.lead = source_id
        if self.enabled:
            self.follow(source_id)

    def follow(self, source_id: str) -> None:
        """Move every other visible column to match ``source_id``'s reading line."""
        lead = self.views.get(source_id)
        if lead is None or self.map is None:
            return
        line = reading_line(lead)
        margin = int(lead.document().documentMargin())
        offset = lead.cursorForPosition(QPoint(margin + 1, line)).position()
        at = lead.verticalScrollBar().value() + line  # the reading line, in document pixels
        with self.quiet():
            for other, view in self.views.items():
                if other == source_id or not view.isVisible():
                    continue
                target = self._target(source_id, lead, at, offset, other, view)
                if target is not None:
                    view.verticalScrollBar().setValue(round(target - reading_line(view)))

    def _target(self, source_id: str, lead: ArticleTextView, at: int, offset: int, other: str,
                view: ArticleTextView) -> float | None:
        """Where ``other``'s reading line should be (document pixels) for ``lead``'s at ``at``."""
        assert self.map is not None
        up = self.map.above(source_id, offset, other)
        down = self.map.below(source_id, offset, other, after=up.there.start if up else -1)
        if up is None and down is None:
            return None
        if up is None:
            assert down is not None
            return view.document_y(down.there.start) - (lead.document_y(down.here.start) - at)
        ya, ya_there = lead.document_y(up.here.start), view.document_y(up.there.start)
        if down is not None:
            yb, yb_there = lead.document_y(down.here.start), view.document_y(down.there.start)
            if yb > ya:
                t = min(1.0, max(0.0, (at - ya) / (yb - ya)))
                return ya_there + t * (yb_there - ya_there)
        return ya_there + (at - ya)


class ConnectorSplitter(QSplitter):
    """The columns' splitter, whose handles draw connectors between neighbouring columns: a band
    from each visible passage to its group's passage in the next column, the selected group's
    drawn strong, the others faint, so the eye can follow a quote across outlets."""

    HANDLE = 18

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setHandleWidth(self.HANDLE)
        self.setChildrenCollapsible(False)
        self.map: ReadingMap | None = None
        self.selected: str | None = None
        self.colour: Callable[[str], QColor] = lambda _gid: QColor("#1f5fa8")
        self.strong = QColor("#d35400")
        # While the columns move, the connectors are set aside and drawn again once scrolling
        # pauses: repainting the gutters at every step made Qt repaint every column whole (thin
        # dirty areas spread across the window are merged into one), doubling a step's cost.
        self.moving = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(120)
        self._settle.timeout.connect(self._settled)

    def createHandle(self) -> QSplitterHandle:  # noqa: N802 - Qt override
        return ConnectorHandle(self.orientation(), self)

    def refresh(self) -> None:
        for i in range(1, self.count()):
            self.handle(i).update()

    def scrolled(self) -> None:
        """A column moved: the connectors wait until the scrolling pauses."""
        if not self.moving:
            self.moving = True
            self.refresh()  # (once: they go while the columns move)
        self._settle.start()

    def _settled(self) -> None:
        self.moving = False
        self.refresh()

    def neighbours(self, index: int) -> tuple[ArticleColumn | None, ArticleColumn | None]:
        """The visible columns either side of handle ``index``."""
        left = next((self.widget(i) for i in range(index - 1, -1, -1) if not self.widget(i).isHidden()), None)
        right = self.widget(index) if index < self.count() and not self.widget(index).isHidden() else None
        return (left if isinstance(left, ArticleColumn) else None,
                right if isinstance(right, ArticleColumn) else None)


class ConnectorHandle(QSplitterHandle):
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        splitter = self.splitter()
        if not isinstance(splitter, ConnectorSplitter) or splitter.map is None or splitter.moving:
            return
        left, right = splitter.neighbours(splitter.indexOf(self))
        if left is None or right is None:
            return
        painter = QPainter(self)
        # (the faint connectors are filled without antialiasing: smoothing every band of ten
        # columns cost a third of a scroll step; only the selected group's is drawn smooth)
        w = self.width()
        lv, rv = left.view, right.view
        top = lv.cursorForPosition(QPoint(0, 0)).position()
        bottom = lv.cursorForPosition(QPoint(lv.viewport().width(), lv.viewport().height())).position()
        # (where each viewport's top is in this handle, measured once a paint, not once a passage)
        shift_l = self.mapFromGlobal(lv.viewport().mapToGlobal(QPoint(0, 0))).y()
        shift_r = self.mapFromGlobal(rv.viewport().mapToGlobal(QPoint(0, 0))).y()
        selected = []
        painter.setPen(Qt.PenStyle.NoPen)
        for cp in splitter.map.between(left.source.id, right.source.id, top, bottom + 1):
            band = _band_polygon(w, self._band(lv, cp.here, shift_l), self._band(rv, cp.there, shift_r))
            if cp.group == splitter.selected:
                selected.append(band)
                continue
            colour = QColor(splitter.colour(cp.group))
            colour.setAlpha(50)
            painter.setBrush(colour)
            painter.drawPolygon(band)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for band in selected:
            colour = QColor(splitter.strong)
            colour.setAlpha(90)
            painter.setBrush(colour)
            painter.setPen(QPen(splitter.strong, 1.5))
            painter.drawPolygon(band)
        painter.end()

    def _band(self, view: ArticleTextView, span: Span, shift: int) -> tuple[float, float]:
        """A passage's top and bottom in this handle's coordinates (clamped to its height)."""
        rect = view.span_rect(span)
        top, bottom = rect.top() + shift, rect.bottom() + shift
        h = self.height()
        return max(-4.0, min(float(top), h + 4.0)), max(-4.0, min(float(bottom), h + 4.0))


# The S-curve of a connector, as fractions of its run (smoothstep at eight points): a polygon is
# drawn many times faster than a path of Bézier curves, which Qt flattens again at every paint.
_CURVE = [(k / 8, (k / 8) ** 2 * (3 - 2 * k / 8)) for k in range(9)]


def _band_polygon(width: int, a: tuple[float, float], b: tuple[float, float]) -> QPolygonF:
    """A band from the passage ``a`` (top, bottom) on the left to ``b`` on the right."""
    top = [QPointF(x * width, a[0] + (b[0] - a[0]) * t) for x, t in _CURVE]
    bottom = [QPointF(x * width, a[1] + (b[1] - a[1]) * t) for x, t in reversed(_CURVE)]
    return QPolygonF(top + bottom)


class EdgeMarkers(QObject):
    """With more columns than fit, a marker at each edge of the columns' area names the columns
    out of sight that carry the selected passage ("◀ A B", "E ▶"); clicking it brings the
    nearest one into view."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        self.left = self._button("Selected passage in columns to the left")
        self.right = self._button("Selected passage in columns to the right")
        self._columns: list[ArticleColumn] = []
        self._targets: dict[QToolButton, ArticleColumn] = {}
        area.horizontalScrollBar().valueChanged.connect(lambda _v: self.show_for(self._columns))
        area.viewport().installEventFilter(self)

    def _button(self, tip: str) -> QToolButton:
        b = QToolButton(self.area)
        b.setToolTip(tip)
        b.setAutoRaise(False)
        b.clicked.connect(lambda _=False: self._go(b))
        b.hide()
        return b

    def _go(self, button: QToolButton) -> None:
        column = self._targets.get(button)
        if column is not None:
            self.area.ensureWidgetVisible(column, 0, 0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.show_for(self._columns)
        return False

    def show_for(self, columns: list[ArticleColumn]) -> None:
        """``columns``: those holding the selected passage."""
        self._columns = columns
        bar = self.area.horizontalScrollBar()
        x0, x1 = bar.value(), bar.value() + self.area.viewport().width()
        left = [c for c in columns if c.geometry().right() - c.width() // 3 < x0]
        right = [c for c in columns if c.geometry().left() + c.width() // 3 > x1]
        for button, found, text in ((self.left, left, "◀ {}"), (self.right, right, "{} ▶")):
            if not found:
                button.hide()
                continue
            button.setText(text.format(" ".join(c.header.letter or "?" for c in found)))
            self._targets[button] = found[-1] if button is self.left else found[0]
            button.adjustSize()
            y = self.area.viewport().height() // 3
            x = 4 if button is self.left else self.area.viewport().width() - button.width() - 4
            button.move(x, y)
            button.show()
            button.raise_()
