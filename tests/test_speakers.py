"""Speakers as real news writes them: roles and institutions, unknown when unsaid, any script.

Small examples written for these tests; each names the rule it checks.
"""

from __future__ import annotations

import pytest

from crosscheck.core.findings import Finding
from crosscheck.core.model import Source
from crosscheck.core.pipeline import analyze
from tests.test_attribution import speaker_of, speakers

WORDS = "The inquiry will report before the end of the year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"“{WORDS},” a company spokeswoman said.", "company spokeswoman"),
        (f"“{WORDS},” the court said in its ruling.", "court"),
        (f"“{WORDS},” police said.", "police"),
        (f"Prosecutors said: “{WORDS}.”", "Prosecutors"),
        (f"“{WORDS},” the ministry said in a statement.", "ministry"),
        (f"“{WORDS},” said Chief Superintendent Dana Holt of the county police.", "Dana Holt"),
        (f"The Harbour Police said in a statement: “{WORDS}.”", "Harbour Police"),
    ],
    ids=["role", "court", "police", "prosecutors", "ministry", "name-with-force", "institution-named"],
)
def test_roles_and_institutions_speak_as_written(text: str, expected: str) -> None:
    assert speaker_of(text, WORDS) == expected


def test_a_role_becomes_a_person_only_when_the_article_says_who() -> None:
    named = f"Spokeswoman Ines Duarte met reporters.\n\n“{WORDS},” the spokeswoman said."
    assert speaker_of(named, WORDS) == "Ines Duarte"
    unnamed = f"Reporters gathered outside the office.\n\n“{WORDS},” a spokeswoman said."
    assert speaker_of(unnamed, WORDS) == "spokeswoman"


def test_they_said_in_a_statement_is_the_institution_just_named() -> None:
    text = f"Harbour Police were called at 2am.\n\n“{WORDS},” they said in a statement."
    assert speaker_of(text, WORDS) == "Harbour Police"


def test_the_company_is_the_company_the_article_names() -> None:
    text = (
        "Lumora cut 300 jobs on Monday. Lumora makes lamps. Shares in Lumora fell.\n\n"
        f"“{WORDS},” the company said."
    )
    assert speaker_of(text, WORDS) == "Lumora"


def test_weak_evidence_leaves_the_speaker_unknown() -> None:
    # A name nearby is not evidence: nobody is reported as speaking.
    text = f"Mayor Elena Voss opened the new library on Monday.\n\n“{WORDS}.”"
    assert speaker_of(text, WORDS) is None


def test_the_object_of_a_sentence_does_not_take_over_a_pronoun() -> None:
    text = (
        "“Justice was done,” Judge Ruth Okafor said.\n\n"
        "The judge said Marco Ellis had shown no remorse.\n\n"
        f"“{WORDS},” she said."
    )
    assert speaker_of(text, WORDS) == "Ruth Okafor"


def test_names_in_any_spelling() -> None:
    for name in ("José Gómez", "Lars Øster", "Bashar al-Assad", "Ursula von der Leyen", "Nguyễn Thị Lan"):
        text = f"“{WORDS},” {name} told reporters."
        assert speaker_of(text, WORDS) == name, name


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Der Minister Jonas Weber sagte: „Wir werden das Gesetz ändern.“", "Wir werden das Gesetz ändern."),
        ("«Vamos a cambiar la ley», dijo Ana Ruiz.", "Vamos a cambiar la ley"),
        ("« Nous allons changer la loi », a déclaré Marie Dubois.", "Nous allons changer la loi"),
    ],
    ids=["german", "spanish", "french"],
)
def test_european_marks_and_verbs(text: str, words: str) -> None:
    assert speakers(text)[0][1] is not None
    assert speakers(text)[0][0].rstrip(".,") == words.rstrip(".,")


def test_japanese_topic_and_verb_of_saying() -> None:
    text = "山田太郎首相は記者会見で「来年の選挙には出馬しない」と述べた。\n「党を支えていく」と語った。"
    found = dict((q, who) for q, who in speakers(text))
    assert found["来年の選挙には出馬しない"] == "山田太郎"
    assert found["党を支えていく"] == "山田太郎"  # the subject carried on from the sentence before


