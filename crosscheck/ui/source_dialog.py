"""Correcting what an article says about itself: its outlet, title, author and date — and
seeing, read-only, what was read, from where and when (its evidence, ``io/evidence.py``).

The header reader leaves unknown what the page does not state clearly, and sometimes reads it
wrong; the reader can put it right here. An edit replaces the ``Source`` (same id, same text),
so every span, flag and correction stays valid; it is one undoable step (``EditSources``, on the
document), kept in the project, and the window names every source again and re-runs the
analysis (which reads the outlet and author: a footer or an author's bio is recognised by them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crosscheck.core.model import Evidence, Source
from crosscheck.core.names import file_name
from crosscheck.core.view import lettered_names
from crosscheck.io.atomic import atomic_write_bytes
from crosscheck.io.plaintext import find_date
from crosscheck.ui.commands import EditSources

if TYPE_CHECKING:
    from crosscheck.ui.main_window import MainWindow

FIELDS = (("outlet", "Outlet"), ("title", "Title"), ("author", "Author"), ("published", "Date"))
# The evidence as shown, in the order a citation reads: where, when, what came back, what it was.
EVIDENCE = (("origin", "From"), ("final_url", "Final address"), ("read_at", "Read at"),
            ("http_status", "HTTP status"), ("content_type", "Content type"), ("sha256", "SHA-256"),
            ("size", "Size"))
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def tidy_date(text: str) -> str | None:
    """A date as the project keeps it: ``2023-05-16`` (a year, or a year and month, stay as
    they are); "16 May 2023" and "May 16, 2023" are read. ``None`` for empty; ``ValueError`` if
    it is not a date."""
    text = " ".join(text.split())
    if not text:
        return None
    if _ISO.fullmatch(text):
        return text
    found = find_date(text)
    if found and len(found[1].group()) >= len(text.strip(" ,.")) - 1:
        return found[0]
    raise ValueError(text)


class SourceDialog(QDialog):
    """The details of one article at a time; the chooser at the top moves to another, keeping
    what was typed for each until OK."""

    def __init__(self, sources: Sequence[Source], current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.sources = list(sources)
        self.typed: dict[str, dict[str, str]] = {}
        self.chooser = QComboBox()
        for sid, name in lettered_names(self.sources).items():
            self.chooser.addItem(name, sid)
        self.fields = {key: QLineEdit() for key, _ in FIELDS}
        for edit in self.fields.values():
            edit.setPlaceholderText("unknown")
            edit.textEdited.connect(self._check)
        self.fields["published"].setToolTip("As 2023-05-16, or 16 May 2023")
        self.origin = QLabel()
        self.origin.setStyleSheet("color: gray")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow("Article", self.chooser)
        for key, title in FIELDS:
            form.addRow(title, self.fields[key])
        form.addRow("", self.origin)
        self.evidence = {key: self._evidence_label() for key, _ in EVIDENCE}
        self.save_original = QPushButton("Save original…")
        self.save_original.setToolTip("Write the page's bytes exactly as they were fetched")
        self.save_original.clicked.connect(self._save_original)
        self.no_evidence = QLabel("Not recorded: the article comes from a project saved before Crosscheck kept it.")
        self.no_evidence.setWordWrap(True)
        evidence_form = QFormLayout()
        for key, title in EVIDENCE:
            evidence_form.addRow(title, self.evidence[key])
        evidence_form.addRow("", self.save_original)
        evidence_box = QGroupBox("What was read (cannot be changed)")
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.addWidget(self.no_evidence)
        evidence_layout.addLayout(evidence_form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Correct what the article says about itself; the text is not changed."))
        layout.addLayout(form)
        layout.addWidget(evidence_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(520, 0)
        self.shown: str | None = None
        self.chooser.currentIndexChanged.connect(self._show)
        at = self.chooser.findData(current) if current else -1
        self.chooser.setCurrentIndex(max(at, 0))
        self._show()

    @staticmethod
    def _evidence_label() -> QLabel:
        """Read-only, but selectable: a hash or an address is there to be copied into a citation."""
        label = QLabel()
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _show_evidence(self, s: Source) -> None:
        found: Evidence | None = s.evidence
        values = {key: getattr(found, key) if found else None for key, _ in EVIDENCE}
        if found:
            values["size"] = f"{found.size:,} bytes"
            values["read_at"] = found.read_at.replace("T", " ").replace("Z", " UTC")
        for key, label in self.evidence.items():
            value = values[key]
            label.setText("—" if value is None else str(value))
            label.setToolTip("" if value is None else str(value))
        self.no_evidence.setVisible(found is None)
        self.save_original.setVisible(s.original is not None)

    def _save_original(self) -> None:
        """The fetched bytes, exactly, written atomically (a failed save leaves no half-written file)."""
        s = self._source(self.shown) if self.shown else None
        if s is None or s.original is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save original", _original_name(s), "All files (*)")
        if not path:
            return
        try:
            atomic_write_bytes(path, s.original)
        except OSError as exc:
            QMessageBox.warning(self, "Save original", f"{path}: could not save ({exc.strerror or exc})")

    def _source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def _keep_typed(self) -> None:
        if self.shown is not None:
            self.typed[self.shown] = {key: edit.text() for key, edit in self.fields.items()}

    def _show(self, *_args: object) -> None:
        self._keep_typed()
        sid = self.chooser.currentData()
        if sid is None:
            return
        s = self._source(sid)
        typed = self.typed.get(sid) or {key: getattr(s, key) or "" for key, _ in FIELDS}
        for key, edit in self.fields.items():
            edit.setText(typed[key])
        self.origin.setText(f"From {s.url or file_name(s.path) or s.kind}")
        self.origin.setToolTip(s.url or s.path)
        self._show_evidence(s)
        self.shown = sid
        self._check()

    def _check(self, *_args: object) -> None:
        self._keep_typed()
        bad = []
        for sid, typed in self.typed.items():
            try:
                tidy_date(typed["published"])
            except ValueError:
                bad.append(self.chooser.itemText(self.chooser.findData(sid)))
        self.problem.setText(f"Not a date ({'; '.join(bad)}): write it as 2023-05-16 or 16 May 2023" if bad else "")
        self.problem.setVisible(bool(bad))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not bad)

    def edited(self) -> list[Source]:
        """The sources whose details were changed, as new ``Source`` values (same id and text)."""
        self._keep_typed()
        out = []
        for s in self.sources:
            typed = self.typed.get(s.id)
            if typed is None:
                continue
            values = {key: " ".join(typed[key].split()) or None for key, _ in FIELDS}
            values["published"] = tidy_date(typed["published"])
            if any(values[key] != getattr(s, key) for key in values):
                out.append(replace(s, **values))
        return out


def _original_name(s: Source) -> str:
    """A file name for a saved original: the page's own last name, marked as HTML if it is."""
    address = (s.evidence.final_url if s.evidence else None) or s.url or s.path
    name = re.sub(r"[^\w.-]+", "_", address.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]).strip("._")
    name = name or "original"
    is_html = s.evidence is not None and "html" in (s.evidence.content_type or "")
    return name + ".html" if is_html and not name.lower().endswith((".html", ".htm")) else name


def current_source(window: MainWindow) -> str | None:
    """The article the reader is in: the column holding the focus, else the reference."""
    widget = QApplication.focusWidget()
    for sid, column in window.columns.items():
        if widget is not None and (widget is column or column.isAncestorOf(widget)):
            return sid
    document = window.document
    return document.reference or (document.ids[0] if document.ids else None)


def edit_source(window: MainWindow, source_id: str | None = None) -> bool:
    """Open the details dialog (on ``source_id``, else the current article); an accepted edit
    is pushed on the window's undo stack. Whether anything changed."""
    document = window.document
    if not document.sources:
        return False
    dialog = SourceDialog(document.sources, source_id or current_source(window), window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    after = dialog.edited()
    if not after:
        return False
    ids = {s.id for s in after}
    before = [s for s in document.sources if s.id in ids]
    window.undo_stack.push(EditSources(document, before, after))
    return True
