"""The kinds of input Crosscheck reads, in one table.

Loading (``load.py``), the command line and the window's open dialog all ask this table what a
file is and which files to offer, so a new format is one entry here plus its reader module —
which ``load.py`` imports only when such a file is opened, so that start-up pays only for what
the inputs need.
"""

from __future__ import annotations

from dataclasses import dataclass

PROJECT_SUFFIX = ".crosscheck"


@dataclass(frozen=True)
class Format:
    kind: str  # what ``Source.kind`` says
    name: str  # as the open dialog lists it
    extensions: tuple[str, ...]
    signatures: tuple[bytes, ...] = ()  # how a file begins, when its name does not say (lower case)
    # A document format (bytes, not text): recognised by how it begins only when the name says
    # nothing, never in a file named as text, which is refused as a binary (``decode.py``).
    binary: bool = False


FORMATS = (
    Format("html", "Saved web pages", (".html", ".htm", ".xhtml", ".shtml"),
           (b"<!doctype html", b"<html", b"<?xml")),
    Format("markdown", "Markdown", (".md", ".markdown", ".mdown", ".mkd")),
    Format("text", "Plain text", (".txt", ".text")),
    Format("pdf", "PDF documents", (".pdf",), (b"%PDF-",), binary=True),
    Format("docx", "Word documents", (".docx",), (b"PK\x03\x04",), binary=True),
)
TEXT_EXTENSIONS = next(fmt.extensions for fmt in FORMATS if fmt.kind == "text")


def kind_of(suffix: str, data: bytes) -> str:
    """What a file is: by its name's ending, else by how it begins (a page saved as ".txt" is
    still a page); plain text by default."""
    suffix = suffix.lower()
    for fmt in FORMATS:
        if fmt.kind != "text" and suffix in fmt.extensions:
            return fmt.kind
    if suffix not in TEXT_EXTENSIONS:
        for fmt in FORMATS:
            if fmt.binary and data.startswith(fmt.signatures):
                return fmt.kind
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for fmt in FORMATS:
        if fmt.signatures and not fmt.binary and head.startswith(fmt.signatures):
            return fmt.kind
    if b"<body" in head and b"</" in head:
        return "html"
    return "text"


def open_filter() -> str:
    """The open dialog's file types: every article format and projects, then anything."""
    patterns = " ".join(f"*{ext}" for fmt in FORMATS for ext in fmt.extensions)
    each = ";;".join(f"{fmt.name} ({' '.join('*' + e for e in fmt.extensions)})" for fmt in FORMATS)
    return (f"Articles and projects ({patterns} *{PROJECT_SUFFIX});;{each};;"
            f"Crosscheck projects (*{PROJECT_SUFFIX});;All files (*)")
