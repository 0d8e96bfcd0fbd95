"""The standalone build's configuration, checked without building (a build takes a minute and
needs PyInstaller): what it starts, what it leaves out, and that ``./dev build`` runs it."""

from __future__ import annotations

import ast
import re

import pytest

from tests.conftest import REPO

SPEC = REPO / "packaging" / "crosscheck.spec"


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))  # a spec is Python; parsing it checks its syntax too


def qt_excludes() -> set[str]:
    for node in ast.walk(spec_tree()):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "QT_EXCLUDES":
            comp = node.value
            assert isinstance(comp, ast.ListComp)
            return {f"PySide6.{elt.value}" for elt in comp.generators[0].iter.elts}
    raise AssertionError("QT_EXCLUDES is not in the spec")


def test_the_spec_starts_the_command_line_entry():
    text = SPEC.read_text(encoding="utf-8")
    assert '"packaging" / "launch.py"' in text
    launch = (REPO / "packaging" / "launch.py").read_text(encoding="utf-8")
    assert "from crosscheck.cli import main" in launch
    assert 'name="crosscheck"' in text and "COLLECT(" in text  # one folder: dist/crosscheck/
    assert "BUNDLE(" in text and "crosscheck-app" in text  # macOS .app, the windowed Windows exe


def test_heavy_qt_modules_are_left_out_and_every_module_the_app_imports_is_kept():
    excluded = qt_excludes()
    for heavy in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtNetwork", "QtPdf"):
        assert f"PySide6.{heavy}" in excluded
    used = set()
    for path in (REPO / "crosscheck").rglob("*.py"):
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "the app imports no Qt module?"
    assert not {f"PySide6.{m}" for m in used} & excluded


def test_tests_and_test_tools_stay_out_of_the_bundle():
    text = SPEC.read_text(encoding="utf-8")
    for name in ('"tests"', '"pytest"', '"hypothesis"', '"ruff"', '"tkinter"'):
        assert name in text


def test_dev_build_installs_pyinstaller_only_for_building_and_runs_the_spec():
    dev = (REPO / "dev").read_text(encoding="utf-8")
    assert re.search(r"^\s*build\) build ;;", dev, re.M)
    assert "pyinstaller" in dev and "packaging/crosscheck.spec" in dev
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert any(r.lower().startswith("pyinstaller") for r in extras["build"])
    assert not any(r.lower().startswith("pyinstaller") for r in extras["test"])  # ./dev test does not pull it
    assert project["gui-scripts"]["crosscheck-app"] == "crosscheck.cli:gui_main"
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert "dist/" in ignored and "build/" in ignored
