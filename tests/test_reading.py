"""Reading across the columns: the reading map (no Qt), and the window's synchronised scrolling,
overview ruler, connectors, calm view, focus mode, tooltips and edge markers, driven through the
real widgets. Fixtures (window, demo) live in tests/gui.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle

from crosscheck.core.pipeline import analyze
from crosscheck.core.reading import ReadingMap, explain
from crosscheck.core.view import outlet_names
from crosscheck.io.load import load_sources
from crosscheck.resources import demo_articles
from crosscheck.ui.main_window import MainWindow
from crosscheck.ui.reading import reading_line
from crosscheck.ui.scrollbar import FlatScrollBar


@pytest.fixture(scope="module")
def comparison():
    return analyze(load_sources(map(str, demo_articles())))


# ---------------------------------------------------------------- the map, without Qt

def test_above_finds_the_nearest_shared_passage_at_or_before_the_offset(comparison) -> None:
    rm = ReadingMap(comparison)
    for source in comparison.sources:
        for other in comparison.sources:
            if other.id == source.id:
                continue
            for offset in range(0, len(source.text), 97):
                got = rm.above(source.id, offset, other.id)
                shared = [p for p in rm.passages(source.id)
                          if p.span.start <= offset and other.id in rm.sources_of(p.group)]
                if not shared:
                    assert got is None
                    continue
                assert got is not None and got.here.start == max(p.span.start for p in shared)
                assert got.there == rm.sources_of(got.group)[other.id]
                member = next(g for g in comparison.groups if g.id == got.group)
                assert any(m.source == other.id and m.span == got.there for m in member.members)


def test_below_goes_forward_in_both_and_between_lists_the_visible_pairs(comparison) -> None:
    rm = ReadingMap(comparison)
    a, b = comparison.sources[0].id, comparison.sources[1].id
    down = rm.below(a, 0, b)
    assert down is not None and down.here.start > 0
    assert rm.below(a, 0, b, after=down.there.start + 10**6) is None
    pairs = rm.between(a, b, 0, len(comparison.sources[0].text))
    assert pairs and all(b in rm.sources_of(cp.group) for cp in pairs)
    assert [cp.here.start for cp in pairs] == sorted(cp.here.start for cp in pairs)
    assert rm.between(a, b, 0, 0) == []


def test_the_tooltip_says_which_outlets_carry_a_passage_and_what_changed(comparison) -> None:
    names = outlet_names(comparison)
    g = next(g for g in comparison.groups if len(g.members) >= 3 and g.kind == "quote")
    m = g.members[1]
    text = explain(comparison, m.source, m.span.start + 1, comparison.sources[0].id, names)
    assert text is not None and text.startswith("Quote shared by")
    assert all(names[x.source] in text for x in g.members)
    assert "s1" not in text.split() and g.id not in text  # names a reader knows, never ids
    u = comparison.unique[0]
    assert "no other source" in explain(comparison, u.source, u.span.start, None, names)


# ---------------------------------------------------------------- the window

def _member_tops(window: MainWindow, gid: str) -> dict[str, int]:
    group = next(g for g in window.analysis.comparison.groups if g.id == gid)
    out = {}
    for sid, column in window.columns.items():
        spans = [m.span for m in group.members if m.source == sid]
        if spans and column.isVisible():
            out[sid] = column.view.offset_top(spans[0].start)
    return out


def _shared_group(window: MainWindow, a: str, b: str):
    """A group both sources carry whose passages are far enough down to scroll to."""
    for g in window.analysis.comparison.groups:
        sides = {m.source: m.span for m in g.members}
        if a in sides and b in sides and sides[a].start > 400 and sides[b].start > 400:
            return g, sides
    raise AssertionError("no shared group")


def test_scrolling_one_column_brings_the_matching_passage_level_in_the_others(qtbot, demo) -> None:
    demo.resize(1280, 560)  # (short columns, so that there is scrolling to do)
    qtbot.wait(50)
    ids = [s.id for s in demo.sources]
    lead, other = demo.columns[ids[0]].view, demo.columns[ids[1]].view
    _, sides = _shared_group(demo, ids[0], ids[1])
    # the reader scrolls the first column until the passage reaches the reading line
    lead.verticalScrollBar().setValue(lead.document_y(sides[ids[0]].start) - reading_line(lead))
    assert abs(lead.offset_top(sides[ids[0]].start) - other.offset_top(sides[ids[1]].start)) <= 4
    assert demo.sync.lead == ids[0]
    # scrolling on moves the other column too (it does not sit still)
    before = other.verticalScrollBar().value()
    lead.verticalScrollBar().setValue(lead.verticalScrollBar().value() + 40)
    assert other.verticalScrollBar().value() != before or other.verticalScrollBar().value() in (
        0, other.verticalScrollBar().maximum())


def test_scroll_together_can_be_turned_off(qtbot, demo) -> None:
    demo.act_sync.setChecked(False)
    ids = [s.id for s in demo.sources]
    lead, other = demo.columns[ids[0]].view, demo.columns[ids[1]].view
    before = other.verticalScrollBar().value()
    lead.verticalScrollBar().setValue(lead.verticalScrollBar().maximum())
    assert other.verticalScrollBar().value() == before
    demo.act_sync.setChecked(True)


def test_clicking_a_passage_never_moves_its_own_column(qtbot, demo) -> None:
    demo.resize(1280, 560)
    qtbot.wait(50)
    ids = [s.id for s in demo.sources]
    group, sides = _shared_group(demo, ids[0], ids[1])
    col = demo.columns[ids[1]].view
    col.place_offset(sides[ids[1]].start, 100)
    value = col.verticalScrollBar().value()
    cursor = col.textCursor()
    cursor.setPosition(sides[ids[1]].start + 2)
    point = col.cursorRect(cursor).center()
    qtbot.mouseClick(col.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert demo.selected is not None
    assert col.verticalScrollBar().value() == value  # the clicked column stayed put
    tops = _member_tops(demo, demo.selected)
    here = tops[ids[1]]
    assert all(abs(t - here) <= 4 for sid, t in tops.items()
               if demo.columns[sid].view.reachable(sides.get(sid, group.members[0].span).start)[0] <= here)


def test_resizing_keeps_the_selected_group_level(qtbot, demo) -> None:
    gid = next(g.id for g in demo.analysis.comparison.groups if len({m.source for m in g.members}) >= 3)
    demo.select_group(gid)
    demo.resize(1000, 700)
    qtbot.wait(120)  # (the columns line up again once the resizing settles)
    tops = list(_member_tops(demo, gid).values())
    assert max(tops) - min(tops) <= 30


def test_the_columns_scroll_bars_are_flat_opaque_and_work_as_scroll_bars(qtbot, demo) -> None:
    """Ten bars repaint at every step of scrolling together: they paint every pixel themselves
    (nothing beneath them repaints), and still page, step and drag as the style lays them out."""
    demo.resize(1280, 560)
    qtbot.wait(50)
    view = next(iter(demo.columns.values())).view
    bar = view.verticalScrollBar()
    assert isinstance(bar, FlatScrollBar) and bar.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    bar.setValue(0)
    image = bar.grab().toImage()
    handle = bar.part(QStyle.SubControl.SC_ScrollBarSlider)
    groove = image.pixelColor(bar.width() // 2, handle.bottom() + 20)
    assert image.pixelColor(handle.center()) != groove  # the handle is drawn where it is hit
    assert groove.alpha() == 255
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.part(QStyle.SubControl.SC_ScrollBarAddLine).center())
    assert bar.value() == bar.singleStep()  # the arrow steps
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, handle.bottom() + 20))
    assert bar.value() > bar.singleStep()  # the groove pages
    start = bar.value()
    grip = bar.part(QStyle.SubControl.SC_ScrollBarSlider).center()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=grip)
    qtbot.mouseMove(bar, grip + QPoint(0, 40))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=grip + QPoint(0, 40))
    assert bar.value() > start  # and the handle drags


def test_the_overview_ruler_marks_the_article_and_jumps_on_a_click(qtbot, demo) -> None:
    demo.resize(1280, 560)
    qtbot.wait(50)
    column = next(iter(demo.columns.values()))
    ruler = column.ruler
    assert ruler.isVisible() and ruler.marks  # shared passages, single-source ones, changes
    bar = column.view.verticalScrollBar()
    bar.setValue(0)
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, ruler.height() - 3))
    assert bar.value() == bar.maximum() or bar.value() > 0  # went down to the end of the article
    qtbot.mouseClick(ruler, Qt.MouseButton.LeftButton, pos=QPoint(5, 1))
    assert bar.value() == 0


def test_connectors_are_drawn_between_neighbouring_columns(qtbot, demo) -> None:
    splitter = demo.column_splitter
    assert splitter.map is not None and splitter.handleWidth() >= 12
    left, right = splitter.neighbours(1)
    assert left is not None and right is not None
    visible = splitter.map.between(left.source.id, right.source.id, 0, len(left.source.text))
    assert visible  # the demo's first two articles share passages: there is something to draw
    # (while columns move the connectors step aside; they are drawn again once scrolling pauses)
    splitter.scrolled()
    assert splitter.moving
    qtbot.waitUntil(lambda: not splitter.moving, timeout=2000)
    image = splitter.handle(1).grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, image.height(), 3)}
    assert len(colours) > 2  # (a handle with connectors is not one flat colour)


def test_calm_by_default_and_every_passage_decorated_in_detail(qtbot, demo) -> None:
    column = next(iter(demo.columns.values()))
    assert not demo.act_detail.isChecked()
    assert column.view.bars  # shared passages are margin bars
    calm = len(column.view._layers["passages"])
    demo.act_detail.setChecked(True)
    assert column.view.bars == [] and len(column.view._layers["passages"]) > calm
    demo.act_detail.setChecked(False)
    assert column.view.bars


def test_focus_shows_only_the_columns_of_the_selected_group(qtbot, demo) -> None:
    group = next(g for g in demo.analysis.comparison.groups
                 if 2 <= len({m.source for m in g.members}) < len(demo.sources))
    demo.select_group(group.id)
    demo.act_focus.setChecked(True)
    carried = {m.source for m in group.members}
    assert {sid for sid, c in demo.columns.items() if not c.isHidden()} == carried
    demo.act_focus.setChecked(False)
    assert all(not c.isHidden() for c in demo.columns.values())


def test_hovering_a_passage_explains_it(qtbot, demo) -> None:
    g = next(g for g in demo.analysis.comparison.groups if g.kind == "quote")
    m = g.members[0]
    text = demo.columns[m.source].view.explain(m.span.start + 1)
    assert text and "shared by" in text


def test_columns_out_of_sight_are_marked_at_the_edge(qtbot, demo) -> None:
    demo.resize(700, 600)  # four columns cannot fit: the area scrolls sideways
    qtbot.wait(50)
    demo.scroll.horizontalScrollBar().setValue(0)
    group = max(demo.analysis.comparison.groups, key=lambda g: max(
        demo.sources.index(next(s for s in demo.sources if s.id == m.source)) for m in g.members))
    demo.select_group(group.id)
    demo.scroll.horizontalScrollBar().setValue(0)
    qtbot.wait(20)
    assert demo.edges.right.isVisible()
    assert "▶" in demo.edges.right.text()


def test_scroll_together_off_is_remembered_from_the_start(qtbot, settings, make_window) -> None:
    settings.setValue("ui/sync", "false")
    w = make_window()
    assert not w.act_sync.isChecked() and not w.sync.enabled


def test_focus_on_a_chosen_few_columns(qtbot, demo) -> None:
    ids = [s.id for s in demo.sources]
    # (what the header's "Keep in focus" menu entry sends)
    demo.columns[ids[0]].header.focus_toggled.emit(True)
    demo.columns[ids[2]].header.focus_toggled.emit(True)
    assert demo.act_focus.isChecked()  # choosing a column asks for focus
    assert {sid for sid, c in demo.columns.items() if not c.isHidden()} == {ids[0], ids[2]}
    demo.columns[ids[0]].header.focus_toggled.emit(False)
    demo.columns[ids[2]].header.focus_toggled.emit(False)
    assert demo.act_focus.isChecked()
    demo.act_focus.setChecked(False)
    assert all(not c.isHidden() for c in demo.columns.values())
