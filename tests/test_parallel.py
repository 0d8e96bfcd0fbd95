"""Per-article work on every core gives exactly what one core gives."""

from __future__ import annotations

import os

import pytest

from crosscheck.core import parallel
from crosscheck.core.parallel import map_shares, shares
from crosscheck.io import evidence
from crosscheck.io.export import to_dict


@pytest.fixture
def forking() -> None:
    """Skip where a child cannot be forked (no ``fork``, or threads running in this process)."""
    if not parallel.can_fork():
        pytest.skip("this process cannot fork now")


needs_fork = pytest.mark.usefixtures("forking")


def test_shares_are_balanced_and_cover_every_item_once() -> None:
    weights = [50, 10, 10, 10, 10, 10, 5]
    parts = shares(weights, 2)
    assert sorted(i for p in parts for i in p) == list(range(len(weights)))
    loads = [sum(weights[i] for i in p) for p in parts]
    assert max(loads) - min(loads) <= 5
    assert all(p == sorted(p) for p in parts)


def test_small_work_stays_in_this_process() -> None:
    assert map_shares(lambda i: os.getpid(), [10] * 4) == [os.getpid()] * 4


@needs_fork
def test_large_work_is_shared_with_a_child_and_comes_back_in_order() -> None:
    got = map_shares(lambda i: (i * i, os.getpid()), [10**6] * 6, workers=2)
    assert [v for v, _ in got] == [i * i for i in range(6)]
    assert len({pid for _, pid in got}) == 2  # this process and one child


@needs_fork
def test_a_child_that_dies_costs_time_not_the_answer() -> None:
    me = os.getpid()

    def fragile(i: int) -> int:
        if os.getpid() != me:
            os._exit(9)  # killed mid-way (out of memory, say)
        return i + 1

    assert map_shares(fragile, [10**6] * 4, workers=2) == [1, 2, 3, 4]


@needs_fork
def test_stopping_midway_raises_here_and_leaves_no_child_behind() -> None:
    class Stop(Exception):
        pass

    def before(i: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        map_shares(lambda i: i, [10**6] * 4, before, workers=2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left, not even a zombie


@needs_fork
def test_the_analysis_is_the_same_on_every_core(monkeypatch) -> None:
    from crosscheck.core.pipeline import analyze
    from crosscheck.io.load import load_sources
    from crosscheck.resources import demo_articles

    def sources():
        return load_sources(map(str, demo_articles()))

    monkeypatch.setattr(evidence, "utc_now", lambda: "2026-01-01T00:00:00Z")  # two readings, one instant
    one = to_dict(analyze(sources()))
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    calls = []
    real_fork = parallel._fork
    monkeypatch.setattr(parallel, "_fork", lambda *a: calls.append(1) or real_fork(*a))
    every = to_dict(analyze(sources()))
    assert calls, "the analysis did not use a second core"
    assert every == one


def test_adding_an_article_reads_only_the_new_one(monkeypatch) -> None:
    from crosscheck.core import pipeline
    from crosscheck.io.load import from_text, load_sources
    from crosscheck.resources import demo_articles

    monkeypatch.setattr(evidence, "utc_now", lambda: "2026-01-01T00:00:00Z")  # two readings, one instant
    sources = load_sources(map(str, demo_articles()))
    first = to_dict(pipeline.analyze(sources))
    read: list[str] = []
    real = pipeline.source_boilerplate
    monkeypatch.setattr(pipeline, "source_boilerplate", lambda s: read.append(s.id) or real(s))
    extra = from_text(sources[0].text.replace("ferry", "boat"), "copy.txt", "s9", kind="text")
    again = to_dict(pipeline.analyze([*sources, extra]))
    assert read == ["s9"]
    assert len(again["sources"]) == len(first["sources"]) + 1 and again["groups"]
    # and what is kept is what a fresh reading gives
    pipeline._READ.clear()
    fresh = load_sources(map(str, demo_articles()))
    assert to_dict(pipeline.analyze(fresh)) == first
