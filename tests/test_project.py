"""``.crosscheck`` projects: a faithful round trip, refusal of damaged files without touching
them, migration of older formats, and saves that a crash or a full disk cannot corrupt."""

from __future__ import annotations

import copy
import errno
import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crosscheck.core.config import Settings
from crosscheck.core.flags import Anchor, Correction, Flag, anchor_at, place
from crosscheck.core.model import Furniture, Source, Span
from crosscheck.core.pipeline import analyze
from crosscheck.io import atomic
from crosscheck.io.load import load_sources
from crosscheck.io.project import FORMAT, VERSION, Project, ProjectError, load, save, to_json

TEXT_A = (
    "Mill fire closes the old weir road\n\n"
    "By Ottilie Brann · Weirside Echo\n\n"
    "A fire at the Hessel paper mill closed the old weir road on Sunday night, the fire brigade said.\n\n"
    "\u201cThe roof is gone but nobody was hurt,\u201d chief officer Rune Dalby said \u2014 "
    "a relief for the 140 workers. \U0001F525 Caf\u00e9 owners nearby were told to stay shut.\n"
)
TEXT_B = (
    "Fire guts paper mill\n\n"
    "Fire crews fought a blaze at the Hessel paper mill late on Sunday; the weir road was closed.\n\n"
    "\u201cThe roof has gone, but nobody was hurt,\u201d Rune Dalby, the chief fire officer, said.\n\n"
    "The mill employs about 150 people.\n"
)
QUOTE_A = "The roof is gone but nobody was hurt"
QUOTE_B = "The roof has gone, but nobody was hurt"


