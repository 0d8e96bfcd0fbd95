"""Claims as real news words them: the same fact in other words, told twice, abbreviated.

Small examples written for these tests; each names the rule it checks.
"""

from __future__ import annotations

from crosscheck.core.lexicon import concept, concepts
from crosscheck.core.model import Span
from crosscheck.core.normalize import content_stem, tokenize
from tests.test_engine import COST, VOTE, article, compare, group_with, linked, unique_texts


def _concepts(text: str) -> set[str]:
    tokens = tokenize(text, Span(0, len(text)))
    return {concept(content_stem(t.norm)) for t in tokens if t.is_content} | concepts(text, tokens)


def test_words_news_uses_for_one_another_compare_as_one() -> None:
    assert concept(content_stem("talks")) == concept(content_stem("discussions"))
    assert concept(content_stem("jobs")) == concept(content_stem("positions"))
    assert concept(content_stem("cutting")) == concept(content_stem("slashed"))
    assert "~resign" in _concepts("The mayor stepped down on Friday") & _concepts("The mayor resigned on Friday")
    # A word that is only sometimes a synonym is not one: "end" is no "finish".
    assert concept("end") == "end"


def test_an_abbreviation_is_one_name_however_it_is_written() -> None:
    forms = [_concepts(t) for t in ("U.S. officials met", "US officials met", "United States officials met")]
    assert all("~us" in f for f in forms)
    # "us" the pronoun is no country.
    assert "~us" not in _concepts("The mayor told us about the pier")


def test_a_fact_one_outlet_tells_twice_stays_one_group() -> None:
    # The standfirst and the lead of one outlet say the same; the other outlets' versions of the
    # fact must not split into two groups around them.
    lead = "The harbour board said on Monday it would cut 120 jobs, or 4 percent of its staff"
    a = article("herald", "Harbour news", [f"{lead}, to save money.", VOTE, f"{lead}, as trade slows.", COST])
    b = article("coastal", "Harbour news", [
        VOTE, "The harbour board plans to cut about 120 jobs, or 4 percent of its staff, to save money.", COST])
    c = article("valley", "Harbour news", [
        VOTE, "The harbour board will cut 120 jobs, some 4 percent of its staff, as trade slows.", COST])
    comparison = compare(a, b, c)
    g = group_with(comparison, "s2", "plans to cut about 120 jobs")
    assert g is not None and g.kind == "claim"
    assert {m.source for m in g.members} == {"s1", "s2", "s3"}
    assert sum(m.source == "s1" for m in g.members) == 2
    assert not [t for t in unique_texts(comparison, "s1") if "120 jobs" in t]


_TWO_FACTS = ("A fire destroyed the old harbour warehouse near the ferry terminal on Monday night, and "
              "forty firefighters fought the blaze for six hours before dawn.")


def _two_facts_story():
    """One outlet's lead states two facts; the other tells them in two sentences."""
    a = article("herald", "Harbour news", [_TWO_FACTS, VOTE, COST])
    b = article("coastal", "Harbour news", [
        "A fire destroyed the old harbour warehouse near the ferry terminal on Monday night.", VOTE,
        "Forty firefighters fought the blaze for six hours before dawn, the fire service said.", COST])
    return compare(a, b)


def test_one_sentence_stating_two_facts_joins_both_groups() -> None:
    lead = _TWO_FACTS
    c = _two_facts_story()
    groups = [g for g in c.groups if g.kind == "claim" and any(m.source == "s1" and m.text == lead for m in g.members)]
    partners = sorted(m.text[:20] for g in groups for m in g.members if m.source == "s2")
    assert partners == ["A fire destroyed the", "Forty firefighters f"]
    assert lead not in unique_texts(c, "s1")


def test_clicking_a_sentence_in_two_groups_again_selects_the_other() -> None:
    from crosscheck.core.view import group_of_offset

    c = _two_facts_story()
    at = c.sources[0].text.index("forty firefighters")
    first = group_of_offset(c, "s1", at)
    second = group_of_offset(c, "s1", at, after=first)
    assert first and second and first != second
    assert group_of_offset(c, "s1", at, after=second) == first


