"""The five real-world seed articles in ../shared/seeds load as a reader would expect.

The seeds are not ours to copy, so expectations are computed from the files themselves, with
only a few short names as literals.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.core.model import Source
from crosscheck.io.load import load_path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []

pytestmark = pytest.mark.skipif(len(FILES) != 5, reason="the five seed articles in ../shared/seeds are not here")


def first_lines(path: Path, n: int) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:n]


@pytest.fixture(scope="module")
def loaded() -> dict[str, tuple[Path, Source]]:
    return {p.name: (p, load_path(p, f"s{i}")) for i, p in enumerate(FILES, 1)}


def test_every_seed_loads_with_text_and_sentences(loaded: dict[str, tuple[Path, Source]]) -> None:
    assert len(loaded) == 5
    for name, (path, source) in loaded.items():
        assert source.path == str(path)
        assert source.text.strip(), name
        assert "\r" not in source.text
        assert source.word_count > 200, name
        assert len(source.sentences) > 10, name


def test_titles(loaded: dict[str, tuple[Path, Source]]) -> None:
    with_title = []
    for name, (path, source) in loaded.items():
        first = first_lines(path, 1)[0]
        if len(first.split()) > 20 and first.endswith("."):
            # The article opens with its first sentence: there is no headline to take.
            assert source.title is None, name
            assert source.label == name
            continue
        with_title.append(name)
        assert source.title == first, name
        assert source.text.startswith(first), name
        assert 3 <= len(source.title.split()) <= 20
        assert not source.title.startswith(("#", "*", "["))
    assert len(with_title) == 4


def test_no_markdown_syntax_in_shown_text(loaded: dict[str, tuple[Path, Source]]) -> None:
    for name, (_, source) in loaded.items():
        assert "](" not in source.text, name
        assert "**" not in source.text, name
        assert "(#)" not in source.text, name


def test_markdown_seed_is_rendered(loaded: dict[str, tuple[Path, Source]]) -> None:
    markdown = [(p, s) for p, s in loaded.values() if "](" in p.read_text(encoding="utf-8")]
    assert len(markdown) == 1
    _, source = markdown[0]
    assert source.kind == "markdown"
    # Link text stays readable where the link syntax was.
    assert "Region: Asia" in source.text
    assert "Follow us on Instagram and Twitter" in source.text
    assert not any(line.startswith(("*", "#", "[")) for line in source.text.splitlines())


def test_byline_and_dateline_are_read(loaded: dict[str, tuple[Path, Source]]) -> None:
    bylined = [(p, s) for p, s in loaded.values() if any(line.startswith("By ") for line in first_lines(p, 3))]
    assert len(bylined) == 1
    _, source = bylined[0]
    assert source.author == "Ahmed Adel"
    assert source.outlet == "Global Research"
    assert source.published == "2023-05-16"
    kinds = [f.kind for f in source.furniture]
    assert kinds[:2] == ["byline", "dateline"]
    for f in source.furniture:
        assert source.text[f.span.start : f.span.end] == source.text[f.span.start : f.span.end].strip()


def test_author_list_and_outlet_lines(loaded: dict[str, tuple[Path, Source]]) -> None:
    listed = [s for _, s in loaded.values() if s.outlet == "Modern Tokyo Times"]
    assert len(listed) == 2
    for source in listed:
        assert source.author is not None
        assert "Lee Jay Walker" in source.author
        assert source.published is None  # the files state no date; none is invented


def test_repeated_title_appears_once(loaded: dict[str, tuple[Path, Source]]) -> None:
    repeated = 0
    for name, (path, source) in loaded.items():
        first, second = first_lines(path, 2)
        if first != second:
            continue
        repeated += 1
        shown_lines = [line.strip() for line in source.text.splitlines()]
        assert shown_lines.count(first) == 1, name
        assert source.title == first
    assert repeated == 2


def test_glued_sentences_in_scraped_seed_are_split(loaded: dict[str, tuple[Path, Source]]) -> None:
    # One seed was scraped with its sentences run together ("Wednesday.Foreign", 'yet.”In').
    glued = [s for _, s in loaded.values() if "Wednesday.Foreign" in s.text]
    assert len(glued) == 1
    source = glued[0]
    pieces = [source.text[sp.start : sp.end] for sp in source.sentences]
    assert any(p.endswith("confirmed Wednesday.") for p in pieces)
    assert any(p.startswith("Foreign Minister Yoshimasa Hayashi") for p in pieces)
    assert any(p.endswith("yet.”") for p in pieces)
    assert any(p.startswith("In his remarks") for p in pieces)


def test_sentence_spans_are_offsets_into_the_shown_text(loaded: dict[str, tuple[Path, Source]]) -> None:
    for name, (_, source) in loaded.items():
        previous = 0
        for span in source.sentences:
            piece = source.text[span.start : span.end]
            assert piece and piece == piece.strip(), name
            assert span.start >= previous, name
            previous = span.end


def test_the_two_columns_of_one_outlet_get_different_names(loaded: dict[str, tuple[Path, Source]]) -> None:
    from crosscheck.core.names import display_names
    from crosscheck.core.pipeline import analyze
    from crosscheck.io.export import render
    from crosscheck.io.report_md import md_text

    sources = [source for _, source in loaded.values()]
    names = display_names(sources)
    twins = [names[s.id] for s in sources if s.outlet == "Modern Tokyo Times"]
    assert len(twins) == 2 and twins[0] != twins[1], twins
    assert all(n.startswith("Modern Tokyo Times (") for n in twins)
    assert len(set(names.values())) == len(sources)
    for name, (path, source) in loaded.items():
        assert str(path.parent) not in names[source.id] and "/" not in names[source.id], name
        if source.title is None and source.outlet is None:
            assert names[source.id] == name  # no header: the file's name, without its folder
    report = render(analyze(sources), "md")
    assert str(SEEDS) not in report
    assert all(f"| {letter} | {md_text(n, table=True)} |" in report  # escaped as the report escapes names
               for letter, n in zip("ABCDE", names.values(), strict=True))
