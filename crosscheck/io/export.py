"""A Comparison rendered for people and programs: the JSON contract, Markdown and HTML reports.

The JSON follows ``shared/spec/comparison-json.md`` (schema 1): fields may be added, never
renamed or removed. The reports are built from the same dictionary, so they can never say
something the JSON does not.
"""

from __future__ import annotations

import html
import json
from typing import Any

from crosscheck import __version__
from crosscheck.core.model import Comparison

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


def _source_names(data: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["label"] for s in data["sources"]}


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_markdown(data: dict[str, Any]) -> str:
    names = _source_names(data)
    out = ["# Crosscheck comparison", "", f"{len(data['sources'])} sources, "
           f"{len(data['groups'])} linked passages, {len(data['unique'])} single-source passages.", ""]
    out += ["## Sources", "", "| id | outlet | title | author | published | words |", "|---|---|---|---|---|---|"]
    for s in data["sources"]:
        cells = [s["id"], s["outlet"] or "—", s["title"] or s["path"], s["author"] or "—",
                 s["published"] or "—", str(s["words"])]
        out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    for kind, heading in (("quote", "Linked quotes"), ("claim", "Linked claims")):
        groups = [g for g in data["groups"] if g["kind"] == kind]
        if not groups:
            continue
        out += ["", f"## {heading} ({len(groups)})"]
        for g in groups:
            out += ["", f"### {_md_cell(g['label'])}", ""]
            if g["why"]:
                out.append(f"*Linked because: {'; '.join(g['why'])}*")
                out.append("")
            for m in g["members"]:
                who = f" — {m['speaker']}" if m.get("speaker") else ""
                out.append(f"- **{_md_cell(names[m['source']])}**{_md_cell(who)}: {_md_cell(_excerpt(m['text']))}")
    if data["unique"]:
        out += ["", f"## Only in one source ({len(data['unique'])})"]
        for sid in names:
            items = [u for u in data["unique"] if u["source"] == sid]
            if items:
                out += ["", f"### {_md_cell(names[sid])}", ""]
                out += [f"- ({u['kind']}) {_md_cell(_excerpt(u['text']))}" for u in items]
    out.append("")
    return "\n".join(out)


def _md_cell(text: str) -> str:
    """Article text must not become Markdown structure (tables, links, raw HTML)."""
    text = " ".join(str(text).split())
    for ch in "\\|*_[]<>`":
        text = text.replace(ch, "\\" + ch)
    return text


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
.group{border-left:4px solid #3a6ea5;padding:.2rem 1rem;margin:1rem 0;break-inside:avoid}
.claim{border-left-style:dashed}.why{color:#555;font-size:.9em}.src{font-weight:600}
.unique{border-left:4px dotted #a0522d;padding-left:1rem}
@media print{body{margin:0}a{color:inherit}}
"""


def render_html(data: dict[str, Any]) -> str:
    e = html.escape
    names = _source_names(data)
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Crosscheck comparison</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>Crosscheck comparison</h1>",
             f"<p>{len(data['sources'])} sources, {len(data['groups'])} linked passages, "
             f"{len(data['unique'])} single-source passages.</p>",
             "<h2>Sources</h2><table><tr><th>id</th><th>outlet</th><th>title</th><th>author</th>"
             "<th>published</th><th>words</th></tr>"]
    for s in data["sources"]:
        cells = [s["id"], s["outlet"] or "—", s["title"] or s["path"], s["author"] or "—",
                 s["published"] or "—", str(s["words"])]
        parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    parts.append("</table>")
    for kind, heading in (("quote", "Linked quotes"), ("claim", "Linked claims")):
        groups = [g for g in data["groups"] if g["kind"] == kind]
        if not groups:
            continue
        parts.append(f"<h2>{heading} ({len(groups)})</h2>")
        for g in groups:
            parts.append(f'<section class="group {e(kind)}"><h3>{e(g["label"])}</h3>')
            if g["why"]:
                parts.append(f'<p class="why">Linked because: {e("; ".join(g["why"]))}</p>')
            parts.append("<ul>")
            for m in g["members"]:
                who = f" — {e(m['speaker'])}" if m.get("speaker") else ""
                parts.append(f'<li><span class="src">{e(names[m["source"]])}</span>{who}: {e(m["text"])}</li>')
            parts.append("</ul></section>")
    if data["unique"]:
        parts.append(f"<h2>Only in one source ({len(data['unique'])})</h2>")
        for sid in names:
            items = [u for u in data["unique"] if u["source"] == sid]
            if items:
                parts.append(f'<h3>{e(names[sid])}</h3><ul class="unique">')
                parts += [f"<li>({e(u['kind'])}) {e(u['text'])}</li>" for u in items]
                parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)

