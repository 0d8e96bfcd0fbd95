"""Direct quotations: every mark style, nesting, long and multi-paragraph quotes, strays,
apostrophes, and partial versus full quotes. Spans are checked as offsets into the text."""

from __future__ import annotations

import pytest

from crosscheck.core.model import Span
from crosscheck.core.quotes import QuoteSpan, find_quotes
from crosscheck.core.segment import split_paragraphs


def quotes_of(text: str) -> list[QuoteSpan]:
    return find_quotes(text, split_paragraphs(text))


def words_of(text: str) -> list[str]:
    """The quoted words, read back from the text through each quote's span."""
    return [text[q.span.start : q.span.end] for q in quotes_of(text)]


def only_quote(text: str) -> QuoteSpan:
    found = quotes_of(text)
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in found]
    return found[0]


# --- every mark style -------------------------------------------------------------------------

SENTENCE = "The bridge will reopen next spring after the repairs."


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('"', '"'),
        ("“", "”"),
        ("‘", "’"),
        ("'", "'"),
        ("«", "»"),
        ("„", "“"),
        ("「", "」"),
        ("『", "』"),
    ],
    ids=["straight-double", "curly-double", "curly-single", "straight-single", "guillemets",
         "german-low-high", "cjk-corner", "cjk-white-corner"],
)
def test_every_quote_style_gives_the_words_between_the_marks(opening: str, closing: str) -> None:
    text = f"The mayor said: {opening}{SENTENCE}{closing} The council agreed."
    q = only_quote(text)
    assert text[q.span.start : q.span.end] == SENTENCE
    # The outer span is the same words with their marks.
    assert text[q.outer.start : q.outer.end] == f"{opening}{SENTENCE}{closing}"
    assert q.outer.contains(q.span)


def test_guillemets_with_french_spacing_trim_the_spaces() -> None:
    text = "Le maire a déclaré : « Le pont rouvrira au printemps prochain. » Le conseil a approuvé."
    assert words_of(text) == ["Le pont rouvrira au printemps prochain."]


def test_german_quote_closed_before_a_comma() -> None:
    text = "Der Bürgermeister sagte: „Die Brücke wird im Frühjahr wieder geöffnet“, und ging nach Hause."
    assert words_of(text) == ["Die Brücke wird im Frühjahr wieder geöffnet"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市長は「橋は来年の春に再開します」と述べた。", "橋は来年の春に再開します"),
        ("市長は『橋は来年の春に再開します』と述べた。", "橋は来年の春に再開します"),
    ],
)
def test_cjk_corner_brackets_inside_japanese_text(text: str, expected: str) -> None:
    assert words_of(text) == [expected]


def test_quote_spans_are_offsets_into_the_text_not_copies() -> None:
    prefix = "Several residents spoke. "
    text = prefix + "“We want the bridge back,” one of them said."
    q = only_quote(text)
    assert q.span == Span(len(prefix) + 1, len(prefix) + 1 + len("We want the bridge back"))
    assert q.outer == Span(len(prefix), len(prefix) + len("“We want the bridge back,”"))


def test_several_quotes_in_one_paragraph_each_found_in_order() -> None:
    text = "“The road is closed,” the officer said. “Drivers should use the ring road instead,” she added."
    assert words_of(text) == ["The road is closed", "Drivers should use the ring road instead"]


# --- nesting ----------------------------------------------------------------------------------


def test_single_quote_nested_in_double_belongs_to_the_outer_quote() -> None:
    text = "The mayor said: “The council told me ‘the money is there’ and I believe them.” Then she left."
    q = only_quote(text)
    assert text[q.span.start : q.span.end] == "The council told me ‘the money is there’ and I believe them."
    assert [text[n.start : n.end] for n in q.nested] == ["‘the money is there’"]


def test_straight_single_nested_in_straight_double() -> None:
    text = 'The mayor said: "The council told me \'the money is there\' and I believe them." Then she left.'
    assert words_of(text) == ["The council told me 'the money is there' and I believe them."]


# --- long quotes ------------------------------------------------------------------------------


def test_a_quote_over_several_sentences_is_one_quote() -> None:
    text = "“The plan is sound. It will work. We have checked it twice,” said the mayor."
    assert words_of(text) == ["The plan is sound. It will work. We have checked it twice"]


def test_a_quote_after_a_colon_over_several_sentences() -> None:
    text = "The mayor said: “The bridge will reopen next spring. The repairs are going well. We are confident.”"
    assert words_of(text) == ["The bridge will reopen next spring. The repairs are going well. We are confident."]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"')],
    ids=["curly", "straight"],
)
def test_a_quote_over_two_paragraphs_reopened_is_one_quote(opening: str, closing: str) -> None:
    # Typographic convention: the first paragraph is left open, the next reopens with a new mark.
    first = "The bridge will reopen next spring after the repairs."
    second = "We have the money and the crews ready to start"
    text = f"The mayor said: {opening}{first}\n\n{opening}{second},{closing} she added."
    q = only_quote(text)
    assert text[q.span.start : q.span.end] == f"{first}\n\n{opening}{second}"
    assert not q.partial


