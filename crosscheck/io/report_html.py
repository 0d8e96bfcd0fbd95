"""The HTML report: one self-contained page (no external resources) a reader can navigate.

A table of contents lists every part and every group; each group has an anchor derived from its
id (``group-g4``), so links into a report survive remaking it from the same input; coverage
cells, row labels and findings link to their group, and each group links back to its coverage
row and to the contents. The only links are these fragments (``href="#…"``) to ids this module
makes: article text is always escaped and never becomes an attribute, a link or markup.
"""

from __future__ import annotations

import html
from typing import Any

from crosscheck.io.report import (
    CELL_WORDS,
    GLYPHS,
    coverage_anchor,
    diff_runs,
    finding_title,
    findings,
    group_anchor,
    group_numbers,
    letters,
    origin_shown,
    page_note,
    reading,
    report_title,
    source_names,
    source_title,
    squash,
)
from crosscheck.io.report_style import CSS

e = html.escape


def render_html(data: dict[str, Any]) -> str:
    names = source_names(data)
    marks = letters(data)
    numbers = group_numbers(data)
    quotes = [g for g in data["groups"] if g["kind"] == "quote"]
    claims = [g for g in data["groups"] if g["kind"] == "claim"]
    rows = data.get("coverage", {}).get("rows", [])
    found = findings(data)
    title = report_title(data)
    p = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>Crosscheck comparison{': ' + e(squash(title, 80)) if title else ''}</title>",
         f"<style>{CSS}</style></head><body>",
         '<header id="top"><h1>Crosscheck comparison</h1>',
         f'<p class="story">{e(title)}</p>' if title else "",
         f'<p class="summary">{len(data["sources"])} sources · {len(quotes)} linked quotes · '
         f'{len(claims)} linked claims · {len(data["unique"])} single-source passages</p>',
         '<p class="legend"><span><del>struck</del> only in the reference</span>'
         '<span><ins>underlined</ins> only in this source</span>'
         '<span><ins class="noise">faint</ins> spelling, brackets or quote marks only</span></p></header>']
    p.append(_contents(data, found, rows, quotes, claims, numbers))
    if found:
        p.append('<section id="findings"><h2>What to look at</h2>')
        for n, (g, f) in enumerate(found, 1):
            p.append(f'<div class="finding" id="finding-{n}"><strong>{e(finding_title(f["kind"]))}</strong> '
                     f'(severity {f["severity"]}, {e(f["confidence"])} confidence) in '
                     f'{_to_group(g, numbers)}: {e(f["message"])}</div>')
        p.append("</section>")
    p.append(_sources(data, marks))
    if data.get("flags"):
        p.append(_flags(data, names))
    if rows:
        p.append(_coverage(data, rows, marks, names, numbers))
    for heading, anchor, groups in (("Linked quotes", "quotes", quotes), ("Linked claims", "claims", claims)):
        if groups:
            p.append(f'<section id="{anchor}"><h2>{heading} ({len(groups)})</h2>')
            p += [_group(g, data, names, numbers, bool(rows)) for g in groups]
            p.append("</section>")
    if data["unique"]:
        by_id = {s["id"]: s for s in data["sources"]}
        p.append(f'<section id="unique"><h2>Only in one source ({len(data["unique"])})</h2>')
        for sid, label in names.items():
            items = [u for u in data["unique"] if u["source"] == sid]
            if items:
                p.append(f'<h3>{e(label)}</h3><ul class="unique">')
                for u in items:
                    who = f" — {e(u['speaker'])}" if u.get("speaker") else ""
                    page = page_note(by_id, sid, u.get("start")).lstrip(", ")
                    where = f' <span class="page">({e(page)})</span>' if page else ""
                    p.append(f"<li>{e(u['kind'])}{who}{where}: {e(u['text'])}</li>")
                p.append("</ul>")
        p.append("</section>")
    p.append('<p class="back"><a href="#top">↑ Contents</a></p>')
    p.append("</body></html>\n")
    return "\n".join(x for x in p if x)


