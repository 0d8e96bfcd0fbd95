"""The text layer of a PDF, page by page, so that a passage of a statement or a ruling can be
cited by its page.

pypdf reads the file (pure Python, nothing downloaded); this module decides what the reader is
shown: each page's text as extracted (wrapped lines left as they are: the engine reflows them),
words hyphenated across a line end joined, and the offset where each page begins. Offsets are
computed on the finished text, so every span points into exactly what is shown.

A PDF can be hostile or just huge: pages, characters, the content of one page and the time
spent are all capped, and the reader is told what was left out.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from io import BytesIO

from crosscheck.core.model import Furniture, Span
from crosscheck.io.errors import InputError
from crosscheck.io.plaintext import tidy_lines

MAX_PAGES = 2_000  # a 300-page ruling is long; 10,000 pages is not something to compare
MAX_PAGE_CONTENT = 2 * 2**20  # bytes of drawing instructions on one page (~3 s to read at most)
TIME_BUDGET = 20.0  # seconds for the whole document, checked between pages

# pypdf reports what it repairs through logging; the reader gets our one line instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Typeset PDFs draw "fi", "ffl"… as one glyph; a quote is compared with outlets' plain letters.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
# A word broken at a line end: letters, a hyphen (or a soft hyphen), then letters in lower case.
_BROKEN = re.compile(r"(?P<left>[^\W\d_]+)(?P<mark>[-\u00ad])\n(?P<pad>[ \t]*)(?P<right>[^\W\d_]+)[ \t]*")
_RUNS_ON = re.compile(r"[^\W\d_],?$")  # a page ending on a word or a comma, not a sentence's end


@dataclass(frozen=True)
class PdfText:
    """What a PDF says, ready to be a ``Source``: text, page starts, metadata, warnings."""

    text: str
    pages: tuple[int, ...]  # offset in ``text`` where each page begins (page n+1 at pages[n])
    title: str | None
    author: str | None
    published: str | None  # the document's creation date, ISO 8601 ("2026-11-29"), when it states one
    warnings: tuple[str, ...]
    furniture: tuple[Furniture, ...] = ()  # running headers and footers (page furniture)


def read_pdf(data: bytes, name: str, max_chars: int) -> PdfText:
    """The text layer of ``data``; refuses scans, locked and damaged files with one line."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = pypdf.PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not _unlock(reader):
            raise InputError(f"{name}: this PDF is protected by a password; save an unprotected copy first")
        total = len(reader.pages)
    except InputError:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise InputError(f"{name}: this PDF is encrypted and cannot be opened here; "
                         "save an unprotected copy first") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files; the user gets one line
        raise InputError(f"{name}: this PDF is damaged and cannot be read ({_short(exc)})") from None
    if total == 0:
        raise InputError(f"{name}: this PDF has no pages")

    texts: list[str] = []
    warnings: list[str] = []
    skipped: list[int] = []
    blank: list[int] = []
    chars = 0
    started = time.monotonic()
    for number in range(1, min(total, MAX_PAGES) + 1):
        if time.monotonic() - started > TIME_BUDGET:
            warnings.append(f"only the first {number - 1:,} of {total:,} pages were read (time limit)")
            break
        try:
            page = reader.pages[number - 1]
            contents = page.get_contents()
            if contents is not None and len(contents.get_data()) > MAX_PAGE_CONTENT:
                skipped.append(number)
                texts.append("")
                continue
            text = _clean(page.extract_text(extraction_mode="plain") or "")
        except Exception as exc:  # one bad page is reported, not the whole document lost
            if number == 1 and total == 1:
                raise InputError(f"{name}: this PDF is damaged and cannot be read ({_short(exc)})") from None
            warnings.append(f"page {number} could not be read ({_short(exc)}) and is left out")
            text = ""
        if chars + len(text) > max_chars:
            if not chars:
                raise InputError(f"{name}: page {number} alone has {len(text):,} characters, "
                                 f"over the limit of {max_chars:,} for one source")
            warnings.append(f"only the first {number - 1:,} of {total:,} pages were read "
                            f"(the limit of {max_chars:,} characters)")
            break
        if not text.strip():
            blank.append(number)
        texts.append(text)
        chars += len(text)
    else:
        if total > MAX_PAGES:
            warnings.append(f"only the first {MAX_PAGES:,} of {total:,} pages were read (the page limit)")

    if not any(t.strip() for t in texts):
        if skipped:
                raise InputError(f"{name}: this PDF's pages are too large to read ({_pages(skipped)})")
        if len(texts) < min(total, MAX_PAGES):  # the time ran out before any page had text
            raise InputError(f"{name}: no text found in the first {len(texts):,} pages before the time limit")
        raise InputError(f"{name}: this PDF has no text layer (a scan?); run it through OCR first")
    if skipped:
        warnings.append(f"{_pages(skipped)}: too large to read, left out")
    if blank:
        warnings.append(f"{_pages(blank)}: no text (images or a scan?), shown empty")
    text, pages = _assemble(_join_hyphens(texts))
    title, author, published = _metadata(reader)
    return PdfText(text, pages, title, author, published, tuple(warnings), running_lines(text, pages))


