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
    unique_line="#a0522d", change_bg="#ffe08a", noise_fg="#7a7a7a", conflict_bg="#ffc9c9",
    conflict_line="#b00020", boilerplate_fg="#9a9a9a", outline="#d35400", find_bg="#b5f0ff",
    text="#1b1b1b", base="#ffffff",
)
DARK = Palette(
    name="dark", quote_bg="#1d3553", quote_line="#7fb3ff", claim_bg="#1d3b2a", claim_line="#7fd39b",
    unique_line="#e0a070", change_bg="#6b5200", noise_fg="#9a9a9a", conflict_bg="#6e1f26",
    conflict_line="#ff7b8a", boilerplate_fg="#777777", outline="#ffa040", find_bg="#135a6b",
    text="#e8e8e8", base="#1e1f22",
)
PALETTES = {"light": LIGHT, "dark": DARK}

# What each meaning is called in the legend, and how it looks in words (for colour-blind users).
LEGEND = [
    (view.QUOTE, "Linked quote", "solid underline"),
    (view.CLAIM, "Linked claim", "dashed underline"),
    (view.UNIQUE_QUOTE, "Quote only here", "dotted underline, italic: in one source only"),
    (view.UNIQUE_CLAIM, "Claim only here", "dotted underline: in one source only"),
    (view.RELATED, "Similar elsewhere", "dotted green underline: a near version in another source, not sure "
                                        "enough to link, so not 'only here' either"),
    (view.PHRASE, "Shared phrase", "tinted: another source has these words, in a sentence not linked"),
    (view.CHANGE, "Changed words (vs ★)", "bold, marked"),
    (view.NOISE_CHANGE, "Spelling/brackets only", "faint"),
    (view.CONFLICT, "Conflict", "bold, wavy underline: a figure, speaker or meaning differs"),
    (view.BOILERPLATE, "Boilerplate", "grey: site text set aside"),
    ("flag", "Flagged", "hatched and underlined: flagged by you"),
]


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


def legend_html(palette: Palette) -> str:
    """The legend as rich text, each entry drawn in its own style."""
    rows = []
    for meaning, name, words in LEGEND:
        style = {
            view.QUOTE: f"background:{palette.quote_bg};text-decoration:underline;border-bottom:2px solid "
                        f"{palette.quote_line}",
            view.CLAIM: f"background:{palette.claim_bg};border-bottom:2px dashed {palette.claim_line}",
            view.UNIQUE_QUOTE: f"font-style:italic;border-bottom:2px dotted {palette.unique_line}",
            view.UNIQUE_CLAIM: f"border-bottom:2px dotted {palette.unique_line}",
            view.PHRASE: f"background:{palette.claim_bg}",
            view.RELATED: f"border-bottom:2px dotted {palette.claim_line}",
            view.CHANGE: f"background:{palette.change_bg};font-weight:bold",
            view.NOISE_CHANGE: f"color:{palette.noise_fg}",
            view.CONFLICT: f"background:{palette.conflict_bg};font-weight:bold;text-decoration:underline",
            view.BOILERPLATE: f"color:{palette.boilerplate_fg}",
            "flag": f"border-bottom:2px solid {palette.outline};background:{palette.change_bg}",
        }[meaning]
        rows.append(f'<td><span style="{style}">&nbsp;Abc&nbsp;</span></td>'
                    f"<td title='{words}'>{name}</td>")
    half = (len(rows) + 1) // 2
    pairs = ["<tr>" + rows[i] + (rows[i + half] if i + half < len(rows) else "") + "</tr>" for i in range(half)]
    return "<table cellspacing='1' style='font-size:small'>" + "".join(pairs) + "</table>"
