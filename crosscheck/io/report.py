"""Reports for people: Markdown (``report_md.py``) and self-contained HTML (``report_html.py``),
built from the JSON dictionary; this module holds what both say alike.

Both say the same things in the same order: what to look at first (findings, loudest first),
the sources and where each was read, each linked quote and claim with its members and word
differences against the group's reference member, then what only one source says. Every source
is called by its column's letter and its name ("B · The Herald"), as the window calls it, and
every group by a short number ("Q2", "C5") the reader can find on paper. All article text is
escaped: it is data from the web and must never become markup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from crosscheck.core.diff import NOISE
from crosscheck.core.findings import TITLES
from crosscheck.core.names import file_name
from crosscheck.core.view import letter

GLYPHS = {"reference": "★", "same": "■", "reworded": "◧", "conflict": "✖", "absent": "·"}
CELL_WORDS = {"reference": "the reference's version", "same": "same words", "reworded": "reworded or partial",
              "conflict": "conflicts with the reference", "absent": "not reported"}
SHORT_SHA = 12  # hex digits of a SHA-256 shown in a table; enough to tell two readings apart by eye


def letters(data: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s.get("letter") or letter(i) for i, s in enumerate(data["sources"])}


def source_names(data: dict[str, Any]) -> dict[str, str]:
    """Per source id, ``"B · The Herald"``: the letter of its column and its name, as the window
    and the findings' messages call it (ids are for machines, never shown in a report)."""
    marks = letters(data)
    return {s["id"]: f"{marks[s['id']]} · {s['label']}" for s in data["sources"]}


def source_title(s: dict[str, Any]) -> str:
    """The article's title, else its file's name — never the folder it was in, which says
    nothing about the article and may say things about the person who made the report."""
    return " ".join((s.get("title") or "").split()) or file_name(s.get("path") or "") or s["id"]


def report_title(data: dict[str, Any]) -> str:
    """What the report is about: the reference article's title (the first source's if unset)."""
    ref = data.get("reference")
    first = next((s for s in data["sources"] if s["id"] == ref), data["sources"][0] if data["sources"] else None)
    return source_title(first) if first else ""


def squash(text: str, limit: int | None = None) -> str:
    text = " ".join(str(text).split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def finding_title(kind: str) -> str:
    return TITLES.get(kind, kind)


def findings(data: dict[str, Any]) -> list[tuple[dict, dict]]:
    found = [(g, f) for g in data["groups"] for f in g.get("findings", [])]
    return sorted(found, key=lambda gf: -gf[1]["severity"])


def group_numbers(data: dict[str, Any]) -> dict[str, str]:
    """Per group id, "Q1", "Q2"… for quotes and "C1"… for claims, in the JSON's order: short enough
    for a coverage row or a finding, and printed beside the group, so a reader on paper finds it."""
    counts = {"quote": 0, "claim": 0}
    out = {}
    for g in data["groups"]:
        counts[g["kind"]] = counts.get(g["kind"], 0) + 1
        out[g["id"]] = f"{'Q' if g['kind'] == 'quote' else 'C'}{counts[g['kind']]}"
    return out


def _slug(text: str) -> str:
    """A fragment identifier: letters, digits and hyphens only, so an id can never close its quotes."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def group_anchor(group_id: str) -> str:
    """The group's anchor, from its id: the same input gives the same anchors, so a link into a
    report ("report.html#group-g4") keeps pointing at the same group when the report is remade."""
    return f"group-{_slug(group_id)}"


def coverage_anchor(group_id: str) -> str:
    return f"coverage-{_slug(group_id)}"


def page_of(source: dict[str, Any], offset: int | None) -> int | None:
    """The page (from 1) an offset is on, for documents with pages (as ``Source.page_at``)."""
    pages = source.get("pages") or ()
    if not pages or offset is None:
        return None
    return max(1, bisect.bisect_right(pages, offset))


def page_note(sources: dict[str, dict[str, Any]], source_id: str | None, offset: int | None) -> str:
    """", p. 3" for a passage of a document with pages; empty for an article."""
    page = page_of(sources.get(source_id or "", {}), offset)
    return f", p. {page}" if page else ""


@dataclass(frozen=True)
class Reading:
    """Where and how one source was read, as a report shows it; every field may be unknown."""

    origin: str | None
    final_url: str | None  # only when it differs from the origin (a redirect)
    read_at: str | None
    sha256: str | None
    size: int | None
    http_status: int | None
    content_type: str | None
    warnings: tuple[str, ...]

    @property
    def short_sha(self) -> str | None:
        return self.sha256[:SHORT_SHA] + "…" if self.sha256 and len(self.sha256) > SHORT_SHA else self.sha256

    @property
    def known(self) -> bool:
        return any(v is not None for v in (self.origin, self.read_at, self.sha256, self.http_status,
                                           self.content_type))


def reading(s: dict[str, Any]) -> Reading:
    """The source's evidence (``Source.evidence`` in the JSON) with tolerance for its absence: a
    comparison made before evidence was recorded, or of pasted text, still gets a report."""
    ev = s.get("evidence") or {}
    origin = ev.get("origin") or s.get("url") or None
    final = ev.get("final_url")
    return Reading(
        origin=origin, final_url=final if final and final != origin else None, read_at=ev.get("read_at"),
        sha256=ev.get("sha256"), size=ev.get("size"), http_status=ev.get("http_status"),
        content_type=ev.get("content_type"), warnings=tuple(s.get("warnings") or ()),
    )


def origin_shown(origin: str | None) -> str | None:
    """An address as it is; a local file by its name only (a folder path is nobody's business)."""
    if not origin:
        return None
    return origin if re.match(r"[a-z][a-z0-9+.-]*://", origin, re.I) else file_name(origin)


def diff_runs(diff: dict) -> list[tuple[int, str, bool]]:
    """(op, text, noise) runs of one diff, noise marking typographic/spelling-only changes."""
    kinds = iter(diff.get("changes", []))
    runs: list[tuple[int, str, bool]] = []
    current: dict | None = None
    prev_op = 0
    for op, text in diff["ops"]:
        if op != 0 and prev_op == 0:
            current = next(kinds, None)
        noise = bool(current) and current["kind"] in NOISE
        runs.append((op, text, noise if op else False))
        prev_op = op
    return runs


def render_markdown(data: dict[str, Any]) -> str:
    from crosscheck.io.report_md import render_markdown as render

    return render(data)


def render_html(data: dict[str, Any]) -> str:
    from crosscheck.io.report_html import render_html as render

    return render(data)
