"""Projects and articles in and out: opening articles (files, links, pasted or dropped text),
saving and opening projects, autosave and recovery, closing safely, exports and printing.

A small controller beside the window (a ``QObject`` child of it, so that a load still running
when the window goes reports to nobody). It changes the document — articles are added as one
undoable step — and the window redraws from the document's events. Saves go through
``crosscheck.io.project`` (atomic); the recovery file is written every minute while there are
unsaved changes and removed after a clean save or close, so one left behind means Crosscheck did
not close cleanly and its work can be restored. Copies the user declines to restore are moved to
``declined/`` beside them and pruned after 30 days.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from crosscheck.document import Document
from crosscheck.io.atomic import atomic_write_text
from crosscheck.io.export import render, with_flags
from crosscheck.io.formats import open_filter
from crosscheck.io.project import SUFFIX, Project, ProjectError
from crosscheck.io.project import load as load_project
from crosscheck.io.project import save as save_project
from crosscheck.resources import demo_articles
from crosscheck.ui.article_view import PASSAGE_MARK
from crosscheck.ui.commands import AddSources
from crosscheck.ui.workers import Loaded, Task, load_work, start

if TYPE_CHECKING:
    from crosscheck.ui.main_window import MainWindow

AUTOSAVE_MS = 60_000
DECLINED = "declined"  # recovery copies the user chose not to restore, kept a while in this subfolder
KEEP_DECLINED_DAYS = 30
MAX_RECENT = 10
_FILTER = open_filter()
_EXPORTS = {
    "HTML report (*.html)": "html", "Markdown report (*.md)": "md", "Flags as CSV (*.csv)": "csv",
    "Comparison as JSON (*.json)": "json",
}


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".crosscheck") / "recovery"


class Projects(QObject):
    """Files in and out for ``window``'s ``document``."""

    def __init__(self, window: MainWindow, document: Document, recovery_dir: Path | None) -> None:
        super().__init__(window)
        self.window, self.document = window, document
        self.recovery_dir = recovery_dir or default_recovery_dir()
        self.recovery_file = self.recovery_dir / f"{uuid.uuid4().hex}{SUFFIX}"
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    @property
    def settings(self):
        return self.window.settings

    # ---- opening articles
    def open_demo(self) -> None:
        self.open_sources([str(p) for p in demo_articles()])

    def open_sources(self, refs: list[str], pasted: str | None = None) -> None:
        """Load files and links in the background, then re-analyse with them added."""
        if not refs and pasted is None:
            return
        w = self.window
        task = Task(-1, load_work(refs, self.document.reserve_ids(len(refs) + (pasted is not None)), pasted))
        task.signals.finished.connect(self._on_loaded)
        task.signals.failed.connect(self._on_load_failed)
        task.signals.progressed.connect(self._on_load_progress)
        w.keep(task)
        w.show_progress(0.0, "loading")
        start(task)
        if refs:
            self.remember([r for r in refs if not r.startswith(str(Path(demo_articles()[0]).parent))])

    def _on_load_failed(self, _generation: int, message: str) -> None:
        self.window.problem("Could not open", message)

    def _on_load_progress(self, _generation: int, fraction: float, message: str) -> None:
        self.window.show_progress(fraction, message)

    def _on_loaded(self, _generation: int, loaded: Loaded) -> None:
        w = self.window
        if loaded.sources:  # one undoable step: Ctrl+Z closes exactly the articles just added
            w.undo_stack.push(AddSources(self.document, loaded.sources))
        else:
            w.update_title()
            w.hide_progress()
        if loaded.problems:
            w.problem("Some articles could not be opened", "\n".join(loaded.problems))

    def open_dialog(self) -> None:
        start_dir = str(self.settings.value("last_dir", ""))
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Open articles or a project", start_dir, _FILTER)
        if paths:
            self.settings.setValue("last_dir", str(Path(paths[0]).parent))
            self.open_any(paths)

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.window.problem("Nothing to paste", "The clipboard holds no text.")
        elif text.strip().startswith(("http://", "https://")) and len(text.split()) == 1:
            self.open_sources([text.strip()])
        else:
            self.open_sources([], pasted=text)

    def add_link(self) -> None:
        url, ok = QInputDialog.getText(self.window, "Add a link", "Web address of the article (http or https):")
        if ok and url.strip():
            self.open_sources([url.strip()])

    def dragged_from_here(self, event: QDropEvent) -> bool:
        """Text dragged out of this window's own columns or panels: never a new article."""
        source = event.source()  # (None for a drag from another application)
        ours = isinstance(source, QWidget) and source.window() is self.window
        return ours or bool(event.mimeData().property(PASSAGE_MARK))

    def drop(self, event: QDropEvent) -> None:
        data = event.mimeData()
        refs = [url.toLocalFile() if url.isLocalFile() else url.toString() for url in data.urls()]
        if refs:
            self.open_any(refs)
        elif data.hasText():
            text = data.text()
            url = QUrl(text.strip())
            if url.scheme() in ("http", "https") and len(text.split()) == 1:
                self.open_sources([text.strip()])
            else:
                self.open_sources([], pasted=text)

    def open_any(self, paths: list[str]) -> None:
        """Projects open as projects; everything else is an article."""
        projects = [p for p in paths if p.endswith(SUFFIX)]
        if projects:
            self.open_project(projects[0])
            if len(projects) > 1 or len(paths) > 1:
                self.window.status.setText("Opened the project; other files were not added (open them separately).")
            return
        self.open_sources(paths)

    # ---- recently opened
    def remember(self, refs: list[str]) -> None:
        recent = [r for r in (self.settings.value("recent", []) or []) if r not in refs]
        recent = (list(refs) + recent)[:MAX_RECENT]
        self.settings.setValue("recent", recent)
        self.fill_recent()

    def fill_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        recent = self.settings.value("recent", []) or []
        if isinstance(recent, str):
            recent = [recent]
        for ref in recent:
            a = menu.addAction(ref)
            a.triggered.connect(lambda _=False, r=ref: self.open_any([r]))
        menu.setEnabled(bool(recent))

    # ---- saving
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path(str(self.settings.value("last_dir", ""))) / f"comparison{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save project", start, f"Crosscheck project (*{SUFFIX})")
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            notes = save_project(self.document.project(), path)
        except ProjectError as exc:
            self.window.problem("Could not save", str(exc))
            return False
        self.document.mark_saved(path)
        self.drop_recovery()
        self.window.status.setText(f"Saved {path.name}." + "".join(f" Note: {n}." for n in notes))
        self.remember([str(path)])
        return True

    def autosave(self) -> None:
        """Keep a recovery copy while there are unsaved changes; never touches the user's file."""
        if not self.document.dirty or not self.document.sources:
            return
        try:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
            project = self.document.project()
            project.extra["recovery_of"] = str(self.document.path) if self.document.path else None
            save_project(project, self.recovery_file)
        except (OSError, ProjectError) as exc:
            self.window.status.setText(f"Autosave failed: {exc}")

    def drop_recovery(self) -> None:
        with contextlib.suppress(OSError):
            self.recovery_file.unlink(missing_ok=True)

    def closing(self) -> None:
        """The window closes cleanly: no recovery copy is left."""
        self.autosave_timer.stop()
        self.drop_recovery()

    def check_recovery(self) -> bool:
        """Offer to restore work left by a session that did not close cleanly."""
        if not self.recovery_dir.is_dir():
            return False
        self._prune_declined()
        files = sorted(self.recovery_dir.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
        files = [f for f in files if f != self.recovery_file]
        if not files:
            return False
        aside = self.recovery_dir / DECLINED
        answer = QMessageBox.question(
            self.window, "Recover unsaved work?",
            "Crosscheck did not close cleanly last time and kept a copy of unsaved work "
            f"({len(files)} session{'s' * (len(files) != 1)}). Restore the latest?\n\n"
            f"If not, the copies are moved to {aside} and kept there for {KEEP_DECLINED_DAYS} days "
            "(File ▸ Open opens them); you will not be asked about them again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            self._set_aside(files)
            return False
        try:
            project = load_project(files[0])
        except ProjectError as exc:
            self._set_aside(files)
            self.window.problem("Could not recover", f"{exc}\n\nThe copies were moved to {aside}.")
            return False
        origin = project.extra.pop("recovery_of", None)
        self._load(project, Path(origin) if origin else None)
        self.document.mark_dirty()
        with contextlib.suppress(OSError):  # now carried by this session's own recovery file
            files[0].unlink()
        self._set_aside(files[1:])  # older sessions: not restored, not lost
        self.autosave()
        return True

    def _set_aside(self, files: list[Path]) -> None:
        """Move recovery copies out of the way of the next start's question, dated today."""
        aside = self.recovery_dir / DECLINED
        for f in files:
            with contextlib.suppress(OSError):
                aside.mkdir(parents=True, exist_ok=True)
                moved = f.replace(aside / f.name)
                os.utime(moved)  # kept KEEP_DECLINED_DAYS from now, not from the last autosave

    def _prune_declined(self) -> None:
        cutoff = time.time() - KEEP_DECLINED_DAYS * 86400
        for f in (self.recovery_dir / DECLINED).glob(f"*{SUFFIX}"):
            with contextlib.suppress(OSError):
                if f.stat().st_mtime < cutoff:
                    f.unlink()

    # ---- opening projects, closing
    def open_project(self, path: str | Path) -> bool:
        if not self.may_discard():
            return False
        try:
            project = load_project(path)
        except ProjectError as exc:
            self.window.problem("Could not open the project", str(exc))
            return False
        self._load(project, Path(path))
        self.remember([str(path)])
        return True

    def _load(self, project: Project, path: Path | None) -> None:
        self.window.undo_stack.clear()
        self.document.load(project, path)

    def close_all(self, ask: bool = True) -> None:
        """A new, empty comparison: articles, flags, links and the project name all go."""
        if ask and not self.may_discard():
            return
        self.window.undo_stack.clear()
        self.document.clear()

    def may_discard(self) -> bool:
        """Ask before unsaved work would be lost; True when it is fine to go on."""
        if not self.document.unsaved_work:
            return True
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            "This comparison has unsaved changes (articles, flags or links). Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ---- exports
    def _nothing(self, title: str) -> bool:
        if self.window.analysis is None:
            self.window.problem(title, "Open two or more articles and let the analysis finish first.")
            return True
        return False

    def _report(self, fmt: str) -> str:
        analysis = self.window.analysis
        return render(with_flags(analysis.comparison, self.document.flags), fmt, self.document.reference)

    def export_report(self, path: str | None = None, fmt: str | None = None) -> bool:
        if self._nothing("Nothing to export"):
            return False
        if path is None:
            start = str(Path(str(self.settings.value("last_dir", ""))) / "crosscheck-report.html")
            path, chosen = QFileDialog.getSaveFileName(self.window, "Export", start, ";;".join(_EXPORTS))
            if not path:
                return False
            fmt = _EXPORTS.get(chosen, "html")
        fmt = fmt or Path(path).suffix.lstrip(".").replace("markdown", "md") or "html"
        text = self._report(fmt)
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self.window.problem("Could not export", f"{path}: {exc.strerror or exc}")
            return False
        self.window.status.setText(f"Exported {os.path.basename(path)}.")
        return True

    def report_document(self) -> QTextDocument:
        doc = QTextDocument()
        if self.window.analysis is not None:
            doc.setHtml(self._report("html"))
        return doc

    def export_pdf(self, path: str | None = None) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        if self._nothing("Nothing to export"):
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, "Export PDF", "crosscheck-report.pdf", "PDF (*.pdf)")
            if not path:
                return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.report_document().print_(printer)
        self.window.status.setText(f"Exported {os.path.basename(path)}.")
        return True

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self._nothing("Nothing to print"):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec():
            self.report_document().print_(printer)