def span_of(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(at, at + len(words))


def sample_project() -> Project:
    a = Source(
        id="s1", path="articles/weirside.html", text=TEXT_A, kind="html", title="Mill fire closes the old weir road",
        outlet="Weirside Echo", author="Ottilie Brann", published="2026-02-01", url="https://weirside.example/fire",
        furniture=(Furniture(span_of(TEXT_A, "By Ottilie Brann · Weirside Echo"), "byline"),),
    )
    b = Source(id="s2", path="/home/ed/fire guts mill.txt", text=TEXT_B, title="Fire guts paper mill")
    flags = [
        Flag(id="f-0000000001",
             anchors=(anchor_at(a, span_of(TEXT_A, QUOTE_A)), anchor_at(b, span_of(TEXT_B, QUOTE_B))),
             category="misquote", severity="high", status="confirmed", note="Echo drops \u201chas\u201d; check audio",
             group_label="Dalby: \u201cThe roof\u2026\u201d", finding="misquote",
             created="2026-02-02T09:00:00+00:00", modified="2026-02-02T09:30:00+00:00"),
        Flag(id="f-0000000002", anchors=(anchor_at(a, span_of(TEXT_A, "140 workers")),
                                         anchor_at(b, span_of(TEXT_B, "about 150 people")),
                                         anchor_at(a, span_of(TEXT_A, "Caf\u00e9 owners"))),
             category="factual conflict", note="", created="2026-02-02T10:00:00+00:00",
             modified="2026-02-02T10:00:00+00:00"),
    ]
    corrections = [
        Correction(id="c-0000000001", action="link", created="2026-02-02T11:00:00+00:00",
                   anchors=(anchor_at(a, span_of(TEXT_A, "140 workers")), anchor_at(b, span_of(TEXT_B, "150 people")))),
        Correction(id="c-0000000002", action="unlink",
                   anchors=(anchor_at(b, span_of(TEXT_B, "Fire guts paper mill")),)),
    ]
    return Project(
        sources=[a, b], settings=Settings(quote_same=0.7, fragment_contained=0.75, claim_link=0.55, claim_min_shared=4),
        reference="s2", flags=flags, corrections=corrections,
        extra={"x_review": {"by": "desk editor", "round": 2, "tags": ["fire", "mill"]}},
    )


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "story.crosscheck"
    save(sample_project(), path)
    return path


def test_round_trip_keeps_everything(saved: Path) -> None:
    original = sample_project()
    back = load(saved)
    assert back.sources == original.sources
    for got, want in zip(back.sources, original.sources, strict=True):
        assert got.text == want.text  # exact shown text, non-ASCII and astral characters included
        assert (got.title, got.outlet, got.author, got.published, got.url, got.kind, got.path, got.furniture) == (
            want.title, want.outlet, want.author, want.published, want.url, want.kind, want.path, want.furniture)
    assert back.settings == original.settings
    assert back.reference == "s2"
    assert back.flags == original.flags
    assert [len(f.anchors) for f in back.flags] == [2, 3]
    assert back.corrections == original.corrections
    assert back.extra == original.extra
    assert back == original


def test_flags_of_a_reopened_project_point_at_their_words(saved: Path) -> None:
    back = load(saved)
    for flag in back.flags:
        for anchor in flag.anchors:
            placed = place(anchor, back.sources)
            assert placed.how == "exact"
            text = next(s.text for s in back.sources if s.id == placed.source)
            assert text[placed.span.start : placed.span.end] == anchor.text


def test_saved_file_is_json_with_format_and_version(saved: Path) -> None:
    raw = saved.read_bytes()
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == FORMAT == "crosscheck-project"
    assert data["version"] == VERSION == 2
    assert data["generator"].startswith("crosscheck ")
    assert [s["text"] for s in data["sources"]] == [TEXT_A, TEXT_B]
    assert data["settings"]["claim_link"] == 0.55
    assert data["x_review"] == {"by": "desk editor", "round": 2, "tags": ["fire", "mill"]}
    anchor = data["flags"][0]["anchors"][0]
    assert TEXT_A[anchor["start"] : anchor["end"]] == anchor["text"] == QUOTE_A


def test_unknown_top_level_fields_survive_open_and_save(tmp_path: Path) -> None:
    data = to_json(sample_project())
    data["x_future_panel"] = {"layout": [3, 1], "dark": True}
    path = tmp_path / "future.crosscheck"
    path.write_text(json.dumps(data), encoding="utf-8")
    resaved = tmp_path / "resaved.crosscheck"
    save(load(path), resaved)
    again = json.loads(resaved.read_text(encoding="utf-8"))
    assert again["x_future_panel"] == {"layout": [3, 1], "dark": True}
    assert again["x_review"] == data["x_review"]


def test_project_opens_without_the_original_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    b.write_text(TEXT_B, encoding="utf-8")
    sources = load_sources([str(a), str(b)])
    path = tmp_path / "story.crosscheck"
    save(Project(sources=sources, reference="s1"), path)
    a.unlink()
    b.unlink()
    back = load(path)
    assert [s.text for s in back.sources] == [s.text for s in sources]
    assert [s.path for s in back.sources] == [str(a), str(b)]
    comparison = analyze(back.sources)
    assert any(g.kind == "quote" for g in comparison.groups)


def test_missing_project_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project"):
        load(tmp_path / "nowhere.crosscheck")


# ---------------------------------------------------------------- refusals


def _valid() -> dict[str, Any]:
    return copy.deepcopy(to_json(sample_project()))


def _edited(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = _valid()
    change(data)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A hand edit: set the value at a dotted path like ``flags.0.anchors.0.start``."""
    *parents, last = path.split(".")

    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is _DELETE:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


_DELETE = object()
_GOOD = json.dumps(to_json(sample_project()), indent=1)

BAD_FILES: dict[str, bytes] = {
    "truncated": _GOOD[: len(_GOOD) // 2].encode("utf-8"),
    "truncated at the last brace": _GOOD.rstrip()[:-1].encode("utf-8"),
    "empty": b"",
    "not JSON": b"Mill fire: notes for Tuesday\n- call the brigade\n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "JSON but a list": b"[1, 2, 3]",
    "wrong format": _edited(_set("format", "crosscheck-report")),
    "missing format": _edited(_set("format", _DELETE)),
    "missing version": _edited(_set("version", _DELETE)),
    "version as text": _edited(_set("version", "2")),
    "version zero": _edited(_set("version", 0)),
    "negative anchor span": _edited(_set("flags.0.anchors.0.start", -5)),
    "anchor start after end": _edited(_set("flags.1.anchors.0.end", 0)),
    "negative correction span": _edited(_set("corrections.0.anchors.1.end", -1)),
    "source with empty text": _edited(_set("sources.1.text", "")),
    "source with blank text": _edited(_set("sources.0.text", " \n\n ")),
    "source without text": _edited(_set("sources.0.text", _DELETE)),
    "duplicate source ids": _edited(_set("sources.1.id", "s1")),
    "furniture beyond the text": _edited(_set("sources.0.furniture.0.end", len(TEXT_A) + 40)),
    "negative furniture span": _edited(_set("sources.0.furniture.0.start", -3)),
    "unknown correction action": _edited(_set("corrections.1.action", "merge")),
    "sources not a list": _edited(_set("sources", {"s1": TEXT_A})),
    "missing sources": _edited(_set("sources", _DELETE)),
    "flag without id": _edited(_set("flags.0.id", _DELETE)),
    "a source that is not an object": _edited(_set("sources.1", "Fire guts paper mill")),
    "settings that are not an object": _edited(_set("settings", "strict")),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_damaged_project_is_refused_and_left_untouched(tmp_path: Path, name: str) -> None:
    path = tmp_path / "story.crosscheck"
    path.write_bytes(BAD_FILES[name])
    with pytest.raises(ProjectError) as caught:
        load(path)
    message = str(caught.value)
    assert "story.crosscheck" in message
    assert "\n" not in message and "Traceback" not in message
    assert path.read_bytes() == BAD_FILES[name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.crosscheck"]


def test_damaged_messages_say_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "story.crosscheck"
    cases = {"truncated": "damaged or truncated", "binary": "not a Crosscheck project",
             "wrong format": "not a Crosscheck project", "missing version": "version",
             "duplicate source ids": "share an id", "unknown correction action": "merge"}
    for name, words in cases.items():
        path.write_bytes(BAD_FILES[name])
        with pytest.raises(ProjectError, match=words):
            load(path)


def test_newer_project_is_refused_with_a_message_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "story.crosscheck"
    data = _valid()
    data["version"] = VERSION + 1
    data["flags"][0]["anchors"] = {"new": "shape"}  # whatever a newer version writes
    raw = json.dumps(data).encode("utf-8")
    path.write_bytes(raw)
    with pytest.raises(ProjectError, match="newer") as caught:
        load(path)
    assert str(VERSION + 1) in str(caught.value)
    assert path.read_bytes() == raw


# ---------------------------------------------------------------- migration


def _version_1() -> dict[str, Any]:
    quote = span_of(TEXT_B, QUOTE_B)
    return {
        "format": FORMAT, "version": 1, "generator": "crosscheck 0.1.0a1",
        "settings": {"claim_link": 0.5},
        "reference": "s1",
        "sources": [{"id": "s1", "path": "a.txt", "text": TEXT_A}, {"id": "s2", "path": "b.txt", "text": TEXT_B}],
        "flags": [{"id": "f-old", "category": "misquote", "severity": "high", "status": "open",
                   "note": "from the preview", "source": "s2", "start": quote.start, "end": quote.end,
                   "text": QUOTE_B, "created": "2025-12-01T08:00:00+00:00"}],
    }


def test_version_1_is_migrated_to_version_2(tmp_path: Path) -> None:
    path = tmp_path / "old.crosscheck"
    raw = json.dumps(_version_1(), indent=2).encode("utf-8")
    path.write_bytes(raw)
    project = load(path)
    assert path.read_bytes() == raw  # opening never rewrites the file
    (flag,) = project.flags
    assert flag.id == "f-old" and flag.note == "from the preview" and flag.category == "misquote"
    quote = span_of(TEXT_B, QUOTE_B)
    assert flag.anchors == (Anchor(source="s2", start=quote.start, end=quote.end, text=QUOTE_B),)
    assert project.corrections == []
    assert project.settings == Settings(claim_link=0.5)
    assert place(flag.anchors[0], project.sources).how == "exact"

    save(project, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2
    saved_flag = data["flags"][0]
    assert [a["text"] for a in saved_flag["anchors"]] == [QUOTE_B]
    assert not {"source", "start", "end", "text"} & set(saved_flag)
    assert data["corrections"] == []
    assert load(path).flags == project.flags


# ---------------------------------------------------------------- crash-safe saves


def _fail_replace(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.EIO, "Input/output error")


def _disk_full(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where,breaker", [("replace", _fail_replace), ("fsync", _disk_full)])
def test_crash_mid_save_keeps_the_previous_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   where: str, breaker: Callable[..., None]) -> None:
    path = tmp_path / "story.crosscheck"
    save(sample_project(), path)
    before = path.read_bytes()
    changed = sample_project()
    changed.flags = []
    changed.sources[0] = Source(id="s1", path="x.txt", text="Completely different text. " * 400)
    monkeypatch.setattr(atomic.os, where, breaker)
    with pytest.raises(ProjectError) as caught:
        save(changed, path)
    monkeypatch.undo()
    message = str(caught.value)
    assert "story.crosscheck" in message and "could not save" in message
    assert "unchanged" in message
    if where == "fsync":
        assert os.strerror(errno.ENOSPC) in message
    assert path.read_bytes() == before
    assert load(path) == sample_project()
    assert [p.name for p in tmp_path.iterdir()] == ["story.crosscheck"]  # no temporary file left


def test_crash_saving_a_new_project_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "fsync", _disk_full)
    with pytest.raises(ProjectError, match="could not save"):
        save(sample_project(), tmp_path / "new.crosscheck")
    assert list(tmp_path.iterdir()) == []


def test_save_into_a_missing_folder_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="could not save"):
        save(sample_project(), tmp_path / "no such folder" / "story.crosscheck")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_new_project_respects_the_umask(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "story.crosscheck"
    save(sample_project(), path)
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode != 0o600
    assert mode == 0o644
    os.umask(0o027)
    other = tmp_path / "other.crosscheck"
    save(sample_project(), other)
    assert stat.S_IMODE(other.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_saving_over_a_project_keeps_its_mode(tmp_path: Path, umask_022: None, mode: int) -> None:
    path = tmp_path / "story.crosscheck"
    save(sample_project(), path)
    path.chmod(mode)
    changed = sample_project()
    changed.flags = changed.flags[:1]
    save(changed, path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert len(load(path).flags) == 1
