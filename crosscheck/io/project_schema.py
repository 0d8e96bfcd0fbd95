"""What a ``.crosscheck`` project may contain, format version by version, and the check that
refuses anything else before a single object is built from it.

A project is a file anyone can hand us, so every field has a type, a range and a size, and
the refusal names the field and the problem (``sources[2].text is 104,857,600 characters, over
the limit of 2,000,000 for one article``). The rules, in short:

- Numbers are finite (the parser already refused ``NaN`` and ``Infinity``, see
  ``strict_json``); offsets and counts are whole numbers (``true`` is not one), ``0 <= start <=
  end``; furniture lies inside its own source's text.
- A flag's or correction's anchor is *not* checked against the text of the source it names: an
  anchor outlives its article (closed, it is shown orphaned) and an id can later name another
  article, so a legitimately saved anchor may point past a text of today. Its span is bounded by
  the article limit instead, and ``flags.place`` finds it by its words, never trusting the span.
- Ids are unique among sources, among flags and among corrections.
- Sizes are bounded: an article's text by the same limit as a loaded article
  (``load.MAX_CHARS``), the number of sources, flags, corrections, anchors and furniture, and
  every other string by a limit far above what Crosscheck itself writes.
- ``null`` for an optional field means "absent"; a field Crosscheck does not know is ignored
  (top-level ones are kept, as the format promises), after ``strict_json`` bounded its depth.

Why plain Python and not JSON Schema (the ``jsonschema`` package): the checks that matter most
are not expressible in it — an offset inside *its own* source's text, a limit whose message says
"for one article" — so custom code would surround it anyway; its messages (``-5 is less than the
minimum of 0``, with the path as a deque) would need rewriting into one line a reader can act
on; and it brings its own dependencies (``attrs``, ``referencing``, the compiled ``rpds-py``) for
what is a page of tables here. The tables below are declarative — one ``Record`` per kind of
object — so every field of both formats is listed in one place, next to its limit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from crosscheck.core.config import Settings
from crosscheck.core.flags import SEVERITIES, STATUSES
from crosscheck.io.evidence import COMPRESSION, is_read_at, is_sha256, packed_limit
from crosscheck.io.load import MAX_BYTES, MAX_CHARS
from crosscheck.io.strict_json import format_path

MAX_SOURCES = 2_000  # twice the largest comparison benchmarked (bench/scale.py 1000)
MAX_FLAGS = 100_000  # flags and corrections are made one keystroke at a time
MAX_CORRECTIONS = 100_000
MAX_ANCHORS = 20_000  # a flag on a group: a passage or a few from each source
MAX_FURNITURE = 10_000  # bylines, datelines… of one article
MAX_WARNINGS = 100  # an article's decoding warnings: a guessed encoding, replaced bytes (two today)
MAX_PAGES = 100_000  # pages of one document (a PDF), far above any report's
MAX_READ = 2**32  # bytes an evidence record may say were read: far above any article we accept

ID = 200  # "s12", "f-1a2b3c4d5e"
WORD = 200  # kinds, severities, statuses, actions, timestamps
LABEL = 1_000  # a category, which the user may type
LINE = 100_000  # titles, outlets, paths, URLs, group labels: far above any real one
NOTE = 1_000_000

Path = tuple[str | int, ...]


class SchemaError(ValueError):
    """A value the format does not allow; ``where`` is its path (``flags[3].anchors[0].start``)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where} {problem}" if where else problem)
        self.where = where
        self.problem = problem


def _fail(path: Path, problem: str) -> SchemaError:
    return SchemaError(format_path(path), problem)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "…")


# ---------------------------------------------------------------- the kinds of value


@dataclass(frozen=True)
class Text:
    limit: int
    required: bool = False
    choices: tuple[str, ...] = ()
    non_blank: bool = False
    of: str = ""  # what the limit is for, when the message should say ("for one article")

    def check(self, value: Any, path: Path) -> None:
        if not isinstance(value, str):
            raise _fail(path, f"is {_kind(value)}, not text")
        if len(value) > self.limit:
            raise _fail(path, f"is {len(value):,} characters, over the limit of {self.limit:,}{self.of}")
        if self.choices and value not in self.choices:
            raise _fail(path, f"is {_shown(value)}; it must be one of: {', '.join(self.choices)}")
        if self.non_blank and not value.strip():
            raise _fail(path, "is empty")


@dataclass(frozen=True)
class Whole:
    """A whole number in ``[low, high]``: offsets and counts (never ``true``, never ``1.0``)."""

    low: int
    high: int
    required: bool = False

    def check(self, value: Any, path: Path) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, f"is {_kind(value)}, not a whole number")
        if value < self.low:
            raise _fail(path, f"is {value:,}; it cannot be below {self.low:,}")
        if value > self.high:
            raise _fail(path, f"is {value:,}, over the limit of {self.high:,}")


