"""Quality figures: the engine's output scored against hand-made gold.

    python bench/quality.py              # demo, held-out, seeds (when ../shared/seeds exists),
                                         # and every development-set story whose texts are present
    python bench/quality.py --devset     # the development set only, one row per story
    python bench/quality.py -v           # also every miss

The development set's texts are kept outside the repository (see crosscheck/devset.py and
tests/gold/devset/README.md); stories whose texts are absent are skipped and named.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from crosscheck.core.pipeline import analyze
from crosscheck.devset import stories
from crosscheck.evaluate import Report, score
from crosscheck.io.export import to_dict
from crosscheck.io.load import load
from crosscheck.resources import demo_articles

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

# The columns of the per-story table: what issue-level targets are measured on.
COLUMNS = [
    ("quotes", lambda r: r.quote_links),
    ("q.wrong", lambda r: len([w for w in r.wrong_links if not w.startswith("claim:")])),
    ("speakers", lambda r: r.speakers),
    ("claims", lambda r: r.claim_links),
    ("c.wrong", lambda r: len([w for w in r.wrong_links if w.startswith("claim:")])),
    ("shared→unique", lambda r: r.shared_called_unique),
    ("boilerplate", lambda r: r.boilerplate_recognised),
    ("unquoted", lambda r: r.unquoted_links),
    ("bad findings", lambda r: len(r.wrong_speaker_findings)),
]


def evaluate(paths: list[Path], gold: dict, keys: list[str]) -> Report:
    sources = [load(str(p), f"s{i}") for i, p in enumerate(paths, 1)]
    result = to_dict(analyze(sources))
    return score(result, gold, dict(zip(keys, (s.id for s in sources), strict=True)))


def fixed_sets() -> list[tuple[str, list[Path], dict, list[str]]]:
    sets = []
    heldout = sorted((REPO / "tests" / "heldout").glob("*.*"))
    for name, paths, gold in [
        ("demo", list(demo_articles()), "demo.json"),
        ("held-out", heldout, "heldout.json"),
        ("seeds", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [], "seeds.json"),
    ]:
        if paths:
            data = json.loads((REPO / "tests" / "gold" / gold).read_text(encoding="utf-8"))
            sets.append((name, paths, data, [p.name[:3] for p in paths]))
    return sets


def _cell(value) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value.found}/{value.total}" if value.total else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", action="store_true", help="the development set only")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", metavar="FILE", help="also write the per-story figures as JSON")
    args = parser.parse_args(argv)

    dev, skipped = stories()
    sets = [] if args.devset else fixed_sets()
    sets += [(s.name, list(s.paths), s.gold, list(s.keys)) for s in dev]
    reports: list[tuple[str, Report]] = []
    for name, paths, gold, keys in sets:
        report = evaluate(paths, gold, keys)
        reports.append((name, report))
        if args.verbose:
            print(f"\n## {name} ({len(paths)} articles)")
            for label, value in report.rows():
                print(f"  {label:34} {value}")
            for miss in report.all_misses():
                print(f"    - {miss}")
    print()
    head = f"{'set':34}" + "".join(f"{c:>14}" for c, _ in COLUMNS)
    print(head)
    for name, report in reports:
        print(f"{name:34}" + "".join(f"{_cell(get(report)):>14}" for _, get in COLUMNS))
    devnames = {s.name for s in dev}
    total = Report.sum([r for n, r in reports if n in devnames])
    if total is not None:
        print(f"{'development set, all':34}" + "".join(f"{_cell(get(total)):>14}" for _, get in COLUMNS))
        print(f"\nspeakers (a wrong name counts twice): {total.speakers}")
    for reason in skipped:
        print(f"skipped {reason}")
    if args.json:
        out = {name: {c: _cell(get(r)) for c, get in COLUMNS} for name, r in reports}
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
