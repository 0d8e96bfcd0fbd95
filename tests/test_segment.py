"""Sentences and paragraphs as offset spans into the shown text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.core.model import Source, Span
from crosscheck.core.segment import split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    return [text[s.start : s.end] for s in spans]


def paragraphs(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_paragraphs(text)]


def assert_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    # The spans must point at exactly these strings, in order, in the text itself.
    position = 0
    for span, want in zip(split_sentences(text), expected, strict=True):
        assert text.index(want, position) == span.start
        position = span.end


# --- glued sentences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan is seeking to open an office, the minister confirmed Wednesday.Foreign Minister Ito said so.",
            [
                "Japan is seeking to open an office, the minister confirmed Wednesday.",
                "Foreign Minister Ito said so.",
            ],
        ),
        (
            "He said that “no details have been finalized yet.”In his remarks, he cited the war.",
            ["He said that “no details have been finalized yet.”", "In his remarks, he cited the war."],
        ),
        (
            "The office would open in Tokyo.“Something is happening in Europe,” he said.",
            ["The office would open in Tokyo.", "“Something is happening in Europe,” he said."],
        ),
        (
            "Talks ended on Friday.Negotiators will meet again in May.Nobody expects a deal.",
            ["Talks ended on Friday.", "Negotiators will meet again in May.", "Nobody expects a deal."],
        ),
        (
            "Is it over?Officials would not say.",
            ["Is it over?", "Officials would not say."],
        ),
    ],
)
def test_sentences_glued_without_a_space(text: str, expected: list[str]) -> None:
    assert_sentences(text, expected)


def test_navigation_glued_between_caption_and_body() -> None:
    text = "Two carriers in the South China SeaInternationalIndiaAfricaThe island nation's push went on."
    assert sentences(text) == [
        "Two carriers in the South China Sea",
        "InternationalIndiaAfrica",
        "The island nation's push went on.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.Navy sent a ship.",
        "Visit example.com for details.",
        "It cost $5.5 million in 2023.",
        "The score was 3.2 in round No.4 of the test.",
        "He works for McDonald's in the city.",
        "The iPhone and the PlayStation were on sale.",
    ],
)
def test_no_split_inside_abbreviations_numbers_and_names(text: str) -> None:
    assert sentences(text) == [text]


# --- abbreviations and titles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials in the U.S. said the plan was sound. Others disagreed.",
            ["Officials in the U.S. said the plan was sound.", "Others disagreed."],
        ),
        (
            "The U.S. Navy sent two ships. They arrived on Monday.",
            ["The U.S. Navy sent two ships.", "They arrived on Monday."],
        ),
        (
            "Lt. Gen. Sarah Moss led the inquiry. She reported in May.",
            ["Lt. Gen. Sarah Moss led the inquiry.", "She reported in May."],
        ),
        (
            "The inquiry was led by Lt. Gen. Sarah Moss of the army. It reported in May.",
            ["The inquiry was led by Lt. Gen. Sarah Moss of the army.", "It reported in May."],
        ),
        (
            "The prime minister spoke at No. 10 Downing Street. Reporters waited outside.",
            ["The prime minister spoke at No. 10 Downing Street.", "Reporters waited outside."],
        ),
        (
            "Dr. Patel treated the injured. Mr. Okafor thanked her.",
            ["Dr. Patel treated the injured.", "Mr. Okafor thanked her."],
        ),
        (
            "Gov. Hale and Sen. Ortiz met at 10 a.m. on Monday. They talked for an hour.",
            ["Gov. Hale and Sen. Ortiz met at 10 a.m. on Monday.", "They talked for an hour."],
        ),
        (
            "Prof. Ines Abara said so. Col. Brandt agreed.",
            ["Prof. Ines Abara said so.", "Col. Brandt agreed."],
        ),
        (
            "Ships waited on the St. Lawrence river. The ice held.",
            ["Ships waited on the St. Lawrence river.", "The ice held."],
        ),
        (
            "Prices of staples, e.g. bread and milk, rose. Wages did not.",
            ["Prices of staples, e.g. bread and milk, rose.", "Wages did not."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert_sentences(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Asked whether the ferry would run, the mayor said no. The harbour chief agreed.",
            ["Asked whether the ferry would run, the mayor said no.", "The harbour chief agreed."],
        ),
        ("The answer is No. The vote failed.", ["The answer is No.", "The vote failed."]),
        (
            "The crowd cheered Martin Luther King Jr. The speech ended.",
            ["The crowd cheered Martin Luther King Jr.", "The speech ended."],
        ),
        (
            "The prime minister spoke at No. 10. Reporters waited.",
            ["The prime minister spoke at No. 10.", "Reporters waited."],
        ),
    ],
)
def test_words_that_look_like_abbreviations_can_end_a_sentence(text: str, expected: list[str]) -> None:
    assert_sentences(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "See Fig. 3 for details.",
        "It is in vol. 2 of the report.",
        "He cited Art. 5 of the treaty.",
        "Sammy Davis Jr. was there.",
    ],
)
def test_abbreviations_before_numbers_and_suffixes_stay_inside(text: str) -> None:
    assert sentences(text) == [text]


# --- quotes at the end of a sentence -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said: "We will win." Then she left.', ['She said: "We will win."', "Then she left."]),
        ("She said: “We will win.” Then she left.", ["She said: “We will win.”", "Then she left."]),
        ("He called it ‘a disaster.’ Nobody agreed.", ["He called it ‘a disaster.’", "Nobody agreed."]),
        ('It was "final". Nobody argued.', ['It was "final".', "Nobody argued."]),
        ("The talks were “stalled”. Officials left.", ["The talks were “stalled”.", "Officials left."]),
        ("He said it was ‘working’. The office denied it.", ["He said it was ‘working’.", "The office denied it."]),
        (
            "“Nobody will be left stranded,” the mayor said. “We have boats.”",
            ["“Nobody will be left stranded,” the mayor said.", "“We have boats.”"],
        ),
        (
            "“Are we safe?” a resident asked. Nobody answered.",
            ["“Are we safe?” a resident asked.", "Nobody answered."],
        ),
    ],
)
def test_quotes_ending_a_sentence(text: str, expected: list[str]) -> None:
    assert_sentences(text, expected)


def test_quote_with_inner_sentences_keeps_the_closing_mark() -> None:
    text = "“Something is happening in Europe. That’s why cooperation matters.” He left."
    got = sentences(text)
    assert got[-1] == "He left."
    assert "".join(got[:-1]).endswith("matters.”")
    assert all(not s.startswith("”") for s in got)


# --- headlines and CJK -------------------------------------------------------------------------------


def test_headline_without_full_stop_is_its_own_sentence() -> None:
    text = "Ferry halted as cracks found in hull\n\nThe ferry was suspended on Monday. It may resume."
    assert_sentences(
        text,
        ["Ferry halted as cracks found in hull", "The ferry was suspended on Monday.", "It may resume."],
    )


def test_header_lines_are_separate_sentences() -> None:
    lines = ["Ferry halted as cracks found in hull", "By Marta Ellison", "The Averly Courier, March 3, 2026",
             "It stopped."]
    assert_sentences("\n".join(lines), lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("東京は晴れです。明日は雨でしょうか？大変だ！", ["東京は晴れです。", "明日は雨でしょうか？", "大変だ！"]),
        ("外交部表示，谈判将继续。双方同意下周再谈。", ["外交部表示，谈判将继续。", "双方同意下周再谈。"]),
        ("真的吗？是的！", ["真的吗？", "是的！"]),
        ("外務省は「検討中だ」と述べた。次の会合は来週だ。", ["外務省は「検討中だ」と述べた。", "次の会合は来週だ。"]),
        ("정부는 발표했다. 협상은 계속된다.", ["정부는 발표했다.", "협상은 계속된다."]),
        ("東京で会談があった。It was in Tokyo. 次は大阪。", ["東京で会談があった。", "It was in Tokyo.", "次は大阪。"]),
    ],
)
def test_cjk_sentence_ends(text: str, expected: list[str]) -> None:
    assert_sentences(text, expected)


# --- paragraphs ------------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs() -> None:
    text = "First paragraph here. Second sentence.\n\n  \nNext paragraph starts. And ends.\n"
    assert paragraphs(text) == ["First paragraph here. Second sentence.", "Next paragraph starts. And ends."]
    assert sentences(text) == ["First paragraph here.", "Second sentence.", "Next paragraph starts.", "And ends."]


def test_one_paragraph_per_line() -> None:
    text = "Line one is a paragraph.\nLine two is another paragraph.\nLine three too."
    assert paragraphs(text) == ["Line one is a paragraph.", "Line two is another paragraph.", "Line three too."]


def test_sentence_never_crosses_a_line_paragraph() -> None:
    # No full stop at the end of the first line: it is still a separate paragraph.
    text = "Harbour chief speaks\nThe harbour chief said the ferry would return"
    assert sentences(text) == ["Harbour chief speaks", "The harbour chief said the ferry would return"]


HARD_WRAPPED = (
    "The council voted on Tuesday to build a new harbour wall after years of\n"
    "arguments about flooding on the quay. Work on the wall will start in\n"
    "June and take about two years to finish, the harbour master said.\n"
    "Residents welcomed it.\n"
    "\n"
    "Fishermen said the wall came too late for the winter storms that had\n"
    "already wrecked three boats.\n"
)


def test_hard_wrapped_block_is_one_paragraph() -> None:
    assert paragraphs(HARD_WRAPPED) == [
        HARD_WRAPPED[: HARD_WRAPPED.index("Residents welcomed it.") + len("Residents welcomed it.")],
        "Fishermen said the wall came too late for the winter storms that had\nalready wrecked three boats.",
    ]


def test_sentences_run_across_wrapped_lines() -> None:
    assert sentences(HARD_WRAPPED) == [
        "The council voted on Tuesday to build a new harbour wall after years of\n"
        "arguments about flooding on the quay.",
        "Work on the wall will start in\nJune and take about two years to finish, the harbour master said.",
        "Residents welcomed it.",
        "Fishermen said the wall came too late for the winter storms that had\nalready wrecked three boats.",
    ]


def test_short_lines_are_not_taken_for_wrapping() -> None:
    text = "Ferry halted\nBy Marta Ellison\nThe ferry stopped on Monday."
    assert paragraphs(text) == ["Ferry halted", "By Marta Ellison", "The ferry stopped on Monday."]


def test_paragraph_spans_are_stripped() -> None:
    text = "   Indented paragraph.   \n\n\tTabbed one.\t\n"
    assert paragraphs(text) == ["Indented paragraph.", "Tabbed one."]
    assert sentences(text) == ["Indented paragraph.", "Tabbed one."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", " \t \n \n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_paragraphs(text) == []
    assert split_sentences(text) == []


def test_sentences_within_given_paragraphs_only() -> None:
    text = "Ignored lead. Kept one. Kept two. Ignored tail."
    wanted = Span(text.index("Kept one."), text.index(" Ignored tail."))
    assert [text[s.start : s.end] for s in split_sentences(text, [wanted])] == ["Kept one.", "Kept two."]


def test_source_sentences_match_the_segmenter() -> None:
    text = "Ferry halted\n\nThe ferry stopped on Monday.It will resume on Friday, Dr. Voss said."
    source = Source(id="s1", path="a.txt", text=text)
    assert list(source.paragraphs) == split_paragraphs(text)
    assert [text[s.start : s.end] for s in source.sentences] == [
        "Ferry halted",
        "The ferry stopped on Monday.",
        "It will resume on Friday, Dr. Voss said.",
    ]


# --- properties for any text ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "a", "B", " ", "  ", "\n", "\n\n", "\t", ".", "!", "?", ",", "“", "”", "‘", "’", '"', "'",
        "。", "？", "！", "「", "」", "東京", "U.S.", "Lt.", "Gen.", "No.", "Dr.", "Mr", "St.", "e.g.",
        "Wednesday.Foreign", "yet.”In", "SeaInternationalIndiaAfricaThe", "3.5", "(", ")", "—", "…",
        "\u00a0", "\u3000", "\u2028", "x" * 45,
    ]
)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=80).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_sentence_spans_are_ordered_stripped_and_inside_the_text(text: str) -> None:
    paras = split_paragraphs(text)
    spans = split_sentences(text)
    for group in (paras, spans):
        previous_end = 0
        for span in group:
            assert 0 <= span.start < span.end <= len(text)
            assert span.start >= previous_end  # ordered, never overlapping
            piece = text[span.start : span.end]
            assert piece == piece.strip()
            assert piece
            previous_end = span.end
    # Every sentence lies inside one paragraph, and no visible character of a paragraph is lost.
    for span in spans:
        assert any(p.contains(span) for p in paras)
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join("".join(text[p.start : p.end] for p in paras).split())


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=30),
       st.integers(0, 70), st.integers(1, 30))
def test_spans_index_answers_as_walking_every_span_would(raw, start, width) -> None:
    from crosscheck.core.spans import Spans

    spans = [Span(a, a + w) for a, w in raw if w > 0]
    index = Spans((sp, n) for n, sp in enumerate(spans))
    end = start + width
    touching = sorted(n for _, n in index.touching(start, end))
    assert touching == sorted(n for n, sp in enumerate(spans) if sp.start < end and start < sp.end)
    within = sorted(n for _, n in index.within(start, end))
    assert within == sorted(n for n, sp in enumerate(spans) if start <= sp.start and sp.end <= end)
