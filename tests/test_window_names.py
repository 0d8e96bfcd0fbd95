"""Correcting an article's details in the window: the dialog, the names everywhere, undo, and the
project. Driven through the real widgets (fixtures in tests/gui.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from crosscheck.core.view import outlet_names
from crosscheck.io.project import load as load_project
from crosscheck.ui.main_window import MainWindow
from crosscheck.ui.source_dialog import SourceDialog, tidy_date
from tests.gui import wait_idle, when_dialog


def column(window: MainWindow, outlet: str):
    return next(c for c in window.columns.values() if c.source.outlet == outlet)


def fill_source_dialog(qtbot, values: dict[str, str], choose: str | None = None, accept: bool = True) -> list:
    """When the details dialog opens, type ``values`` into its fields (after choosing the article
    ``choose``, a source id) and press OK (or Cancel)."""

    def fill(dialog: SourceDialog) -> None:
        if choose:
            dialog.chooser.setCurrentIndex(dialog.chooser.findData(choose))
        for key, text in values.items():
            dialog.fields[key].clear()
            qtbot.keyClicks(dialog.fields[key], text)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append(ok.isEnabled())  # (after the dialog itself: whether OK could be pressed)
        button = ok if accept and ok.isEnabled() else dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    seen = when_dialog(SourceDialog, fill)
    return seen


def shown_names(window: MainWindow, sid: str) -> dict[str, str]:
    """How the window names one source: column header, reference box, coverage header."""
    at = [s.id for s in window.sources].index(sid)
    box = window.reference_box
    coverage = window.coverage_model.headerData(at, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    return {"header": window.columns[sid].header.display_name, "box": box.itemText(box.findData(sid)),
            "coverage": coverage}


def test_renaming_an_outlet_relabels_the_window_and_can_be_undone(qtbot, demo):
    col = column(demo, "Coastline Daily")
    sid = col.source.id
    before = shown_names(demo, sid)
    assert all("Coastline Daily" in text for text in before.values()), before
    seen = fill_source_dialog(qtbot, {"outlet": "Coastline Evening", "author": "P. Anand"})
    qtbot.mouseDClick(col.header, Qt.MouseButton.LeftButton)
    assert seen, "the details dialog did not open"
    assert seen[0].chooser.currentData() == sid  # opened on the article whose header was clicked
    source = next(s for s in demo.sources if s.id == sid)
    assert (source.outlet, source.author) == ("Coastline Evening", "P. Anand")
    assert source.text == col.view.toPlainText() and col.source is source
    assert "Coastline Evening" in col.header.name.text() and "P. Anand" in col.header.meta_text
    assert "Coastline Evening" in demo.reference_box.itemText(demo.reference_box.findData(sid))
    assert demo.dirty
    wait_idle(qtbot, demo)  # the analysis runs again (it reads outlets and authors)
    after = shown_names(demo, sid)
    assert all("Coastline Evening" in text and "Coastline Daily" not in text for text in after.values()), after
    letter = after["box"].split(" · ")[0]
    assert after["coverage"] == f"{letter} · Coastline Evening"
    assert outlet_names(demo.analysis.comparison)[sid] == f"{letter} · Coastline Evening"
    group = next(g for g in demo.analysis.comparison.groups if sid in {m.source for m in g.members})
    demo.select_group(group.id)
    assert "Coastline Evening" in demo.compare.body.toHtml()

    demo.undo_stack.undo()
    wait_idle(qtbot, demo)
    assert shown_names(demo, sid) == before
    assert next(s for s in demo.sources if s.id == sid).author == "Priya Anand"
    demo.undo_stack.redo()
    wait_idle(qtbot, demo)
    assert shown_names(demo, sid) == after


def test_two_columns_of_one_outlet_get_different_names(qtbot, demo):
    bayside = column(demo, "Bayside Bulletin").source.id
    coastline = column(demo, "Coastline Daily").source.id
    action = next(a for a in demo.findChildren(QAction) if a.text() == "Article &details…")
    seen = fill_source_dialog(qtbot, {"outlet": "Coastline Daily"}, choose=bayside)
    action.trigger()
    assert seen
    wait_idle(qtbot, demo)
    one, two = (demo.columns[sid].header.display_name for sid in (bayside, coastline))
    assert one != two and one.startswith("Coastline Daily (") and two.startswith("Coastline Daily (")
    names = {shown_names(demo, sid)["coverage"] for sid in (bayside, coastline)}
    assert len(names) == 2


def test_a_date_that_is_not_one_is_refused_and_cancel_changes_nothing(qtbot, demo):
    col = column(demo, "Northern Wire")
    before, steps = list(demo.sources), demo.undo_stack.count()  # (opening the articles is one step)
    seen = fill_source_dialog(qtbot, {"published": "next Tuesday"})
    col.header.edit_requested.emit()
    assert seen and seen[1] is False  # OK stays disabled
    assert demo.sources == before and demo.undo_stack.count() == steps
    assert tidy_date("16 May 2023") == "2023-05-16" and tidy_date(" ") is None and tidy_date("2023-05") == "2023-05"


def test_an_edit_survives_save_and_reopen(qtbot, demo, tmp_path, make_window):
    sid = column(demo, "Northern Wire").source.id
    fill_source_dialog(qtbot, {"outlet": "Northern Wire Service", "title": "Cracks halt island ferry",
                               "published": "4 March 2026"})
    demo.columns[sid].header.edit_requested.emit()
    wait_idle(qtbot, demo)
    path = tmp_path / "ferry.crosscheck"
    assert demo.projects.save_to(path)
    saved = next(s for s in load_project(path).sources if s.id == sid)
    assert (saved.outlet, saved.title, saved.published) == ("Northern Wire Service", "Cracks halt island ferry",
                                                            "2026-03-04")
    other = make_window("recovery2")
    assert other.projects.open_project(path)
    wait_idle(qtbot, other)
    names = shown_names(other, sid)
    assert all("Northern Wire Service" in text for text in names.values()), names
    assert "Cracks halt island ferry" in other.columns[sid].header.toolTip()
    assert not other.dirty
