"""Scoring a comparison against a hand-made gold annotation (used by tests and ``bench/``).

Gold names passages by file and a short anchor: the anchor's first occurrence in the shown text
overlaps the passage. That keeps gold files free of article text and robust to small changes in
where a passage's span starts or ends. Figures are pairwise: two passages of different sources
that gold puts in one group form a pair the system should link.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from crosscheck.core.people import is_acronym_of, misspelt_alike

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
class SpeakerScore(Score):
    """Speakers: an honest "unknown" is a miss, a wrong name counts twice (it misleads)."""

    wrong: int = 0
    unknown: int = 0

    @property
    def rate(self) -> float:
        return max(0, self.found - self.wrong) / self.total if self.total else 1.0

    def judge(self, said: str | None, want: str | None, where: str) -> None:
        self.total += 1
        if same_speaker(said, want):
            self.found += 1
        elif said is None or (want is not None and _looks_named(want) and not _looks_named(said)
                              and (said[:1].islower() or said.split()[-1][:1].islower())):
            # No speaker, or a role as the article writes it ("the player", "California officials")
            # where gold names the person or body: the engine declined to guess, which is a miss
            # but not a wrong name.
            self.unknown += 1
            self.misses.append(f"{where}: {said or 'unknown'} ≠ {want!r}")
        else:
            self.wrong += 1
            self.misses.append(f"{where}: {said!r} ≠ {want!r} (wrong)")

    def __str__(self) -> str:
        return f"{self.found}/{self.total}, {self.wrong} wrong, {self.unknown} unknown = {self.rate:.2f}"


_DETERMINER = re.compile(r"^(?:a|an|the)\s+", re.I)


_FOLD = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d"})


def _speaker_key(name: str) -> str:
    """Case, spacing and spelling of letters aside ("Solskjær" is "Solskjaer")."""
    name = "".join(c for c in unicodedata.normalize("NFKD", name.translate(_FOLD)) if not unicodedata.combining(c))
    name = " ".join(name.replace("’", "'").split())
    name = re.sub(r"'s$", "", _DETERMINER.sub("", name))
    return name.casefold()


_ORG_SUFFIXES = {"systems", "inc", "inc.", "corp", "corp.", "corporation", "group", "ltd", "ltd.", "plc", "co",
                 "co.", "company", "llc", "ag", "sa", "gmbh"}


def same_speaker(said: str | None, want: str | None) -> bool:
    """Whether two speakers are the same: names compare whole, case, spacing and middle initials
    aside ("Lewis Kaplan" is "Lewis A. Kaplan"); a name may be given by surname alone; an
    organisation with or without its legal suffix ("Cisco" / "Cisco Systems"); a role or
    institution as written with more or fewer qualifiers but the same head noun
    ("company spokeswoman" / "spokeswoman")."""
    if said is None or want is None:
        return said is None and want is None
    a, b = _speaker_key(said), _speaker_key(want)
    if a == b or is_acronym_of(said, want) or is_acronym_of(want, said):
        return True
    if re.fullmatch(re.escape(b) + r"\s+(?:officials?|spokes(?:man|woman|person|people)|representatives?)", a):
        return True  # "Turkish Airlines officials" speak for Turkish Airlines
    wa = [_SAME_ROLE.get(w, w) for w in a.split() if not re.fullmatch(r"\w\.?", w)]
    wb = [_SAME_ROLE.get(w, w) for w in b.split() if not re.fullmatch(r"\w\.?", w)]
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if len(wa) == len(wb) and wa[:-1] == wb[:-1] and said[:1].isupper() and misspelt_alike(" ".join(wa), " ".join(wb)):
        return True  # an outlet's misspelling of the same person: "Margaret Chen" / "Margaret Chan"
    small, large = sorted((wa, wb), key=len)
    if set(small) <= set(large) and small[-1] == large[-1]:
        return True  # "Chan" / "Margaret Chan"; "spokeswoman" / "company spokeswoman"
    core = [w for w in large if w not in _ORG_SUFFIXES]
    return core == small and len(core) < len(large)


# Words for one role ("the attorneys" are "Ash's lawyers")
_SAME_ROLE = {"attorneys": "lawyers", "attorney": "lawyer", "counsel": "lawyer"}


def _looks_named(name: str) -> bool:
    """A person's or organisation's name: every word capitalised but "of", "and", "the"…
    (no lower-case role word)."""
    words = [w for w in _DETERMINER.sub("", name).split() if w not in ("of", "and", "the", "for", "de")]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


@dataclass
class Report:
    quote_links: Score
    quote_precision: Score
    claim_links: Score
    claim_precision: Score
    speakers: SpeakerScore
    unique_found: Score
    shared_called_unique: Score
    boilerplate_as_content: Score
    differences_shown: Score
    findings: Score
    wrong_links: list[str]
    unquoted_links: Score = field(default_factory=Score)
    scare_speakers: Score = field(default_factory=Score)
    wrong_speaker_findings: list[str] = field(default_factory=list)

    @property
    def boilerplate_recognised(self) -> Score:
        """Boilerplate lines kept out of the content (the complement of ``boilerplate_as_content``)."""
        b = self.boilerplate_as_content
        return Score(b.total - b.found, b.total)

    def all_misses(self) -> list[str]:
        scores = (self.quote_links, self.claim_links, self.speakers, self.unique_found, self.differences_shown,
                  self.findings, self.unquoted_links, self.scare_speakers, self.boilerplate_as_content)
        return [m for s in scores for m in s.misses] + self.wrong_links + [
            f"finding on a wrong speaker: {f}" for f in self.wrong_speaker_findings]

    @classmethod
    def sum(cls, reports: list[Report]) -> Report | None:
        """Pooled figures over several stories (pairs and passages add up)."""
        if not reports:
            return None

        def pool(get, kind=Score):
            out = kind()
            for r in reports:
                part = get(r)
                out.found += part.found
                out.total += part.total
                if isinstance(out, SpeakerScore):
                    out.wrong += part.wrong
                    out.unknown += part.unknown
            return out

        return cls(
            quote_links=pool(lambda r: r.quote_links), quote_precision=pool(lambda r: r.quote_precision),
            claim_links=pool(lambda r: r.claim_links), claim_precision=pool(lambda r: r.claim_precision),
            speakers=pool(lambda r: r.speakers, SpeakerScore), unique_found=pool(lambda r: r.unique_found),
            shared_called_unique=pool(lambda r: r.shared_called_unique),
            boilerplate_as_content=pool(lambda r: r.boilerplate_as_content),
            differences_shown=pool(lambda r: r.differences_shown), findings=pool(lambda r: r.findings),
            wrong_links=[w for r in reports for w in r.wrong_links],
            unquoted_links=pool(lambda r: r.unquoted_links), scare_speakers=pool(lambda r: r.scare_speakers),
            wrong_speaker_findings=[f for r in reports for f in r.wrong_speaker_findings],
        )

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
            ("unquoted copies linked to quote", str(self.unquoted_links)),
            ("scare quotes given a speaker", _count(self.scare_speakers)),
            ("findings on a wrong speaker", str(len(self.wrong_speaker_findings))),
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

    def members_at(ref: list[str], kind: str | None = None) -> list[tuple[dict, dict]]:
        """Every group member over the passage: a sentence stating two facts is in two groups."""
        sid, start, end = locate(ref)
        return [(g, m) for g, m in members
                if m["source"] == sid and m["start"] < end and start < m["end"] and (kind is None or g["kind"] == kind)]

    def member_at(ref: list[str], kind: str | None = None) -> tuple[dict, dict] | None:
        hits = members_at(ref, kind)
        return hits[0] if hits else None

    def unique_at(ref: list[str], kind: str | None = None) -> dict | None:
        sid, start, end = locate(ref)
        return next(
            (u for u in result["unique"]
             if u["source"] == sid and u["start"] < end and start < u["end"] and kind in (None, u["kind"])),
            None,
        )

    def groups_of(ref: list[str], kind: str) -> set[str]:
        return {g["id"] for g, _ in members_at(ref, kind)}

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
                recall.add(bool(groups_of(r1, kind) & groups_of(r2, kind)), f"{g['name']}: {r1[0]}–{r2[0]}")
        # Precision over system pairs whose both ends gold annotates.
        # A system passage may hold several gold statements (a quote of two sentences that
        # every outlet carries whole): it belongs to each of them.
        located: dict[int, tuple[set[str], str]] = {}
        for g in gold_groups:
            for ref in g["members"]:
                for _, m in members_at(ref, kind):
                    names, _ = located.setdefault(id(m), (set(), ref[0]))
                    names.add(g["name"])
        for g in result["groups"]:
            if g["kind"] != kind:
                continue
            known = [located[id(m)] for m in g["members"] if id(m) in located]
            for (n1, k1), (n2, k2) in combinations(known, 2):
                if k1 != k2:
                    ok = bool(n1 & n2)
                    a, b = "+".join(sorted(n1)), "+".join(sorted(n2))
                    precision.add(ok, f"{a} linked with {b}")
                    if not ok:
                        wrong.append(f"{kind}: {a} / {b}")
        reports[kind] = (recall, precision)
    for r1, r2 in gold.get("must_not_link", []):
        shared = {g["id"] for g, _ in members_at(r1)} & {g["id"] for g, _ in members_at(r2)}
        if shared:
            kind_of = {g["id"]: g["kind"] for g in result["groups"]}
            wrong.append(f"{kind_of[min(shared)]}: linked {r1[1]!r} with {r2[1]!r}")

    speakers = SpeakerScore()
    # Per-passage entries ("speakers") override a group's speaker: that is how gold records a
    # quote one outlet gives to someone else.
    expected = {
        tuple(ref): g["speaker"] for g in gold.get("quote_groups", []) if g.get("speaker") for ref in g["members"]
    }
    expected |= {tuple(s["at"]): s["speaker"] for s in gold.get("single_quotes", []) + gold.get("speakers", [])}
    # A quote inside a passage that the gold and the engine both call boilerplate (a related
    # story's teaser quoting someone) is not the story's: whose words they are is not scored.
    agreed = []
    for ref in gold.get("boilerplate", []):
        if texts[file_of[ref[0]]].find(ref[1]) >= 0:
            sid, start, end = locate(ref)
            agreed += [(b["source"], b["start"], b["end"]) for b in result.get("boilerplate", [])
                       if b["source"] == sid and b["start"] <= start and end <= b["end"]]
    for ref, name in expected.items():
        sid, start, end = locate(ref)
        if any(b_sid == sid and b0 <= start and end <= b1 for b_sid, b0, b1 in agreed):
            continue
        hit = member_at(ref, "quote")
        said = hit[1].get("speaker") if hit else (unique_at(ref, "quote") or {}).get("speaker")
        speakers.judge(said, name, f"{ref[0]}: {ref[1]!r}")
    scare = Score()
    for ref in gold.get("scare_quotes", []):
        hit = member_at(ref, "quote")
        said = hit[1].get("speaker") if hit else (unique_at(ref, "quote") or {}).get("speaker")
        scare.total += 1
        if said is not None:
            scare.found += 1
            scare.misses.append(f"{ref[0]}: {ref[1]!r} is a scare quote, given to {said!r}")
    unquoted = Score()
    for g in gold.get("quote_groups", []):
        for ref in g.get("unquoted", []):
            here = member_at(ref, "quote")
            homes = set().union(*(groups_of(r, "quote") for r in g["members"]))
            unquoted.add(here is not None and here[0]["id"] in homes,
                         f"{g['name']}: {ref[0]} {ref[1]!r} (unquoted) not linked to the quote")
    # Findings built on a wrong speaker: an attribution conflict naming a speaker gold disagrees with.
    bad_findings: list[str] = []
    for ref, name in expected.items():
        hit = member_at(ref, "quote")
        if not hit or hit[1].get("speaker") is None or same_speaker(hit[1].get("speaker"), name):
            continue
        for f in hit[0].get("findings", []):
            if f["kind"] == "attribution_conflict" and hit[1]["source"] in f.get("sources", []):
                bad_findings.append(f"{hit[0]['id']}: {f.get('message', '')}")

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
            boiler.total += 1  # removed with the page chrome: not content
            continue
        used = member_at(ref) is not None or unique_at(ref) is not None
        boiler.total += 1
        if used:
            boiler.found += 1
            boiler.misses.append(f"{ref[0]}: {ref[1]!r} used as content")

    by_name = {}
    for kind in ("quote", "claim"):
        for g in gold.get(f"{kind}_groups", []):
            gid = set().union(*(groups_of(ref, kind) for ref in g["members"]))
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
        unquoted_links=unquoted, scare_speakers=scare, wrong_speaker_findings=sorted(set(bad_findings)),
    )


# An elision is an omission the outlet marked with "…": gold that says "omission" is shown it.
_SAME_KIND = {("elision", "omission")}


def _change_matches(change: dict, want: dict) -> bool:
    if change["kind"] != want["kind"] and (change["kind"], want["kind"]) not in _SAME_KIND:
        return False
    a, b = change["a"].strip(), change["b"].strip()
    wa, wb = want["a"], want["b"]
    return (wa in a and wb in b) or (wa in b and wb in a)
