"""Undoable edits of the user's judgements: each command swaps one list state for another.

Commands hold the lists before and after, never widgets, and hand them to a callback that
applies them (refreshing the panels, and re-running the analysis when corrections change).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from crosscheck.core.flags import Correction, Flag


class SetFlags(QUndoCommand):
    def __init__(self, text: str, before: list[Flag], after: list[Flag], apply: Callable[[list[Flag]], None]):
        super().__init__(text)
        self.before, self.after, self.apply = list(before), list(after), apply

    def redo(self) -> None:
        self.apply(list(self.after))

    def undo(self) -> None:
        self.apply(list(self.before))


class SetCorrections(QUndoCommand):
    def __init__(self, text: str, before: list[Correction], after: list[Correction],
                 apply: Callable[[list[Correction]], None]):
        super().__init__(text)
        self.before, self.after, self.apply = list(before), list(after), apply

    def redo(self) -> None:
        self.apply(list(self.after))

    def undo(self) -> None:
        self.apply(list(self.before))
