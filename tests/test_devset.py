"""The development set of real stories (tests/gold/devset): bars that engine changes must keep.

The articles are third-party text kept outside the repository (see tests/gold/devset/README.md);
without them these tests skip. The bars are the pooled figures at the time of writing, a little
below, so a change that makes the engine worse on real text fails here; the hard rules (no
different statements linked as one quote, no finding built on a wrong speaker) hold exactly.
"""

from __future__ import annotations

import json

import pytest

from crosscheck.core.pipeline import analyze
from crosscheck.devset import GOLD_DIR, stories
from crosscheck.evaluate import Report, score
from crosscheck.io.export import to_dict
from crosscheck.io.load import load


@pytest.fixture(scope="module")
def analysed() -> dict[str, tuple[dict, Report]]:
    """Each story's comparison (as the JSON says it) and its score against the gold."""
    found, _skipped = stories()
    if not found:
        pytest.skip("the development set's texts are not here (tests/gold/devset/README.md)")
    out = {}
    for story in found:
        sources = [load(str(p), f"s{i}") for i, p in enumerate(story.paths, 1)]
        file_of = {key: s.id for key, s in zip(story.keys, sources, strict=True)}
        data = to_dict(analyze(sources))
        out[story.name] = (data, score(data, story.gold, file_of))
    return out


@pytest.fixture(scope="module")
def reports(analysed) -> dict[str, Report]:
    return {name: report for name, (_, report) in analysed.items()}


def test_every_group_joins_two_sources_at_least(analysed) -> None:
    # (a sentence that states a second group's fact used to leave a "group" of one sentence behind)
    lonely = {name: [g["id"] for g in data["groups"] if len({m["source"] for m in g["members"]}) < 2]
              for name, (data, _) in analysed.items()}
    assert not any(lonely.values()), lonely


def test_every_story_has_gold_and_provenance() -> None:
    files = sorted(GOLD_DIR.glob("*.json"))
    assert len(files) >= 20
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert 3 <= len(gold["articles"]) <= 6, path.name
        for art in gold["articles"]:
            assert art["url"].startswith("http") and len(art["sha256"]) == 64, (path.name, art["key"])
        assert "first_run" in gold, path.name


def test_no_different_statements_are_linked_as_one_quote(reports) -> None:
    wrong = {name: [w for w in r.wrong_links if not w.startswith("claim:")] for name, r in reports.items()}
    assert not any(wrong.values()), wrong


def test_no_finding_rests_on_a_wrong_speaker(reports) -> None:
    bad = {name: r.wrong_speaker_findings for name, r in reports.items() if r.wrong_speaker_findings}
    assert not bad


def test_pooled_quality_holds(reports) -> None:
    total = Report.sum(list(reports.values()))
    assert total.quote_links.rate >= 0.95, total.quote_links
    assert total.speakers.rate >= 0.96, total.speakers
    assert total.speakers.wrong == 0, total.speakers.misses  # be right, or say unknown
    assert total.boilerplate_recognised.rate >= 0.97, total.boilerplate_recognised
    assert total.claim_links.rate >= 0.44, total.claim_links  # claims are issue 9's work; 20 stories pool lower
    assert total.claim_precision.rate >= 0.95, total.claim_precision  # a wrong link is worse than a missed one
    assert total.unquoted_links.rate >= 0.45, total.unquoted_links
