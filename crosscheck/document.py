"""The open story as plain data: its sources in column order, the reference, the analysis
settings, the user's flags and corrections, the project file and whether there are unsaved
changes. No Qt: the window observes a ``Document`` and the command line or a test can use one
without a display.

Every change goes through a method here, which tells the subscribed listeners what changed
with an ``Event`` (a ``Change`` kind and the sources concerned). A change to the story marks
the document dirty (one ``DIRTY`` event when the flag flips); saving, opening and clearing
mark it clean. Flags and corrections are never dropped with their source: closing an article
leaves its flags orphaned, to be found again if it is reopened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from crosscheck.core.config import DEFAULT, Settings
from crosscheck.core.flags import Correction, Flag
from crosscheck.core.model import Source
from crosscheck.io.project import Project


class Change(Enum):
    ADDED = "sources added"  # ``ids``: the new sources (the reference may have been set with them)
    REMOVED = "sources removed"  # ``ids``: the closed sources (the reference may have moved on)
    MOVED = "source moved"  # ``ids``: the one that moved
    EDITED = "sources edited"  # ``ids``: sources whose details were replaced (same id, same text)
    REFERENCE = "reference"
    FLAGS = "flags"
    CORRECTIONS = "corrections"
    SETTINGS = "settings"
    DIRTY = "dirty"  # the unsaved-changes flag flipped
    PATH = "path"  # the project file changed
    LOADED = "loaded"  # everything replaced from a project
    CLEARED = "cleared"  # everything gone: a new, empty comparison


@dataclass(frozen=True)
class Event:
    kind: Change
    ids: tuple[str, ...] = ()


Listener = Callable[[Event], None]


class Document:
    """One comparison being worked on. Read the state through the properties (copies: change
    it only through the methods, which notify)."""

    def __init__(self) -> None:
        self._sources: list[Source] = []
        self._reference: str | None = None
        self._settings: Settings = DEFAULT
        self._flags: list[Flag] = []
        self._corrections: list[Correction] = []
        self._dirty = False
        self._edited = False  # the reader corrected an article's details since the last save
        self._path: Path | None = None
        self._next_id = 1
        self._listeners: list[Listener] = []

    # ------------------------------------------------------------------ observing
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(event)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, kind: Change, ids: Iterable[str] = ()) -> None:
        event = Event(kind, tuple(ids))
        for listener in list(self._listeners):
            listener(event)

    def _changed(self, kind: Change, ids: Iterable[str] = ()) -> None:
        """A change to the story: tell the listeners, then mark it unsaved."""
        self._emit(kind, ids)
        self.mark_dirty()

    # ------------------------------------------------------------------ reading
    @property
    def sources(self) -> list[Source]:
        return list(self._sources)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self._sources]

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self._sources if s.id == source_id), None)

    @property
    def reference(self) -> str | None:
        return self._reference

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def flags(self) -> list[Flag]:
        return list(self._flags)

    @property
    def corrections(self) -> list[Correction]:
        return list(self._corrections)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def unsaved_work(self) -> bool:
        """Changes worth asking about before they are lost: flags, links, or a saved project
        changed since (a few articles opened and never judged are not)."""
        return self._dirty and bool(self._sources) and bool(
            self._flags or self._corrections or self._path or self._edited)

    def project(self) -> Project:
        """Everything to save, with the column order."""
        extra = {"ui": {"order": self.ids}}
        return Project(sources=self.sources, settings=self._settings, reference=self._reference,
                       flags=self.flags, corrections=self.corrections, extra=extra)

    # ------------------------------------------------------------------ sources
    def reserve_ids(self, n: int) -> int:
        """The first of ``n`` fresh source numbers (ids ``s<n>``), kept from any later source
        even before it has loaded; never reused while the document lives, even after ``clear``."""
        first = self._next_id
        self._next_id += max(0, n)
        return first

    def add_sources(self, sources: Iterable[Source]) -> list[Source]:
        """Append sources (one already open is skipped); the first becomes the reference when
        there is none. The sources added."""
        have = set(self.ids)
        added = []
        for source in sources:
            if source.id not in have:
                have.add(source.id)
                added.append(source)
        if not added:
            return []
        self._sources.extend(added)
        if self._reference is None:
            self._reference = self._sources[0].id
        self._changed(Change.ADDED, (s.id for s in added))
        return added

    def remove_sources(self, ids: Iterable[str]) -> list[Source]:
        """Close sources; the reference moves to the first one left. Their flags and corrections
        stay (orphaned). The sources removed."""
        gone = set(ids)
        removed = [s for s in self._sources if s.id in gone]
        if not removed:
            return []
        self._sources = [s for s in self._sources if s.id not in gone]
        if self._reference in gone:
            self._reference = self._sources[0].id if self._sources else None
        self._changed(Change.REMOVED, (s.id for s in removed))
        return removed

    def move_source(self, source_id: str, delta: int) -> bool:
        """Move a source ``delta`` places along the columns (stopping at either end)."""
        at = next((i for i, s in enumerate(self._sources) if s.id == source_id), None)
        if at is None:
            return False
        to = max(0, min(len(self._sources) - 1, at + delta))
        if to == at:
            return False
        self._sources.insert(to, self._sources.pop(at))
        self._changed(Change.MOVED, (source_id,))
        return True

    def replace_sources(self, sources: Iterable[Source]) -> list[Source]:
        """Put new versions of sources in place, by id (their details corrected); a source no
        longer open is left closed. The sources replaced."""
        by_id = {s.id: s for s in sources}
        replaced = [by_id[s.id] for s in self._sources if s.id in by_id]
        if not replaced:
            return []
        self._sources = [by_id.get(s.id, s) for s in self._sources]
        self._edited = True  # (a correction is the reader's work: worth asking about before it is lost)
        self._changed(Change.EDITED, (s.id for s in replaced))
        return replaced

    def set_reference(self, source_id: str) -> bool:
        if source_id == self._reference or self.source(source_id) is None:
            return False
        self._reference = source_id
        self._changed(Change.REFERENCE, (source_id,))
        return True

    # ------------------------------------------------------------------ judgements and settings
    def set_flags(self, flags: Iterable[Flag]) -> None:
        self._flags = list(flags)
        self._changed(Change.FLAGS)

    def add_flags(self, flags: Iterable[Flag]) -> None:
        self.set_flags([*self._flags, *flags])

    def replace_flag(self, flag: Flag) -> bool:
        """Put an edited flag in place of the one with its id."""
        if not any(f.id == flag.id for f in self._flags):
            return False
        self.set_flags([flag if f.id == flag.id else f for f in self._flags])
        return True

    def remove_flag(self, flag_id: str) -> bool:
        if not any(f.id == flag_id for f in self._flags):
            return False
        self.set_flags([f for f in self._flags if f.id != flag_id])
        return True

    def set_corrections(self, corrections: Iterable[Correction]) -> None:
        self._corrections = list(corrections)
        self._changed(Change.CORRECTIONS)

    def add_correction(self, correction: Correction) -> None:
        self.set_corrections([*self._corrections, correction])

    def set_settings(self, settings: Settings) -> None:
        if settings != self._settings:
            self._settings = settings
            self._changed(Change.SETTINGS)

    # ------------------------------------------------------------------ saved state
    def mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            self._emit(Change.DIRTY)

    def set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self._emit(Change.PATH)

    def mark_saved(self, path: Path | None = None) -> None:
        """Saved (to ``path``, when given): no unsaved changes."""
        if path is not None:
            self.set_path(path)
        self._edited = False
        if self._dirty:
            self._dirty = False
            self._emit(Change.DIRTY)

    def load(self, project: Project, path: Path | None = None) -> None:
        """Replace everything with a project's content (sources in its saved column order);
        clean, with ``path`` as its file."""
        order = project.extra.get("ui", {}).get("order") if isinstance(project.extra.get("ui"), dict) else None
        sources = list(project.sources)
        if isinstance(order, list):
            sources.sort(key=lambda s: order.index(s.id) if s.id in order else len(order))
        numbers = [int(s.id[1:]) for s in sources if s.id[1:].isdigit()]
        # (never back down: a load still running may hold ids reserved before this project came)
        self._next_id = max(self._next_id, max(numbers, default=0) + 1)
        self._sources = sources
        self._reference = project.reference
        self._settings = project.settings
        self._flags = list(project.flags)
        self._corrections = list(project.corrections)
        self._path = path
        self._dirty = self._edited = False
        self._emit(Change.LOADED, self.ids)

    def clear(self) -> None:
        """A new, empty comparison: sources, flags, corrections, settings and the file all go
        (source numbers go on from where they were: a load still running keeps its ids)."""
        self._sources, self._reference, self._settings = [], None, DEFAULT
        self._flags, self._corrections = [], []
        self._path, self._dirty, self._edited = None, False, False
        self._emit(Change.CLEARED)
