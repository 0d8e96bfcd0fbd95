"""The Markdown report: readable as plain text and rendered alike by GitHub and CommonMark tools.

Article text is escaped only where Markdown would otherwise read it as structure — emphasis,
code, raw HTML, links, entities, table cells, a heading's closing hashes — so the file stays
readable and the rendered page shows no stray backslashes. Word differences are marked word by
word (~~the reference's words~~ **this source's words**): a mark that opens or closes inside a
word or next to punctuation ("_\\[_for") is not emphasis to CommonMark and would print as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crosscheck.io.report import (
    CELL_WORDS,
    GLYPHS,
    diff_runs,
    finding_title,
    findings,
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

LEGEND = ("Differences against the reference: ~~struck~~ only in the reference's version, **bold** only in "
          "this source's, _italic_ only spelling, brackets or quotation marks differ.")

_ALWAYS = re.compile(r"[\\`*~<[]")  # emphasis, code, strikethrough, raw HTML / autolinks, links: anywhere
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")  # inside a word (snake_case) it is not emphasis
_LINK_CLOSE = re.compile(r"\](?=[(\[:]|$)")  # "[x](y)", "[x][y]", "[x]: y": a link only with its "]"
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # "&copy;" would print ©


def md_text(text: str, *, table: bool = False, heading: bool = False, squashed: bool = True) -> str:
    """Article text as Markdown that renders to exactly that text."""
    text = squash(text) if squashed else re.sub(r"\s+", " ", str(text))
    text = _ALWAYS.sub(lambda m: "\\" + m.group(), text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _LINK_CLOSE.sub(r"\\]", text)
    text = _ENTITY.sub(r"\\&", text)
    if table:
        text = text.replace("|", "\\|")
    if heading:
        text = text.replace("#", "\\#")
    return text


def md_code(text: str) -> str:
    """A code span holding any text (an address, a hash): a fence longer than any run of
    backticks inside, padded when the text begins or ends with one."""
    text = squash(text)
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_markdown(data: dict[str, Any]) -> str:
    names = source_names(data)
    marks = letters(data)
    numbers = group_numbers(data)
    by_id = {s["id"]: s for s in data["sources"]}
    quotes = [g for g in data["groups"] if g["kind"] == "quote"]
    claims = [g for g in data["groups"] if g["kind"] == "claim"]
    out = ["# Crosscheck comparison", ""]
    title = report_title(data)
    if title:
        out += [f"**{md_text(title)}**", ""]
    out += [f"{len(data['sources'])} sources · {len(quotes)} linked quotes · {len(claims)} linked claims · "
            f"{len(data['unique'])} single-source passages", "",
            "Sources are named by letter as in the window: "
            + " · ".join(f"{marks[s['id']]} = {md_text(s['label'])}" for s in data["sources"]) + ".", "",
            LEGEND, ""]
    found = findings(data)
    if found:
        out += ["## What to look at", ""]
        for g, f in found:
            out.append(f"- **{finding_title(f['kind'])}** (severity {f['severity']}, {f['confidence']} "
                       f"confidence) in *{numbers[g['id']]} · {md_text(squash(g['label'], 80))}*: "
                       f"{md_text(f['message'])}")
        out.append("")
    out += _sources(data, marks)
    if data.get("flags"):
        out += ["", f"## Flags ({len(data['flags'])})", ""]
        for f in data["flags"]:
            out.append(f"- **{md_text(f['category'])}** · {md_text(f['severity'])} · {md_text(f['status'])}"
                       + (f": {md_text(f['note'])}" if f["note"] else ""))
            for sp in f["spans"]:
                where = "orphaned: its words are no longer in any article" if sp["orphaned"] else md_text(
                    names.get(sp["source"], sp["source"]) + page_note(by_id, sp["source"], sp["start"]))
                out.append(f"  - {where}: “{md_text(squash(sp['text'], 300))}”")
    rows = data.get("coverage", {}).get("rows", [])
    if rows:
        out += ["", "## Coverage", "", "Who carries what: "
                + ", ".join(f"{GLYPHS[k]} {v}" for k, v in CELL_WORDS.items()) + ".", "",
                "| | " + " | ".join(marks[s["id"]] for s in data["sources"]) + " |",
                "|---|" + "---|" * len(data["sources"])]
        labels = {g["id"]: g["label"] for g in data["groups"]}
        for row in rows:
            cells = [GLYPHS.get(row["cells"].get(s["id"], "absent"), "·") for s in data["sources"]]
            label = f"{numbers[row['group']]} {md_text(squash(labels[row['group']], 60), table=True)}"
            out.append(f"| {label} | " + " | ".join(cells) + " |")
        out += ["", " · ".join(f"{marks[s['id']]} = {md_text(s['label'])}" for s in data["sources"])]
    for heading, groups in (("Linked quotes", quotes), ("Linked claims", claims)):
        if not groups:
            continue
        out += ["", f"## {heading} ({len(groups)})"]
        for g in groups:
            out += ["", f"### {numbers[g['id']]} · {md_text(g['label'], heading=True)}", ""]
            if g.get("why"):
                out += [f"Linked because: {md_text('; '.join(g['why']))}.", ""]
            for m in g["members"]:
                who = f" — {md_text(m['speaker'])}" if m.get("speaker") else ""
                part = " (partial)" if m.get("partial") else ""
                part += " (no quotation marks)" if m.get("quoted") is False else ""
                cite = md_text(names[m["source"]] + page_note(by_id, m["source"], m.get("start")))
                out.append(f"- **{cite}**{who}{part}: “{md_text(m['text'])}”")
            for d in g["diffs"]:
                out.append(f"- *{md_text(names[d['b']])} against {md_text(names[d['a']])}*: {md_diff(d)}")
    if data["unique"]:
        out += ["", f"## Only in one source ({len(data['unique'])})"]
        for sid, label in names.items():
            items = [u for u in data["unique"] if u["source"] == sid]
            if items:
                out += ["", f"### {md_text(label, heading=True)}", ""]
                for u in items:
                    who = f" — {md_text(u['speaker'])}" if u.get("speaker") else ""
                    page = page_note(by_id, sid, u.get("start")).lstrip(", ")
                    out.append(f"- {u['kind']}{who}{f' ({page})' if page else ''}: {md_text(squash(u['text'], 400))}")
    out.append("")
    return "\n".join(out)


def _sources(data: dict[str, Any], marks: dict[str, str]) -> list[str]:
    """The sources table (letter, name, title, author, date, words), then where and how each was
    read: a list, since addresses and hashes would stretch a table past any screen."""
    out = ["## Sources", "", "| | source | title | author | published | words |", "|---|---|---|---|---|---|"]
    for s in data["sources"]:
        cells = [marks[s["id"]], s["label"], source_title(s), s["author"] or "—", s["published"] or "—",
                 str(s["words"])]
        out.append("| " + " | ".join(md_text(c, table=True) for c in cells) + " |")
    out += ["", "Where each was read:", ""]
    for s in data["sources"]:
        r = reading(s)
        facts = []
        if origin_shown(r.origin):
            facts.append(f"from {md_code(origin_shown(r.origin) or '')}")
        if r.final_url:
            facts.append(f"final address {md_code(r.final_url)}")
        if r.read_at:
            facts.append(f"read {md_text(r.read_at)}")
        if r.http_status is not None:
            facts.append(f"HTTP {r.http_status}")
        if r.content_type:
            facts.append(md_text(r.content_type))
        if r.size is not None:
            facts.append(f"{r.size:,} bytes")
        if r.sha256:
            facts.append(f"SHA-256 {md_code(r.sha256)}")
        if not r.known:
            facts.append("no record of where or when it was read")
        facts += [f"⚠ {md_text(w)}" for w in r.warnings]
        out.append(f"- **{marks[s['id']]} · {md_text(s['label'])}**: " + "; ".join(facts))
    return out


def md_diff(diff: dict) -> str:
    """The diff word by word: each word the same, only the reference's (struck), only this
    source's (bold; italic for spelling, brackets or quotation marks), or changed inside (both
    forms, the reference's struck first). Marks always stand between a space and a word, where
    every CommonMark and GitHub renderer reads them as emphasis."""
    blocks: list[_Block] = []
    gap: list[tuple[int, str]] = []  # the white space since the last word, as each side has it
    for word in _words(diff_runs(diff)):
        if isinstance(word, tuple):
            gap.append(word)
            continue
        changed = any(op for op, _, _ in word)
        if not blocks or blocks[-1].changed != changed:
            blocks.append(_Block(changed))
            gap = []
        block = blocks[-1]
        for op, text, noise in [(op, t, False) for op, t in gap] + word:
            if op <= 0:
                block.old += text
            if op >= 0:
                block.new += text
            block.noise = block.noise and (noise or not op or text.isspace())
        gap = []
    out = []
    for b in blocks:
        old, new = squash(b.old), squash(b.new)
        if not b.changed:
            out.append(md_text(new))
            continue
        if old:
            out.append(f"~~{md_text(old)}~~")
        if new:
            out.append(_marked(new, b.noise))
    return " ".join(out)


@dataclass
class _Block:
    """Words in a row that are all the same in both, or all changed: one mark goes around them."""

    changed: bool
    old: str = ""
    new: str = ""
    noise: bool = True


def _marked(text: str, noise: bool) -> str:
    mark = "_" if noise else "**"
    return f"{mark}{md_text(text)}{mark}"


def _words(runs: list[tuple[int, str, bool]]) -> list[list[tuple[int, str, bool]] | tuple[int, str]]:
    """The runs cut at white space into words, each a list of (op, text, noise) pieces, and the
    white space between them as (op, text)."""
    words: list[list[tuple[int, str, bool]] | tuple[int, str]] = []
    current: list[tuple[int, str, bool]] = []
    for op, text, noise in runs:
        for piece in re.split(r"(\s+)", text):
            if not piece:
                continue
            if piece.isspace():
                if current:
                    words.append(current)
                current = []
                words.append((op, piece))
            else:
                current.append((op, piece, noise))
    if current:
        words.append(current)
    return words
