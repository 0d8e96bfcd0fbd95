"""Quality figures: the engine's output scored against hand-made gold (tests/gold/*.json).

    python bench/quality.py            # demo articles, and the seed articles when ../shared/seeds exists

Prints recall and precision per category, then every miss, so a change's effect is visible.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crosscheck.core.pipeline import analyze
from crosscheck.evaluate import score
from crosscheck.io.export import to_dict
from crosscheck.io.load import load
from crosscheck.resources import demo_articles

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def evaluate(paths: list[Path], gold_file: Path, key_len: int):
    sources = [load(str(p), f"s{i}") for i, p in enumerate(paths, 1)]
    result = to_dict(analyze(sources))
    file_of = {p.name[:key_len]: s.id for p, s in zip(paths, sources, strict=True)}
    return score(result, json.loads(gold_file.read_text(encoding="utf-8")), file_of)


def main() -> int:
    heldout = sorted((REPO / "tests" / "heldout").glob("*.*"))
    sets = [
        ("demo", demo_articles(), REPO / "tests" / "gold" / "demo.json"),
        ("held-out (never tuned on)", heldout, REPO / "tests" / "gold" / "heldout.json"),
    ]
    if SEEDS.is_dir():
        sets.append(("seeds", sorted(SEEDS.glob("*.txt")), REPO / "tests" / "gold" / "seeds.json"))
    for name, paths, gold in sets:
        report = evaluate(list(paths), gold, 3)
        print(f"\n## {name} ({len(paths)} articles)")
        for label, value in report.rows():
            print(f"  {label:34} {value}")
        misses = [m for s in (report.quote_links, report.claim_links, report.speakers, report.unique_found,
                              report.differences_shown, report.findings) for m in s.misses] + report.wrong_links
        for miss in misses:
            print(f"    - {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
