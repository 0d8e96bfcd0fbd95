"""The window's project handling: save, open, autosave and recovery, closing safely, exports.

A mixin of ``MainWindow``. Saves go through ``crosscheck.io.project`` (atomic); the recovery
file is written every minute while there are unsaved changes and removed after a clean save or
close, so one left behind means Crosscheck did not close cleanly and its work can be restored.
Copies the user declines to restore are moved to ``declined/`` beside them and pruned after 30 days.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crosscheck.io.atomic import atomic_write_text
from crosscheck.io.export import render, with_flags
from crosscheck.io.project import SUFFIX, Project, ProjectError
from crosscheck.io.project import load as load_project
from crosscheck.io.project import save as save_project

AUTOSAVE_MS = 60_000
DECLINED = "declined"  # recovery copies the user chose not to restore, kept a while in this subfolder
KEEP_DECLINED_DAYS = 30
_EXPORTS = {
    "HTML report (*.html)": "html", "Markdown report (*.md)": "md", "Flags as CSV (*.csv)": "csv",
    "Comparison as JSON (*.json)": "json",
}


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".crosscheck") / "recovery"


class ProjectMixin:
    """Projects for ``MainWindow`` (which provides the attributes used here)."""

    def _init_projects(self, recovery_dir: Path | None) -> None:
        self.project_path: Path | None = None
        self.dirty = False
        self.recovery_dir = recovery_dir or default_recovery_dir()
        self.recovery_file = self.recovery_dir / f"{uuid.uuid4().hex}{SUFFIX}"
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # ---- state
    def project(self) -> Project:
        extra = {"ui": {"order": [s.id for s in self.sources]}}
        return Project(sources=list(self.sources), settings=self.analysis_settings, reference=self.reference,
                       flags=list(self.flags), corrections=list(self.corrections), extra=extra)

    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self._update_title()

    def _mark_clean(self) -> None:
        self.dirty = False
        self._update_title()

    # ---- saving
    def save(self) -> bool:
        if self.project_path is None:
            return self.save_as()
        return self._save_to(self.project_path)

    def save_as(self) -> bool:
        start = str(self.project_path or Path(str(self.settings.value("last_dir", ""))) / f"comparison{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save project", start, f"Crosscheck project (*{SUFFIX})")
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            save_project(self.project(), path)
        except ProjectError as exc:
            self._problem("Could not save", str(exc))
            return False
        self.project_path = path
        self._mark_clean()
        self._drop_recovery()
        self.status.setText(f"Saved {path.name}.")
        self._remember([str(path)])
        return True

    def autosave(self) -> None:
        """Keep a recovery copy while there are unsaved changes; never touches the user's file."""
        if not self.dirty or not self.sources:
            return
        try:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
            project = self.project()
            project.extra["recovery_of"] = str(self.project_path) if self.project_path else None
            save_project(project, self.recovery_file)
        except (OSError, ProjectError) as exc:
            self.status.setText(f"Autosave failed: {exc}")

    def _drop_recovery(self) -> None:
        with contextlib.suppress(OSError):
            self.recovery_file.unlink(missing_ok=True)

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
            self, "Recover unsaved work?",
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
            self._problem("Could not recover", f"{exc}\n\nThe copies were moved to {aside}.")
            return False
        origin = project.extra.pop("recovery_of", None)
        self._load_project(project, Path(origin) if origin else None)
        self._mark_dirty()
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

    # ---- opening
    def open_project(self, path: str | Path) -> bool:
        if not self._may_discard():
            return False
        try:
            project = load_project(path)
        except ProjectError as exc:
            self._problem("Could not open the project", str(exc))
            return False
        self._load_project(project, Path(path))
        self._mark_clean()
        self._remember([str(path)])
        return True

    def _load_project(self, project: Project, path: Path | None) -> None:
        self.close_all(ask=False)
        self.analysis_settings = project.settings
        self.flags = list(project.flags)
        self.corrections = list(project.corrections)
        self.undo_stack.clear()
        order = project.extra.get("ui", {}).get("order") if isinstance(project.extra.get("ui"), dict) else None
        sources = list(project.sources)
        if isinstance(order, list):
            sources.sort(key=lambda s: order.index(s.id) if s.id in order else len(order))
        numbers = [int(s.id[1:]) for s in sources if s.id[1:].isdigit()]
        self._next_id = max(numbers, default=0) + 1
        for source in sources:
            self.sources.append(source)
            self._add_column(source)
        self.reference = project.reference
        self._mark_reference()
        self.project_path = path
        self._update_title()
        self._refresh_flags()
        self.analyze()

    @property
    def unsaved_work(self) -> bool:
        """Changes worth asking about: flags, links, or a saved project changed since."""
        return self.dirty and bool(self.sources) and bool(self.flags or self.corrections or self.project_path)

    def _may_discard(self) -> bool:
        """Ask before unsaved work would be lost; True when it is fine to go on."""
        if not self.unsaved_work:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes",
            "This comparison has unsaved changes (articles, flags or links). Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ---- exports
    def export_report(self, path: str | None = None, fmt: str | None = None) -> bool:
        if self.analysis is None:
            self._problem("Nothing to export", "Open two or more articles and let the analysis finish first.")
            return False
        if path is None:
            start = str(Path(str(self.settings.value("last_dir", ""))) / "crosscheck-report.html")
            path, chosen = QFileDialog.getSaveFileName(self, "Export", start, ";;".join(_EXPORTS))
            if not path:
                return False
            fmt = _EXPORTS.get(chosen, "html")
        fmt = fmt or Path(path).suffix.lstrip(".").replace("markdown", "md") or "html"
        text = render(with_flags(self.analysis.comparison, self.flags), fmt, self.reference)
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self._problem("Could not export", f"{path}: {exc.strerror or exc}")
            return False
        self.status.setText(f"Exported {os.path.basename(path)}.")
        return True

    def report_document(self) -> QTextDocument:
        doc = QTextDocument()
        if self.analysis is not None:
            doc.setHtml(render(with_flags(self.analysis.comparison, self.flags), "html", self.reference))
        return doc

    def export_pdf(self, path: str | None = None) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        if self.analysis is None:
            self._problem("Nothing to export", "Open two or more articles and let the analysis finish first.")
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Export PDF", "crosscheck-report.pdf", "PDF (*.pdf)")
            if not path:
                return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.report_document().print_(printer)
        self.status.setText(f"Exported {os.path.basename(path)}.")
        return True

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.analysis is None:
            self._problem("Nothing to print", "Open two or more articles and let the analysis finish first.")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            self.report_document().print_(printer)

    def open_any(self, paths: list[str]) -> None:
        """Projects open as projects; everything else is an article."""
        projects = [p for p in paths if p.endswith(SUFFIX)]
        if projects:
            self.open_project(projects[0])
            if len(projects) > 1 or len(paths) > 1:
                self.status.setText("Opened the project; other files were not added (open them separately).")
            return
        self.open_sources(paths)

