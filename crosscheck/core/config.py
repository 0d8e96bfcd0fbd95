"""Analysis settings: every number that changes results, saved in the project so it reproduces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Settings:
    quote_same: float = 0.6  # share of the longer quote's words two linked quotes share
    fragment_contained: float = 0.8  # share of a fragment's words found in the quote it comes from
    claim_link: float = 0.4  # claim score (0..1) needed to link two claims
    claim_related: float = 0.35  # below a link, a sentence scoring this with another is "related", not unique
    claim_anchored: float = 0.2  # claim score for a sentence between the same two shared sentences of two copies
    claim_also: float = 0.6  # claim score at which a sentence grouped already joins a second fact's group
    claim_twin: float = 0.6  # claim score at which one source's two sentences tell one fact twice
    claim_w_overlap: float = 0.45  # weight of the rarity-weighted share of both sentences' content words
    claim_w_contained: float = 0.3  # … of the shorter sentence's content words found in the longer
    claim_w_order: float = 0.25  # … of word order (token sort ratio)
    claim_w_same_figure: float = 0.05  # added when the two give a figure in common
    claim_w_telling_figure: float = 0.05  # added again when that figure is telling (see matching.telling_figure)
    claim_w_same_count: float = 0.1  # added when both count the same thing, whatever the figure
    claim_min_shared: int = 3  # content words two linked claims must share (all, for shorter claims)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Settings:
        """Unknown keys are ignored and missing ones take their defaults (older projects)."""
        known = {f.name: f.type for f in fields(cls)}
        values = {}
        for key, value in (data or {}).items():
            if key in known and isinstance(value, (int, float)) and not isinstance(value, bool):
                values[key] = int(value) if known[key] == "int" else float(value)
        return cls(**values)


DEFAULT = Settings()
