"""Word-level diffs: both sides rebuild exactly, the result is deterministic, and every change
is named for what it is (noise such as quote marks and spelling, or a change of meaning)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.core.diff import NOISE, classify_changes, similarity, word_diff


def rebuild(ops: list[tuple[int, str]]) -> tuple[str, str]:
    a = "".join(text for op, text in ops if op in (0, -1))
    b = "".join(text for op, text in ops if op in (0, 1))
    return a, b


def kinds(a: str, b: str, *, a_partial: bool = False, b_partial: bool = False) -> list[str]:
    ops = word_diff(a, b)
    assert rebuild(ops) == (a, b)
    return [c.kind for c in classify_changes(ops, a_partial=a_partial, b_partial=b_partial)]


# --- rebuilding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("", "Only one side has words."),
        ("Only one side has words.", ""),
        ("Same text on both sides.", "Same text on both sides."),
        ("We are  ready\nto talk.", "We are ready to talk!"),
        ("No details have been finalized yet.", "no details (have been) finalised yet"),
        ("市長は「橋は来年の春に再開します」と述べた。", "市長は「橋は再開します」と述べた。"),
        ("Cost: 4,200 euros (about 40%).", "Cost: 4.200 euros, about 45 %."),
    ],
)
def test_ops_rebuild_both_sides_exactly(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert rebuild(ops) == (a, b)
    assert all(op in (-1, 0, 1) and text for op, text in ops)


_WORDS = st.sampled_from(
    ["the", "The", "pier", "40", "4,200", "finalised", "finalized", "“", "”", '"', "'", "’", "don't", "…",
     "...", "[is]", "(is)", "—", "-", " ", "  ", "\n", "é", "Ünïcode", "日本", "we", "We", "not", ".", ","]
)
_TEXT = st.one_of(st.text(max_size=60), st.lists(_WORDS, max_size=25).map("".join))


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_ops_rebuild_both_sides_for_any_text(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert rebuild(ops) == (a, b)
    assert all(op in (-1, 0, 1) and text for op, text in ops)
    # Operations are merged: no two neighbours share a kind.
    assert all(x[0] != y[0] for x, y in pairwise(ops))
    # Every change's offsets point at its own text on each side.
    for change in classify_changes(ops):
        assert a[change.a_start : change.a_end] == change.deleted
        assert b[change.b_start : change.b_end] == change.inserted


def test_identical_text_is_one_equal_operation() -> None:
    text = "The new pier will bring ferries back to the old town."
    assert word_diff(text, text) == [(0, text)]
    assert similarity(word_diff(text, text)) == 1.0


def test_diff_is_deterministic() -> None:
    a = "The new pier will bring ferries back to the old town within two years, the mayor said on Monday."
    b = "The pier will bring the ferries back to our old town in three years, Mayor Voss said Tuesday."
    first = word_diff(a, b)
    for _ in range(5):
        assert word_diff(a, b) == first
    assert [c.as_dict() for c in classify_changes(first)] == [c.as_dict() for c in classify_changes(word_diff(a, b))]


def test_diff_works_on_whole_words() -> None:
    ops = word_diff("We are ready to talk.", "We are willing to talk.")
    assert ops == [(0, "We are "), (-1, "ready"), (1, "willing"), (0, " to talk.")]


# --- noise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ('He said "we are ready" today.', "He said “we are ready” today."),
        ("He said 'we are ready' today.", "He said ‘we are ready’ today."),
        ("It's the council's plan.", "It’s the council’s plan."),
        ("The talks ran 2020-2022 - a long time.", "The talks ran 2020–2022 — a long time."),
        ("A long time -- two years.", "A long time — two years."),
    ],
    ids=["double-quotes", "single-quotes", "apostrophes", "dashes", "double-hyphen"],
)
def test_typography(a: str, b: str) -> None:
    found = kinds(a, b)
    assert found
    assert set(found) == {"typography"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The plan is finished.", "The plan [is] finished."),
        ("The plan is finished.", "The plan (is) finished."),
        ("The plan finished.", "The plan [is] finished."),
        ("The plan finished.", "The plan (is) finished."),
    ],
    ids=["word-bracketed", "word-parenthesised", "bracketed-insertion", "parenthesised-insertion"],
)
def test_editorial_brackets(a: str, b: str) -> None:
    found = kinds(a, b)
    assert found
    assert set(found) == {"editorial"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We will act … and we will win.", "We will act ... and we will win."),
        ("We will act … and we will win.", "We will act . . . and we will win."),
        ("We will act ... and we will win.", "We will act . . . and we will win."),
        ("We will act and we will win.", "We will act … and we will win."),
        ("We will act and we will win.", "We will act ... and we will win."),
    ],
    ids=["unicode-vs-dots", "unicode-vs-spaced", "dots-vs-spaced", "ellipsis-added", "dots-added"],
)
def test_editorial_ellipsis(a: str, b: str) -> None:
    found = kinds(a, b)
    assert found
    assert set(found) == {"editorial"}


@pytest.mark.parametrize(
    ("a", "b", "changed"),
    [
        ("No details have been finalized yet.", "No details have been finalised yet.", ("finalized", "finalised")),
        ("The militarization of the region worries us.", "The militarisation of the region worries us.",
         ("militarization", "militarisation")),
        ("Our defense budget will grow.", "Our defence budget will grow.", ("defense", "defence")),
        ("The harbor will reopen.", "The harbour will reopen.", ("harbor", "harbour")),
    ],
)
def test_spelling_variant(a: str, b: str, changed: tuple[str, str]) -> None:
    changes = classify_changes(word_diff(a, b))
    assert [(c.kind, c.deleted, c.inserted) for c in changes] == [("spelling", *changed)]


def test_spelling_variant_keeps_the_words_around_it_equal() -> None:
    ops = word_diff("No details have been finalized yet.", "No details have been finalised yet.")
    assert ops == [(0, "No details have been "), (-1, "finalized"), (1, "finalised"), (0, " yet.")]


def test_case() -> None:
    changes = classify_changes(word_diff("We are ready to talk.", "we are ready to talk."))
    assert [(c.kind, c.deleted, c.inserted) for c in changes] == [("case", "We", "we")]


def test_noise_kinds_are_quiet_and_meaning_kinds_are_not() -> None:
    noisy = classify_changes(
        word_diff("He said “the plan is finalized” today.", 'He said "the plan is finalised" today.')
    )
    assert noisy and all(c.kind in NOISE and c.severity == 0 for c in noisy)
    loud = classify_changes(word_diff("We will sign the deal.", "We will not sign the deal."))
    assert loud and all(c.kind not in NOISE and c.severity > 0 for c in loud)


# --- changes of meaning -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "kind", "deleted", "inserted"),
    [
        ("We are ready to talk.", "We are fully ready to talk.", "insertion", "", "fully"),
        ("We are fully ready to talk.", "We are ready to talk.", "omission", "fully", ""),
        ("We are ready to talk.", "We are willing to talk.", "substitution", "ready", "willing"),
        ("The pier will cost 40 million euros.", "The pier will cost 45 million euros.", "number", "40", "45"),
        ("The pier will cost four million euros.", "The pier will cost five million euros.", "number",
         "four", "five"),
        ("The vote is on Monday.", "The vote is on Tuesday.", "date", "Monday", "Tuesday"),
        ("The vote is planned for March.", "The vote is planned for April.", "date", "March", "April"),
        ("Arata met Voss in Oslo.", "Arata met Brandt in Oslo.", "name", "Voss", "Brandt"),
        ("We will sign the deal.", "We will not sign the deal.", "negation", "", "not"),
        ("We will never sign the deal.", "We will sign the deal.", "negation", "never", ""),
        ("We will sign the deal.", "We won't sign the deal.", "negation", "will", "won't"),
    ],
)
def test_change_of_meaning(a: str, b: str, kind: str, deleted: str, inserted: str) -> None:
    changes = classify_changes(word_diff(a, b))
    assert [(c.kind, c.deleted.strip(), c.inserted.strip()) for c in changes] == [(kind, deleted, inserted)]
    assert changes[0].severity >= 2


def test_several_changes_are_each_classified() -> None:
    a = "On Monday the mayor said 40 boats were finalized."
    b = "On Tuesday the mayor said 45 boats were finalised."
    changes = classify_changes(word_diff(a, b))
    assert [c.kind for c in changes] == ["date", "number", "spelling"]


def test_similarity_counts_words() -> None:
    ops = word_diff("one two three four", "one two three five")
    assert similarity(ops) == pytest.approx(0.75)
    assert similarity(word_diff("alpha beta", "gamma delta")) == 0.0


# --- a fragment's missing context ---------------------------------------------------------------


def test_missing_context_of_a_fragment_is_outside() -> None:
    whole = "We are ready to talk about the pier."
    fragment = "ready to talk"
    changes = classify_changes(word_diff(whole, fragment), b_partial=True)
    assert [(c.kind, c.deleted, c.inserted) for c in changes] == [
        ("outside", "We are ", ""),
        ("outside", " about the pier.", ""),
    ]


def test_outside_works_with_the_fragment_on_either_side() -> None:
    changes = classify_changes(word_diff("ready to talk", "We are ready to talk about the pier."), a_partial=True)
    assert [c.kind for c in changes] == ["outside", "outside"]
    assert all(c.severity == 0 for c in changes)


def test_without_a_partial_side_missing_words_inside_are_omissions() -> None:
    changes = classify_changes(word_diff("We are ready to talk about the pier today.", "We are ready to talk today."))
    assert [c.kind for c in changes] == ["omission"]


def test_a_quote_that_starts_later_or_stops_sooner_quotes_less() -> None:
    # Quoting less of the same words is not changing them …
    assert kinds("As we focus on both of these efforts, we are cutting 300 jobs", "We are cutting 300 jobs") == [
        "outside"]
    assert kinds("I take responsibility for this loss.", "I take responsibility") == ["outside"]
    # … unless what is left out is a negation or a figure.
    assert kinds("We will not resign", "resign") == ["negation"]
    assert kinds("We have zero missing, so all are accounted for", "So all are accounted for") != ["outside"]


def test_a_quote_put_in_another_person_is_grammar() -> None:
    # A caption in reported speech: "she no longer has …" for "I no longer have …"
    assert "grammar" in kinds("I no longer have that bit extra in the tank", "no longer has that bit extra in the tank")
    assert kinds("to their communities and our country", "to their communities and their country") == ["grammar"]


def test_a_change_inside_a_fragment_is_reported_apart_from_the_missing_context() -> None:
    whole = "We are ready to talk about the pier."
    fragment = "willing to talk about"
    changes = classify_changes(word_diff(whole, fragment), b_partial=True)
    assert [(c.kind, c.deleted.strip(), c.inserted.strip()) for c in changes] == [
        ("outside", "We are", ""),
        ("substitution", "ready", "willing"),
        ("outside", "the pier.", ""),
    ]


def test_two_fragments_the_shorter_one_at_each_edge_is_the_fragment() -> None:
    # Both are pieces of a longer statement: the longer one's extra words are outside the
    # shorter, not an insertion, whichever of the two comes first.
    assert kinds("unsafe harbour wall", "keeping an unsafe harbour wall.", a_partial=True, b_partial=True) == [
        "outside", "outside"]
    assert kinds("keeping an unsafe harbour wall.", "unsafe harbour wall", a_partial=True, b_partial=True) == [
        "outside", "outside"]


def test_a_fragment_cut_off_in_mid_word_is_not_a_changed_word() -> None:
    assert kinds("We will rebuild the bridge within two years.", "We will rebuild the bri", b_partial=True) == [
        "outside", "outside"]
    # A different last word is still a change.
    assert kinds("We will rebuild the bridge.", "We will rebuild the dam", b_partial=True) == ["substitution"]
    assert kinds("a music legend and a role model", "a music legend and a role mo", a_partial=True,
                 b_partial=True) == ["outside"]


def test_the_same_letters_spaced_or_marked_differently_are_spelling() -> None:
    assert kinds("the queen of rock ‘n’ roll", "the queen of Rock'n Roll") == ["spelling"]
    assert kinds("send an e-mail today", "send an email today") == ["spelling"]


def test_capitalised_first_words_are_not_a_changed_name() -> None:
    assert kinds("We will rebuild it.", "As we focus on it, we will rebuild it.") != ["name"]
    assert kinds("said Anna Berg", "said Tom Lyle") == ["name"]


def test_one_japanese_particle_more_or_less_is_not_a_misquote() -> None:
    assert set(kinds("来年の選挙には出馬しない", "来年の選挙に出馬しない")) <= set(NOISE)
    # Two characters (ない: the negation) still count.
    assert not set(kinds("選挙に出馬しない", "選挙に出馬し")) <= set(NOISE)


def test_a_fragment_ending_in_its_own_full_stop_leaves_the_rest_outside() -> None:
    # One outlet prints "… in front of me." as a sentence; the whole quote goes on after a comma.
    assert kinds("I saw the tide in front of me, I said let me try", "I saw the tide in front of me.",
                 b_partial=True) == ["outside"]
    assert kinds("I saw the tide in front of me.", "I saw the tide in front of me, I said let me try",
                 a_partial=True) == ["outside"]
    # Without a partial side, the missing words are an omission.
    assert kinds("I saw the tide in front of me, I said let me try", "I saw the tide in front of me.") == [
        "omission"]


def test_the_same_words_written_differently_at_a_fragments_end_are_spelling() -> None:
    # Both are pieces of longer sentences; the last words differ only in how they are written.
    assert kinds("Queen of rock ‘n’ roll", "Queen of Rock'n Roll", a_partial=True, b_partial=True) == ["spelling"]
    assert kinds("Queen of Rock'n Roll", "Queen of rock ‘n’ roll", a_partial=True, b_partial=False) == ["spelling"]


def test_words_left_out_and_marked_with_an_ellipsis_are_an_elision_not_a_misquote() -> None:
    changes = classify_changes(word_diff(
        "These actions, subject to local law, are part of a continuous process.",
        "These actions … are part of a continuous process."))
    assert [(c.kind, c.severity) for c in changes] == [("elision", 1)]
    # Words simply left out are still an omission.
    assert kinds("These actions, subject to local law, are part of it.", "These actions are part of it.") == [
        "omission"]


def test_i_and_its_contractions_are_no_name() -> None:
    assert kinds("I’m surprised none of us fainted", "I'm kind of surprised none of us fainted") != ["name"]
    assert "name" not in kinds("I think so", "I’d think so")


def test_one_name_abbreviated_or_not_is_spelling() -> None:
    assert kinds("the United Kingdom must change", "the UK must change") == ["spelling"]
    assert kinds("U.S. officials", "US officials") == ["spelling"]


def test_a_version_that_stops_at_a_sentence_end_quotes_less_it_does_not_change_words() -> None:
    whole = "It was an honour to have been her friend for thirty years. I will miss her deeply."
    assert kinds(whole, "It was an honour to have been her friend for thirty years.") == ["outside"]
