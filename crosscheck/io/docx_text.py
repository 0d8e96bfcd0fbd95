"""The text of a Word ``.docx`` file: its paragraphs and tables in order, and who wrote it.

Read with the standard library (``zipfile`` and the expat parser) rather than python-docx: the
text is one walk over ``word/document.xml`` (python-docx lists paragraphs and tables separately,
so their order would have to be rebuilt from the XML anyway), and reading the parts ourselves is
what lets every size be checked before it is read. Headers, footers, footnotes and comments are
other parts and are left out; tracked deletions are left out, insertions kept, as Word shows
the document once changes are accepted.

A ``.docx`` is a ZIP of XML, so it can be a bomb: the sizes the ZIP directory declares are
checked before anything is unpacked, unpacking stops at a bound whatever they claim, and an
XML part with a document type declaration (the only way to define entities: "billion laughs",
external files) is refused, since Word never writes one.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from xml.parsers import expat

from crosscheck.io.errors import InputError

MAX_PART = 64 * 2**20  # unpacked bytes of document.xml: markup is ~10-30x the text it holds
MAX_CORE = 2**20  # docProps/core.xml holds a few names and dates
_CHUNK = 2**20

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_SEP = "}"  # expat's namespace separator: names arrive as "uri}local"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class DocxText:
    """What a .docx says, ready to be a ``Source``."""

    text: str
    title: str | None
    author: str | None
    published: str | None  # the document's creation date ("2026-11-29"), when it states one
    warnings: tuple[str, ...] = ()


def read_docx(data: bytes, name: str, max_chars: int) -> DocxText:
    """Paragraphs (table cells' too) in document order, one blank line apart."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(f"{name}: not a Word .docx file (damaged, or an old .doc or encrypted file)") from None
    if "word/document.xml" not in names:
        what = "an OpenDocument file" if "content.xml" in names else "a ZIP archive"
        raise InputError(f"{name}: this is {what}, not a Word .docx document; save it as .docx or PDF")
    body = _Body(name, max_chars)
    _parse(archive, "word/document.xml", MAX_PART, body, name)
    text = "\n\n".join(body.paragraphs)
    if not text.strip():
        raise InputError(f"{name}: the document is empty (no text in its paragraphs or tables)")
    core = _Core()
    if "docProps/core.xml" in names:
        try:
            _parse(archive, "docProps/core.xml", MAX_CORE, core, name)
        except InputError:  # the text is what matters; a damaged property sheet is no metadata
            core = _Core()
    created = _DATE.match(core.values.get("created", ""))
    return DocxText(text, core.values.get("title") or None, core.values.get("creator") or None,
                    created.group() if created else None)


def _parse(archive: zipfile.ZipFile, part: str, limit: int, handler: _Handler, name: str) -> None:
    """Stream one XML part through expat, never unpacking more than ``limit`` bytes."""
    info = archive.getinfo(part)
    if info.file_size > limit:
        raise InputError(f"{name}: {part} unpacks to {info.file_size / 2**20:,.0f} MB, over the "
                         f"{limit // 2**20} MB limit (a damaged or hostile file?)")
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_doctype
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    parser.buffer_text = True
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limit:  # the directory lied about the size
                    raise InputError(f"{name}: {part} unpacks to more than {limit // 2**20} MB (a hostile file?)")
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Refused as exc:
        raise InputError(f"{name}: {exc}") from None
    except expat.ExpatError as exc:
        raise InputError(f"{name}: {part} is damaged ({expat.ErrorString(exc.code)}, line {exc.lineno})") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(f"{name}: {part} cannot be unpacked ({exc})") from None


class _Refused(Exception):
    """Raised from inside expat's callbacks; becomes an InputError with the file's name."""


def _no_doctype(*_: object) -> None:
    raise _Refused("the document declares a document type or entities, which Word never writes; refused")


class _Handler:
    def start(self, tag: str, attrs: dict[str, str]) -> None: ...
    def end(self, tag: str) -> None: ...
    def data(self, text: str) -> None: ...


@dataclass
class _Body(_Handler):
    """Collects paragraphs: ``w:t`` text, tabs and breaks, one string per ``w:p``."""

    name: str
    max_chars: int
    paragraphs: list[str] = field(default_factory=list)
    reading: list[list[str]] = field(default_factory=list)  # paragraphs being read (text boxes nest)
    in_text: bool = False
    fallback: int = 0  # depth inside mc:Fallback, which repeats what mc:Choice holds
    chars: int = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == f"{_MC}{_SEP}Fallback" or self.fallback:
            self.fallback += 1
            return
        if not tag.startswith(_W):
            return
        local = tag[len(_W) + 1:]
        if local == "p":
            self.reading.append([])
        elif local == "t" and self.reading:
            self.in_text = True
        elif self.reading and local == "tab":
            self.reading[-1].append("\t")
        elif self.reading and local in ("br", "cr"):
            self.reading[-1].append("\n")
        elif self.reading and local == "noBreakHyphen":
            self.reading[-1].append("-")

    def end(self, tag: str) -> None:
        if self.fallback:
            self.fallback -= 1
            return
        if tag == f"{_W}{_SEP}t":
            self.in_text = False
        elif tag == f"{_W}{_SEP}p" and self.reading:
            text = "\n".join(line.rstrip() for line in "".join(self.reading.pop()).split("\n")).strip()
            if text:
                self.chars += len(text) + 2
                if self.chars > self.max_chars:
                    raise _Refused(f"over the limit of {self.max_chars:,} characters for one source")
                self.paragraphs.append(text)

    def data(self, text: str) -> None:
        if self.in_text and not self.fallback and self.reading:
            self.reading[-1].append(text)


@dataclass
class _Core(_Handler):
    """The core properties: dc:title, dc:creator, dcterms:created."""

    values: dict[str, str] = field(default_factory=dict)
    current: str | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        uri, _, local = tag.rpartition(_SEP)
        wanted = (uri == _DC and local in ("title", "creator")) or (uri == _DCTERMS and local == "created")
        self.current = local if wanted else None

    def end(self, tag: str) -> None:
        if self.current:
            self.values[self.current] = " ".join(self.values.get(self.current, "").split())[:500]
        self.current = None

    def data(self, text: str) -> None:
        if self.current:
            self.values[self.current] = self.values.get(self.current, "") + text
