"""Engine speed: how long analysis takes as the number of articles grows.

    python bench/speed.py [N ...]        # default: 5 20 50 100 150

The articles are made here from the demo articles: each copy keeps some paragraphs, shuffles
their order, rewords a few words and gets a fresh outlet name, so the engine sees realistic
overlap (many shared quotes and claims) rather than identical texts. Loading is not timed.
"""

from __future__ import annotations

import random
import sys
import time

from crosscheck.core.pipeline import analyze
from crosscheck.io.load import from_text, load
from crosscheck.resources import demo_articles

_SWAPS = {"said": "stated", "ferry": "vessel", "islands": "isles", "Wednesday": "Thursday", "only": "sole"}


def make_articles(n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    base = [load(str(p), "b") for p in demo_articles()]
    sources = []
    for i in range(n):
        src = base[i % len(base)]
        paras = [src.text[p.start : p.end] for p in src.paragraphs]
        head, body = paras[:1], paras[1:]
        rng.shuffle(body)
        body = body[: max(3, int(len(body) * rng.uniform(0.6, 1.0)))]
        text = "\n\n".join(head + body)
        for old, new in _SWAPS.items():
            if rng.random() < 0.3:
                text = text.replace(old, new)
        sources.append(from_text(text, f"synthetic-{i}.txt", f"s{i + 1}", kind="text"))
    return sources


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [5, 20, 50, 100, 150]
    print(f"{'articles':>9} {'words':>8} {'seconds':>8} {'groups':>7} {'unique':>7}")
    for n in sizes:
        sources = make_articles(n)
        words = sum(s.word_count for s in sources)
        start = time.perf_counter()
        result = analyze(sources)
        took = time.perf_counter() - start
        print(f"{n:>9} {words:>8} {took:>8.2f} {len(result.groups):>7} {len(result.unique):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
