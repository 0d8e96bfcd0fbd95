"""Projects: one ``.crosscheck`` JSON file with everything needed to reopen a session.

The file holds the sources' shown text and metadata (so it opens without the original files or
the network), the analysis settings, the reference source, the user's flags and manual
alignment corrections, and a format version. Saves are atomic; a damaged, hand-broken or newer
file is refused with a clear message and left untouched; older formats are migrated step by
step. The format is documented in ``docs/project-format.md``.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from crosscheck import __version__
from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.flags import Anchor, Correction, Flag
from crosscheck.core.model import Evidence, Furniture, Source, Span
from crosscheck.io import evidence
from crosscheck.io.atomic import atomic_write_bytes
from crosscheck.io.errors import InputError
from crosscheck.io.formats import PROJECT_SUFFIX

FORMAT = "crosscheck-project"
VERSION = 2
SUFFIX = PROJECT_SUFFIX
MAX_PROJECT_BYTES = 200 * 2**20


class ProjectError(InputError):
    """A project file that cannot be opened; the message says why, the file is left as it was."""


@dataclass
class Project:
    sources: list[Source]
    settings: Settings = DEFAULT
    reference: str | None = None
    flags: list[Flag] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # fields of newer minor versions, kept as they were


# ---------------------------------------------------------------- writing


def to_json(project: Project) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"crosscheck {__version__}",
        "settings": project.settings.as_dict(),
        "reference": project.reference,
        "sources": [_source_json(s) for s in project.sources],
        "flags": [_flag_json(f) for f in project.flags],
        "corrections": [
            {"id": c.id, "action": c.action, "created": c.created, "anchors": [asdict(a) for a in c.anchors]}
            for c in project.corrections
        ],
        **project.extra,
    }


def _source_json(s: Source) -> dict[str, Any]:
    return {
        "id": s.id, "path": s.path, "kind": s.kind, "title": s.title, "outlet": s.outlet,
        "author": s.author, "published": s.published, "url": s.url, "text": s.text,
        "furniture": [{"start": f.span.start, "end": f.span.end, "kind": f.kind} for f in s.furniture],
        **({"warnings": list(s.warnings)} if s.warnings else {}),  # how its bytes were read (io/decode.py)
        # what was read, from where and when: carried as it was made, never stamped again
        **({"evidence": asdict(s.evidence)} if s.evidence else {}),
        **({"pages": list(s.pages)} if s.pages else {}),
        **({"original": {"compression": evidence.COMPRESSION, "size": len(s.original),
                         "data": evidence.pack(s.original)}} if s.original is not None else {}),
    }


def _flag_json(f: Flag) -> dict[str, Any]:
    data = asdict(f)
    data["anchors"] = [asdict(a) for a in f.anchors]
    return data


def save(project: Project, path: str | Path) -> tuple[str, ...]:
    """Write atomically: a crash or a full disk mid-save leaves the previous file intact.

    Never writes a project that ``load`` would refuse as too large: when the kept originals of
    fetched pages would take it over the limit, they are left out (the text, the evidence and its
    hashes stay) and the returned note says so; when the articles alone are too much, nothing is
    written. Returns what the user must be told."""
    data = to_json(project)
    payload = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    notes: tuple[str, ...] = ()
    if len(payload) > MAX_PROJECT_BYTES:
        kept = [s for s in data["sources"] if s.pop("original", None) is not None]
        payload = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        if len(payload) > MAX_PROJECT_BYTES:
            raise ProjectError(f"{path}: the project would be {len(payload) / 2**20:.0f} MB, over the limit of "
                               f"{MAX_PROJECT_BYTES // 2**20} MB for a project; nothing was written")
        notes = (f"the original pages of {len(kept)} fetched article(s) were left out of {Path(path).name}: "
                 f"with them it would be over the {MAX_PROJECT_BYTES // 2**20} MB a project may be "
                 "(their text, addresses and SHA-256 are kept)",)
    try:
        atomic_write_bytes(path, payload)  # (encoded once: measured and written)
    except OSError as exc:
        raise ProjectError(f"{path}: could not save ({exc.strerror or exc}); the previous file is unchanged") from None
    return notes


# ---------------------------------------------------------------- reading


def load(path: str | Path) -> Project:
    """Read and check a project; any damage is a :class:`ProjectError` and the file is only read.

    The order matters for hostile files: the size before reading, the parser's own limits
    (``strict_json``: no NaN or Infinity, no duplicated keys, bounded nesting) before anything
    looks at the content, the format's schema before anything is built from it."""
    from crosscheck.io import strict_json  # the checks load with the first project, not at start-up

    p = Path(path)
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder, or a pipe that would never end
            raise ProjectError(f"{p}: not a project file")
        if info.st_size > MAX_PROJECT_BYTES:
            raise ProjectError(_too_large(p, info.st_size))
        with p.open("rb") as handle:
            raw = handle.read(MAX_PROJECT_BYTES + 1)  # no more, even if it grew since
        if len(raw) > MAX_PROJECT_BYTES:
            raise ProjectError(_too_large(p, len(raw)))
    except FileNotFoundError:
        raise ProjectError(f"{p}: no such project") from None
    except OSError as exc:
        raise ProjectError(f"{p}: cannot read it ({exc.strerror or exc})") from None
    try:
        data = strict_json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProjectError(f"{p}: not a Crosscheck project (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{p}: the project is damaged or truncated (JSON error at line {exc.lineno}, "
                           f"column {exc.colno}); it was not changed") from None
    except strict_json.StrictJSONError as exc:
        raise _damaged(str(p), exc.where, exc.problem) from None
    return _from_checked_json(data, str(p))


