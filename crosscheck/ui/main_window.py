"""The main window: alignments on the left, one column per article, compare and coverage below.

The window owns the list of open sources and the latest analysis (plain data from the core),
starts loading and analysis as background tasks, and routes selections between its parts.
It computes nothing itself: highlights, coverage and diffs come from ``crosscheck.core.view``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crosscheck import __version__
from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.flags import Anchor, Correction, Flag
from crosscheck.core.model import Phrase, Related, Source, Span, Unique
from crosscheck.core.reading import ReadingMap, explain
from crosscheck.core.view import (
    changed_count,
    diffs_against,
    group_of_offset,
    letter,
    outlet_names,
    pairing_at,
    pairing_spans,
)
from crosscheck.io.formats import open_filter
from crosscheck.resources import demo_articles
from crosscheck.ui.article_view import ALIGN_AT, MIN_COLUMN_WIDTH, PASSAGE_MARK, ArticleColumn
from crosscheck.ui.commands import AddSources
from crosscheck.ui.compare_panel import ComparePanel
from crosscheck.ui.dialogs import ShortcutsDialog
from crosscheck.ui.find_bar import FindBar
from crosscheck.ui.flags_panel import FlagsPanel
from crosscheck.ui.group_panel import GroupPanel
from crosscheck.ui.highlight import PALETTES, Palette, char_format
from crosscheck.ui.judgements import JudgementsMixin
from crosscheck.ui.models import GROUP_ID, CoverageModel
from crosscheck.ui.project_actions import ProjectMixin
from crosscheck.ui.reading import ConnectorSplitter, EdgeMarkers, ScrollSync
from crosscheck.ui.source_dialog import edit_source, relabel
from crosscheck.ui.theme import apply_theme
from crosscheck.ui.workers import Analysis, Loaded, Task, analysis_work, load_work, start, view_work

_FILTER = open_filter()
MAX_RECENT = 10
DEFAULT_FONT = 10


class MainWindow(ProjectMixin, JudgementsMixin, QMainWindow):
    def __init__(self, settings: QSettings | None = None, recovery_dir: Path | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.flags: list[Flag] = []
        self.corrections: list[Correction] = []
        self.analysis_settings: Settings = DEFAULT
        self.undo_stack = QUndoStack(self)
        self._link_mark: Anchor | None = None
        self.sources: list[Source] = []
        self.columns: dict[str, ArticleColumn] = {}
        self.reference: str | None = None
        self.analysis: Analysis | None = None
        self.selected: str | None = None
        self._anchor: tuple[str, Span] | None = None  # the selected group, to find it again after re-analysis
        self.generation = 0
        self.task: Task | None = None
        self._tasks: set[Task] = set()  # running tasks, kept alive until they report
        self._next_id = 1
        self.font_size = int(self.settings.value("ui/font_size", DEFAULT_FONT))
        self.palette_name = str(self.settings.value("ui/theme", "light"))
        self.setAcceptDrops(True)
        self.setWindowTitle("Crosscheck")
        self._init_projects(recovery_dir)
        self._build()
        self._build_actions()
        self.apply_palette(self.palette_name)
        self._restore_state()
        self._update_title()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.groups = GroupPanel()
        self.groups.group_selected.connect(self.select_group)
        self.groups.unique_selected.connect(self.select_unique)
        self.column_splitter = ConnectorSplitter()
        self.sync = ScrollSync(self)
        self.sync.realign_requested.connect(self._keep_aligned)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.column_splitter)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.edges = EdgeMarkers(self.scroll)
        self.empty = self._empty_state()
        self.find_bar = FindBar()
        self.find_bar.searched.connect(self._find)
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
        self.coverage = QTableView()
        self.coverage.setModel(self.coverage_model)
        self.coverage.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.coverage.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.coverage.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.coverage.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.coverage.clicked.connect(self._coverage_clicked)
        self.coverage_dock = QDockWidget("Coverage", self)
        self.coverage_dock.setObjectName("coverageDock")
        self.coverage_dock.setWidget(self.coverage)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.coverage_dock)
        self.splitDockWidget(self.compare_dock, self.coverage_dock, Qt.Orientation.Horizontal)
        self.flags_panel = FlagsPanel()
        self.flags_panel.flag_activated.connect(self.go_to_flag)
        self.flags_panel.edit_requested.connect(self.edit_flag)
        self.flags_panel.delete_requested.connect(self.delete_flag)
        self.flags_dock = QDockWidget("Flags", self)
        self.flags_dock.setObjectName("flagsDock")
        self.flags_dock.setWidget(self.flags_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.flags_dock)
        self.tabifyDockWidget(self.coverage_dock, self.flags_dock)
        self.coverage_dock.raise_()
        self.groups.flagged_toggled.connect(lambda _on: self._refresh_flags())
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
        for label, slot in (("Open articles…", self._on_open), ("Open the demo", self.open_demo)):
            b = QPushButton(label)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return box

    def _action(self, text: str, slot, keys=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys is not None:
            if isinstance(keys, list):
                action.setShortcuts(keys)
            else:
                action.setShortcut(keys)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence
        self.act_open = self._action("&Open…", self._on_open, K.StandardKey.Open, "Open article files")
        self.act_paste = self._action("&Paste as article", self._on_paste, K("Ctrl+Shift+V"),
                                      "Add the clipboard's text as a new article")
        self.act_url = self._action("Add &link…", self._on_url, K("Ctrl+L"), "Fetch an article from a web address")
        self.act_demo = self._action("Open the &demo", self.open_demo, None, "Open the built-in demo articles")
        self.act_close_all = self._action("&New comparison", lambda: self.close_all(ask=True), K.StandardKey.New,
                                          "Close all articles, flags and links")
        self.act_save = self._action("&Save project", self.save, K.StandardKey.Save)
        self.act_save_as = self._action("Save project &as…", self.save_as, K("Ctrl+Shift+S"))
        self.act_export = self._action("&Export report…", lambda: self.export_report(), K("Ctrl+E"),
                                       "HTML or Markdown report, flags as CSV, or the comparison as JSON")
        self.act_pdf = self._action("Export &PDF…", lambda: self.export_pdf(), None)
        self.act_print = self._action("&Print report…", self.print_report, K.StandardKey.Print)
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(K.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([K.StandardKey.Redo, K("Ctrl+Shift+Z")])
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_flag = self._action("&Flag selection…", self.flag_selection, K("Ctrl+D"),
                                     "Flag the selected text, or the selected quote or claim")
        self.act_accept = self._action("&Accept findings as flags", self.accept_findings, K("Ctrl+Shift+A"))
        self.act_dismiss = self._action("&Dismiss findings", self.dismiss_findings, K("Ctrl+Shift+X"))
        self.act_link = self._action("&Link passages", self.mark_for_linking, K("Ctrl+K"),
                                     "Select a passage and press Ctrl+K; then another in another column")
        self.act_quit = self._action("&Quit", self.close, K.StandardKey.Quit)
        self.act_next = self._action("&Next group", lambda: self.step_group(1), [K("Alt+Down"), K("Ctrl+]")])
        self.act_prev = self._action("&Previous group", lambda: self.step_group(-1), [K("Alt+Up"), K("Ctrl+[")])
        self.act_next_diff = self._action("Next &difference", lambda: self.step_difference(1), K("F8"),
                                          "Next group with changed words or a conflict")
        self.act_prev_diff = self._action("Previous d&ifference", lambda: self.step_difference(-1), K("Shift+F8"))
        self.act_find = self._action("&Find in all columns", self.show_find, K.StandardKey.Find)
        self.act_find.setIconText("Find")
        self.act_cancel = self._action("Cancel analysis", self.cancel, K("Esc"))
        self.act_rerun = self._action("Re-run &analysis", self.analyze, K("F5"))
        self.act_zoom_in = self._action("Zoom &in", lambda: self.zoom(1), [K.StandardKey.ZoomIn, K("Ctrl+=")])
        self.act_zoom_out = self._action("Zoom &out", lambda: self.zoom(-1), K.StandardKey.ZoomOut)
        self.act_zoom_reset = self._action("&Reset zoom", lambda: self.zoom(0), K("Ctrl+0"))
        self.act_dark = self._action("&Dark theme", lambda on: self.apply_palette("dark" if on else "light"))
        self.act_dark.setCheckable(True)
        self.act_shortcuts = self._action("&Keyboard shortcuts", self.show_shortcuts, K("F1"))
        self.act_about = self._action("&About Crosscheck", self._about)
        self.ref_actions = [
            self._action(f"Make column {n} the reference", lambda _=False, n=n: self._reference_by_position(n - 1),
                         K(f"Ctrl+{n}"))
            for n in range(1, 10)
        ]

        menu = self.menuBar().addMenu("&File")
        for a in (self.act_close_all, self.act_open, self.act_paste, self.act_url, self.act_demo):
            menu.addAction(a)
        self.recent_menu = menu.addMenu("Open &recent")
        self._fill_recent()
        menu.addSeparator()
        for a in (self.act_save, self.act_save_as, self.act_export, self.act_pdf, self.act_print):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        menu = self.menuBar().addMenu("&Edit")
        for a in (self.act_undo, self.act_redo):
            menu.addAction(a)
        menu.addSeparator()
        for a in (self.act_flag, self.act_accept, self.act_dismiss, self.act_link):
            menu.addAction(a)
        menu.addAction(self._action("Article &details…", lambda: edit_source(self), None,
                                    "Correct an article's outlet, title, author or date"))
        menu = self.menuBar().addMenu("&View")
        for a in (self.act_find, self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, self.act_rerun):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_dark)
        self.act_alignments = self._toggle("&Alignments panel", "ui/alignments", True,
                                           lambda: self.groups.setVisible(self.act_alignments.isChecked()),
                                           "Show or hide the list of quotes and claims (room for the columns)")
        self.act_alignments.setShortcut(K("F9"))
        self.groups.setVisible(self.act_alignments.isChecked())
        menu.addAction(self.act_alignments)
        menu.addAction(self.compare_dock.toggleViewAction())
        menu.addAction(self.coverage_dock.toggleViewAction())
        menu.addAction(self.flags_dock.toggleViewAction())
        menu = self.menuBar().addMenu("&Go")
        for a in (self.act_next, self.act_prev, self.act_next_diff, self.act_prev_diff):
            menu.addAction(a)
        ref_menu = menu.addMenu("&Reference")
        for a in self.ref_actions:
            ref_menu.addAction(a)
        menu = self.menuBar().addMenu("&Help")
        menu.addAction(self.act_shortcuts)
        menu.addAction(self.act_about)

        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.act_open.setIconText("Open")
        self.act_paste.setIconText("Paste")
        self.act_url.setIconText("Link")
        self.act_demo.setIconText("Demo")
        for a in (self.act_open, self.act_paste, self.act_url, self.act_demo):
            bar.addAction(a)
        bar.addSeparator()
        bar.addWidget(QLabel(" Reference: "))
        self.reference_box = QComboBox()
        self.reference_box.setToolTip("The source the others are compared with (★); Ctrl+1…9 also sets it")
        self.reference_box.setMinimumContentsLength(14)
        self.reference_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reference_box.activated.connect(self._reference_chosen)
        bar.addWidget(self.reference_box)
        bar.addSeparator()
        self.show_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(False)
        for key, label, tip in (("passages", "Passages", "Mark linked and single-source passages"),
                                ("changes", "Changes", "Mark changed words against the reference"),
                                ("noise", "Noise", "Also mark spelling, bracket and quote-mark changes")):
            a = QAction(label, self)
            a.setCheckable(True)
            a.setChecked(key != "noise" or self.settings.value("ui/show_noise", "true") == "true")
            a.setToolTip(tip)
            a.toggled.connect(lambda _on: self._paint_highlights())
            group.addAction(a)
            bar.addAction(a)
            self.show_actions[key] = a
        self.act_detail = self._toggle("Detail", "ui/detail", False, self._paint_highlights,
                                       "Decorate every passage in the text (off: calm reading — only changed "
                                       "words, conflicts and quotes found nowhere else are marked in the words; "
                                       "shared passages are bars in the margin)")
        bar.addAction(self.act_detail)
        bar.addSeparator()
        self.act_sync = self._toggle("Scroll together", "ui/sync", True, self._sync_toggled,
                                     "Scrolling one column scrolls the others to the matching passage")
        self.act_focus = self._toggle("Focus", "ui/focus", False, self._apply_focus,
                                      "Show only the columns that carry the selected group")
        bar.addAction(self.act_sync)
        bar.addAction(self.act_focus)
        bar.addSeparator()
        self.act_prev.setIconText("◀ Prev")
        self.act_next.setIconText("Next ▶")
        bar.addAction(self.act_prev)
        bar.addAction(self.act_next)
        bar.addAction(self.act_find)
        bar.addSeparator()
        self.act_flag.setIconText("⚑ Flag")
        bar.addAction(self.act_flag)
        self.act_save.setIconText("Save")
        bar.addAction(self.act_save)
        self.act_export.setIconText("Export")
        bar.addAction(self.act_export)
        self.addToolBar(bar)

    def _toggle(self, text: str, key: str, default: bool, slot, tip: str) -> QAction:
        """A checkable action whose state is remembered between sessions."""
        action = QAction(text, self)
        action.setCheckable(True)
        action.setChecked(str(self.settings.value(key, "true" if default else "false")) == "true")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.toggled.connect(lambda on: self.settings.setValue(key, "true" if on else "false"))
        action.toggled.connect(lambda _on: slot())
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ reading across the columns
    def _sync_toggled(self) -> None:
        self.sync.enabled = self.act_sync.isChecked()
        if self.sync.enabled and self.sync.lead:
            self.sync.follow(self.sync.lead)

    def _keep_aligned(self) -> None:
        """After a resize the text has reflowed: line the columns up again on the lead's passage."""
        if self.analysis is None:
            return
        if self.selected and self.sync.lead in self.columns:
            group = next((g for g in self.analysis.comparison.groups if g.id == self.selected), None)
            if group is not None:
                placed = [(c.view, min(m.span.start for m in group.members if m.source == sid))
                          for sid, c in self.columns.items() if any(m.source == sid for m in group.members)]
                with self.sync.quiet():
                    self._line_up(placed, self.columns[self.sync.lead].view)
        elif self.sync.enabled and self.sync.lead:
            self.sync.follow(self.sync.lead)
        self.column_splitter.refresh()
        self._show_edges()

    def _apply_focus(self) -> None:
        """Focus: only the columns that carry the selected group (all of them when none is)."""
        group = None
        if self.act_focus.isChecked() and self.analysis is not None and self.selected:
            group = next((g for g in self.analysis.comparison.groups if g.id == self.selected), None)
        carried = {m.source for m in group.members} if group is not None else None
        for sid, column in self.columns.items():
            column.setVisible(carried is None or sid in carried)
        shown = sum(not c.isHidden() for c in self.columns.values())
        self.column_splitter.setMinimumWidth(shown * (MIN_COLUMN_WIDTH + ConnectorSplitter.HANDLE))
        self.column_splitter.refresh()

    def _show_edges(self) -> None:
        """Markers at the edges of the columns' area for selected passages scrolled out of sight."""
        self.edges.show_for([c for sid, c in self.columns.items() if c.view.outlined and not c.isHidden()])

    def _explain(self, source_id: str, offset: int) -> str | None:
        if self.analysis is None:
            return None
        c = self.analysis.comparison
        return explain(c, source_id, offset, self.reference, outlet_names(c))

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
        self.settings.setValue("ui/show_noise", "true" if self.show_actions["noise"].isChecked() else "false")
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self._may_discard():
            event.ignore()
            return
        self.cancel()
        self.autosave_timer.stop()
        self._drop_recovery()
        self.save_state()
        super().closeEvent(event)

    def _remember(self, refs: list[str]) -> None:
        recent = [r for r in (self.settings.value("recent", []) or []) if r not in refs]
        recent = (list(refs) + recent)[:MAX_RECENT]
        self.settings.setValue("recent", recent)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.value("recent", []) or []
        if isinstance(recent, str):
            recent = [recent]
        for ref in recent:
            a = self.recent_menu.addAction(ref)
            a.triggered.connect(lambda _=False, r=ref: self.open_any([r]))
        self.recent_menu.setEnabled(bool(recent))

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
        self._apply_font()
        self._paint_highlights()
        if self.selected:
            self.select_group(self.selected, scroll=False)

    def zoom(self, step: int) -> None:
        self.font_size = DEFAULT_FONT if step == 0 else max(7, min(28, self.font_size + step))
        self._apply_font()

    def _apply_font(self) -> None:
        for column in self.columns.values():
            font = column.view.font()
            font.setPointSize(self.font_size)
            column.view.setFont(font)
            column.view.document().setDefaultFont(font)

    # ------------------------------------------------------------------ opening
    def open_demo(self) -> None:
        self.open_sources([str(p) for p in demo_articles()])

    def open_sources(self, refs: list[str], pasted: str | None = None) -> None:
        """Load files and links in the background, then re-analyse with them added."""
        if not refs and pasted is None:
            return
        task = Task(-1, load_work(refs, self._next_id, pasted))
        self._next_id += len(refs) + (pasted is not None)
        task.signals.finished.connect(self._on_loaded)
        task.signals.failed.connect(self._on_load_failed)
        task.signals.progressed.connect(self._on_load_progress)
        self._keep(task)
        self._show_progress(0.0, "loading")
        start(task)
        if refs:
            self._remember([r for r in refs if not r.startswith(str(Path(demo_articles()[0]).parent))])

    def _keep(self, task: Task) -> None:
        # Bound methods only: Qt drops a connection to a window that is gone, not to a lambda.
        self._tasks.add(task)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(self._task_done)

    def _task_done(self, *_args: object) -> None:
        sender = self.sender()
        self._tasks = {t for t in self._tasks if t.signals is not sender}

    def _on_load_failed(self, _generation: int, message: str) -> None:
        self._problem("Could not open", message)

    def _on_load_progress(self, _generation: int, fraction: float, message: str) -> None:
        self._show_progress(fraction, message)

    def _on_loaded(self, _generation: int, loaded: Loaded) -> None:
        if loaded.sources:  # one undoable step: Ctrl+Z closes exactly the articles just added
            n = len(loaded.sources)
            self.undo_stack.push(AddSources(f"Add {n} article{'s' * (n != 1)}", loaded.sources,
                                            self._show_sources, self._close_sources))
        else:
            self._update_title()
            self._hide_progress()
        if loaded.problems:
            self._problem("Some articles could not be opened", "\n".join(loaded.problems))

    def _show_sources(self, sources: list[Source]) -> None:
        for source in sources:
            if source.id not in self.columns:
                self.sources.append(source)
                self._add_column(source)
        if self.reference is None and self.sources:
            self.reference = self.sources[0].id
        self._mark_reference()
        self._mark_dirty()
        self._update_title()
        self.analyze()

    def _close_sources(self, sources: list[Source]) -> None:
        for source in sources:
            self.close_source(source.id)

    def _on_open(self) -> None:
        start_dir = str(self.settings.value("last_dir", ""))
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles or a project", start_dir, _FILTER)
        if paths:
            self.settings.setValue("last_dir", str(Path(paths[0]).parent))
            self.open_any(paths)

    def _on_paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._problem("Nothing to paste", "The clipboard holds no text.")
        elif text.strip().startswith(("http://", "https://")) and len(text.split()) == 1:
            self.open_sources([text.strip()])
        else:
            self.open_sources([], pasted=text)

    def _on_url(self) -> None:
        url, ok = QInputDialog.getText(self, "Add a link", "Web address of the article (http or https):")
        if ok and url.strip():
            self.open_sources([url.strip()])

    def _dragged_from_here(self, event: QDropEvent) -> bool:
        """Text dragged out of this window's own columns or panels: never a new article."""
        source = event.source()  # (None for a drag from another application)
        ours = isinstance(source, QWidget) and source.window() is self
        return ours or bool(event.mimeData().property(PASSAGE_MARK))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dragged_from_here(event):
            event.ignore()
        elif event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._dragged_from_here(event):
            event.ignore()
            return
        data = event.mimeData()
        refs = []
        for url in data.urls():
            refs.append(url.toLocalFile() if url.isLocalFile() else url.toString())
        if refs:
            self.open_any(refs)
        elif data.hasText():
            text = data.text()
            url = QUrl(text.strip())
            if url.scheme() in ("http", "https") and len(text.split()) == 1:
                self.open_sources([text.strip()])
            else:
                self.open_sources([], pasted=text)
        event.acceptProposedAction()

    # ------------------------------------------------------------------ columns
    def _add_column(self, source: Source) -> None:
        column = ArticleColumn(source)
        column.header.reference_requested.connect(lambda sid=source.id: self.set_reference(sid))
        column.header.close_requested.connect(lambda sid=source.id: self.close_source(sid))
        column.header.move_requested.connect(lambda d, sid=source.id: self.move_source(sid, d))
        column.header.edit_requested.connect(lambda sid=source.id: edit_source(self, sid))
        column.view.offset_clicked.connect(lambda off, sid=source.id: self._clicked(sid, off))
        column.view.explain = lambda off, sid=source.id: self._explain(sid, off)
        column.view.verticalScrollBar().valueChanged.connect(self.column_splitter.refresh)
        self.sync.attach(source.id, column.view)
        column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        column.view.customContextMenuRequested.connect(lambda pos, sid=source.id: self.column_menu(sid, pos))
        self.columns[source.id] = column
        self.column_splitter.addWidget(column)
        self._apply_font()
        self._relayout()

    def _relayout(self) -> None:
        for i, source in enumerate(self.sources):
            self.column_splitter.insertWidget(i, self.columns[source.id])
            self.columns[source.id].header.set_letter(letter(i))
        self._mark_reference()
        n = len(self.sources)
        self.column_splitter.setMinimumWidth(n * (MIN_COLUMN_WIDTH + 6))
        if n:
            self.column_splitter.setSizes([1000] * n)
        self.empty.setVisible(n == 0)
        self.scroll.setVisible(n > 0)

    def close_source(self, source_id: str) -> None:
        column = self.columns.pop(source_id, None)
        if column is None:
            return
        self.sync.detach(source_id)
        self.sources = [s for s in self.sources if s.id != source_id]
        column.hide()
        column.deleteLater()
        if self.reference == source_id:
            self.reference = self.sources[0].id if self.sources else None
        self._mark_reference()
        self._relayout()
        self._mark_dirty()
        self._update_title()
        self._refresh_flags()  # flags on the closed article are now orphaned, never dropped
        if len(self.sources) >= 2:
            self.analyze()
        else:
            self.cancel()
            self._set_analysis(None)

    def close_all(self, ask: bool = True) -> None:
        """A new, empty comparison: articles, flags, links and the project name all go."""
        if ask and not self._may_discard():
            return
        for sid in list(self.columns):
            column = self.columns.pop(sid)
            column.hide()
            column.deleteLater()
        self.sources = []
        self.reference = None
        self.flags, self.corrections = [], []
        self.analysis_settings = DEFAULT
        self.undo_stack.clear()
        self.project_path = None
        self.cancel()
        self._set_analysis(None)
        self._relayout()
        self._refresh_flags()
        self._mark_clean()

    def move_source(self, source_id: str, delta: int) -> None:
        at = next(i for i, s in enumerate(self.sources) if s.id == source_id)
        to = max(0, min(len(self.sources) - 1, at + delta))
        if to == at:
            return
        self.sources.insert(to, self.sources.pop(at))
        self._relayout()
        self._mark_dirty()
        if self.analysis is not None:
            self.analyze()

    def set_reference(self, source_id: str) -> None:
        if source_id not in self.columns:
            return
        self.reference = source_id
        self._mark_reference()
        self._mark_dirty()
        if self.analysis is not None:
            self._run(view_work(self.analysis.comparison, source_id), "comparing with the new reference")

    def _reference_by_position(self, position: int) -> None:
        if 0 <= position < len(self.sources):
            self.set_reference(self.sources[position].id)

    def _mark_reference(self) -> None:
        for sid, column in self.columns.items():
            column.header.set_reference(sid == self.reference)
        self.reference_box.blockSignals(True)
        self.reference_box.clear()
        for i, source in enumerate(self.sources):
            self.reference_box.addItem(f"{letter(i)} · {source.label}", source.id)
        self.reference_box.setCurrentIndex(max(0, self.reference_box.findData(self.reference)))
        self.reference_box.setEnabled(bool(self.sources))
        self.reference_box.blockSignals(False)
        relabel(self)  # names told apart where two would read the same

    def _reference_chosen(self, index: int) -> None:
        sid = self.reference_box.itemData(index)
        if sid and sid != self.reference:
            self.set_reference(sid)

    def _update_title(self) -> None:
        n = len(self.sources)
        parts = ["Crosscheck"]
        if getattr(self, "project_path", None):
            parts.append(self.project_path.name + (" •" if self.dirty else ""))
        if n:
            parts.append(f"{n} article{'s' * (n != 1)}")
        self.setWindowTitle(" — ".join(parts))

    # ------------------------------------------------------------------ analysis
    def analyze(self) -> None:
        if len(self.sources) < 2:
            self._set_analysis(None)
            self.status.setText("Open at least one more article to compare.")
            self._hide_progress()
            return
        self._run(analysis_work(self.sources, self.reference, self.analysis_settings, self.corrections), "analysing")

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
        self._keep(task)
        self._show_progress(0.0, message)
        start(task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_progress(self, generation: int, fraction: float, message: str) -> None:
        if generation == self.generation:
            self._show_progress(fraction, message)

    def _show_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(100 * fraction))
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(message[:1].upper() + message[1:] + "…")

    def _hide_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_analysis(self, generation: int, analysis: Analysis) -> None:
        if generation != self.generation:
            return  # a newer run has started since; its result will come
        self.task = None
        self._hide_progress()
        if {s.id for s in analysis.comparison.sources} != {s.id for s in self.sources}:
            self.analyze()  # sources changed while it ran
            return
        self._set_analysis(analysis)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.task = None
            self._hide_progress()
            self._problem("Analysis failed", message)

    def _on_cancelled(self, generation: int) -> None:
        if generation == self.generation:
            self.task = None
            self._hide_progress()
            self.status.setText("Analysis cancelled. Add or close an article, or press F5, to run it again.")

    def _set_analysis(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        reading = ReadingMap(analysis.comparison) if analysis is not None else None
        self.sync.map = reading
        self.column_splitter.map = reading
        kinds = {g.id: g.kind for g in analysis.comparison.groups} if analysis is not None else {}
        self.column_splitter.colour = lambda gid: QColor(
            self.palette_.quote_line if kinds.get(gid) == "quote" else self.palette_.claim_line)
        self.groups.set_analysis(analysis)
        self.coverage_model.set_analysis(analysis)
        self._paint_highlights()
        self._refresh_flags()
        if analysis is None:
            self.compare.clear()
            self.selected = None
            return
        c = analysis.comparison
        quotes = sum(g.kind == "quote" for g in c.groups)
        conflicts = sum(bool(g.findings) for g in c.groups)
        self.status.setText(f"{len(c.sources)} articles · {quotes} linked quotes · {len(c.groups) - quotes} "
                            f"linked claims · {len(c.unique)} only in one source · {conflicts} with conflicts")
        again = self._regroup()
        if again:
            self.select_group(again, scroll=False)
        elif self.selected is None and c.groups:
            # A first look should already show a comparison: the first quote, lined up.
            shown = self.groups.visible_group_ids()
            self.select_group(shown[0] if shown else c.groups[0].id)
        else:
            self.selected = None
            self.compare.clear()
            for column in self.columns.values():
                column.view.set_outlined([], QColor(self.palette_.outline))

    def _regroup(self) -> str | None:
        """The group that holds the passage selected before a re-analysis, if any still does."""
        if self._anchor is None or self.analysis is None:
            return None
        sid, span = self._anchor
        for g in self.analysis.comparison.groups:
            if any(m.source == sid and m.span.overlaps(span) for m in g.members):
                return g.id
        return None

    def _paint_highlights(self) -> None:
        show = {k: a.isChecked() for k, a in self.show_actions.items()} if hasattr(self, "show_actions") else {}
        for sid, column in self.columns.items():
            found = self.analysis.highlights.get(sid, []) if self.analysis else []
            keep = []
            for h in found:
                if h.meaning == "noise-change" and not (show.get("noise", True) and show.get("changes", True)):
                    continue
                if h.meaning in ("change", "conflict") and not show.get("changes", True):
                    continue
                if h.meaning not in ("change", "conflict", "noise-change") and not show.get("passages", True):
                    continue
                keep.append(h)
            column.show_highlights(keep, self.palette_, calm=not self.act_detail.isChecked())
        self.column_splitter.strong = QColor(self.palette_.outline)
        self.column_splitter.refresh()
        self.groups.set_palette(self.palette_, calm=not self.act_detail.isChecked())

    # ------------------------------------------------------------------ selection
    def _clicked(self, source_id: str, offset: int) -> None:
        if self.analysis is None:
            return
        gid = group_of_offset(self.analysis.comparison, source_id, offset, after=self.selected)
        if gid:
            self.select_group(gid, lead=source_id)  # (the clicked column stays where it is)
            return
        for u in self.analysis.comparison.unique:
            if u.source == source_id and u.span.start <= offset < u.span.end:
                self.select_unique(u, scroll=False)
                return
        pair = pairing_at(self.analysis.comparison, source_id, offset)
        if pair is not None:
            self.select_pairing(pair, lead=source_id)

    def select_pairing(self, pair: Related | Phrase, lead: str | None = None) -> None:
        """A "similar elsewhere" pair or a shared phrase: both sides outlined and lined up."""
        if self.analysis is None:
            return
        self.selected = None
        self._anchor = None
        color = QColor(self.palette_.outline)
        span_a, span_b = pairing_spans(self.analysis.comparison, pair)
        sides = {pair.a: span_a, pair.b: span_b}
        placed = []
        for sid, column in self.columns.items():
            column.view.set_outlined([sides[sid]] if sid in sides else [], color)
            if sid in sides:
                placed.append((column.view, sides[sid].start))
        self.column_splitter.selected = None
        if placed:
            with self.sync.quiet():
                self._line_up(placed, self.columns[lead].view if lead in self.columns else None)
        self.column_splitter.refresh()
        self.compare.show_pairing(self.analysis.comparison, pair, self.palette_)

    def select_group(self, group_id: str, scroll: bool = True, lead: str | None = None) -> None:
        """Select a group: outline its passages everywhere and line the columns up on them — on
        the ``lead`` column's passage, which does not move, when the reader clicked in one."""
        if self.analysis is None:
            return
        group = next((g for g in self.analysis.comparison.groups if g.id == group_id), None)
        if group is None:
            return
        self.selected = group_id
        first = group.members[0]
        self._anchor = (first.source, first.span)
        color = QColor(self.palette_.outline)
        placed = []
        for sid, column in self.columns.items():
            spans = [m.span for m in group.members if m.source == sid]
            column.view.set_outlined(spans, color)
            if spans:
                placed.append((column.view, spans[0].start))
        self.column_splitter.selected = group_id
        self._apply_focus()
        if scroll and placed:
            lead_view = self.columns[lead].view if lead in self.columns else None
            with self.sync.quiet():
                self._line_up(placed, lead_view)
            if lead is not None:
                self.sync.lead = lead
        self.column_splitter.refresh()
        self._show_edges()
        self.compare.show_group(self.analysis.comparison, group, self.reference, self.palette_)
        self.groups.select_group(group_id)
        row = next(i for i, g in enumerate(self.analysis.comparison.groups) if g.id == group_id)
        current = self.coverage.currentIndex()
        if not current.isValid() or current.row() != row:
            self.coverage.setCurrentIndex(self.coverage_model.index(row, 0))
        self.coverage.scrollTo(self.coverage_model.index(row, 0))

    @staticmethod
    def _line_up(placed: list, lead=None) -> None:  # list of (ArticleTextView, offset)
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

    def select_unique(self, unique: Unique, scroll: bool = True) -> None:
        if self.analysis is None:
            return
        self.selected = None
        self._anchor = None
        self.column_splitter.selected = None
        self._apply_focus()
        color = QColor(self.palette_.outline)
        for sid, column in self.columns.items():
            column.view.set_outlined([unique.span] if sid == unique.source else [], color)
        if scroll:
            self.columns[unique.source].view.scroll_to_offset(unique.span.start)  # (the others follow)
        self.column_splitter.refresh()
        self.compare.show_unique(self.analysis.comparison, unique)
        self.groups.select_unique(unique)

    def _coverage_clicked(self, index: QModelIndex) -> None:
        gid = index.data(GROUP_ID)
        if not gid:
            return
        self.select_group(gid)
        source = self.analysis.comparison.sources[index.column()] if self.analysis else None
        if source is not None and source.id in self.columns:
            self.scroll.ensureWidgetVisible(self.columns[source.id])

    def step_group(self, step: int) -> None:
        ids = self.groups.visible_group_ids()
        if not ids:
            return
        at = ids.index(self.selected) if self.selected in ids else (-1 if step > 0 else len(ids))
        self.select_group(ids[(at + step) % len(ids)])

    def step_difference(self, step: int) -> None:
        """Next group whose versions differ in substance (a changed word or a conflict)."""
        if self.analysis is None:
            return
        ids = self.groups.visible_group_ids()
        by_id = {g.id: g for g in self.analysis.comparison.groups}
        differing = [
            gid for gid in ids if by_id[gid].findings or changed_count(diffs_against(by_id[gid], self.reference))
        ]
        if not differing:
            self.status.setText("No differences in the groups shown.")
            return
        order = ids
        at = order.index(self.selected) if self.selected in order else (-1 if step > 0 else len(order))
        for k in range(1, len(order) + 1):
            gid = order[(at + step * k) % len(order)]
            if gid in differing:
                self.select_group(gid)
                return

    # ------------------------------------------------------------------ find
    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.focus()

    def _find(self, text: str, step: int) -> None:
        fmt = char_format("find", self.palette_)
        total = 0
        needle = text.lower()
        for source in self.sources:
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
        self.find_bar.set_count(total, len([s for s in self.sources if needle and needle in s.text.lower()]))

    # ------------------------------------------------------------------ messages
    def _problem(self, title: str, text: str) -> None:
        self._hide_progress()
        self.status.setText(text.splitlines()[0] if text else title)
        QMessageBox.warning(self, title, text)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions(), self).exec()

    def _about(self) -> None:
        QMessageBox.about(self, "About Crosscheck",
                          f"<b>Crosscheck {__version__}</b><p>Compare how outlets report the same event: "
                          "quotes, speakers, claims and wording, side by side. Everything runs on this "
                          "computer; nothing you open leaves it.</p>")

    @property
    def busy(self) -> bool:
        """Whether loading or analysis is still running (tests and benchmarks wait on this)."""
        return bool(self._tasks)
