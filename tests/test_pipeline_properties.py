"""Properties of the whole pipeline, for articles Hypothesis writes: shared sayings reworded,
speakers, figures, negations, mixed quote marks, stray marks, odd white space and characters
from other scripts. Whatever the text, every span slices the text shown, every diff rebuilds
both of its passages, and the result does not depend on the order the articles are given in.

The per-example deadline is the "bounded time" property: a step that turned quadratic on some
shape of text would blow it long before a user noticed.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.core.model import Comparison, Source
from crosscheck.core.pipeline import analyze
from tests.fuzzing import examples

_SAYINGS = (
    "We will rebuild the harbour wall before the winter storms",
    "Nobody was hurt when the ferry hit the pier",
    "The council has not approved the 4.2 million euro budget",
    "I am proud of every volunteer who came out that night",
    "This is not the end of the inquiry",
)
_SPEAKERS = ("Mayor Elena Voss", "Tomas Reyner", "the harbour master", "Dr Amara Okafor", "a spokeswoman")
_FACTS = (
    "The ferry carries about 4,200 passengers a day in summer",
    "Repairs could cost €1.3m, according to the authority",
    "The vote was 7 to 2 on Tuesday",
    "The pier was built in 1998 and has never been closed",
    "Engineers found cracks below the waterline",
)
_MARKS = (("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("「", "」"))
_ODD = ("", " ", "\t", "\u00a0", "\u200b", "é", "\u0301", "🙂", "\u202e", "—", "…", "“", "'", "’", "\\", "*", "#")


@st.composite
def _sentence(draw) -> str:
    kind = draw(st.sampled_from(("quote", "quote", "fact", "noise")))
    if kind == "fact":
        words = draw(st.sampled_from(_FACTS)).split()
    elif kind == "quote":
        words = draw(st.sampled_from(_SAYINGS)).split()
    else:
        return "".join(draw(st.lists(st.sampled_from((*_ODD, "a", "said", "The")), max_size=8)))
    # reworded a little: a word dropped or doubled, another inserted
    if len(words) > 3 and draw(st.booleans()):
        del words[draw(st.integers(0, len(words) - 1))]
    if draw(st.booleans()):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(("not", "very", "2,000", "Voss"))))
    body = " ".join(words)
    if kind == "fact":
        return body + draw(st.sampled_from((".", "", "!", "…")))
    open_, close = draw(st.sampled_from(_MARKS))
    who = draw(st.sampled_from(_SPEAKERS))
    if draw(st.booleans()):
        return f"{open_}{body},{close} {who} said{draw(st.sampled_from(('.', '', ' on Monday.')))}"
    return f"{who} said: {open_}{body}.{close if draw(st.booleans()) else ''}"


@st.composite
def _article(draw) -> str:
    paragraphs = draw(st.lists(st.lists(_sentence(), min_size=1, max_size=3), min_size=1, max_size=6))
    glue = draw(st.sampled_from((" ", "  ", "", "\n")))
    breaks = draw(st.sampled_from(("\n\n", "\n", "\n\n\n", "\n \n")))
    head = draw(st.sampled_from(("", "Harbour news\n\nBy Ann Berg\n\n", "# Ferry\n\n")))
    return head + breaks.join(glue.join(p) for p in paragraphs)


def _rebuild(ops: tuple[tuple[int, str], ...]) -> tuple[str, str]:
    return "".join(t for op, t in ops if op <= 0), "".join(t for op, t in ops if op >= 0)


_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]


def _sources(texts: list[str]) -> list[Source]:
    return [Source(id=f"s{i}", path=f"{i}.txt", text=t) for i, t in enumerate(texts, 1)]


def _check_spans(c: Comparison) -> None:
    text = {s.id: s.text for s in c.sources}
    for g in c.groups:
        assert len({m.source for m in g.members}) >= 2
        for m in g.members:
            assert 0 <= m.span.start <= m.span.end <= len(text[m.source])
            assert text[m.source][m.span.start : m.span.end] == m.text
        for d in g.diffs:
            a, b = g.members[d.a_index], g.members[d.b_index]
            assert (a.source, b.source) == (d.a, d.b)
            assert _rebuild(d.ops) == (a.text, b.text)
    for u in c.unique:
        assert text[u.source][u.span.start : u.span.end] == u.text
    for sid, span in c.boilerplate:
        assert 0 <= span.start <= span.end <= len(text[sid])
    for p in c.phrases:
        assert 0 <= p.a_span.start < p.a_span.end <= len(text[p.a])
        assert 0 <= p.b_span.start < p.b_span.end <= len(text[p.b])


def _shape(c: Comparison) -> tuple:
    """What the reader is shown, whatever order the articles came in: the groups as sets of
    passages, the passages only one source has, and the conflicts found."""
    groups = frozenset((g.kind, frozenset((m.source, m.span.start, m.span.end) for m in g.members)) for g in c.groups)
    unique = frozenset((u.source, u.span.start, u.span.end, u.kind) for u in c.unique)
    findings = frozenset((f.kind, frozenset(f.sources)) for g in c.groups for f in g.findings)
    return groups, unique, findings


@pytest.mark.fuzz
@settings(max_examples=examples(20), deadline=5000, suppress_health_check=_SLOW_OK)
@given(st.lists(_article(), min_size=2, max_size=4))
def test_any_articles_spans_slice_the_text_and_diffs_rebuild_both_sides(texts: list[str]) -> None:
    _check_spans(analyze(_sources(texts)))


@pytest.mark.fuzz
@settings(max_examples=examples(15), deadline=5000, suppress_health_check=_SLOW_OK)
@given(st.lists(_article(), min_size=2, max_size=3), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_the_order_of_the_articles(texts: list[str], rnd) -> None:
    sources = _sources(texts)
    shuffled = list(sources)
    rnd.shuffle(shuffled)
    assert _shape(analyze(sources)) == _shape(analyze(shuffled))
