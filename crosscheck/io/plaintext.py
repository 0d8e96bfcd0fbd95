"""What the top of a plain-text article says about itself: title, byline, outlet, date.

Copied articles start with a header: the headline (sometimes twice), the authors, the outlet,
a dateline, section tags. We read it only where it is clear and mark those lines as furniture,
so they stay visible but are never taken for claims. Anything unclear stays ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crosscheck.core.model import Furniture, Span


def tidy_lines(text: str) -> str:
    """Trailing spaces and runs of blank lines are noise of copying or of extraction, not of
    the article: removed (before any offset is counted), one blank line kept between paragraphs."""
    out: list[str] = []
    for line in (line.rstrip() for line in text.split("\n")):
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
]
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?$", re.I)
# Words that make a short capitalised line an outlet's name rather than a person's.
_OUTLET_WORDS = {
    "times", "news", "daily", "post", "herald", "bulletin", "courier", "gazette", "journal",
    "tribune", "wire", "press", "telegraph", "guardian", "observer", "review", "chronicle",
    "today", "media", "network", "radio", "tv", "report", "express", "mail", "star", "record",
    "standard", "monitor", "digest", "weekly", "magazine", "agency", "research", "global",
    "international", "online", "insider", "dispatch", "examiner", "independent", "register",
}
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|da|di|la|le)){1,3}"
_NAME_LIST = re.compile(rf"^{_NAME}(?:\s*(?:,|&|\band\b|,\s*and\b)\s*{_NAME})*$")
_BYLINE = re.compile(r"^(?:by|written by|words by|story by)\s+(?P<who>.+)$", re.I)
_KEY_VALUE = re.compile(r"^[A-Z][\w ]{1,20}:\s+\S.{0,60}$")
# A headline does not end as a sentence does: not on a full stop, even inside closing quotes
# (``He said: “We will go.”`` opens the body).
_TITLE_END_OK = re.compile(r"[^.,;:\"”’'»)\]]$|[^.,;:][\"”’'»)\]]+$")


@dataclass
class Header:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    furniture: list[Furniture] = field(default_factory=list)


def drop_repeated_title(text: str) -> str:
    """A headline copied twice at the top (page title plus on-page headline) is shown once."""
    lines = text.split("\n")
    firsts = [i for i, line in enumerate(lines) if line.strip()][:2]
    if len(firsts) == 2 and lines[firsts[0]].strip() == lines[firsts[1]].strip():
        del lines[firsts[0] + 1 : firsts[1] + 1]
    return "\n".join(lines)


def read_header(text: str, *, title_known: bool = False) -> Header:
    """Read metadata from the lines before the body starts; stop at the first body line."""
    header = Header()
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(start + len(line) - len(line.lstrip()), line.strip()) for start, line in lines]
    lines = [(start, line) for start, line in lines if line]
    _drop_chrome(lines, header)
    if not lines:
        return header
    first = lines[0][1]
    stamp = _STAMPED_TITLE.match(first)
    if stamp and not title_known:
        # "date 2023-05-24 Tina Turner 'Believed …'": a saved page's date stamp glued to its headline
        header.published = stamp.group("date")
        if _looks_like_title(stamp.group("title"), lines[1][1] if len(lines) > 1 else ""):
            header.title = stamp.group("title")
            title_known = True
        elif len(stamp.group("title").split()) <= 3 and not re.search(r"[.!?]", stamp.group("title")):
            # glued to page chrome ("date 2022-09-27 ContributorsPublishers"): the headline is below
            start, line = lines.pop(0)
            header.furniture.append(Furniture(Span(start, start + len(line)), "navigation"))
            _drop_chrome(lines, header)
            if not lines:
                return header
            first = lines[0][1]
    if not title_known and _looks_like_title(first, lines[1][1] if len(lines) > 1 else "") and not _wrapped_on(
        text, lines[0][0] + len(first)
    ):
        header.title = first
    rest = lines[1:] if header.title or title_known else lines
    for start, line in rest[:8]:
        span = Span(start, start + len(line))
        kind = _classify(line, header)
        if kind is None:
            break
        header.furniture.append(Furniture(span, kind))
    return header


_CHROME = re.compile(
    r"^(?:skip to (?:main )?content\b.*|search|menu|main menu|open menu|toggle navigation|navigation|home|sign in|"
    r"log ?in|subscribe|register|latest(?: stories| news)?|breaking news|top stories|sections?|advertisement|"
    r"share|close|live|news|more|trending|popular|world|politics|business|sport|sports|opinion|"
    r"entertainment|technology|tech|health|science|lifestyle|video|videos|photos|local|national)$",
    re.I,
)


_SHOUTED = re.compile(r"^[A-Z][A-Z&'’ -]{2,40}$")  # "SUBSCRIBE NOW SUPPORT US", "TRAVEL NEWS"
_SECTION = re.compile(r"^[A-Z][a-z]+ & [A-Z][a-z]+$")  # "Aerospace & Defense"
_BROWSER = re.compile(r"\bworks better on\b|\bbest possible experience\b|\bupdate your browser\b|"
                      r"\benable javascript\b", re.I)


def _drop_chrome(lines: list[tuple[int, str]], header: Header) -> None:
    """Page chrome above the headline (a skip link, a search box, a section name) is furniture,
    never the title or the outlet."""
    while len(lines) > 1 and (_CHROME.match(lines[0][1]) or _chrome_like(lines[0][1])):
        start, line = lines.pop(0)
        header.furniture.append(Furniture(Span(start, start + len(line)), "navigation"))


def _chrome_like(line: str) -> bool:
    """A line above the headline that is the site's, not the story's: a menu or section set in
    capitals, a section name, a browser notice."""
    breadcrumb = line.count(" > ") >= 2 or line.count(" › ") >= 2  # "Home > Latest News > RBA lifts …"
    return bool((_SHOUTED.match(line) and len(line.split()) <= 5) or _SECTION.match(line) or _BROWSER.search(line)
                or breadcrumb)


_DATE_LABEL = re.compile(r"^(?:date|posted|updated|published|last updated|modified)\b", re.I)
_STAMPED_TITLE = re.compile(r"^date (?P<date>\d{4}-\d{2}-\d{2})\s+(?P<title>\S.*)$")
_NOT_AN_OUTLET = re.compile(r"^(?:AI\s?)?(?:要約|summary|key points|highlights|at a glance|in brief)\s*:?$", re.I)


def _wrapped_on(text: str, line_end: int) -> bool:
    """Whether the line ending at ``line_end`` runs on into the next line (hard-wrapped text):
    then it is the start of a paragraph, never a title."""
    from crosscheck.core.segment import split_paragraphs

    block = text[: text.find("\n\n", line_end) if "\n\n" in text[line_end:] else len(text)]
    paras = split_paragraphs(block)
    return bool(paras) and paras[0].end > line_end


def find_date(line: str) -> tuple[str, re.Match[str]] | None:
    """The first date in ``line`` as ISO ``YYYY-MM-DD``, with the match that gave it."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(line)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
        day, year = int(parts["day"]), int(parts["year"])
        if 1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200:
            return f"{year:04d}-{month:02d}-{day:02d}", m
    return None


