"""The article columns and what they show: one column per source in the document's order,
the highlights, the selected group or pairing outlined and lined up across the columns, focus
mode, the edge markers, and find.

A small controller beside the window: it owns the columns (``columns``, by source id) and the
selection (``selected``, a group id), and reads the analysis and the widgets from the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from crosscheck.core.model import Phrase, Related, Source, Span, Unique
from crosscheck.core.names import display_names
from crosscheck.core.reading import explain
from crosscheck.core.view import (
    changed_count,
    diffs_against,
    group_of_offset,
    letter,
    lettered_names,
    outlet_names,
    pairing_at,
    pairing_spans,
)
from crosscheck.document import Document
from crosscheck.ui.article_view import ALIGN_AT, MIN_COLUMN_WIDTH, ArticleColumn
from crosscheck.ui.highlight import char_format
from crosscheck.ui.models import GROUP_ID
from crosscheck.ui.reading import ConnectorSplitter
from crosscheck.ui.source_dialog import edit_source

if TYPE_CHECKING:
    from crosscheck.ui.main_window import MainWindow


def line_up(placed: list, lead=None) -> None:  # list of (ArticleTextView, offset)
    """Scroll every column so its passage sits at one common height, near the top third;
    a passage too near an article's start pulls the common height up to where it can be.
    With a ``lead`` view, its passage's present height is the common one and it stays."""
    if lead is not None:
        at = next((offset for view, offset in placed if view is lead), None)
        if at is not None:
            y = lead.offset_top(at)
            for view, offset in placed:
                if view is not lead:
                    view.place_offset(offset, y)
            return
    target = int(min(view.viewport().height() for view, _ in placed) * ALIGN_AT)
    ranges = [view.reachable(offset) for view, offset in placed]
    low, high = max(r[0] for r in ranges), min(r[1] for r in ranges)
    y = max(low, min(target, high)) if low <= high else target
    for view, offset in placed:
        view.place_offset(offset, y)


