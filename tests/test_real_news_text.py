"""Text as real news pages deliver it: wrapped lines, broken marks, clutter, scripts without spaces.

Every example is written for these tests. Offsets are checked against the shown text throughout:
whatever the engine reads, what it points at is the text as loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from crosscheck.core.boilerplate import find_boilerplate, is_boilerplate
from crosscheck.core.marks import fold
from crosscheck.core.model import Source, Span
from crosscheck.core.pipeline import analyze
from crosscheck.core.quotes import find_quotes
from crosscheck.core.segment import split_paragraphs, split_sentences
from crosscheck.io.load import load_pasted


def _source(text: str, sid: str = "s1") -> Source:
    return Source(id=sid, path=f"{sid}.txt", text=text)


def _quotes(text: str) -> list[str]:
    return [text[q.span.start : q.span.end] for q in find_quotes(text, split_paragraphs(text))]


def _boilerplate_marker(text: str, sources: list[Source] | None = None) -> Callable[[str], bool]:
    """Whether given words of ``text`` (the first source) are marked as boilerplate."""
    sources = sources or [_source(text)]
    marks = find_boilerplate(sources)[sources[0].id]

    def marked(words: str) -> bool:
        at = text.index(words)
        return is_boilerplate(Span(at, at + len(words)), marks)

    return marked


# --- one table of marks ----------------------------------------------------------------------------


def test_folding_marks_keeps_every_offset() -> None:
    text = "“A” ‘b’ «c» „d“ 「e」"
    assert len(fold(text)) == len(text)
    assert fold("‘a farce’ “a farce”") == "'a farce' \"a farce\""


def test_single_and_double_quoted_words_split_a_sentence_alike() -> None:
    for a, b in (("‘", "’"), ("“", "”")):
        text = f"The minister called the plan {a}a farce{b}. The council disagreed."
        assert [text[s.start : s.end] for s in split_sentences(text)] == [
            f"The minister called the plan {a}a farce{b}.", "The council disagreed."]


# --- hard-wrapped text -----------------------------------------------------------------------------

WRAPPED = (
    "Harbour wall approved after years of debate\n"
    "\n"
    "The council voted on Tuesday to build a new harbour wall after years of\n"
    "arguments about flooding. \"The work will start in June and take about\n"
    "two years,\" the harbour master, Anna Berg, said on Tuesday afternoon.\n"
)


def test_wrapped_lines_are_joined_for_analysis_only() -> None:
    source = _source(WRAPPED)
    assert source.analysis_text != source.text and len(source.analysis_text) == len(source.text)
    (quote,) = find_quotes(source.analysis_text, source.paragraphs)
    assert source.text[quote.span.start : quote.span.end] == "The work will start in June and take about\ntwo years"
    sentence = next(s for s in source.sentences if source.text[s.start :].startswith("The council"))
    assert source.text[sentence.end - 9 : sentence.end] == "flooding."


def test_the_speaker_of_a_quote_wrapped_over_lines() -> None:
    result = analyze([_source(WRAPPED), _source(WRAPPED.replace("Tuesday afternoon", "Tuesday evening"), "s2")])
    speakers = {m.speaker for g in result.groups if g.kind == "quote" for m in g.members}
    assert speakers == {"Anna Berg"}


def test_a_wrapped_first_line_is_not_a_title() -> None:
    text = (
        "The council voted on Tuesday to build a new harbour wall after years of\n"
        "arguments about flooding on the quay, the harbour master said on Tuesday.\n"
    )
    assert load_pasted(text, "s1").title is None


def test_lines_broken_in_mid_sentence_are_one_paragraph() -> None:
    text = "He thanked the manager, the coaching staff and most of all the\nsupporters, who stood by him.\nNext."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == [
        "He thanked the manager, the coaching staff and most of all the\nsupporters, who stood by him.", "Next."]


# --- broken quotation marks --------------------------------------------------------------------------


def test_an_unclosed_quote_after_said_ends_with_its_paragraph() -> None:
    text = "Berg said: \"The work will start in June.\n\nThe council has not yet set a budget."
    assert _quotes(text) == ["The work will start in June."]


def test_an_unclosed_quote_opening_a_sentence_ends_with_its_paragraph() -> None:
    text = "Berg spoke to reporters. “The work will start in June.\n\nThe council has not yet set a budget."
    assert _quotes(text) == ["The work will start in June."]


def test_an_unclosed_quote_after_said_it_ends_with_its_paragraph() -> None:
    # A saved page cut off before the closing mark: "… and said it “undermines …"
    text = "The trust called the ruling unfair and said it \u201cundermines the work on the quay."
    assert _quotes(text) == ["undermines the work on the quay."]


def test_a_quote_cut_off_with_the_page_ends_with_it() -> None:
    # A saved excerpt that stops in mid-word stops in mid-quotation too.
    text = "The council met on Tuesday.\n\nThey called the plan an \u201caberration in a l"
    assert _quotes(text) == ["aberration in a l"]
    text = "The council met on Tuesday.\n\nThe mayor praised his \u201cintrepid spirit,"
    assert _quotes(text) == ["intrepid spirit"]
    # A stray mark in a last paragraph that ends properly still swallows nothing.
    assert _quotes("The council met on Tuesday.\n\nThey called the plan an \u201caberration.") == []


def test_a_paragraph_of_quotation_after_a_quote_keeps_its_lost_closing_mark() -> None:
    text = "\u201cRIP Anna Berg,\u201d Tom Lyle tweeted.\n\n\u201cSimply the best.\n\nThe council will meet in June."
    assert _quotes(text) == ["RIP Anna Berg", "Simply the best."]
    # After narration, the same mark is a stray.
    text = "The council met.\n\n\u201cSimply the best.\n\nThe council will meet in June."
    assert _quotes(text) == []


def test_a_quotation_in_single_marks_over_several_paragraphs() -> None:
    text = ("Anna Berg told the Herald, \u2018The wall is overdue.\n\n\u2018So the council must pay for it.\n\n"
            "\u2018Or the quay will flood again.\u2019\n\nThe council met on Monday.")
    assert _quotes(text) == ["The wall is overdue.\n\n\u2018So the council must pay for it.\n\n"
                             "\u2018Or the quay will flood again."]
    # Not reopened: the lone mark is a stray and swallows nothing.
    assert _quotes("Anna Berg told the Herald, \u2018The wall is overdue.\n\nThe council met on Monday.") == []


def test_an_unclosed_quote_ends_where_the_narrator_speaks() -> None:
    text = ("\u201cThe wall is overdue. We knew where the floods would hit. said Anna Berg, the harbour master. "
            "\u201cSo we built it.\u201d")
    assert _quotes(text) == ["The wall is overdue. We knew where the floods would hit", "So we built it."]


def test_a_stray_mark_swallows_nothing() -> None:
    text = "“The council met on Monday.\n\nIt approved the harbour wall, the mayor said."
    assert _quotes(text) == []


def test_a_right_mark_used_to_open_quotes_over_two_paragraphs() -> None:
    text = "Berg said: ”The wall is overdue.\n\n”It will protect the quay,” she added."
    assert _quotes(text) == ["The wall is overdue.\n\n”It will protect the quay"]


# --- page clutter ------------------------------------------------------------------------------------

CLUTTERED = (
    "Skip to content\n"
    "LONDON (Reuters) – The harbour wall will cost 12 million pounds, the council said on Tuesday.\n"
    "A crane lifts a block at the quay in Dover, Britain, May 2, 2024. REUTERS/Jane Doe\n"
    "Posted at 3:01 PM, May 2, 2024\n"
    "The council said work would start in June.\n"
    "Related stories\n"
    "Ferry fares to rise in autumn\n"
    "New bridge opens to traffic\n"
    "(Reporting by Jane Doe; Editing by John Roe)\n"
)


def test_page_clutter_is_boilerplate_and_the_story_is_not() -> None:
    marked = _boilerplate_marker(CLUTTERED)

    for clutter in ("LONDON (Reuters) –", "REUTERS/Jane Doe", "A crane lifts a block", "Posted at 3:01 PM",
                    "Ferry fares to rise", "New bridge opens", "Reporting by Jane Doe", "Related stories"):
        assert marked(clutter), clutter
    for story in ("The harbour wall will cost", "work would start in June"):
        assert not marked(story), story


def test_a_dateline_is_cut_from_the_claim_it_opens() -> None:
    other = "The harbour wall will cost 12 million pounds, the council said on Tuesday evening."
    result = analyze([_source(CLUTTERED), _source(other, "s2")])
    member = next(m for g in result.groups for m in g.members if m.source == "s1")
    assert member.text.startswith("The harbour wall")


def test_a_generated_summary_block_is_boilerplate() -> None:
    text = "Summary\nThe council approved the wall.\nWork starts in June.\n\nThe council voted on Tuesday to build it."
    marked = _boilerplate_marker(text)
    assert marked("Work starts")
    assert not marked("The council voted on Tuesday to build it.")


# --- scripts without spaces --------------------------------------------------------------------------


def test_japanese_quotes_link_across_articles_character_by_character() -> None:
    a = "山田太郎首相は「来年の選挙には出馬しない」と述べた。"
    b = "山田首相は記者団に「来年の選挙に出馬しない」と語った。"
    groups = [g for g in analyze([_source(a), _source(b, "s2")]).groups if g.kind == "quote"]
    assert len(groups) == 1
    assert {m.speaker for m in groups[0].members} == {"山田太郎"}


# --- quoted in one outlet, unquoted in another ------------------------------------------------------


def test_the_same_words_without_quotation_marks_join_the_quote() -> None:
    a = "“The new wall will protect every house on the quay from winter storms,” Anna Berg said."
    b = "The council said the new wall will protect every house on the quay from winter storms."
    result = analyze([_source(a), _source(b, "s2")])
    (group,) = [g for g in result.groups if g.kind == "quote"]
    plain = [m for m in group.members if not m.quoted]
    assert [m.source for m in plain] == ["s2"]
    assert b[plain[0].span.start : plain[0].span.end] == plain[0].text
    assert "the new wall will protect every house on the quay from winter storms" in plain[0].text.lower()
    assert [f.kind for f in group.findings] == ["unquoted"]


def test_a_common_phrase_is_not_a_borrowed_quote() -> None:
    a = "“We will do everything we can,” Anna Berg said of the harbour wall."
    b = "Officials will do everything they can to finish the road by June."
    result = analyze([_source(a), _source(b, "s2")])
    assert not [g for g in result.groups if g.kind == "quote"]


# --- statements of a quotation ---------------------------------------------------------------------


def test_two_statements_quoted_together_and_apart_link_one_by_one() -> None:
    one = "The wall is overdue and the quay floods every winter"
    two = "We expect the first ships to return in the autumn"
    a = f"“{one}. {two},” Anna Berg said."
    b = f"Anna Berg said: “{one}.”\n\nShe added later: “{two}.”"
    groups = [g for g in analyze([_source(a), _source(b, "s2")]).groups if g.kind == "quote"]
    assert sorted(len(g.members) for g in groups) == [2, 2]
    texts = sorted(m.text.rstrip(".") for g in groups for m in g.members if m.source == "s1")
    assert texts == sorted([one, two])


def test_a_quotation_every_outlet_carries_whole_stays_one_group() -> None:
    quote = "The wall is overdue and the quay floods every winter. We expect the first ships in autumn."
    a = f"“{quote}” Anna Berg said."
    b = f"Harbour master Anna Berg said: “{quote}”"
    (group,) = [g for g in analyze([_source(a), _source(b, "s2")]).groups if g.kind == "quote"]
    assert all(m.text == quote for m in group.members)


def test_page_chrome_above_the_headline_is_neither_title_nor_outlet() -> None:
    text = "Skip to content\nSearch\nHarbour wall approved after years of debate\n\nThe council voted on Tuesday."
    source = load_pasted(text, "s1")
    assert source.title == "Harbour wall approved after years of debate"
    assert source.outlet is None


def test_a_place_in_a_phrase_before_the_verb_is_not_the_speaker() -> None:
    from tests.test_attribution import speaker_of

    text = "Police in the city of Harbourside declared a “major incident” on Sunday."
    assert speaker_of(text, "major incident") != "Harbourside"


def test_japanese_differences_are_shown_character_by_character() -> None:
    from crosscheck.core.diff import classify_changes, word_diff

    a = "自民党が変わることを示す最も分かりやすい最初の一歩だ"
    b = "自民党が変わることを示す最もわかりやすい最初の一歩だ"
    changes = classify_changes(word_diff(a, b))
    assert [(c.deleted, c.inserted, c.kind) for c in changes] == [("分", "わ", "spelling")]
    c = "自民党が変わることを示す最も簡単な方法だ"
    assert {ch.kind for ch in classify_changes(word_diff(a, c))} == {"substitution"}


def test_words_of_a_japanese_article_are_counted_by_character() -> None:
    assert _source("岸田首相は会見した。").word_count == 9


def test_a_text_cut_off_inside_a_quote_keeps_the_quote() -> None:
    text = "Berg said: “The wall is overdue.\n\n“It will protect the quay and every house behind it"
    assert _quotes(text) == ["The wall is overdue.\n\n“It will protect the quay and every house behind it"]


def test_more_page_clutter() -> None:
    text = (
        "The harbour wall was approved on Tuesday after years of…\n"
        "The harbour wall was approved on Tuesday after years of debate about the floods.\n"
        "Mayor Anna Berg at the quay in March. File photo\n"
        "(Don't Miss: Ferry fares to rise in autumn)\n"
        "/html/head/meta[@name='og:title']/@content\n"
        "Meet the Author\n"
        "Read Also: I sold my boat to my neighbour.\n"
        "HARBOUR PRESSThe council will meet again in June to set the budget.\n"
    )
    marked = _boilerplate_marker(text)

    for clutter in ("after years of…", "File photo", "Don't Miss", "/html/head", "Meet the Author", "HARBOUR PRESS",
                    "Read Also: I sold"):
        assert marked(clutter), clutter
    assert not marked("debate about the floods")
    assert not marked("will meet again in June")


def test_captions_without_credit_and_the_writer_s_note_are_boilerplate() -> None:
    text = (
        "The harbour wall was approved on Tuesday after years of debate about the floods.\n\n"
        "Mayor Anna Berg and her deputy Tom Lyle leave the council chamber together on Tuesday.\n\n"
        "Divers inspect the old wall at the quay in Dover in 2019.\n\n"
        "The mayor leaves office in June, when the works begin.\n\n"
        "Berg sits on the harbour board, which meets on Friday.\n\n"
        "The council will meet again in June to set the budget.\n\n"
        "Jane Doe is a Dover native who has covered the harbour since 2017.\n"
    )
    marked = _boilerplate_marker(text)

    assert marked("leave the council chamber together")
    assert marked("Divers inspect the old wall")
    assert marked("who has covered the harbour")
    # Narrative in the present tense is not a caption: no picture's verb, or no caption's date.
    assert not marked("The mayor leaves office in June")
    assert not marked("Berg sits on the harbour board")
    assert not marked("debate about the floods")


def test_a_reported_sentence_with_a_credit_run_on_keeps_its_words() -> None:
    text = (
        "Harbour wall approved\n\n"
        "Police said there were a \"number of arrests\", but gave no details. PA Archive/PA Images\n\n"
        "Divers at the quay in Dover. PA Archive/PA Images\n\n"
        "The council will meet again in June to set the budget.\n"
    )
    source = _source(text)
    marked = _boilerplate_marker(text, [source])

    assert not marked("Police said there were")
    assert marked("PA Archive/PA Images")
    assert marked("Divers at the quay")  # a caption: it shows, it does not report
    (quote,) = [u for u in analyze([source]).unique if u.kind == "quote"]
    assert quote.text == "number of arrests" and quote.speaker == "Police"


def test_an_embedded_post_is_boilerplate_as_a_whole() -> None:
    text = (
        "The harbour wall was approved on Tuesday after years of debate about the floods.\n\n"
        "BIG NEWS: The wall is coming. Work starts in June! pic.twitter.com/AbC123 — Harbour Herald "
        "(@HarbourHerald) May 2, 2024\n\n"
        "The council will meet again in June to set the budget.\n"
    )
    marked = _boilerplate_marker(text)
    assert marked("BIG NEWS: The wall is coming.") and marked("Work starts in June!")
    assert not marked("The council will meet again")


def test_captions_printed_twice_or_with_a_photographer_and_a_date_glued_to_the_lead() -> None:
    text = (
        "Harbour wall approved\n\n"
        "Saturday, July 06, 2024 - The harbour wall was approved on Tuesday after years of debate.\n\n"
        "Anna Berg opens the harbour wall\n\n"
        "Anna Berg opens the harbour wall - Tom J Lyle\n\n"
        "The mayor cuts the ribbon at the quay\nThe mayor cuts the ribbon at the quay\n\n"
        "The council will meet again in June to set the budget.\n"
    )
    marked = _boilerplate_marker(text)
    assert marked("Saturday, July 06, 2024 - ")
    assert not marked("The harbour wall was approved on Tuesday")
    assert marked("Anna Berg opens the harbour wall - Tom J Lyle")
    assert marked("The mayor cuts the ribbon at the quay\nThe mayor")
    assert not marked("The council will meet again")


def test_a_title_case_headline_quoting_someone_is_not_a_menu() -> None:
    text = (
        "Harbour Master 'Built the New Wall When Few Others Believed,' Says Longtime Deputy\n\n"
        "Ferry Fares Under $30 Ferry Fares Under $50 'Quay Days' Festival Opens Harbour Wall Trailer\n\n"
        "The harbour wall was approved on Tuesday after years of debate about the floods.\n"
    )
    marked = _boilerplate_marker(text)

    assert not marked("Built the New Wall When Few Others Believed")
    assert marked("Ferry Fares Under $30")  # a menu, though it quotes a festival's name


def test_a_short_quote_with_one_word_left_out_joins_its_statement() -> None:
    a = "“I know when I have enough left in the tank to do this job justice,” Anna Berg said."
    b = "An emotional Anna Berg said she did not have “enough in the tank” for another term."
    (group,) = [g for g in analyze([_source(a), _source(b, "s2")]).groups if g.kind == "quote"]
    assert {m.source for m in group.members} == {"s1", "s2"}


def test_reports_say_when_a_source_gives_quoted_words_without_marks() -> None:
    from crosscheck.io.export import render, to_dict

    a = "“The new wall will protect every house on the quay from winter storms,” Anna Berg said."
    b = "The council said the new wall will protect every house on the quay from winter storms."
    comparison = analyze([_source(a), _source(b, "s2")])
    assert any(m["quoted"] is False for g in to_dict(comparison)["groups"] for m in g["members"])
    assert "(no quotation marks)" in render(comparison, "md")
    assert "(no quotation marks)" in render(comparison, "html")


def test_a_straight_quote_inside_a_straight_quote() -> None:
    text = '"Anna Berg, the "Queen of the Quay" has retired after forty years," the council said.'
    assert _quotes(text) == ['Anna Berg, the "Queen of the Quay" has retired after forty years']
    assert _quotes('She said "yes" and "no" to the plan.') == ["yes", "no"]


def test_outlets_quoting_only_the_later_statement_join_the_whole_quote() -> None:
    one = "The wall is overdue and the quay floods every winter"
    two = "We expect the first ships to return in the autumn"
    a = f"“{one}. {two},” Anna Berg said."
    b = f"Anna Berg said: “{one}. {two}.”"
    c = f"Berg added: “{two}.”"
    (group,) = [g for g in analyze([_source(a), _source(b, "s2"), _source(c, "s3")]).groups if g.kind == "quote"]
    texts = {m.source: m.text.rstrip(".") for m in group.members}
    assert texts == {"s1": f"{one}. {two}", "s2": f"{one}. {two}", "s3": two}


def test_no_quoted_words_are_lost_when_statements_are_joined_again() -> None:
    from crosscheck.core.boilerplate import find_boilerplate
    from crosscheck.core.units import extract_units
    from crosscheck.io.load import load
    from crosscheck.resources import demo_articles

    sources = [load(str(p), f"s{i}") for i, p in enumerate(demo_articles(), 1)]
    units, _ = extract_units(sources, find_boilerplate(sources))
    result = analyze(sources)
    shown = [(m.source, m.span) for g in result.groups if g.kind == "quote" for m in g.members]
    shown += [(u.source, u.span) for u in result.unique if u.kind == "quote"]
    for u in units:
        if u.kind == "quote":
            assert any(sid == u.source and span.contains(u.span) for sid, span in shown), u.text


def test_an_unquoted_copy_never_runs_through_a_quote() -> None:
    a = "“Punishment for pro-terrorist conduct at the university,” the secretary said on Thursday."
    b = "Noem said the decision was punishment for Harvard’s “pro-terrorist conduct” at the university."
    result = analyze([_source(a), _source(b, "s2")])
    for g in result.groups:
        for m in g.members:
            if not m.quoted:
                assert "“" not in m.text and "”" not in m.text, m.text


def test_section_headings_between_paragraphs_are_furniture() -> None:
    text = (
        "Harbour wall approved\n\n"
        "The council voted on Tuesday to build a new harbour wall after years of debate.\n\n"
        "Work will start in June and take about two years, the harbour master said.\n\n"
        "Reactions\n\n"
        "Fishermen welcome the wall\n\n"
        "Fishermen said the wall came too late for the winter storms that had already wrecked three boats.\n"
    )
    source = _source(text)
    marks = find_boilerplate([source])[source.id]
    for heading in ("Reactions", "Fishermen welcome the wall"):
        at = text.index(heading)
        assert is_boilerplate(Span(at, at + len(heading)), marks), heading
    at = text.index("Harbour wall approved")
    assert not is_boilerplate(Span(at, at + 21), marks)  # the headline is the article's own


def test_a_curly_quote_inside_a_curly_quote() -> None:
    text = "“Harvard employs racist “diversity, equity, and inclusion” policies on its campus,” Noem wrote."
    assert _quotes(text) == ["Harvard employs racist “diversity, equity, and inclusion” policies on its campus"]


def test_said_later_in_the_sentence_attributes_its_quotes() -> None:
    from tests.test_attribution import speaker_of

    text = "The outbreak is over, but “more flare-ups” are expected, the World Health Organization said on Thursday."
    assert speaker_of(text, "more flare-ups") == "World Health Organization"


def test_a_quote_cut_off_in_mid_word_at_the_end_of_a_saved_page_still_links() -> None:
    whole = "“The new wall will protect every house on the quay,” Anna Berg said."
    cut = "The council met on Tuesday.\n\nAnna Berg said: “The new wall wi"
    groups = [g for g in analyze([_source(whole), _source(cut, "s2")]).groups if g.kind == "quote"]
    assert [sorted(m.source for m in g.members) for g in groups] == [["s1", "s2"]]
    # Offsets stay on the text as shown: the member is the cut-off words, last letters included.
    (member,) = [m for m in groups[0].members if m.source == "s2"]
    assert member.text == "The new wall wi"



def test_reported_speech_of_a_quote_is_not_a_misquote() -> None:
    a = "“We routinely review our harbour budget to decide where we need to invest,” Anna Berg said."
    b = "Anna Berg said the council routinely reviews its harbour budget to decide where they need to invest."
    (group,) = [g for g in analyze([_source(a), _source(b, "s2")]).groups if g.kind == "quote"]
    assert {m.quoted for m in group.members} == {True, False}
    kinds = {f.kind for f in group.findings}
    assert "unquoted" in kinds and "misquote" not in kinds


def test_every_credit_line_pattern_has_a_word_in_the_cheap_prefilter() -> None:
    # The prefilter may let too much through, never too little: an example of each credit-line
    # alternative passes it, and every alternative has its example here.
    import re as stdre

    from crosscheck.core import clutter

    examples = [
        "Reporting by Ana Ruiz; Editing by Tom Hale", "Additional reporting by Jo Li", "Writing by X",
        "Compiled by Y", "Written by Z", "Edited by Q", "Produced by R", "Research by S", "Translated by T",
        "Translation by U", "Graphics by V", "Video and photos by W", "A reporter contributed to this report.",
        "contributed reporting", "This story has not been edited by our staff", "auto-generated from a syndicated feed",
        "syndicated content", "It originally appeared on Example.com", "Authored by Kim Lee", "Read the full story",
        "with wire services",
        "may not be reproduced", "republished with permission", "UEFA.com works better on other browsers",
        "For the best possible experience", "update your browser", "enable JavaScript", "Register for free",
        "full access to our journalism", "Already a subscriber?", "Log in here", "Listen to this article",
        "4 min read", "Newspapers in English", "Meet the author", "does not yet have a bio", "About the author",
        "readers like you", "keep the news free", "the price of a cup of coffee", "no paywalls",
        "have already pitched in", "support independent journalism", "If you or someone you know",
        "call the helpline", "call the national suicide hotline", "Enjoy the convenience", "read the e-paper",
        "delivered to your inbox", "Similar news", "You can also read", "Latest news, sport headlines",
        "In this photo taken on Monday", "pic.twitter.com/abc", "— Harbour Post (@harbour) June 4, 2024",
        "著作権", "無断転載", "権利侵害", "関連記事", "【詳報】", "動画", "記者解説", "映像センター",
    ]
    for text in examples:
        assert clutter._CREDIT_LINE.search(text), text
        assert clutter._may_credit(text), text
    flags = clutter._CREDIT_LINE.flags
    depth, start, alternatives = 0, 0, []
    pattern = clutter._CREDIT_LINE.pattern
    for k, ch in enumerate(pattern):  # the top-level alternatives of the pattern
        if ch == "(" and pattern[k - 1 : k] != "\\":
            depth += 1
        elif ch == ")" and pattern[k - 1 : k] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(pattern[start:k])
            start = k + 1
    alternatives.append(pattern[start:])
    assert len(alternatives) > 40, len(alternatives)
    for alternative in alternatives:
        assert any(stdre.search(alternative, text, flags) for text in examples), alternative