def test_a_quote_over_three_paragraphs_is_one_quote() -> None:
    text = (
        "The mayor said: “The bridge will reopen next spring.\n\n"
        "“The repairs are going well.\n\n"
        "“We are confident,” she said."
    )
    q = only_quote(text)
    assert text[q.span.start : q.span.end] == (
        "The bridge will reopen next spring.\n\n“The repairs are going well.\n\n“We are confident"
    )


# --- stray marks ------------------------------------------------------------------------------


def test_stray_opening_mark_does_not_swallow_the_following_paragraphs() -> None:
    text = (
        "The council met on “Tuesday and the session went on for hours.\n\n"
        "Residents filled the hall to hear the result.\n\n"
        "“We will vote on it soon,” the mayor said."
    )
    assert words_of(text) == ["We will vote on it soon"]


def test_stray_opening_mark_before_a_real_quote_in_the_same_paragraph() -> None:
    text = "The council met on “Tuesday and it went on. The mayor said: “We will vote on it soon.” Then she left."
    assert words_of(text) == ["We will vote on it soon."]


def test_stray_closing_mark_does_not_pair_with_a_later_quote() -> None:
    text = "The session went on ” for hours. “We will vote on it soon,” the mayor said. Then she left the hall."
    assert words_of(text) == ["We will vote on it soon"]


def test_stray_straight_quote_at_paragraph_end_swallows_nothing() -> None:
    text = 'The sign read "Closed.\n\nThe council met on Tuesday and approved the budget for the bridge.'
    found = quotes_of(text)
    assert all(text.find("The council met") >= q.outer.end for q in found)


# --- apostrophes are not quote marks ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Japan’s ports don’t matter as much as in the ’90s, the mayor said.",
        "Japan's ports don't matter as much as in the '90s, the mayor said.",
        "The Smiths’ farm and the Joneses’ barn were both flooded last week.",
        "Rock ’n’ roll was back in fashion for a summer.",
        "They sang until ’til dawn and then went home.",
    ],
)
def test_apostrophes_alone_make_no_quote(text: str) -> None:
    assert quotes_of(text) == []


def test_apostrophes_inside_a_single_quoted_passage_do_not_end_it() -> None:
    text = "The mayor said: ‘Japan’s ports and the Smiths’ farm don’t matter as much as in the ’90s, frankly.’"
    assert words_of(text) == ["Japan’s ports and the Smiths’ farm don’t matter as much as in the ’90s, frankly."]


def test_apostrophe_before_a_real_quote_is_left_alone() -> None:
    text = "The ’90s were hard for the Smiths’ shop. ‘We nearly closed twice,’ the owner said."
    assert words_of(text) == ["We nearly closed twice"]


# --- partial and full ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said the bridge is “fragile” and needs work.", "fragile"),
        ("She called the plan “the only realistic option we have” at the meeting.",
         "the only realistic option we have"),
        ('The board said it was "deeply concerned about the figures" in the report.',
         "deeply concerned about the figures"),
        ("The firm said it would “review” the contract.", "review"),
        ("The chairman called it “a sound plan”.", "a sound plan"),
        ("Critics said the so-called ‘rescue package’ came too late.", "rescue package"),
    ],
    ids=["scare-word", "run-in-phrase", "straight-run-in", "scare-verb", "phrase-at-end", "single-scare"],
)
def test_partial_and_scare_quotes_are_partial(text: str, expected: str) -> None:
    q = only_quote(text)
    assert text[q.span.start : q.span.end] == expected
    assert q.partial


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said: “The bridge will reopen next spring after the repairs.”",
         "The bridge will reopen next spring after the repairs."),
        ("“We will vote on the budget next week,” the mayor said.", "We will vote on the budget next week"),
        ("“We will vote on the budget next week,” said the mayor.", "We will vote on the budget next week"),
        ("The council met on Tuesday. “We will vote on the budget next week,” the mayor said.",
         "We will vote on the budget next week"),
        ("The mayor added, “We will vote on the budget next week.”", "We will vote on the budget next week."),
        ("“We will vote on the budget next week.”", "We will vote on the budget next week."),
    ],
    ids=["colon", "quote-first", "said-x", "after-sentence", "comma", "alone"],
)
def test_full_quotes_are_not_partial(text: str, expected: str) -> None:
    q = only_quote(text)
    assert text[q.span.start : q.span.end] == expected
    assert not q.partial


def test_partial_and_full_quotes_in_one_paragraph() -> None:
    text = "The mayor called the bridge “fragile”. “We will repair it before the winter,” she said."
    found = quotes_of(text)
    assert [(text[q.span.start : q.span.end], q.partial) for q in found] == [
        ("fragile", True),
        ("We will repair it before the winter", False),
    ]
