"""A flat scroll bar for the article columns, cheap enough to repaint ten at a time.

With "scroll together" on, one step of the reader's wheel moves every column, so every column's
scroll bar repaints. Fusion's bars are drawn with gradients and are not opaque, so each repaint
also repaints what lies beneath them (the column, the splitter with its connectors): measured
with ten 3,000-word columns (``bench/window.py``), the scroll bars alone cost ~15 of a step's
~20 ms. This bar paints every pixel itself with two or three flat fills, in the palette's
colours (light and dark themes alike), and tells Qt so (``WA_OpaquePaintEvent``). Geometry,
hit-testing and behaviour stay the style's, so dragging, paging and the arrows work as before.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QStyle, QStyleOptionSlider, QWidget

_CC = QStyle.ComplexControl.CC_ScrollBar
_SC = QStyle.SubControl


def install_flat_bar(area: QAbstractScrollArea) -> FlatScrollBar:
    """Give ``area`` a flat vertical bar. (Installing a bar clears its opaque mark, so it is
    set again here, once the bar is in place.)"""
    bar = FlatScrollBar(Qt.Orientation.Vertical, area)
    area.setVerticalScrollBar(bar)
    bar.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
    return bar


class FlatScrollBar(QScrollBar):
    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)

    def part(self, control: QStyle.SubControl) -> QRect:
        """Where the style puts ``control`` (the handle, an arrow): painting follows hit-testing."""
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        return self.style().subControlRect(_CC, opt, control, self)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style, pal = self.style(), self.palette()
        painter = QPainter(self)
        groove = pal.color(QPalette.ColorRole.Window)
        painter.fillRect(self.rect(), groove.darker(104) if groove.lightness() > 128 else groove.lighter(115))
        if self.maximum() > self.minimum():
            handle = style.subControlRect(_CC, opt, _SC.SC_ScrollBarSlider, self)
            on_handle = opt.activeSubControls == _SC.SC_ScrollBarSlider
            lit = opt.state & (QStyle.StateFlag.State_Sunken | QStyle.StateFlag.State_MouseOver)
            colour = pal.color(QPalette.ColorRole.Dark if on_handle and lit else QPalette.ColorRole.Mid)
            inset = handle.adjusted(3, 1, -3, -1) if self.orientation() == Qt.Orientation.Vertical \
                else handle.adjusted(1, 3, -1, -3)
            painter.fillRect(inset, colour)
        arrow = pal.color(QPalette.ColorRole.WindowText if self.isEnabled() else QPalette.ColorRole.Mid)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(arrow))
        for control, backwards in ((_SC.SC_ScrollBarSubLine, True), (_SC.SC_ScrollBarAddLine, False)):
            rect = style.subControlRect(_CC, opt, control, self)
            if rect.isValid() and rect.height() > 4 and rect.width() > 4:
                painter.drawPolygon(_triangle(rect, self.orientation(), backwards))
        painter.end()


def _triangle(rect: QRect, orientation: Qt.Orientation, backwards: bool) -> QPolygonF:
    """A small arrow head in ``rect`` pointing up/left (``backwards``) or down/right."""
    c = QPointF(rect.center())
    r = min(rect.width(), rect.height()) / 3.5
    sign = -1 if backwards else 1
    if orientation == Qt.Orientation.Vertical:
        return QPolygonF([QPointF(c.x() - r, c.y() - sign * r / 2), QPointF(c.x() + r, c.y() - sign * r / 2),
                          QPointF(c.x(), c.y() + sign * r / 2)])
    return QPolygonF([QPointF(c.x() - sign * r / 2, c.y() - r), QPointF(c.x() - sign * r / 2, c.y() + r),
                      QPointF(c.x() + sign * r / 2, c.y())])
