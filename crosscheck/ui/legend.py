"""The legend, drawn by the columns' own painter: every style exactly as a column shows it.

A legend that imitates the styles in HTML drifts from what the columns draw (it could not show
margin bars, dashed flag frames or the selection outline at all). This one is a small read-only
article view whose text is the legend's entries, marked with the very formats, bars, frames and
outlines the columns use, in the current reading level (calm or detail) and palette.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QSizePolicy, QWidget

from crosscheck.core import view
from crosscheck.core.model import Span
from crosscheck.ui.article_view import ArticleTextView
from crosscheck.ui.highlight import CALM_BARS, Palette, bar_colour, char_format

SAMPLE = "Abc"
# Two entries a line: what is shown by a margin bar in calm reading stands first on its line,
# beside its bar.
ENTRIES = [
    ((view.QUOTE, "Shared quote"), (view.CHANGE, "Changed (vs ★)")),
    ((view.CLAIM, "Shared claim"), (view.CONFLICT, "Conflict")),
    ((view.UNIQUE_CLAIM, "Only here"), (view.UNIQUE_QUOTE, "Quote only here")),
    ((view.RELATED, "Similar"), (view.NOISE_CHANGE, "Spelling only")),
    ((view.PHRASE, "Phrase"), (view.BOILERPLATE, "Boilerplate")),
    (("flag", "Flagged"), ("selected", "Selected")),
]


class LegendView(ArticleTextView):
    def __init__(self, parent: QWidget | None = None) -> None:
        lines, self._samples = [], []
        for row in ENTRIES:
            parts = []
            for meaning, name in row:
                start = sum(len(x) + 1 for x in lines) + sum(len(p) + 1 for p in parts)
                self._samples.append((meaning, Span(start + 1, start + 1 + len(SAMPLE))))
                parts.append(f" {SAMPLE} {name}")
            lines.append("\t".join(parts))
        super().__init__("\n".join(lines), parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFrameShape(ArticleTextView.Shape.NoFrame)
        self.setLineWrapMode(ArticleTextView.LineWrapMode.NoWrap)  # (two entries a line, never wrapped)
        self.setToolTip("The styles, as the columns draw them")
        self._fit()

    def _fit(self) -> None:
        fm = QFontMetrics(self.font())
        self.setTabStopDistance(fm.horizontalAdvance(f" {SAMPLE} Shared quote  "))
        self.setFixedHeight(fm.lineSpacing() * len(ENTRIES) + 2 * int(self.document().documentMargin()) + 4)

    def setFont(self, font) -> None:  # noqa: N802 - Qt override
        super().setFont(font)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super(ArticleTextView, self).resizeEvent(event)  # (no room below the last line: it does not scroll)

    def show_style(self, palette: Palette, calm: bool) -> None:
        formats, bars, flagged, outlined = [], [], [], []
        for meaning, span in self._samples:
            if meaning == "flag":
                flagged.append(span)
            elif meaning == "selected":
                outlined.append(span)
            elif calm and meaning in CALM_BARS:
                bars.append((span, bar_colour(meaning, palette)))
            else:
                formats.append(self.selection(span, char_format(meaning, palette)))
        self.set_layer("passages", formats)
        self.set_bars(bars)
        self.set_flagged(flagged, QColor(palette.outline))
        self.set_outlined(outlined, QColor(palette.outline))
