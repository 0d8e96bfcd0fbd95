"""JSON from files we do not trust: parsed without surprises, then checked for what the standard
library lets through.

Python's ``json`` accepts ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON at all), turns
``1e999`` into an infinite float, keeps the last of two equal keys without a word, raises a
``ValueError`` that is not a ``JSONDecodeError`` for an integer of more than 4,300 digits, and
gives up with ``RecursionError`` on deep nesting. Each of those reached the user as an "internal
error" or as a value nothing downstream expected. Here the parser's hooks turn the first four
into inert markers instead of failing without a place, and :func:`check_tree` then walks the
parsed tree once, without recursion, and refuses the first marker, duplicated key, over-deep
nesting or lone surrogate with the *path* where it sits (``flags[3].anchors[0].start``), so the
refusal tells a person where to look. Nesting deep enough to exhaust the parser's recursion is
refused before anything is built from it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 64  # a project is five levels deep; newer minor versions' extras get ample room
MAX_INT_DIGITS = 100  # far beyond any count or offset; Python itself refuses 4,300

_SURROGATE = re.compile("[\ud800-\udfff]")


class StrictJSONError(ValueError):
    """JSON that parses but must not be used; ``where`` is the path of the offending value."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where} {problem}" if where else problem)
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class NotANumber:
    """A number the parser was handed that is not a finite number: ``NaN``, ``Infinity``,
    ``1e999``, or an integer too long to be one we would use."""

    literal: str

    def describe(self) -> str:
        if self.literal.lstrip("-").isdigit():
            return f"is an integer of {len(self.literal.lstrip('-')):,} digits, far too long to be one we use"
        shown = self.literal if len(self.literal) <= 24 else self.literal[:24] + "…"
        return f"is {shown}, not a finite number"


class DuplicatedKeys(dict):  # type: ignore[type-arg]
    """An object in which a key appeared twice (the parser kept the last); refused by the walk."""

    duplicate: str = ""


def _constant(literal: str) -> NotANumber:
    return NotANumber(literal)


def _float(literal: str) -> float | NotANumber:
    value = float(literal)
    return value if math.isfinite(value) else NotANumber(literal)


def _int(literal: str) -> int | NotANumber:
    digits = len(literal) - literal.startswith("-")
    return int(literal) if digits <= MAX_INT_DIGITS else NotANumber(literal)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = DuplicatedKeys(obj)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


def loads(text: str) -> Any:
    """Parse ``text``; raise ``json.JSONDecodeError`` for what is not JSON and
    :class:`StrictJSONError` for what is JSON but unusable (see the module's docstring)."""
    try:
        data = json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int,
                          object_pairs_hook=_object)
    except RecursionError:
        raise StrictJSONError("", f"is nested more than {MAX_DEPTH} levels deep") from None
    check_tree(data, surrogates="\\ud" in text or "\\uD" in text)
    return data


def check_tree(data: Any, surrogates: bool = True) -> None:
    """Refuse markers left by the parser, non-finite floats, duplicated keys, nesting deeper than
    :data:`MAX_DEPTH` and (when ``surrogates``) strings with a lone surrogate, which no UTF-8 file
    can hold and saving would fail on. Iterative, so no depth of input can exhaust the stack."""
    if not isinstance(data, (dict, list)):
        _check_value(data, (), surrogates)
        return
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if len(path) >= MAX_DEPTH:
            raise StrictJSONError(format_path(path[:3]) + "…", f"is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, DuplicatedKeys):
            raise StrictJSONError(format_path(path), f"has the key {node.duplicate!r} twice")
        if isinstance(node, dict):
            if surrogates and any(_SURROGATE.search(k) for k in node):
                raise StrictJSONError(format_path(path), "has a key with a lone surrogate (not text)")
            items: Any = node.items()
        else:
            items = enumerate(node)
        for key, value in items:
            if isinstance(value, (dict, list)):
                stack.append((value, (*path, key)))
            elif type(value) is not int and value is not None:
                _check_value(value, (*path, key), surrogates)


def _check_value(value: Any, path: tuple[str | int, ...], surrogates: bool) -> None:
    if isinstance(value, NotANumber):
        raise StrictJSONError(format_path(path), value.describe())
    if isinstance(value, float) and not math.isfinite(value):
        raise StrictJSONError(format_path(path), f"is {value}, not a finite number")
    if isinstance(value, str) and surrogates and _SURROGATE.search(value):
        raise StrictJSONError(format_path(path), "holds a lone surrogate (not text)")


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}\Z")


def format_path(path: Sequence[str | int]) -> str:
    """``("flags", 3, "anchors", 0, "start")`` → ``flags[3].anchors[0].start``. A key that is
    not a plain name is shown quoted, escaped and cut short (``['format\\n']``): it comes from
    the file, and the refusal must stay one readable line."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        elif _PLAIN_KEY.match(key):
            out += f".{key}" if out else key
        else:
            out += f"[{(key if len(key) <= 40 else key[:40] + '…')!r}]"
    return out
