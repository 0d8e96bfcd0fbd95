"""Bugs a user reported (issue 11), each driven through the window's real widgets."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from crosscheck.core.model import Span
from crosscheck.io.project import load as load_project
from crosscheck.ui.main_window import MainWindow
from tests.gui import wait_idle
from tests.test_window import click_row, group_index
from tests.test_window_flags import column, fill_flag_dialog, select_text


def mouse_select(qtbot, window: MainWindow, label: str, words: str) -> Span:
    """Select words in a column as a reader does: press before the first, drag past the last, release."""
    view = column(window, label).view
    at = view.toPlainText().index(words)
    view.scroll_to_offset(at)

    def point(offset: int):
        cursor = QTextCursor(view.document())
        cursor.setPosition(offset)
        return view.cursorRect(cursor).center()

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(at))
    qtbot.mouseMove(view.viewport(), pos=point(at + len(words)))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(at + len(words)))
    cursor = view.textCursor()
    assert cursor.selectedText() == words and view.hasFocus()
    return Span(at, at + len(words))


@pytest.mark.parametrize("first, second", [("Northern Wire", "The Averly Courier"),  # right, then left
                                           ("The Averly Courier", "Northern Wire")])  # left, then right
def test_ctrl_k_links_the_two_passages_selected_in_either_order(qtbot, demo, first, second):
    passages = {"Northern Wire": "A temporary timetable is due on Wednesday.",
                "The Averly Courier": "publish a temporary sailing schedule"}
    spans = []
    for label in (first, second):
        spans.append(mouse_select(qtbot, demo, label, passages[label]))
        qtbot.keyClick(column(demo, label).view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert [c.action for c in demo.corrections] == ["link"], demo.status.text()
    linked = demo.corrections[0].anchors
    assert [(a.source, a.text) for a in linked] == [(column(demo, label).source.id, passages[label])
                                                    for label in (first, second)]
    wait_idle(qtbot, demo)
    group = next(g for g in demo.analysis.comparison.groups
                 if any(m.text == passages["Northern Wire"] for m in g.members))
    assert column(demo, "The Averly Courier").source.id in {m.source for m in group.members}


def test_declining_recovery_sets_the_copy_aside_and_is_not_asked_again(qtbot, demo, tmp_path, make_window,
                                                                          monkeypatch):
    select_text(demo, "Bayside Bulletin", "fined in 2019")
    fill_flag_dialog(qtbot, "other", "worth keeping")
    demo.judgements.flag_selection()
    demo.projects.autosave()
    [copy] = (tmp_path / "recovery").glob("*.crosscheck")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    first = make_window("recovery")  # the next start, after a crash
    assert not first.projects.check_recovery()
    assert len(asked) == 1 and "declined" in asked[0] and "not be asked" in asked[0]
    assert not copy.exists()
    aside = tmp_path / "recovery" / "declined" / copy.name
    assert [f.note for f in load_project(aside).flags] == ["worth keeping"]  # not lost: File ▸ Open reads it
    second = make_window("recovery")  # and the start after that
    assert not second.projects.check_recovery()
    assert len(asked) == 1
    old = aside.stat().st_mtime - 31 * 86400  # a month later the set-aside copy is pruned
    os.utime(aside, (old, old))
    assert not make_window("recovery").projects.check_recovery() and not aside.exists()


def test_accepted_findings_name_outlets_as_the_reader_sees_them_never_ids(qtbot, demo):
    with_findings = [g for g in demo.analysis.comparison.groups if g.findings]
    assert len(with_findings) >= 2
    for group in with_findings:  # click each in the list, then Ctrl+Shift+A
        click_row(qtbot, demo, group_index(demo, group.label[:40]))
        assert demo.selected == group.id
        qtbot.keyClick(demo.groups.tree, Qt.Key.Key_A,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(demo.flags) == sum(len(g.findings) for g in with_findings)
    outlets = [f"{chr(65 + i)} · {s.label}" for i, s in enumerate(demo.sources)]  # as the column headers show them
    for flag in demo.flags:
        assert not re.search(r"\b[sg]\d+\b", flag.note), flag.note
        assert any(name in flag.note for name in outlets), flag.note
    shown = [demo.flags_panel.proxy.index(r, 5).data() for r in range(demo.flags_panel.proxy.rowCount())]
    assert sorted(shown) == sorted(f.note for f in demo.flags)  # and the panel shows the notes as made


def drag_and_drop(widget, data: QMimeData) -> bool:
    """What a drag over ``widget`` and a release there deliver; True when something took the drop.
    Sent to the widget under the pointer, so Qt hands them on to its parents as in a real drag
    (a real drag cannot run offscreen)."""
    at = QPoint(40, 60)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(at, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(at), actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_dragging_selected_text_within_the_window_adds_no_article(qtbot, demo):
    steps = demo.undo_stack.count()
    mouse_select(qtbot, demo, "The Averly Courier", "publish a temporary sailing schedule")
    dragged = column(demo, "The Averly Courier").view.createMimeDataFromSelection()  # what its drag carries
    for onto in ("Coastline Daily", "The Averly Courier"):  # another column, or the same one
        assert not drag_and_drop(column(demo, onto).view.viewport(), dragged)
    qtbot.wait(50)
    assert not demo.busy and len(demo.sources) == 4 and demo.undo_stack.count() == steps


def test_a_drop_from_another_application_adds_an_article_and_ctrl_z_takes_exactly_it_back(qtbot, demo, tmp_path):
    select_text(demo, "Bayside Bulletin", "fined in 2019")
    fill_flag_dialog(qtbot, "other", "an earlier step")
    demo.judgements.flag_selection()
    text = QMimeData()  # text dragged from a browser or an editor
    text.setText("Ferry halted again\n\nThe harbour authority said on Monday that the Selka ferry would stay "
                 "in port for a second week while engineers check the hull.")
    assert drag_and_drop(column(demo, "Coastline Daily").view.viewport(), text)
    wait_idle(qtbot, demo)
    assert [s.kind for s in demo.sources][-1] == "pasted" and len(demo.columns) == 5
    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, demo)
    assert len(demo.sources) == 4 and len(demo.columns) == 4 and "pasted" not in {s.kind for s in demo.sources}
    assert [f.note for f in demo.flags] == ["an earlier step"]  # the unrelated earlier step is untouched
    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, demo)
    assert len(demo.columns) == 5 and demo.analysis is not None and len(demo.analysis.comparison.sources) == 5

    article = tmp_path / "wire.txt"  # and a file dragged from the file manager
    article.write_text("Ferry back in service\n\nThe Selka ferry sailed again on Friday after the hull "
                       "inspection, the harbour authority said.", encoding="utf-8")
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(article))])
    assert drag_and_drop(demo.groups.tree.viewport(), files)
    wait_idle(qtbot, demo)
    assert len(demo.columns) == 6 and demo.sources[-1].path.endswith("wire.txt")
