"""Hostile and damaged projects: every one is refused with exit 2 and one line naming the field,
the file is left byte-identical, and nothing but a ProjectError ever comes out of opening one.

All projects are generated here, from a valid one made in the test and then damaged: non-finite
numbers, deep nesting, over-long text, files too large to read, duplicate ids and keys, offsets
out of range, a wrong type in every field, malformed format-1 flags, and random mutations.
"""

from __future__ import annotations

import copy
import json
import pathlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.core.config import Settings
from crosscheck.core.flags import Correction, Flag, anchor_at
from crosscheck.core.model import Furniture, Source, Span
from crosscheck.io.load import MAX_CHARS
from crosscheck.io.project import FORMAT, MAX_PROJECT_BYTES, Project, ProjectError, from_json, load, to_json
from crosscheck.io.strict_json import format_path
from tests.cli_run import run_cli
from tests.fuzzing import examples

# Invented reporting, written for these tests.
TEXT_A = ("Harbour board delays the sea wall vote\n\nBy Imke Solberg · Tidewater Courier\n\n"
          "The harbour board put off its vote on the new sea wall until March, its chair said on Monday.\n\n"
          "\u201cWe need the engineers\u2019 numbers first,\u201d chair Odile Brisk said. The wall would cost "
          "\u20ac4 million. \U0001F30A\n")
TEXT_B = ("Sea wall decision pushed back\n\n"
          "A decision on the sea wall was pushed back to March. \u201cWe need the engineers\u2019 figures "
          "first,\u201d said Odile Brisk, who chairs the board.\n")


