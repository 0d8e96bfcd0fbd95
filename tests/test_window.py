"""The window, driven through its real widgets: open, click, filter, switch reference, cancel.

Fixtures (window, demo, messages, wait_idle) live in tests/gui.py.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from crosscheck.ui import workers
from crosscheck.ui.article_view import ArticleColumn
from crosscheck.ui.main_window import MainWindow
from crosscheck.ui.models import GROUP_ID
from tests.gui import wait_idle


def group_index(window: MainWindow, label_part: str):
    tree = window.groups.tree
    proxy = tree.model()
    for r in range(proxy.rowCount()):
        cat = proxy.index(r, 0)
        for c in range(proxy.rowCount(cat)):
            index = proxy.index(c, 0, cat)
            if label_part in index.data():
                return index
    raise AssertionError(f"no row with {label_part!r}")


def fragments(browser) -> list[tuple[str, object]]:
    """(text, char format) runs of a rich-text widget's document: what is drawn, and how."""
    out = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            out.append((frag.text(), frag.charFormat()))
            it += 1
        block = block.next()
    return out


def click_row(qtbot, window: MainWindow, index) -> None:
    tree = window.groups.tree
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_demo_opens_one_column_per_article_with_headers(demo, demo_paths):
    columns = demo.findChildren(ArticleColumn)
    assert len(columns) == len(demo_paths) == 4
    assert demo.windowTitle() == "Crosscheck — 4 articles"
    by_label = {c.source.label: c for c in columns}
    assert {"The Averly Courier", "Coastline Daily", "Northern Wire", "Bayside Bulletin"} <= set(by_label)
    coastline = by_label["Coastline Daily"].header
    assert "Coastline Daily" in coastline.name.text()
    # (the line is elided to the column's width; the whole of it is the header's meta text)
    assert "Priya Anand" in coastline.meta_text and "2026-03-03" in coastline.meta.text()
    assert "words" in coastline.meta.text()
    for c in columns:  # the shown text is the source text, unchanged
        assert c.view.toPlainText() == c.source.text
    # exactly one reference, the first column
    assert [c.header.is_reference for c in columns].count(True) == 1
    assert "Shared quote" in demo.groups.legend.toPlainText()
    assert "linked quotes" in demo.status.text()


def test_clicking_a_group_lines_up_the_columns_and_fills_the_compare_panel(qtbot, demo):
    index = group_index(demo, "Nobody will")
    click_row(qtbot, demo, index)
    gid = index.data(GROUP_ID)
    assert demo.selected == gid
    group = next(g for g in demo.analysis.comparison.groups if g.id == gid)
    tops = []
    for sid, column in demo.columns.items():
        spans = [m.span for m in group.members if m.source == sid]
        assert column.view.outlined == spans  # members outlined, others not
        if spans:
            top = column.view.offset_top(spans[0].start)
            assert 0 <= top < column.view.viewport().height()  # scrolled into view
            tops.append(top)
    assert len(tops) == 3 and max(tops) - min(tops) <= 30  # at the same height in every column
    text = demo.compare.body.toPlainText()
    assert "Attribution conflict" in text and "Possible misquote" in text
    inserted = [t for t, f in fragments(demo.compare.body) if f.fontUnderline() and f.fontWeight() >= 600]
    assert any("ever" in t for t in inserted)  # the inserted word is underlined and bold
    assert "Not reported by: D · Northern Wire" in text
    assert "Linked because" in demo.compare.title.text()