def _to_group(g: dict, numbers: dict[str, str], limit: int = 80) -> str:
    return f'<a href="#{group_anchor(g["id"])}">{numbers[g["id"]]} · <em>{e(squash(g["label"], limit))}</em></a>'


def _contents(data: dict, found: list, rows: list, quotes: list, claims: list, numbers: dict[str, str]) -> str:
    """The table of contents: every part, and under the quotes and claims every group."""
    items = []
    if found:
        items.append(f'<li><a href="#findings">What to look at</a> ({len(found)})</li>')
    items.append('<li><a href="#sources">Sources</a></li>')
    if data.get("flags"):
        items.append(f'<li><a href="#flags">Flags</a> ({len(data["flags"])})</li>')
    if rows:
        items.append('<li><a href="#coverage">Coverage</a></li>')
    for heading, anchor, groups in (("Linked quotes", "quotes", quotes), ("Linked claims", "claims", claims)):
        if groups:
            sub = "".join(f"<li>{_to_group(g, numbers, 90)}</li>" for g in groups)
            items.append(f'<li><a href="#{anchor}">{heading}</a> ({len(groups)})<ol class="groups">{sub}</ol></li>')
    if data["unique"]:
        items.append(f'<li><a href="#unique">Only in one source</a> ({len(data["unique"])})</li>')
    return f'<nav class="toc"><h2 class="toc-title">Contents</h2><ol>{"".join(items)}</ol></nav>'


def _sources(data: dict, marks: dict[str, str]) -> str:
    p = ['<section id="sources"><h2>Sources</h2><table class="sources"><tr><th></th><th>source</th><th>title</th>'
         "<th>author</th><th>published</th><th>words</th><th>read</th></tr>"]
    for s in data["sources"]:
        cells = [marks[s["id"]], s["label"], source_title(s), s["author"] or "—", s["published"] or "—",
                 str(s["words"])]
        p.append(f'<tr id="source-{e(marks[s["id"]].lower())}">'
                 + "".join(f"<td>{e(c)}</td>" for c in cells) + f"<td>{_reading(s)}</td></tr>")
    p.append("</table></section>")
    return "\n".join(p)


def _reading(s: dict) -> str:
    """Where and how the source was read; "not recorded" rather than a blank a reader might
    take for a missing address."""
    r = reading(s)
    facts = []
    if origin_shown(r.origin):
        facts.append(("from", f'<span class="address">{e(origin_shown(r.origin) or "")}</span>'))
    if r.final_url:
        facts.append(("final address", f'<span class="address">{e(r.final_url)}</span>'))
    if r.read_at:
        facts.append(("read at", e(r.read_at)))
    if r.sha256:
        facts.append(("SHA-256", f'<code class="sha" title="{e(r.sha256)}"><span class="short">{e(r.short_sha or "")}'
                                 f'</span><span class="full">{e(r.sha256)}</span></code>'))
    if r.http_status is not None:
        facts.append(("HTTP status", str(int(r.http_status))))
    if r.content_type:
        facts.append(("type", e(r.content_type)))
    if r.size is not None:
        facts.append(("size", f"{int(r.size):,} bytes"))
    out = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    out = f'<dl class="evidence">{out}</dl>' if out else ""
    if not r.known:
        out += '<span class="muted">not recorded</span>'
    return out + "".join(f'<p class="warning">⚠ {e(w)}</p>' for w in r.warnings)


def _flags(data: dict, names: dict[str, str]) -> str:
    by_id = {s["id"]: s for s in data["sources"]}
    p = [f'<section id="flags"><h2>Flags ({len(data["flags"])})</h2>']
    for f in data["flags"]:
        note = f"<p>{e(f['note'])}</p>" if f["note"] else ""
        gone = "<em>orphaned: its words are no longer in any article</em>"
        items = "".join(
            f"<li>{gone if sp['orphaned'] else e(_cited(names, by_id, sp['source'], sp['start']))}"
            f": “{e(sp['text'])}”</li>"
            for sp in f["spans"])
        p.append(f'<div class="flag {e(f["status"])}"><strong>⚑ {e(f["category"])}</strong> · '
                 f'{e(f["severity"])} · {e(f["status"])}{note}<ul>{items}</ul></div>')
    p.append("</section>")
    return "\n".join(p)


