"""The ``crosscheck compare`` command, run as a user runs it (in-process, and end to end in a process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crosscheck import cli
from tests.cli_run import run_cli, run_process

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo"
FIXTURES = Path(__file__).parent / "fixtures"
DEMO_FILES = sorted(str(p.relative_to(REPO)) for p in DEMO.iterdir() if p.suffix in {".txt", ".md", ".html"})


run = run_cli  # in-process; the demo's JSON below comes from a real process (run_process)


def assert_spans_match(data: dict[str, Any]) -> None:
    """The contract's invariant: every start/end points into its source's text and matches."""
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for group in data["groups"]:
        assert len({m["source"] for m in group["members"]}) >= 2
        for m in group["members"]:
            assert 0 <= m["start"] <= m["end"] <= len(texts[m["source"]])
            assert texts[m["source"]][m["start"] : m["end"]] == m["text"]
    for u in data["unique"]:
        assert texts[u["source"]][u["start"] : u["end"]] == u["text"]
    for b in data["boilerplate"]:
        assert 0 <= b["start"] < b["end"] <= len(texts[b["source"]])


@pytest.fixture(scope="module")
def demo_json() -> dict[str, Any]:
    result = run_process("compare", *DEMO_FILES)  # end to end: the installed entry point in its own process
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_demo_json_schema_and_sources(demo_json: dict[str, Any]) -> None:
    data = demo_json
    assert data["schema"] == 1
    assert data["generator"].startswith("crosscheck ")
    for key in ("sources", "groups", "unique", "flags"):
        assert isinstance(data[key], list)
    sources = data["sources"]
    assert [s["id"] for s in sources] == [f"s{i}" for i in range(1, len(DEMO_FILES) + 1)]
    assert [s["path"] for s in sources] == DEMO_FILES  # as given on the command line
    for s in sources:
        for key in ("title", "outlet", "author", "published", "url", "text"):
            assert key in s
        assert s["text"].strip()
        assert "\r" not in s["text"]
    assert_spans_match(data)


def test_demo_metadata(demo_json: dict[str, Any]) -> None:
    by_file = {Path(s["path"]).name: s for s in demo_json["sources"]}
    courier = by_file["averly-courier.txt"]
    assert courier["outlet"] == "The Averly Courier"
    assert courier["author"] == "Marta Ellison"
    assert courier["published"] == "2026-03-03"
    assert courier["title"].startswith("Ferry service to the Selka islands")
    bulletin = by_file["bayside-bulletin.txt"]
    assert bulletin["outlet"] == "Bayside Bulletin"
    assert bulletin["author"] is None  # not stated, so not invented
    assert bulletin["published"] == "2026-03-03"
    coastline = by_file["coastline-daily.html"]
    assert coastline["outlet"] == "Coastline Daily"
    assert coastline["author"] == "Priya Anand"
    assert coastline["published"] == "2026-03-03"
    assert coastline["title"] == "Selka ferry pulled from service over hull cracks"
    assert "Share on Facebook" not in coastline["text"]
    wire = by_file["northern-wire.md"]
    assert wire["outlet"] == "Northern Wire"
    assert wire["author"] == "Jonah Petrakis"
    assert wire["published"] == "2026-03-04"
    assert "](" not in wire["text"] and "**" not in wire["text"]


def test_fixtures_json(tmp_path: Path) -> None:
    files = [str(FIXTURES / "harbourline-herald.html"), str(FIXTURES / "valley-post-jsonld.html"),
             str(FIXTURES / "lindqvarn-gazette-cp1252.html")]
    result = run("compare", *files, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert [s["path"] for s in data["sources"]] == files
    outlets = ["The Harbourline Herald", "Marrow Valley Post", "Lindqvarn Gazette"]
    assert [s["outlet"] for s in data["sources"]] == outlets
    assert [s["author"] for s in data["sources"]] == ["Ingrid Solberg", "Tobias Rennick", "Renée Fourniér"]
    assert [s["published"] for s in data["sources"]] == ["2025-11-18", "2025-08-02", "2024-06-11"]
    assert "said José Ibáñez" in data["sources"][2]["text"]
    assert_spans_match(data)


def test_relative_paths_are_reported_as_given(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Ferry halted\n\nThe ferry stopped on Monday.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Ferry suspended\n\nThe ferry was suspended on Monday.\n", encoding="utf-8")
    result = run("compare", "one.txt", "./two.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["path"] for s in data["sources"]] == ["one.txt", "./two.txt"]
    assert [s["title"] for s in data["sources"]] == ["Ferry halted", "Ferry suspended"]


def test_markdown_report() -> None:
    result = run("compare", *DEMO_FILES, "--format", "md")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Crosscheck comparison\n")
    assert "## Sources" in out
    for outlet in ("The Averly Courier", "Bayside Bulletin", "Coastline Daily", "Northern Wire"):
        assert f"| {outlet} |" in out
    assert "Marta Ellison" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_html_report() -> None:
    result = run("compare", *DEMO_FILES, "-f", "html")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("<!DOCTYPE html>")
    assert out.rstrip().endswith("</html>")
    assert "<td>Coastline Daily</td>" in out
    assert "<td>Priya Anand</td>" in out


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda text: json.loads(text)["schema"] == 1),
        ("out.md", lambda text: text.startswith("# Crosscheck comparison")),
        ("out.markdown", lambda text: text.startswith("# Crosscheck comparison")),
        ("out.html", lambda text: text.startswith("<!DOCTYPE html>")),
        ("OUT.HTM", lambda text: text.startswith("<!DOCTYPE html>")),
    ],
)
def test_output_file_format_from_extension(tmp_path: Path, name: str, check: Any) -> None:
    target = tmp_path / name
    result = run("compare", *DEMO_FILES, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert check(target.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_format_option_wins_over_extension(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = run("compare", *DEMO_FILES, "-o", str(target), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Crosscheck comparison")


def test_output_file_with_unknown_extension_is_refused(tmp_path: Path) -> None:
    result = run("compare", *DEMO_FILES, "-o", str(tmp_path / "report.xyz"))
    assert_refused(result, "cannot tell the format")
    assert not (tmp_path / "report.xyz").exists()


def test_output_to_missing_folder_is_refused(tmp_path: Path) -> None:
    result = run("compare", *DEMO_FILES, "-o", str(tmp_path / "no" / "such" / "out.json"))
    assert_refused(result, "cannot write it")


# --- refusals ------------------------------------------------------------------------------------


def assert_refused(result: subprocess.CompletedProcess[str], fragment: str) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("crosscheck: ")
    assert fragment in lines[0]
    return lines[0]


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    line = assert_refused(run("compare", DEMO_FILES[0], missing), "no such file")
    assert line == f"crosscheck: {missing}: no such file"


def test_binary_file(tmp_path: Path) -> None:
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_refused(run("compare", DEMO_FILES[0], str(blob)), "PNG image")


def test_binary_file_without_magic(tmp_path: Path) -> None:
    blob = tmp_path / "data.bin"
    blob.write_bytes(b"\x00\x01\x02\x03" * 256)
    assert_refused(run("compare", str(blob), DEMO_FILES[0]), "binary file")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_refused(run("compare", DEMO_FILES[0], str(empty)), "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    blank = tmp_path / "blank.md"
    blank.write_text("\n   \n\t\n", encoding="utf-8")
    assert_refused(run("compare", DEMO_FILES[0], str(blank)), "empty")


def test_folder(tmp_path: Path) -> None:
    assert_refused(run("compare", DEMO_FILES[0], str(tmp_path)), "is a folder")


def test_only_one_source() -> None:
    line = assert_refused(run("compare", DEMO_FILES[0]), "at least two")
    assert line == "crosscheck: need at least two articles to compare"


def test_no_sources() -> None:
    assert_refused(run("compare"), "at least two")


def test_page_without_article(tmp_path: Path) -> None:
    assert_refused(run("compare", DEMO_FILES[0], str(FIXTURES / "chrome-only.html")), "no article text")


def test_unreachable_url() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert_refused(run("compare", DEMO_FILES[0], f"http://127.0.0.1:{port}/a"), "cannot reach it")


# --- streams and imports ------------------------------------------------------------------------------


def test_progress_goes_to_stderr_never_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A real run is too quick to show progress; make the reporter speak at once.
    class EagerProgress(cli._Progress):
        def __init__(self, enabled: bool) -> None:
            super().__init__(enabled, after_s=-1.0)

    monkeypatch.setattr(cli, "_Progress", EagerProgress)
    code = cli.main(["compare", *(str(REPO / f) for f in DEMO_FILES)])
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out)["schema"] == 1  # stdout is the JSON and nothing else
    assert "crosscheck:" in err and "loading" in err
    assert "crosscheck:" not in out


def test_quiet_prints_nothing_on_stderr(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class EagerProgress(cli._Progress):
        def __init__(self, enabled: bool) -> None:
            super().__init__(enabled, after_s=-1.0)

    monkeypatch.setattr(cli, "_Progress", EagerProgress)
    code = cli.main(["compare", "--quiet", *(str(REPO / f) for f in DEMO_FILES)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    json.loads(out)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("crosscheck ")


def test_importing_the_cli_loads_no_qt() -> None:
    code = (
        "import sys, crosscheck.cli, crosscheck.document, crosscheck.io.load, crosscheck.core.pipeline;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    assert _fresh_python(code) == "[]"


def _fresh_python(code: str) -> str:
    """What a new interpreter prints after running ``code`` (module loading is the point)."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_plain_text_pays_only_for_what_it_needs(tmp_path) -> None:
    # Start-up imports only what the inputs need: no HTML extraction, Markdown parser or HTTP
    # stack for plain text files, and no engine at all for --help.
    article = tmp_path / "a.txt"
    article.write_text("Harbour news\n\nThe ferry was halted on Monday after cracks were found.\n", encoding="utf-8")
    code = (
        "import sys, crosscheck.cli as c;"
        "heavy = ('trafilatura', 'markdown_it', 'urllib.request', 'crosscheck.core.pipeline');"
        "before = [m for m in heavy if m in sys.modules];"
        f"from crosscheck.io.load import load; load({str(article)!r}, 's1');"
        "print(before, [m for m in heavy[:3] if m in sys.modules])"
    )
    assert _fresh_python(code) == "[] []"


def test_reference_by_number_and_by_name(demo_paths, capsys) -> None:
    from crosscheck.cli import main

    paths = [str(p) for p in demo_paths]
    assert main(["compare", *paths, "--reference", "2", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["reference"] == "s2"
    assert main(["compare", *paths, "--reference", demo_paths[2].name, "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["reference"] == "s3"


def test_an_unknown_reference_is_refused(demo_paths, capsys) -> None:
    from crosscheck.cli import main

    paths = [str(p) for p in demo_paths]
    assert main(["compare", *paths, "--reference", "9", "-q"]) == 2
    assert "give 1 to 4" in capsys.readouterr().err
    assert main(["compare", *paths, "--reference", "nowhere.txt", "-q"]) == 2
    assert "no source by that name" in capsys.readouterr().err
