"""One column: an article's header and its text, with highlights drawn over the exact text.

The text widget holds ``Source.text`` unchanged; every highlight is an extra selection over a
span of it, so offsets from the engine map straight to what is shown. The selected group's
passages are outlined (a painted frame), since a frame reads in print and for colour-blind eyes.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from crosscheck.core.model import Source, Span
from crosscheck.core.view import Highlight
from crosscheck.ui.highlight import CALM_BARS, RULER_LANES, Palette, bar_colour, char_format
from crosscheck.ui.scrollbar import install_flat_bar

ALIGN_AT = 0.22  # selected passages line up at this fraction of the column's height
MIN_COLUMN_WIDTH = 190  # narrower than this, a column is read by scrolling sideways
PASSAGE_MARK = "crosscheckPassage"  # set on the data of text dragged or copied out of a column


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ArticleTextView(QTextEdit):
    """Read-only article text; reports clicks as offsets into the shown text.

    Besides the text formats (changed words, conflicts…), three things are painted over the
    text without touching it: outlines round the selected passages, bars in the left margin for
    passages other sources share (calm reading: the words stay clean), and dashed frames with
    a margin mark for the user's flags, which never cover the words.
    """

    offset_clicked = Signal(int)
    resized = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        install_flat_bar(self)
        self.setPlainText(text)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(10)
        self._outlined: list[Span] = []
        self._outline_color = QColor("#d35400")
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._press: QPoint | None = None
        self._bars: list[tuple[Span, QColor]] = []
        self._rects: dict[tuple[int, int], QRect] = {}  # passages' areas in document coordinates
        self._bar_index: tuple[list[int], list[tuple[QRect, QColor]], int] | None = None
        self.document().documentLayout().documentSizeChanged.connect(self._forget_rects)
        self._flagged: list[Span] = []
        self._flag_color = QColor("#d35400")
        # What a highlight means, for the tooltip at a text offset (set by the window)
        self.explain: Callable[[int], str | None] | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.explain is not None:
            pos = self.viewport().mapFromGlobal(event.globalPos())
            inside = self.viewport().rect().contains(pos)
            text = self.explain(self.cursorForPosition(pos).position()) if inside else None
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        # A read-only view still claims editing keys (Ctrl+Z…); leave every key but copy and
        # select-all to the window, so its shortcuts (undo, flag, link) work from the text too.
        keeps = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.SelectAll)
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not any(event.matches(k) for k in keeps)):
            event.ignore()
            return False
        return super().event(event)

    def createMimeDataFromSelection(self):  # noqa: N802 - Qt override
        # Marked as ours (a property: this data cannot take another format): the window takes a
        # drop of it for what it is, a passage already open, never a new article.
        data = super().createMimeDataFromSelection()
        data.setProperty(PASSAGE_MARK, True)
        return data

    # ---- highlights
    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Highlights come in named layers (passages, find matches) drawn in a fixed order."""
        self._layers[name] = selections
        order = ["passages", "changes", "flags", "find"]
        self.setExtraSelections([sel for layer in order for sel in self._layers.get(layer, [])])

    def selection(self, span: Span, fmt) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        end = min(span.end, self.document().characterCount() - 1)
        cursor.setPosition(min(span.start, end))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def set_bars(self, bars: Sequence[tuple[Span, QColor]]) -> None:
        """Passages marked by a bar in the left margin (shared passages, in calm reading)."""
        self._bars = list(bars)
        self._bar_index = None
        self.viewport().update()

    def set_flagged(self, spans: Sequence[Span], color: QColor) -> None:
        """The user's flags: a dashed frame round the words and a mark in the right margin."""
        self._flagged = list(spans)
        self._flag_color = color
        self.viewport().update()

    @property
    def flagged(self) -> list[Span]:
        return list(self._flagged)

    @property
    def bars(self) -> list[tuple[Span, QColor]]:
        return list(self._bars)

    def set_outlined(self, spans: Sequence[Span], color: QColor) -> None:
        self._outlined = list(spans)
        self._outline_color = color
        self.viewport().update()

    @property
    def outlined(self) -> list[Span]:
        return list(self._outlined)

    def span_rect(self, span: Span) -> QRect:
        """The area a span covers, in viewport coordinates. (Measured once in the document and
        kept until the text reflows: scrolling ten columns in step repaints every passage in
        sight of every column, and asking the layout each time cost more than the painting.)"""
        cached = self._rects.get((span.start, span.end))
        if cached is None:
            value = self.verticalScrollBar().value()
            cached = self._measure(span).translated(0, value)
            self._rects[(span.start, span.end)] = cached
        return cached.translated(0, -self.verticalScrollBar().value())

    def _forget_rects(self, *_args: object) -> None:
        self._rects.clear()
        self._bar_index = None

    def _bars_in(self, visible: QRect) -> list[tuple[QRect, QColor]]:
        """The margin bars in sight (viewport coordinates), found by binary search: a long
        article has hundreds, and walking them all on every repaint cost more than the text."""
        if self._bar_index is None:
            placed = sorted(((self.span_rect(span).translated(0, self.verticalScrollBar().value()), colour)
                             for span, colour in self._bars), key=lambda rc: rc[0].top())
            tallest = max((r.height() for r, _ in placed), default=0)
            self._bar_index = ([r.top() for r, _ in placed], placed, tallest)
        tops, placed, tallest = self._bar_index
        value = self.verticalScrollBar().value()
        lo = bisect.bisect_left(tops, value + visible.top() - tallest - 2)
        hi = bisect.bisect_right(tops, value + visible.bottom() + 2)
        return [(r.translated(0, -value), c) for r, c in placed[lo:hi] if r.bottom() >= value + visible.top() - 2]

    def _measure(self, span: Span) -> QRect:
        start = QTextCursor(self.document())
        start.setPosition(span.start)
        end = QTextCursor(self.document())
        end.setPosition(min(span.end, self.document().characterCount() - 1))
        r1, r2 = self.cursorRect(start), self.cursorRect(end)
        if r1.top() == r2.top():
            return QRect(QPoint(r1.left(), r1.top()), QPoint(r2.right(), r2.bottom()))
        margin = int(self.document().documentMargin())
        return QRect(QPoint(margin - 4, r1.top()), QPoint(self.viewport().width() - margin + 2, r2.bottom()))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not (self._outlined or self._bars or self._flagged):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = event.rect()

        def shown(span: Span) -> bool:
            return self.span_rect(span).adjusted(-6, -4, 6, 4).intersects(visible)

        for rect, colour in self._bars_in(visible):  # (a faint bar is a thin one too)
            painter.fillRect(QRect(2, rect.top(), 3 if colour.alpha() > 200 else 2, rect.height()), colour)
        if self._flagged:
            pen = QPen(self._flag_color, 1.5, Qt.PenStyle.DashLine)
            for span in self._flagged:
                if not shown(span):
                    continue
                rect = self.span_rect(span).adjusted(-2, -1, 2, 1)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect, 3, 3)
                right = self.viewport().width() - 6
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._flag_color)
                painter.drawPolygon([QPoint(right, rect.top()), QPoint(right + 5, rect.top() + 3),
                                     QPoint(right, rect.top() + 6)])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self._outline_color, 2))
        for span in self._outlined:
            if not shown(span):
                continue
            rect = self.span_rect(span).adjusted(-3, -2, 3, 2)
            painter.drawRoundedRect(rect, 4, 4)
            painter.fillRect(QRect(rect.left() - 5, rect.top(), 3, rect.height()), self._outline_color)
        painter.end()

    # ---- scrolling
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._forget_rects()
        self.resized.emit()
        # Room below the last line, so a passage near the end can still scroll up to the height
        # where the other columns show theirs (as Meld pads its panes).
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        want = int(self.viewport().height() * (1 - ALIGN_AT))
        if abs(fmt.bottomMargin() - want) > 4:
            fmt.setBottomMargin(want)
            frame.setFrameFormat(fmt)

    def reachable(self, offset: int) -> tuple[int, int]:
        """The heights (viewport pixels) at which scrolling can place the text at ``offset``."""
        y = self.document_y(offset)
        return y - self.verticalScrollBar().maximum(), y

    def document_y(self, offset: int) -> int:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(offset, self.document().characterCount() - 1))
        return self.cursorRect(cursor).top() + self.verticalScrollBar().value()

    def scroll_to_offset(self, offset: int, at: float = ALIGN_AT) -> None:
        """Scroll so the text at ``offset`` sits ``at`` of the way down the column."""
        self.place_offset(offset, int(self.viewport().height() * at))

    def place_offset(self, offset: int, y: int) -> None:
        """Scroll so the text at ``offset`` is ``y`` pixels from the top of the column."""
        self.verticalScrollBar().setValue(int(self.document_y(offset) - y))

    def offset_top(self, offset: int) -> int:
        """Where the text at ``offset`` is now, in viewport pixels from the top."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(offset, self.document().characterCount() - 1))
        return self.cursorRect(cursor).top()

    # ---- clicks
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        still = self._press is not None and (pos - self._press).manhattanLength() < 4
        if still and not self.textCursor().hasSelection():
            self.offset_clicked.emit(self.cursorForPosition(pos).position())
        self._press = None


class ColumnHeader(QFrame):
    """``A · Outlet ★`` and buttons; the title on one elided line; author · date · words."""

    reference_requested = Signal()
    close_requested = Signal()
    move_requested = Signal(int)
    edit_requested = Signal()  # the reader wants to correct the outlet, title, author or date
    focus_toggled = Signal(bool)  # keep this column in focus (Focus then shows the chosen few)

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.source = source
        self.letter = ""
        self.display_name = source.label  # told apart from the other columns' by the window
        self.in_focus = False  # chosen to stay in view in Focus mode
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.title = QLabel()
        self.meta = QLabel()
        self.meta.setStyleSheet("color: gray")
        # ⚠ when the text is a guess or was repaired (io/decode.py): the reader must know before
        # trusting a quote's exact words; hover for what happened.
        self.warning = QLabel("⚠")
        self.warning.setStyleSheet("color: #c77700; font-weight: bold; padding: 0 3px")
        for label in (self.name, self.title, self.meta):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.star = self._button("☆", "Make this the reference source: the others are compared with it")
        self.star.setCheckable(True)
        self.star.clicked.connect(self.reference_requested)
        left = self._button("◀", "Move this column left")
        left.clicked.connect(lambda: self.move_requested.emit(-1))
        right = self._button("▶", "Move this column right")
        right.clicked.connect(lambda: self.move_requested.emit(1))
        self._movers = (left, right)  # (hidden in a narrow column, where the name needs the room)
        close = self._button("✕", "Close this article")
        close.clicked.connect(self.close_requested)
        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.name, 1)
        top.addWidget(self.warning)
        for b in (self.star, left, right, close):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 4)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        self.is_reference = False
        self._star = ""
        self.meta_text = ""
        self._set_tip()
        self.set_reference(False)

    def _set_tip(self) -> None:
        s = self.source
        warned = [f"⚠ {w[:1].upper()}{w[1:]}" for w in s.warnings]
        tip = [*warned, s.title or "", f"File: {s.path}"] + ([f"URL: {s.url}"] if s.url else [])
        tip.append("Right-click or double-click to correct its outlet, title, author or date")
        self.setToolTip("\n".join(t for t in tip if t))
        self.warning.setVisible(bool(warned))
        self.warning.setToolTip("\n".join(warned))

    def set_source(self, source: Source) -> None:
        """The same article with corrected details (same id, same text)."""
        self.source = source
        self._set_tip()
        self.set_reference(self.is_reference)

    def set_name(self, name: str) -> None:
        """The name to show: the outlet, else title or file name, told apart from any other
        column's that would read the same (``core/names.py``)."""
        if name != self.display_name:
            self.display_name = name
            self._elide()

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.addAction("Edit details (outlet, title, author, date)…", self.edit_requested.emit)
        menu.addAction("Make this the reference", self.reference_requested.emit)
        keep = menu.addAction("Keep in focus")
        keep.setCheckable(True)
        keep.setChecked(self.in_focus)
        keep.toggled.connect(self.focus_toggled.emit)
        menu.addAction("Move left", lambda: self.move_requested.emit(-1))
        menu.addAction("Move right", lambda: self.move_requested.emit(1))
        menu.exec(event.globalPos())

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.edit_requested.emit()

    def _button(self, text: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setFixedWidth(20)
        return b

    def set_letter(self, letter: str) -> None:
        self.letter = letter
        self.set_reference(self.is_reference)

    def set_reference(self, on: bool) -> None:
        s = self.source
        self.is_reference = on
        self.star.setChecked(on)
        self.star.setText("★" if on else "☆")
        star = " ★" if on else ""
        self._star = star
        # A document says what it is, and a PDF how many pages it has: passages are cited by page.
        document = (f"PDF · {len(s.pages):,} page{'s' * (len(s.pages) != 1)}" if s.kind == "pdf"
                    else "Word" if s.kind == "docx" else None)
        self.meta_text = " · ".join(x for x in (document, s.published, f"{s.word_count:,} words", s.author) if x)
        self._elide()

    def _elide(self) -> None:
        s = self.source
        fm = self.name.fontMetrics()
        room = max(30, self.name.width() - fm.horizontalAdvance(f"{self.letter}  {self._star} "))
        name = fm.elidedText(self.display_name, Qt.TextElideMode.ElideRight, room)
        letter = f"<span style='color:gray'>{_esc(self.letter)}</span> " if self.letter else ""
        self.name.setText(f"{letter}<b>{_esc(name)}{self._star}</b>")
        title = s.title if s.title and s.title not in (s.label, self.display_name) else ""
        width = max(40, self.title.width())
        self.title.setText(self.title.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width))
        self.meta.setText(self.meta.fontMetrics().elidedText(self.meta_text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for b in self._movers:
            b.setVisible(self.width() >= 300)
        self._elide()


class OverviewRuler(QWidget):
    """The whole article in a narrow strip: where its shared quotes and claims, its passages found
    nowhere else, its conflicts and its flags lie, with the visible part boxed. Click or drag
    to go there."""

    WIDTH = 12

    def __init__(self, view: ArticleTextView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedWidth(self.WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # (it paints every pixel: no parent beneath)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("The whole article: shared quotes and claims, passages only here, conflicts and flags. "
                        "Click to go there.")
        self._marks: list[tuple[Span, QColor, int]] = []  # (span, colour, lane: 0 passages, 1 changes, 2 flags)
        self._ys: list[tuple[float, float]] | None = None
        self._drawn: QPixmap | None = None  # the marks, drawn once for this size (scrolling moves only the box)
        self.frame = QColor("#555555")
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self._forget)
        view.document().documentLayout().documentSizeChanged.connect(self._forget)
        view.resized.connect(self._forget)

    def set_marks(self, marks: list[tuple[Span, QColor, int]]) -> None:
        self._marks = marks
        self._forget()

    @property
    def marks(self) -> list[tuple[Span, QColor, int]]:
        return list(self._marks)

    def _forget(self, *_args: object) -> None:
        self._ys = None
        self._drawn = None
        self.update()

    def _height(self) -> int:
        return max(1, self.view.verticalScrollBar().maximum() + self.view.viewport().height())

    def _positions(self) -> list[tuple[float, float]]:
        if self._ys is None:
            total = self._height()
            self._ys = [(self.view.document_y(s.start) / total, self.view.document_y(s.end) / total)
                        for s, _, _ in self._marks]
        return self._ys

    def _draw_marks(self) -> QPixmap:
        if self._drawn is None or self._drawn.size() != self.size():
            h, w = self.height(), self.width()
            pixmap = QPixmap(self.size())
            pixmap.fill(self.palette().window().color())
            painter = QPainter(pixmap)
            lanes = {0: (1, w - 2), 1: (3, w - 6), 2: (0, w), 3: (w - 4, 3)}
            for (top, bottom), (_, colour, lane) in zip(self._positions(), self._marks, strict=True):
                x, width = lanes[lane]
                y = int(top * h)
                painter.fillRect(QRect(x, y, width, max(2, int(bottom * h) - y)), colour)
            painter.end()
            self._drawn = pixmap
        return self._drawn

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        h, w = self.height(), self.width()
        painter.drawPixmap(0, 0, self._draw_marks())
        total = self._height()
        bar = self.view.verticalScrollBar()
        top = int(bar.value() / total * h)
        seen = max(4, int(self.view.viewport().height() / total * h))
        painter.setPen(QPen(self.frame, 1))
        painter.drawRect(QRect(0, top, w - 1, min(seen, h - top - 1)))
        painter.end()

    def jump_to(self, y: int) -> None:
        """Centre the view on the part of the article at height ``y`` of the ruler."""
        total = self._height()
        bar = self.view.verticalScrollBar()
        bar.setValue(round(y / max(1, self.height()) * total - self.view.viewport().height() / 2))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.jump_to(int(event.position().y()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.jump_to(int(event.position().y()))


class ArticleColumn(QWidget):
    """A column: header above text, the article's overview ruler beside it. Knows its source;
    knows nothing of the analysis."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.header = ColumnHeader(source)
        self.view = ArticleTextView(source.text)
        self.ruler = OverviewRuler(self.view)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(1)
        body.addWidget(self.view, 1)
        body.addWidget(self.ruler)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setMinimumWidth(MIN_COLUMN_WIDTH)
        self._marks: list[tuple[Span, QColor, int]] = []  # the analysis's, for the ruler
        self._flag_marks: list[tuple[Span, QColor, int]] = []

    def show_highlights(self, highlights: Sequence[Highlight], palette: Palette, calm: bool = True) -> None:
        """Draw the analysis over the text. Calm (the default): only what needs attention is in
        the words — changed words, conflicts, quotes found nowhere else, boilerplate greyed;
        shared passages are bars in the margin. Not calm: every passage decorated."""
        passages, changes, bars, marks = [], [], [], []
        for h in highlights:
            if h.meaning in ("change", "noise-change", "conflict"):
                changes.append(self.view.selection(h.span, char_format(h.meaning, palette)))
            elif calm and h.meaning in CALM_BARS:
                bars.append((h.span, bar_colour(h.meaning, palette)))
            else:
                passages.append(self.view.selection(h.span, char_format(h.meaning, palette)))
            if h.meaning in RULER_LANES:
                marks.append((h.span, bar_colour(h.meaning, palette), RULER_LANES[h.meaning]))
        self.view.set_layer("passages", passages)
        self.view.set_layer("changes", changes)
        self.view.set_bars(bars)
        self._marks = marks
        self.ruler.set_marks(marks + self._flag_marks)

    def show_flags(self, spans: Sequence[Span], colour: QColor) -> None:
        self.view.set_flagged(spans, colour)
        self._flag_marks = [(s, colour, 2) for s in spans]
        self.ruler.set_marks(self._marks + self._flag_marks)