def _looks_like_title(line: str, following: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= 200
        and bool(_TITLE_END_OK.search(line))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'«【「" or "\u3040" <= line[0] <= "\u9fff")
        and not _BYLINE.match(line)
        and line != following
    )


_TAGLINE = re.compile(r"^(?P<name>[A-Z][\w.&’' ]{1,40}?)\s+[—–|-]\s+[a-z]")


def _classify(line: str, header: Header) -> str | None:
    pieces = [p.strip() for p in re.split(r"\s[·|•]\s", line) if p.strip()]
    if len(pieces) > 1:  # "Berlin, 11 March 2025 · By Lena Hofstetter": each piece on its own
        kinds = [_classify(piece, header) for piece in pieces]
        return next((k for k in kinds if k in ("byline", "dateline")), kinds[0]) if all(kinds) else None
    words = line.split()
    if line.lower().rstrip(":") in ("by", "from", "posted", "updated", "written by"):
        return "meta"  # "By | 6 Jun 2023": a byline whose name the page left out
    tagline = _TAGLINE.match(line)
    if tagline and not header.outlet and len(tagline.group("name").split()) <= 4:
        header.outlet = tagline.group("name").strip()
        return "outlet"
    by = _BYLINE.match(line)
    if by and len(by.group("who").split()) <= 16:
        # "By A. Writer · The Outlet · 4 March 2026": pieces after the name are outlet or date.
        who, *others = [p.strip() for p in re.split(r"\s[·|•–—]\s|\s{2,}", by.group("who")) if p.strip()]
        dated = find_date(who)
        if dated:
            header.published = header.published or dated[0]
            who = who[: dated[1].start()].rstrip(" ,|·-–—")
        for piece in others:
            found = find_date(piece)
            if found:
                header.published = header.published or found[0]
            elif not header.outlet and len(piece.split()) <= 5:
                header.outlet = piece
        header.author = header.author or _without_job_title(who)
        return "byline"
    dated = find_date(line)
    if dated and len(words) <= 10:
        iso, m = dated
        before = line[: m.start()].strip(" ,|·-–—")
        before = _WEEKDAY.sub("", before).strip(" ,|·-–—")
        header.published = header.published or iso
        if before and not header.outlet and len(before.split()) <= 5 and not re.search(r"\d", before) and (
                before[0].isupper() and not _DATE_LABEL.match(before)):
            header.outlet = before  # "The Herald, 4 March 2026" — but not "date 2024-07-06" or "Posted on …"
        return "dateline"
    is_outlet_name = any(w.lower().strip(".,") in _OUTLET_WORDS for w in words)
    if len(words) <= 14 and not is_outlet_name and _NAME_LIST.match(line) and _is_name_list(line) and not header.author:
        header.author = line
        return "byline"
    if _KEY_VALUE.match(line) and len(words) <= 8:
        return "meta"
    if _CHROME.match(line) or _NOT_AN_OUTLET.match(line):
        return "meta"  # a section name or a summary heading, not the outlet
    capitalised = all(w[0].isupper() or w in {"of", "the", "and", "&"} for w in words)
    if 1 <= len(words) <= 5 and capitalised and not re.search(r"[.!?]$|\d", line):
        if not header.outlet:
            header.outlet = line
            return "outlet"
        return "meta"
    return None


_JOB_WORDS = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|chief|staff|desk|bureau|columnist|contributor)\b", re.I
)


def _without_job_title(who: str) -> str:
    """``Hannah Greaves, Crime Correspondent`` -> ``Hannah Greaves``; a list of names is kept."""
    parts = [p.strip() for p in who.split(",")]
    while len(parts) > 1 and _JOB_WORDS.search(parts[-1]):
        parts.pop()
    return ", ".join(parts)


def _is_name_list(line: str) -> bool:
    """Two to four capitalised words per person: a list of authors, not a short headline."""
    people = [p.strip() for p in re.split(r",\s*and\s+|,|&|\band\b", line) if p.strip()]
    return bool(people) and all(2 <= len(p.split()) <= 4 for p in people) and (
        len(people) > 1 or len(line.split()) <= 3
    )
