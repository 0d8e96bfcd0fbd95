"""Engine time on real articles at scale: the development set's texts, reshuffled into N sources.

    python bench/scale.py [N ...]        # default: 100 200 400

Each source is one of the development set's published articles (cycled), its body paragraphs
shuffled with a fixed seed, so the engine meets real wording, real clutter and many shared
passages. Needs the development set's texts (``$CROSSCHECK_DEVSET``; see
tests/gold/devset/README.md); prints the growth exponent between successive sizes.
"""

from __future__ import annotations

import math
import random
import sys
import time

from crosscheck.core.pipeline import analyze
from crosscheck.devset import stories
from crosscheck.io.load import from_text


def make(n: int, texts: list[str], seed: int = 3) -> list:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = texts[i % len(texts)].split("\n\n")
        head, body = paras[:2], paras[2:]
        rng.shuffle(body)
        out.append(from_text("\n\n".join(head + body), f"a{i}.txt", f"s{i + 1}", kind="text"))
    return out


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [100, 200, 400]
    texts = [p.read_text(encoding="utf-8") for s in stories()[0] for p in s.paths]
    if not texts:
        print("the development set's texts are not here; see tests/gold/devset/README.md")
        return 0
    print(f"{'articles':>9} {'words':>8} {'seconds':>8} {'exponent':>9}")
    last = None
    for n in sizes:
        sources = make(n, texts)
        words = sum(len(s.text.split()) for s in sources)
        start = time.perf_counter()
        analyze(sources)
        took = time.perf_counter() - start
        growth = f"{math.log(took / last[1]) / math.log(n / last[0]):.2f}" if last else ""
        print(f"{n:>9} {words:>8} {took:>8.2f} {growth:>9}", flush=True)
        last = (n, took)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