def _too_large(p: Path, size: int) -> str:
    return (f"{p}: {size:,} bytes is over the limit of {MAX_PROJECT_BYTES // 2**20} MB for a project; "
            "it was not opened")


def from_json(data: Any, name: str = "project") -> Project:
    """A project from parsed JSON (or any such tree), checked as :func:`load` checks a file."""
    from crosscheck.io import strict_json

    try:
        strict_json.check_tree(data)
    except strict_json.StrictJSONError as exc:
        raise _damaged(name, exc.where, exc.problem) from None
    return _from_checked_json(data, name)


def _from_checked_json(data: Any, name: str) -> Project:
    from crosscheck.io.project_schema import SchemaError, validate

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(f"{name}: not a Crosscheck project")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(f"{name}: the project's format version is missing or invalid")
    if version > VERSION:
        raise ProjectError(f"{name}: saved by a newer Crosscheck (project format {version}); this version reads "
                           f"formats up to {VERSION}. Update Crosscheck to open it; the file was not changed")
    try:
        # Each format is checked as it was written before it is migrated, and the result again:
        # a migration only ever sees data its own format allows.
        validate(data, version)
        while version < VERSION:
            data = MIGRATIONS[version](data)
            version = data["version"]
            validate(data, version)
    except SchemaError as exc:
        raise _damaged(name, exc.where, exc.problem) from None
    try:
        return _project(data)
    except SchemaError as exc:  # a kept original that does not unpack to what its record says
        raise _damaged(name, exc.where, exc.problem) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # the schema should leave none
        raise ProjectError(f"{name}: the project is damaged ({_describe(exc)}); it was not changed") from None


def _damaged(name: str, where: str, problem: str) -> ProjectError:
    """One line: the file, the field, what is wrong with it."""
    return ProjectError(f"{name}: {where or 'the project'} {problem}; the file was not changed")


def _describe(exc: Exception) -> str:
    return f"missing {exc}" if isinstance(exc, KeyError) else str(exc) or type(exc).__name__


def _project(data: dict[str, Any]) -> Project:
    """Build from data the schema has passed: types, ranges, ids and spans are known good here."""
    sources = [_source(s, i) for i, s in enumerate(data["sources"])]
    ids = [s.id for s in sources]
    known = {"format", "version", "generator", "settings", "reference", "sources", "flags", "corrections"}
    reference = data.get("reference")
    return Project(
        sources=sources,
        settings=Settings.from_dict(data.get("settings")),
        reference=reference if reference in ids else (ids[0] if ids else None),
        flags=[_flag(f) for f in data.get("flags") or ()],
        corrections=[_correction(c) for c in data.get("corrections") or ()],
        extra={k: v for k, v in data.items() if k not in known},
    )


