"""Undoable edits of the open story, each one step on the window's undo stack.

Commands hold plain values (lists of flags or corrections, sources), never widgets, and apply
them through the ``Document``'s methods; the window sees the change as the document's event,
as it would any other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from crosscheck.core.model import Source
from crosscheck.core.names import display_names
from crosscheck.document import Document


class EditJudgements(QUndoCommand):
    """One edit of the flags (``what="flags"``) or the corrections (``"corrections"``): ``edit``
    changes the document once; undo puts the list back as it was, redo as ``edit`` left it."""

    def __init__(self, document: Document, what: str, text: str, edit: Callable[[Document], object]) -> None:
        super().__init__(text)
        self.document, self.what, self.edit = document, what, edit
        self.before = getattr(document, what)
        self.after: list | None = None

    def _set(self, values: list) -> None:
        getattr(self.document, f"set_{self.what}")(values)

    def redo(self) -> None:
        if self.after is None:
            self.edit(self.document)
            self.after = getattr(self.document, self.what)
        else:
            self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class AddSources(QUndoCommand):
    """Articles opened, pasted or dropped: undo closes exactly these, redo brings them back."""

    def __init__(self, document: Document, sources: Sequence[Source]) -> None:
        n = len(sources)
        super().__init__(f"Add {n} article{'s' * (n != 1)}")
        self.document, self.sources = document, list(sources)

    def redo(self) -> None:
        self.document.add_sources(self.sources)

    def undo(self) -> None:
        self.document.remove_sources(s.id for s in self.sources)


class EditSources(QUndoCommand):
    """Swap sources' details for others, by id; undo puts the old ones back. A source closed in
    the meantime is left closed."""

    def __init__(self, document: Document, before: Sequence[Source], after: Sequence[Source]) -> None:
        names = display_names(after)
        what = names[after[0].id] if len(after) == 1 else f"{len(after)} articles"
        super().__init__(f"Edit details of {what}")
        self.document, self.before, self.after = document, list(before), list(after)

    def redo(self) -> None:
        self.document.replace_sources(self.after)

    def undo(self) -> None:
        self.document.replace_sources(self.before)