@dataclass(frozen=True)
class Number:
    """A finite number in ``[low, high]`` (the parser refused the non-finite ones already)."""

    low: float
    high: float
    required: bool = False

    def check(self, value: Any, path: Path) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(path, f"is {_kind(value)}, not a number")
        if value != value or not self.low <= value <= self.high:  # NaN fails both comparisons
            raise _fail(path, f"is {value}; it must be between {self.low} and {self.high}")


@dataclass(frozen=True)
class Many:
    """A list of at most ``limit`` items; ``unique`` names a key no two items may share."""

    item: Spec
    limit: int
    required: bool = False
    unique: str = ""

    def check(self, value: Any, path: Path) -> None:
        if not isinstance(value, list):
            raise _fail(path, f"is {_kind(value)}, not a list")
        if len(value) > self.limit:
            raise _fail(path, f"has {len(value):,} entries, over the limit of {self.limit:,}")
        for i, item in enumerate(value):
            self.item.check(item, (*path, i))
        if self.unique:
            first: dict[Any, int] = {}
            for i, item in enumerate(value):
                key = item.get(self.unique)
                if key is not None and key in first:
                    noun = str(path[-1]) if path else "items"
                    raise _fail((*path, i, self.unique),
                                f"is {_shown(str(key))}, as is {format_path((*path, first[key], self.unique))}: "
                                f"two {noun} share an id")
                first.setdefault(key, i)


Check = Callable[[dict[str, Any], Path], None]  # a rule across fields; raises SchemaError


@dataclass(frozen=True)
class Record:
    """An object: its known fields (others are ignored) and the rules that span several."""

    fields: Mapping[str, Spec]
    checks: tuple[Check, ...] = ()
    required: bool = False

    def check(self, value: Any, path: Path) -> None:
        if not isinstance(value, dict):
            raise _fail(path, f"is {_kind(value)}, not an object")
        for key, spec in self.fields.items():
            got = value.get(key)
            if got is None:  # null is absent
                if spec.required:
                    raise _fail((*path, key), "is missing")
                continue
            spec.check(got, (*path, key))
        for rule in self.checks:
            rule(value, path)


Spec = Text | Whole | Number | Many | Record


# ---------------------------------------------------------------- rules across fields


def _ordered(record: dict[str, Any], path: Path) -> None:
    start, end = record.get("start"), record.get("end")
    if start is not None and end is not None and start > end:
        raise _fail((*path, "start"), f"is {start:,}, after its end ({end:,})")


def _furniture_inside_text(source: dict[str, Any], path: Path) -> None:
    size = len(source["text"])
    for i, item in enumerate(source.get("furniture") or ()):
        if item["end"] > size:
            raise _fail((*path, "furniture", i, "end"),
                        f"is {item['end']:,}, past the end of the source's text ({size:,} characters)")


def _pages_inside_text(source: dict[str, Any], path: Path) -> None:
    """Where each page begins: the first at 0, in order (an empty page begins where the next
    does), none past the end of the text — so every offset has its page."""
    pages = source.get("pages") or ()
    size = len(source["text"])
    if pages and pages[0] != 0:
        raise _fail((*path, "pages", 0), f"is {pages[0]:,}; the first page begins at 0")
    for i in range(1, len(pages)):
        if pages[i] < pages[i - 1]:
            raise _fail((*path, "pages", i), f"is {pages[i]:,}, before the page above it ({pages[i - 1]:,})")
    if pages and pages[-1] > size:
        raise _fail((*path, "pages", len(pages) - 1),
                    f"is {pages[-1]:,}, past the end of the source's text ({size:,} characters)")


def _evidence_form(record: dict[str, Any], path: Path) -> None:
    if not is_read_at(record["read_at"]):
        raise _fail((*path, "read_at"), f"is {_shown(record['read_at'])}, not a UTC time as 2026-11-29T20:15:03Z")
    if not is_sha256(record["sha256"]):
        raise _fail((*path, "sha256"), f"is {_shown(record['sha256'])}, not 64 lower-case hexadecimal digits")


_PASSAGE_V1 = ("source", "start", "end", "text")


def _one_passage_v1(flag: dict[str, Any], path: Path) -> None:
    """A format-1 flag carried its passage as four fields on itself: all four, or none."""
    present = [k for k in _PASSAGE_V1 if flag.get(k) is not None]
    if present and len(present) < len(_PASSAGE_V1) and "anchors" not in flag:
        missing = next(k for k in _PASSAGE_V1 if k not in present)
        raise _fail((*path, missing), f"is missing (the flag's passage has {', '.join(present)})")
    _ordered(flag, path)


# ---------------------------------------------------------------- the format

