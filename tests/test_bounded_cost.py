"""Every stage's cost stays bounded on hostile shapes of text (issue 12), shown by what each
stage is allowed to do rather than by timing it (figures live in ``bench/hostile.py``):

- quotes made of a handful of words repeated propose every pair of quotes: the pairs weighed stay
  within a budget, the rarest words proposing first;
- a surname named thousands of times is looked up in logarithmic time, with the same answers;
- "does only white space follow this passage?" is answered once per text;
- a long flagged passage is looked for by its ends, never by a fuzzy search of its whole length;
- Ctrl-C during a long comparison ends it with status 130 and writes nothing.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.core import align, flags
from crosscheck.core.flags import anchor_at, place
from crosscheck.core.model import Source, Span
from crosscheck.core.people import Mention, _Called
from crosscheck.core.pipeline import analyze
from crosscheck.core.spans import text_end
from tests.cli_run import run_cli

_WORDS = "council water plan budget river vote mayor school harbour ferry report delay".split()


def _hostile_article(n: int, seed: int) -> str:
    """``n`` quotes of a dozen words shuffled, every tenth one the same words in every article."""
    rng = random.Random(seed)
    lines = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 6))) for _ in range(n)]
    lines[::10] = [" ".join(_WORDS[k : k + 5]) for k in range(len(lines[::10]))]
    return "Title\n\n" + "\n\n".join(f"“{line.capitalize()},” Anna Berg said." for line in lines)


def test_too_common_keeps_the_rarest_words_within_the_budget() -> None:
    cost = {"rare": 1, "some": 10, "many": 100, "most": 1000}
    assert align.too_common(cost, 2000) == set()
    assert align.too_common(cost, 500) == {"most"}
    assert align.too_common(cost, 50) == {"many", "most"}
    assert align.too_common(cost, 0) == set(cost)


def test_quotes_of_a_few_words_repeated_weigh_a_bounded_number_of_pairs(monkeypatch) -> None:
    budget = 2_000
    monkeypatch.setattr(align, "pair_budget", lambda variants: budget)
    calls = []
    real = align._quote_link
    monkeypatch.setattr(align, "_quote_link", lambda *a: calls.append(a[1:3]) or real(*a))
    sources = [Source(id=f"s{i}", path=f"{i}.txt", text=_hostile_article(150, i)) for i in (1, 2)]
    c = analyze(sources)
    # 300 quotes, nearly all sharing words: weighing every pair would be ~45,000 comparisons
    assert len(calls) <= 2 * budget
    # and the same words in both articles still link, whatever their words (a copy costs nothing)
    shared = {g.members[0].text for g in c.groups if {m.source for m in g.members} == {"s1", "s2"}}
    assert {" ".join(_WORDS[k : k + 5]).capitalize() for k in range(8)} <= shared


def test_the_budget_is_far_above_real_reporting() -> None:
    # a news cycle of 1,000 articles weighs 83,000 pairs for 1,353 distinct quotes
    assert align.pair_budget(1_353) > 2 * 83_000


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 500), st.sampled_from(["Ann Berg", "Tom Berg", "Li Berg"])),
                min_size=1, max_size=40), st.integers(-5, 505))
def test_a_name_s_mentions_answer_as_a_walk_through_all_of_them_would(mentions, offset) -> None:
    matches = [Mention(Span(start, start + len(name)), name, frozenset()) for start, name in mentions]
    called = _Called(matches, None)
    before = [m for m in matches if m.span.start <= offset]
    assert called.at(offset) == (before[-1].name if before else matches[0].name)
    assert called.longest == max(matches, key=lambda m: len(m.name)).name


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u3000x"), max_size=30))
def test_text_end_is_where_only_white_space_follows(text: str) -> None:
    end = text_end(text)
    assert not text[end:].strip() and (end == 0 or text[end - 1].strip())


def _long_passage(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice([*_WORDS, "the", "a", "said", "on", "Monday"]) for _ in range(words))


def test_a_long_flagged_passage_is_found_again_by_its_ends(monkeypatch) -> None:
    rng = random.Random(5)
    before, passage, after = _long_passage(rng, 3000), _long_passage(rng, 1500), _long_passage(rng, 3000)
    original = Source(id="s1", path="a.txt", text=f"{before}\n\n{passage}\n\n{after}")
    start = len(before) + 2
    anchor = anchor_at(original, Span(start, start + len(passage)))
    asked = []
    real = flags.fuzz.partial_ratio_alignment
    monkeypatch.setattr(flags.fuzz, "partial_ratio_alignment",
                        lambda a, b, **kw: asked.append(len(a)) or real(a, b, **kw))
    # the outlet corrected two words in it and added a line above
    edited = passage.replace(" council ", " counsel ", 1).replace(" ferry ", " ferries ", 1)
    moved = Source(id="s1", path="a.txt", text=f"Corrected.\n\n{before}\n\n{edited}\n\n{after}")
    placed = place(anchor, [moved])
    assert placed.how == "fuzzy"
    found = moved.text[placed.span.start : placed.span.end]
    assert found.startswith(edited[:40]) and found.endswith(edited[-40:])
    # gone from the article: the flag is orphaned (kept, with its words), not hunted for
    gone = Source(id="s1", path="a.txt", text=f"{before}\n\n{after}")
    assert place(anchor, [gone]).how == "orphaned"
    assert asked and max(asked) <= flags.ENDS  # never a fuzzy search of 1,500 words at once


def test_ctrl_c_during_a_comparison_exits_130_and_writes_nothing(tmp_path, monkeypatch) -> None:
    from crosscheck.core import pipeline

    for name, seed in (("a.txt", 1), ("b.txt", 2)):
        (tmp_path / name).write_text(_hostile_article(20, seed), encoding="utf-8")
    out = tmp_path / "report.html"
    out.write_text("the report from before", encoding="utf-8")

    def interrupted(*args, **kwargs):
        kwargs["progress"](0.2, "finding quotes")
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "analyze", interrupted)
    result = run_cli("compare", "a.txt", "b.txt", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 130
    assert result.stderr.strip().splitlines()[-1] == "crosscheck: interrupted"
    assert out.read_text(encoding="utf-8") == "the report from before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "report.html"]
