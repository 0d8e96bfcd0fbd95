"""The window's handling of the user's judgements: flags and manual alignment corrections.

A mixin of ``MainWindow``: it reads the window's sources, selection and analysis, and changes
the flag and correction lists only through undoable commands.
"""

from __future__ import annotations

import warnings

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from crosscheck.core.flags import Anchor, Correction, Flag, Placed, anchor_at, edited, new_flag, new_id, now, place
from crosscheck.core.model import Span
from crosscheck.core.view import letters as view_letters
from crosscheck.core.view import outlet_names
from crosscheck.ui.commands import SetList
from crosscheck.ui.flags_panel import FlagDialog

_FINDING_CATEGORY = {"misquote": "misquote", "attribution_conflict": "attribution conflict",
                     "factual_conflict": "factual conflict"}


class JudgementsMixin:
    """Flags and corrections for ``MainWindow`` (which provides the attributes used here)."""

    # ---- state changes (only through these two, from undo commands)
    def _apply_flags(self, flags: list[Flag]) -> None:
        self.flags = flags
        self._mark_dirty()
        self._refresh_flags()

    def _apply_corrections(self, corrections: list[Correction]) -> None:
        self.corrections = corrections
        self._mark_dirty()
        if len(self.sources) >= 2:
            self.analyze()

    def _push_flags(self, text: str, after: list[Flag]) -> None:
        self.undo_stack.push(SetList(text, self.flags, after, self._apply_flags))

    def _push_corrections(self, text: str, after: list[Correction]) -> None:
        self.undo_stack.push(SetList(text, self.corrections, after, self._apply_corrections))

    # ---- showing
    def placed_flags(self) -> dict[str, list[Placed]]:
        return {f.id: [place(a, self.sources) for a in f.anchors] for f in self.flags}

    def _refresh_flags(self) -> None:
        placed = self.placed_flags()
        letters = {s.id: chr(65 + i) if i < 26 else "?" for i, s in enumerate(self.sources)}
        if self.analysis is not None:
            letters = view_letters(self.analysis.comparison)
        self.flags_panel.set_flags(self.flags, placed, letters)
        for sid, column in self.columns.items():
            # (a dashed frame and a margin mark: a flag never covers the words it marks)
            spans = [p.span for places in placed.values() for p in places if p.source == sid and p.span]
            column.show_flags(spans, QColor(self.palette_.outline))
        self.groups.proxy.set_filter(flagged=self._flagged_groups() if self.groups.flagged_only else None)

    def _flagged_groups(self) -> set[str]:
        if self.analysis is None:
            return set()
        spans = [(p.source, p.span) for places in self.placed_flags().values() for p in places if p.span]
        return {g.id for g in self.analysis.comparison.groups
                if any(m.source == s and m.span.overlaps(sp) for m in g.members for s, sp in spans)}

    # ---- creating and editing
    def _selected_anchors(self) -> tuple[list[Anchor], str]:
        """The text selected in a column, else the selected group's passages.

        Other columns may keep an older selection: the column with the keyboard focus (where
        the reader selected last) is asked first, whatever its place among the columns."""
        focus = QApplication.focusWidget()

        def focused(source) -> bool:
            view = self.columns[source.id].view
            return focus is not None and (focus is view or view.isAncestorOf(focus))

        for source in sorted(self.sources, key=lambda s: not focused(s)):
            cursor = self.columns[source.id].view.textCursor()
            if cursor.hasSelection():
                span = Span(cursor.selectionStart(), cursor.selectionEnd())
                return [anchor_at(source, span)], ""
        if self.analysis is not None and self.selected:
            group = next(g for g in self.analysis.comparison.groups if g.id == self.selected)
            by_id = {s.id: s for s in self.sources}
            return [anchor_at(by_id[m.source], m.span) for m in group.members if m.source in by_id], group.label
        return [], ""

    def flag_selection(self) -> None:
        anchors, label = self._selected_anchors()
        if not anchors:
            self.status.setText("Select text in a column, or a quote or claim in the list, to flag it.")
            return
        flag = new_flag(anchors, category="other", group_label=label)
        if self.analysis is not None and self.selected:
            group = next(g for g in self.analysis.comparison.groups if g.id == self.selected)
            if group.findings:
                flag = edited(flag, category=_FINDING_CATEGORY.get(group.findings[0].kind, "other"))
        result = self._edit_dialog(flag)
        if result is not None:
            self._push_flags("Add flag", [*self.flags, result])
            self.flags_dock.raise_()  # show where it went
            self.flags_panel.select(result.id)

    def _edit_dialog(self, flag: Flag) -> Flag | None:
        labels = {s.id: s.label for s in self.sources}
        categories = [str(c) for c in (self.settings.value("flags/categories", []) or [])]
        dialog = FlagDialog(flag, labels, categories, self)
        focus = QApplication.focusWidget()
        accepted = dialog.exec()
        # Give the keyboard back to the window and the widget that had it: window shortcuts
        # (undo, next group) need the window active, and some platforms do not restore it.
        self.activateWindow()
        if hasattr(QApplication, "setActiveWindow"):  # deprecated, but offscreen needs it
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(self)
        if focus is not None:
            focus.setFocus()
        if not accepted:
            return None
        values = dialog.values()
        if not values["anchors"]:
            return None
        if values["category"] not in categories and values["category"] not in _FINDING_CATEGORY.values():
            self.settings.setValue("flags/categories", [*categories, values["category"]])
        return edited(flag, **values)

    def edit_flag(self, flag_id: str) -> None:
        flag = next((f for f in self.flags if f.id == flag_id), None)
        if flag is None:
            return
        result = self._edit_dialog(flag)
        if result is not None:
            self._push_flags("Edit flag", [result if f.id == flag_id else f for f in self.flags])

    def delete_flag(self, flag_id: str) -> None:
        if any(f.id == flag_id for f in self.flags):
            self._push_flags("Delete flag", [f for f in self.flags if f.id != flag_id])

    def go_to_flag(self, flag_id: str) -> None:
        places = self.placed_flags().get(flag_id, [])
        found = [(self.columns[p.source].view, p.span.start) for p in places if p.span and p.source in self.columns]
        if not found:
            self.status.setText("This flag's words are no longer in any open article (orphaned).")
            return
        self._line_up(found)
        color = QColor(self.palette_.outline)
        for sid, column in self.columns.items():
            column.view.set_outlined([p.span for p in places if p.source == sid and p.span], color)

    def _findings_as_flags(self, status: str) -> None:
        """Accept (or dismiss) the selected group's engine findings as flags, in one step."""
        if self.analysis is None or not self.selected:
            return
        group = next(g for g in self.analysis.comparison.groups if g.id == self.selected)
        if not group.findings:
            self.status.setText("This group has no findings to accept or dismiss.")
            return
        by_id = {s.id: s for s in self.sources}
        made = []
        names = outlet_names(self.analysis.comparison)
        for finding in group.findings:
            involved = set(finding.sources) or {m.source for m in group.members}
            anchors = [anchor_at(by_id[m.source], m.span) for m in group.members if m.source in involved]
            made.append(new_flag(anchors, category=_FINDING_CATEGORY.get(finding.kind, "other"),
                                 severity="high" if finding.severity >= 3 else "medium", status=status,
                                 note=finding.describe(names), group_label=group.label, finding=str(finding.kind)))
        verb = "Accept" if status == "open" else "Dismiss"
        self._push_flags(f"{verb} {len(made)} finding{'s' * (len(made) != 1)}", [*self.flags, *made])
        self.status.setText(f"{verb}ed {len(made)} finding{'s' * (len(made) != 1)} as flags.")

    def accept_findings(self) -> None:
        self._findings_as_flags("open")

    def dismiss_findings(self) -> None:
        self._findings_as_flags("dismissed")

    # ---- manual alignment
    def mark_for_linking(self) -> None:
        """First press marks a passage; the second, in another column, links the two."""
        anchors, _ = self._selected_anchors()
        if len(anchors) != 1:
            self.status.setText("Select a passage's text in one column, then press Ctrl+K; then do the same in "
                                "another column to link them.")
            return
        if self._link_mark is None or self._link_mark.source == anchors[0].source:
            self._link_mark = anchors[0]
            self.status.setText("Marked. Now select the passage to link it with in another column and press Ctrl+K.")
            return
        pair = (self._link_mark, anchors[0])
        self._link_mark = None
        self._push_corrections("Link passages", [*self.corrections, Correction(new_id("c"), "link", pair, now())])

    def unlink_at(self, source_id: str, offset: int) -> None:
        if self.analysis is None:
            return
        source = next(s for s in self.sources if s.id == source_id)
        for g in self.analysis.comparison.groups:
            for m in g.members:
                if m.source == source_id and m.span.start <= offset < m.span.end:
                    anchor = anchor_at(source, m.span)
                    self._push_corrections("Unlink passage",
                                           [*self.corrections, Correction(new_id("c"), "unlink", (anchor,), now())])
                    return
        QMessageBox.information(self, "Nothing to unlink", "That passage is not in a group.")

    def column_menu(self, source_id: str, pos: QPoint) -> None:
        column = self.columns[source_id]
        offset = column.view.cursorForPosition(pos).position()
        menu = QMenu(self)
        menu.addAction(self.act_flag)
        menu.addAction(self.act_link)
        in_group = self.analysis is not None and any(
            m.source == source_id and m.span.start <= offset < m.span.end
            for g in self.analysis.comparison.groups for m in g.members)
        unlink = menu.addAction("Remove this passage from its group")
        unlink.setEnabled(in_group)
        unlink.triggered.connect(lambda: self.unlink_at(source_id, offset))
        menu.exec(column.view.viewport().mapToGlobal(pos))
