"""What the engine raises for a reader to check: typed, ranked, and told in the reader's words.

A finding is plain data made where a group is built (``groups.py``); the window, the reports
and the JSON each render it, naming the outlets as the reader sees them ("B · The Herald"),
never the internal source ids. The JSON keeps the ids in ``sources`` for scripts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from crosscheck.core.diff import Change


class FindingKind(StrEnum):
    MISQUOTE = "misquote"  # the same quote worded differently, beyond spelling
    ATTRIBUTION_CONFLICT = "attribution_conflict"  # the same words given to different people
    FACTUAL_CONFLICT = "factual_conflict"  # figures for one fact that do not agree
    UNQUOTED = "unquoted"  # quoted in one source, given as the outlet's own words in another


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"


TITLES = {
    FindingKind.MISQUOTE: "Possible misquote",
    FindingKind.ATTRIBUTION_CONFLICT: "Attribution conflict",
    FindingKind.FACTUAL_CONFLICT: "Factual conflict",
    FindingKind.UNQUOTED: "Quoted in one, unquoted in another",
}


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    severity: int  # 1 worth a look, 2 a changed wording, 3 a changed fact or speaker
    confidence: Confidence
    sources: tuple[str, ...]
    changes: tuple[Change, ...] = ()  # misquotes: the word changes, loudest kinds only
    speakers: Mapping[str, str] = field(default_factory=dict)  # attribution: source → speaker named
    evidence: Mapping[str, str] = field(default_factory=dict)  # attribution: how each was named
    values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # figures: value → sources
    written: Mapping[str, str] = field(default_factory=dict)  # figures: source → as it writes it
    quoted_in: tuple[str, ...] = ()
    unquoted_in: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return TITLES[self.kind]

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The finding in a sentence, each source called by ``names`` (its id if none given)."""
        def who(sids) -> str:
            return ", ".join((names or {}).get(s, s) for s in sids)

        if self.kind == FindingKind.ATTRIBUTION_CONFLICT:
            told = [f"{who([sid])} names {name}" for sid, name in sorted(self.speakers.items())]
            return "the same words are attributed to different people, each named in its own attribution: " + \
                "; ".join(told)
        if self.kind == FindingKind.FACTUAL_CONFLICT and self.values:
            versions = []
            for _, sids in self.values.items():
                shown = ", ".join(sorted({self.written[s] for s in sids if s in self.written}))
                versions.append(f"{shown} ({who(sids)})")
            return " vs ".join(versions)
        if self.kind == FindingKind.UNQUOTED:
            return (f"the same words appear with quotation marks in {who(self.quoted_in)} and without them in "
                    f"{who(self.unquoted_in)}")
        words = "; ".join(_in_words(c) for c in self.changes[:4])
        more = f" (and {len(self.changes) - 4} more)" if len(self.changes) > 4 else ""
        return f"{who(self.sources[1:])} differs from {who(self.sources[:1])}: {words}{more}"

    def as_dict(self, names: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The JSON form: ids in ``sources`` and the other fields, outlets by name in ``message``."""
        out: dict[str, Any] = {
            "kind": str(self.kind), "severity": self.severity, "confidence": str(self.confidence),
            "sources": list(self.sources),
        }
        if self.changes:
            out["changes"] = [c.as_dict() for c in self.changes]
        if self.speakers:
            out["speakers"] = dict(self.speakers)
        if self.evidence:
            out["evidence"] = dict(self.evidence)
        if self.values:
            out["values"] = {k: list(v) for k, v in self.values.items()}
        if self.written:
            out["written"] = dict(self.written)
        if self.quoted_in or self.unquoted_in:
            out["quoted_in"], out["unquoted_in"] = list(self.quoted_in), list(self.unquoted_in)
        out["message"] = self.describe(names)
        return out


_ANOTHER = {"number": "another figure", "date": "another date", "name": "another name",
            "negation": "the negation changed"}


def _in_words(change: Change) -> str:
    """One word change as a reader would say it, from the first source to the second."""
    old, new = briefly(change.deleted), briefly(change.inserted)
    if change.kind == "insertion" or not old:
        return f"adds “{new}”"
    if change.kind == "omission" or not new:
        return f"leaves out “{old}”"
    lead = f"{_ANOTHER[change.kind]}: " if change.kind in _ANOTHER else ""
    return f"{lead}“{old}” → “{new}”"


def briefly(text: str, limit: int = 40) -> str:
    """Changed words as a reader is shown them (findings, tooltips): one line, short, without
    half an editor's bracket."""
    text = " ".join(text.split())
    # (an editor's bracket the word diff cut in half — "[for the] repair work" against "for the
    # repairs" changes "repairs" into "] repair work" — is not part of what changed)
    text = _HALF_BRACKET.sub("", text) or text
    return text if len(text) <= limit else text[: limit - 1] + "…"


_HALF_BRACKET = re.compile(r"^[\])]\s*|\s*[\[(]$")