def _span(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(at, at + len(words))


def valid_project() -> Project:
    a = Source("s1", "a.txt", TEXT_A, title="Harbour board delays the sea wall vote", outlet="Tidewater Courier",
               author="Imke Solberg", published="2026-03-02", url="https://tidewater.example/wall",
               furniture=(Furniture(_span(TEXT_A, "By Imke Solberg · Tidewater Courier"), "byline"),))
    b = Source("s2", "b.txt", TEXT_B, kind="markdown")
    quote_a, quote_b = _span(TEXT_A, "We need the engineers\u2019 numbers first"), _span(TEXT_B, "We need the")
    flags = [
        Flag("f-0000000001", (anchor_at(a, quote_a), anchor_at(b, quote_b)), category="misquote", severity="high",
             status="confirmed", note="numbers / figures", group_label="Brisk", finding="misquote",
             created="2026-03-03T09:00:00+00:00", modified="2026-03-03T09:10:00+00:00"),
        Flag("f-0000000002", (anchor_at(a, _span(TEXT_A, "\u20ac4 million")),), note="cost not in B"),
    ]
    corrections = [
        Correction("c-0000000001", "link", (anchor_at(a, quote_a), anchor_at(b, quote_b)), "2026-03-03T10:00:00+00:00"),
        Correction("c-0000000002", "unlink", (anchor_at(b, _span(TEXT_B, "Sea wall decision")),)),
    ]
    return Project([a, b], Settings(quote_same=0.7, claim_min_shared=4), "s1", flags, corrections,
                   extra={"ui": {"order": ["s2", "s1"]}, "x_review": {"round": 2}})


VALID = to_json(valid_project())


def valid() -> dict[str, Any]:
    return copy.deepcopy(VALID)


def encoded(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def at(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    """Set (or, with DELETE, remove) the value at ``flags.0.anchors.0.start``."""
    *parents, last = dotted.split(".")
    node: Any = data
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    key: Any = int(last) if isinstance(node, list) else last
    if value is DELETE:
        del node[key]
    else:
        node[key] = value
    return data


DELETE = object()


def refused(tmp_path: Path, raw: bytes) -> str:
    """Open ``raw`` as a project through the command line; the one line it printed."""
    path = tmp_path / "story.crosscheck"
    path.write_bytes(raw)
    result = run_cli("compare", path.name, "-q", cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("crosscheck: story.crosscheck: "), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == raw
    assert [p.name for p in tmp_path.iterdir()] == ["story.crosscheck"]
    return lines[0].removeprefix("crosscheck: story.crosscheck: ")


def test_the_valid_project_opens(tmp_path: Path) -> None:
    path = tmp_path / "story.crosscheck"
    path.write_bytes(encoded(VALID))
    assert load(path) == valid_project()


def test_a_key_with_a_line_break_is_named_on_one_line(tmp_path: Path) -> None:
    # (found by the random-damage run: the key is the file's, and came out across two lines)
    raw = encoded(VALID)[:-1] + b', "format\\n": 1e999, "' + b"k" * 90 + b'": 1}'
    message = refused(tmp_path, raw)
    assert message == "['format\\n'] is 1e999, not a finite number; the file was not changed"


# ---------------------------------------------------------------- numbers, nesting, sizes


@pytest.mark.parametrize("where", ["flags.0.anchors.0.start", "sources.0.furniture.0.end",
                                   "corrections.1.anchors.0.end", "settings.quote_same", "x_review.round"])
def test_non_finite_numbers_are_refused_where_they_are(tmp_path: Path, where: str) -> None:
    shown = where.replace(".0", "[0]").replace(".1", "[1]")
    every = where.startswith("flags")
    for literal in ("NaN", "Infinity", "-Infinity", "1e999", "-1e400") if every else ("Infinity",):
        raw = encoded(at(valid(), where, "@@HERE@@")).replace(b'"@@HERE@@"', literal.encode())
        assert refused(tmp_path, raw).startswith(f"{shown} is {literal}, not a finite number")


@pytest.mark.parametrize("kind", ["[]", "{}"])
def test_deep_nesting_is_refused(tmp_path: Path, kind: str) -> None:
    opening = "[" if kind == "[]" else '{"a":'
    closing = "]" if kind == "[]" else "}"
    for depth in (65, 990, 100_000):  # past the format's bound; near and far past the parser's recursion
        nested = opening * depth + ("1" if kind == "{}" else "") + closing * depth
        raw = encoded(valid()).replace(b'"x_review": {', b'"x_deep": ' + nested.encode() + b', "x_review": {', 1)
        assert "nested more than 64 levels deep" in refused(tmp_path, raw), depth


def test_deep_nesting_inside_a_known_field_is_refused(tmp_path: Path) -> None:
    raw = encoded(at(valid(), "flags.0.note", "@@HERE@@")).replace(b'"@@HERE@@"', b"[" * 50_000 + b"]" * 50_000)
    assert "nested more than 64 levels deep" in refused(tmp_path, raw)


def test_an_article_over_the_limit_is_refused_by_name(tmp_path: Path) -> None:
    message = refused(tmp_path, encoded(at(valid(), "sources.1.text", "w" * (MAX_CHARS + 1))))
    assert message == ("sources[1].text is 2,000,001 characters, over the limit of 2,000,000 for one article; "
                       "the file was not changed")


def test_an_article_at_the_limit_opens(tmp_path: Path) -> None:
    path = tmp_path / "story.crosscheck"
    path.write_bytes(encoded(at(valid(), "sources.1.text", "w" * MAX_CHARS)))
    assert len(load(path).sources[1].text) == MAX_CHARS


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.crosscheck"
    with path.open("wb") as handle:
        handle.truncate(MAX_PROJECT_BYTES + 1)  # sparse: nothing is written, nothing is allocated

    def never(*_args: Any, **_kw: Any) -> None:
        raise AssertionError("the project was read")

    monkeypatch.setattr(pathlib.Path, "open", never)
    monkeypatch.setattr(pathlib.Path, "read_bytes", never)
    result = run_cli("compare", str(path), "-q", cwd=tmp_path)
    monkeypatch.undo()
    assert result.returncode == 2
    assert result.stderr == (f"crosscheck: {path}: {MAX_PROJECT_BYTES + 1:,} bytes is over the limit of 200 MB "
                             "for a project; it was not opened\n")
    assert path.stat().st_size == MAX_PROJECT_BYTES + 1


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    raw = encoded(at(valid(), "ui.order", ["s1"] * 2_001))
    assert refused(tmp_path, raw).startswith("ui.order has 2,001 entries, over the limit of 2,000")


def test_a_huge_integer_is_refused(tmp_path: Path) -> None:
    raw = encoded(at(valid(), "flags.0.anchors.0.end", "@@HERE@@")).replace(b'"@@HERE@@"', b"9" * 5000)
    assert refused(tmp_path, raw).startswith("flags[0].anchors[0].end is an integer of 5,000 digits")


# ---------------------------------------------------------------- ids, keys, offsets


@pytest.mark.parametrize("kind,other", [("sources", "s1"), ("flags", "f-0000000001"), ("corrections", "c-0000000001")])
def test_duplicate_ids_are_refused(tmp_path: Path, kind: str, other: str) -> None:
    message = refused(tmp_path, encoded(at(valid(), f"{kind}.1.id", other)))
    assert message.startswith(f"{kind}[1].id is {other!r}, as is {kind}[0].id: two {kind} share an id")


def test_a_key_given_twice_is_refused(tmp_path: Path) -> None:
    raw = encoded(valid()).replace(b'"id": "s2",', b'"id": "s2", "id": "s1",', 1)
    assert refused(tmp_path, raw).startswith("sources[1] has the key 'id' twice")


@pytest.mark.parametrize("where,value,words", [
    ("sources.0.furniture.0.end", len(TEXT_A) + 1, f"past the end of the source's text ({len(TEXT_A)} characters)"),
    ("sources.0.furniture.0.start", -1, "is -1; it cannot be below 0"),
    ("sources.0.furniture.0.start", len(TEXT_A), "after its end"),
    ("flags.0.anchors.0.start", -4, "is -4; it cannot be below 0"),
    ("flags.0.anchors.1.end", MAX_CHARS + 1, "is 2,000,001, over the limit of 2,000,000"),
    ("flags.0.anchors.0.start", 1000, "after its end"),
    ("corrections.0.anchors.1.end", -7, "is -7; it cannot be below 0"),
    ("corrections.1.anchors.0.start", 30, "after its end"),
    ("flags.0.anchors.0.start", True, "is true, not a whole number"),
    ("flags.0.anchors.0.end", 12.0, "is the number 12.0, not a whole number"),
])
def test_offsets_out_of_range_are_refused(tmp_path: Path, where: str, value: Any, words: str) -> None:
    message = refused(tmp_path, encoded(at(valid(), where, value)))
    assert words in message
    assert message.startswith(where.split(".")[0])


# ---------------------------------------------------------------- a wrong type in every field


def _leaves(node: Any, path: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
    """Every known field of the valid project (the first of each list), as dotted paths."""
    out = [(".".join(path), node)] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("x_") and key not in ("format", "version"):
                out += _leaves(value, (*path, key))
    elif isinstance(node, list) and node:
        out += _leaves(node[0], (*path, "0"))
    return out


def _wrong(value: Any) -> list[Any]:
    """Values of another type; a whole number also gets ``true`` and ``7.5``, which Python would
    take for one."""
    if isinstance(value, int):
        return ["7", True, 7.5]
    if isinstance(value, float):
        return ["0.5", True]
    if isinstance(value, str):
        return [7, ["text"]]
    return [{"0": 1}] if isinstance(value, list) else [["x"]]


LEAVES = _leaves(VALID)


@pytest.mark.parametrize("part", sorted({where.split(".")[0] for where, _ in LEAVES}))
def test_a_wrong_type_in_any_field_is_refused(tmp_path: Path, part: str) -> None:
    fields = [(where, value) for where, value in LEAVES if where.split(".")[0] == part]
    for where, value in fields:
        for bad in _wrong(value):
            message = refused(tmp_path, encoded(at(valid(), where, bad)))
            shown = format_path([int(k) if k.isdigit() else k for k in where.split(".")])
            assert message.startswith(f"{shown} is ") and message.endswith("; the file was not changed"), message


REQUIRED = ["sources", "sources.0.id", "sources.0.text", "flags.0.id", "flags.0.anchors.0.source",
            "flags.0.anchors.0.start", "flags.0.anchors.0.end", "flags.0.anchors.0.text", "corrections.0.id",
            "corrections.0.action", "corrections.0.anchors", "sources.0.furniture.0.start"]


def test_a_required_field_missing_or_null_is_refused(tmp_path: Path) -> None:
    for where in REQUIRED:
        shown = where.replace(".0.", "[0].").replace(".0.", "[0].")
        for absent in (DELETE, None):
            assert refused(tmp_path, encoded(at(valid(), where, absent))).startswith(f"{shown} is missing"), where


@pytest.mark.parametrize("where,value", [("flags.0.severity", "urgent"), ("flags.1.status", "maybe"),
                                         ("corrections.0.action", "merge")])
def test_values_outside_their_choices_are_refused(tmp_path: Path, where: str, value: str) -> None:
    assert f"is {value!r}; it must be one of" in refused(tmp_path, encoded(at(valid(), where, value)))


def test_a_version_that_is_not_a_whole_number_is_refused(tmp_path: Path) -> None:
    for value in (True, 2.0, "2", None):
        assert "format version is missing or invalid" in refused(tmp_path, encoded(at(valid(), "version", value)))


def test_a_lone_surrogate_is_refused_and_a_pair_is_not(tmp_path: Path) -> None:
    raw = json.dumps(at(valid(), "sources.0.title", "Wall \ud800")).encode()  # ASCII escapes: \\ud800
    assert refused(tmp_path, raw).startswith("sources[0].title holds a lone surrogate")
    path = tmp_path / "pair.crosscheck"
    path.write_bytes(json.dumps(valid()).encode())  # the wave emoji as a surrogate pair escape
    assert "\\ud83c\\udf0a" in path.read_text() and load(path).sources[0].text == TEXT_A


# ---------------------------------------------------------------- format 1


def version_1() -> dict[str, Any]:
    quote = _span(TEXT_B, "We need the")
    return {"format": FORMAT, "version": 1, "settings": {"claim_link": 0.5}, "reference": "s1",
            "sources": [{"id": "s1", "path": "a.txt", "text": TEXT_A}, {"id": "s2", "path": "b.txt", "text": TEXT_B}],
            "flags": [{"id": "f-old", "category": "misquote", "severity": "high", "status": "open", "note": "preview",
                       "source": "s2", "start": quote.start, "end": quote.end, "text": "We need the"}]}


def test_a_valid_version_1_project_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.crosscheck"
    path.write_bytes(encoded(version_1()))
    (flag,) = load(path).flags
    assert flag.anchors[0].text == "We need the" and flag.note == "preview"


@pytest.mark.parametrize("where,value,words", [
    ("flags", "f-old", "flags is text, not a list"),
    ("flags.0", 5, "flags[0] is the number 5, not an object"),
    ("flags.0.start", "12", "flags[0].start is text, not a whole number"),
    ("flags.0.start", -1, "flags[0].start is -1"),
    ("flags.0.end", DELETE, "flags[0].end is missing"),
    ("flags.0.text", DELETE, "flags[0].text is missing"),
    ("flags.0.start", 1000, "flags[0].start is 1,000, after its end"),
    ("flags.0.text", 5, "flags[0].text is the number 5, not text"),
    ("flags.0.source", ["s1"], "flags[0].source is a list, not text"),
    ("flags.0.id", None, "flags[0].id is missing"),
    ("flags.0.severity", "critical", "flags[0].severity is 'critical'"),
    ("flags.0.anchors", {"start": 1}, "flags[0].anchors is an object, not a list"),
    ("sources.1.id", "s1", "two sources share an id"),
])
def test_a_version_1_project_with_malformed_flags_is_refused(tmp_path: Path, where: str, value: Any,
                                                             words: str) -> None:
    assert words in refused(tmp_path, encoded(at(version_1(), where, value)))


def test_a_version_1_project_with_an_infinite_offset_is_refused(tmp_path: Path) -> None:
    raw = encoded(at(version_1(), "flags.0.end", "@@HERE@@")).replace(b'"@@HERE@@"', b"Infinity")
    assert refused(tmp_path, raw).startswith("flags[0].end is Infinity, not a finite number")


# ---------------------------------------------------------------- the window says the same


def test_the_window_refuses_with_the_same_line(window: Any, messages: list[tuple[str, str, str]],
                                               tmp_path: Path) -> None:
    raw = encoded(at(valid(), "flags.0.anchors.0.start", "@@HERE@@")).replace(b'"@@HERE@@"', b"NaN")
    line = refused(tmp_path, raw)
    path = tmp_path / "story.crosscheck"
    assert not window.projects.open_project(path)
    assert messages[-1][1:] == ("Could not open the project", f"{path}: {line}")
    assert path.read_bytes() == raw
    assert window.document.sources == []


# ---------------------------------------------------------------- random damage


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(2**40), 2**40), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["s1", "s2", "f-0000000001", "link", "high", ""]))
JSON_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                             st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                           max_leaves=6)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*path, i))
    return out


