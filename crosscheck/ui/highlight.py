"""One visual vocabulary for every meaning, in the columns, the compare panel and the legend.

Styles never rely on colour alone: linked quotes are underlined solid, linked claims dashed,
single-source passages dotted, changed words bold, noise-only changes faint, conflicts bold with
a wavy underline, boilerplate grey. Colours come in a light and a dark palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from crosscheck.core import view


@dataclass(frozen=True)
class Palette:
    name: str
    quote_bg: str
    quote_line: str
    claim_bg: str
    claim_line: str
    unique_line: str
    change_bg: str
    change_line: str
    noise_fg: str
    conflict_bg: str
    conflict_line: str
    boilerplate_fg: str
    outline: str
    find_bg: str
    text: str
    base: str


LIGHT = Palette(
    name="light", quote_bg="#e3eefb", quote_line="#1f5fa8", claim_bg="#e6f4ea", claim_line="#2e7d4f",
    unique_line="#a0522d", change_bg="#ffe08a", change_line="#b8860b", noise_fg="#7a7a7a", conflict_bg="#ffc9c9",
    conflict_line="#b00020", boilerplate_fg="#9a9a9a", outline="#d35400", find_bg="#b5f0ff",
    text="#1b1b1b", base="#ffffff",
)
DARK = Palette(
    name="dark", quote_bg="#1d3553", quote_line="#7fb3ff", claim_bg="#1d3b2a", claim_line="#7fd39b",
    unique_line="#e0a070", change_bg="#6b5200", change_line="#e0b040", noise_fg="#9a9a9a", conflict_bg="#6e1f26",
    conflict_line="#ff7b8a", boilerplate_fg="#777777", outline="#ffa040", find_bg="#135a6b",
    text="#e8e8e8", base="#1e1f22",
)
PALETTES = {"light": LIGHT, "dark": DARK}

# Calm reading: these meanings are said by a bar in the margin, not in the words.
CALM_BARS = frozenset({view.QUOTE, view.CLAIM, view.PHRASE, view.RELATED, view.UNIQUE_CLAIM})
# The overview ruler: which meanings it shows, in which lane (0 passages, 1 changed words and conflicts).
# (3: a thin lane at the edge for the many sentences only one source has)
RULER_LANES = {view.QUOTE: 0, view.CLAIM: 0, view.UNIQUE_QUOTE: 0, view.UNIQUE_CLAIM: 3, view.CHANGE: 1,
               view.CONFLICT: 1}


def bar_colour(meaning: str, palette: Palette) -> QColor:
    """The colour of a meaning's margin bar and ruler mark (faint for what is merely related)."""
    colour = QColor({
        view.QUOTE: palette.quote_line, view.CLAIM: palette.claim_line, view.UNIQUE_QUOTE: palette.unique_line,
        view.UNIQUE_CLAIM: palette.unique_line, view.PHRASE: palette.claim_line, view.RELATED: palette.claim_line,
        view.CHANGE: palette.change_line, view.CONFLICT: palette.conflict_line,
    }.get(meaning, palette.noise_fg))
    if meaning in (view.PHRASE, view.RELATED, view.UNIQUE_CLAIM):
        colour.setAlpha(90)  # (faint: related, or said by one source only — not what needs attention)
    return colour


def char_format(meaning: str, palette: Palette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if meaning == view.QUOTE:
        fmt.setBackground(QColor(palette.quote_bg))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(palette.quote_line))
    elif meaning == view.CLAIM:
        fmt.setBackground(QColor(palette.claim_bg))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(palette.claim_line))
    elif meaning in (view.UNIQUE_QUOTE, view.UNIQUE_CLAIM):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(palette.unique_line))
        if meaning == view.UNIQUE_QUOTE:
            fmt.setFontItalic(True)
    elif meaning == view.PHRASE:
        fmt.setBackground(QColor(palette.claim_bg))
    elif meaning == view.RELATED:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(palette.claim_line))
    elif meaning == view.CHANGE:
        fmt.setBackground(QColor(palette.change_bg))
        fmt.setFontWeight(QFont.Weight.Bold)
    elif meaning == view.NOISE_CHANGE:
        fmt.setForeground(QColor(palette.noise_fg))
    elif meaning == view.CONFLICT:
        fmt.setBackground(QColor(palette.conflict_bg))
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(palette.conflict_line))
    elif meaning == view.BOILERPLATE:
        fmt.setForeground(QColor(palette.boilerplate_fg))
    elif meaning == "find":
        fmt.setBackground(QColor(palette.find_bg))
    return fmt