# --- shared phrases ------------------------------------------------------------------------------


def _phrase_story() -> tuple[str, str]:
    a = article("herald", "Harbour news", [
        VOTE, "Divers found the wreck after a long search and said it lay close to the northern breakwater "
        "under six metres of silt.", COST])
    b = article("coastal", "Harbour news", [
        VOTE, "The museum wants to raise the boat, which lay close to the northern breakwater for a century, "
        "by next summer.", COST])
    return a, b


def test_a_phrase_two_sources_share_in_different_sentences_is_shown_in_both() -> None:
    from crosscheck.io.export import to_dict

    c = compare(*_phrase_story())
    texts = {p.text for p in c.phrases}
    assert "lay close to the northern breakwater" in texts
    out = to_dict(c)
    for p in out["phrases"]:
        by_id = {s["id"]: s["text"] for s in out["sources"]}
        assert by_id[p["a"]][p["a_start"] : p["a_end"]] == p["text"]
        assert by_id[p["b"]][p["b_start"] : p["b_end"]].lower() == p["text"].lower()
    # The sentences are related, not one claim: no group joins them …
    assert not linked(c, "Divers found the wreck", "The museum wants")
    # … and what only one source says is what is left around the phrase.
    only_a = unique_texts(c, "s1")
    assert any(t.startswith("Divers found the wreck after a long search") for t in only_a)
    assert not any("northern breakwater" in t for t in unique_texts(c))
    assert any(t.startswith("under six metres of silt") for t in only_a)


def test_a_shared_name_or_stock_phrase_is_no_shared_phrase() -> None:
    a = article("herald", "Harbour news", [
        VOTE, "Officials of the Northern Harbour Ferry Company met the mayor on Friday.", COST])
    b = article("coastal", "Harbour news", [
        VOTE, "The Northern Harbour Ferry Company will double its fares in spring.", COST])
    assert not compare(a, b).phrases


# --- copies of one report ------------------------------------------------------------------------

_WIRE = [
    "The harbour board approved a new ferry timetable on Tuesday after months of complaints.",
    "Boats to the three outer islands will leave every forty minutes from the first of June.",
    "Fishermen had warned that the old quay could not take the extra traffic in summer.",
    "The board said the first new vessel would arrive from the Gdansk shipyard in late spring.",
    "Ticket prices will stay at four euros for residents and eight euros for visitors.",
]


def test_a_sentence_reworded_in_place_in_a_copy_is_aligned_between_its_anchors() -> None:
    rewrite = list(_WIRE)
    # The copy editor rewrote the third sentence: two content words survive (too few for the
    # ordinary matcher), but it sits where it sat, between sentences the two share.
    rewrite[2] = "Local crews had cautioned that the ageing quay was unfit for heavier seasonal traffic."
    a = article("herald", "Harbour news", _WIRE, tail=False)
    b = article("coastal", "Harbour news", rewrite, tail=False)
    c = compare(a, b)
    assert linked(c, "Fishermen had warned", "Local crews had cautioned")


def test_a_different_sentence_between_anchors_is_not_forced_into_line() -> None:
    rewrite = list(_WIRE)
    rewrite[2] = "A new café will open beside the ticket office before the summer season."
    c = compare(article("herald", "Harbour news", _WIRE, tail=False),
                article("coastal", "Harbour news", rewrite, tail=False))
    assert not linked(c, "Fishermen had warned", "A new café")


def test_anchors_that_cross_are_dropped_from_the_chain() -> None:
    from crosscheck.core.anchors import _monotonic

    assert _monotonic([(0, 0), (1, 2), (2, 1), (3, 3)]) in ([(0, 0), (1, 2), (3, 3)], [(0, 0), (2, 1), (3, 3)])
    assert _monotonic([(0, 3), (1, 2), (2, 1), (3, 0)]) in ([(0, 3)], [(1, 2)], [(2, 1)], [(3, 0)])
    assert _monotonic([(0, 0), (0, 1), (1, 2)]) == [(0, 0), (1, 2)] or _monotonic([(0, 0), (0, 1), (1, 2)]) == [
        (0, 1), (1, 2)]
    assert _monotonic([]) == []


