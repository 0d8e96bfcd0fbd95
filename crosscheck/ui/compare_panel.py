"""The compare panel: the selected group's passages stacked, each diffed against the reference.

Deletions are struck through, insertions underlined and bold; spelling, bracket and quote-mark
changes are faint; conflicts are loud. The panel also says why the passages were linked and
lists the group's findings, so a user can trust or overrule the link.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from crosscheck.core.diff import NOISE, compare_versions
from crosscheck.core.model import Comparison, Group, Phrase, Related, Unique
from crosscheck.core.view import diffs_against, disagreeing, outlet_names, pairing_spans
from crosscheck.ui.highlight import Palette


class ComparePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Select a quote or claim to compare its versions.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self.group: Group | None = None

    def clear(self) -> None:
        self.group = None
        self.title.setText("Select a quote or claim to compare its versions.")
        self.body.clear()

    def show_unique(self, comparison: Comparison, unique: Unique) -> None:
        self.group = None
        label = outlet_names(comparison)[unique.source]
        who = f" — {html.escape(unique.speaker)}" if unique.speaker else ""
        self.title.setText(f"<b>Only in {html.escape(label)}</b>{who} · no other source has this {unique.kind}")
        self.body.setHtml(f"<p>{html.escape(unique.text)}</p>")

    def show_pairing(self, comparison: Comparison, pair: Related | Phrase, palette: Palette) -> None:
        """Two sentences found nearly alike, or sharing a phrase, side by side with their words
        compared: not linked as one claim, for the reader to judge."""
        self.group = None
        e = html.escape
        names = outlet_names(comparison)
        span_a, span_b = pairing_spans(comparison, pair)
        text_a = comparison.source(pair.a).text[span_a.start : span_a.end]
        text_b = comparison.source(pair.b).text[span_b.start : span_b.end]
        if isinstance(pair, Related):
            self.title.setText(f"<b>Similar elsewhere</b> · nearly alike ({round(100 * pair.score)}% of a link), "
                               "not sure enough to be called one claim — nor only in one source")
        else:
            self.title.setText(f"<b>Shared phrase</b> · “{e(pair.text)}” in two sentences that are not linked")
        ops, changes, _ = compare_versions(text_a, text_b)
        cell = "<td valign='top' width='26%'><b>{}</b></td><td valign='top'>{}</td>"
        rows = ["<table width='100%' cellspacing='0' cellpadding='4'>",
                "<tr>" + cell.format(e(names[pair.a]), e(text_a)) + "</tr>",
                "<tr>" + cell.format(e(names[pair.b]), self._diff_html(ops, changes, palette)) + "</tr>",
                "</table>"]
        self.body.setHtml("".join(rows))

    def show_group(self, comparison: Comparison, group: Group, reference: str | None, palette: Palette) -> None:
        self.group = group
        e = html.escape
        glyph = "❝" if group.kind == "quote" else "¶"
        why = "; ".join(group.why)
        self.title.setText(f"<b>{glyph} {e(group.label)}</b><br><span style='color:{palette.noise_fg}'>"
                           f"Linked because: {e(why)}</span>")
        names = outlet_names(comparison)
        conflicted = disagreeing(group, reference)
        by_id = {s.id: s for s in comparison.sources}
        rows = []
        for f in group.findings:
            rows.append(f"<p style='color:{palette.conflict_line}'><b>⚠ {e(f.title)}</b>"
                        f" · {e(f.describe(names))} <i>({e(f.confidence)} confidence)</i></p>")
        rows.append("<table width='100%' cellspacing='0' cellpadding='4'>")
        for d in diffs_against(group, reference):
            m = d.member
            star = " ★" if d.reference is None and m.source == reference else ""
            who = f"<br><span style='color:{palette.noise_fg}'>{e(m.speaker)}</span>" if m.speaker else ""
            page = by_id[m.source].page_at(m.span.start)  # (a document: cite it by page)
            if page is not None:
                who += f"<br><span style='color:{palette.noise_fg}'>p. {page}</span>"
            part = f" <i style='color:{palette.noise_fg}'>(partial)</i>" if m.partial else ""
            if not m.quoted:
                part += f" <i style='color:{palette.noise_fg}'>(no quotation marks)</i>"
            flag = " ✖" if m.source in conflicted else ""
            text = e(m.text) if d.reference is None else self._diff_html(d.ops, d.changes, palette)
            sim = "" if d.reference is None else (
                f"<br><span style='color:{palette.noise_fg}'>{round(100 * d.similarity)}% same</span>")
            rows.append(f"<tr><td valign='top' width='26%'><b>{e(names[m.source])}{star}{flag}</b>{who}{sim}</td>"
                        f"<td valign='top'>{text}{part}</td></tr>")
        missing = [names[s.id] for s in comparison.sources if s.id not in {m.source for m in group.members}]
        if missing:
            rows.append(f"<tr><td colspan='2' style='color:{palette.noise_fg}'>Not reported by: "
                        f"{e(', '.join(missing))}</td></tr>")
        rows.append("</table>")
        self.body.setHtml("".join(rows))

    @staticmethod
    def _diff_html(ops, changes, palette: Palette) -> str:
        kinds = iter(changes)
        out, current, prev = [], None, 0
        for op, text in ops:
            if op != 0 and prev == 0:
                current = next(kinds, None)
            prev = op
            t = html.escape(text)
            if op == 0:
                out.append(t)
                continue
            kind = current.kind if current else ""
            if kind == "outside":
                out.append(f"<span style='color:{palette.boilerplate_fg}'>{'…' if op == -1 else t}</span>")
                continue
            noise = kind in NOISE
            severe = current is not None and current.severity >= 3
            color = palette.noise_fg if noise else (palette.conflict_line if severe else palette.text)
            bg = "" if noise else f"background:{palette.conflict_bg if severe else palette.change_bg};"
            if op == -1:
                out.append(f"<s style='color:{color}'>{t}</s>")
            else:
                weight = "normal" if noise else "bold"
                out.append(f"<u style='color:{color};{bg}font-weight:{weight}'>{t}</u>")
        return "".join(out)
