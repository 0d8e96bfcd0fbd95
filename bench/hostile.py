"""Hostile shapes of input: how cost grows with size, up to the limits (issue 12).

    python bench/hostile.py [--quick]

Each shape is made at growing sizes (fixed seed, in a temporary folder) and compared with one
ordinary article by ``crosscheck compare X normal.txt -f json`` in a fresh process, timed from
outside with its peak memory; the growth exponent between successive sizes is printed (1.0 is
linear). The shapes, each something an attacker (or a badly saved page) hands us:

- **paragraphs**: up to 50,000 one-line paragraphs made of fifteen words — a fifth of them
  quotations by one of five people — so that every quotation shares words with every other;
- **long article**: one article of real reporting (the development set's articles, else the
  demo's, one after another) up to 1.9 million characters, the limit being 2 million;
- **unclosed quotes**: up to 1.9 million characters where every other paragraph opens a
  quotation and none closes;
- **one paragraph**: up to 1.5 million characters of sentences with no line break at all;
- **two big articles**: two 50,000-paragraph articles against each other.

Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import math
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from scale import whole  # noqa: E402 - the same outside timing as bench/scale.py

_WORDS = "the council said water plan budget river vote mayor school harbour ferry report delay cost new".split()
_PEOPLE = ["Anna Berg", "Tomas Reyner", "Elena Voss", "Kofi Mensah", "Li Wei"]


def paragraphs(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = ["A long thing", ""]
    for i in range(n):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 5))).capitalize()
        roll = rng.random()
        out.append(f'"{words}," {rng.choice(_PEOPLE)} said.' if roll < 0.2 else f"{words} {i}." if roll < 0.5
                   else f"{words}.")
    return "\n\n".join(out)


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 15))).capitalize() + "."


def unclosed(chars: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    out, size, i = ["Title"], 5, 0
    while size < chars:
        para = ("“" if i % 2 == 0 else "") + _sentence(rng)
        out.append(para)
        size += len(para) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def one_paragraph(chars: int, seed: int = 4) -> str:
    rng = random.Random(seed)
    out, size = [], 0
    while size < chars:
        s = _sentence(rng)
        out.append(s)
        size += len(s) + 1
    return "Title\n\n" + " ".join(out)[:chars]


def long_article(chars: int) -> str:
    import corpus

    texts = [t for event in corpus.material() for t in event]
    out, size, k = [], 0, 0
    while size < chars:
        t = texts[k % len(texts)]
        out.append(t)
        size += len(t) + 2
        k += 1
    return "\n\n".join(out)[:chars]


def curve(name: str, make: Callable[[int], str], sizes: list[int], unit: str, tmp: Path, normal: Path,
          both: bool = False) -> None:
    print(f"\n{name}")
    print(f"{unit:>12} {'characters':>11} {'s':>7} {'peak MiB':>9} {'exponent':>9}")
    last = None
    for n in sizes:
        path = tmp / f"{name.split()[0]}-{n}.txt"
        text = make(n)
        path.write_text(text, encoding="utf-8")
        other = normal
        if both:
            other = tmp / f"{name.split()[0]}-{n}-b.txt"
            other.write_text(paragraphs(n, seed=7), encoding="utf-8")
        chars = len(text)
        took, peak = whole([str(path), str(other)], str(tmp / "out.json"))
        growth = f"{math.log(took / last[1]) / math.log(chars / last[0]):.2f}" if last else ""
        print(f"{n:>12,} {chars:>11,} {took:>7.2f} {peak:>9.0f} {growth:>9}", flush=True)
        last = (chars, took)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        normal = tmp / "normal.txt"
        normal.write_text(long_article(4_000), encoding="utf-8")
        curve("paragraphs", paragraphs, [5_000, 50_000] if quick else [5_000, 10_000, 20_000, 50_000],
              "paragraphs", tmp, normal)
        curve("long article", long_article, [250_000, 1_900_000] if quick else [250_000, 500_000, 1_000_000, 1_900_000],
              "characters", tmp, normal)
        if not quick:
            curve("unclosed quotes", unclosed, [475_000, 950_000, 1_900_000], "characters", tmp, normal)
            curve("one paragraph", one_paragraph, [375_000, 750_000, 1_500_000], "characters", tmp, normal)
            curve("two big articles", paragraphs, [10_000, 50_000], "paragraphs", tmp, normal, both=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