def test_japanese_with_no_subject_anywhere_is_unknown() -> None:
    text = "会見は午前に開かれた。\n「来年の選挙には出馬しない」と述べた。"
    assert speakers(text) == [("来年の選挙には出馬しない", None)]


def test_chinese_verb_of_saying() -> None:
    text = "李明说：“我们将继续努力。”"
    assert speakers(text)[0][1] == "李明"


def _group_findings(*texts: str) -> list[Finding]:
    sources = [Source(id=f"s{i}", path=f"{i}.txt", text=t) for i, t in enumerate(texts, 1)]
    return [f for g in analyze(sources).groups for f in g.findings]


def test_attribution_conflict_needs_a_named_speaker_on_both_sides() -> None:
    quote = "We will rebuild the bridge within two years"
    named = _group_findings(f"“{quote},” Elena Voss said.", f"“{quote},” Tomas Brandt said.")
    assert [f.kind for f in named if f.kind == "attribution_conflict"] == ["attribution_conflict"]
    assert named[0].confidence == "high"
    guessed = _group_findings(
        f"“{quote},” Elena Voss said.",
        f"Mayor Tomas Brandt and Deputy Mayor Pedro Ruiz toured the site.\n\n“{quote},” he said.",
    )
    assert not [f for f in guessed if f.kind == "attribution_conflict"]


def test_no_attribution_conflict_between_spellings_of_one_person_or_a_body_and_its_spokesman() -> None:
    quote = "We will rebuild the bridge within two years"
    misspelt = _group_findings(f"“{quote},” Margaret Chan said.", f"“{quote},” Margaret Chen said.")
    assert not [f for f in misspelt if f.kind == "attribution_conflict"]
    body = _group_findings(f"“{quote},” San Jose, California-based Harbourco said in a statement.",
                           f"“{quote},” spokeswoman Karen Tillman said.")
    assert not [f for f in body if f.kind == "attribution_conflict"]
    # Two different people with similar surnames still conflict.
    different = _group_findings(f"“{quote},” Margaret Chan said.", f"“{quote},” Robert Chen said.")
    assert [f.kind for f in different if f.kind == "attribution_conflict"] == ["attribution_conflict"]


def test_a_family_member_is_not_the_person_named_in_full() -> None:
    text = (
        "Striker Ole Gunnar Berg retired on Tuesday. His father Anders was at the ground.\n\n"
        f"“{WORDS},” Berg senior told a local paper."
    )
    assert speaker_of(text, WORDS) == "Anders Berg"


def test_a_days_name_is_no_one() -> None:
    assert speaker_of(f"“{WORDS},” said Harbourside late Monday.", WORDS) == "Harbourside"
    assert speaker_of(f"Reporters waited. “{WORDS},” said late Monday.", WORDS) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"“{WORDS},” according to the WHO.", "WHO"),
        (f"“{WORDS},” stated NASA officials.", "NASA officials"),
        (f"“{WORDS},” said CNEOS manager Paul Chodas.", "Paul Chodas"),
    ],
    ids=["acronym", "acronym-officials", "acronym-role-name"],
)
def test_acronyms_speak(text: str, expected: str) -> None:
    assert speaker_of(text, WORDS) == expected


def test_the_firm_with_an_apposition_is_the_company_named() -> None:
    text = (
        "Harbourside Systems cut 300 jobs. Harbourside Systems makes cranes.\n\n"
        f"The Dutch crane firm, seen as a bellwether, said it was carrying out “{WORDS}”."
    )
    assert speaker_of(text, WORDS) == "Harbourside Systems"


def test_places_are_not_institutions() -> None:
    text = (
        "The last patient in Norland left hospital on Monday. Norland declared the outbreak over.\n\n"
        f"Officials in Norland and Vestmark “{WORDS},” it said."
    )
    assert speaker_of(text, WORDS) != "Norland"


