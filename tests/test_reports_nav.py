"""Reports a reader can navigate (issue 13): contents, anchors from group ids, links from coverage
and findings to their groups and back, the letters beside the outlets everywhere, a sources table
with where each source was read, pages cited, a print style; Markdown with a legend whose marks
render and whose escapes never show. Inputs: the demo articles and articles written here."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from crosscheck.core.model import Evidence, Source
from crosscheck.core.pipeline import analyze
from crosscheck.io.export import to_dict
from crosscheck.io.load import load_sources
from crosscheck.io.report import group_anchor, squash
from crosscheck.io.report_html import render_html
from crosscheck.io.report_md import md_text, render_markdown
from crosscheck.io.report_style import CSS
from crosscheck.resources import demo_articles
from tests.cli_run import run_cli

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    return to_dict(analyze(load_sources(str(p) for p in demo_articles())))


@pytest.fixture(scope="module")
def page(demo: dict[str, Any]) -> _Page:
    return _Page.of(render_html(demo))


class _Page(HTMLParser):
    """Every element's attributes, and for each link its href and the element it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, list[str]]] = []  # (href, classes/ids of the enclosing elements)
        self.stack: list[str] = []
        self.text: list[str] = []

    @classmethod
    def of(cls, text: str) -> _Page:
        page = cls()
        page.feed(text)
        page.close()
        page.source = text
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a":
            self.links.append((a.get("href") or "", list(self.stack)))
        if tag not in {"meta", "br"}:
            self.stack.append(f"{tag}.{a.get('class') or ''}#{a.get('id') or ''}")

    def handle_endtag(self, tag: str) -> None:
        while self.stack and not self.stack.pop().startswith(f"{tag}."):
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_every_link_points_to_an_element_of_the_report(page: _Page) -> None:
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    assert page.links
    for href, _ in page.links:
        assert href.startswith("#") and href[1:] in page.ids, href


def test_coverage_cells_row_labels_and_findings_lead_to_their_groups(demo: dict[str, Any], page: _Page) -> None:
    groups = {g["id"] for g in demo["groups"]}
    assert {group_anchor(g) for g in groups} <= set(page.ids)
    for row in demo["coverage"]["rows"]:
        inside = [href for href, where in page.links if any(w.endswith(f"#coverage-{row['group']}") for w in where)]
        # the row's label and one link per source's cell, all to the row's group
        assert inside == [f"#{group_anchor(row['group'])}"] * (1 + len(demo["sources"]))
    found = [(href, where) for href, where in page.links if any(w.startswith("div.finding#") for w in where)]
    expected = sorted((f"#{group_anchor(g['id'])}", f["severity"]) for g in demo["groups"] for f in g["findings"])
    assert len(found) == len(expected) == 4
    assert sorted(h for h, _ in found) == sorted(h for h, _ in expected)


def test_each_group_links_back_to_its_coverage_row_and_the_contents(demo: dict[str, Any], page: _Page) -> None:
    for g in demo["groups"]:
        inside = {href for href, where in page.links if any(w.endswith(f"#{group_anchor(g['id'])}") for w in where)}
        assert inside == {f"#coverage-{g['id']}", "#top"}


def test_contents_list_every_part_and_every_group(demo: dict[str, Any], page: _Page) -> None:
    toc = [href for href, where in page.links if any(w.startswith("nav.toc") for w in where)]
    assert toc[:4] == ["#findings", "#sources", "#coverage", "#quotes"]
    assert "#claims" in toc and "#unique" in toc
    assert [h for h in toc if h.startswith("#group-")] == [f"#{group_anchor(g['id'])}" for g in demo["groups"]]


def test_letters_stand_beside_the_outlets_everywhere_never_ids(demo: dict[str, Any], page: _Page) -> None:
    shown = "".join(page.text)
    src = page.source
    sources_part = src[src.index('id="sources"') : src.index('id="coverage"')]
    coverage_part = src[src.index('id="coverage"') : src.index('id="quotes"')]
    findings_part = src[src.index('id="findings"') : src.index('id="sources"')]
    for s in demo["sources"]:
        named = html.escape(f"{s['letter']} · {s['label']}")
        assert f"<td>{s['letter']}</td><td>{html.escape(s['label'])}</td>" in sources_part
        assert named in coverage_part
    assert "A · The Averly Courier" in findings_part and "B · Bayside Bulletin" in findings_part
    assert not re.search(r"\bs[0-9]+\b", shown), "source ids are for machines"
    md = render_markdown(demo)
    assert not re.search(r"\bs[0-9]+\b", md)
    assert "| A | The Averly Courier |" in md and "A · The Averly Courier" in md


def test_anchors_are_the_same_when_the_report_is_made_again(tmp_path: Path) -> None:
    a, b = _articles(tmp_path)
    first = run_cli("compare", str(a), str(b), "--format", "html", "-q")
    again = run_cli("compare", str(a), str(b), "--format", "html", "-q")
    assert first.returncode == 0, first.stderr
    ids = _Page.of(first.stdout).ids
    assert any(i.startswith("group-") for i in ids)
    assert ids == _Page.of(again.stdout).ids


def test_a_header_less_file_is_titled_by_its_name_never_its_folder(tmp_path: Path) -> None:
    a, b = _articles(tmp_path)
    for fmt in ("html", "md"):
        out = run_cli("compare", str(a), str(b), "--format", fmt, "-q")
        assert out.returncode == 0, out.stderr
        assert str(tmp_path) not in out.stdout and tmp_path.name not in out.stdout
        assert "harbour-notes.txt" in out.stdout
    md = run_cli("compare", str(a), str(b), "--format", "md", "-q").stdout
    assert "| A | harbour-notes.txt | harbour-notes.txt |" in md
    assert "\n**harbour-notes.txt**\n" in md  # the report's own title, from the reference's file name