def test_a_different_matcher_replaces_the_lexical_one_without_touching_clustering() -> None:
    from crosscheck.core.align import link_claims
    from crosscheck.core.units import extract_units
    from tests.test_engine import sources

    class Everything:
        """A matcher that calls the first sentences of each source one fact, and nothing else."""

        def __init__(self, units) -> None:
            self.units = units

        def candidates(self, i: int) -> tuple[list[int], list[int]]:
            return [j for j in range(i + 1, len(self.units)) if self.units[j].source != self.units[i].source], []

        def score(self, i: int, j: int, min_shared: int | None = None) -> float:
            first = {u.source: k for k, u in reversed(list(enumerate(self.units)))}
            return 1.0 if first[self.units[i].source] == i and first[self.units[j].source] == j else 0.0

    srcs = sources(article("herald", "Harbour news", _WIRE, tail=False),
                   article("coastal", "Harbour news", list(reversed(_WIRE)), tail=False))
    units, _ = extract_units(srcs, {})
    claims = [u for u in units if u.kind == "claim"]
    groups = link_claims(claims, matcher=Everything(claims))
    assert len(groups) == 1 and {claims[i].source for i in groups[0]} == {"s1", "s2"}


def test_the_scorers_weights_are_settings_saved_with_a_project() -> None:
    from crosscheck.core.config import Settings

    s = Settings.from_dict({"claim_w_order": 0.5, "claim_link": 0.3})
    assert s.claim_w_order == 0.5 and Settings.from_dict(s.as_dict()) == s


# --- figures as values ---------------------------------------------------------------------------


def test_two_dozen_is_twenty_four() -> None:
    from crosscheck.core.normalize import figures

    assert [v for v, _, _ in figures(tokenize("More than two dozen people were hurt"))] == ["24"]
    assert [v for v, _, _ in figures(tokenize("three hundred passengers"))] == ["300"]


def _count_findings(first: str, second: str) -> list:
    a = article("herald", "Harbour news", [VOTE, first, COST])
    b = article("coastal", "Harbour news", [VOTE, second, COST])
    return [f for g in compare(a, b).groups for f in g.findings if f.kind == "factual_conflict"]


def test_a_figure_inside_a_stated_range_is_no_conflict() -> None:
    assert not _count_findings("More than two dozen passengers were hurt when the ferry hit the quay on Monday.",
                               "Thirty passengers were hurt when the ferry hit the quay on Monday.")
    assert not _count_findings("At least 29 passengers were hurt when the ferry hit the quay on Monday.",
                               "Thirty passengers were hurt when the ferry hit the quay on Monday.")
    # A figure outside the range is one.
    conflict = _count_findings("Nearly 300 passengers were hurt when the ferry hit the quay on Monday.",
                               "More than 360 passengers were hurt when the ferry hit the quay on Monday.")
    assert len(conflict) == 1
    told = conflict[0].describe({"s1": "A · The Herald", "s2": "B · Coastal Times"})
    assert "Nearly 300 passengers (A · The Herald)" in told and "More than 360 passengers (B · Coastal Times)" in told


def test_a_figure_two_sources_count_differently_is_told_once() -> None:
    found = _count_findings("Officials said 28 passengers were taken to hospital after the ferry hit the quay.",
                            "Officials said 10 passengers were taken to hospital after the ferry hit the quay.")
    assert len(found) == 1 and found[0].values and found[0].describe()


# --- no fragment claims --------------------------------------------------------------------------


