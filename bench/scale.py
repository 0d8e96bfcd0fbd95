"""Speed at scale: the whole command on a realistic news cycle, its stages, its memory, its curve.

    python bench/scale.py [N ...]          # default: 100 200 400 1000

For each N, ``bench/corpus.py`` writes a news cycle of N articles of about 650 words (real
reporting from the development set, else the demo articles: wire copies, rewrites, own reports,
page clutter; fixed seed) into a temporary folder. Then:

- **whole**: ``crosscheck compare <N files> -f json -o out.json`` in a fresh process, timed from
  outside (start-up, loading, analysis, export), with its peak memory;
- **stages**: the analysis again in this process (another process for each N, so that memory and
  caches start empty), split by the progress messages the engine reports;
- the **growth exponent** between successive sizes (1.0 is linear).

Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def stages(folder: str) -> None:
    """(in a child process) the analysis of ``folder``'s articles, stage by stage, as JSON."""
    from crosscheck.core.pipeline import analyze
    from crosscheck.io.load import load_sources

    paths = sorted(Path(folder).glob("*.txt"))
    sources = load_sources(map(str, paths))
    spent: dict[str, float] = {}
    last = [time.perf_counter(), "start"]

    def progress(_: float, message: str) -> None:
        now = time.perf_counter()
        name = "reading articles" if last[1].startswith("reading") else last[1]
        spent[name] = spent.get(name, 0.0) + now - last[0]
        last[:] = [now, message]

    analyze(sources, progress=progress)
    spent.pop("start", None)
    print(json.dumps(spent))


def whole(files: list[str], out: str) -> tuple[float, float]:
    """Wall seconds and peak MiB of one ``crosscheck compare`` process. (The children's peak is
    the largest so far: sizes are run smallest first, so it is this run's.)"""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crosscheck", "compare", "-q", *files, "-f", "json", "-o", out],
                   check=True, cwd=ROOT)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, peak / 1024


def main(argv: list[str]) -> int:
    if argv[:1] == ["--stages"]:
        stages(argv[1])
        return 0
    sizes = [int(a) for a in argv] or [100, 200, 400, 1000]
    sys.path.insert(0, str(HERE))
    import corpus

    print(f"{len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()} cores")
    print(f"{'articles':>8} {'words':>8} {'whole s':>8} {'peak MiB':>8} {'exponent':>8}  stages (s)")
    last = None
    events = corpus.material()
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            made = corpus.make(n, events=events)
            for name, text in made:
                (folder / name).write_text(text, encoding="utf-8")
            words = sum(len(t.split()) for _, t in made)
            files = [str(folder / name) for name, _ in made]
            took, peak = whole(files, str(Path(tmp) / f"{n}.json"))
            split = json.loads(subprocess.run([sys.executable, __file__, "--stages", str(folder)], check=True,
                                              capture_output=True, text=True, cwd=ROOT).stdout)
            growth = f"{math.log(took / last[1]) / math.log(n / last[0]):.2f}" if last else ""
            parts = ", ".join(f"{k} {v:.2f}" for k, v in split.items())
            print(f"{n:>8} {words:>8} {took:>8.2f} {peak:>8.0f} {growth:>8}  {parts}", flush=True)
            last = (n, took)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
