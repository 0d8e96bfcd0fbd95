"""The development set: real multi-outlet stories, their gold, and where each article came from.

The articles are third-party text, so they are never committed. Each story's gold file
(``tests/gold/devset/<story>.json``) records, per article, where it was found and the SHA-256 of
the text that was annotated; the texts live outside the repository in
``$CROSSCHECK_DEVSET/<story>/<key>.txt`` (default: ``<temp dir>/crosscheck-devset``). A story
whose texts are absent, or differ from the annotated bytes, is skipped with a reason, so the
scores are never computed against text the gold does not describe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold" / "devset"


def text_dir() -> Path:
    """Where the article texts are kept (outside the repository)."""
    return Path(os.environ.get("CROSSCHECK_DEVSET") or Path(tempfile.gettempdir()) / "crosscheck-devset")


@dataclass(frozen=True)
class Story:
    name: str
    gold: dict[str, Any]
    paths: tuple[Path, ...]  # in the order of the gold's articles
    keys: tuple[str, ...]

    @property
    def language(self) -> str:
        return self.gold.get("language", "en")

    @property
    def topic(self) -> str:
        return self.gold.get("topic", "")


def stories(gold_dir: Path = GOLD_DIR, texts: Path | None = None) -> tuple[list[Story], list[str]]:
    """The stories whose texts are present and unchanged, and a reason for each one skipped."""
    texts = texts or text_dir()
    found: list[Story] = []
    skipped: list[str] = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if "articles" not in gold:
            continue
        name = gold.get("story", gold_file.stem)
        paths, keys, problem = [], [], None
        for art in gold["articles"]:
            path = texts / name / art["file"]
            if not path.is_file():
                problem = f"{name}: {art['file']} is not in {texts / name}"
                break
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if art.get("sha256") and digest != art["sha256"]:
                problem = f"{name}: {art['file']} differs from the annotated text (sha256)"
                break
            paths.append(path)
            keys.append(art["key"])
        if problem:
            skipped.append(problem)
        else:
            found.append(Story(name, gold, tuple(paths), tuple(keys)))
    return found, skipped
