"""Reports for people: Markdown and self-contained HTML, built from the JSON dictionary.

Both say the same things in the same order: what to look at first (findings, loudest first),
the sources, each linked quote and claim with its members and word differences against the
group's reference member, then what only one source says. All article text is escaped: it is
data from the web and must never become markup.
"""

from __future__ import annotations

import html
import re
from typing import Any

from crosscheck.core.diff import NOISE
from crosscheck.core.findings import TITLES
from crosscheck.core.names import file_name
from crosscheck.core.view import letter

_GLYPHS = {"reference": "★", "same": "■", "reworded": "◧", "conflict": "✖", "absent": "·"}


def _letters(data: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s.get("letter") or letter(i) for i, s in enumerate(data["sources"])}


def source_names(data: dict[str, Any]) -> dict[str, str]:
    """Per source id, ``"B · The Herald"``: the letter of its column and its name, as the window
    and the findings' messages call it (ids are for machines, never shown in a report)."""
    letters = _letters(data)
    return {s["id"]: f"{letters[s['id']]} · {s['label']}" for s in data["sources"]}


def _source_cells(s: dict[str, Any], mark: str) -> list[str]:
    """A row of the Sources table: letter, name, title (else the file's name, never its folder),
    author, date, words."""
    title = s["title"] or file_name(s["path"] or "") or s["id"]
    return [mark, s["label"], title, s["author"] or "—", s["published"] or "—", str(s["words"])]


def _squash(text: str, limit: int | None = None) -> str:
    text = " ".join(str(text).split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _findings(data: dict[str, Any]) -> list[tuple[dict, dict]]:
    found = [(g, f) for g in data["groups"] for f in g.get("findings", [])]
    return sorted(found, key=lambda gf: -gf[1]["severity"])


def _diff_runs(diff: dict) -> list[tuple[int, str, bool]]:
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


# ---------------------------------------------------------------- Markdown


def _md(text: str, keep_edges: bool = False) -> str:
    """Article text must not become Markdown structure (tables, links, raw HTML, emphasis)."""
    text = re.sub(r"\s+", " ", str(text)) if keep_edges else _squash(text)
    for ch in "\\|*_[]<>`#~":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(data: dict[str, Any]) -> str:
    names = source_names(data)
    quotes = [g for g in data["groups"] if g["kind"] == "quote"]
    claims = [g for g in data["groups"] if g["kind"] == "claim"]
    out = ["# Crosscheck comparison", "",
           f"{len(data['sources'])} sources · {len(quotes)} linked quotes · {len(claims)} linked claims · "
           f"{len(data['unique'])} single-source passages", ""]
    findings = _findings(data)
    if findings:
        out += ["## What to look at", ""]
        for g, f in findings:
            out.append(f"- **{TITLES.get(f['kind'], f['kind'])}** (severity {f['severity']}, {f['confidence']} "
                       f"confidence) in *{_md(g['label'])}*: {_md(f['message'])}")
        out.append("")
    out += ["## Sources", "", "| | source | title | author | published | words |", "|---|---|---|---|---|---|"]
    letters = _letters(data)
    for s in data["sources"]:
        out.append("| " + " | ".join(_md(c) for c in _source_cells(s, letters[s["id"]])) + " |")
    if data.get("flags"):
        out += ["", f"## Flags ({len(data['flags'])})", ""]
        for f in data["flags"]:
            out.append(f"- **{_md(f['category'])}** · {_md(f['severity'])} · {_md(f['status'])}"
                       + (f": {_md(f['note'])}" if f["note"] else ""))
            for sp in f["spans"]:
                where = "orphaned: its words are no longer in any article" if sp["orphaned"] else _md(
                    names.get(sp["source"], sp["source"]))
                out.append(f"  - {where}: “{_md(_squash(sp['text'], 300))}”")
    rows = data.get("coverage", {}).get("rows", [])
    if rows:
        out += ["", "## Coverage", "", "Who carries what: ★ the reference's version, ■ same words, ◧ reworded "
                "or partial, ✖ conflicts with the reference, · not reported.", "",
                "| | " + " | ".join(letters[s["id"]] for s in data["sources"]) + " |",
                "|---|" + "---|" * len(data["sources"])]
        labels = {g["id"]: g["label"] for g in data["groups"]}
        for row in rows:
            cells = [_GLYPHS.get(row["cells"].get(s["id"], "absent"), "·") for s in data["sources"]]
            out.append(f"| {_md(_squash(labels[row['group']], 60))} | " + " | ".join(cells) + " |")
        out += ["", " · ".join(f"{letters[s['id']]} = {_md(s['label'])}" for s in data["sources"])]
    for heading, groups in (("Linked quotes", quotes), ("Linked claims", claims)):
        if not groups:
            continue
        out += ["", f"## {heading} ({len(groups)})"]
        for g in groups:
            out += ["", f"### {_md(g['label'])}", ""]
            if g.get("why"):
                out += [f"Linked because: {_md('; '.join(g['why']))}.", ""]
            for m in g["members"]:
                who = f" — {_md(m['speaker'])}" if m.get("speaker") else ""
                part = " (partial)" if m.get("partial") else ""
                part += " (no quotation marks)" if m.get("quoted") is False else ""
                out.append(f"- **{_md(names[m['source']])}**{who}{part}: “{_md(m['text'])}”")
            for d in g["diffs"]:
                out.append(f"- *{_md(names[d['b']])} against {_md(names[d['a']])}*: {_md_diff(d)}")
    if data["unique"]:
        out += ["", f"## Only in one source ({len(data['unique'])})"]
        for sid, label in names.items():
            items = [u for u in data["unique"] if u["source"] == sid]
            if items:
                out += ["", f"### {_md(label)}", ""]
                for u in items:
                    who = f" — {_md(u['speaker'])}" if u.get("speaker") else ""
                    out.append(f"- {u['kind']}{who}: {_md(_squash(u['text'], 400))}")
    out.append("")
    return "\n".join(out)


def _md_diff(diff: dict) -> str:
    parts = []
    for op, text, noise in _diff_runs(diff):
        marker = "" if op == 0 else "~~" if op == -1 else "_" if noise else "**"
        parts.append(_wrap(_md(text, keep_edges=True), marker))
    return _squash("".join(parts))


def _wrap(text: str, marker: str) -> str:
    """Emphasis hugs the words; surrounding spaces stay outside the markers."""
    core = text.strip()
    if not marker or not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


# ---------------------------------------------------------------- HTML

_CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--quote:#1f5fa8;--claim:#2e7d4f;--uniq:#a0522d;--warn:#b00020}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);max-width:62rem;
 margin:2rem auto;padding:0 1rem}