def test_markdown_legend_and_marks_render_without_escapes_or_html(demo: dict[str, Any]) -> None:
    md = render_markdown(demo)
    assert "~~struck~~" in md and "**bold**" in md and "_italic_" in md  # the legend, in the marks themselves
    rendered = MD.render(md)
    text = re.sub(r"<[^>]+>", "", rendered)
    assert "\\" not in text
    for raw in ("~~", "**", "_\\", "\\_"):
        assert raw not in text, raw
    assert "<s>struck</s>" in rendered and "<strong>bold</strong>" in rendered and "<em>italic</em>" in rendered
    assert "<s>finalized</s> <em>finalised</em>" in rendered  # spelling only: italic, not a struck-through mess
    assert "<em>[for the]</em>" in rendered  # an editor's brackets, marked whole (was: _\[_ printed as is)


HOSTILE = ("<b>bold</b> [click](http://evil.example) *star* _under_ `code` ~~gone~~ &copy; a\\b "
           "<http://evil.example> | pipe # hash snake_case")


def test_hostile_article_text_stays_text_in_rendered_markdown(tmp_path: Path) -> None:
    a, b = _articles(tmp_path, extra=HOSTILE)
    md = run_cli("compare", str(a), str(b), "--format", "md", "-q").stdout
    rendered = MD.render(md)
    assert "<a " not in rendered and "<b>" not in rendered and "<code>" not in rendered.split("Where each")[0]
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    for word in HOSTILE.split():  # shown as written, as text (the engine may cut it into two passages)
        assert word in shown, word
    assert "snake_case" in md  # an underscore inside a word is left alone


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"\\`*_~<>[]()!&#;:|-+=./ aZ09é\n\t", "&amp;", "http://"]), max_size=30).map("".join))
def test_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    rendered = MD.render(f"Z {md_text(text)}")
    assert html.unescape(re.sub(r"</?p>", "", rendered)).strip() == f"Z {squash(text)}".strip()


def test_print_style_keeps_groups_whole_and_drops_navigation() -> None:
    printed = CSS[CSS.index("@media print") :]
    assert re.search(r"section\.group[^{]*\{[^}]*break-inside:avoid", printed)
    assert re.search(r"nav\.toc[^{]*\{[^}]*display:none", printed)
    assert re.search(r"code\.sha \.full\{display:inline", printed)  # no tooltip on paper


def test_sources_table_shows_evidence_or_says_it_is_not_recorded() -> None:
    sha = "ab" * 32
    text_a, text_b = _text(), _text().replace("Tuesday", "Wednesday")
    ev = Evidence("https://news.example/a", "2026-05-01T10:00:00Z", sha, 2048, final_url="https://news.example/a2",
                  http_status=200, content_type="text/html; charset=utf-8")
    srcs = [Source("s1", "https://news.example/a", text_a, outlet="Harbour Post", evidence=ev,
                   warnings=("decoded as cp1252 (a guess)",)),
            Source("s2", "notes.txt", text_b)]
    data = to_dict(analyze(srcs))
    page = render_html(data)
    assert f'title="{sha}"' in page and f'<span class="short">{sha[:12]}…</span>' in page
    for words in ("https://news.example/a2", "2026-05-01T10:00:00Z", "200", "text/html; charset=utf-8",
                  "2,048 bytes", "⚠ decoded as cp1252 (a guess)", "not recorded"):
        assert words in page, words
    md = render_markdown(data)
    assert f"SHA-256 `{sha}`" in md and "HTTP 200" in md and "no record of where or when it was read" in md


def test_passages_of_a_document_with_pages_are_cited_by_page() -> None:
    text = _text()
    second = text.index("\u201cWe will")
    srcs = [Source("s1", "ruling.pdf", text, title="Ruling", pages=(0, second)),
            Source("s2", "b.txt", text.replace("Tuesday", "Wednesday"), outlet="Harbour Post")]
    data = to_dict(analyze(srcs))
    page, md = render_html(data), render_markdown(data)
    cited = {m["start"] >= second for g in data["groups"] for m in g["members"] if m["source"] == "s1"}
    assert cited == {False, True}
    assert "A · Ruling, p. 1" in page and "A · Ruling, p. 2" in page
    assert "A · Ruling, p. 2" in md
    assert "B · Harbour Post, p." not in page  # an article has no pages


def _text() -> str:
    return ("The council approved a new ferry timetable on Tuesday after a long debate about the northern route.\n\n"
            "\u201cWe will run four extra crossings every weekend from June,\u201d Mayor Ines Calder said.\n\n"
            "The harbour master said the old pier would close for repairs until the end of the summer season.\n")


def _articles(folder: Path, extra: str = "") -> tuple[Path, Path]:
    """Two header-less articles in a folder of their own (written here, nobody's reporting)."""
    where = folder / "inbox" / "drafts"
    where.mkdir(parents=True, exist_ok=True)
    a, b = where / "harbour-notes.txt", where / "ferry-update.txt"
    a.write_text(_text().lower().replace("mayor", "the mayor") + (f"\n{extra} was written on the wall.\n" if extra
                                                                  else ""), encoding="utf-8")
    b.write_text(_text().lower().replace("four", "five"), encoding="utf-8")
    return a, b
