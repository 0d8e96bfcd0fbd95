"""The main window: alignments on the left, one column per article, compare and coverage below.

The window is layout and routing. The open story is ``self.document`` (``crosscheck.document``,
no Qt): the window subscribes to it and redraws what a change touches, and starts the analysis
again when the sources or corrections change. Small controllers do the rest: ``columns``
(``ui/columns.py``: the columns, highlights, selection, find), ``judgements`` (flags and links)
and ``projects`` (opening, saving, recovery, exports); the actions, menus and toolbar come from
the table in ``ui/actions.py``. Loading and analysis run as background tasks (``ui/workers.py``).
The window computes nothing itself: highlights, coverage and diffs come from ``crosscheck.core``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crosscheck import __version__
from crosscheck.core.flags import Correction, Flag
from crosscheck.core.model import Source
from crosscheck.document import Change, Document, Event
from crosscheck.ui import actions
from crosscheck.ui.article_view import ArticleColumn
from crosscheck.ui.collector import collect_on_gui_thread
from crosscheck.ui.columns import Columns
from crosscheck.ui.compare_panel import ComparePanel
from crosscheck.ui.coverage_view import CoverageView
from crosscheck.ui.dialogs import ShortcutsDialog
from crosscheck.ui.find_bar import FindBar
from crosscheck.ui.flags_panel import FlagsPanel
from crosscheck.ui.group_panel import GroupPanel
from crosscheck.ui.highlight import PALETTES, Palette
from crosscheck.ui.icon import app_icon
from crosscheck.ui.judgements import Judgements
from crosscheck.ui.models import CoverageModel
from crosscheck.ui.project_actions import Projects
from crosscheck.ui.reading import ConnectorSplitter, EdgeMarkers, ScrollSync
from crosscheck.ui.source_dialog import edit_source
from crosscheck.ui.theme import apply_theme
from crosscheck.ui.workers import Analysis, Task, analysis_work, start, view_work

DEFAULT_FONT = 10


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, recovery_dir: Path | None = None) -> None:
        super().__init__()
        collect_on_gui_thread()  # (never in a worker thread: see ui/collector.py)
        self.settings = settings or QSettings()
        self.document = Document()
        self.undo_stack = QUndoStack(self)
        self.analysis: Analysis | None = None
        self.generation = 0
        self.task: Task | None = None
        self._tasks: set[Task] = set()  # running tasks, kept alive until they report
        self.font_size = int(self.settings.value("ui/font_size", DEFAULT_FONT))
        self.palette_name = str(self.settings.value("ui/theme", "light"))
        self.columns_ = Columns(self, self.document)
        self.judgements = Judgements(self, self.document)
        self.projects = Projects(self, self.document, recovery_dir)
        self.setAcceptDrops(True)
        self.setWindowTitle("Crosscheck")
        self.setWindowIcon(app_icon())
        self._build()
        self.reference_box = QComboBox()
        self.reference_box.setToolTip("The source the others are compared with (★); Ctrl+1…9 also sets it")
        self.reference_box.setMinimumContentsLength(14)
        self.reference_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reference_box.activated.connect(self._reference_chosen)
        actions.build(self, {"reference": [QLabel(" Reference: "), self.reference_box]})
        self.show_actions = {k: getattr(self, f"act_{k}") for k in ("passages", "changes", "noise")}
        self.sync.enabled = self.act_sync.isChecked()  # (a saved "off" holds from the start)
        self.projects.fill_recent()
        self.show_alignments()
        self.apply_palette(self.palette_name)
        self._restore_state()
        self.document.subscribe(self._document_changed)
        self.update_title()

    # ------------------------------------------------------------------ the story, as the document holds it
    @property
    def sources(self) -> list[Source]:
        return self.document.sources

    @property
    def reference(self) -> str | None:
        return self.document.reference

    @property
    def flags(self) -> list[Flag]:
        return self.document.flags

    @property
    def corrections(self) -> list[Correction]:
        return self.document.corrections

    @property
    def dirty(self) -> bool:
        return self.document.dirty

    @property
    def columns(self) -> dict[str, ArticleColumn]:
        return self.columns_.columns

    @property
    def selected(self) -> str | None:
        return self.columns_.selected

    def _document_changed(self, event: Event) -> None:
        kind, enough = event.kind, len(self.document.ids) >= 2
        if kind in (Change.LOADED, Change.CLEARED):
            self.cancel()
            self.columns_.remove(list(self.columns))
            self._set_analysis(None)
            self.columns_.add(self.document.sources)
            self.judgements.refresh()
            if kind is Change.LOADED:
                self.analyze()
        elif kind is Change.ADDED:
            self.columns_.add(s for s in self.document.sources if s.id in event.ids)
            self.analyze()
        elif kind is Change.REMOVED:
            self.columns_.remove(event.ids)
            self.judgements.refresh()  # flags on a closed article are now orphaned, never dropped
            if enough:
                self.analyze()
            else:
                self.cancel()
                self._set_analysis(None)
        elif kind is Change.MOVED:
            self.columns_.relayout()
            if self.analysis is not None:
                self.analyze()
        elif kind is Change.EDITED:
            self.columns_.replace(s for s in self.document.sources if s.id in event.ids)
            if enough:
                self.analyze()  # coverage, findings and the compare panel name them from the new analysis
        elif kind is Change.REFERENCE:
            self.columns_.mark_reference()
            if self.analysis is not None:
                self._run(view_work(self.analysis.comparison, self.document.reference),
                          "comparing with the new reference")
        elif kind is Change.FLAGS:
            self.judgements.refresh()
        elif kind in (Change.CORRECTIONS, Change.SETTINGS) and enough:
            self.analyze()
        self.update_title()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.groups = GroupPanel()
        self.groups.group_selected.connect(self.select_group)
        self.groups.unique_selected.connect(self.columns_.select_unique)
        self.column_splitter = ConnectorSplitter()
        self.sync = ScrollSync(self)
        self.sync.realign_requested.connect(self.columns_.keep_aligned)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.column_splitter)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.edges = EdgeMarkers(self.scroll)
        self.empty = self._empty_state()
        self.find_bar = FindBar()
        self.find_bar.searched.connect(self.columns_.find)
        self.find_bar.hide()
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(0)
        rl.addWidget(self.find_bar)
        rl.addWidget(self.empty, 1)
        rl.addWidget(self.scroll, 1)
        self.scroll.hide()
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("mainSplit")
        self.main_split.addWidget(self.groups)
        self.main_split.addWidget(right)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([270, 1010])
        self.setCentralWidget(self.main_split)

        self.compare = ComparePanel()
        self.compare_dock = QDockWidget("Compare", self)
        self.compare_dock.setObjectName("compareDock")
        self.compare_dock.setWidget(self.compare)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
        self.coverage_model = CoverageModel(self)
        self.coverage = CoverageView()
        self.coverage.setModel(self.coverage_model)
        self.coverage.clicked.connect(self.columns_.coverage_clicked)
        self.coverage_dock = QDockWidget("Coverage", self)
        self.coverage_dock.setObjectName("coverageDock")
        self.coverage_dock.setWidget(self.coverage)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.coverage_dock)
        self.splitDockWidget(self.compare_dock, self.coverage_dock, Qt.Orientation.Horizontal)
        self.flags_panel = FlagsPanel()
        self.flags_panel.flag_activated.connect(self.judgements.go_to_flag)
        self.flags_panel.edit_requested.connect(self.judgements.edit_flag)
        self.flags_panel.delete_requested.connect(self.judgements.delete_flag)
        self.flags_dock = QDockWidget("Flags", self)
        self.flags_dock.setObjectName("flagsDock")
        self.flags_dock.setWidget(self.flags_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.flags_dock)
        self.tabifyDockWidget(self.coverage_dock, self.flags_dock)
        self.coverage_dock.raise_()
        self.groups.flagged_toggled.connect(lambda _on: self.judgements.refresh())
        self.resizeDocks([self.compare_dock, self.coverage_dock], [760, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.compare_dock], [190], Qt.Orientation.Vertical)

        self.status = QLabel("Open two or more articles to compare them.")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the analysis (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _empty_state(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        text = QLabel("<h2>Compare how outlets report the same event</h2>"
                      "<p>Open two or more articles (text, Markdown or saved web pages), drop them here, "
                      "paste an article with Ctrl+Shift+V, or add a link with Ctrl+L.</p>")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        for label, slot in (("Open articles…", self.projects.open_dialog), ("Open the demo", self.projects.open_demo)):
            b = QPushButton(label)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return box

    def toggle_dark(self) -> None:
        self.apply_palette("dark" if self.act_dark.isChecked() else "light")

    def show_alignments(self) -> None:
        self.groups.setVisible(self.act_alignments.isChecked())

    def sync_toggled(self) -> None:
        self.sync.enabled = self.act_sync.isChecked()
        if self.sync.enabled and self.sync.lead:
            self.sync.follow(self.sync.lead)

    # ------------------------------------------------------------------ routing
    def select_group(self, group_id: str, scroll: bool = True, lead: str | None = None) -> None:
        self.columns_.select_group(group_id, scroll, lead)

    def open_sources(self, refs: list[str], pasted: str | None = None) -> None:
        self.projects.open_sources(refs, pasted)

    def set_reference(self, source_id: str) -> None:
        self.document.set_reference(source_id)

    def reference_by_position(self, position: int) -> None:
        if 0 <= position < len(self.document.ids):
            self.document.set_reference(self.document.ids[position])

    def _reference_chosen(self, index: int) -> None:
        sid = self.reference_box.itemData(index)
        if sid and sid != self.document.reference:
            self.document.set_reference(sid)

    def close_source(self, source_id: str) -> None:
        self.document.remove_sources([source_id])

    def edit_details(self) -> None:
        edit_source(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.projects.dragged_from_here(event):
            event.ignore()
        elif event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        if self.projects.dragged_from_here(event):
            event.ignore()
            return
        self.projects.drop(event)
        event.acceptProposedAction()

    def update_title(self) -> None:
        n, path = len(self.document.ids), self.document.path
        parts = ["Crosscheck"]
        if path:
            parts.append(path.name + (" •" if self.document.dirty else ""))
        if n:
            parts.append(f"{n} article{'s' * (n != 1)}")
        self.setWindowTitle(" — ".join(parts))

    # ------------------------------------------------------------------ settings
    def _restore_state(self) -> None:
        geometry = self.settings.value("ui/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("ui/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = self.settings.value("ui/main_split")
        if isinstance(split, QByteArray):
            self.main_split.restoreState(split)

    def save_state(self) -> None:
        self.settings.setValue("ui/geometry", self.saveGeometry())
        self.settings.setValue("ui/state", self.saveState())
        self.settings.setValue("ui/main_split", self.main_split.saveState())
        self.settings.setValue("ui/font_size", self.font_size)
        self.settings.setValue("ui/theme", self.palette_name)
        self.settings.setValue("ui/show_noise", "true" if self.act_noise.isChecked() else "false")
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.projects.may_discard():
            event.ignore()
            return
        self.cancel()
        self.projects.closing()
        self.save_state()
        super().closeEvent(event)

    # ------------------------------------------------------------------ looks
    @property
    def palette_(self) -> Palette:
        return PALETTES[self.palette_name]

    def apply_palette(self, name: str) -> None:
        self.palette_name = name if name in PALETTES else "light"
        self.act_dark.blockSignals(True)
        self.act_dark.setChecked(self.palette_name == "dark")
        self.act_dark.blockSignals(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.palette_)
        self.groups.set_palette(self.palette_)
        self.columns_.apply_font()
        self.columns_.paint_highlights()
        if self.selected:
            self.select_group(self.selected, scroll=False)

    def zoom(self, step: int) -> None:
        self.font_size = DEFAULT_FONT if step == 0 else max(7, min(28, self.font_size + step))
        self.columns_.apply_font()

    # ------------------------------------------------------------------ analysis
    def analyze(self) -> None:
        d = self.document
        if len(d.ids) < 2:
            self._set_analysis(None)
            self.status.setText("Open at least one more article to compare.")
            self.hide_progress()
            return
        self._run(analysis_work(d.sources, d.reference, d.settings, d.corrections), "analysing")

    def _run(self, work, message: str) -> None:
        if self.task is not None:
            self.task.cancel()
        self.generation += 1
        task = Task(self.generation, work)
        task.signals.progressed.connect(self._on_progress)
        task.signals.finished.connect(self._on_analysis)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        self.task = task
        self.keep(task)
        self.show_progress(0.0, message)
        start(task)

    def keep(self, task: Task) -> None:
        # Bound methods only: Qt drops a connection to a window that is gone, not to a lambda.
        self._tasks.add(task)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(self._task_done)

    def _task_done(self, *_args: object) -> None:
        sender = self.sender()
        self._tasks = {t for t in self._tasks if t.signals is not sender}

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_progress(self, generation: int, fraction: float, message: str) -> None:
        if generation == self.generation:
            self.show_progress(fraction, message)

    def show_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(100 * fraction))
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(message[:1].upper() + message[1:] + "…")

    def hide_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_analysis(self, generation: int, analysis: Analysis) -> None:
        if generation != self.generation:
            return  # a newer run has started since; its result will come
        self.task = None
        self.hide_progress()
        if {s.id for s in analysis.comparison.sources} != set(self.document.ids):
            self.analyze()  # sources changed while it ran
            return
        self._set_analysis(analysis)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.task = None
            self.hide_progress()
            self.problem("Analysis failed", message)

    def _on_cancelled(self, generation: int) -> None:
        if generation == self.generation:
            self.task = None
            self.hide_progress()
            self.status.setText("Analysis cancelled. Add or close an article, or press F5, to run it again.")

    def _set_analysis(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        reading = analysis.reading if analysis is not None else None
        self.sync.map = reading
        self.column_splitter.map = reading
        kinds = {g.id: g.kind for g in analysis.comparison.groups} if analysis is not None else {}
        self.column_splitter.colour = lambda gid: QColor(
            self.palette_.quote_line if kinds.get(gid) == "quote" else self.palette_.claim_line)
        self.groups.set_analysis(analysis)
        self.coverage_model.set_analysis(analysis)
        self.columns_.paint_highlights()
        self.judgements.refresh()
        if analysis is None:
            self.compare.clear()
            self.columns_.selected = None
            return
        c = analysis.comparison
        quotes = sum(g.kind == "quote" for g in c.groups)
        conflicts = sum(bool(g.findings) for g in c.groups)
        self.status.setText(f"{len(c.sources)} articles · {quotes} linked quotes · {len(c.groups) - quotes} "
                            f"linked claims · {len(c.unique)} only in one source · {conflicts} with conflicts")
        self.columns_.show_analysis()

    # ------------------------------------------------------------------ messages
    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.focus()

    def problem(self, title: str, text: str) -> None:
        self.hide_progress()
        self.status.setText(text.splitlines()[0] if text else title)
        QMessageBox.warning(self, title, text)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions(), self).exec()

    def about(self) -> None:
        QMessageBox.about(self, "About Crosscheck",
                          f"<b>Crosscheck {__version__}</b><p>Compare how outlets report the same event: "
                          "quotes, speakers, claims and wording, side by side. Everything runs on this "
                          "computer; nothing you open leaves it.</p>")

    @property
    def busy(self) -> bool:
        """Whether loading or analysis is still running (tests and benchmarks wait on this)."""
        return bool(self._tasks)
