"""One entry point for every way an article arrives: file, URL, pasted text.

The CLI and the window both call these functions, so an article looks the same (same text,
same offsets) whichever way it was opened.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from crosscheck.core.model import Furniture, Source
from crosscheck.io import evidence
from crosscheck.io.decode import decode
from crosscheck.io.errors import InputError
from crosscheck.io.fetch import DOCUMENT_TYPES, fetch, is_url, without_credentials
from crosscheck.io.formats import kind_of
from crosscheck.io.html_text import declared_charset, extract_article
from crosscheck.io.markdown_text import looks_like_markdown, markdown_to_text
from crosscheck.io.plaintext import drop_repeated_title, read_header, tidy_lines

MAX_BYTES = 10 * 2**20  # 10 MB: far above any article, far below what would hang the window
MAX_CHARS = 2_000_000  # the same bound on extracted text, for HTML that expands



def load_sources(refs: Iterable[str]) -> list[Source]:
    """Load files and URLs in order, with ids ``s1``, ``s2``… as the JSON contract uses."""
    return [load(ref, f"s{i}") for i, ref in enumerate(refs, 1)]


def load(ref: str, source_id: str) -> Source:
    if is_url(ref):
        return load_url(ref, source_id)
    _refuse_other_links(ref)
    return load_path(ref, source_id)


# A link of another kind: "scheme://…" or one of the schemes written without slashes. A single
# letter before the colon is a Windows drive (C:\), never a scheme.
_OTHER_LINK = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]+):(//|(?<=mailto:)|(?<=data:)|(?<=javascript:)|(?<=tel:))",
                         re.IGNORECASE)


def _refuse_other_links(ref: str) -> None:
    """``ftp://…``, ``mailto:…``, ``file://…`` are links Crosscheck does not open: saying so (and
    which ones it does open) beats "no such file". A file that really has such a name still opens."""
    match = _OTHER_LINK.match(ref)
    if not match or os.path.exists(ref):
        return
    scheme = match.group(1).lower()
    if scheme == "file":
        from urllib.parse import unquote, urlsplit

        raise InputError(f"{ref}: file links are not opened; give the file's path instead: "
                         f"{unquote(urlsplit(ref.strip()).path)}")
    raise InputError(f"{ref}: only http and https links can be opened")


def load_path(path: str | os.PathLike[str], source_id: str) -> Source:
    shown = os.fspath(path)
    p = Path(shown)
    if not p.exists():
        raise InputError(f"{shown}: no such file")
    if p.is_dir():
        raise InputError(f"{shown}: is a folder, not an article")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // 2**20
            raise InputError(f"{shown}: {size / 2**20:.1f} MB is over the {limit} MB limit for one article")
        read_at = evidence.utc_now()
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read it ({exc.strerror or exc})") from None
    kind = kind_of(p.suffix.lower(), data)
    source = load_bytes(data, shown, source_id, kind=kind)
    # The origin is the absolute path: "a.txt" says nothing once the project has moved.
    return replace(source, evidence=evidence.of_bytes(data, os.path.abspath(shown), read_at,
                                                      content_type=evidence.MEDIA_TYPES.get(kind)))


def load_url(url: str, source_id: str) -> Source:
    """A page by its address; the source is named by the address as typed, less any password
    (``user:password@``), which is never kept anywhere."""
    fetched = fetch(url, MAX_BYTES)
    kind = DOCUMENT_TYPES.get(fetched.content_type) or ("html" if "html" in fetched.content_type else (
        "markdown" if "markdown" in fetched.content_type else "text"
    ))
    shown = without_credentials(url)
    source = load_bytes(fetched.data, shown, source_id, kind=kind, charset=fetched.charset, url=fetched.url)
    found = evidence.of_bytes(fetched.data, shown, fetched.read_at or evidence.utc_now(),
                              content_type=fetched.declared or fetched.content_type,
                              final_url=fetched.url, http_status=fetched.status)
    return replace(source, evidence=found, original=fetched.data)


def load_pasted(text: str, source_id: str, name: str = "Pasted text") -> Source:
    """Clipboard text: HTML if it is a page, Markdown if it looks like it, else plain text.
    Held to the same size as a file before anything reads it (a page of 100 MB pasted would
    otherwise be parsed whole before the limit on its text refused it)."""
    read_at = evidence.utc_now()
    size = len(text.encode("utf-8", "replace")) if len(text) > MAX_BYTES // 4 else 0
    if size > MAX_BYTES:
        raise InputError(f"{name}: {size / 2**20:.1f} MB is over the {MAX_BYTES // 2**20} MB limit for one article")
    source = from_text(text.replace("\r\n", "\n").replace("\r", "\n"), name, source_id,
                       kind=kind_of("", text.encode("utf-8", "replace")[:2048]), origin="pasted")
    return replace(source, evidence=evidence.of_pasted(text, read_at))


def load_bytes(
    data: bytes,
    name: str,
    source_id: str,
    *,
    kind: str,
    charset: str | None = None,
    url: str | None = None,
) -> Source:
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: over the {MAX_BYTES // 2**20} MB limit for one article")
    if kind in ("pdf", "docx"):
        return _document(data, name, source_id, kind=kind, url=url)
    declared = charset or (declared_charset(data) if kind == "html" else None)
    decoded = decode(data, name, declared)
    return from_text(decoded.text, name, source_id, kind=kind, url=url, origin="url" if url else None,
                     warnings=decoded.warnings)


def from_text(
    text: str,
    name: str,
    source_id: str,
    *,
    kind: str,
    url: str | None = None,
    origin: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Source:
    """Decoded text to a Source: extraction for HTML, rendering for Markdown, header reading;
    ``warnings`` (how the bytes were read) travel with it."""
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    title = outlet = author = published = None
    if kind == "html":
        page = extract_article(text, name, url)
        text, title, outlet, author, published = page.text, page.title, page.outlet, page.author, page.published
        url = page.url or url
    elif kind == "markdown" or looks_like_markdown(text):
        kind = "markdown"
        text = markdown_to_text(text)
    text = tidy_lines(text)
    if not text.strip():
        raise InputError(f"{name}: the article is empty (no readable text)")
    if len(text) > MAX_CHARS:
        raise InputError(f"{name}: {len(text):,} characters is over the limit of {MAX_CHARS:,} for one article")
    furniture: tuple[Furniture, ...] = ()
    if kind != "html":
        text = drop_repeated_title(text)
        header = read_header(text)
        title, author, outlet, published = header.title, header.author, header.outlet, header.published
        furniture = tuple(header.furniture)
    else:
        furniture = tuple(read_header(text, title_known=bool(title)).furniture)
    return Source(
        id=source_id, path=name, text=text, kind=origin or kind, title=title, outlet=outlet,
        author=author, published=published, url=url, furniture=furniture, warnings=warnings,
    )


def _document(data: bytes, name: str, source_id: str, *, kind: str, url: str | None) -> Source:
    """A PDF or Word document: its own reader gives the text exactly as shown (no tidying or
    header reading after it, so that page starts stay true) and the metadata it states."""
    if kind == "pdf":
        from crosscheck.io.pdf_text import read_pdf

        pdf = read_pdf(data, name, MAX_CHARS)
        return Source(id=source_id, path=name, text=pdf.text, kind=kind, title=pdf.title, author=pdf.author,
                      published=pdf.published, url=url, warnings=pdf.warnings, pages=pdf.pages,
                      furniture=pdf.furniture)
    from crosscheck.io.docx_text import read_docx

    doc = read_docx(data, name, MAX_CHARS)
    return Source(id=source_id, path=name, text=doc.text, kind=kind, title=doc.title, author=doc.author,
                  published=doc.published, url=url, warnings=doc.warnings)
