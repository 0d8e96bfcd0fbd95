"""Flags, manual links, projects and exports, driven through the window's real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QListWidget, QMessageBox

from crosscheck.core.model import Span
from crosscheck.io.project import load as load_project
from crosscheck.ui.flags_panel import FlagDialog
from crosscheck.ui.main_window import MainWindow
from tests.gui import wait_idle, when_dialog


def column(window: MainWindow, label: str):
    return next(c for c in window.columns.values() if c.source.label == label)


def select_text(window: MainWindow, label: str, words: str) -> Span:
    col = column(window, label)
    at = col.source.text.index(words)
    cursor = QTextCursor(col.view.document())
    cursor.setPosition(at)
    cursor.setPosition(at + len(words), QTextCursor.MoveMode.KeepAnchor)
    col.view.setTextCursor(cursor)
    col.view.setFocus()
    return Span(at, at + len(words))


def fill_flag_dialog(qtbot, category: str, note: str, status: str | None = None, accept: bool = True) -> list:
    """When the flag dialog opens, fill it in as a person would and press OK (or Cancel)."""

    def fill(dialog: FlagDialog) -> None:
        dialog.category.setCurrentText(category)
        if status:
            dialog.status.setCurrentText(status)
        dialog.note.clear()
        qtbot.keyClicks(dialog.note, note)
        box = dialog.findChild(QDialogButtonBox)
        button = box.button(QDialogButtonBox.StandardButton.Ok if accept else QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    return when_dialog(FlagDialog, fill)


def test_flag_selected_text_with_ctrl_d_then_undo_and_redo(qtbot, demo):
    span = select_text(demo, "Bayside Bulletin", "Nobody will ever be left stranded")
    seen = fill_flag_dialog(qtbot, "misquote", "Adds 'ever'; the others do not")
    qtbot.keyClick(demo, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert seen, "the flag dialog did not open"
    # the passage is named as the columns name it: letter and outlet
    assert seen[0].findChild(QListWidget).item(0).text().startswith("B · Bayside Bulletin: ")
    assert len(demo.flags) == 1
    flag = demo.flags[0]
    assert flag.category == "misquote" and flag.note == "Adds 'ever'; the others do not"
    assert [(a.start, a.end) for a in flag.anchors] == [(span.start, span.end)]
    panel = demo.flags_panel
    assert panel.model.rowCount() == 1
    assert panel.proxy.index(0, 1).data() == "misquote" and panel.proxy.index(0, 4).data() == "B"
    view = column(demo, "Bayside Bulletin").view
    assert [(s.start, s.end) for s in view.flagged] == [(span.start, span.end)]  # framed, never covered
    assert "(unsaved)" not in demo.windowTitle() and demo.document.unsaved_work  # flags are work worth asking about

    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo.flags == [] and panel.model.rowCount() == 0
    assert column(demo, "Bayside Bulletin").view.flagged == []
    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(demo.flags) == 1 and demo.flags[0].id == flag.id


def test_cancelling_the_dialog_makes_no_flag(qtbot, demo):
    select_text(demo, "Coastline Daily", "2,400 passengers")
    seen = fill_flag_dialog(qtbot, "factual conflict", "x", accept=False)
    demo.judgements.flag_selection()
    assert seen and demo.flags == []


def test_flagging_a_group_takes_all_its_passages(qtbot, demo):
    gid = next(g.id for g in demo.analysis.comparison.groups if "Nobody" in g.label)
    demo.select_group(gid)
    for c in demo.columns.values():  # no text selection: the group is what is flagged
        cursor = c.view.textCursor()
        cursor.clearSelection()
        c.view.setTextCursor(cursor)
    fill_flag_dialog(qtbot, "attribution conflict", "Two speakers for one sentence")
    demo.judgements.flag_selection()
    flag = demo.flags[0]
    assert len(flag.anchors) == 3 and flag.group_label.startswith("Reyner")
    assert {a.source for a in flag.anchors} == {m.source for g in demo.analysis.comparison.groups
                                                if g.id == gid for m in g.members}


def test_accepting_and_dismissing_findings_in_one_keystroke(qtbot, demo):
    gid = next(g.id for g in demo.analysis.comparison.groups if "Nobody" in g.label)
    demo.select_group(gid)
    qtbot.keyClick(demo, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    kinds = sorted(f.finding for f in demo.flags)
    assert kinds == ["attribution_conflict", "misquote"]
    assert all(f.status == "open" for f in demo.flags)
    qtbot.keyClick(demo, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sum(f.status == "dismissed" for f in demo.flags) == 2
    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo takes back the batch
    assert len(demo.flags) == 2


def test_editing_from_the_flags_panel_and_deleting(qtbot, demo):
    select_text(demo, "Coastline Daily", "2,400 passengers")
    fill_flag_dialog(qtbot, "factual conflict", "Courier says 4,200")
    demo.judgements.flag_selection()
    panel = demo.flags_panel
    index = panel.proxy.index(0, 0)
    seen = fill_flag_dialog(qtbot, "factual conflict", "Checked with the operator: 4,200", status="confirmed")
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(index).center())
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert seen, "the edit dialog did not open"
    assert demo.flags[0].status == "confirmed" and demo.flags[0].note.startswith("Checked")
    assert panel.proxy.index(0, 3).data() == "confirmed"
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert demo.flags == []
    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo.flags[0].status == "confirmed"


def test_a_flag_whose_article_is_closed_is_orphaned_not_dropped(qtbot, demo):
    select_text(demo, "Northern Wire", "built in 1998")
    fill_flag_dialog(qtbot, "unsupported claim", "No other outlet has the build year")
    demo.judgements.flag_selection()
    northern = column(demo, "Northern Wire")
    demo.close_source(northern.source.id)
    wait_idle(qtbot, demo)
    assert len(demo.flags) == 1
    assert "orphaned" in demo.flags_panel.proxy.index(0, 3).data()
    assert "1 orphaned" in demo.flags_panel.count.text()


def test_manual_link_and_unlink_survive_reanalysis_and_undo(qtbot, demo):
    timetable = "A temporary timetable is due on Wednesday."
    target = next(g for g in demo.analysis.comparison.groups if "sailing schedule" in g.label)
    assert not any(m.text == timetable for m in target.members)
    select_text(demo, "Northern Wire", timetable)
    qtbot.keyClick(demo, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    select_text(demo, "The Averly Courier", "publish a temporary sailing schedule")
    qtbot.keyClick(demo, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, demo)
    assert len(demo.corrections) == 1
    linked = next(g for g in demo.analysis.comparison.groups if any(m.text == timetable for m in g.members))
    assert "linked or unlinked by hand" in linked.why
    assert not any(u.text == timetable for u in demo.analysis.comparison.unique)
    demo.set_reference(demo.sources[1].id)  # re-analysis of the view keeps it
    wait_idle(qtbot, demo)
    demo.analyze()
    wait_idle(qtbot, demo)
    assert any(any(m.text == timetable for m in g.members) for g in demo.analysis.comparison.groups)

    qtbot.keyClick(demo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, demo)
    assert demo.corrections == []
    assert any(u.text == timetable for u in demo.analysis.comparison.unique)

    bayside = column(demo, "Bayside Bulletin")
    offset = bayside.source.text.index("Nobody will ever")
    demo.judgements.unlink_at(bayside.source.id, offset)  # what "Remove this passage from its group" does
    wait_idle(qtbot, demo)
    group = next(g for g in demo.analysis.comparison.groups if "Nobody" in g.label)
    assert bayside.source.id not in {m.source for m in group.members}
    assert not any(f.kind == "attribution_conflict" for f in group.findings)


def test_save_and_open_a_project_round_trip(qtbot, demo, tmp_path, make_window):
    select_text(demo, "Coastline Daily", "2,400 passengers")
    fill_flag_dialog(qtbot, "factual conflict", "Courier says 4,200")
    demo.judgements.flag_selection()
    demo.set_reference(demo.sources[2].id)
    wait_idle(qtbot, demo)
    path = tmp_path / "ferry.crosscheck"
    assert demo.projects.save_to(path)
    assert not demo.dirty and demo.windowTitle() == "Crosscheck — ferry.crosscheck — 4 articles"
    saved = load_project(path)
    assert len(saved.sources) == 4 and saved.reference == demo.sources[2].id and len(saved.flags) == 1

    other = make_window("recovery2")
    assert other.projects.open_project(path)
    wait_idle(qtbot, other)
    assert [s.text for s in other.sources] == [s.text for s in demo.sources]
    assert other.reference == demo.sources[2].id and other.columns[other.reference].header.is_reference
    assert [f.note for f in other.flags] == ["Courier says 4,200"]
    assert other.flags_panel.model.rowCount() == 1 and not other.dirty


def test_a_corrupt_or_newer_project_is_refused_and_left_untouched(qtbot, window, tmp_path, messages):
    broken = tmp_path / "broken.crosscheck"
    broken.write_text('{"format": "crosscheck-project", "version": 2, "sources": [', encoding="utf-8")
    newer = tmp_path / "newer.crosscheck"
    newer.write_text('{"format": "crosscheck-project", "version": 99, "sources": []}', encoding="utf-8")
    before = broken.read_bytes(), newer.read_bytes()
    assert not window.projects.open_project(broken)
    assert not window.projects.open_project(newer)
    texts = [text for _kind, _title, text in messages]
    assert any("damaged or truncated" in t for t in texts) and any("newer Crosscheck" in t for t in texts)
    assert (broken.read_bytes(), newer.read_bytes()) == before
    assert window.sources == []


def test_autosave_and_recovery_after_a_crash(qtbot, demo, tmp_path, make_window, monkeypatch):
    select_text(demo, "Bayside Bulletin", "fined in 2019")
    fill_flag_dialog(qtbot, "unsupported claim", "Only Bayside has this; check court records")
    demo.judgements.flag_selection()
    demo.projects.autosave()
    recovery = list((tmp_path / "recovery").glob("*.crosscheck"))
    assert len(recovery) == 1  # the session's copy, while the work is unsaved
    # The process "crashes": no closeEvent, the recovery file stays. A new session offers it.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again = make_window("recovery")
    assert again.projects.check_recovery()
    wait_idle(qtbot, again)
    assert len(again.sources) == 4 and [f.note for f in again.flags] == ["Only Bayside has this; check court records"]
    assert again.dirty  # recovered work is still unsaved
    assert not recovery[0].exists()


def test_closing_with_unsaved_flags_asks_first(qtbot, demo, monkeypatch):
    select_text(demo, "Bayside Bulletin", "fined in 2019")
    fill_flag_dialog(qtbot, "other", "keep me")
    demo.judgements.flag_selection()
    assert demo.flags and demo.document.unsaved_work, (demo.flags, demo.dirty)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel)
    demo.close()
    assert asked == ["Unsaved changes"] and demo.isVisible()  # Cancel keeps the window open
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    demo.close()
    assert not demo.isVisible()


def test_exporting_reports_and_pdf(qtbot, demo, tmp_path):
    select_text(demo, "Coastline Daily", "2,400 passengers")
    fill_flag_dialog(qtbot, "factual conflict", "<script>alert(1)</script> check")
    demo.judgements.flag_selection()
    html_path, pdf_path, csv_path = tmp_path / "r.html", tmp_path / "r.pdf", tmp_path / "flags.csv"
    assert demo.projects.export_report(str(html_path), "html")
    html = html_path.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "Coverage" in html and "Flags (1)" in html
    assert demo.projects.export_report(str(csv_path), "csv")
    assert "factual conflict" in csv_path.read_text(encoding="utf-8")
    assert demo.projects.export_pdf(str(pdf_path))
    assert pdf_path.read_bytes()[:4] == b"%PDF" and pdf_path.stat().st_size > 5000
    assert Path(html_path).exists()