ALL_PATHS = [p for p in _paths(VALID) if p]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = valid()
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "delete", "duplicate", "offset"]))
            key = path[-1]
            if action == "delete":
                del parent[key]
            elif action == "duplicate" and isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            elif action == "offset":
                parent[key] = draw(st.integers(-3, len(TEXT_A) + 3))
            else:
                parent[key] = draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier mutation removed or replaced this path
    return json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True).encode("utf-8")


def _opens_or_is_refused(folder: Path, raw: bytes) -> None:
    path = folder / "mutated.crosscheck"
    path.write_bytes(raw)
    try:
        project = load(path)
    except ProjectError as exc:
        assert "\n" not in str(exc)
        assert path.read_bytes() == raw
        return
    for source in project.sources:  # what opens is sound: spans inside their text, and it saves again
        assert 0 < len(source.text) <= MAX_CHARS
        assert all(f.span.end <= len(source.text) for f in source.furniture)
    assert len({s.id for s in project.sources}) == len(project.sources)
    # It saves again and reads back the same (save's own write is tested elsewhere; no fsync here).
    text = json.dumps(to_json(project), ensure_ascii=False, indent=1)
    assert from_json(json.loads(text.encode("utf-8")), "again") == project


@pytest.mark.fuzz
@settings(max_examples=examples(150), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=mutated())
def test_random_damage_opens_or_is_refused_long(tmp_path: Path, raw: bytes) -> None:
    _opens_or_is_refused(tmp_path, raw)