def test_x_was_how_y_described_it_and_read_a_statement() -> None:
    assert speaker_of(f"“{WORDS}” was how his manager Alex Moreno, writing in his memoir, described it.",
                      WORDS) == "Alex Moreno"
    assert speaker_of(f"“{WORDS},” read a statement issued by the Harbour Authority.", WORDS) == "Harbour Authority"


def test_japanese_subject_after_the_quote() -> None:
    text = "山田太郎首相は辞任を発表した。\n「私が身を引くことだ」と山田首相は記者会見で話した。"
    assert speakers(text) == [("私が身を引くことだ", "山田太郎")]


def test_japanese_headline_name_before_the_quote() -> None:
    text = "山田首相「党を変える」 総裁選に出馬せず\n山田太郎首相は会見した。"
    assert speakers(text)[0] == ("党を変える", "山田太郎")


def test_who_is_an_organisation_not_a_pronoun() -> None:
    assert speaker_of(f"WHO said it plans to act, a move that will be “{WORDS}”.", WORDS) == "WHO"
    assert speaker_of(f"“{WORDS},” WHO said.", WORDS) == "WHO"


def test_a_caption_between_a_speakers_quotes_does_not_interrupt_them() -> None:
    from crosscheck.core.boilerplate import find_boilerplate
    from crosscheck.core.units import extract_units

    text = (
        "“I have given everything to this job,” Mayor Elena Voss said.\n\n"
        "Mayor Elena Voss announces her resignation on Monday. PHOTO: Harbour Press\n\n"
        f"“{WORDS}.”"
    )
    source = Source(id="s1", path="a.txt", text=text)
    units, _ = extract_units([source], find_boilerplate([source]))
    quotes = [u for u in units if u.kind == "quote"]
    assert [u.speaker for u in quotes] == ["Elena Voss", "Elena Voss"]


@pytest.mark.parametrize(
    "text", ["Time to ‘call it a day’ — Voss resigns\n\nMayor Elena Voss resigned on Monday.",
             "Voss: ‘call it a day’\n\nMayor Elena Voss resigned on Monday."],
    ids=["dash", "colon"],
)
def test_a_headline_names_its_speaker_by_convention(text: str) -> None:
    assert speaker_of(text, "call it a day") == "Elena Voss"


def test_a_dash_in_the_body_is_not_a_headline_convention() -> None:
    text = "Mayor Elena Voss resigned.\n\nThe plan was ‘a farce’ — Tomas Brandt, a councillor, disagreed."
    assert speaker_of(text, "a farce") != "Tomas Brandt"


def test_according_to_at_the_end_of_the_sentence() -> None:
    text = (
        "Lumora Inc said on Monday it would cut jobs. Lumora makes lamps.\n\n"
        "A “faulty configuration change” knocked Lumora offline for six hours, according to a statement "
        "from the lamp company, which has also apologised."
    )
    assert speaker_of(text, "faulty configuration change") == "Lumora"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"“{WORDS},” passenger Sead Nikaj told ABC News.", "Sead Nikaj"),
        (f"The White House mourned the “{WORDS}”.", "White House"),
        (f"“{WORDS},” Mick Jagger, 79, captioned his Instagram post.", "Mick Jagger"),
    ],
    ids=["passenger", "white-house", "captioned"],
)
def test_more_speakers_as_news_writes_them(text: str, expected: str) -> None:
    assert speaker_of(text, WORDS) == expected


