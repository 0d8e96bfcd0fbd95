"""Who said each quote: reporting patterns, continuations, pronouns, descriptions, surnames.

Everything goes through ``extract_units``, the entry point the engine itself uses, so the
quotes, the people found in the article and the attribution are read together.
"""

from __future__ import annotations

import pytest

from crosscheck.core.model import Source
from crosscheck.core.units import extract_units

PIER = "The new pier will take two years to build."
PIER_WORDS = "The new pier will take two years to build"
SHIPS = "We expect the first ships in the autumn after that"


def speakers(text: str, *others: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker) for each quote of the first article, in reading order."""
    sources = [Source(id="s1", path="a.txt", text=text)]
    sources += [Source(id=f"s{i}", path=f"{i}.txt", text=t) for i, t in enumerate(others, 2)]
    units, _ = extract_units(sources, {})
    quotes = sorted((u for u in units if u.kind == "quote" and u.source == "s1"), key=lambda u: u.span.start)
    for u in quotes:
        assert text[u.span.start : u.span.end] == u.text
    return [(u.text, u.speaker) for u in quotes]


def speaker_of(text: str, words: str, *others: str) -> str | None:
    found = [who for quoted, who in speakers(text, *others) if quoted.rstrip(".,") == words.rstrip(".,")]
    assert len(found) == 1, speakers(text, *others)
    return found[0]


# --- the reporting patterns -------------------------------------------------------------------


PIER_LOWER = PIER[0].lower() + PIER[1:]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (f"Harbour master Elena Voss said: “{PIER}”", PIER),
        (f"Elena Voss said: “{PIER}”", PIER),
        (f"“{PIER_WORDS},” Elena Voss said.", PIER_WORDS),
        (f"“{PIER_WORDS},” Elena Voss said on Monday.", PIER_WORDS),
        (f"“{PIER_WORDS},” said Elena Voss.", PIER_WORDS),
        (f"“{PIER_WORDS},” said Elena Voss, the harbour master.", PIER_WORDS),
        (f"Elena Voss told reporters that “{PIER_LOWER}”", PIER_LOWER),
        (f"According to Elena Voss, “{PIER_LOWER}”", PIER_LOWER),
        (f"“{PIER_WORDS},” Elena Voss, the harbour master, told reporters.", PIER_WORDS),
    ],
    ids=["role-name-said-colon", "said-colon", "quote-x-said", "quote-x-said-when", "quote-said-x",
         "quote-said-x-apposition", "told-reporters-that", "according-to", "quote-x-apposition-told"],
)
def test_reporting_patterns_name_the_speaker(text: str, words: str) -> None:
    assert speaker_of(text, words) == "Elena Voss"


@pytest.mark.parametrize(
    "text",
    [
        f"Tomas Brandt, the spokesperson for the port authority, warned that “{PIER[0].lower() + PIER[1:]}”",
        f"Tomas Brandt, the spokesperson for the port authority, warned: “{PIER}”",
        f"“{PIER_WORDS},” Tomas Brandt, the spokesperson for the port authority, warned.",
    ],
    ids=["apposition-warned-that", "apposition-warned-colon", "quote-then-apposition"],
)
def test_apposition_between_name_and_verb(text: str) -> None:
    assert [who for _, who in speakers(text)] == ["Tomas Brandt"]


def test_attribution_after_the_quote_wins_over_a_name_before_it() -> None:
    text = f"Elena Voss listened as the plans were read out. “{PIER_WORDS},” Tomas Brandt said."
    assert speaker_of(text, PIER_WORDS) == "Tomas Brandt"


def test_role_and_name_after_the_quote() -> None:
    # "… ,” council leader Tomas Brandt said: the lower-case role words belong to the speaker.
    text = f"The council met on Monday.\n\n“{PIER_WORDS},” council leader Tomas Brandt said."
    assert speaker_of(text, PIER_WORDS) == "Tomas Brandt"


# --- continuations ------------------------------------------------------------------------------


def test_x_continued_in_a_following_paragraph() -> None:
    text = f"Elena Voss said: “{PIER}”\n\nVoss continued: “{SHIPS}.”"
    assert speakers(text) == [(PIER, "Elena Voss"), (SHIPS + ".", "Elena Voss")]


def test_second_quote_in_the_same_paragraph_keeps_the_speaker() -> None:
    text = f"“{PIER_WORDS},” Elena Voss said. “{SHIPS}.”"
    assert speakers(text) == [(PIER_WORDS, "Elena Voss"), (SHIPS + ".", "Elena Voss")]


def test_quote_only_paragraph_after_an_attributed_one() -> None:
    text = f"“{PIER_WORDS},” Elena Voss said.\n\n“{SHIPS}.”"
    assert speakers(text) == [(PIER_WORDS, "Elena Voss"), (SHIPS + ".", "Elena Voss")]


def test_two_speakers_in_one_paragraph_are_kept_apart() -> None:
    text = (
        "Foreign Minister Kenji Arata met Mayor Elena Voss in Oslo. “We will sign the agreement in June,” "
        "Arata said. “The text is ready,” Voss replied."
    )
    assert speakers(text) == [
        ("We will sign the agreement in June", "Kenji Arata"),
        ("The text is ready", "Elena Voss"),
    ]


def test_a_new_speaker_in_between_ends_the_continuation() -> None:
    text = (
        f"“{PIER_WORDS},” Elena Voss said.\n\n"
        f"Deputy Mayor Tomas Brandt disagreed. “{SHIPS},” he said."
    )
    assert speakers(text) == [(PIER_WORDS, "Elena Voss"), (SHIPS, "Tomas Brandt")]


# --- pronouns and descriptions ------------------------------------------------------------------


def test_pronoun_resolves_to_the_person_named_before() -> None:
    # A plain name with no title: the article still says who "he" is.
    text = f"Tomas Brandt opened the meeting on Monday.\n\n“{PIER_WORDS},” he said."
    assert speaker_of(text, PIER_WORDS) == "Tomas Brandt"


def test_pronoun_before_the_quote() -> None:
    text = f"Deputy Mayor Tomas Brandt opened the meeting on Monday. He said: “{PIER}”"
    assert speaker_of(text, PIER) == "Tomas Brandt"


def test_pronoun_resolves_to_the_nearest_person_not_the_first() -> None:
    text = (
        "Mayor Elena Voss opened the meeting on Monday.\n\n"
        "Deputy Mayor Tomas Brandt spoke next about the cost.\n\n"
        f"“{PIER_WORDS},” he said."
    )
    assert speaker_of(text, PIER_WORDS) == "Tomas Brandt"


def test_role_description_resolves_to_the_person_with_that_role() -> None:
    # The mayor is named first, the minister nearer the quote: "the minister" is the minister.
    text = (
        "Foreign Minister Kenji Arata met the delegation. Mayor Elena Voss joined later.\n\n"
        "“We will sign the agreement in June,” the minister said."
    )
    assert speaker_of(text, "We will sign the agreement in June") == "Kenji Arata"


def test_mayor_description_skips_a_nearer_person_of_another_role() -> None:
    text = (
        "Mayor Elena Voss met Foreign Minister Kenji Arata in Oslo on Monday.\n\n"
        "“We will sign the agreement in June,” the mayor said."
    )
    assert speaker_of(text, "We will sign the agreement in June") == "Elena Voss"


def test_nationality_description_resolves_to_the_person_of_that_nationality() -> None:
    # "the Japanese official" fits Arata (Japanese, a minister), not Voss (named nearer, Norwegian).
    text = (
        "Japanese Foreign Minister Kenji Arata met Norwegian Mayor Elena Voss in Oslo on Monday.\n\n"
        "“We will sign the agreement in June,” the Japanese official said."
    )
    assert speaker_of(text, "We will sign the agreement in June") == "Kenji Arata"


def test_a_title_in_two_parts_names_its_holder_from_another_article() -> None:
    # "the Finance Minister and Deputy Prime Minister" is one person; this article never names
    # him, another does — and the Prime Minister named here is not him.
    text = (
        "Prime Minister Ana Ruiz opened the session on Monday.\n\n"
        "“We will sign the agreement in June,” the Finance Minister and Deputy Prime Minister said."
    )
    other = "Finance Minister Tomas Brandt spoke to reporters."
    assert speaker_of(text, "We will sign the agreement in June", other) == "Tomas Brandt"


# --- surnames -----------------------------------------------------------------------------------


def test_surname_resolves_to_the_full_name_given_earlier() -> None:
    # Names with no titles: "Arata said" is enough to know Arata (Kenji Arata) is a person.
    text = "Kenji Arata met Elena Voss in Oslo.\n\nArata said: “We will sign the agreement in June.”"
    assert speaker_of(text, "We will sign the agreement in June.") == "Kenji Arata"


def test_surname_resolves_to_the_full_name_given_later() -> None:
    text = "“We will sign the agreement in June,” Arata said.\n\nKenji Arata, the foreign minister, flew home."
    assert speaker_of(text, "We will sign the agreement in June") == "Kenji Arata"


def test_surname_with_two_people_of_different_surnames() -> None:
    text = (
        "Foreign Minister Kenji Arata met Mayor Elena Voss in Oslo on Monday.\n\n"
        "“We will sign the agreement in June,” Voss said after the talks."
    )
    assert speaker_of(text, "We will sign the agreement in June") == "Elena Voss"


def test_surname_only_named_in_another_article_uses_that_full_name() -> None:
    text = "“We will sign the agreement in June,” Voss said after the talks."
    assert speaker_of(text, "We will sign the agreement in June", "Mayor Elena Voss met the press in Oslo.") == (
        "Elena Voss"
    )


# --- unknown ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The council published its plan on Monday.\n\n“We will sign the agreement in June,” a note on the door read.",
        "Workers gathered at the gate in the rain. “We will sign the agreement in June,” someone shouted.",
        "“We will sign the agreement in June.”",
        "The agreement was read aloud. “We will sign the agreement in June,” they said.",
    ],
    ids=["note", "someone", "bare-quote", "they"],
)
def test_no_speaker_when_the_text_does_not_say(text: str) -> None:
    assert speaker_of(text, "We will sign the agreement in June") is None


def test_a_scare_quote_does_not_borrow_a_speaker_from_context() -> None:
    text = "Elena Voss opened the meeting on Monday. The plan was dismissed as “a fantasy” in the local paper."
    assert speaker_of(text, "a fantasy") is None


def test_officials_said_after_a_body_s_statement_are_that_body() -> None:
    text = (
        "“We will sign the agreement in June,” read a statement issued by the Harbour Authority.\n\n"
        "Divers inspected the hull on Monday.\n\n"
        f"“{PIER_WORDS},” officials said."
    )
    assert speaker_of(text, PIER_WORDS) == "Harbour Authority"
    # After a person's quote, "officials" are not that person: they stay as written.
    text = (
        "“We will sign the agreement in June,” Mayor Elena Voss said.\n\n"
        f"“{PIER_WORDS},” officials said."
    )
    assert speaker_of(text, PIER_WORDS) == "officials"


def test_it_also_said_carries_on_the_body_that_is_the_subject() -> None:
    # "It" is the DHS (the subject before), not the Harbour Trust it accused; "also" may stand
    # between the pronoun and the verb.
    text = (
        "The DHS accused the Harbour Trust of neglecting the pier. It also said that the ruling "
        f"holds the trust “{PIER_WORDS}.”"
    )
    assert speaker_of(text, PIER_WORDS + ".") == "DHS"


def test_a_line_in_capitals_is_not_an_acronym_speaker() -> None:
    text = f"THE PIER WAS CLOSED ON MONDAY. It said the repairs mean “{PIER_WORDS}.”"
    assert speaker_of(text, PIER_WORDS + ".") is None


def test_words_from_the_subject_s_letter_are_the_subject_s() -> None:
    text = (
        "The pier was closed on Monday.\n\n"
        "In a letter to the council, Mayor Elena Voss gave the trust “the opportunity” to repair it.\n\n"
        f"“{PIER_WORDS}.”"
    )
    assert speakers(text) == [("the opportunity", "Elena Voss"), (PIER_WORDS + ".", "Elena Voss")]
    # Without the letter, a phrase in quotation marks after a verb that is not one of saying
    # is nobody's.
    text = "Mayor Elena Voss gave the trust “the opportunity” to repair it."
    assert speakers(text) == [("the opportunity", None)]


def test_called_and_said_belong_to_the_named_subject_of_the_sentence() -> None:
    text = (
        "The pier was closed on Monday.\n\n"
        "Mayor Elena Voss called the plan “a disgrace” and said it “will not pass.”"
    )
    assert speakers(text) == [("a disgrace", "Elena Voss"), ("will not pass.", "Elena Voss")]
    # A capitalised first word is not a subject by itself: "Workers … and said" are no one named.
    assert speaker_of("Workers at the pier hailed the plan and said it “will not pass.”", "will not pass.") is None


def test_they_are_the_group_just_quoted_not_a_word_inside_a_compound() -> None:
    text = (
        "The lawyers said the government-recommended sentence “ignores the facts” of the case.\n\n"
        f"They called the ruling “{PIER_WORDS}.”"
    )
    assert speaker_of(text, PIER_WORDS + ".") == "lawyers"


def test_x_later_recalled_after_the_quote() -> None:
    text = f"Elena Voss left the council in May.\n\n“{PIER_WORDS},” Elena later recalled – with some regret."
    assert speaker_of(text, PIER_WORDS) == "Elena Voss"


def test_a_paragraph_attributed_at_its_end_covers_its_earlier_quote() -> None:
    text = (
        "Engineers were able to learn “that a change to the harbour gates” caused the flood. "
        f"It had a “{SHIPS},” Elena Voss said."
    )
    assert speakers(text) == [("that a change to the harbour gates", "Elena Voss"), (SHIPS, "Elena Voss")]
    # Someone else named in between, or a short phrase that may be a scare quote: no.
    text = (
        "Engineers were able to learn “that a change to the harbour gates” caused the flood, Tom Brandt wrote. "
        f"It had a “{SHIPS},” Elena Voss said."
    )
    assert speakers(text)[0][1] != "Elena Voss"
    text = f"The “harbour gates” failed. It had a “{SHIPS},” Elena Voss said."
    assert speakers(text)[0] == ("harbour gates", None)


def test_he_said_after_a_body_took_over_the_story_is_unknown() -> None:
    text = (
        "Mayor Elena Voss said the pier had been a monumental achievement.\n\n"
        "UNICEF highlighted the needs of children living near the harbour.\n\n"
        f"“{PIER_WORDS},” he said."
    )
    assert speaker_of(text, PIER_WORDS) is None
    # With no body in between, "he said" is the person just named.
    text = "Mayor Tomas Brandt said the pier had been a monumental achievement.\n\n" f"“{PIER_WORDS},” he said."
    assert speaker_of(text, PIER_WORDS) == "Tomas Brandt"


def test_an_opinion_reported_inside_reported_speech_is_its_holder_s() -> None:
    text = (
        "In their memo, prosecutors revealed that the trust's lawyer believes that the council is "
        f"“{PIER_WORDS}” after all."
    )
    assert speaker_of(text, PIER_WORDS) == "trust's lawyer"


def test_according_to_in_passing_sources_a_fact_not_the_next_quote() -> None:
    text = (
        "Readers may be surprised that, according to harbour master Elena Voss, this is only the third pier.\n\n"
        f"“{PIER_WORDS}.”"
    )
    assert speaker_of(text, PIER_WORDS + ".") is None
    text = f"According to harbour master Elena Voss, this is only the third pier.\n\n“{PIER_WORDS}.”"
    assert speaker_of(text, PIER_WORDS + ".") == "Elena Voss"


def test_an_age_before_the_name_after_the_quote() -> None:
    text = f"“{PIER_WORDS},” the 64-year-old Voss said after the vote.\n\nElena Voss has led the council since 2019."
    assert speaker_of(text, PIER_WORDS) == "Elena Voss"


def test_he_is_not_a_person_named_only_in_passing() -> None:
    # Brandt is named as an owner, not as anyone who speaks: "he added" stays unknown.
    text = f"The crowd cheered as the runner beat Tomas Brandt's record by 34 seconds.\n\n“{PIER_WORDS},” he added."
    assert speaker_of(text, PIER_WORDS) is None


def test_said_x_later_in_the_sentence() -> None:
    text = f"The pier will take “{PIER_WORDS}” to finish, said Elena Voss, the harbour master."
    assert speaker_of(text, PIER_WORDS) == "Elena Voss"


def test_a_group_named_between_two_quotes_ends_the_run() -> None:
    text = (
        f"“{PIER_WORDS},” said Elena Voss, the harbour master.\n\n"
        f"The plan also angered local campaigners. “{SHIPS}.”"
    )
    assert speakers(text)[1] == (SHIPS + ".", None)


def test_he_congratulated_x_saying_is_his_words_not_x_s() -> None:
    text = (
        "Mayor Elena Voss lost the vote on Friday.\n\n"
        f"She congratulated Tomas Brandt on his victory, saying: “{PIER_WORDS}.”"
    )
    assert speaker_of(text, PIER_WORDS + ".") == "Elena Voss"


def test_a_long_quotation_reopened_over_paragraphs_carries_its_speaker_on() -> None:
    text = (
        "Mayor Elena Voss said: “We will sign the agreement in June.\n\n"
        "“The pier comes next.\n\n"
        "“The ferries will follow.\n\n"
        "Watch: the mayor's speech\n\n"
        f"“{SHIPS}.”"
    )
    assert speakers(text)[-1] == (SHIPS + ".", "Elena Voss")


def test_said_a_lower_case_description_then_the_name() -> None:
    assert speaker_of(f"“{PIER_WORDS},” said harbour works coordinator Elena Voss at the quay.", PIER_WORDS) == (
        "Elena Voss")
    assert speaker_of(f"“{PIER_WORDS},” said on Monday the council.", PIER_WORDS) is None


def test_a_pronoun_subject_after_an_opening_phrase_with_a_participle() -> None:
    text = (
        "Mayor Elena Voss lost the vote on Friday.\n\n"
        f"In her last speech at the quay she thanked the crews, telling them: “{PIER_WORDS}.”"
    )
    assert speaker_of(text, PIER_WORDS + ".") == "Elena Voss"


def test_a_title_case_headline_names_its_speaker_after_the_quote() -> None:
    text = ("Harbour Wall 'Built When Few Others Believed,' Remembers Longtime Manager\n\n"
            "The wall opened on Monday.\n\nHer longtime manager Tomas Brandt was at the quay.")
    assert speakers(text)[0] == ("Built When Few Others Believed", "Tomas Brandt")
    text = "Harbour Wall 'Will Be Built This Year,' Says Mayor Elena Voss\n\nThe council met."
    assert speakers(text)[0] == ("Will Be Built This Year", "Elena Voss")


def test_lazy_patterns_compile_on_first_use_and_match_as_compiled() -> None:
    from crosscheck.core.lazyre import lazy

    p = lazy(r"(?P<who>\p{Lu}\p{Ll}+) said")
    assert p.pattern.startswith("(?P<who>") and p._compiled is None
    assert p.search("then Ørsted said so").group("who") == "Ørsted"
    assert p._compiled is not None
