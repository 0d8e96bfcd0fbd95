"""Crosscheck beside CollateX, the standard tool for collating versions of a text.

    python bench/collatex.py [FILE ...] [--runs N]      # default: the five seeds, else the demo

CollateX (``pip install collatex``) runs in an environment of its own, made on first use in the
temporary folder (``crosscheck-bench-collatex``), so it never enters Crosscheck's own. Both tools
get the same articles and are timed as whole processes, in turn (A B A B …), so a machine that
speeds up or slows down during the run moves both: the ratio is taken pair by pair and its
median printed. CollateX aligns the articles token by token (``segmentation=True``, JSON out);
Crosscheck runs ``crosscheck compare … -f json``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = Path(tempfile.gettempdir()) / "crosscheck-bench-collatex"
COLLATE = """
import sys
from collatex import Collation, collate
c = Collation()
for i, p in enumerate(sys.argv[1:]):
    c.add_plain_witness(f"w{i}", open(p, encoding="utf-8").read())
collate(c, output="json", segmentation=True)
"""


def collatex_python() -> Path:
    python = ENV / "bin" / "python"
    if not python.exists():
        print(f"making CollateX's environment in {ENV} …", flush=True)
        venv.create(ENV, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "collatex", "python-Levenshtein"], check=True)
    return python


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    runs = 3
    if "--runs" in argv:
        at = argv.index("--runs")
        runs = int(argv[at + 1])
        del argv[at : at + 2]
    files = argv or [str(p) for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))]
    if not files:
        from crosscheck.resources import demo_articles
        files = [str(p) for p in demo_articles()]
    python = collatex_python()
    ours = [sys.executable, "-m", "crosscheck", "compare", "-q", *files, "-f", "json", "-o", str(ENV / "out.json")]
    theirs = [str(python), "-c", COLLATE, *files]
    pairs = [(timed(ours), timed(theirs)) for _ in range(runs)]
    a = statistics.median(p[0] for p in pairs)
    b = statistics.median(p[1] for p in pairs)
    ratio = statistics.median(p[1] / p[0] for p in pairs)
    print(f"{len(files)} articles, {runs} runs each, whole process, median wall time:")
    print(f"  crosscheck compare  {a:.2f} s")
    print(f"  CollateX            {b:.2f} s")
    print(f"  CollateX takes {ratio:.0f}× as long (median of the pairs' ratios)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