def test_clicking_a_highlighted_passage_selects_its_group(qtbot, demo):
    coastline = next(c for c in demo.columns.values() if c.source.label == "Coastline Daily")
    at = coastline.source.text.index("safety is our only priority")
    coastline.view.scroll_to_offset(at)
    cursor = QTextCursor(coastline.view.document())
    cursor.setPosition(at + 3)
    point = coastline.view.cursorRect(cursor).center()
    qtbot.mouseClick(coastline.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert demo.selected is not None
    group = next(g for g in demo.analysis.comparison.groups if g.id == demo.selected)
    assert group.kind == "quote" and "timetable" in group.label
    assert demo.groups.tree.currentIndex().data(GROUP_ID) == demo.selected


def test_clicking_a_shared_phrase_shows_both_sources_side_by_side(qtbot, demo):
    # The demo's refund: two outlets share "ticket holders can claim a refund" in sentences that
    # say different things. A click shows the other side and compares the words.
    averly = next(c for c in demo.columns.values() if c.source.label == "The Averly Courier")
    at = averly.source.text.index("Ticket holders can claim")
    averly.view.scroll_to_offset(at)
    cursor = QTextCursor(averly.view.document())
    cursor.setPosition(at + 3)
    point = averly.view.cursorRect(cursor).center()
    qtbot.mouseClick(averly.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert demo.selected is None
    assert "Shared phrase" in demo.compare.title.text()
    body = demo.compare.body.toPlainText()
    assert "Coastline Daily" in body and "claim a refund online" in body


def test_filtering_the_list(qtbot, demo):
    proxy = demo.groups.tree.model()

    def rows() -> list[str]:
        out = []
        for r in range(proxy.rowCount()):
            cat = proxy.index(r, 0)
            out += [proxy.index(c, 0, cat).data() for c in range(proxy.rowCount(cat))]
        return out

    everything = rows()
    demo.groups.kind_boxes["claim"].click()
    demo.groups.kind_boxes["unique"].click()
    only_quotes = rows()
    assert len(only_quotes) == 2 and all(r.startswith(("Voss:", "Reyner:")) for r in only_quotes)
    demo.groups.kind_boxes["claim"].click()
    demo.groups.kind_boxes["unique"].click()
    qtbot.keyClicks(demo.groups.search, "passengers")
    assert rows() and all("passengers" in r.lower() for r in rows())
    demo.groups.search.clear()
    demo.groups.kind_boxes["conflicts"].click()
    conflicts = rows()
    assert 0 < len(conflicts) < len(everything)
    demo.groups.kind_boxes["conflicts"].click()
    speaker = demo.groups.speaker.findText("Elena Voss")
    demo.groups.speaker.setCurrentIndex(speaker)
    assert rows() and all("Voss" in r or "Reyner" in r for r in rows())  # her quotes (one disputed)
    demo.groups.speaker.setCurrentIndex(0)
    assert rows() == everything


def test_switching_the_reference(qtbot, demo):
    index = group_index(demo, "Nobody will")
    click_row(qtbot, demo, index)
    bayside = next(c for c in demo.columns.values() if c.source.label == "Bayside Bulletin")
    qtbot.mouseClick(bayside.header.star, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, demo)
    assert demo.reference == bayside.source.id
    assert bayside.header.is_reference and "★" in bayside.header.name.text()
    assert sum(c.header.is_reference for c in demo.columns.values()) == 1
    assert demo.analysis.reference == bayside.source.id
    assert "Bayside Bulletin ★" in demo.compare.body.toPlainText()  # "B · Bayside Bulletin ★"
    struck = [t for t, f in fragments(demo.compare.body) if f.fontStrikeOut()]
    assert any("ever" in t for t in struck)  # the others now lack "ever": struck from the reference
    # coverage marks the reference column
    col = [s.id for s in demo.analysis.comparison.sources].index(bayside.source.id)
    assert "★" in demo.coverage_model.headerData(col, Qt.Orientation.Horizontal)


def test_keyboard_steps_through_groups_and_differences(qtbot, demo):
    ids = demo.groups.visible_group_ids()
    assert demo.selected == ids[0]  # the first quote is selected on opening
    qtbot.keyClick(demo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert demo.selected == ids[1]
    qtbot.keyClick(demo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert demo.selected == ids[2]
    qtbot.keyClick(demo, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert demo.selected == ids[1]
    qtbot.keyClick(demo, Qt.Key.Key_F8)
    group = next(g for g in demo.analysis.comparison.groups if g.id == demo.selected)
    assert group.findings or "%" in demo.compare.title.text()


def test_find_marks_matches_in_every_column(qtbot, demo):
    qtbot.keyClick(demo, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert demo.find_bar.isVisible()
    qtbot.keyClicks(demo.find_bar.edit, "Wednesday")
    qtbot.keyClick(demo.find_bar.edit, Qt.Key.Key_Return)
    expected = sum(c.source.text.count("Wednesday") for c in demo.columns.values())
    assert demo.find_bar.count.text().startswith(f"{expected} in 4 articles")
    for column in demo.columns.values():
        finds = column.view._layers.get("find", [])
        assert len(finds) == column.source.text.count("Wednesday")


def test_zoom_and_settings_persist(qtbot, settings, demo, make_window):
    size = demo.font_size
    qtbot.keyClick(demo, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert demo.font_size == size + 1
    column = next(iter(demo.columns.values()))
    assert column.view.font().pointSize() == size + 1
    demo.apply_palette("dark")
    demo.close()
    again = make_window()
    assert again.font_size == size + 1 and again.palette_name == "dark"
    assert again.settings.value("ui/geometry") is not None
    again.apply_palette("light")


def test_a_bad_file_gets_a_message_and_the_good_ones_still_open(qtbot, window, tmp_path, demo_paths, messages):
    shown = [(title, text) for _kind, title, text in messages]
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    window.open_sources([str(binary), str(demo_paths[0]), str(demo_paths[1])])
    wait_idle(qtbot, window)
    assert len(window.columns) == 2
    shown = [(title, text) for _kind, title, text in messages]
    assert shown and "photo.txt" in shown[0][1] and "PNG" in shown[0][1]
    assert window.analysis is not None


def test_cancelling_a_running_analysis(qtbot, window, demo_paths, monkeypatch):
    started = threading.Event()

    def slow_analyze(sources, progress=None, cancelled=None, **_settings):
        started.set()
        for _ in range(500):
            if cancelled():
                raise workers.AnalysisCancelled()
            time.sleep(0.01)
        raise AssertionError("the analysis was never cancelled")

    monkeypatch.setattr(workers, "analyze", slow_analyze)
    window.open_sources([str(p) for p in demo_paths])
    qtbot.waitUntil(started.is_set, timeout=10000)
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "cancelled" in window.status.text().lower()
    assert not window.cancel_button.isVisible()
    assert window.analysis is None and len(window.columns) == 4  # the articles stay open


def test_closing_a_column_reanalyses_and_keeps_the_selection(qtbot, demo):
    index = group_index(demo, "We have not yet")
    click_row(qtbot, demo, index)
    northern = next(c for c in demo.columns.values() if c.source.label == "Northern Wire")
    qtbot.mouseClick(northern.header.findChildren(type(northern.header.star))[-1], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, demo)
    assert len(demo.columns) == 3 and demo.windowTitle() == "Crosscheck — 3 articles"
    group = next(g for g in demo.analysis.comparison.groups if g.id == demo.selected)
    assert "timetable" in group.label  # the same quote is still selected


def test_moving_a_column(qtbot, demo):
    first = demo.sources[0].id
    demo.columns[first].header.move_requested.emit(1)
    wait_idle(qtbot, demo)
    assert demo.sources[1].id == first
    assert demo.column_splitter.widget(1) is demo.columns[first]
    assert demo.columns[first].header.letter == "B"


def test_models_pass_qt_model_tester(qtmodeltester, demo):
    qtmodeltester.check(demo.groups.model)
    qtmodeltester.check(demo.coverage_model)


def test_coverage_click_selects_the_group(qtbot, demo):
    view = demo.coverage
    index = demo.coverage_model.index(1, 2)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert demo.selected == demo.analysis.comparison.groups[1].id


def test_pasting_an_article(qtbot, window, demo_paths):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(
        "Ferry halted again\n\nThe harbour authority said on Monday that the Selka ferry would stay in port "
        "for a second week while engineers check the hull.")
    window.open_sources([str(demo_paths[0])])
    wait_idle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    assert len(window.columns) == 2
    assert any(c.source.kind == "pasted" for c in window.columns.values())
    assert window.analysis is not None


def test_shortcuts_dialog_lists_the_keys(qtbot, window):
    from crosscheck.ui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions(), window)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert {"Next group", "Next difference", "Find in all columns", "Zoom in"} <= set(names)


def test_empty_window_invites_opening(window):
    assert window.empty.isVisible() and not window.scroll.isVisible()
    assert window.windowTitle() == "Crosscheck"


def test_reference_can_be_chosen_from_the_toolbar(qtbot, demo):
    box = demo.reference_box
    assert box.count() == 4 and box.currentText().startswith("A · ")
    box.setCurrentIndex(2)
    box.activated.emit(2)
    wait_idle(qtbot, demo)
    assert demo.reference == demo.sources[2].id and demo.columns[demo.reference].header.is_reference
    demo.set_reference(demo.sources[1].id)  # the star and Ctrl+2 keep the box in step
    wait_idle(qtbot, demo)
    assert box.currentData() == demo.sources[1].id


def test_the_window_follows_its_document(qtbot, demo):
    # A change made on the document itself (as a script or a command would) is shown like one
    # made through the widgets: the window observes it.
    from crosscheck.core.flags import anchor_at, new_flag
    from crosscheck.core.model import Span

    doc = demo.document
    ids = doc.ids
    doc.move_source(ids[0], 2)
    assert [demo.column_splitter.widget(i) for i in range(4)] == [demo.columns[sid] for sid in doc.ids]
    doc.add_flags([new_flag([anchor_at(doc.sources[0], Span(0, 5))], note="from the document")])
    assert demo.flags_panel.model.rowCount() == 1 and demo.flags == doc.flags
    doc.remove_sources([ids[3]])
    wait_idle(qtbot, demo)
    assert set(demo.columns) == set(doc.ids) and demo.windowTitle() == "Crosscheck — 3 articles"
    assert {s.id for s in demo.analysis.comparison.sources} == set(doc.ids)
    doc.clear()
    assert demo.columns == {} and demo.analysis is None and demo.empty.isVisible()
    assert demo.flags_panel.model.rowCount() == 0 and demo.windowTitle() == "Crosscheck"
