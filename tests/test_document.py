"""The open story as a plain object (``crosscheck.document``): every change, what it tells its
listeners and the unsaved-changes flag (that it needs no Qt: tests/test_cli.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crosscheck.core.config import DEFAULT
from crosscheck.core.flags import Correction, anchor_at, new_flag, place
from crosscheck.core.model import Source, Span
from crosscheck.document import Change, Document, Event
from crosscheck.io.project import Project


def src(n: int, text: str = "") -> Source:
    return Source(f"s{n}", f"/articles/{n}.txt", text or f"Article {n}: the ferry was halted on Monday.")


@pytest.fixture
def doc() -> Document:
    return Document()


@pytest.fixture
def events(doc: Document) -> list[Event]:
    seen: list[Event] = []
    doc.subscribe(seen.append)
    return seen


def kinds(events: list[Event]) -> list[Change]:
    return [e.kind for e in events]


def test_a_new_document_is_empty_and_clean(doc):
    assert doc.sources == [] and doc.reference is None and doc.flags == [] and doc.corrections == []
    assert doc.settings == DEFAULT and not doc.dirty and doc.path is None and not doc.unsaved_work


def test_adding_sources_sets_the_reference_marks_dirty_and_says_which(doc, events):
    added = doc.add_sources([src(1), src(2)])
    assert [s.id for s in added] == doc.ids == ["s1", "s2"]
    assert doc.reference == "s1"
    assert events == [Event(Change.ADDED, ("s1", "s2")), Event(Change.DIRTY)]
    assert doc.dirty
    events.clear()
    assert doc.add_sources([src(2), src(3)]) == [src(3)]  # one already open is skipped
    assert events == [Event(Change.ADDED, ("s3",))]  # (already dirty: no second DIRTY)
    assert doc.reference == "s1"
    events.clear()
    assert doc.add_sources([src(1)]) == [] and events == []


def test_the_sources_read_are_a_copy(doc, events):
    doc.add_sources([src(1)])
    doc.sources.append(src(9))
    doc.flags.append(new_flag([]))
    assert doc.ids == ["s1"] and doc.flags == []


def test_removing_sources_moves_the_reference_to_the_first_left(doc, events):
    doc.add_sources([src(1), src(2), src(3)])
    doc.set_reference("s2")
    events.clear()
    assert [s.id for s in doc.remove_sources(["s2"])] == ["s2"]
    assert doc.ids == ["s1", "s3"] and doc.reference == "s1"
    assert events == [Event(Change.REMOVED, ("s2",))]  # the reference moved with it: no REFERENCE event
    doc.remove_sources(["s3"])
    assert doc.reference == "s1"  # not the reference: it stays
    doc.remove_sources(["s1", "nope"])
    assert doc.sources == [] and doc.reference is None
    events.clear()
    assert doc.remove_sources(["s1"]) == [] and events == []


def test_flags_and_corrections_survive_their_sources_removal_orphaned(doc):
    one, two = src(1, "The harbour authority halted the ferry."), src(2, "The ferry stays in port.")
    doc.add_sources([one, two])
    anchor = anchor_at(two, Span(4, 9))
    flag = new_flag([anchor], note="check")
    correction = Correction("c-1", "unlink", (anchor,))
    doc.add_flags([flag])
    doc.add_correction(correction)
    doc.remove_sources(["s2"])
    assert doc.flags == [flag] and doc.corrections == [correction]  # never dropped
    assert place(anchor, doc.sources).orphaned
    doc.add_sources([two])  # reopened: found again
    assert not place(anchor, doc.sources).orphaned


def test_moving_a_source_along_the_columns(doc, events):
    doc.add_sources([src(1), src(2), src(3)])
    events.clear()
    assert doc.move_source("s1", 1) and doc.ids == ["s2", "s1", "s3"]
    assert events == [Event(Change.MOVED, ("s1",))]
    assert doc.move_source("s1", 5) and doc.ids == ["s2", "s3", "s1"]  # stops at the end
    events.clear()
    assert not doc.move_source("s1", 1) and not doc.move_source("nope", -1) and events == []
    assert doc.move_source("s1", -9) and doc.ids == ["s1", "s2", "s3"]
    assert doc.reference == "s1"  # moving changes no reference


def test_replacing_sources_details_keeps_their_place(doc, events):
    doc.add_sources([src(1), src(2)])
    events.clear()
    renamed = replace(src(2), outlet="Coastline Evening")
    assert doc.replace_sources([renamed, replace(src(7), outlet="closed")]) == [renamed]
    assert doc.ids == ["s1", "s2"] and doc.source("s2").outlet == "Coastline Evening"
    assert events == [Event(Change.EDITED, ("s2",))]
    events.clear()
    assert doc.replace_sources([src(7)]) == [] and events == []  # one closed since is left closed


def test_setting_the_reference(doc, events):
    doc.add_sources([src(1), src(2)])
    doc.mark_saved()
    events.clear()
    assert doc.set_reference("s2") and doc.reference == "s2"
    assert events == [Event(Change.REFERENCE, ("s2",)), Event(Change.DIRTY)]
    events.clear()
    assert not doc.set_reference("s2") and not doc.set_reference("nope") and events == []


def test_flags_added_edited_deleted_each_notify(doc, events):
    doc.add_sources([src(1)])
    a, b = new_flag([], note="a"), new_flag([], note="b")
    events.clear()
    doc.add_flags([a, b])
    assert doc.flags == [a, b] and kinds(events) == [Change.FLAGS]
    changed = replace(a, status="confirmed")
    assert doc.replace_flag(changed) and doc.flags == [changed, b]
    assert doc.remove_flag(b.id) and doc.flags == [changed]
    assert kinds(events) == [Change.FLAGS] * 3
    assert not doc.replace_flag(b) and not doc.remove_flag(b.id) and len(events) == 3
    doc.set_flags([])
    assert doc.flags == [] and kinds(events)[-1] is Change.FLAGS


def test_corrections_and_settings(doc, events):
    link = Correction("c-1", "link", ())
    doc.add_correction(link)
    assert doc.corrections == [link] and kinds(events) == [Change.CORRECTIONS, Change.DIRTY]
    doc.set_corrections([])
    assert doc.corrections == [] and kinds(events)[-1] is Change.CORRECTIONS
    events.clear()
    doc.set_settings(DEFAULT)
    assert events == []  # the same settings: no change
    other = replace(DEFAULT, claim_link=0.5)
    doc.set_settings(other)
    assert doc.settings == other and kinds(events) == [Change.SETTINGS]


def test_the_dirty_flag_set_on_change_and_cleared_on_save(doc, events):
    doc.add_sources([src(1), src(2)])
    assert doc.dirty and not doc.unsaved_work  # articles alone are not work worth asking about
    doc.add_flags([new_flag([])])
    assert doc.unsaved_work
    events.clear()
    doc.mark_saved(Path("ferry.crosscheck"))
    assert not doc.dirty and doc.path == Path("ferry.crosscheck") and not doc.unsaved_work
    assert kinds(events) == [Change.PATH, Change.DIRTY]
    events.clear()
    doc.mark_saved(Path("ferry.crosscheck"))
    assert events == []  # nothing changed
    doc.move_source("s1", 1)
    assert doc.dirty and doc.unsaved_work  # a saved project changed since
    assert kinds(events) == [Change.MOVED, Change.DIRTY]
    events.clear()
    doc.mark_dirty()
    assert events == []
    doc.set_path(None)
    assert doc.path is None and kinds(events) == [Change.PATH]


def test_project_load_and_clear(doc, events):
    flag = new_flag([], note="kept")
    project = Project(sources=[src(1), src(4), src(2)], reference="s4", flags=[flag],
                      corrections=[Correction("c-1", "link", ())], extra={"ui": {"order": ["s2", "s1", "s4"]}})
    doc.load(project, Path("ferry.crosscheck"))
    assert doc.ids == ["s2", "s1", "s4"]  # the saved column order
    assert doc.reference == "s4" and doc.flags == [flag] and len(doc.corrections) == 1
    assert doc.path == Path("ferry.crosscheck") and not doc.dirty
    assert events == [Event(Change.LOADED, ("s2", "s1", "s4"))]
    assert doc.reserve_ids(2) == 5 and doc.reserve_ids(1) == 7  # new sources are numbered after the project's
    saved = doc.project()
    assert [s.id for s in saved.sources] == ["s2", "s1", "s4"] and saved.extra == {"ui": {"order": ["s2", "s1", "s4"]}}
    assert saved.reference == "s4" and saved.flags == [flag]
    events.clear()
    doc.clear()
    assert doc.sources == [] and doc.reference is None and doc.flags == [] and doc.corrections == []
    assert doc.path is None and not doc.dirty and doc.settings == DEFAULT
    assert events == [Event(Change.CLEARED)]
    assert doc.reserve_ids(1) == 8  # numbers are never reused (a load may still be running)


def test_unsubscribing_stops_the_events(doc):
    seen: list[Event] = []
    stop = doc.subscribe(seen.append)
    doc.add_sources([src(1)])
    stop()
    stop()  # twice is harmless
    doc.add_sources([src(2)])
    assert kinds(seen) == [Change.ADDED, Change.DIRTY]

def test_a_corrected_article_is_work_worth_asking_about_until_saved(doc):
    doc.add_sources([src(1), src(2)])
    assert not doc.unsaved_work  # articles opened and never judged are not
    doc.replace_sources([replace(doc.source("s1"), outlet="The Herald")])
    assert doc.unsaved_work  # the reader's correction would be lost on closing
    doc.mark_saved(Path("story.crosscheck"))
    assert not doc.unsaved_work


def test_loading_a_project_never_hands_out_an_id_reserved_before_it(doc):
    assert doc.reserve_ids(6) == 1  # a load of six articles is still running (s1–s6)
    doc.load(Project(sources=[src(1), src(2)]))
    assert doc.reserve_ids(1) == 7  # not s3: the running load will add s3–s6
