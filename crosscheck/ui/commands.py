"""Undoable edits: a command swaps one list state for another (the user's judgements), or
adds articles to the comparison.

Commands hold the lists before and after, never widgets, and hand them to a callback that
applies them (refreshing the panels, and re-running the analysis when corrections change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

T = TypeVar("T")


class SetList(QUndoCommand, Generic[T]):
    """Replace a list (flags, or corrections) with another; undo puts the old one back."""

    def __init__(self, text: str, before: Sequence[T], after: Sequence[T], apply: Callable[[list[T]], None]):
        super().__init__(text)
        self.before, self.after, self.apply = list(before), list(after), apply

    def redo(self) -> None:
        self.apply(list(self.after))

    def undo(self) -> None:
        self.apply(list(self.before))


class AddSources(QUndoCommand, Generic[T]):
    """Articles opened, pasted or dropped: undo closes exactly these, redo brings them back."""

    def __init__(self, text: str, sources: Sequence[T], add: Callable[[list[T]], None],
                 close: Callable[[list[T]], None]):
        super().__init__(text)
        self.sources, self.add, self.close = list(sources), add, close

    def redo(self) -> None:
        self.add(list(self.sources))

    def undo(self) -> None:
        self.close(list(self.sources))
