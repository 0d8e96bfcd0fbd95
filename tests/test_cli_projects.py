"""``crosscheck compare`` with projects, run as a user runs it (in-process: tests/cli_run.py)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from crosscheck.core.flags import anchor_at, new_flag
from crosscheck.core.model import Span
from crosscheck.io import project as projects
from tests.cli_run import run_cli

REPO = Path(__file__).resolve().parents[1]

ARTICLE_A = (
    "Library reopens after flood repairs\n\n"
    "The Fennick town library reopened on Saturday after eight months of repairs following the spring flood.\n\n"
    "\u201cEvery book that could be saved has been saved, and the children's room is bigger than before,\u201d "
    "head librarian Maren Solt said.\n\n"
    "The repairs cost the town 340,000 crowns, most of it paid by insurance.\n"
)
ARTICLE_B = (
    "Fennick library doors open again\n\n"
    "Fennick's library opened its doors again on Saturday, eight months after the spring flood.\n\n"
    "Librarian Maren Solt said: \u201cEvery book that could be saved has been saved, and the children's room "
    "is larger than before.\u201d\n\n"
    "The repairs cost 430,000 crowns, the council said.\n"
)
NOTE = "Solt's words differ: bigger or larger?"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("crosscheck: ")
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by ``compare A B -o story.crosscheck``, then flagged through the project API."""
    folder = tmp_path_factory.mktemp("cli-projects")
    (folder / "fennick-gazette.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "valley-news.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = run("compare", "fennick-gazette.txt", "valley-news.txt", "-o", "story.crosscheck", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    path = folder / "story.crosscheck"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "crosscheck-project" and data["version"] == projects.VERSION
    assert [s["text"] for s in data["sources"]] == [ARTICLE_A.strip(), ARTICLE_B.strip()]

    project = projects.load(path)
    a = project.sources[0]
    start = a.text.index("Every book")
    end = a.text.index(" before,") + len(" before")
    b = project.sources[1]
    start_b = b.text.index("Every book")
    end_b = b.text.index(" before.") + len(" before")
    project.flags.append(new_flag([anchor_at(a, Span(start, end)), anchor_at(b, Span(start_b, end_b))],
                                  category="wording change", severity="low", note=NOTE))
    projects.save(project, path)
    # the project opens without the articles it was made from
    (folder / "fennick-gazette.txt").unlink()
    (folder / "valley-news.txt").unlink()
    return path


def test_project_compares_as_json_with_its_flags(story: Path) -> None:
    result = run("compare", story.name, "--format", "json", cwd=story.parent)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["text"] for s in data["sources"]] == [ARTICLE_A.strip(), ARTICLE_B.strip()]
    assert any(g["kind"] == "quote" for g in data["groups"])
    (flag,) = data["flags"]
    assert flag["note"] == NOTE and flag["category"] == "wording change" and flag["severity"] == "low"
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert [sp["source"] for sp in flag["spans"]] == ["s1", "s2"]
    for sp in flag["spans"]:
        assert not sp["orphaned"]
        assert texts[sp["source"]][sp["start"] : sp["end"]] == sp["text"]
    assert data["coverage"]["reference"] == "s1"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_project_compares_as_a_report_with_its_flags(story: Path, fmt: str) -> None:
    result = run("compare", story.name, "--format", fmt, cwd=story.parent)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert "Flags (1)" in report
    assert "wording change" in report
    assert "Linked quotes" in report and "Coverage" in report
    shown = NOTE.replace("'", "&#x27;") if fmt == "html" else NOTE
    assert shown in report


def test_project_compares_as_csv_of_its_flags(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "flags.csv"
    result = run("compare", str(story), "-o", str(out), cwd=tmp_path)  # format from the extension
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 1
    assert rows[0]["note"] == NOTE
    # passages are named by outlet, else title: what the window's columns show
    assert "Library reopens after flood repairs: Every book" in rows[0]["passages"]
    assert "Fennick library doors open again: Every book" in rows[0]["passages"]


@pytest.mark.parametrize("damage", ["truncated", "newer", "binary"])
def test_damaged_or_newer_project_exits_2_and_is_left_alone(story: Path, tmp_path: Path, damage: str) -> None:
    good = story.read_bytes()
    if damage == "truncated":
        raw = good[: len(good) // 3]
    elif damage == "binary":
        raw = b"\x00\x9f\xff" * 50
    else:
        data = json.loads(good)
        data["version"] = projects.VERSION + 5
        raw = json.dumps(data).encode("utf-8")
    path = tmp_path / "broken.crosscheck"
    path.write_bytes(raw)
    result = run("compare", path.name, "--format", "json", cwd=tmp_path)
    line = one_line_error(result)
    assert "broken.crosscheck" in line
    if damage == "newer":
        assert "newer" in line
    assert result.stdout == ""
    assert path.read_bytes() == raw
    assert [p.name for p in tmp_path.iterdir()] == ["broken.crosscheck"]


def test_mixing_a_project_with_files_exits_2(story: Path, tmp_path: Path) -> None:
    article = tmp_path / "extra.txt"
    article.write_text(ARTICLE_A, encoding="utf-8")
    before = story.read_bytes()
    result = run("compare", str(story), str(article), cwd=tmp_path)
    line = one_line_error(result)
    assert "project" in line
    assert result.stdout == ""
    assert story.read_bytes() == before


def test_writing_a_project_needs_an_output_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = run("compare", "a.txt", "b.txt", "-f", "crosscheck", cwd=tmp_path)
    line = one_line_error(result)
    assert "-o" in line
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
