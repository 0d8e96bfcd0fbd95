"""Evidence per source: what was read, from where and when — made by loading a file, a page or
pasted text, carried unchanged through projects and the JSON, shown in the details dialog, and a
fetched page's original bytes kept in the project (and refused when they would unfold too far).

Articles are generated here; the page is served by a tiny server on 127.0.0.1 in a thread."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.io import evidence
from crosscheck.io import project as projects
from crosscheck.io.evidence import OriginalError, pack, unpack
from crosscheck.io.fetch import without_credentials
from crosscheck.io.load import MAX_BYTES, load_pasted, load_path, load_url
from tests.cli_run import run_cli
from tests.local_http import serving

STORY = ("<!doctype html><html><head><meta charset='utf-8'><title>Harbour wall repaired</title>"
         "<meta property='og:site_name' content='The Test Gazette'></head><body><article>"
         "<h1>Harbour wall repaired</h1>"
         "<p>The harbour wall at Eastmere was repaired on Tuesday, the council said.</p>"
         "<p>\u201cThe work finished two weeks early,\u201d said the engineer, Dana Reyes.</p>"
         "<p>Boats may moor again from Friday.</p></article></body></html>").encode()
STORY_TYPE = "text/html; charset=utf-8"
OTHER = ("Harbour reopens\n\nBy A. Writer\n\nThe harbour at Eastmere reopens on Friday after the wall was repaired.\n"
         "\u201cThe work finished two weeks early,\u201d said Dana Reyes, the engineer.\n")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    routes = {"/start": (302, {"Location": "/news/harbour", "Content-Length": "0"}, b""),
              "/news/harbour": (200, {"Content-Type": STORY_TYPE}, STORY)}
    with serving(routes) as base:
        yield base


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _read_at(text: str) -> datetime:
    assert text.endswith("Z")
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "other.txt"
    path.write_bytes(OTHER.encode("utf-8"))
    return path


def test_a_fetched_page_records_where_it_came_from_when_and_what(server: str) -> None:
    typed = server.replace("http://", "http://reader:hunter2@") + "/start"
    before = _now()
    source = load_url(typed, "s1")
    after = _now()
    found = source.evidence
    assert found is not None
    assert found.origin == f"{server}/start" == source.path  # as typed, without the password
    assert "hunter2" not in repr(source) and "reader" not in repr(source)
    assert found.final_url == f"{server}/news/harbour" == source.url
    assert (found.http_status, found.content_type) == (200, STORY_TYPE)
    assert (found.sha256, found.size) == (hashlib.sha256(STORY).hexdigest(), len(STORY))
    assert before <= _read_at(found.read_at) <= after
    assert source.original == STORY
    assert "Dana Reyes" in source.text


def test_a_files_evidence_is_its_path_and_the_hash_of_its_bytes(article: Path) -> None:
    before = _now()
    source = load_path(str(article), "s1")
    found = source.evidence
    assert found is not None
    assert found.origin == str(article.resolve())
    assert (found.sha256, found.size) == (hashlib.sha256(article.read_bytes()).hexdigest(), article.stat().st_size)
    assert (found.final_url, found.http_status, found.content_type) == (None, None, "text/plain")
    assert before <= _read_at(found.read_at) <= _now()
    assert source.original is None  # a file is on disk: only a fetched page is kept


def test_pasted_text_is_stamped_when_pasted_with_the_hash_of_its_utf8() -> None:
    text = "Harbour reopens\r\n\r\nThe harbour at Eastmere reopens on Friday, the council said.\r\n"
    before = _now()
    found = load_pasted(text, "s3").evidence
    assert found is not None
    assert (found.origin, found.final_url, found.http_status) == ("pasted", None, None)
    assert (found.sha256, found.size) == (hashlib.sha256(text.encode()).hexdigest(), len(text.encode()))
    assert before <= _read_at(found.read_at) <= _now()


@pytest.mark.parametrize(("typed", "kept"), [
    ("https://user:secret@news.example/a?b=c@d", "https://news.example/a?b=c@d"),
    ("http://a@b@news.example:8080/x", "http://news.example:8080/x"),
    ("HTTPS://news.example/@someone", "HTTPS://news.example/@someone"),
    ("https://news.example/a#x@y", "https://news.example/a#x@y"),
])
def test_a_links_password_is_never_kept(typed: str, kept: str) -> None:
    assert without_credentials(typed) == kept


def test_a_project_keeps_the_evidence_and_the_original_and_the_json_never_holds_the_original(
        server: str, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "story.crosscheck"
    made = run_cli("compare", f"{server}/start", str(article), "-o", str(out), "-q")
    assert made.returncode == 0, made.stderr
    saved = projects.load(out)
    fetched, read = saved.sources
    assert fetched.original == STORY and read.original is None
    assert fetched.evidence is not None and fetched.evidence.sha256 == hashlib.sha256(STORY).hexdigest()
    assert read.evidence is not None and read.evidence.origin == str(article.resolve())
    # Reopened later, saved again, compared: the first reading's record, never a new stamp.
    monkeypatch.setattr(evidence, "utc_now", lambda: "2099-01-01T00:00:00Z")
    again = tmp_path / "again.crosscheck"
    projects.save(saved, again)
    reopened = projects.load(again)
    assert [s.evidence for s in reopened.sources] == [fetched.evidence, read.evidence]
    assert reopened.sources[0].original == STORY
    compared = run_cli("compare", str(again), "--format", "json")
    assert compared.returncode == 0, compared.stderr
    data = json.loads(compared.stdout)
    assert [s["evidence"] for s in data["sources"]] == [
        {"origin": f"{server}/start", "read_at": fetched.evidence.read_at, "sha256": fetched.evidence.sha256,
         "size": len(STORY), "final_url": f"{server}/news/harbour", "http_status": 200, "content_type": STORY_TYPE},
        {"origin": str(article.resolve()), "read_at": read.evidence.read_at, "sha256": read.evidence.sha256,
         "size": article.stat().st_size, "final_url": None, "http_status": None, "content_type": "text/plain"},
    ]
    assert "2099" not in compared.stdout
    assert "original" not in data["sources"][0] and pack(STORY) not in compared.stdout
    assert "<article>" not in compared.stdout  # the page's markup: the bytes stay in the project


def _project_with(tmp_path: Path, **fields: object) -> Path:
    """A project of two pasted-looking sources, the first given ``fields`` (its JSON as saved)."""
    a = load_pasted("Harbour wall repaired\n\nThe wall at Eastmere was repaired on Tuesday.", "s1")
    b = load_pasted("Harbour reopens\n\nThe harbour at Eastmere reopens on Friday.", "s2")
    path = tmp_path / "p.crosscheck"
    projects.save(projects.Project([a, b]), path)
    data = json.loads(path.read_text("utf-8"))
    data["sources"][0].update(fields)
    path.write_text(json.dumps(data), "utf-8")
    return path


def _refused(path: Path) -> str:
    before = path.read_bytes()
    result = run_cli("compare", str(path), "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert path.read_bytes() == before
    return result.stderr


def test_a_save_never_writes_a_project_too_large_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crosscheck.core.model import Source

    page = random.Random(7).randbytes(100_000)  # (incompressible: 100 KB of original)
    fetched = replace(load_pasted("The ferry will resume on Friday, the harbour master said.", "s1"),
                      original=page, evidence=evidence.of_bytes(page, "https://example.org/a", "2026-01-01T00:00:00Z"))
    other = Source(id="s2", path="b.txt", text="The ferry resumes on Friday.")
    project = projects.Project(sources=[fetched, other])
    path = tmp_path / "story.crosscheck"
    monkeypatch.setattr(projects, "MAX_PROJECT_BYTES", 60_000)
    notes = projects.save(project, path)
    assert notes and "left out" in notes[0]  # the originals gave way, and the user is told
    reopened = projects.load(path)  # what was written opens again
    assert reopened.sources[0].original is None and reopened.sources[0].evidence == fetched.evidence
    assert reopened.sources[0].text == fetched.text
    before = path.read_bytes()
    monkeypatch.setattr(projects, "MAX_PROJECT_BYTES", 300)  # the text alone is too much now
    with pytest.raises(projects.ProjectError, match="over the limit of 0 MB for a project; nothing was written"):
        projects.save(project, path)
    assert path.read_bytes() == before  # the previous file untouched
    monkeypatch.undo()
    assert projects.save(project, path) == ()  # within the limit: the originals are kept, no note
    assert projects.load(path).sources[0].original == page


def test_a_compressed_original_that_would_unfold_too_far_is_refused(tmp_path: Path) -> None:
    bomb = base64.b64encode(zlib.compress(bytes(8 * 2**20), 9)).decode()  # 8 MB of zeros in 8 KB
    record = {"origin": "https://news.example/a", "read_at": "2026-11-29T20:15:03Z", "sha256": "0" * 64, "size": 1000}
    path = _project_with(tmp_path, evidence=record, original={"compression": "zlib", "size": 1000, "data": bomb})
    assert "sources[0].original unpacks to more than the 1,000 bytes it states" in _refused(path)
    path = _project_with(tmp_path, evidence=record,
                         original={"compression": "zlib", "size": MAX_BYTES + 1, "data": bomb})
    assert "sources[0].original.size is 10,485,761, over the limit of 10,485,760" in _refused(path)


@pytest.mark.parametrize(("fields", "said"), [
    ({"original": {"compression": "zlib", "size": 5, "data": pack(b"other")}},
     "sources[0].original does not match the SHA-256 in its evidence"),
    ({"original": {"compression": "zlib", "size": 5, "data": "not base64!"}},
     "sources[0].original is not valid base64"),
    ({"original": {"compression": "gzip", "size": 5, "data": pack(b"other")}}, "sources[0].original.compression"),
    ({"evidence": {"origin": "pasted", "read_at": "yesterday", "sha256": "0" * 64, "size": 1}},
     "sources[0].evidence.read_at is 'yesterday', not a UTC time"),
    ({"evidence": {"origin": "pasted", "read_at": "2026-11-29T20:15:03Z", "sha256": "ABC", "size": 1}},
     "sources[0].evidence.sha256 is 'ABC', not 64 lower-case hexadecimal digits"),
    ({"pages": [3, 10]}, "sources[0].pages[0] is 3; the first page begins at 0"),
    ({"pages": [0, 20, 10]}, "sources[0].pages[2] is 10, before the page above it (20)"),
    ({"pages": [0, 10**6]}, "sources[0].pages[1] is 1,000,000, past the end of the source's text"),
])
def test_damaged_evidence_originals_and_pages_are_refused_naming_the_field(
        tmp_path: Path, fields: dict[str, object], said: str) -> None:
    assert said in _refused(_project_with(tmp_path, **fields))


def test_page_starts_survive_a_project(tmp_path: Path) -> None:
    source = replace(load_pasted("Page one text here.\n\nPage two text here.", "s1"), pages=(0, 21))
    other = load_pasted("Another article entirely, about something.", "s2")
    projects.save(projects.Project([source, other]), tmp_path / "p.crosscheck")
    back = projects.load(tmp_path / "p.crosscheck").sources[0]
    assert back.pages == (0, 21) and back.page_at(25) == 2


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.integers(-3, 3))
def test_an_original_unpacks_only_to_exactly_its_size(data: bytes, off: int) -> None:
    packed = pack(data)
    assert len(packed) <= evidence.packed_limit(max(len(data), 1))
    if off == 0:
        assert unpack(packed, len(data), MAX_BYTES) == data
    elif len(data) + off >= 0:
        with pytest.raises(OriginalError):
            unpack(packed, len(data) + off, MAX_BYTES)


def test_the_details_dialog_shows_the_evidence_and_saves_the_exact_original(
        qtbot, server: str, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from crosscheck.ui.source_dialog import SourceDialog

    fetched, read = load_url(f"{server}/start", "s1"), load_path(str(article), "s2")
    target = tmp_path / "saved" / "harbour.html"
    target.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _parent, _title, name, _filter: (
        asked.append(name) or (str(target), "")))
    dialog = SourceDialog([fetched, read], "s2")
    qtbot.addWidget(dialog)
    dialog.show()
    shown: dict[str, dict[str, str]] = {}
    for sid in ("s2", "s1"):  # the chooser moves between articles, as a person would
        dialog.chooser.setCurrentIndex(dialog.chooser.findData(sid))
        shown[sid] = {key: label.text() for key, label in dialog.evidence.items()}
        shown[sid]["save"] = str(dialog.save_original.isVisible())
    assert shown["s1"]["sha256"] == hashlib.sha256(STORY).hexdigest()
    assert (shown["s1"]["final_url"], shown["s1"]["http_status"]) == (f"{server}/news/harbour", "200")
    assert shown["s1"]["content_type"] == STORY_TYPE and shown["s1"]["size"] == f"{len(STORY):,} bytes"
    assert shown["s1"]["save"] == "True" and shown["s2"]["save"] == "False"
    assert shown["s2"]["sha256"] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert shown["s2"]["origin"] == str(article.resolve()) and shown["s2"]["final_url"] == "—"
    qtbot.mouseClick(dialog.save_original, Qt.MouseButton.LeftButton)
    assert asked == ["harbour.html"]
    assert target.read_bytes() == STORY
    assert [p.name for p in target.parent.iterdir()] == ["harbour.html"]  # no temporary file left
    assert dialog.edited() == []  # the evidence is shown, never edited
