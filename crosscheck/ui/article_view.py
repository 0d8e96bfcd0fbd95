"""One column: an article's header and its text, with highlights drawn over the exact text.

The text widget holds ``Source.text`` unchanged; every highlight is an extra selection over a
span of it, so offsets from the engine map straight to what is shown. The selected group's
passages are outlined (a painted frame), since a frame reads in print and for colour-blind eyes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crosscheck.core.model import Source, Span
from crosscheck.core.view import Highlight
from crosscheck.ui.highlight import Palette, char_format

ALIGN_AT = 0.22  # selected passages line up at this fraction of the column's height
MIN_COLUMN_WIDTH = 190  # narrower than this, a column is read by scrolling sideways
PASSAGE_MARK = "crosscheckPassage"  # set on the data of text dragged or copied out of a column


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ArticleTextView(QTextEdit):
    """Read-only article text; reports clicks as offsets into the shown text."""

    offset_clicked = Signal(int)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
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

    def event(self, event: QEvent) -> bool:
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

    def set_outlined(self, spans: Sequence[Span], color: QColor) -> None:
        self._outlined = list(spans)
        self._outline_color = color
        self.viewport().update()

    @property
    def outlined(self) -> list[Span]:
        return list(self._outlined)

    def span_rect(self, span: Span) -> QRect:
        """The area a span covers, in viewport coordinates."""
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
        if not self._outlined:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._outline_color, 2))
        for span in self._outlined:
            rect = self.span_rect(span).adjusted(-3, -2, 3, 2)
            if rect.intersects(event.rect()):
                painter.drawRoundedRect(rect, 4, 4)
                painter.fillRect(QRect(rect.left() - 5, rect.top(), 3, rect.height()), self._outline_color)
        painter.end()

    # ---- scrolling
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
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

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.source = source
        self.letter = ""
        self.display_name = source.label  # told apart from the other columns' by the window
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.title = QLabel()
        self.meta = QLabel()
        self.meta.setStyleSheet("color: gray")
        for label in (self.name, self.title, self.meta):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.star = self._button("☆", "Make this the reference source: the others are compared with it")
        self.star.setCheckable(True)
        self.star.clicked.connect(self.reference_requested)
        left = self._button("◀", "Move this column left")
        left.clicked.connect(lambda: self.move_requested.emit(-1))
        right = self._button("▶", "Move this column right")
        right.clicked.connect(lambda: self.move_requested.emit(1))
        close = self._button("✕", "Close this article")
        close.clicked.connect(self.close_requested)
        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.name, 1)
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
        tip = [s.title or "", f"File: {s.path}"] + ([f"URL: {s.url}"] if s.url else [])
        tip.append("Right-click or double-click to correct its outlet, title, author or date")
        self.setToolTip("\n".join(t for t in tip if t))

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
        self.meta_text = " · ".join(x for x in (s.published, f"{s.word_count:,} words", s.author) if x)
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
        self._elide()


class ArticleColumn(QWidget):
    """A column: header above text. Knows its source; knows nothing of the analysis."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.header = ColumnHeader(source)
        self.view = ArticleTextView(source.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(MIN_COLUMN_WIDTH)

    def show_highlights(self, highlights: Sequence[Highlight], palette: Palette) -> None:
        passages, changes = [], []
        for h in highlights:
            sel = self.view.selection(h.span, char_format(h.meaning, palette))
            (changes if h.meaning in ("change", "noise-change", "conflict") else passages).append(sel)
        self.view.set_layer("passages", passages)
        self.view.set_layer("changes", changes)