def _cited(names: dict[str, str], by_id: dict[str, dict], sid: str, start: int | None) -> str:
    return names.get(sid, sid) + page_note(by_id, sid, start)


def _coverage(data: dict, rows: list, marks: dict[str, str], names: dict[str, str], numbers: dict[str, str]) -> str:
    labels = {g["id"]: g["label"] for g in data["groups"]}
    ids = [s["id"] for s in data["sources"]]
    titles = {sid: e(names[sid]) for sid in ids}  # (escaped once, not once a cell: 1,000 × 1,000 of them)
    key = _key(data, names)
    p = ['<section id="coverage"><h2>Coverage</h2><p class="why">Who carries what: '
         + ", ".join(f"{GLYPHS[k]} {v}" for k, v in CELL_WORDS.items()) + ". Each row and cell leads to its group.</p>"
         + key + "<table class='coverage'><tr><th></th>"
         + "".join(f'<th class="letter" title="{titles[sid]}">{marks[sid]}</th>' for sid in ids)
         + "</tr>"]
    for row in rows:
        gid = row["group"]
        to = f'href="#{group_anchor(gid)}"'
        cells = "".join(
            f"<td class='cell {e(state)}'><a {to} title=\"{titles[sid]}: {CELL_WORDS.get(state, state)}\">"
            f"{GLYPHS.get(state, '·')}</a></td>"
            for sid in ids for state in [row["cells"].get(sid, "absent")])
        p.append(f'<tr id="{coverage_anchor(gid)}"><th class=\'rowlabel\'><a {to}>{numbers[gid]} '
                 f"{e(squash(labels[gid], 70))}</a></th>{cells}</tr>")
    p.append("</table>" + key + "</section>")
    return "\n".join(p)


def _key(data: dict, names: dict[str, str]) -> str:
    """The letters with their outlets, above and below the matrix: its columns are a letter wide."""
    return '<p class="key">' + "".join(f"<span>{e(names[s['id']])}</span>" for s in data["sources"]) + "</p>"


def _group(g: dict, data: dict, names: dict[str, str], numbers: dict[str, str], has_coverage: bool) -> str:
    by_id = {s["id"]: s for s in data["sources"]}
    p = [f'<section class="group {e(g["kind"])}" id="{group_anchor(g["id"])}">'
         f'<h3><span class="num">{numbers[g["id"]]}</span> {e(g["label"])}</h3>']
    if g.get("why"):
        p.append(f'<p class="why">Linked because: {e("; ".join(g["why"]))}.</p>')
    p.append("<ul>")
    for m in g["members"]:
        who = f" — {e(m['speaker'])}" if m.get("speaker") else ""
        part = ' <span class="partial">(partial)</span>' if m.get("partial") else ""
        part += ' <span class="partial">(no quotation marks)</span>' if m.get("quoted") is False else ""
        cite = e(names[m["source"]] + page_note(by_id, m["source"], m.get("start")))
        p.append(f'<li><span class="src">{cite}</span>{who}{part}: “{e(m["text"])}”</li>')
    p.append("</ul>")
    for d in g["diffs"]:
        p.append(f'<p><span class="src">{e(names[d["b"]])}</span> against {e(names[d["a"]])}: {_diff(d)}</p>')
    back = [f'<a href="#{coverage_anchor(g["id"])}">↑ Coverage row</a>'] if has_coverage else []
    back.append('<a href="#top">↑ Contents</a>')
    p.append(f'<p class="back">{" · ".join(back)}</p></section>')
    return "\n".join(p)


def _diff(diff: dict) -> str:
    out = []
    for op, text, noise in diff_runs(diff):
        cls = ' class="noise"' if noise else ""
        if op == 0:
            out.append(e(text))
        elif op == -1:
            out.append(f"<del{cls}>{e(text)}</del>")
        else:
            out.append(f"<ins{cls}>{e(text)}</ins>")
    return "".join(out)
