"""Flags and corrections stay on the right words: found again after edits, re-analysis and
reopening, orphaned (never dropped) when the words are gone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crosscheck.core.config import Settings
from crosscheck.core.flags import Correction, anchor_at, new_flag, new_id, place
from crosscheck.core.model import Comparison, Source, Span
from crosscheck.core.pipeline import analyze
from crosscheck.io.export import flags_json, with_flags
from crosscheck.io.load import load_sources
from crosscheck.resources import demo_articles

ARTICLE = (
    "Tollbridge council meets again\n\n"
    "The Tollbridge council met on Thursday to discuss the new tram line through the old market.\n\n"
    "\u201cWe have not yet settled the route for the trams, but the market stays open,\u201d "
    "councillor Ada Pirrel said.\n\n"
    "Traders said they had heard nothing about the plans until last week.\n"
)
QUOTE = "We have not yet settled the route for the trams, but the market stays open"


def source(text: str = ARTICLE, sid: str = "s1", path: str = "/articles/tollbridge.txt") -> Source:
    return Source(id=sid, path=path, text=text)


def span_of(text: str, words: str, nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return Span(at, at + len(words))


# ---------------------------------------------------------------- place


def test_exact_span_is_found_where_it_was() -> None:
    src = source()
    anchor = anchor_at(src, span_of(src.text, QUOTE))
    placed = place(anchor, [src])
    assert placed.how == "exact"
    assert placed.source == "s1"
    assert placed.span == span_of(src.text, QUOTE)
    assert not placed.orphaned


def test_anchor_keeps_its_words_and_context() -> None:
    src = source()
    sp = span_of(src.text, QUOTE)
    anchor = anchor_at(src, sp)
    assert anchor.text == QUOTE
    assert src.text[sp.end : sp.end + len(anchor.after)] == anchor.after
    assert src.text[: sp.start].endswith(anchor.before)
    assert anchor.before and anchor.after
    assert anchor.source_path == "/articles/tollbridge.txt"


def test_text_moved_by_an_insertion_before_it() -> None:
    src = source()
    anchor = anchor_at(src, span_of(src.text, QUOTE))
    inserted = "Update: this story was corrected on Friday to add the council's reply.\n\n"
    edited = source(inserted + ARTICLE)
    placed = place(anchor, [edited])
    assert placed.how == "moved"
    assert placed.span == Span(anchor.start + len(inserted), anchor.end + len(inserted))
    assert edited.text[placed.span.start : placed.span.end] == QUOTE


def test_repeated_words_are_told_apart_by_context() -> None:
    phrase = "the mayor said the vote was delayed"
    text = (
        "At the morning session " + phrase + " until the spring.\n\n"
        "Later that afternoon, after a long recess and a heated exchange with the harbour board, "
        + phrase + " again, this time without giving a reason.\n"
    )
    first, second = span_of(text, phrase, 0), span_of(text, phrase, 1)
    anchor = anchor_at(source(text), second)
    # Shift everything by a bit more than half the gap, so the *first* occurrence now sits
    # nearer the old offset than the second does: only the context can pick the right one.
    gap = second.start - first.start
    prefix = "x" * (gap // 2 + 7) + "\n\n"
    shifted = prefix + text
    placed = place(anchor, [source(shifted)])
    assert placed.how == "moved"
    assert placed.span == Span(second.start + len(prefix), second.end + len(prefix))
    assert shifted[placed.span.start : placed.span.end] == phrase
    assert shifted[placed.span.end :].startswith(" again")


def test_lightly_edited_passage_is_found_fuzzily() -> None:
    src = source()
    anchor = anchor_at(src, span_of(src.text, QUOTE))
    fixed_quote = QUOTE.replace("settled", "setled").replace("trams,", "trams;")
    edited_text = "Corrected.\n\n" + ARTICLE.replace(QUOTE, fixed_quote)
    placed = place(anchor, [source(edited_text)])
    assert placed.how == "fuzzy"
    assert not placed.orphaned
    found = edited_text[placed.span.start : placed.span.end]
    wanted = span_of(edited_text, fixed_quote)
    # the found passage is the edited quote (give or take a character at its edges)
    assert abs(placed.span.start - wanted.start) <= 2 and abs(placed.span.end - wanted.end) <= 2
    assert "route for the trams" in found


def test_fuzzy_match_does_not_cut_a_word() -> None:
    # The outlet fixed a typo, making the passage one character longer: the highlight must
    # still cover the whole passage, not start or end in the middle of a word.
    typo = QUOTE.replace("settled", "setled")
    src = source(ARTICLE.replace(QUOTE, typo))
    anchor = anchor_at(src, span_of(src.text, typo))
    fixed = source("Corrected.\n\n" + ARTICLE)
    placed = place(anchor, [fixed])
    assert placed.how == "fuzzy"
    found = fixed.text[placed.span.start : placed.span.end]
    assert found.strip(" \u201c\u201d\"'.,;") == QUOTE


def test_words_gone_is_orphaned_not_dropped() -> None:
    src = source()
    flag = new_flag([anchor_at(src, span_of(src.text, QUOTE))], note="check the recording")
    rewritten = source("Tollbridge council meets\n\nThe meeting was postponed to next month.\n")
    placed = place(flag.anchors[0], [rewritten])
    assert placed.orphaned
    assert placed.how == "orphaned"
    assert placed.span is None and placed.source is None
    out = flags_json([flag], [rewritten])
    assert len(out) == 1  # never dropped
    assert out[0]["note"] == "check the recording"
    assert [_contract(sp) for sp in out[0]["spans"]] == [
        {"source": None, "start": None, "end": None, "text": QUOTE, "orphaned": True}]


def test_source_reopened_under_another_id_is_found_by_path() -> None:
    src = source(sid="s1")
    anchor = anchor_at(src, span_of(src.text, QUOTE))
    other = Source(id="s2", path="/articles/other.txt", text="Nothing about trams here at all.\n")
    reopened = source(sid="s3")  # same file, now the third article
    placed = place(anchor, [other, reopened])
    assert placed.source == "s3"
    assert placed.how == "exact"
    assert placed.span == anchor.span


def test_articles_reopened_in_another_order_are_found_by_path() -> None:
    # Reopening the same files in another order gives them new ids: the old id now names a
    # different article, and the flag must still follow its own article, not the id.
    src = source(sid="s1")
    anchor = anchor_at(src, span_of(src.text, QUOTE))
    other = Source(id="s1", path="/articles/other.txt", text="Nothing about trams here at all.\n")
    reopened = source(sid="s2")
    placed = place(anchor, [other, reopened])
    assert placed.source == "s2"
    assert placed.span == anchor.span


def test_other_source_with_same_words_is_not_taken_for_the_anchor_source() -> None:
    src = source(sid="s1")
    anchor = anchor_at(src, span_of(src.text, QUOTE))
    stranger = Source(id="s2", path="/articles/copy.txt", text=ARTICLE)
    placed = place(anchor, [stranger])
    assert placed.orphaned


# ---------------------------------------------------------------- through re-analysis


@pytest.fixture(scope="module")
def demo() -> tuple[list[Source], Comparison]:
    sources = load_sources([str(p) for p in demo_articles()])
    return sources, analyze(sources)


def test_flag_on_a_group_member_survives_reanalysis_with_other_settings(demo) -> None:
    _, comparison = demo
    group = next(g for g in comparison.groups if g.kind == "quote")
    member = group.members[1]
    src = comparison.source(member.source)
    flag = new_flag([anchor_at(src, member.span)], category="misquote", note="wording differs")
    before = _contract(flags_json([flag], comparison.sources)[0]["spans"][0])
    assert before == {"source": member.source, "start": member.span.start, "end": member.span.end,
                      "text": member.text, "orphaned": False}

    reloaded = load_sources([str(p) for p in demo_articles()])
    again = analyze(reloaded, settings=Settings(claim_link=0.9, quote_same=0.8))
    assert len(again.groups) != len(comparison.groups)  # the analysis really changed
    after = with_flags(again, [flag]).flags[0]
    assert _contract(after["spans"][0]) == before
    text = again.source(member.source).text
    assert text[after["spans"][0]["start"] : after["spans"][0]["end"]] == member.text


def test_flag_is_orphaned_when_its_source_is_removed(demo) -> None:
    sources, comparison = demo
    group = next(g for g in comparison.groups if g.kind == "quote")
    member = group.members[1]
    other = next(m for m in group.members if m.source != member.source)
    flag = new_flag([anchor_at(comparison.source(member.source), member.span),
                     anchor_at(comparison.source(other.source), other.span)])
    remaining = [s for s in sources if s.id != member.source]
    out = flags_json([flag], analyze(remaining).sources)
    assert len(out) == 1
    gone, kept = out[0]["spans"]
    assert gone["orphaned"] and gone["start"] is None and gone["end"] is None
    assert gone["text"] == member.text
    assert not kept["orphaned"] and (kept["start"], kept["end"]) == (other.span.start, other.span.end)


# ---------------------------------------------------------------- corrections


def _correction(action: str, sources: list[Source], *passages: tuple[str, str]) -> Correction:
    by_id = {s.id: s for s in sources}
    anchors = tuple(anchor_at(by_id[sid], span_of(by_id[sid].text, words)) for sid, words in passages)
    return Correction(id=new_id("c"), action=action, anchors=anchors)


def _group_with(comparison: Comparison, sid: str, words: str):
    return next((g for g in comparison.groups for m in g.members if m.source == sid and words in m.text), None)


def _unique_with(comparison: Comparison, sid: str, words: str):
    return next((u for u in comparison.unique if u.source == sid and words in u.text), None)


SCHEDULE = "temporary sailing schedule on Wednesday"  # a claim carried by three demo outlets
FINED = "The ferry operator was fined in 2019"  # only in the Bayside Bulletin (s2)
COMMUTE = "Islanders who commute to the mainland"  # only in the Averly Courier (s1)
PASSENGERS = "4,200 passengers a day"  # a claim in two outlets
KELMOUTH = "engineers from the shipyard in Kelmouth"  # a claim in three outlets


def test_demo_passages_used_below_are_where_the_tests_expect(demo) -> None:
    _, c = demo
    assert _group_with(c, "s2", SCHEDULE) is not None
    assert _unique_with(c, "s2", FINED) is not None
    assert _unique_with(c, "s1", COMMUTE) is not None
    g1, g2 = _group_with(c, "s1", PASSENGERS), _group_with(c, "s1", KELMOUTH)
    assert g1 is not None and g2 is not None and g1.id != g2.id


def test_unlink_takes_a_member_out_of_its_group(demo) -> None:
    sources, plain = demo
    group = _group_with(plain, "s2", SCHEDULE)
    corrected = analyze(sources, corrections=[_correction("unlink", sources, ("s2", SCHEDULE))])
    now = _group_with(corrected, "s1", SCHEDULE)
    assert now is not None  # the others stay linked
    assert "s2" not in {m.source for m in now.members}
    assert {m.source for m in now.members} == {m.source for m in group.members} - {"s2"}
    assert _unique_with(corrected, "s2", SCHEDULE) is not None  # it now stands alone
    assert now.why[0].startswith("linked or unlinked by hand")


def test_link_joins_two_single_source_claims_into_a_new_group(demo) -> None:
    sources, plain = demo
    corrected = analyze(sources, corrections=[_correction("link", sources, ("s2", FINED), ("s1", COMMUTE))])
    group = _group_with(corrected, "s2", FINED)
    assert group is not None
    assert _group_with(corrected, "s1", COMMUTE) is group
    assert {m.source for m in group.members} == {"s1", "s2"}
    assert group.why[0].startswith("linked or unlinked by hand")
    assert _unique_with(corrected, "s2", FINED) is None
    assert _unique_with(corrected, "s1", COMMUTE) is None
    assert len(corrected.groups) == len(plain.groups) + 1


def test_link_merges_two_groups(demo) -> None:
    sources, plain = demo
    g1, g2 = _group_with(plain, "s1", PASSENGERS), _group_with(plain, "s1", KELMOUTH)
    corrected = analyze(sources, corrections=[
        _correction("link", sources, ("s1", PASSENGERS), ("s1", KELMOUTH)),
    ])
    merged = _group_with(corrected, "s1", PASSENGERS)
    assert merged is not None and _group_with(corrected, "s1", KELMOUTH) is merged
    spans = {(m.source, m.span) for m in merged.members}
    assert {(m.source, m.span) for m in g1.members} <= spans
    assert {(m.source, m.span) for m in g2.members} <= spans
    assert merged.why[0].startswith("linked or unlinked by hand")


def test_correction_whose_words_are_gone_is_skipped(demo) -> None:
    sources, plain = demo
    ghost = Source(id="s2", path=sources[1].path, text="An earlier draft: the fare rises by a third in May.\n")
    stale = Correction(id=new_id("c"), action="unlink",
                       anchors=(anchor_at(ghost, span_of(ghost.text, "the fare rises by a third")),))
    corrected = analyze(sources, corrections=[stale])
    assert [(g.kind, [(m.source, m.span) for m in g.members]) for g in corrected.groups] == [
        (g.kind, [(m.source, m.span) for m in g.members]) for g in plain.groups]
    assert not any(w.startswith("linked or unlinked by hand") for g in corrected.groups for w in g.why)


def test_corrections_survive_changed_settings(demo) -> None:
    sources, _ = demo
    corrections = [
        _correction("link", sources, ("s2", FINED), ("s1", COMMUTE)),
        _correction("unlink", sources, ("s2", SCHEDULE)),
    ]
    strict = Settings(claim_link=0.9, claim_min_shared=5)
    corrected = analyze(load_sources([s.path for s in sources]), settings=strict, corrections=corrections)
    linked = _group_with(corrected, "s2", FINED)
    assert linked is not None and _group_with(corrected, "s1", COMMUTE) is linked
    assert _group_with(corrected, "s2", SCHEDULE) is None


def test_corrections_follow_text_that_moved(demo) -> None:
    sources, _ = demo
    correction = _correction("link", sources, ("s2", FINED), ("s1", COMMUTE))
    s1 = sources[0]
    notice = "Update: a correction was added.\n\n"
    moved = [replace(s1, text=s1.text.replace("The ferry carries", notice + "The ferry carries")), *sources[1:]]
    corrected = analyze(moved, corrections=[correction])
    group = _group_with(corrected, "s2", FINED)
    assert group is not None and _group_with(corrected, "s1", COMMUTE) is group


def _contract(span: dict) -> dict:
    """The span fields this test pins down (the JSON may carry more)."""
    return {k: span[k] for k in ("source", "start", "end", "text", "orphaned")}
