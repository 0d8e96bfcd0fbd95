"""The command line explains itself: help that lists what it reads, clear one-line refusals for
mistyped commands, the same article twice and links it cannot open."""

from __future__ import annotations

import json
import sys

import pytest

from crosscheck import cli
from crosscheck.io.formats import FORMATS, PROJECT_SUFFIX
from tests.cli_run import run_cli


@pytest.mark.parametrize("args", [("--help",), ("compare", "--help"), ("open", "--help")])
def test_help_lists_every_format_links_projects_and_examples(args):
    run = run_cli(*args)
    assert run.returncode == 0
    for fmt in FORMATS:  # the table itself: a new format appears without touching the CLI
        assert fmt.name in run.stdout
        assert " ".join(fmt.extensions) in run.stdout
    assert "https://" in run.stdout
    assert PROJECT_SUFFIX in run.stdout
    assert "examples:" in run.stdout
    assert f"crosscheck {args[0] if args[0] != '--help' else 'compare'} " in run.stdout


def test_main_help_lists_every_command():
    out = run_cli("--help").stdout
    for command in ("open", "compare", "install-desktop"):
        assert command in out


def test_install_desktop_help_says_what_it_writes_and_how_to_undo():
    out = run_cli("install-desktop", "--help").stdout
    assert "--uninstall" in out
    assert "applications/crosscheck.desktop" in out
    assert "XDG_DATA_HOME" in out


@pytest.mark.parametrize("word, hint", [("diff", ""), ("compre", "did you mean 'compare'? "),
                                        ("opne", "did you mean 'open'? ")])
def test_an_unknown_command_lists_the_commands(tmp_path, word, hint):
    run = run_cli(word, "a.txt", "b.txt", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == (f"crosscheck: '{word}' is not a command nor a file here; {hint}"
                          "the commands: open, compare, install-desktop (crosscheck --help shows them)\n")


def test_existing_files_still_open_the_window_without_a_command(tmp_path, monkeypatch):
    # Files named first still mean "open": even a file called like a command word.
    opened: list[list[str]] = []
    monkeypatch.setattr("crosscheck.cli._open", lambda args: opened.append(args.sources) or 0)
    for name in ("diff", "a.txt", "b.txt"):
        (tmp_path / name).write_text("An article.\n", encoding="utf-8")
    assert run_cli("a.txt", "b.txt", cwd=tmp_path).returncode == 0
    assert run_cli("diff", "a.txt", cwd=tmp_path).returncode == 0
    assert run_cli("missing.txt", cwd=tmp_path).returncode == 0  # has an extension: the window says "no such file"
    assert opened == [["a.txt", "b.txt"], ["diff", "a.txt"], ["missing.txt"]]


@pytest.mark.parametrize("second, said", [("a.txt", "a.txt: given twice"),
                                          ("./a.txt", "./a.txt: the same file as a.txt"),
                                          ("sub/../a.txt", "sub/../a.txt: the same file as a.txt")])
def test_the_same_article_twice_is_refused(tmp_path, second, said):
    (tmp_path / "a.txt").write_text("Mayor Ada Stone said on Monday: \"We will rebuild.\"\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    for command in ("compare", "open"):
        run = run_cli(command, "a.txt", second, cwd=tmp_path)
        assert run.returncode == 2
        assert run.stderr == f"crosscheck: {said}; give each article once\n"


def test_a_symlink_to_the_same_article_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("An article.\n", encoding="utf-8")
    try:
        (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    except OSError:
        pytest.skip("no symbolic links here")
    run = run_cli("compare", "a.txt", "link.txt", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, "crosscheck: link.txt: the same file as a.txt; give each article once\n")


def test_the_same_link_twice_is_refused():
    run = run_cli("compare", "https://example.org/a", "https://example.org/a")
    said = "crosscheck: https://example.org/a: given twice; give each article once\n"
    assert (run.returncode, run.stderr) == (2, said)


def test_a_project_holding_one_article_twice_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Mayor Ada Stone said on Monday: \"We will rebuild the bridge.\"\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("The mayor said the bridge would be rebuilt by spring.\n", encoding="utf-8")
    assert run_cli("compare", "a.txt", "b.txt", "-o", "p.crosscheck", cwd=tmp_path).returncode == 0
    data = json.loads((tmp_path / "p.crosscheck").read_text(encoding="utf-8"))
    twin = dict(data["sources"][0], id="s3")
    data["sources"].append(twin)
    (tmp_path / "p.crosscheck").write_text(json.dumps(data), encoding="utf-8")
    run = run_cli("compare", "p.crosscheck", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (
        2, "crosscheck: p.crosscheck: the project holds a.txt twice; remove one in the window\n")


@pytest.mark.parametrize("link", ["ftp://example.org/story.txt", "FTP://example.org/x", "mailto:desk@example.org",
                                  "data:text/plain,hello", "gopher://example.org/1"])
def test_links_it_cannot_open_name_the_ones_it_can(tmp_path, link):
    (tmp_path / "a.txt").write_text("An article.\n", encoding="utf-8")
    run = run_cli("compare", "a.txt", link, cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, f"crosscheck: {link}: only http and https links can be opened\n")


def test_a_file_link_names_the_path_to_give_instead(tmp_path):
    (tmp_path / "a.txt").write_text("An article.\n", encoding="utf-8")
    run = run_cli("compare", "a.txt", "file:///tmp/some%20story.txt", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == ("crosscheck: file:///tmp/some%20story.txt: file links are not opened; "
                          "give the file's path instead: /tmp/some story.txt\n")


def test_the_gui_entry_always_opens_the_window_even_without_a_console(monkeypatch):
    opened: list[list[str]] = []
    monkeypatch.setattr("crosscheck.cli._open", lambda args: opened.append(args.sources) or 0)
    monkeypatch.setattr(sys, "stderr", None)  # pythonw on Windows: no console at all
    monkeypatch.setattr(sys, "argv", ["crosscheck-app", "story.crosscheck"])
    assert cli.gui_main() == 0
    assert sys.stderr is not None
    monkeypatch.setattr(sys, "argv", ["crosscheck-app", "open", "a.txt"])
    assert cli.gui_main() == 0
    assert opened == [["story.crosscheck"], ["a.txt"]]
