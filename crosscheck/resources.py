"""Where runtime assets live, in a source checkout and in an installed wheel alike.

The repository keeps them in the top-level ``resources/`` folder; the wheel build copies that
folder into the package as ``crosscheck/resources_data`` (see pyproject.toml), so an installed
app never depends on a checkout.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    for candidate in (_PACKAGE / "resources_data", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Crosscheck's resources folder is missing; reinstall the package")


def demo_articles() -> list[Path]:
    """The built-in demo articles, in a stable order."""
    folder = resources_dir() / "demo"
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})