def test_a_clause_without_a_subject_stays_with_its_sentence() -> None:
    from crosscheck.core.units import clauses

    def parts(sentence: str) -> list[str]:
        return [sentence[s.start : s.end] for s in clauses(sentence, Span(0, len(sentence)))]

    relative = ("The board oversees the ferry licences under the island transport programme, which allows "
                "operators to sell tickets on the mainland for the whole summer season.")
    assert parts(relative) == [relative]
    subjectless = ("The harbour master said the old quay would be closed for repairs for a month, but has "
                   "echoed warnings that the new quay may not be ready before the autumn storms begin.")
    assert parts(subjectless) == [subjectless]
    # Two statements with subjects of their own are two claims.
    two = ("The harbour master said the old quay would be closed for repairs for a month, but the mayor "
           "insisted that the ferries would keep running from the new quay all summer long.")
    assert len(parts(two)) == 2 and parts(two)[1].startswith("the mayor insisted")


def test_two_sentences_describing_one_person_by_age_are_not_one_fact() -> None:
    a = article("herald", "Harbour news", [
        VOTE, "Dressed in a dark suit, the 29-year-old stared straight ahead as the judge read out the sentence.",
        COST])
    b = article("coastal", "Harbour news", [
        VOTE, "The 29-year-old skipper can be considered for parole after serving half of the sentence.", COST])
    assert not linked(compare(a, b), "Dressed in a dark suit", "can be considered for parole")


def test_durations_compare_in_one_unit() -> None:
    from crosscheck.core.normalize import figures

    assert [v for v, _, _ in figures(tokenize("a nearly six-hour outage"))] == ["6"]
    assert [v for v, _, _ in figures(tokenize("for half a day"))] == ["0.5"]
    # Twelve hours and half a day are one duration: no conflict …
    assert not _count_findings("The harbour was closed for twelve hours after the storm hit on Monday night.",
                               "The harbour was closed for half a day after the storm hit on Monday night.")
    # … seven minutes and nine are two.
    assert _count_findings("The thieves spent around seven minutes inside the harbour office on Monday night.",
                           "The thieves spent about nine minutes inside the harbour office on Monday night.")


# --- a telling figure in common ------------------------------------------------------------------


def _claim_pair_bonus(first: str, second: str) -> float:
    """What a telling figure adds to the two sentences' claim score."""
    from crosscheck.core.config import DEFAULT, Settings
    from crosscheck.core.matching import claim_score
    from crosscheck.core.units import make_unit
    from tests.test_engine import sources

    a, b = sources(first, second)
    ua, ub = (make_unit(s, n, "claim", Span(0, len(s.text))) for n, s in enumerate((a, b)))
    idf = dict.fromkeys(ua.content | ub.content, 1.0)
    plain = Settings(claim_w_telling_figure=0.0)
    return claim_score(ua, ub, idf, settings=DEFAULT) - claim_score(ua, ub, idf, settings=plain)


def test_a_specific_figure_in_common_counts_more_than_a_small_one() -> None:
    from crosscheck.core.config import DEFAULT
    from crosscheck.core.matching import telling_figure

    assert telling_figure("1340") and telling_figure("6.8") and telling_figure("72")
    assert not telling_figure("2") and not telling_figure("10") and not telling_figure("2023")
    bonus = DEFAULT.claim_w_telling_figure
    assert bonus > 0
    assert abs(_claim_pair_bonus("The harbour board will cut 1,340 jobs at the port this spring.",
                                 "Port owners announced that 1,340 jobs are going at the harbour.") - bonus) < 1e-9
    # two years, a year: said of many different facts
    assert _claim_pair_bonus("The harbour board will cut two jobs at the port in 2026.",
                             "Port owners announced that 2 jobs are going at the harbour in 2026.") == 0
    # an age says who someone is, a number in a name is no count, nor is a season's second half
    assert _claim_pair_bonus("Rangers found P-22 near the port, the harbour board said.",
                             "P-22 was seen at the harbour by port owners on Monday.") == 0
    assert _claim_pair_bonus("The 47-year-old skipper will cut jobs at the port this spring.",
                             "Port owners said the 47-year-old skipper is leaving the harbour.") == 0
    assert _claim_pair_bonus("The harbour board will cut jobs at the port in the 2025-26 season.",
                             "Port owners announced that jobs are going at the harbour in 2025-26.") == 0
    # a sentence with a second specific figure tells a second fact as well
    assert _claim_pair_bonus("The harbour board will cut 1,340 jobs at the port after trimming 650 last year.",
                             "Port owners announced that 1,340 jobs are going at the harbour.") == 0


