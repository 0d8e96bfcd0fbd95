"""A Comparison rendered for people and programs: the JSON contract, Markdown and HTML reports.

The JSON follows ``docs/comparison-json.md`` (schema 1): fields may be added, never renamed or
removed. The reports (``report.py``) are built from the same dictionary, so they can never say
something the JSON does not.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from crosscheck import __version__
from crosscheck.core.flags import Flag, place
from crosscheck.core.model import Comparison, Source
from crosscheck.core.names import display_names
from crosscheck.core.view import coverage, letter, outlet_names
from crosscheck.io.report import render_html, render_markdown, source_names

SCHEMA = 1
FORMATS = ("json", "md", "html", "csv")


def to_dict(comparison: Comparison, reference: str | None = None) -> dict[str, Any]:
    """The contract's JSON; ``reference`` (default: the first source) is what coverage compares with."""
    ref = reference or (comparison.sources[0].id if comparison.sources else None)
    cells = coverage(comparison, ref)
    names = outlet_names(comparison)
    shown = display_names(comparison.sources)
    return {
        "schema": SCHEMA,
        "generator": f"crosscheck {__version__}",
        "sources": [
            {
                "id": s.id, "path": s.path, "title": s.title, "outlet": s.outlet,
                "author": s.author, "published": s.published, "url": s.url, "text": s.text,
                "kind": s.kind, "label": shown[s.id], "letter": letter(i), "words": s.word_count,
                "warnings": list(s.warnings),
                # what was read, from where and when (null when not known: an article of an older project)
                "evidence": asdict(s.evidence) if s.evidence else None,
                "pages": list(s.pages),  # where each page begins, for a document with pages (reports cite "p. 3")
            }
            for i, s in enumerate(comparison.sources)
        ],
        "groups": [
            {
                "id": g.id, "kind": g.kind, "label": g.label, "similarity": round(g.similarity, 3),
                "why": list(g.why),
                "members": [
                    {"source": m.source, "start": m.span.start, "end": m.span.end, "text": m.text,
                     "speaker": m.speaker, "partial": m.partial, "quoted": m.quoted}
                    for m in g.members
                ],
                "diffs": [
                    {"a": d.a, "b": d.b, "a_member": d.a_index, "b_member": d.b_index,
                     "similarity": round(d.similarity, 3), "ops": [list(op) for op in d.ops],
                     "changes": [c.as_dict() for c in d.changes]}
                    for d in g.diffs
                ],
                "findings": [f.as_dict(names) for f in g.findings],
            }
            for g in comparison.groups
        ],
        "unique": [
            {"source": u.source, "start": u.span.start, "end": u.span.end, "kind": u.kind,
             "text": u.text, "speaker": u.speaker}
            for u in comparison.unique
        ],
        "boilerplate": [
            {"source": sid, "start": span.start, "end": span.end} for sid, span in comparison.boilerplate
        ],
        "related": [
            {"a": r.a, "a_start": r.a_span.start, "a_end": r.a_span.end,
             "b": r.b, "b_start": r.b_span.start, "b_end": r.b_span.end, "score": r.score}
            for r in comparison.related
        ],
        "phrases": [
            {"a": p.a, "a_start": p.a_span.start, "a_end": p.a_span.end,
             "b": p.b, "b_start": p.b_span.start, "b_end": p.b_span.end, "text": p.text}
            for p in comparison.phrases
        ],
        "flags": list(comparison.flags),
        "reference": ref,
        "coverage": {
            "reference": ref,
            "rows": [
                {"group": g.id, "cells": {src.id: state for src, state in zip(comparison.sources, row, strict=True)}}
                for g, row in zip(comparison.groups, cells, strict=True)
            ],
        },
    }


def flags_json(flags: Sequence[Flag], sources: Sequence[Source]) -> list[dict[str, Any]]:
    """Flags as the contract carries them: each passage as a span of today's text (or orphaned)."""
    out = []
    for f in flags:
        spans = []
        texts = {s.id: s.text for s in sources}
        for placed in (place(a, sources) for a in f.anchors):
            span = placed.span
            spans.append({
                "source": placed.source, "start": span.start if span else None, "end": span.end if span else None,
                # today's words at the span (the contract's rule); the words as flagged, too
                "text": texts[placed.source][span.start : span.end] if span else placed.anchor.text,
                "flagged_text": placed.anchor.text, "orphaned": placed.orphaned, "found": placed.how,
            })
        out.append({
            "id": f.id, "category": f.category, "severity": f.severity, "status": f.status, "note": f.note,
            "spans": spans, "group": f.group_label or None, "finding": f.finding or None,
            "created": f.created, "modified": f.modified,
        })
    return out


def with_flags(comparison: Comparison, flags: Sequence[Flag]) -> Comparison:
    return replace(comparison, flags=tuple(flags_json(flags, comparison.sources)))


def flags_csv(data: dict[str, Any]) -> str:
    """One row per flag, for spreadsheets: passages as "A · outlet: text" joined by " | ".

    Every cell is quoted. With ``QUOTE_MINIMAL`` the csv module quotes a cell only for the
    delimiter, the quote character and the characters of ``lineterminator`` — so with ``"\n"`` as
    terminator a carriage return inside a note went out bare, a spreadsheet ended the row there
    and whatever followed (``=…``) started a live cell. Quoting all cells keeps every line break
    inside its cell whatever the terminator or the Python version; rows still end in ``"\n"``."""
    names = source_names(data)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "category", "severity", "status", "note", "passages", "sources", "group", "finding",
                     "orphaned", "created", "modified"])
    for f in data["flags"]:
        passages = " | ".join(f"{names.get(sp['source'], sp['source'] or '?')}: {sp['text']}" for sp in f["spans"])
        writer.writerow([_csv_safe(str(cell)) for cell in (
            f["id"], f["category"], f["severity"], f["status"], f["note"], passages,
            "; ".join(names[sid] for sid in names if any(sp["source"] == sid for sp in f["spans"])),
            f.get("group") or "", f.get("finding") or "", "yes" if any(sp["orphaned"] for sp in f["spans"]) else "",
            f["created"], f["modified"],
        )])
    return out.getvalue()


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection": = + - @, tab,
# carriage return, line feed; OWASP ASVS 1.2.10 adds NUL).
_FORMULA_START = frozenset("=+-@\t\r\n\0")


def _csv_safe(text: str) -> str:
    """Article text and notes must never run as a formula: a cell that a spreadsheet would read
    as one gets a leading ``'``, the text marker OWASP recommends (shown by no spreadsheet).

    Beyond OWASP's list of first characters, a cell whose first character *after leading white
    space* (any Unicode space) is one of them is neutralised too: an import that trims spaces
    (LibreOffice Calc's "Trim spaces" option) would otherwise turn ``" =1+1"`` into a formula.
    The price is a quote before the odd note that begins with a space and a minus."""
    if text[:1] in _FORMULA_START or text.lstrip()[:1] in _FORMULA_START:
        return "'" + text
    return text


COMPACT_ABOVE = 50  # sources; a larger comparison's JSON is written without indentation


def render(comparison: Comparison, fmt: str, reference: str | None = None) -> str:
    data = to_dict(comparison, reference)
    if fmt == "csv":
        return flags_csv(data)
    if fmt == "json":
        # Indented for a reader up to a few dozen articles; above that, compact (the C encoder is
        # ten times faster, and nobody reads 25 MB of JSON by eye).
        indent = 2 if len(data["sources"]) <= COMPACT_ABOVE else None
        return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    if fmt == "md":
        return render_markdown(data)
    if fmt == "html":
        return render_html(data)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
