"""Reports for people and programs (``--format md/html/csv/json``) of a comparison with flags.

Article text and flag notes are hostile data from the web: they must never become markup,
Markdown structure or a spreadsheet formula, and every report must still say everything."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from markdown_it import MarkdownIt

from crosscheck.core.flags import Anchor, anchor_at, new_flag
from crosscheck.core.model import Comparison, Source, Span
from crosscheck.core.pipeline import analyze
from crosscheck.io.export import render, to_dict, with_flags

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'

TEXT_A = (
    "Council approves harbour budget\n\n"
    "The city council approved a harbour budget of 12 million crowns on Tuesday after a long debate "
    "about the old north pier.\n\n"
    f"\u201cWe will rebuild the north pier before winter {SCRIPT}, and nobody will lose a berth,\u201d "
    "Mayor Ines Calder said.\n\n"
    f"Residents asked about {IMG} the cost of dredging the channel | a question "
    "[click](http://evil.example) that went unanswered.\n\n"
    "A harbour pilot said the dredging contract had gone to a firm from Varnholm without any tender at all.\n"
)
TEXT_B = (
    "Harbour budget passes\n\n"
    "Councillors approved a harbour budget of 15 million crowns on Tuesday after a long debate about "
    "the old north pier.\n\n"
    f"Mayor Ines Calder said: \u201cWe will rebuild the north pier before the winter {SCRIPT}, and nobody "
    "will ever lose a berth.\u201d\n\n"
    f"A fisherman said {SVG} the plan was rushed and that the fleet was never consulted by anyone.\n"
)
OUTLET_A = f"{SCRIPT} Gazette"
OUTLET_B = "O'Brien' onmouseover='alert(1) | Post"
QUOTE_A = f"We will rebuild the north pier before winter {SCRIPT}, and nobody will lose a berth"
NOTE_1 = f"Gazette drops \u201cthe\u201d {SCRIPT} \u2014 check the tape"
NOTE_2 = f"{IMG} and {SVG} | [see](http://evil.example)"


def span_of(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(at, at + len(words))


def sources() -> list[Source]:
    return [
        Source("s1", "a.txt", TEXT_A, outlet=OUTLET_A, title="Budget | [x](http://e.example)"),
        Source("s2", "b.txt", TEXT_B, outlet=OUTLET_B, author=SVG, published="2026-04-07"),
    ]


def flags(srcs: list[Source]):
    a, b = srcs
    return [
        new_flag([anchor_at(a, span_of(TEXT_A, QUOTE_A)), anchor_at(b, span_of(TEXT_B, "before the winter"))],
                 category="misquote", severity="high", note=NOTE_1, group_label=f"Calder: {SCRIPT}"),
        new_flag([anchor_at(a, span_of(TEXT_A, "Residents asked about"))], category="other", status="dismissed",
                 note=NOTE_2),
        new_flag([Anchor("s2", 5, 40, "a passage the outlet has since deleted entirely")],
                 category="omission / missing context", note="gone after the update"),
    ]


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    srcs = sources()
    return with_flags(analyze(srcs), flags(srcs))


@pytest.fixture(scope="module")
def data(comparison: Comparison) -> dict[str, Any]:
    return to_dict(comparison)


def test_the_comparison_has_what_the_reports_must_show(data: dict[str, Any]) -> None:
    kinds = {g["kind"] for g in data["groups"]}
    assert kinds == {"quote", "claim"}
    assert any(g["findings"] for g in data["groups"])
    assert {u["source"] for u in data["unique"]} == {"s1", "s2"}
    assert len(data["flags"]) == 3


# ---------------------------------------------------------------- HTML


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.style if self._in_style else self.text).append(data)


@pytest.fixture(scope="module")
def html_report(comparison: Comparison) -> str:
    return render(comparison, "html")


@pytest.fixture(scope="module")
def parsed(html_report: str) -> _Tags:
    parser = _Tags()
    parser.feed(html_report)
    parser.close()
    return parser


def test_html_escapes_hostile_text(html_report: str, parsed: _Tags) -> None:
    lowered = html_report.lower()
    for raw in ("<script", "<img", "<svg"):
        assert raw not in lowered
    names = [t for t, _ in parsed.tags]
    assert names.count("style") == 1 and names.count("html") == 1 and names.count("body") == 1
    assert not {"script", "img", "svg", "iframe", "object", "link", "form", "base"} & set(names)
    ids = {value for _, attrs in parsed.tags for name, value in attrs if name == "id"}
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, attrs)
            assert name in {"lang", "charset", "name", "content", "class", "title", "id", "href"}, (tag, attrs)
            if name == "id":  # made by the report, never from article text
                assert re.fullmatch(r"[a-z][a-z0-9-]*", value or ""), (tag, attrs)
            if name == "href":  # links only within the report: a fragment naming one of its ids
                assert tag == "a" and (value or "").startswith("#") and value[1:] in ids, (tag, attrs)
    shown = "".join(parsed.text)
    # the reader sees the hostile text as text, exactly
    for words in (SCRIPT, IMG, SVG, NOTE_1, NOTE_2, OUTLET_A, OUTLET_B):
        assert words in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_report


def test_html_has_no_external_resources(html_report: str, parsed: _Tags) -> None:
    for _, attrs in parsed.tags:
        for _, value in attrs:
            assert "http:" not in (value or "") and "https:" not in (value or "")
            assert "//" not in (value or "")
    style = "".join(parsed.style)
    assert "@import" not in style and "url(" not in style and "http" not in style
    assert not re.search(r"<link\b", html_report, re.I)
    assert not re.search(r"<[^>]*\b(src|action|poster)\s*=", html_report, re.I)
    assert not re.search(r"<[^>]*\bhref\s*=\s*(?![\"']#[a-z])", html_report, re.I)  # fragments of this page only


def test_html_has_every_section(html_report: str, data: dict[str, Any], parsed: _Tags) -> None:
    shown = "".join(parsed.text)
    # sources table: one row per source, with its outlet and metadata
    assert "<h2>Sources</h2>" in html_report
    for s in data["sources"]:
        assert s["label"] in shown
    assert "2026-04-07" in shown
    # coverage matrix: a row per group, a column per source
    assert "<h2>Coverage</h2>" in html_report
    assert html_report.count("<th class='rowlabel'>") == len(data["groups"])
    assert html_report.count("<td class='cell ") == len(data["groups"]) * len(data["sources"])
    # each linked quote and claim, with its members and word differences
    assert html_report.count('<section class="group') == len(data["groups"])
    quote = next(g for g in data["groups"] if g["kind"] == "quote")
    claim = next(g for g in data["groups"] if g["kind"] == "claim")
    assert "<h2>Linked quotes (1)</h2>" in html_report and "<h2>Linked claims (1)</h2>" in html_report
    for g in data["groups"]:
        for m in g["members"]:
            assert m["text"] in shown
    assert "<ins>the </ins>" in html_report and "<ins>ever </ins>" in html_report
    assert "<del>12</del><ins>15</ins>" in html_report
    assert quote["diffs"] and claim["diffs"]
    # findings, loudest first
    assert "<h2>What to look at</h2>" in html_report
    assert html_report.index("Factual conflict") < html_report.index("Possible misquote")
    # single-source passages, under each outlet
    assert f"<h2>Only in one source ({len(data['unique'])})</h2>" in html_report
    tail = html_report[html_report.index("Only in one source") :]
    for sid, label in ((u["source"], next(f"{s['letter']} · {s['label']}" for s in data["sources"]
                                          if s["id"] == u["source"])) for u in data["unique"]):
        from html import escape

        heading = f"<h3>{escape(label)}</h3>"  # "A · outlet": the letter the columns and coverage use
        assert heading in tail
        text = next(u["text"] for u in data["unique"] if u["source"] == sid)
        assert tail.index(heading) < tail.index(escape(text))
    # flags, with notes and the orphaned passage
    assert "<h2>Flags (3)</h2>" in html_report
    assert "orphaned: its words are no longer in any article" in shown
    assert 'class="flag dismissed"' in html_report
    assert "gone after the update" in shown


# ---------------------------------------------------------------- Markdown


@pytest.fixture(scope="module")
def md_report(comparison: Comparison) -> str:
    return render(comparison, "md")


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_has_every_section(md_report: str, data: dict[str, Any]) -> None:
    for heading in ("## What to look at", "## Sources", "## Coverage", "## Linked quotes (1)",
                    "## Linked claims (1)", f"## Only in one source ({len(data['unique'])})", "## Flags (3)"):
        assert heading in md_report, heading
    assert "~~12~~ **15**" in md_report or "~~12~~**15**" in md_report
    assert "**the**" in md_report and "**ever**" in md_report
    assert "gone after the update" in md_report
    assert "orphaned" in md_report
    assert md_report.count("### ") >= len(data["groups"]) + len({u["source"] for u in data["unique"]})


def test_markdown_tables_keep_their_shape(md_report: str, data: dict[str, Any]) -> None:
    tables = [line for line in md_report.splitlines() if line.startswith("|")]
    letters = tuple(f"| {s['letter']} |" for s in data["sources"])
    sources_rows = [line for line in tables if line.startswith(letters)]  # by letter, as coverage names them
    assert len(sources_rows) == len(data["sources"])
    for row in sources_rows:
        assert len(_cells(row)) == 6, row
    coverage_rows = [line for line in tables if line.count("|") and not line.startswith(("| | source", *letters,
                                                                                           "|---"))]
    assert len(coverage_rows) == 1 + len(data["groups"])  # letters header, then a row per group
    for row in coverage_rows:
        assert len(_cells(row)) == 1 + len(data["sources"]), row


def test_markdown_escapes_article_text(md_report: str) -> None:
    assert not re.search(r"(?<!\\)<(script|img|svg|/script)", md_report)
    assert not re.search(r"(?<!\\)\]\(", md_report)  # no link syntax from the articles
    assert not re.search(r"(?<!\\)\[(click|see|x)", md_report)
    rendered = MarkdownIt("commonmark").enable("table").render(md_report)
    assert "<a " not in rendered and "<script" not in rendered and "<img" not in rendered
    assert "<svg" not in rendered
    assert "alert(1)" in rendered  # still shown, as text
    # the sources table renders as one table row per source, six cells each
    sources_table = rendered[rendered.index("<table>") : rendered.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", sources_table, re.S)
    assert len(rows) == 3
    assert all(len(re.findall(r"<t[hd][ >]", r)) == 6 for r in rows)


# ---------------------------------------------------------------- CSV


def _csv_rows(comparison: Comparison) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(comparison, "csv"))))


def test_csv_has_one_row_per_flag(comparison: Comparison) -> None:
    rows = _csv_rows(comparison)
    assert len(rows) == 3
    assert [r["note"] for r in rows[:1]] == [NOTE_1]
    first = rows[0]
    assert first["category"] == "misquote" and first["severity"] == "high"
    assert f"{OUTLET_A}: {QUOTE_A}" in first["passages"]
    assert f"{OUTLET_B}: before the winter" in first["passages"]
    assert rows[1]["status"] == "dismissed"
    assert rows[1]["note"] == NOTE_2
    assert rows[2]["orphaned"] == "yes" and rows[0]["orphaned"] == ""


def test_csv_neutralises_formulas() -> None:
    text_a = "=SUM(A1:A9) was typed into the budget sheet by the council clerk on Tuesday.\n\n" + TEXT_A
    srcs = [Source("s1", "a.txt", text_a, outlet="=HYPERLINK(\"http://evil.example\",\"x\")"),
            Source("s2", "b.txt", TEXT_B, outlet="@Harbour Post")]
    evil = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)"]
    made = [new_flag([anchor_at(srcs[0], span_of(text_a, "=SUM(A1:A9) was typed"))], note=note,
                     group_label="@group", finding="-finding") for note in evil]
    made.append(new_flag([anchor_at(srcs[1], span_of(TEXT_B, "Councillors approved"))], note="fine"))
    rows = list(csv.reader(io.StringIO(render(with_flags(analyze(srcs), made), "csv"))))
    header, body = rows[0], rows[1:]
    assert len(body) == len(made)
    formulas = []
    for row in body:
        assert len(row) == len(header)
        formulas += [(name, cell) for name, cell in zip(header, row, strict=True) if cell[:1] in ("=", "+", "-", "@")]
    assert formulas == []
    notes = [dict(zip(header, r, strict=True))["note"] for r in body]
    assert [n.lstrip("'") for n in notes] == [*evil, "fine"]


# ---------------------------------------------------------------- JSON


def test_json_flags_carry_spans_of_todays_text(comparison: Comparison) -> None:
    data = json.loads(render(comparison, "json"))
    texts = {s["id"]: s["text"] for s in data["sources"]}
    assert len(data["flags"]) == 3
    f1, f2, f3 = data["flags"]
    assert f1["note"] == NOTE_1 and f1["category"] == "misquote" and f1["severity"] == "high"
    assert f2["status"] == "dismissed"
    for flag in data["flags"]:
        for sp in flag["spans"]:
            if sp["orphaned"]:
                assert sp["start"] is None and sp["end"] is None
            else:
                assert texts[sp["source"]][sp["start"] : sp["end"]] == sp["text"]
    assert [{k: sp[k] for k in ("source", "start", "end", "text", "orphaned")} for sp in f3["spans"]] == [
        {"source": None, "start": None, "end": None,
         "text": "a passage the outlet has since deleted entirely", "orphaned": True}]
    assert [sp["source"] for sp in f1["spans"]] == ["s1", "s2"]


def test_json_span_text_is_todays_text_after_a_light_edit() -> None:
    # A flag made before the outlet fixed a typo is found fuzzily; the contract still says
    # "text of a span equals source.text[start:end]".
    before = TEXT_A.replace("nobody will lose a berth", "nobody wil lose a berth")
    old = Source("s1", "a.txt", before)
    flag = new_flag([anchor_at(old, span_of(before, "before winter <script>alert(1)</script>, and nobody wil lose"))])
    srcs = sources()
    data = json.loads(render(with_flags(analyze(srcs), [flag]), "json"))
    (sp,) = data["flags"][0]["spans"]
    assert not sp["orphaned"]
    assert TEXT_A[sp["start"] : sp["end"]] == sp["text"]


def test_json_coverage(comparison: Comparison) -> None:
    for reference in ("s1", "s2"):
        data = json.loads(render(comparison, "json", reference))
        cov = data["coverage"]
        assert cov["reference"] == reference
        assert [r["group"] for r in cov["rows"]] == [g["id"] for g in data["groups"]]
        for row in cov["rows"]:
            assert set(row["cells"]) == {"s1", "s2"}
            assert row["cells"][reference] == "reference"
            assert set(row["cells"].values()) <= {"reference", "same", "reworded", "conflict", "absent"}
    claim = next(g for g in data["groups"] if g["kind"] == "claim")
    row = next(r for r in data["coverage"]["rows"] if r["group"] == claim["id"])
    assert row["cells"]["s1"] == "conflict"  # 12 million against 15 million


def test_factual_conflict_finding_states_both_figures(data: dict[str, Any]) -> None:
    claim = next(g for g in data["groups"] if g["kind"] == "claim")
    figures = next(f for f in claim["findings"] if f.get("values"))
    # "12 million crowns (Gazette) vs 15 million crowns (Post)": the reader must see the numbers
    assert "12" in figures["message"] and "15" in figures["message"], figures["message"]


def test_unknown_format_is_refused(comparison: Comparison) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(comparison, "pdf")
