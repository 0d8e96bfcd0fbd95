"""A Comparison rendered for people and programs: the JSON contract, Markdown and HTML reports.

The JSON follows ``docs/comparison-json.md`` (schema 1): fields may be added, never renamed or
removed. The reports (``report.py``) are built from the same dictionary, so they can never say
something the JSON does not.
"""

from __future__ import annotations

import json
from typing import Any

from crosscheck import __version__
from crosscheck.core.model import Comparison
from crosscheck.io.report import render_html, render_markdown

SCHEMA = 1
FORMATS = ("json", "md", "html")


def to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": f"crosscheck {__version__}",
        "sources": [
            {
                "id": s.id, "path": s.path, "title": s.title, "outlet": s.outlet,
                "author": s.author, "published": s.published, "url": s.url, "text": s.text,
                "kind": s.kind, "label": s.label, "words": s.word_count,
            }
            for s in comparison.sources
        ],
        "groups": [
            {
                "id": g.id, "kind": g.kind, "label": g.label, "similarity": round(g.similarity, 3),
                "why": list(g.why),
                "members": [
                    {"source": m.source, "start": m.span.start, "end": m.span.end, "text": m.text,
                     "speaker": m.speaker, "partial": m.partial}
                    for m in g.members
                ],
                "diffs": [
                    {"a": d.a, "b": d.b, "a_member": d.a_index, "b_member": d.b_index,
                     "similarity": round(d.similarity, 3), "ops": [list(op) for op in d.ops],
                     "changes": list(d.changes)}
                    for d in g.diffs
                ],
                "findings": list(g.findings),
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
        "flags": list(comparison.flags),
    }


def render(comparison: Comparison, fmt: str) -> str:
    data = to_dict(comparison)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return render_markdown(data)
    if fmt == "html":
        return render_html(data)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
