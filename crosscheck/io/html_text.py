"""Saved web pages to article text plus the metadata the page states.

trafilatura is the field's reference extractor: it drops navigation, share bars, related links,
footers, scripts and styles, and reads title, site name, author and date from the page's
metadata (Open Graph, JSON-LD, meta tags) through htmldate.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from crosscheck.io.errors import InputError


@lru_cache(maxsize=1)
def _config():
    """trafilatura, imported on the first web page (plain text and Markdown never pay for it).
    Its default extraction timeout uses signals, which only work on the main thread; analysis
    runs in a worker thread, so it is off (the size cap bounds the work instead)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config

_MIN_PROSE_WORDS = 5
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its first bytes (``<meta charset>`` or http-equiv)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


# trafilatura parses with module-level lxml parsers, which are not safe to use from two threads
# at once (it crashes the interpreter); pages are extracted one at a time.
_EXTRACTING = threading.Lock()


def extract_article(html: str, name: str, url: str | None = None) -> Extracted:
    with _EXTRACTING:
        return _extract(html, name, url)


def _extract(html: str, name: str, url: str | None) -> Extracted:
    import trafilatura

    doc = None
    for recall in (False, True):
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=recall, config=_config(),
        )
        if doc is not None and _has_prose(doc.text, doc.title):
            break
    else:
        raise InputError(f"{name}: no article text found in this page")
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    title = _clean(doc.title)
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return Extracted(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=_clean(doc.sitename),
        author=_clean(doc.author),
        published=_clean(doc.date),
        url=_clean(doc.url) or url,
    )


def _has_prose(text: str | None, title: str | None) -> bool:
    """At least one paragraph besides the headline is more than a few words.

    When a page's main content is short, trafilatura falls back to the whole page's text, so a
    page of nothing but menus comes back as "Home / News / Sport", which is not an article.
    """
    title = _clean(title)
    return any(len(p.split()) >= _MIN_PROSE_WORDS for p in (text or "").split("\n") if p.strip() != title)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
