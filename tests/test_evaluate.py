"""The scorer's idea of "the same speaker": lenient on how a name is written, strict on who."""

from __future__ import annotations

import pytest

from crosscheck.evaluate import same_speaker


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("Lewis Kaplan", "Lewis A. Kaplan"),
        ("Chan", "Margaret Chan"),
        ("Ole Gunnar Solskjaer", "Ole Gunnar Solskjær"),
        ("WHO", "World Health Organization"),
        ("Cisco", "Cisco Systems"),
        ("spokeswoman", "company spokeswoman"),
        ("Turkish Airlines officials", "Turkish Airlines"),
        ("Margaret Chan", "Margaret Chen"),  # the outlet's misspelling of the same person
        ("attorneys", "Ash's lawyers"),
        (None, None),
    ],
)
def test_same_speaker(said: str | None, want: str | None) -> None:
    assert same_speaker(said, want)


@pytest.mark.parametrize(
    ("said", "want"),
    [
        ("Margaret Chan", "Margaret Chen Li"),
        ("Mark Chan", "Margaret Chan"),
        ("John Kerr", "John Kim"),  # short surnames one letter apart are different people
        ("Paul Chodas", "Lindley Johnson"),
        ("prosecutors", "Ash's lawyers"),
        ("Grant Robertson", None),
        (None, "Grant Robertson"),
    ],
)
def test_different_speakers(said: str | None, want: str | None) -> None:
    assert not same_speaker(said, want)


def test_a_quote_both_gold_and_engine_call_boilerplate_is_not_scored_for_its_speaker() -> None:
    from crosscheck.evaluate import score

    text = "The wall was approved.\n\nRelated: Singer says “it is the best wall” at a show.\n\nWork starts in June."
    teaser = text.index("Related")
    end = text.index("\n\nWork")
    result = {"sources": [{"id": "s1", "text": text}], "groups": [], "unique": [],
              "boilerplate": [{"source": "s1", "start": teaser, "end": end}]}
    gold = {"single_quotes": [{"at": ["a", "it is the best wall"], "speaker": "Singer"}],
            "boilerplate": [["a", "Related: Singer says"]]}
    assert score(result, gold, {"a": "s1"}).speakers.total == 0
    # When the engine reads the passage as content, its speaker is scored as usual.
    assert score({**result, "boilerplate": []}, gold, {"a": "s1"}).speakers.total == 1
