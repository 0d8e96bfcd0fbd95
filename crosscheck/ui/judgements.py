"""The user's judgements: flags and manual alignment corrections.

A small controller beside the window: it reads the window's columns, selection and analysis,
and changes the document's flags and corrections only through undoable commands; the window
redraws them when the document says they changed.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from crosscheck.core.flags import Anchor, Correction, Flag, Placed, anchor_at, edited, new_flag, new_id, now, place
from crosscheck.core.model import Span
from crosscheck.core.view import lettered_names, outlet_names
from crosscheck.core.view import letters as view_letters
from crosscheck.document import Document
from crosscheck.ui.columns import line_up
from crosscheck.ui.commands import EditJudgements
from crosscheck.ui.flags_panel import FlagDialog

if TYPE_CHECKING:
    from crosscheck.ui.main_window import MainWindow

_FINDING_CATEGORY = {"misquote": "misquote", "attribution_conflict": "attribution conflict",
                     "factual_conflict": "factual conflict"}


class Judgements:
    """Flags and corrections of ``document``, shown and edited in ``window``."""

    def __init__(self, window: MainWindow, document: Document) -> None:
        self.window, self.document = window, document
        self._link_mark: Anchor | None = None

    def _push(self, what: str, text: str, edit: Callable[[Document], object]) -> None:
        self.window.undo_stack.push(EditJudgements(self.document, what, text, edit))

    def _selected_group(self):
        w = self.window
        if w.analysis is None or not w.selected:
            return None
        return next(g for g in w.analysis.comparison.groups if g.id == w.selected)

    # ---- showing
    def placed_flags(self) -> dict[str, list[Placed]]:
        sources = self.document.sources
        return {f.id: [place(a, sources) for a in f.anchors] for f in self.document.flags}

    def refresh(self) -> None:
        w = self.window
        placed = self.placed_flags()
        letters = {s.id: chr(65 + i) if i < 26 else "?" for i, s in enumerate(self.document.sources)}
        if w.analysis is not None:
            letters = view_letters(w.analysis.comparison)
        w.flags_panel.set_flags(self.document.flags, placed, letters)
        for sid, column in w.columns.items():
            # (a dashed frame and a margin mark: a flag never covers the words it marks)
            spans = [p.span for places in placed.values() for p in places if p.source == sid and p.span]
            column.show_flags(spans, QColor(w.palette_.outline))
        w.groups.proxy.set_filter(flagged=self._flagged_groups(placed) if w.groups.flagged_only else None)

    def _flagged_groups(self, placed: dict[str, list[Placed]]) -> set[str]:
        """The groups a flag touches, from the flags as ``refresh`` just placed them (placing
        may search each article fuzzily: once a refresh)."""
        analysis = self.window.analysis
        if analysis is None:
            return set()
        spans = [(p.source, p.span) for places in placed.values() for p in places if p.span]
        return {g.id for g in analysis.comparison.groups
                if any(m.source == s and m.span.overlaps(sp) for m in g.members for s, sp in spans)}

    # ---- creating and editing
    def _selected_anchors(self) -> tuple[list[Anchor], str]:
        """The text selected in a column, else the selected group's passages.

        Other columns may keep an older selection: the column with the keyboard focus (where
        the reader selected last) is asked first, whatever its place among the columns."""
        columns = self.window.columns
        focus = QApplication.focusWidget()

        def focused(source) -> bool:
            view = columns[source.id].view
            return focus is not None and (focus is view or view.isAncestorOf(focus))

        sources = self.document.sources
        for source in sorted(sources, key=lambda s: not focused(s)):
            cursor = columns[source.id].view.textCursor()
            if cursor.hasSelection():
                span = Span(cursor.selectionStart(), cursor.selectionEnd())
                return [anchor_at(source, span)], ""
        group = self._selected_group()
        if group is not None:
            by_id = {s.id: s for s in sources}
            return [anchor_at(by_id[m.source], m.span) for m in group.members if m.source in by_id], group.label
        return [], ""

    def flag_selection(self) -> None:
        w = self.window
        anchors, label = self._selected_anchors()
        if not anchors:
            w.status.setText("Select text in a column, or a quote or claim in the list, to flag it.")
            return
        flag = new_flag(anchors, category="other", group_label=label)
        group = self._selected_group()
        if group is not None and group.findings:
            flag = edited(flag, category=_FINDING_CATEGORY.get(group.findings[0].kind, "other"))
        result = self._edit_dialog(flag)
        if result is not None:
            self._push("flags", "Add flag", lambda d: d.add_flags([result]))
            w.flags_dock.raise_()  # show where it went
            w.flags_panel.select(result.id)

    def _edit_dialog(self, flag: Flag) -> Flag | None:
        w = self.window
        sources = self.document.sources
        labels = lettered_names(sources)  # (two articles of one outlet are told apart here too)
        categories = [str(c) for c in (w.settings.value("flags/categories", []) or [])]
        dialog = FlagDialog(flag, labels, categories, w)
        focus = QApplication.focusWidget()
        accepted = dialog.exec()
        # Give the keyboard back to the window and the widget that had it: window shortcuts
        # (undo, next group) need the window active, and some platforms do not restore it.
        w.activateWindow()
        if hasattr(QApplication, "setActiveWindow"):  # deprecated, but offscreen needs it
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(w)
        if focus is not None:
            focus.setFocus()
        if not accepted:
            return None
        values = dialog.values()
        if not values["anchors"]:
            return None
        if values["category"] not in categories and values["category"] not in _FINDING_CATEGORY.values():
            w.settings.setValue("flags/categories", [*categories, values["category"]])
        return edited(flag, **values)

    def edit_flag(self, flag_id: str) -> None:
        flag = next((f for f in self.document.flags if f.id == flag_id), None)
        if flag is None:
            return
        result = self._edit_dialog(flag)
        if result is not None:
            self._push("flags", "Edit flag", lambda d: d.replace_flag(result))

    def delete_flag(self, flag_id: str) -> None:
        if any(f.id == flag_id for f in self.document.flags):
            self._push("flags", "Delete flag", lambda d: d.remove_flag(flag_id))

    def go_to_flag(self, flag_id: str) -> None:
        w = self.window
        places = self.placed_flags().get(flag_id, [])
        found = [(w.columns[p.source].view, p.span.start) for p in places if p.span and p.source in w.columns]
        if not found:
            w.status.setText("This flag's words are no longer in any open article (orphaned).")
            return
        line_up(found)
        color = QColor(w.palette_.outline)
        for sid, column in w.columns.items():
            column.view.set_outlined([p.span for p in places if p.source == sid and p.span], color)

    def _findings_as_flags(self, status: str) -> None:
        """Accept (or dismiss) the selected group's engine findings as flags, in one step."""
        w = self.window
        group = self._selected_group()
        if group is None:
            return
        if not group.findings:
            w.status.setText("This group has no findings to accept or dismiss.")
            return
        by_id = {s.id: s for s in self.document.sources}
        made = []
        names = outlet_names(w.analysis.comparison)
        for finding in group.findings:
            involved = set(finding.sources) or {m.source for m in group.members}
            anchors = [anchor_at(by_id[m.source], m.span) for m in group.members if m.source in involved]
            made.append(new_flag(anchors, category=_FINDING_CATEGORY.get(finding.kind, "other"),
                                 severity="high" if finding.severity >= 3 else "medium", status=status,
                                 note=finding.describe(names), group_label=group.label, finding=str(finding.kind)))
        verb = "Accept" if status == "open" else "Dismiss"
        self._push("flags", f"{verb} {len(made)} finding{'s' * (len(made) != 1)}", lambda d: d.add_flags(made))
        w.status.setText(f"{verb}ed {len(made)} finding{'s' * (len(made) != 1)} as flags.")

    def accept_findings(self) -> None:
        self._findings_as_flags("open")

    def dismiss_findings(self) -> None:
        self._findings_as_flags("dismissed")

    # ---- manual alignment
    def mark_for_linking(self) -> None:
        """First press marks a passage; the second, in another column, links the two."""
        w = self.window
        anchors, _ = self._selected_anchors()
        if len(anchors) != 1:
            w.status.setText("Select a passage's text in one column, then press Ctrl+K; then do the same in "
                             "another column to link them.")
            return
        if self._link_mark is None or self._link_mark.source == anchors[0].source:
            self._link_mark = anchors[0]
            w.status.setText("Marked. Now select the passage to link it with in another column and press Ctrl+K.")
            return
        pair = (self._link_mark, anchors[0])
        self._link_mark = None
        correction = Correction(new_id("c"), "link", pair, now())
        self._push("corrections", "Link passages", lambda d: d.add_correction(correction))

    def unlink_at(self, source_id: str, offset: int) -> None:
        w = self.window
        if w.analysis is None:
            return
        source = self.document.source(source_id)
        for g in w.analysis.comparison.groups:
            for m in g.members:
                if m.source == source_id and m.span.start <= offset < m.span.end:
                    correction = Correction(new_id("c"), "unlink", (anchor_at(source, m.span),), now())
                    self._push("corrections", "Unlink passage", lambda d, c=correction: d.add_correction(c))
                    return
        QMessageBox.information(w, "Nothing to unlink", "That passage is not in a group.")

    def column_menu(self, source_id: str, pos: QPoint) -> None:
        w = self.window
        column = w.columns[source_id]
        offset = column.view.cursorForPosition(pos).position()
        menu = QMenu(w)
        menu.addAction(w.act_flag)
        menu.addAction(w.act_link)
        in_group = w.analysis is not None and any(
            m.source == source_id and m.span.start <= offset < m.span.end
            for g in w.analysis.comparison.groups for m in g.members)
        unlink = menu.addAction("Remove this passage from its group")
        unlink.setEnabled(in_group)
        unlink.triggered.connect(lambda: self.unlink_at(source_id, offset))
        menu.exec(column.view.viewport().mapToGlobal(pos))
