"""Patterns compiled when first used, not when their module is imported.

The attribution patterns spell out speakers (names in any script, roles, institutions, verbs of
saying in several languages) and take a quarter of a second to compile. Many serve only rare
constructions, so a small comparison, or a command that never attributes a quote, should not pay
for them. ``lazy(...)`` stands in for ``regex.compile(...)``: the pattern text is there at once
(patterns are built from each other), the compiled pattern on first use.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