def test_an_organisation_opening_the_sentence_of_a_participle() -> None:
    text = f"Harbour Airways officials issued a statement confirming the flight “{WORDS}” on Monday."
    assert speaker_of(text, WORDS) == "Harbour Airways officials"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Governor Philip Lowe spoke on Tuesday. Lowe notes “that will depend upon how the economy evolves.”",
         "that will depend upon how the economy evolves.", "Philip Lowe"),
        ("President Anna Berg spoke. The president added that the country remembers, knows and “will not forget”.",
         "will not forget", "Anna Berg"),
        ("The Harbour Authority’s official account hailed her “boundless passion” and said she had “inspired us all”.",
         "inspired us all", "Harbour Authority’s official account"),
        ("The FDNY, however, put the number higher, tweeting that it was “treating 32 passengers”.",
         "treating 32 passengers", "FDNY"),
    ],
    ids=["notes", "later-verb-without-speaker", "coordinated-said", "acronym-participle"],
)
def test_the_subject_of_the_right_verb(text: str, words: str, expected: str) -> None:
    assert speaker_of(text, words) == expected


def test_japanese_voices_from_a_group_are_not_the_topic_s_words() -> None:
    # 「…」という声: words going round in a group, not what the person of the paragraph said
    text = ("山田太郎首相は改革に取り組んできました。\n"
            "しかし、党内からは「今の政権では選挙を戦えない」という声も出ていました。\n"
            "山田太郎首相は「来年の選挙には出馬しない」と述べた。\n"
            "「厳しい」という声もあります。")
    found = dict(speakers(text))
    assert found["今の政権では選挙を戦えない"] == "党内"
    assert found["来年の選挙には出馬しない"] == "山田太郎"
    assert found["厳しい"] is None


def test_japanese_subject_carried_through_a_long_run_of_quotes() -> None:
    text = ("山田太郎首相は記者会見を開いた。\n"
            "「一つ目だ」と述べた。\n「二つ目だ」と語った。\n「三つ目だ」と強調した。\n"
            "その上で、「四つ目だ」と表明した。\nまた、「党を支えていく」と述べた。")
    assert dict(speakers(text))["党を支えていく"] == "山田太郎"
    # Narration in between ends the run: after it, the subject is unknown.
    text = ("山田太郎首相は記者会見を開いた。\n会見は午前に開かれた。\n天気は晴れだった。\n"
            "会場は混雑した。\n記者は多かった。\nまた、「党を支えていく」と述べた。")
    assert dict(speakers(text))["党を支えていく"] is None


def test_japanese_phrase_quoted_inside_what_the_topic_said() -> None:
    text = ("山田太郎首相は記者会見を開いた。\n"
            "山田首相は、新しい党首が人々の「信頼と共感」を得ることを望んでいると表明した。")
    assert dict(speakers(text))["信頼と共感"] == "山田太郎"



# --- pages cut off by the site or the archive ----------------------------------------------------


def test_a_page_cut_before_said_still_names_the_speaker_printed_after_the_quote() -> None:
    text = (f"Engineers watched the screens.\n\n“{WORDS},” Mark Jensen, the mission's guidance engineer at "
            "the Harbour Laboratory")
    assert speaker_of(text, WORDS) == "Mark Jensen"


def test_a_quote_the_page_cuts_off_is_not_given_to_the_reporting_before_it() -> None:
    # Its attribution was after it, and the page lost it: the office that "said" something in
    # the paragraph before is no evidence.
    text = (f"The civil defence office said the search had ended in the city.\n\n“{WORDS}. As e")
    assert speaker_of(text, f"{WORDS}. As e") is None
    # A run of quotes it continues still says whose it is.
    run = f"“The search has ended,” Mayor Elena Voss said.\n\n“{WORDS}. As e"
    assert speaker_of(run, f"{WORDS}. As e") == "Elena Voss"


def test_a_headline_quote_is_the_speaker_named_for_the_same_words_in_the_body() -> None:
    text = ("'Fear and relief': harbour wall holds in the storm\n\n"
            "The harbour wall held through the night.\n\n"
            "“It was fear and relief at the same time,” Mayor Elena Voss said on Monday.")
    assert speaker_of(text, "Fear and relief") == "Elena Voss"
    # A scare quote in the body is nobody's, even when someone says the words elsewhere.
    scare = ("The storm was dubbed “the long night” by residents.\n\n"
             "“We call it the long night because nobody slept,” Mayor Elena Voss said.")
    assert speaker_of(scare, "the long night") is None
