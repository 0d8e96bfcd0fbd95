"""The window's actions, menus and toolbar, from one table.

Each row of ``ACTIONS`` is one action: its text, keys, tip, what it calls (a method of the
window or of one of its controllers, ``"projects.save"``), its menu, its short toolbar text and
whether it is a remembered toggle. Rows come in menu order; ``TOOLBAR`` lays out the toolbar.
``build(window)`` makes the actions (``window.act_<name>``), the menus and the toolbar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

if TYPE_CHECKING:
    from crosscheck.ui.main_window import MainWindow

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class Act:
    name: str  # the window's attribute is act_<name>
    text: str
    slot: str = ""  # "method" of the window, or "controller.method"
    args: tuple = ()
    keys: tuple = ()  # key sequences: text ("Ctrl+L") or QKeySequence.StandardKey
    tip: str = ""
    menu: str = ""  # "&File"; a submenu as "&Go/&Reference"; "" for none
    sep: bool = False  # a separator before it in its menu
    icon: str = ""  # its short text on the toolbar
    checkable: bool = False  # toggled calls the slot (without the state)
    setting: str = ""  # checkable and remembered between sessions under this key
    default: bool = False  # checked at first
    kind: str = ""  # "undo", "redo", "recent" (the submenu), "dock" (a dock's own toggle, ``name`` the dock)


_CALM = ("Decorate every passage in the text (off: calm reading — only changed words, conflicts and quotes "
         "found nowhere else are marked in the words; shared passages are bars in the margin)")

ACTIONS: tuple[Act, ...] = (
    Act("close_all", "&New comparison", "projects.close_all", (True,), (Std.New,),
        "Close all articles, flags and links", "&File"),
    Act("open", "&Open…", "projects.open_dialog", (), (Std.Open,), "Open article files", "&File", icon="Open"),
    Act("paste", "&Paste as article", "projects.paste", (), ("Ctrl+Shift+V",),
        "Add the clipboard's text as a new article", "&File", icon="Paste"),
    Act("url", "Add &link…", "projects.add_link", (), ("Ctrl+L",), "Fetch an article from a web address", "&File",
        icon="Link"),
    Act("demo", "Open the &demo", "projects.open_demo", (), (), "Open the built-in demo articles", "&File",
        icon="Demo"),
    Act("recent", "Open &recent", menu="&File", kind="recent"),
    Act("save", "&Save project", "projects.save", (), (Std.Save,), menu="&File", sep=True, icon="Save"),
    Act("save_as", "Save project &as…", "projects.save_as", (), ("Ctrl+Shift+S",), menu="&File"),
    Act("export", "&Export report…", "projects.export_report", (), ("Ctrl+E",),
        "HTML or Markdown report, flags as CSV, or the comparison as JSON", "&File", icon="Export"),
    Act("pdf", "Export &PDF…", "projects.export_pdf", menu="&File"),
    Act("print", "&Print report…", "projects.print_report", (), (Std.Print,), menu="&File"),
    Act("quit", "&Quit", "close", (), (Std.Quit,), menu="&File", sep=True),
    Act("undo", "&Undo", keys=(Std.Undo,), menu="&Edit", kind="undo"),
    Act("redo", "&Redo", keys=(Std.Redo, "Ctrl+Shift+Z"), menu="&Edit", kind="redo"),
    Act("flag", "&Flag selection…", "judgements.flag_selection", (), ("Ctrl+D",),
        "Flag the selected text, or the selected quote or claim", "&Edit", sep=True, icon="⚑ Flag"),
    Act("accept", "&Accept findings as flags", "judgements.accept_findings", (), ("Ctrl+Shift+A",), menu="&Edit"),
    Act("dismiss", "&Dismiss findings", "judgements.dismiss_findings", (), ("Ctrl+Shift+X",), menu="&Edit"),
    Act("link", "&Link passages", "judgements.mark_for_linking", (), ("Ctrl+K",),
        "Select a passage and press Ctrl+K; then another in another column", "&Edit"),
    Act("details", "Article &details…", "edit_details", (), (),
        "Correct an article's outlet, title, author or date", "&Edit"),
    Act("find", "&Find in all columns", "show_find", (), (Std.Find,), menu="&View", icon="Find"),
    Act("zoom_in", "Zoom &in", "zoom", (1,), (Std.ZoomIn, "Ctrl+="), menu="&View"),
    Act("zoom_out", "Zoom &out", "zoom", (-1,), (Std.ZoomOut,), menu="&View"),
    Act("zoom_reset", "&Reset zoom", "zoom", (0,), ("Ctrl+0",), menu="&View"),
    Act("rerun", "Re-run &analysis", "analyze", (), ("F5",), menu="&View"),
    Act("dark", "&Dark theme", "toggle_dark", menu="&View", sep=True, checkable=True),
    Act("alignments", "&Alignments panel", "show_alignments", (), ("F9",),
        "Show or hide the list of quotes and claims (room for the columns)", "&View",
        setting="ui/alignments", default=True),
    Act("compare_dock", "Compare", menu="&View", kind="dock"),
    Act("coverage_dock", "Coverage", menu="&View", kind="dock"),
    Act("flags_dock", "Flags", menu="&View", kind="dock"),
    Act("next", "&Next group", "columns_.step_group", (1,), ("Alt+Down", "Ctrl+]"), menu="&Go", icon="Next ▶"),
    Act("prev", "&Previous group", "columns_.step_group", (-1,), ("Alt+Up", "Ctrl+["), menu="&Go", icon="◀ Prev"),
    Act("next_diff", "Next &difference", "columns_.step_difference", (1,), ("F8",),
        "Next group with changed words or a conflict", "&Go"),
    Act("prev_diff", "Previous d&ifference", "columns_.step_difference", (-1,), ("Shift+F8",), menu="&Go"),
    *(Act(f"ref{n}", f"Make column {n} the reference", "reference_by_position", (n - 1,), (f"Ctrl+{n}",),
          menu="&Go/&Reference") for n in range(1, 10)),
    Act("shortcuts", "&Keyboard shortcuts", "show_shortcuts", (), ("F1",), menu="&Help"),
    Act("about", "&About Crosscheck", "about", menu="&Help"),
    # not in a menu
    Act("cancel", "Cancel analysis", "cancel", (), ("Esc",)),
    Act("passages", "Passages", "columns_.paint_highlights", tip="Mark linked and single-source passages",
        checkable=True, default=True),
    Act("changes", "Changes", "columns_.paint_highlights", tip="Mark changed words against the reference",
        checkable=True, default=True),
    Act("noise", "Noise", "columns_.paint_highlights", tip="Also mark spelling, bracket and quote-mark changes",
        setting="ui/show_noise", default=True),
    Act("detail", "Detail", "columns_.paint_highlights", tip=_CALM, setting="ui/detail"),
    Act("sync", "Scroll together", "sync_toggled",
        tip="Scrolling one column scrolls the others to the matching passage", setting="ui/sync", default=True),
    Act("focus", "Focus", "columns_.apply_focus", tip="Show only the columns that carry the selected group",
        setting="ui/focus"),
)

# "|" a separator; "@name" the window's widgets of that name (``toolbar_widgets``)
TOOLBAR = ("open", "paste", "url", "demo", "|", "@reference", "|", "passages", "changes", "noise", "detail", "|",
           "sync", "focus", "|", "prev", "next", "find", "|", "flag", "save", "export")


def _slot(window: MainWindow, path: str):
    target = window
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _make(window: MainWindow, act: Act) -> QAction:
    if act.kind == "undo":
        action = window.undo_stack.createUndoAction(window, act.text)
    elif act.kind == "redo":
        action = window.undo_stack.createRedoAction(window, act.text)
    else:
        action = QAction(act.text, window)
    keys = [QKeySequence(k) for k in act.keys]
    if len(keys) == 1:
        action.setShortcut(keys[0])
    elif keys:
        action.setShortcuts(keys)
    if act.tip:
        action.setToolTip(act.tip)
        action.setStatusTip(act.tip)
    if act.icon:
        action.setIconText(act.icon)
    slot, args = (_slot(window, act.slot), act.args) if act.slot else (None, ())
    if act.checkable or act.setting:
        action.setCheckable(True)
        on = act.default
        if act.setting:
            on = str(window.settings.value(act.setting, "true" if act.default else "false")) == "true"
        action.setChecked(on)
        if act.setting:
            action.toggled.connect(lambda c, key=act.setting: window.settings.setValue(key, "true" if c else "false"))
        action.toggled.connect(lambda _c: slot(*args))
    elif slot is not None:
        action.triggered.connect(lambda _c=False: slot(*args))
    window.addAction(action)
    return action


def build(window: MainWindow, toolbar_widgets: dict[str, list[QWidget]]) -> QToolBar:
    """Every action of the table as ``window.act_<name>``, the menu bar and the toolbar (added)."""
    menus: dict[str, QMenu] = {}
    for act in ACTIONS:
        menu = None
        if act.menu:
            top, _, sub = act.menu.partition("/")
            if top not in menus:
                menus[top] = window.menuBar().addMenu(top)
            menu = menus[top]
            if sub:
                if act.menu not in menus:
                    menus[act.menu] = menu.addMenu(sub)
                menu = menus[act.menu]
            if act.sep:
                menu.addSeparator()
        if act.kind == "recent":
            window.recent_menu = menu.addMenu(act.text)
            continue
        if act.kind == "dock":
            menu.addAction(getattr(window, act.name).toggleViewAction())
            continue
        action = _make(window, act)
        setattr(window, f"act_{act.name}", action)
        if menu is not None:
            menu.addAction(action)
    bar = QToolBar("Main")
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    for item in TOOLBAR:
        if item == "|":
            bar.addSeparator()
        elif item.startswith("@"):
            for widget in toolbar_widgets[item[1:]]:
                bar.addWidget(widget)
        else:
            bar.addAction(getattr(window, f"act_{item}"))
    window.addToolBar(bar)
    return bar