h1{margin-bottom:.2rem}.summary{color:var(--muted)}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;
 vertical-align:top}
section.group{border-left:4px solid var(--quote);padding:.1rem 1rem;margin:1.2rem 0;break-inside:avoid}
section.group.claim{border-left:4px dashed var(--claim)}
.why{color:var(--muted);font-size:.9em}.src{font-weight:600}.partial{color:var(--muted);font-style:italic}
ul.unique li{border-left:3px dotted var(--uniq);padding-left:.6rem;margin:.3rem 0;list-style:none}
del{text-decoration:line-through;text-decoration-thickness:2px;color:var(--warn)}
ins{text-decoration:underline;text-decoration-thickness:2px;font-weight:600;color:var(--claim)}
del.noise,ins.noise{color:var(--muted);font-weight:normal;text-decoration-thickness:1px;opacity:.8}
.finding{border:2px solid var(--warn);border-radius:4px;padding:.4rem .7rem;margin:.4rem 0}
.legend span{margin-right:1.2rem}
.flag{border:2px dashed var(--warn);border-radius:4px;padding:.3rem .7rem;margin:.5rem 0;break-inside:avoid}
.flag.dismissed{opacity:.6;border-color:#999}.flag.confirmed{border-style:solid}
table.coverage td.cell{text-align:center;width:2rem}table.coverage th.rowlabel{font-weight:normal}
td.same,td.reference{background:#3a6ea5;color:#fff}td.reworded{background:#c9daf0}td.conflict{background:#c0392b;color:#fff}
@media print{body{margin:0;max-width:none}section.group,.finding{break-inside:avoid}a{color:inherit}}
"""


def render_html(data: dict[str, Any]) -> str:
    e = html.escape
    names = source_names(data)
    quotes = [g for g in data["groups"] if g["kind"] == "quote"]
    claims = [g for g in data["groups"] if g["kind"] == "claim"]
    p = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         "<title>Crosscheck comparison</title>", f"<style>{_CSS}</style></head><body>",
         "<h1>Crosscheck comparison</h1>",
         f'<p class="summary">{len(data["sources"])} sources · {len(quotes)} linked quotes · '
         f'{len(claims)} linked claims · {len(data["unique"])} single-source passages</p>',
         '<p class="legend"><span><del>struck</del> only in the reference</span>'
         '<span><ins>underlined</ins> only in this source</span>'
         '<span><ins class="noise">faint</ins> spelling, brackets or quote marks only</span></p>']
    findings = _findings(data)
    if findings:
        p.append("<h2>What to look at</h2>")
        for g, f in findings:
            p.append(f'<div class="finding"><strong>{e(TITLES.get(f["kind"], f["kind"]))}</strong> '
                     f'(severity {f["severity"]}, {e(f["confidence"])} confidence) in <em>{e(g["label"])}</em>: '
                     f'{e(f["message"])}</div>')
    p.append("<h2>Sources</h2><table><tr><th></th><th>source</th><th>title</th><th>author</th>"
             "<th>published</th><th>words</th></tr>")
    letters = _letters(data)
    for s in data["sources"]:
        p.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in _source_cells(s, letters[s["id"]])) + "</tr>")
    p.append("</table>")
    if data.get("flags"):
        p.append(f"<h2>Flags ({len(data['flags'])})</h2>")
        for f in data["flags"]:
            note = f"<p>{e(f['note'])}</p>" if f["note"] else ""
            gone = "<em>orphaned: its words are no longer in any article</em>"
            items = "".join(
                f"<li>{gone if sp['orphaned'] else e(names.get(sp['source'], sp['source']))}: “{e(sp['text'])}”</li>"
                for sp in f["spans"])
            p.append(f'<div class="flag {e(f["status"])}"><strong>⚑ {e(f["category"])}</strong> · '
                     f'{e(f["severity"])} · {e(f["status"])}{note}<ul>{items}</ul></div>')
    rows = data.get("coverage", {}).get("rows", [])
    if rows:
        labels = {g["id"]: g["label"] for g in data["groups"]}
        p.append("<h2>Coverage</h2><p class='why'>Who carries what: ★ the reference's version, ■ same words, "
                 "◧ reworded or partial, ✖ conflicts with the reference, · not reported.</p>"
                 "<table class='coverage'><tr><th></th>"
                 + "".join(f"<th title='{e(s['label'])}'>{letters[s['id']]}</th>" for s in data["sources"]) + "</tr>")
        for row in rows:
            cells = "".join(
                f"<td class='cell {row['cells'].get(s['id'], 'absent')}'>"
                f"{_GLYPHS.get(row['cells'].get(s['id'], 'absent'), '·')}</td>" for s in data["sources"])
            p.append(f"<tr><th class='rowlabel'>{e(_squash(labels[row['group']], 70))}</th>{cells}</tr>")
        p.append("</table><p class='why'>" + " · ".join(
            f"{letters[s['id']]} = {e(s['label'])}" for s in data["sources"]) + "</p>")
    for heading, groups in (("Linked quotes", quotes), ("Linked claims", claims)):
        if not groups:
            continue
        p.append(f"<h2>{heading} ({len(groups)})</h2>")
        for g in groups:
            p.append(f'<section class="group {e(g["kind"])}"><h3>{e(g["label"])}</h3>')
            if g.get("why"):
                p.append(f'<p class="why">Linked because: {e("; ".join(g["why"]))}.</p>')
            p.append("<ul>")
            for m in g["members"]:
                who = f" — {e(m['speaker'])}" if m.get("speaker") else ""
                part = ' <span class="partial">(partial)</span>' if m.get("partial") else ""
                part += ' <span class="partial">(no quotation marks)</span>' if m.get("quoted") is False else ""
                p.append(f'<li><span class="src">{e(names[m["source"]])}</span>{who}{part}: “{e(m["text"])}”</li>')
            p.append("</ul>")
            for d in g["diffs"]:
                p.append(f'<p><span class="src">{e(names[d["b"]])}</span> against {e(names[d["a"]])}: '
                         f"{_html_diff(d)}</p>")
            p.append("</section>")
    if data["unique"]:
        p.append(f"<h2>Only in one source ({len(data['unique'])})</h2>")
        for sid, label in names.items():
            items = [u for u in data["unique"] if u["source"] == sid]
            if items:
                p.append(f'<h3>{e(label)}</h3><ul class="unique">')
                for u in items:
                    who = f" — {e(u['speaker'])}" if u.get("speaker") else ""
                    p.append(f"<li>{e(u['kind'])}{who}: {e(u['text'])}</li>")
                p.append("</ul>")
    p.append("</body></html>\n")
    return "\n".join(p)


def _html_diff(diff: dict) -> str:
    out = []
    for op, text, noise in _diff_runs(diff):
        cls = ' class="noise"' if noise else ""
        if op == 0:
            out.append(html.escape(text))
        elif op == -1:
            out.append(f"<del{cls}>{html.escape(text)}</del>")
        else:
            out.append(f"<ins{cls}>{html.escape(text)}</ins>")
    return "".join(out)
