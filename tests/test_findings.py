"""Findings are typed values, told in the reader's words with the outlets named."""

from __future__ import annotations

import re

from crosscheck.core.diff import Change, ChangeKind
from crosscheck.core.findings import Confidence, Finding, FindingKind
from crosscheck.core.pipeline import analyze
from crosscheck.core.view import outlet_names
from crosscheck.io.export import to_dict
from crosscheck.io.load import load
from crosscheck.resources import demo_articles


def _demo():
    return analyze([load(str(p), f"s{i}") for i, p in enumerate(demo_articles(), 1)])


def test_every_finding_is_typed_and_names_outlets_never_ids() -> None:
    c = _demo()
    found = [f for g in c.groups for f in g.findings]
    assert {f.kind for f in found} >= {FindingKind.ATTRIBUTION_CONFLICT, FindingKind.FACTUAL_CONFLICT}
    assert all(isinstance(f, Finding) and isinstance(f.confidence, Confidence) for f in found)
    names = outlet_names(c)
    for f in found:
        told = f.describe(names)
        assert not re.search(r"\bs\d+\b", told), told
        assert any(name in told for name in names.values()), told
    out = to_dict(c)
    for g in out["groups"]:
        for f in g["findings"]:
            assert not re.search(r"\bs\d+\b", f["message"]) and set(f["sources"]) <= set(names)


def test_a_misquote_says_what_changed_as_a_reader_would() -> None:
    changes = (Change(0, 0, 0, 5, "", "ever ", ChangeKind.INSERTION),
               Change(4, 9, 9, 14, "4,200", "2,400", ChangeKind.NUMBER),
               Change(9, 13, 14, 14, "not ", "", ChangeKind.OMISSION))
    f = Finding(FindingKind.MISQUOTE, 3, Confidence.HIGH, ("s1", "s2"), changes=changes)
    told = f.describe({"s1": "A · The Herald", "s2": "B · Coastal Times"})
    assert told == ("B · Coastal Times differs from A · The Herald: adds “ever”; another figure: “4,200” → "
                    "“2,400”; leaves out “not”")
    assert f.title == "Possible misquote"
    assert f.as_dict()["changes"][1]["kind"] == "number"


def test_an_editors_bracket_cut_by_the_diff_is_not_shown_as_a_changed_word() -> None:
    from crosscheck.core.model import Source

    head, tail = "Harbour news\n\n“We have not yet ", ", but safety is our only priority,” Voss said."
    a = head + "finalized a timetable for the repairs" + tail
    b = head + "finalised a timetable [for the] repair work" + tail
    c = analyze([Source(id="s1", path="a.txt", text=a), Source(id="s2", path="b.txt", text=b)])
    said = [f.describe(outlet_names(c)) for g in c.groups for f in g.findings]
    assert any("“repairs” → “repair work”" in text for text in said), said
    assert not any("]" in text or "“[" in text for text in said), said
