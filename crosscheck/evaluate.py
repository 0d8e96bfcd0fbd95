"""Scoring a comparison against a hand-made gold annotation (used by tests and ``bench/``).

Gold names passages by file and a short anchor: the anchor's first occurrence in the shown text
overlaps the passage. That keeps gold files free of article text and robust to small changes in
where a passage's span starts or ends. Figures are pairwise: two passages of different sources
that gold puts in one group form a pair the system should link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

Ref = tuple[str, str]  # (file key, anchor)


@dataclass
class Score:
    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.found += ok
        if not ok:
            self.misses.append(what)

    def __str__(self) -> str:
        return f"{self.found}/{self.total} = {self.rate:.2f}"


@dataclass
class Report:
    quote_links: Score
    quote_precision: Score
    claim_links: Score
    claim_precision: Score
    speakers: Score
    unique_found: Score
    shared_called_unique: Score
    boilerplate_as_content: Score
    differences_shown: Score
    findings: Score
    wrong_links: list[str]

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("quote links found (recall)", str(self.quote_links)),
            ("quote links right (precision)", str(self.quote_precision)),
            ("claim links found (recall)", str(self.claim_links)),
            ("claim links right (precision)", str(self.claim_precision)),
            ("speakers right", str(self.speakers)),
            ("single-source passages found", str(self.unique_found)),
            ("shared passages called unique", _count(self.shared_called_unique)),
            ("boilerplate treated as content", _count(self.boilerplate_as_content)),
            ("word differences shown", str(self.differences_shown)),
            ("findings raised", str(self.findings)),
            ("different statements linked", str(len(self.wrong_links))),
        ]


def _count(s: Score) -> str:
    return f"{s.found}/{s.total}"


def score(result: dict[str, Any], gold: dict[str, Any], file_of: dict[str, str]) -> Report:
    """``file_of`` maps each gold file key to a source id of ``result``."""
    texts = {s["id"]: s["text"] for s in result["sources"]}

    def locate(ref: list[str] | Ref) -> tuple[str, int, int]:
        key, anchor = ref
        sid = file_of[key]
        at = texts[sid].find(anchor)
        if at < 0:
            raise KeyError(f"anchor {anchor!r} not in {key}")
        return sid, at, at + len(anchor)

    members = [(g, m) for g in result["groups"] for m in g["members"]]

    def member_at(ref: list[str], kind: str | None = None) -> tuple[dict, dict] | None:
        sid, start, end = locate(ref)
        for g, m in members:
            if m["source"] == sid and m["start"] < end and start < m["end"] and (kind is None or g["kind"] == kind):
                return g, m
        return None

    def unique_at(ref: list[str], kind: str | None = None) -> dict | None:
        sid, start, end = locate(ref)
        return next(
            (u for u in result["unique"]
             if u["source"] == sid and u["start"] < end and start < u["end"] and kind in (None, u["kind"])),
            None,
        )

    def group_of(ref: list[str], kind: str) -> str | None:
        hit = member_at(ref, kind)
        return hit[0]["id"] if hit else None

    reports = {}
    wrong: list[str] = []
    for kind in ("quote", "claim"):
        recall, precision = Score(), Score()
        gold_groups = gold.get(f"{kind}_groups", [])
        home: dict[tuple[str, int], int] = {}
        for gi, g in enumerate(gold_groups):
            for ref in g["members"]:
                sid, start, _ = locate(ref)
                home[(sid, start)] = gi
            for r1, r2 in combinations(g["members"], 2):
                if r1[0] == r2[0]:
                    continue
                a, b = group_of(r1, kind), group_of(r2, kind)
                recall.add(a is not None and a == b, f"{g['name']}: {r1[0]}–{r2[0]}")
        # Precision over system pairs whose both ends gold annotates.
        located = {}
        for g in gold_groups:
            for ref in g["members"]:
                hit = member_at(ref, kind)
                if hit:
                    located[id(hit[1])] = (g["name"], ref)
        for g in result["groups"]:
            if g["kind"] != kind:
                continue
            known = [located[id(m)] for m in g["members"] if id(m) in located]
            for (n1, r1), (n2, r2) in combinations(known, 2):
                if r1[0] != r2[0]:
                    precision.add(n1 == n2, f"{n1} linked with {n2}")
                    if n1 != n2:
                        wrong.append(f"{kind}: {n1} / {n2}")
        reports[kind] = (recall, precision)
    for r1, r2 in gold.get("must_not_link", []):
        a, b = member_at(r1), member_at(r2)
        if a and b and a[0]["id"] == b[0]["id"]:
            wrong.append(f"linked {r1[1]!r} with {r2[1]!r}")

    speakers = Score()
    # Per-passage entries ("speakers") override a group's speaker: that is how gold records a
    # quote one outlet gives to someone else.
    expected = {
        tuple(ref): g["speaker"] for g in gold.get("quote_groups", []) if g.get("speaker") for ref in g["members"]
    }
    expected |= {tuple(s["at"]): s["speaker"] for s in gold.get("single_quotes", []) + gold.get("speakers", [])}
    for ref, name in expected.items():
        hit = member_at(ref, "quote")
        said = hit[1].get("speaker") if hit else (unique_at(ref, "quote") or {}).get("speaker")
        speakers.add(said == name, f"{ref[1]!r}: {said!r} ≠ {name!r}")

    unique_found = Score()
    for ref in gold.get("unique", []):
        unique_found.add(unique_at(ref) is not None, f"{ref[0]}: {ref[1]!r} not listed as unique")
    shared_unique = Score()
    for g in gold.get("quote_groups", []) + gold.get("claim_groups", []):
        for ref in g["members"]:
            shared_unique.add(unique_at(ref) is not None, f"{ref[1]!r} is shared but listed unique")
    shared_unique.misses = []
    boiler = Score()
    for ref in gold.get("boilerplate", []):
        if texts[file_of[ref[0]]].find(ref[1]) < 0:
            boiler.add(False, "")  # removed with the page chrome: not content
            continue
        used = member_at(ref) is not None or unique_at(ref) is not None
        boiler.add(used, f"{ref[0]}: {ref[1]!r} used as content")
    boiler.misses = []

    by_name = {}
    for kind in ("quote", "claim"):
        for g in gold.get(f"{kind}_groups", []):
            gid = {group_of(ref, kind) for ref in g["members"]} - {None}
            by_name[g["name"]] = next((x for x in result["groups"] if x["id"] in gid), None)
    diffs = Score()
    for want in gold.get("word_differences", []):
        g = by_name.get(want["group"])
        ok = g is not None and any(_change_matches(c, want) for d in g["diffs"] for c in d.get("changes", []))
        diffs.add(ok, f"{want['group']}: {want['a']!r}/{want['b']!r} ({want['kind']})")
    findings = Score()
    for want in gold.get("findings", []):
        g = by_name.get(want["group"])
        findings.add(g is not None and any(f["kind"] == want["kind"] for f in g["findings"]),
                     f"{want['group']}: {want['kind']}")
    return Report(
        quote_links=reports["quote"][0], quote_precision=reports["quote"][1],
        claim_links=reports["claim"][0], claim_precision=reports["claim"][1],
        speakers=speakers, unique_found=unique_found, shared_called_unique=shared_unique,
        boilerplate_as_content=boiler, differences_shown=diffs, findings=findings, wrong_links=wrong,
    )


def _change_matches(change: dict, want: dict) -> bool:
    if change["kind"] != want["kind"]:
        return False
    a, b = change["a"].strip(), change["b"].strip()
    wa, wb = want["a"], want["b"]
    return (wa in a and wb in b) or (wa in b and wb in a)
