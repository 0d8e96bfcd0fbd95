"""A realistic news cycle to time the engine on: many outlets, many stories, fixed seed.

    python bench/corpus.py N DIR         # writes N articles into DIR (a0001.txt, …)

Why not random text: the engine's cost lives in what articles share — quotes repeated by every
outlet, wire copies, rewrites, paragraphs moved about — so the corpus is built from real
reporting. Its material is the development set's texts (``$CROSSCHECK_DEVSET``), each story's
articles being several outlets' real takes on one event; without them the demo articles stand
in. A cycle of N articles carries about N/10 stories. Each story gets its own wire text (about
650 words drawn from its event's real articles), and each outlet that carries it publishes one
of:

- a **wire copy** (the same body, perhaps cut short, under the outlet's own header and footer),
- a **rewrite** (paragraphs reordered, some sentences dropped, words swapped for synonyms, a
  paragraph of the outlet's own added), or
- an **own report** (another outlet's real article on the event, padded to length from the
  others).

Every article carries the clutter real pages carry: a byline, "Read more" teasers, share
prompts. The same seed gives the same corpus.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

TARGET_WORDS = 670
_SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "people": "residents",
    "government": "administration", "officials": "authorities", "police": "officers",
    "announced": "declared", "killed": "left dead", "company": "firm", "major": "big",
    "about": "around", "more than": "over", "also": "additionally", "after": "following",
}
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"‘])")


def material() -> list[list[str]]:
    """Each event's real articles (at least one per event), from the development set or the demo."""
    try:
        from crosscheck.devset import stories
        found = [[p.read_text(encoding="utf-8") for p in s.paths] for s in stories()[0]]
    except Exception:  # noqa: BLE001 - a bench falls back rather than fails
        found = []
    if found:
        return found
    from crosscheck.resources import demo_articles
    return [[p.read_text(encoding="utf-8") for p in demo_articles()]]


def _paragraphs(text: str) -> list[str]:
    """Blank-line paragraphs, or lines where a page has one paragraph a line."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(paras) <= 2:
        paras = [p.strip() for p in text.splitlines() if p.strip()]
    return paras


def _words(paras: list[str]) -> int:
    return sum(len(p.split()) for p in paras)


def _wire(event: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """A story's headline and ~650-word body, drawn from its event's articles in their order."""
    lead = rng.randrange(len(event))
    first = _paragraphs(event[lead])
    headline, body = first[0], first[1:]
    others = [p for i, t in enumerate(event) if i != lead for p in _paragraphs(t)[1:]]
    rng.shuffle(others)
    seen = set(body)
    for p in others:
        if _words(body) >= TARGET_WORDS:
            break
        if p not in seen and len(p.split()) > 8:
            body.append(p)
            seen.add(p)
    while len(body) > 3 and _words(body[:-1]) >= TARGET_WORDS:  # a long lead article is cut
        body.pop()
    return headline, body


def _reword(sentence: str, rng: random.Random) -> str:
    for word, other in rng.sample(list(_SYNONYMS.items()), 3):
        if re.search(rf"\b{word}\b", sentence):
            return re.sub(rf"\b{word}\b", other, sentence, count=1)
    return sentence


def _rewrite(body: list[str], extra: list[str], rng: random.Random) -> list[str]:
    out = []
    for para in body:
        sentences = _SENTENCE.split(para)
        kept = [(_reword(s, rng) if rng.random() < 0.3 else s) for s in sentences if rng.random() > 0.1]
        if kept:
            out.append(" ".join(kept))
    lead, rest = out[:1], out[1:]
    rng.shuffle(rest)
    if extra:
        rest.insert(rng.randrange(len(rest) + 1), rng.choice(extra))
    return lead + rest


def _article(outlet: str, headline: str, body: list[str], rng: random.Random, teaser: str) -> str:
    byline = f"By {rng.choice(['Staff', 'Wire', 'Our correspondent', 'News desk'])} | {outlet}"
    clutter_top = [f"{outlet} | News | World | Business | Sport", headline, byline]
    clutter_end = [f"Read more: {teaser}", "Share this article on Facebook, X and email",
                   f"© 2023 {outlet}. All rights reserved."]
    return "\n\n".join(clutter_top + body + clutter_end) + "\n"


def make(n: int, seed: int = 11, events: list[list[str]] | None = None) -> list[tuple[str, str]]:
    """``n`` articles as (file name, text): about n/10 stories, each carried by several outlets."""
    rng = random.Random(seed)
    events = events or material()
    stories = []
    for k in range(max(1, n // 10)):
        event = events[k % len(events)]
        stories.append((event, *_wire(event, rng)))
    out = []
    for i in range(n):
        event, headline, body = stories[i % len(stories)]
        outlet = f"Outlet {i + 1:04d}"
        teaser = stories[(i * 7 + 3) % len(stories)][1]
        roll = rng.random()
        if roll < 0.4:  # wire copy, perhaps cut short
            text = body[: max(3, len(body) - rng.randrange(3))]
        elif roll < 0.85 or len(event) < 2:  # rewrite
            other = stories[(i * 13 + 5) % len(stories)][2]
            text = _rewrite(body, other[-2:], rng)
        else:  # the outlet's own report on the event
            _, text = _wire(event, rng)
        out.append((f"a{i + 1:04d}.txt", _article(outlet, headline, text, rng, teaser)))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    n, folder = int(argv[0]), Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    corpus = make(n)
    for name, text in corpus:
        (folder / name).write_text(text, encoding="utf-8")
    words = sum(len(t.split()) for _, t in corpus)
    print(f"{n} articles, {words} words ({words / n:.0f} an article) in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