OFFSET = Whole(0, MAX_CHARS, required=True)
ARTICLE = " for one article"

SETTINGS = Record({
    f.name: Whole(0, 1_000) if f.type == "int" else Number(0.0, 1.0)  # every threshold is a share or a score
    for f in fields(Settings)
})

FURNITURE = Record({"start": OFFSET, "end": OFFSET, "kind": Text(WORD)}, checks=(_ordered,))

# What was read, from where and when (io/evidence.py): made when the article was read, never again.
EVIDENCE = Record({
    "origin": Text(LINE, required=True), "read_at": Text(WORD, required=True),
    "sha256": Text(WORD, required=True), "size": Whole(0, MAX_READ, required=True),
    "final_url": Text(LINE), "http_status": Whole(100, 599), "content_type": Text(LINE),
}, checks=(_evidence_form,))

# A fetched page's bytes, packed (io/evidence.py). Only the sizes are checked here, before
# anything is decompressed; the project unpacks it within the size it states (a bomb stops there)
# and checks it against its evidence's SHA-256.
ORIGINAL = Record({
    "compression": Text(WORD, required=True, choices=(COMPRESSION,)),
    "size": Whole(0, MAX_BYTES, required=True),
    "data": Text(packed_limit(MAX_BYTES), required=True),
})

SOURCE = Record({
    "id": Text(ID, required=True),
    "path": Text(LINE), "kind": Text(WORD), "title": Text(LINE), "outlet": Text(LINE), "author": Text(LINE),
    "published": Text(LINE), "url": Text(LINE),
    "text": Text(MAX_CHARS, required=True, non_blank=True, of=ARTICLE),
    "furniture": Many(FURNITURE, MAX_FURNITURE),
    "warnings": Many(Text(LINE), MAX_WARNINGS),  # how the article's bytes were read (io/decode.py)
    "evidence": EVIDENCE,
    "pages": Many(Whole(0, MAX_CHARS), MAX_PAGES),  # where each page begins, for documents with pages
    "original": ORIGINAL,
}, checks=(_furniture_inside_text, _pages_inside_text))

ANCHOR = Record({
    "source": Text(ID, required=True), "start": OFFSET, "end": OFFSET,
    "text": Text(MAX_CHARS, required=True, of=ARTICLE),
    "before": Text(LINE), "after": Text(LINE), "source_path": Text(LINE),
}, checks=(_ordered,))

_FLAG_FIELDS: dict[str, Spec] = {
    "id": Text(ID, required=True),
    "anchors": Many(ANCHOR, MAX_ANCHORS),
    "category": Text(LABEL), "severity": Text(WORD, choices=SEVERITIES), "status": Text(WORD, choices=STATUSES),
    "note": Text(NOTE), "group_label": Text(LINE), "finding": Text(LINE),
    "created": Text(WORD), "modified": Text(WORD),
}
FLAG = Record(_FLAG_FIELDS)

CORRECTION = Record({
    "id": Text(ID, required=True),
    "action": Text(WORD, required=True, choices=("link", "unlink")),
    "anchors": Many(ANCHOR, MAX_ANCHORS, required=True),
    "created": Text(WORD),
})

# The window's own top-level fields (kept as "extra" by the project, read by the document).
UI = Record({"order": Many(Text(ID), MAX_SOURCES)})

_PROJECT_FIELDS: dict[str, Spec] = {
    "generator": Text(LINE),
    "settings": SETTINGS,
    "reference": Text(ID),
    "sources": Many(SOURCE, MAX_SOURCES, required=True, unique="id"),
    "flags": Many(FLAG, MAX_FLAGS, unique="id"),
    "corrections": Many(CORRECTION, MAX_CORRECTIONS, unique="id"),
    "ui": UI,
    "recovery_of": Text(LINE),
}
PROJECT_V2 = Record(_PROJECT_FIELDS)

# Format 1 (0.1 previews): a flag's one passage as source/start/end/text on the flag itself.
FLAG_V1 = Record({**_FLAG_FIELDS, "source": Text(ID), "start": Whole(0, MAX_CHARS), "end": Whole(0, MAX_CHARS),
                  "text": Text(MAX_CHARS, of=ARTICLE)}, checks=(_one_passage_v1,))
PROJECT_V1 = Record({**_PROJECT_FIELDS, "flags": Many(FLAG_V1, MAX_FLAGS, unique="id")})

SCHEMAS: dict[int, Record] = {1: PROJECT_V1, 2: PROJECT_V2}


def validate(data: dict[str, Any], version: int) -> None:
    """Raise :class:`SchemaError` for the first value format ``version`` does not allow.

    ``format`` and ``version`` themselves are the caller's to check: they decide which
    schema applies (and a newer version's file is refused before its content is looked at)."""
    SCHEMAS[version].check(data, ())