EDGE_LINES = 2  # lines at the top and at the bottom of a page where running heads and feet sit


def running_lines(text: str, pages: tuple[int, ...]) -> tuple[Furniture, ...]:
    """Running headers and footers — a title, a date, "Page 3 of 12" — printed on most pages:
    page furniture, kept in the text as the page shows it but never read as a claim. A line
    counts when the same words (numbers aside) stand among the first or last lines of at least
    three pages and of most of them."""
    if len(pages) < 3:
        return ()
    bounds = [*pages[1:], len(text)]
    edges: list[list[tuple[str, Span, str]]] = []
    for start, end in zip(pages, bounds, strict=True):
        lines = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", text[start:end])
                 if m.group().strip()]
        picked = [(a, b, "page-header") for a, b in lines[:EDGE_LINES]]
        picked += [(a, b, "page-footer") for a, b in lines[max(EDGE_LINES, len(lines) - EDGE_LINES):]]
        edges.append([(_shape(text[a:b]), Span(a, b), kind) for a, b, kind in picked])
    seen: dict[str, int] = {}
    for page in edges:
        for shape in {shape for shape, _, _ in page}:
            seen[shape] = seen.get(shape, 0) + 1
    enough = max(3, (len(pages) + 1) // 2 + 1 if len(pages) > 3 else 3)
    running = {shape for shape, n in seen.items() if n >= enough and shape}
    return tuple(Furniture(span, kind) for page in edges for shape, span, kind in page if shape in running)


def _shape(line: str) -> str:
    """A line as a running head repeats it: numbers (page, date) and spacing set aside."""
    return " ".join(re.sub(r"\d+", "#", line.lower()).split())


def _unlock(reader: object) -> bool:
    """Many PDFs are encrypted only to restrict printing: they open with an empty password."""
    from pypdf import PasswordType

    return reader.decrypt("") != PasswordType.NOT_DECRYPTED  # type: ignore[attr-defined]


def _clean(text: str) -> str:
    """Line ends unified, control characters dropped, ligatures spelt out, trailing spaces and
    runs of blank lines removed: the noise of extraction, done before any offset is counted."""
    return tidy_lines(_CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).translate(_LIGATURES))


def _join_hyphens(texts: list[str]) -> list[str]:
    """Join words broken across a line end ("state-" / "ment" → "statement"), moving the rest
    of the word up so the next line keeps its own break.

    A hyphen at a line end is usually the typesetter's, but it may belong to the word
    ("so-called"). The document decides: a form it uses elsewhere wins; a soft hyphen is always
    the typesetter's; otherwise the hyphen is dropped.
    """
    whole = "\n".join(texts).lower()
    words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", whole))

    def join(m: re.Match[str]) -> str:
        left, right = m.group("left"), m.group("right")
        if not right[0].islower():  # "Smith-" / "Jones": a name pair, or a list; not a broken word
            return m.group()
        keep = m.group("mark") == "-" and f"{left}-{right}".lower() in words and f"{left}{right}".lower() not in words
        word = f"{left}{'-' if keep else ''}{right}"
        rest = m.string[m.end():m.end() + 1]
        # The next line goes on after the fragment; a line that was only the fragment is gone.
        return word if rest in ("", "\n") else f"{word}\n{m.group('pad')}"

    return [_BROKEN.sub(join, t) for t in texts]


def _assemble(texts: list[str]) -> tuple[str, tuple[int, ...]]:
    """One text with the offset where each page begins. A sentence running over a page break
    (the page ends on a word, the next begins in lower case) is joined by a single line break,
    so that a quote split by the page is still one passage; otherwise a blank line separates
    the pages, so that a page's heading is never read into the text before it."""
    parts: list[str] = []
    pages: list[int] = []
    length = 0
    for text in texts:
        text = text.lstrip("\n").rstrip()
        if text and length:
            sep = "\n" if _RUNS_ON.search(parts[-1]) and text.lstrip()[:1].islower() else "\n\n"
            parts.append(sep)
            length += len(sep)
        pages.append(length)
        if text:
            parts.append(text)
            length += len(text)
    return "".join(parts), tuple(pages)


def _metadata(reader: object) -> tuple[str | None, str | None, str | None]:
    """Title, author and creation date from the document's information, when it states them."""
    try:
        info = reader.metadata  # type: ignore[attr-defined]
        if info is None:
            return None, None, None
        title, author = _plain(info.get("/Title")), _plain(info.get("/Author"))
        try:
            created = info.creation_date
        except Exception:  # a malformed date is no date
            created = None
    except Exception:
        return None, None, None
    # The date as the document states it (its own time zone): what a reader of the PDF sees.
    return title, author, created.date().isoformat() if created is not None else None


def _plain(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    return text[:500] or None


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10]) + ("…" if len(numbers) > 10 else "")
    return f"page {shown}" if len(numbers) == 1 else f"pages {shown}"


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"