class Columns:
    """The columns of ``window``, one per source of ``document``."""

    def __init__(self, window: MainWindow, document: Document) -> None:
        self.window, self.document = window, document
        self.columns: dict[str, ArticleColumn] = {}
        self.selected: str | None = None
        self._anchor: tuple[str, Span] | None = None  # the selected group, to find it again after re-analysis
        self.chosen: set[str] = set()  # columns the reader keeps in focus

    def _group(self, group_id: str | None):
        analysis = self.window.analysis
        if analysis is None or not group_id:
            return None
        return next((g for g in analysis.comparison.groups if g.id == group_id), None)

    # ------------------------------------------------------------------ the columns themselves
    def add(self, sources: Iterable[Source]) -> None:
        w = self.window
        for source in sources:
            if source.id in self.columns:
                continue
            column = ArticleColumn(source)
            sid = source.id
            column.header.reference_requested.connect(lambda sid=sid: w.set_reference(sid))
            column.header.close_requested.connect(lambda sid=sid: w.close_source(sid))
            column.header.move_requested.connect(lambda d, sid=sid: self.document.move_source(sid, d))
            column.header.edit_requested.connect(lambda sid=sid: edit_source(w, sid))
            column.header.focus_toggled.connect(lambda on, sid=sid: self.choose(sid, on))
            column.view.offset_clicked.connect(lambda off, sid=sid: self.clicked(sid, off))
            column.view.explain = lambda off, sid=sid: self.explain(sid, off)
            column.view.verticalScrollBar().valueChanged.connect(w.column_splitter.scrolled)
            w.sync.attach(sid, column.view)
            column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.view.customContextMenuRequested.connect(lambda pos, sid=sid: w.judgements.column_menu(sid, pos))
            self.columns[sid] = column
            w.column_splitter.addWidget(column)
        self.apply_font()
        self.relayout()

    def remove(self, ids: Iterable[str]) -> None:
        for sid in ids:
            column = self.columns.pop(sid, None)
            if column is None:
                continue
            self.window.sync.detach(sid)
            column.hide()
            column.deleteLater()
        self.relayout()

    def replace(self, sources: Iterable[Source]) -> None:
        """New details for sources already shown (same text)."""
        for source in sources:
            column = self.columns.get(source.id)
            if column is not None:
                column.source = source
                column.header.set_source(source)
        self.mark_reference()  # names every source again

    def relayout(self) -> None:
        w = self.window
        sources = [s for s in self.document.sources if s.id in self.columns]  # (all, once a change is shown)
        for i, source in enumerate(sources):
            w.column_splitter.insertWidget(i, self.columns[source.id])
            self.columns[source.id].header.set_letter(letter(i))
        self.mark_reference()
        n = len(sources)
        w.column_splitter.setMinimumWidth(n * (MIN_COLUMN_WIDTH + 6))
        if n:
            w.column_splitter.setSizes([1000] * n)
        w.empty.setVisible(n == 0)
        w.scroll.setVisible(n > 0)

    def mark_reference(self) -> None:
        """The reference's star, and every source named again (told apart where two would read
        the same: ``core/names.py``) in the column headers and the reference box."""
        reference, box = self.document.reference, self.window.reference_box
        names = display_names(self.document.sources)
        for sid, column in self.columns.items():
            column.header.set_reference(sid == reference)
            column.header.set_name(names.get(sid, column.source.label))
        box.blockSignals(True)
        box.clear()
        for sid, name in lettered_names(self.document.sources).items():
            box.addItem(name, sid)
        box.setCurrentIndex(max(0, box.findData(reference)))
        box.setEnabled(bool(self.document.ids))
        box.blockSignals(False)

    def apply_font(self) -> None:
        for column in self.columns.values():
            font = column.view.font()
            font.setPointSize(self.window.font_size)
            column.view.setFont(font)
            column.view.document().setDefaultFont(font)

    # ------------------------------------------------------------------ highlights
    def paint_highlights(self) -> None:
        w = self.window
        show = {k: a.isChecked() for k, a in w.show_actions.items()} if hasattr(w, "show_actions") else {}
        calm = not w.act_detail.isChecked() if hasattr(w, "act_detail") else True
        for sid, column in self.columns.items():
            found = w.analysis.highlights.get(sid, []) if w.analysis else []
            keep = []
            for h in found:
                if h.meaning == "noise-change" and not (show.get("noise", True) and show.get("changes", True)):
                    continue
                if h.meaning in ("change", "conflict") and not show.get("changes", True):
                    continue
                if h.meaning not in ("change", "conflict", "noise-change") and not show.get("passages", True):
                    continue
                keep.append(h)
            column.show_highlights(keep, w.palette_, calm=calm)
        w.column_splitter.strong = QColor(w.palette_.outline)
        w.column_splitter.refresh()
        w.groups.set_palette(w.palette_, calm=calm)

    def show_analysis(self) -> None:
        """After a new analysis: the passage selected before, else the first group shown."""
        w = self.window
        c = w.analysis.comparison
        again = self._regroup()
        if again:
            self.select_group(again, scroll=False)
        elif self.selected is None and c.groups:
            # A first look should already show a comparison: the first quote, lined up.
            shown = w.groups.visible_group_ids()
            self.select_group(shown[0] if shown else c.groups[0].id)
        else:
            self.selected = None
            w.compare.clear()
            for column in self.columns.values():
                column.view.set_outlined([], QColor(w.palette_.outline))

    def _regroup(self) -> str | None:
        """The group that holds the passage selected before a re-analysis, if any still does."""
        if self._anchor is None or self.window.analysis is None:
            return None
        sid, span = self._anchor
        for g in self.window.analysis.comparison.groups:
            if any(m.source == sid and m.span.overlaps(span) for m in g.members):
                return g.id
        return None

    # ------------------------------------------------------------------ selection
    def clicked(self, source_id: str, offset: int) -> None:
        analysis = self.window.analysis
        if analysis is None:
            return
        gid = group_of_offset(analysis.comparison, source_id, offset, after=self.selected)
        if gid:
            self.select_group(gid, lead=source_id)  # (the clicked column stays where it is)
            return
        for u in analysis.comparison.unique:
            if u.source == source_id and u.span.start <= offset < u.span.end:
                self.select_unique(u, scroll=False)
                return
        pair = pairing_at(analysis.comparison, source_id, offset)
        if pair is not None:
            self.select_pairing(pair, lead=source_id)

    def select_pairing(self, pair: Related | Phrase, lead: str | None = None) -> None:
        """A "similar elsewhere" pair or a shared phrase: both sides outlined and lined up."""
        w = self.window
        if w.analysis is None:
            return
        self.selected = None
        self._anchor = None
        color = QColor(w.palette_.outline)
        span_a, span_b = pairing_spans(w.analysis.comparison, pair)
        sides = {pair.a: span_a, pair.b: span_b}
        placed = []
        for sid, column in self.columns.items():
            column.view.set_outlined([sides[sid]] if sid in sides else [], color)
            if sid in sides:
                placed.append((column.view, sides[sid].start))
        w.column_splitter.selected = None
        if placed:
            with w.sync.quiet():
                line_up(placed, self.columns[lead].view if lead in self.columns else None)
        w.column_splitter.refresh()
        w.compare.show_pairing(w.analysis.comparison, pair, w.palette_)

    def select_group(self, group_id: str, scroll: bool = True, lead: str | None = None) -> None:
        """Select a group: outline its passages everywhere and line the columns up on them — on
        the ``lead`` column's passage, which does not move, when the reader clicked in one."""
        w = self.window
        group = self._group(group_id)
        if group is None:
            return
        self.selected = group_id
        first = group.members[0]
        self._anchor = (first.source, first.span)
        color = QColor(w.palette_.outline)
        placed = []
        for sid, column in self.columns.items():
            spans = [m.span for m in group.members if m.source == sid]
            column.view.set_outlined(spans, color)
            if spans:
                placed.append((column.view, spans[0].start))
        w.column_splitter.selected = group_id
        self.apply_focus()
        if scroll and placed:
            lead_view = self.columns[lead].view if lead in self.columns else None
            with w.sync.quiet():
                line_up(placed, lead_view)
            if lead is not None:
                w.sync.lead = lead
        w.column_splitter.refresh()
        self.show_edges()
        w.compare.show_group(w.analysis.comparison, group, self.document.reference, w.palette_)
        w.groups.select_group(group_id)
        row = next(i for i, g in enumerate(w.analysis.comparison.groups) if g.id == group_id)
        current = w.coverage.currentIndex()
        if not current.isValid() or current.row() != row:
            w.coverage.setCurrentIndex(w.coverage_model.index(row, 0))
        w.coverage.scrollTo(w.coverage_model.index(row, 0))

    def select_unique(self, unique: Unique, scroll: bool = True) -> None:
        w = self.window
        if w.analysis is None:
            return
        self.selected = None
        self._anchor = None
        w.column_splitter.selected = None
        self.apply_focus()
        color = QColor(w.palette_.outline)
        for sid, column in self.columns.items():
            column.view.set_outlined([unique.span] if sid == unique.source else [], color)
        if scroll:
            self.columns[unique.source].view.scroll_to_offset(unique.span.start)  # (the others follow)
        w.column_splitter.refresh()
        w.compare.show_unique(w.analysis.comparison, unique)
        w.groups.select_unique(unique)

    def coverage_clicked(self, index: QModelIndex) -> None:
        w = self.window
        gid = index.data(GROUP_ID)
        if not gid:
            return
        self.select_group(gid)
        source = w.analysis.comparison.sources[index.column()] if w.analysis else None
        if source is not None and source.id in self.columns:
            w.scroll.ensureWidgetVisible(self.columns[source.id])

    def step_group(self, step: int) -> None:
        ids = self.window.groups.visible_group_ids()
        if not ids:
            return
        at = ids.index(self.selected) if self.selected in ids else (-1 if step > 0 else len(ids))
        self.select_group(ids[(at + step) % len(ids)])

    def step_difference(self, step: int) -> None:
        """Next group whose versions differ in substance (a changed word or a conflict)."""
        w = self.window
        if w.analysis is None:
            return
        ids = w.groups.visible_group_ids()
        by_id = {g.id: g for g in w.analysis.comparison.groups}
        reference = self.document.reference
        differing = [gid for gid in ids if by_id[gid].findings or changed_count(diffs_against(by_id[gid], reference))]
        if not differing:
            w.status.setText("No differences in the groups shown.")
            return
        at = ids.index(self.selected) if self.selected in ids else (-1 if step > 0 else len(ids))
        for k in range(1, len(ids) + 1):
            gid = ids[(at + step * k) % len(ids)]
            if gid in differing:
                self.select_group(gid)
                return

    # ------------------------------------------------------------------ reading across the columns
    def keep_aligned(self) -> None:
        """After a resize the text has reflowed: line the columns up again on the lead's passage."""
        w = self.window
        if w.analysis is None:
            return
        if self.selected and w.sync.lead in self.columns:
            group = self._group(self.selected)
            if group is not None:
                placed = [(c.view, min(m.span.start for m in group.members if m.source == sid))
                          for sid, c in self.columns.items() if any(m.source == sid for m in group.members)]
                with w.sync.quiet():
                    line_up(placed, self.columns[w.sync.lead].view)
        elif w.sync.enabled and w.sync.lead:
            w.sync.follow(w.sync.lead)
        w.column_splitter.refresh()
        self.show_edges()

    def choose(self, source_id: str, on: bool) -> None:
        """Keep a column in focus (or not): with any chosen, Focus shows just those."""
        (self.chosen.add if on else self.chosen.discard)(source_id)
        self.columns[source_id].header.in_focus = on
        if on and not self.window.act_focus.isChecked():
            self.window.act_focus.setChecked(True)  # (choosing a column is asking for focus)
        else:
            self.apply_focus()

    def apply_focus(self) -> None:
        """Focus: only the columns the reader chose to keep in focus, if any; else those that
        carry the selected group (all of them when none is)."""
        w = self.window
        group = self._group(self.selected) if w.act_focus.isChecked() else None
        carried = {m.source for m in group.members} if group is not None else None
        chosen = {sid for sid in self.chosen if sid in self.columns}
        if w.act_focus.isChecked() and chosen:
            carried = chosen
        for sid, column in self.columns.items():
            column.setVisible(carried is None or sid in carried)
        shown = sum(not c.isHidden() for c in self.columns.values())
        w.column_splitter.setMinimumWidth(shown * (MIN_COLUMN_WIDTH + ConnectorSplitter.HANDLE))
        w.column_splitter.refresh()

    def show_edges(self) -> None:
        """Markers at the edges of the columns' area for selected passages scrolled out of sight."""
        self.window.edges.show_for([c for c in self.columns.values() if c.view.outlined and not c.isHidden()])

    def explain(self, source_id: str, offset: int) -> str | None:
        analysis = self.window.analysis
        if analysis is None:
            return None
        c = analysis.comparison
        return explain(c, source_id, offset, self.document.reference, outlet_names(c))

    # ------------------------------------------------------------------ find
    def find(self, text: str, step: int) -> None:
        w = self.window
        fmt = char_format("find", w.palette_)
        total = 0
        needle = text.lower()
        sources = self.document.sources
        for source in sources:
            column = self.columns[source.id]
            hay = source.text.lower()
            spans = []
            at = hay.find(needle) if needle else -1
            while at >= 0:
                spans.append(Span(at, at + len(needle)))
                at = hay.find(needle, at + 1)
            total += len(spans)
            column.view.set_layer("find", [column.view.selection(s, fmt) for s in spans])
            if spans:
                cursor_at = column.view.textCursor().position()
                following = [s for s in spans if (s.start > cursor_at if step >= 0 else s.start < cursor_at)]
                target = (following[0] if step >= 0 else following[-1]) if following else spans[0 if step >= 0 else -1]
                if step != 0:
                    cur = column.view.textCursor()
                    cur.setPosition(target.start)
                    cur.setPosition(target.end, cur.MoveMode.KeepAnchor)
                    column.view.setTextCursor(cur)
                column.view.scroll_to_offset(target.start)
        w.find_bar.set_count(total, len([s for s in sources if needle and needle in s.text.lower()]))