# --- just under the threshold, with nothing to tell the two apart -------------------------------


class _Table:
    """A matcher that scores the pairs of sentences it is given (by their first words), 0 otherwise."""

    def __init__(self, units, table: dict[tuple[str, str], float]) -> None:
        self.units = units
        self.table = {(a, b): s for (a, b), s in table.items()} | {(b, a): s for (a, b), s in table.items()}

    def _word(self, i: int) -> str:
        return self.units[i].text.split()[0]

    def candidates(self, i: int) -> tuple[list[int], list[int]]:
        return [j for j in range(i + 1, len(self.units)) if self.units[j].source != self.units[i].source], []

    def score(self, i: int, j: int, min_shared: int | None = None) -> float:
        return self.table.get((self._word(i), self._word(j)), 0.0)


def _bare_groups(texts: list[str], table: dict[tuple[str, str], float]) -> list[set[str]]:
    from crosscheck.core.align import link_claims
    from crosscheck.core.units import extract_units
    from tests.test_engine import sources

    units, _ = extract_units(sources(*texts), {})
    claims = [u for u in units if u.kind == "claim"]
    return [{claims[i].text.split()[0] for i in g} for g in link_claims(claims, matcher=_Table(claims, table))]


def test_a_pair_just_under_the_threshold_links_when_nothing_tells_them_apart() -> None:
    from crosscheck.core.config import DEFAULT

    assert DEFAULT.claim_related <= 0.37 < DEFAULT.claim_link
    texts = ["Alpha the harbour board agreed to close the old quay for good.",
             "Bravo port owners have decided the old quay will shut for good.",
             "Charlie the ferry company said it would move its boats to the new pier."]
    # each the other's closest sentence, no figure, no date: one fact
    assert _bare_groups(texts, {("Alpha", "Bravo"): 0.37}) == [{"Alpha", "Bravo"}]
    # not each other's closest: Bravo is nearer to Charlie
    assert _bare_groups(texts, {("Alpha", "Bravo"): 0.37, ("Bravo", "Charlie"): 0.38}) == [{"Bravo", "Charlie"}]
    # a figure one of them gives, or a day only one names, is the usual sign of another fact
    with_figure = [texts[0].replace("the old quay", "the 40-metre quay"), texts[1], texts[2]]
    assert _bare_groups(with_figure, {("Alpha", "Bravo"): 0.37}) == []
    with_day = [texts[0].replace("for good", "on Monday"), texts[1], texts[2]]
    assert _bare_groups(with_day, {("Alpha", "Bravo"): 0.37}) == []


def test_weak_evidence_never_joins_two_groups_and_joins_one_only_with_all_its_members() -> None:
    texts = ["Alpha the harbour board agreed to close the old quay for good.",
             "Bravo port owners have decided the old quay will shut for good.",
             "Charlie the ferry company said it would move its boats to the new pier.",
             "Delta ferries will sail from the new pier, their owners said.",
             "Echo the old quay is to close, the harbour board said."]
    two_groups = {("Alpha", "Bravo"): 0.6, ("Charlie", "Delta"): 0.6, ("Bravo", "Charlie"): 0.37}
    assert sorted(map(sorted, _bare_groups(texts, two_groups))) == [["Alpha", "Bravo"], ["Charlie", "Delta"]]
    # Echo is close to Alpha only: it stays out; close to both members, it joins
    one = {("Alpha", "Bravo"): 0.6, ("Alpha", "Echo"): 0.37}
    assert {"Echo"} not in _bare_groups(texts, one) and all("Echo" not in g for g in _bare_groups(texts, one))
    both = one | {("Bravo", "Echo"): 0.36}
    assert {"Alpha", "Bravo", "Echo"} in _bare_groups(texts, both)