def _get(d: dict[str, Any], key: str, default: str) -> str:
    """An optional field: ``null`` reads as absent (the schema's rule), so it takes the default."""
    value = d.get(key)
    return default if value is None else value


def _source(d: dict[str, Any], index: int) -> Source:
    text = d["text"]
    furniture = tuple(Furniture(Span(f["start"], f["end"]), _get(f, "kind", "meta")) for f in d.get("furniture") or ())
    found = d.get("evidence")
    record = None if found is None else Evidence(
        origin=found["origin"], read_at=found["read_at"], sha256=found["sha256"], size=found["size"],
        final_url=found.get("final_url"), http_status=found.get("http_status"), content_type=found.get("content_type"),
    )
    return Source(
        id=d["id"], path=d.get("path") or "", text=text, kind=d.get("kind") or "text",
        title=d.get("title"), outlet=d.get("outlet"), author=d.get("author"),
        published=d.get("published"), url=d.get("url"), furniture=furniture,
        warnings=tuple(str(w) for w in d.get("warnings") or ()),
        evidence=record, pages=tuple(d.get("pages") or ()), original=_original(d, index, record),
    )


def _original(d: dict[str, Any], index: int, record: Evidence | None) -> bytes | None:
    """A kept original, unpacked within the size it states (``evidence.unpack``: a bomb is refused
    before it unfolds) and held to its evidence's SHA-256, so a project never shows as "what was
    read" bytes that were not."""
    from crosscheck.io.load import MAX_BYTES
    from crosscheck.io.project_schema import SchemaError
    from crosscheck.io.strict_json import format_path

    packed = d.get("original")
    if packed is None:
        return None
    where = format_path(("sources", index, "original"))
    try:
        data = evidence.unpack(packed["data"], packed["size"], MAX_BYTES)
    except evidence.OriginalError as exc:
        raise SchemaError(where, str(exc)) from None
    if record is None:
        raise SchemaError(where, "has no evidence to say what it is (sources[].evidence is missing)")
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise SchemaError(where, "does not match the SHA-256 in its evidence (it was altered or damaged)")
    return data


def _anchor(d: dict[str, Any]) -> Anchor:
    return Anchor(source=d["source"], start=d["start"], end=d["end"], text=d["text"],
                  before=_get(d, "before", ""), after=_get(d, "after", ""), source_path=_get(d, "source_path", ""))


def _flag(d: dict[str, Any]) -> Flag:
    return Flag(
        id=d["id"], anchors=tuple(_anchor(a) for a in d.get("anchors") or ()),
        category=_get(d, "category", "other"), severity=_get(d, "severity", "medium"),
        status=_get(d, "status", "open"), note=_get(d, "note", ""),
        group_label=_get(d, "group_label", ""), finding=_get(d, "finding", ""),
        created=_get(d, "created", ""), modified=_get(d, "modified", ""),
    )


def _correction(d: dict[str, Any]) -> Correction:
    return Correction(id=d["id"], action=d["action"], anchors=tuple(_anchor(a) for a in d["anchors"]),
                      created=_get(d, "created", ""))


# ---------------------------------------------------------------- migrations


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 (0.1 previews) kept one passage per flag as ``source``/``start``/``end``/``text``
    fields on the flag itself, and had no corrections; format 2 keeps a list of anchors."""
    out = dict(data)
    flags = []
    for f in data.get("flags", []) or []:
        f = dict(f)
        passage = {k: f.pop(k) for k in ("source", "start", "end", "text") if k in f}
        if "anchors" not in f and passage.get("source") is not None:
            f["anchors"] = [passage]
        flags.append(f)
    out["flags"] = flags
    out.setdefault("corrections", [])
    out["version"] = 2
    return out


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}
