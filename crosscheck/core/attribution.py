"""Who said each quote: the patterns reporters use, then pronouns, roles and institutions.

Order of evidence, strongest first: an attribution right after the quote (``,” X said`` /
``, said X`` / ``, X, the spokesperson for Y, told …``); a verb of saying before it in the same
sentence (``X said: “…”``, ``X told reporters that “…”``, ``according to X``); the speaker of
the previous quote in the same paragraph, or of an earlier quote when this one stands alone
and nobody else has been named since (``X continued:`` style runs); and, for a full quote
standing alone, the person the sentence before reports as speaking.

Speakers are people (their fullest name in the story), institutions and roles as the article
writes them (``police``, ``the ministry``, ``a company spokeswoman``): a role becomes a person
only when the article says who holds it. When the evidence is weak the speaker is unknown,
never the nearest name in the text. Each attribution says whether it is *sure*: the speaker
is named in the attribution itself, or continues such a run in the same paragraph. Only sure
speakers may raise an attribution conflict.
"""

from __future__ import annotations

import bisect
import re as stdre  # small patterns used once: the standard module's cache is the faster
from dataclasses import dataclass, replace

import regex as re  # the name patterns, with Unicode letter properties (\p{Lu}) that compile fast

from crosscheck.core.lazyre import lazy
from crosscheck.core.marks import ALL_MARKS, DOUBLE_CLASS
from crosscheck.core.model import Span
from crosscheck.core.normalize import CALENDAR_WORDS, STOPWORDS
from crosscheck.core.people import (
    CAPITALISED_RUN,
    NATIONALITY_WORDS,
    NOT_PERSON_WORDS,
    ORGANISATION_WORDS,
    PLACE_PREFIXES,
    POSSESSIVE,
    ROLE_WORDS,
    NameBook,
    find_people,
    is_pronoun,
    split_name,
)
from crosscheck.core.quotes import QuoteSpan
from crosscheck.core.spans import Spans, text_end
from crosscheck.core.speakers_cjk import CJK_CHAR, cjk_speaker

_VERBS = """said says say saying told tells telling added adds adding continued continues
continuing warned warns warning stated states claimed claims stressed stresses suggested
suggests noted notes explained explains argued argues insisted insists asked asks wrote writes
tweeted tweets announced announces confirmed confirms declared declares remarked remarked
replied replies responded responds commented comments described describes called calls urged
urges promised promises vowed vows admitted admits acknowledged acknowledges asserted asserts
emphasized emphasised emphasizes emphasises maintained maintains recalled recalls predicted
predicts conceded concedes reiterated reiterates posted observed quipped joked answered
cautioned cautions pointed complained complains testified testifies recounted recounts
concluded concludes countered counters shouted pleaded alleged alleges estimated estimates
disclosed revealed reveals boasted lamented lamenting hailed hails ruled rules wrote writing
blamed blames cited cites accused accuses praised praises criticized criticised condemned denied
defended defends remembered remembering remembers mourned mourns mourning confirming captioned penned
tweeting posting noting stating explaining insisting claiming arguing
dijo afirmó declaró aseguró señaló explicó añadió sagte erklärte betonte meinte fügte
dit déclaré affirmé expliqué ajouté detto dichiarato affermato spiegato aggiunto disse afirmou""".split()
# Forms that are more often plural nouns ("The comments came…") never count as a speech verb.
_NOUN_LIKE = {"comments", "claims", "notes", "states", "calls", "promises", "vows", "tweets", "answers", "say",
              "rules", "counters", "estimates"}
VERB = r"(?<![-\w])(?:" + "|".join(sorted(set(_VERBS) - _NOUN_LIKE, key=len, reverse=True)) + r")(?![-\w])"
_VERB_RE = lazy(rf"{VERB}|\baccording to\b", re.I)
# Institutions and groups that speak: "the court said", "police said", "a company spokeswoman said".
_INSTITUTIONS = """court tribunal ministry department police force prosecutors prosecutor prosecution office
government agency company firm commission council authority authorities officials official organization
organisation spokesperson spokeswoman spokesman statement club team union party embassy army military
board committee regulator hospital university institute service services investigators researchers
scientists witnesses witness analysts experts doctors residents organizers organisers lawyers lawyer
attorneys attorney family relatives source sources fire brigade airline operator group bank account
representatives spokespeople publicist estate management label""".split()
_PERSON_HEADS = """official minister ambassador envoy spokesperson spokeswoman spokesman president
diplomat leader chief mayor secretary premier chancellor lawmaker senator governor source analyst
expert author researcher professor officer commander general director master representative aide
adviser advisor player striker coach manager captain judge witness scientist doctor prosecutor
lawyer attorney executive founder driver pilot pm passenger eyewitness bystander resident student""".split()
_HEADS = sorted(set(_INSTITUTIONS) | set(_PERSON_HEADS), key=len, reverse=True)
_DESCRIPTION = lazy(
    r"\b(?:the|a|an|this|that|another|one|[A-Z][\w.-]*[’']s|its|their|his|her)\s+(?:[\w’'.-]+\s+){0,3}"
    r"(?P<head>" + "|".join(_HEADS) + r")\b",
    re.I,
)
_GROUPS = r"(?:police|prosecutors|officials|authorities|investigators|researchers|scientists|witnesses|analysts|" \
          r"experts|doctors|residents|organizers|organisers|lawyers|attorneys|relatives|sources)"
_ROLES_RE = "|".join(sorted(ROLE_WORDS - {"late", "former", "acting", "interim"}, key=len, reverse=True))
_LOWER_ROLE = (
    r"(?:[a-z]+[ \t]+){0,2}?(?:(?:" + _ROLES_RE + r"|council|city|police)[ \t]+){1,3}"
    r"(?:(?:of|for)[ \t]+(?:[a-z&]+[ \t]+){1,4})?"
)
_ORG_PREFIX = (
    rf"(?:(?:{CAPITALISED_RUN.pattern}|[A-Z]{{2,6}})(?:[ \t]+(?:of|for|and)[ \t]+{CAPITALISED_RUN.pattern})*"
    rf"[ \t]+(?={_LOWER_ROLE}))?"
)
_WHO = (
    rf"(?P<who>(?:he|she|they|it|we|I)\b|(?:(?:the|a|an)\s+(?:[a-z0-9][\w-]*\s+){{0,3}}?)?{_ORG_PREFIX}"
    rf"(?:{_LOWER_ROLE})?{CAPITALISED_RUN.pattern}|"
    rf"{_DESCRIPTION.pattern.replace('(?P<head>', '(?:')}|{_GROUPS}\b"
    rf"|(?:[Tt]he\s+)?[A-Z]{{2,6}}(?:\s+{_GROUPS})?(?![\w’']))"
)
_AUX = r"(?:(?:a|ha|hat|has|have|had|was|is)\s+)?"  # "a déclaré", "ha detto", "hat gesagt"
# A name that acts: a verb, a possessive or a legal suffix right after it
_ACTS = stdre.compile(rf"(?:[’']s\b|\s+(?:Inc|Corp|Ltd|Group)\b|\s+(?:\w+ly\s+)?(?:{VERB}|[a-z]+(?:s|ed)\b))")
_AFTER_VERB_FIRST = lazy(rf"^[\s,.;:–—-]{{0,4}}(?:\w+ly\s+)?{_AUX}(?:{VERB}|according\s+to)\s+{_WHO}")
# "”…” was how his manager X, writing in his autobiography, described …"
_AFTER_HOW = lazy(
    rf"^[\s,.;:–—-]{{0,4}}(?:was|is|were|are)\s+how\s+{_WHO}(?:,[^,]{{1,120}},)?\s+(?:\w+\s+)?(?:{VERB}|put it)"
)
# "…,” read a statement issued by X."
_AFTER_STATEMENT = lazy(
    rf"^[\s,.;:–—-]{{0,4}}(?:read|reads|according to)\s+(?:a|the)\s+statement\s+(?:\w+\s+)?(?:by|from)\s+{_WHO}"
)
# "the Finance Minister and Deputy Prime Minister said": one person holding two titles
_AND_TITLE = rf"\s+and\s+(?:[A-Z][\w-]*\s+){{0,3}}?(?i:{_ROLES_RE})\b"
_AFTER_WHO_FIRST = lazy(
    rf"^[\s,.;:–—-]{{0,4}}{_WHO}(?:{_AND_TITLE})?(?:\s+(?:senior|junior))?(?:\s+(?:later|also|then|once|again|earlier))?(?:\s*\([^)]{{1,80}}\))?(?:,(?:(?!{DOUBLE_CLASS}).){{1,240}}?,)?\s+(?:\w+ly\s+)?"
    rf"(?P<verb>{VERB})\b"
)
# An organisation's acronym ("the DHS said"), not a word of a line set in capitals
_ACRONYM = lazy(r"(?<![A-Z] )\b[A-Z]{2,6}\b(?![’'.-]\w| [A-Z]{2})")
# "…,” said mission coordination lead Nancy Chabot": a description in lower case, then the name
_AFTER_VERB_DESCRIBED = lazy(
    r"^[\s,.;:–—-]{0,4}(?:said|says|added|told|wrote|explained)\s+"
    r"(?!(?:in|on|at|to|that|after|before|during|when|while|of|for|with|from|by|as)\b)"
    rf"(?:[a-z][\w’'-]*\s+){{1,4}}(?P<who>{CAPITALISED_RUN.pattern})"
)
_ROLE_ALIASES = {"spokeswoman": "spokesperson", "spokesman": "spokesperson", "pm": "prime", "premier": "prime"}
_ORG_WORDS = ORGANISATION_WORDS | set(_INSTITUTIONS)
_PLURAL_PRONOUNS = {"they", "it", "we"}
_PREPOSITIONS = {"of", "in", "at", "from", "for", "with", "by", "to", "on", "near", "across", "outside", "inside"}
_PLATFORMS = {"facebook", "twitter", "instagram", "telegram"}  # companies too, not only places to post
_FATHER = lazy(r"\b(?:father|dad)\s+([A-Z][a-zæøåäöüé]+)\b(?!\s+[A-Z])")
_SON = lazy(r"\b(?:son)\s+([A-Z][a-zæøåäöüé]+)\b(?!\s+[A-Z])")
_PLACE_PREFIXES = PLACE_PREFIXES
# What "the force" or "the agency" may stand for, by the words in an organisation's name.
_ORG_KINDS = {
    "force": ("police", "constabulary", "force"),
    "agency": ("agency", "department", "service", "administration", "organization", "organisation"),
    "organisation": ("organization", "organisation"), "organization": ("organization", "organisation"),
}
_GENERIC_ORGS = {"company", "firm", "group", "airline", "operator", "club", "team", "bank"}


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    how: str  # "after", "before", "continued", "context", "" when unknown
    sure: bool = False  # named in the attribution itself, or a run continuing one in the paragraph
    person: bool = False  # a person (not an institution or a role as written)


@dataclass(frozen=True)
class _Said:
    """A resolved speaker and whether the attribution named it outright."""

    who: str | None
    named: bool
    person: bool


_NOBODY = _Said(None, False, False)


def attribute_quotes(
    text: str,
    quotes: list[QuoteSpan],
    sentences: tuple[Span, ...],
    paragraphs: tuple[Span, ...],
    book: NameBook,
    furniture: tuple[Span, ...] = (),
) -> list[Attribution]:
    """Who said each quote. ``furniture`` is page clutter (captions, credits) that a reader skips:
    it does not stand between a speaker's quotes."""
    masked = _mask(text, quotes)
    if furniture:  # read the article as the reader does: without its captions and credits
        clutter = Spans((f, f) for f in furniture)
        skipped = {p for p in paragraphs
                   if any(f.start <= p.start and p.end <= f.end for f, _ in clutter.touching(p.start, p.end))}
        kept = tuple(p for p in paragraphs if p not in skipped)
        chars = list(masked)
        for p in paragraphs:
            if p in skipped:
                chars[p.start : p.end] = [c if c == "\n" else " " for c in masked[p.start : p.end]]
        masked = "".join(chars)
        paragraphs = kept
    singles = _surname_positions(text, book)
    page_end = text_end(text)  # where the page's last words end
    starts = [s.start for s in sentences]
    ctx = _Context(text, masked, book, singles, quotes, paragraphs, starts)
    out: list[Attribution] = []
    people: list[bool] = []
    for i, q in enumerate(quotes):
        if CJK_CHAR.search(text[q.span.start : q.span.end]):
            who, how = cjk_speaker(text, q, sentences, starts, book)
            out.append(Attribution(who, how if who else "", sure=how in ("after", "before"), person=True))
            people.append(True)
            continue
        para = _containing(paragraphs, q.outer.start)
        nxt = quotes[i + 1].outer.start if i + 1 < len(quotes) else len(text)
        after = masked[q.outer.end : min(para.end, nxt)]
        sent = sentences[max(0, bisect.bisect_right(starts, q.outer.start) - 1)] if sentences else para
        before_start = max(para.start, min(sent.start, q.outer.start))
        before = masked[before_start : q.outer.start]
        said, how = _NOBODY, ""
        who = _after(after)
        if who is not None:
            said, how = ctx.resolve(who, q.outer.end, i, out, people), "after"
        if said.who is None:
            # "A “faulty change” knocked it offline, according to a statement from the company."
            end = sentences[min(len(sentences) - 1, bisect.bisect_right(starts, q.outer.end) - 1)].end \
                if sentences else para.end
            rest = masked[q.outer.end : max(end, q.outer.end)]
            # (each pattern is tried only where its own words occur: the large ones compile on
            # first use, and a short comparison should not pay for constructions it lacks)
            m = ("according to" in rest and _ACCORDING_LATER.search(rest)) or (
                "," in rest and _LATER_VERB.search(rest) and _SAID_LATER.search(rest)) or (
                _VERB_AFTER_COMMA.search(rest) and _SAID_LATER_VERB_FIRST.search(rest))
            if m:
                said, how = ctx.resolve(m.group("who"), q.outer.end, i, out, people), "after"
        cut = q.outer.end >= page_end  # the page ends in or right after this quote
        if said.who is None and who is None and para.end >= page_end and (m := _CUT_AFTER.match(after)):
            # "…,” Mark Jensenius, DART guidance engineer at the   (the page ends before "said")
            said, how = ctx.resolve(m.group("who"), q.outer.end, i, out, people), "after"
        if who is None and _is_headline(text, para, paragraphs):
            # A headline's own conventions: "‘Call it a day’ — Ardern resigns", "Ardern: ‘…’"
            m = _HEADLINE_AFTER.match(after) or _HEADLINE_BEFORE.search(before)
            titled = _HEADLINE_SAYS.match(after)
            if m:
                said, how = ctx.resolve(m.group("name"), q.outer.start, i, out, people), "after"
            elif titled:
                # "'…,' Remembers Longtime Manager": a headline in title case; a role is read as one
                who = titled.group("name")
                words = who.split()
                if any(w.lower() in ROLE_WORDS for w in words):
                    who = "the " + who.lower()
                said, how = ctx.resolve(who, q.outer.start, i, out, people), "after"
        # The previous quote's own attribution ("…,” X told Y. “…”) is not evidence for this one.
        after_previous = i > 0 and out[i - 1].how == "after" and quotes[i - 1].outer.end > before_start
        if said.who is None and not after_previous:
            who = _before(before, book)
            if who is not None:
                said, how = ctx.resolve(who, q.outer.start, i, out, people), "before"
        if said.who is None and not after_previous and "In" in before and (m := _IN_WRITING.search(before)):
            said, how = ctx.resolve(m.group("who"), q.outer.start, i, out, people), "before"
        if said.who is None and not _scare(before):
            inherited = _inherit(i, quotes, out, para, paragraphs, masked, ctx)
            if inherited.speaker is not None:
                out.append(replace(inherited, person=people[i - 1]))
                people.append(people[i - 1])
                continue
            # A quotation the page cuts off lost its attribution with it: only a run of quotes
            # it continues says whose it is, not the sentences of reporting before it.
            if not q.partial and not (cut and not _closed(text, q)):
                said, how = _context(q, ctx, sentences, starts, i, out, people), "context"
        out.append(Attribution(said.who, how if said.who else "", sure=said.named and how in ("after", "before"),
                               person=said.person))
        people.append(said.person)
    _ahead(text, quotes, out, paragraphs, masked, ctx)
    _echoes(text, quotes, out, masked)
    return out


def _closed(text: str, q: QuoteSpan) -> bool:
    return q.outer.end > q.span.end and text[q.outer.end - 1] in ALL_MARKS


_VERB_AFTER_COMMA = stdre.compile(r",\s*(?:said|says|added|warned)\s")
_LATER_VERB = stdre.compile(r"(?:said|says|told|added|warned|stated)\b")
_CUT_AFTER = lazy(rf"^\s*(?P<who>{CAPITALISED_RUN.pattern}),\s+[^.!?\n]{{0,200}}$")
_WORDS = lazy(r"\w+")


def _echoes(text: str, quotes: list[QuoteSpan], out: list[Attribution], masked: str) -> None:
    """A quote nobody is named for that repeats words quoted elsewhere in the article by a named
    speaker is that speaker's (a headline's "‘Terror and joy’" from the body's "…terror and
    joy at the same time,” Adams said"); three words at least, never a scare quote."""
    said = [(out[j].speaker, out[j].person, _WORDS.findall(text[q.span.start : q.span.end].lower()))
            for j, q in enumerate(quotes) if out[j].sure and out[j].speaker]
    by_start: dict[tuple[str, ...], set[int]] = {}  # three words → the named quotes holding them
    for n, (_, _, other) in enumerate(said):
        for k in range(len(other) - 2):
            by_start.setdefault(tuple(other[k : k + 3]), set()).add(n)
    for i, q in enumerate(quotes):
        if out[i].speaker is not None:
            continue
        words = _WORDS.findall(text[q.span.start : q.span.end].lower())
        if len(words) < 3 or _scare(masked[max(0, q.outer.start - 40) : q.outer.start]):
            continue
        n = len(words)
        candidates = [said[c] for c in sorted(by_start.get(tuple(words[:3]), ()))]
        hits = {(who, person) for who, person, other in candidates if len(other) > n
                and any(other[k : k + n] == words for k in range(len(other) - n + 1))}
        if len({who for who, _ in hits}) == 1:
            who, person = hits.pop()
            out[i] = Attribution(who, "echo", sure=False, person=person)


def _ahead(
    text: str, quotes: list[QuoteSpan], out: list[Attribution], paragraphs: tuple[Span, ...], masked: str,
    ctx: _Context,
) -> None:
    """A paragraph whose last quote is attributed at its end ("… learn “that the changes …” …
    It had a “cascading effect,” Janardhan said.") attributes its earlier quotes of four words or
    more too, when nothing between them names anyone else or reports anyone's words."""
    for i in range(len(quotes) - 2, -1, -1):
        nxt = out[i + 1]
        if out[i].speaker is not None or nxt.speaker is None or nxt.how != "after" or not nxt.sure:
            continue
        para = _containing(paragraphs, quotes[i].outer.start)
        if not para.start <= quotes[i + 1].outer.start < para.end:
            continue
        words = text[quotes[i].span.start : quotes[i].span.end].split()
        between = masked[quotes[i].outer.end : quotes[i + 1].outer.start]
        before = masked[para.start : quotes[i].outer.start]
        if len(words) < 4 or _scare(before) or _VERB_RE.search(before + between):
            continue
        if _names_anyone(before + " " + between, ctx, nxt.speaker):
            continue
        out[i] = Attribution(nxt.speaker, "continued", sure=False, person=nxt.person)


class _Context:
    """What resolving a pronoun or a role needs to know about the article."""

    def __init__(self, text, masked, book, singles, quotes, paragraphs, starts) -> None:
        self.text, self.masked, self.book, self.singles = text, masked, book, singles
        self.quotes, self.paragraphs, self.starts = quotes, paragraphs, starts
        self._orgs: list[tuple[int, str]] | None = None
        self._fitting: dict[str, list[tuple[int, str]]] = {}  # organisations of each kind ("airline")
        # Positions, sorted once, so that "who is named between here and there" costs the names
        # found there, not every name of a long article.
        self._own = sorted((m.span.start, m.name) for m in book.own)
        self._own_at = [at for at, _ in self._own]
        self._singles = sorted(singles)
        self._singles_at = [p for p, _ in self._singles]
        self._quoted = Spans((q.outer, q) for q in quotes)
        self._para_starts = [p.start for p in paragraphs]

    def resolve(self, who: str, pos: int, i: int, done: list[Attribution], people: list[bool]) -> _Said:
        who = who.strip()
        low = who.lower()
        if is_pronoun(who):
            person, sure = self._person_before(pos, i, done, people)
            return _Said(person, sure, True)
        if low in _PLURAL_PRONOUNS:
            return _Said(self._institution_before(pos, i, done, people), False, False)
        if low == "i":
            return _NOBODY
        desc = _DESCRIPTION.fullmatch(who) or (_DESCRIPTION.match(who) if who[:1].islower() else None)
        if desc and desc.group("head").lower() in ("statement", "source", "sources"):
            # "the statement concluded": whoever issued it — the speaker of the quote just before,
            # else the institution the article has just named
            if i > 0 and done[i - 1].speaker and self.quotes[i - 1].outer.end >= self._paragraph_floor(pos, 1):
                return _Said(done[i - 1].speaker, False, people[i - 1])
            issuer = self._institution_before(pos, i, done, people) or self._organisation("company", pos)
            return _Said(issuer, False, False) if issuer else _NOBODY
        if low in ("officials", "official", "spokespeople", "representatives"):
            # "officials said", after "CDFW officials made the decision": those officials
            named = list(re.finditer(rf"(?:{CAPITALISED_RUN.pattern}|\b[A-Z]{{2,6}})\s+{low}\b",
                                     self.masked[self._paragraph_floor(pos, 3) : pos]))
            if named:
                return _Said(_as_written(named[-1].group()), False, False)
            if i > 0 and done[i - 1].speaker and not people[i - 1] \
                    and self.quotes[i - 1].outer.end >= self._paragraph_floor(pos, 2):
                # "…,” read a statement issued by CDFW. … “…,” officials said: the body just quoted
                return _Said(done[i - 1].speaker, False, False)
        if desc or stdre.fullmatch(_GROUPS, who, stdre.I):
            said = self._role(who, desc.group("head").lower() if desc else low, pos)
            if said.person and said.who == _as_written(who) and stdre.match(r"(?i)the\b", who):
                # "the official said": the person just named, as "he said" would be
                person, _ = self._person_before(pos, i, done, people)
                if person:
                    return _Said(person, False, True)
            return said
        parts = who.split()
        while parts and parts[0].islower():  # "council leader Tomas Brandt"
            parts.pop(0)
        words = parts  # particles stay: "Ursula von der Leyen"
        if not words or all(w.lower().strip(".") in ROLE_WORDS for w in words):
            return _NOBODY
        known = self._known_in(words)
        if known:
            return _Said(known, True, True)
        name = split_name(words)[1]
        if _is_organisation(words, name, self.book):
            return _Said(_as_written(" ".join(words)), True, False)
        if not name:
            return _NOBODY
        full = self.book.full_name(" ".join(name), pos)
        if not self.book.knows(full) and any(w.lower() in NOT_PERSON_WORDS - ORGANISATION_WORDS for w in name):
            return _NOBODY  # "Monday", "Tuesday": no one
        family = stdre.search(r"\s(senior|junior|Sr\.?|Jr\.?)$", who)
        if family:  # "Solskjaer senior": not the Solskjaer named in full, but the father the article names
            relative = _FATHER if family.group(1).lower().startswith(("senior", "sr")) else _SON
            m = relative.search(self.masked)
            surname = who.split()[0]
            return _Said(f"{m.group(1)} {surname}" if m else who.strip(), True, True)
        if len(name) >= 2 and not self.book.knows(full) and name[0].lower() in _PLACE_PREFIXES:
            return _NOBODY  # a place, not a person: "San Jose", "New York"
        return _Said(full, True, True)

    def _known_in(self, words: list[str]) -> str | None:
        """A person the story names, at the end of a longer run ("California Department of Fish
        and Wildlife director Chuck Bonham")."""
        for k in range(len(words) - 1):
            tail = " ".join(words[k:])
            if len(words) - k >= 2 and self.book.knows(tail) and k > 0:
                return tail
        return None

    def _person_before(
        self, pos: int, i: int, done: list[Attribution], people: list[bool]
    ) -> tuple[str | None, bool]:
        """``he``/``she``: the person named since the previous quote as the subject of a
        sentence, else that quote's speaker; else unknown (someone named only in passing, "beat
        Kipchoge's record", is no antecedent). Sure when there was only one person it could be:
        one named since the previous quote, or none and that quote's."""
        prev_end = self.quotes[i - 1].outer.end if i > 0 else -1
        floor = self._paragraph_floor(pos, 2)
        since = self._people_between(max(prev_end, floor), pos)
        if since and self._body_took_over(since[-1], max(prev_end, floor), pos):
            return None, False
        if since:
            return since[-1], len(set(since)) == 1
        if i > 0 and done[i - 1].speaker and people[i - 1] and prev_end >= floor:
            return done[i - 1].speaker, True
        return None, False

    def _body_took_over(self, person: str, start: int, pos: int) -> bool:
        """Whether, after ``person`` was last named, a paragraph before the quote's opened with an
        organisation as its subject ("UNICEF highlighted …"): "he said" then has no clear
        antecedent, and the speaker is unknown."""
        named = [m.span.start for m in self.book.own if m.name == person and start <= m.span.start < pos]
        named += [p for p, w in self.singles if start <= p < pos and self.book.full_name(w, p) == person]
        if not named:
            return False
        known = {name for _, name in self.organisations()}
        own_para = self._paragraph_floor(pos, 0)
        for para in self.paragraphs:
            if max(named) < para.start < own_para:
                m = _SUBJECT_ORG.match(self.masked[para.start : para.end])
                if m and (m.group("org").isupper() or _as_written(m.group("org")) in known):
                    return True
        return False

    def _people_between(self, start: int, end: int, subjects: bool = True) -> list[str]:
        """The people named in ``[start, end)`` (as the subject of their sentence, if
        ``subjects``), full names, in reading order."""
        found = self._own[bisect.bisect_left(self._own_at, start) : bisect.bisect_left(self._own_at, end)]
        alone = self._singles[bisect.bisect_left(self._singles_at, start) : bisect.bisect_left(self._singles_at, end)]
        found += [(p, self.book.full_name(w, p)) for p, w in alone]
        return [name for at, name in sorted(found)
                if not any(o.start < at < o.end for o, _ in self._quoted.touching(at, at + 1))
                and (not subjects or self._is_subject(at))]

    def _is_subject(self, at: int) -> bool:
        """Whether the name at ``at`` opens its sentence or clause ("Ex-State Supreme Court Justice
        Sylvia Ash, 64, was sentenced…", "Before the sentence, Ash said…"), rather than being an
        object ("The judge said Ash …")."""
        k = bisect.bisect_right(self.starts, at) - 1
        start = self.starts[k] if k >= 0 else 0
        if stdre.search(r"\baccording to\s*$", self.masked[max(start, at - 20) : at]):
            return True  # "according to Steve Coleman": the one reported as speaking
        lead = self.masked[start:at].rsplit(",", 1)[-1] if "," in self.masked[start:at] else self.masked[start:at]
        words = stdre.findall(r"[^\W\d_][\w’'.-]*", lead)
        return all(w[:1].isupper() or w.lower() in ROLE_WORDS or w.lower() in ("the", "a", "an", "of", "and")
                   for w in words)

    def _paragraph_floor(self, pos: int, back: int) -> int:
        """Where the paragraph ``back`` paragraphs before the one holding ``pos`` starts."""
        k = bisect.bisect_right(self._para_starts, pos) - 1  # paragraphs do not overlap
        idx = k if k >= 0 and pos < self.paragraphs[k].end + 1 else 0
        return self.paragraphs[max(0, idx - back)].start if self.paragraphs else 0

    def _institution_before(self, pos: int, i: int, done: list[Attribution], people: list[bool]) -> str | None:
        """``they``/``it`` said: the institution named in the sentences just before, else the
        previous quote's institution."""
        floor = self._paragraph_floor(pos, 1)
        # Not the sentence of the quote itself: "Guinea, Liberia and Sierra Leone “remain at risk,”
        # it said" — the names before the quote are what it is about, not who says it.
        k = bisect.bisect_right(self.starts, pos - 1) - 1
        ceiling = self.starts[k] if k >= 0 and self.starts[k] > floor else pos
        window = self.masked[floor:ceiling]
        best: tuple[int, str] | None = None
        subject: tuple[int, str] | None = None
        known = {name for _, name in self.organisations()}
        runs = sorted([*CAPITALISED_RUN.finditer(window), *_ACRONYM.finditer(window)], key=lambda m: m.start())
        for m in runs:
            words = m.group().split()
            run = POSSESSIVE.sub("", m.group())
            lead = window[max(0, m.start() - 8) : m.start()].lower().split()
            if lead and lead[-1] in _PREPOSITIONS:
                continue  # "the last patient in Liberia": a place in passing, not who speaks
            if _org_word(words) or any(w.isupper() and len(w) > 1 for w in words) or run in known:
                best = (m.start(), _as_written(run))
                if stdre.search(r"(?:^|[.!?]\s+|\n)(?:The\s+)?$", window[: m.start()]):
                    subject = best
        # "The DHS accused Harvard … It also said": "it" carries on the subject, not the object
        best = subject or best
        lower_groups = rf"\b(?:[Tt]he\s+)?({_GROUPS}|(?:company|government|ministry|court|agency|club|council))\b(?!-)"
        for m in stdre.finditer(lower_groups, window):
            if best is None or m.start() > best[0]:
                best = (m.start(), m.group(1).lower())
        if best:
            if best[1] in _GENERIC_ORGS or best[1] in _ORG_KINDS:  # "the company" just before: which one
                return self._organisation(best[1], pos) or best[1]
            return best[1]
        if i > 0 and done[i - 1].speaker and not people[i - 1]:
            return done[i - 1].speaker
        return None

    def _role(self, who: str, head: str, pos: int) -> _Said:
        """A role or institution: the person who holds it when the article says so, else as written."""
        head = _ROLE_ALIASES.get(head, head)
        nationality = next((w for w in who.lower().split() if w in NATIONALITY_WORDS), None)
        holders = {m.name for m in self.book.own
                   if (head in m.roles or _ROLE_ALIASES.get(head) in m.roles or head in _alias_roles(m.roles))
                   and (nationality is None or nationality in m.roles)}
        wanted = {w for w in stdre.findall(r"[a-z-]+", who.lower()) if w in ROLE_WORDS} - NATIONALITY_WORDS
        if len(wanted) > 1:  # "the Finance Minister": the minister of finance, not the prime minister
            holders = {m.name for m in self.book.own if m.name in holders and wanted <= _alias_roles(m.roles)}
        if not holders and nationality:
            holders = {m.name for m in self.book.own if nationality in m.roles}
        if not holders and len(wanted) >= 2:
            # "the Finance Minister and Deputy Prime Minister": a title this specific names the one
            # person the story gives it, even if this article does not name them
            holders = {m.name for m in self.book.others if wanted <= _alias_roles(m.roles)}
        if len(holders) == 1:
            return _Said(holders.pop(), False, True)
        if head not in _PERSON_HEADS and stdre.match(r"(?i)the\b", who.strip()):
            org = self._organisation(head, pos)  # "the company said": the company the article names
            if org:
                return _Said(org, False, False)
        return _Said(_as_written(who), False, head in _PERSON_HEADS)

    def _organisation(self, head: str, pos: int) -> str | None:
        """The organisation that "the company", "the force" or "the agency" refers to: the one
        of that kind named last before ``pos``, else the one the article names most."""
        if head not in self._fitting:
            kinds = _ORG_KINDS.get(head, (head,))
            named = self.organisations()
            # "the airline": an organisation with that word in its name ("Turkish Airlines"), else,
            # for a company-like word, the organisation the article names most.
            fitting = [(at, name) for at, name in named
                       if any(w.startswith(k) for k in kinds for w in name.lower().split())]
            if not fitting and head in _GENERIC_ORGS:
                fitting = list(named)
            self._fitting[head] = fitting
        fitting = self._fitting[head]
        if head in _GENERIC_ORGS and fitting:  # "the company": the one the article is about
            counts: dict[str, int] = {}
            last: dict[str, int] = {}
            for at, name in fitting:
                counts[name] = counts.get(name, 0) + 1
                last[name] = max(at, last.get(name, at))
            return max(counts, key=lambda n: (counts[n], last[n] < pos))
        k = bisect.bisect_left(fitting, pos, key=lambda an: an[0])  # (in text order)
        return fitting[k - 1][1] if k else None

    def organisations(self) -> list[tuple[int, str]]:
        """Organisations named outside quotations: runs with an organisation word (``West Midlands
        Police``), acronyms, and single names the article repeats that are no one's name."""
        if self._orgs is not None:
            return self._orgs
        runs = [(m.start(), POSSESSIVE.sub("", m.group())) for m in CAPITALISED_RUN.finditer(self.masked)]
        counts: dict[str, int] = {}
        # A name that stands after "in", "at", "from" more often than it acts ("Cisco said",
        # "Facebook’s", "Facebook Inc", "Lumora makes") is a place, not a company.
        placed: dict[str, int] = {}
        acted: dict[str, int] = {}
        for at, run in runs:
            counts[run] = counts.get(run, 0) + 1
            before = self.masked[max(0, at - 8) : at].lower().split()
            if before and before[-1] in _PREPOSITIONS:
                placed[run] = placed.get(run, 0) + 1
            after = self.masked[at + len(run) : at + len(run) + 16]
            if _ACTS.match(after):
                acted[run] = acted.get(run, 0) + 1
        acting = {run for run, n in acted.items() if n >= placed.get(run, 0)}
        places = {run for run, n in placed.items() if n > acted.get(run, 0)}
        out = []
        for at, run in runs:
            words = run.split()
            if _org_word(words) or (len(words) == 1 and run.isupper() and 2 <= len(run) <= 6
                                    and run.lower() not in ROLE_WORDS):
                out.append((at, _as_written(_up_to_organisation_word(run))))
            elif len(words) == 1 and counts[run] >= 2 and run in acting and run not in places and (
                run.lower() not in STOPWORDS | NATIONALITY_WORDS | (NOT_PERSON_WORDS - _PLATFORMS)
            ) and not self.book.is_known_surname(run) and self.book.full_name(run) == run:
                out.append((at, run))
        self._orgs = out
        return out


def _alias_roles(roles: frozenset[str]) -> set[str]:
    return {_ROLE_ALIASES.get(r, r) for r in roles}


def _is_organisation(words: list[str], name: list[str], book: NameBook) -> bool:
    """A capitalised run that names an organisation rather than a person: it holds an
    organisation word (``West Midlands Police``, ``World Health Organization``), or it is no
    known person and not two to four name words."""
    if _org_word(words):
        return True
    if len(words) == 1 and (words[0].lower() in STOPWORDS or words[0].lower() in CALENDAR_WORDS):
        return False  # "The", "Monday": no organisation
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return True  # WHO, NASA
    if name and (book.is_known_surname(name[-1]) or len(name) >= 2):
        return False
    return len(words) == 1 and not book.is_known_surname(words[0]) and book.full_name(words[0]) == words[0]


def _org_word(words: list[str]) -> bool:
    return any(POSSESSIVE.sub("", w.lower()) in _ORG_WORDS - STOPWORDS for w in words[-2:])


def _up_to_organisation_word(run: str) -> str:
    """"Turkish Airlines Flight" -> "Turkish Airlines": the name ends with its organisation word."""
    words = run.split()
    ends = [k for k, w in enumerate(words) if POSSESSIVE.sub("", w.lower()) in _ORG_WORDS - STOPWORDS]
    return " ".join(words[: ends[-1] + 1]) if ends else run


def _as_written(who: str) -> str:
    """A role or institution as the article writes it, without its article: "company spokeswoman"."""
    who = stdre.sub(r"^(?:the|a|an|one|another)\s+", "", who.strip(), flags=re.I)
    # "a statement from her publicist" speaks for the publicist
    return stdre.sub(r"^statement\s+(?:from|by|of)\s+", "", who, flags=re.I)


_SCARE_LEAD = lazy(r"\b(?:so-called|dubbed|known as|nicknamed|termed|labelled|labeled|branded|titled)\s*$",
                         re.I)


def _scare(before: str) -> bool:
    return bool(_SCARE_LEAD.search(before))


_ACCORDING_LATER = lazy(
    rf",\s*according to\s+(?:(?:a|the)\s+statement\s+(?:from|by)\s+)?{_WHO}(?=\s*(?:[.!]|,\s*(?:which|who)\b|$))"
)
# "… but “more flare-ups” are expected, the World Health Organization (WHO) said on Thursday."
_SAID_LATER = lazy(
    rf",\s*{_WHO}(?:\s*\([^)]{{1,40}}\))?\s+(?:\w+ly\s+)?(?:said|says|told|added|warned|stated)\b"
)
# "… before he can apply for parole, said Andrew Fawcett, Pistorius' instructing attorney."
_SAID_LATER_VERB_FIRST = lazy(rf",\s*(?:said|says|added|warned)\s+{_WHO}\s*(?:[,.;]|$)")
# "In a letter to the university, Noem gave Harvard “the opportunity” …": words from the
# letter, statement or post of the sentence's subject
_IN_WRITING = lazy(
    r"(?:^|[.!?]\s+)\s*In\s+(?:a|an|the|her|his|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:letter|statement|post|interview|e-?mail|memo|tweet|video|speech|op-ed|essay|message|filing)\b"
    rf"[^,.;:]{{0,80}},\s*{_WHO}\s+(?:\w+ly\s+)?[a-z]+"
)
_HEADLINE_AFTER = lazy(rf"^[\s,]*[—–:-]\s*(?P<name>{CAPITALISED_RUN.pattern})")
_HEADLINE_SAYS = lazy(
    r"^[\s,]*(?:Says|Said|Remembers|Recalls|Tells|Warns|Admits|Insists|Claims|Writes)\s+"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s*$"
)
_HEADLINE_BEFORE = lazy(rf"^\s*(?P<name>{CAPITALISED_RUN.pattern})\s*:\s*$")


def _is_headline(text: str, para: Span, paragraphs: tuple[Span, ...]) -> bool:
    """The article's first paragraph, short and without a full stop: its headline."""
    if not paragraphs or para != paragraphs[0]:
        return False
    line = text[para.start : para.end]
    return len(line.split()) <= 20 and not line.rstrip().endswith(".")


def _mask(text: str, quotes: list[QuoteSpan]) -> str:
    """The text with quotation contents blanked, so quoted words never look like attribution."""
    chars = list(text)
    for q in quotes:
        for k in range(q.outer.start + 1, q.outer.end - 1):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def _containing(spans: tuple[Span, ...], pos: int) -> Span:
    """The span (of spans in text order, not overlapping: paragraphs) that holds ``pos``."""
    k = bisect.bisect_right(spans, pos, key=lambda sp: sp.start) - 1
    if k >= 0 and spans[k].start <= pos < spans[k].end:
        return spans[k]
    return Span(pos, pos)


def _after(after: str) -> str | None:
    for pattern in (_AFTER_VERB_FIRST, _AFTER_WHO_FIRST, _AFTER_HOW, _AFTER_STATEMENT, _AFTER_VERB_DESCRIBED):
        if (pattern is _AFTER_HOW and "how" not in after) or (pattern is _AFTER_STATEMENT and "statement" not in after):
            continue  # (their words are not there: no need to compile them)
        m = pattern.match(after)
        if m and (m.group("who").lower() not in STOPWORDS - {"he", "she", "they", "it", "we"}
                  or m.group("who").isupper()):
            named = _NAMED_AFTER.match(after[m.end("who") :])
            if named and _DESCRIPTION.match(m.group("who")):
                return named.group("name")  # "said the agency’s director, Chuck Bonham, who …"
            family = stdre.match(r"\s+(senior|junior)\b", after[m.end("who") :])
            return m.group("who") + (" " + family.group(1) if family else "")
    return None


_NAMED_AFTER = lazy(
    rf"(?:[’']s)?(?:\s+[\w-]+){{0,4}}?\s*,\s*(?P<name>{CAPITALISED_RUN.pattern})\s*(?:,|\.|$)"
)


def _before(before: str, book: NameBook) -> str | None:
    """The subject of the last verb of saying before a quote that has one: "The president added
    that the country remembers, knows and “…”" is the president's ("remembers" has no subject of
    its own that is a speaker), and "X hailed … and said “…”" is X's."""
    verbs = list(_VERB_RE.finditer(before))
    noun_like = _NOUN_LIKE_VERB.search(before)
    if noun_like:  # "Lowe notes “…”": a noun-like form used as a verb right after a name
        return noun_like.group("who")
    held = _HOLDS_THAT.search(before)
    if held and (not verbs or verbs[-1].start() < held.start("who")):
        return held.group("who")  # "prosecutors revealed that MCU's attorney believes that … “…”"
    coordinated = None
    for verb in reversed(verbs):
        clause = stdre.split(r"[;.!?]\s", before[: verb.start()])[-1]
        if stdre.search(r"\b(?:and|but|then)\s*$", clause) and clause.strip() not in ("and", "but", "then"):
            coordinated = coordinated or clause
            continue  # "… hailed X and said": the subject is the earlier verb's
        who = _subject(before, verb, book)
        if who is not None:
            return who
    if coordinated:
        # "Harvard called the decision “retaliatory” and said …" with no earlier verb of saying:
        # the subject that opens the sentence
        people = [m for m in CAPITALISED_RUN.finditer(coordinated) if _is_person_run(m.group(), book)]
        if people and people[0].start() <= 3:
            return people[0].group()
        opening = _SUBJECT_ORG.match(coordinated)
        if opening and not people and _capitalised_midsentence(opening.group("org").split()[-1], book):
            return opening.group("org")  # a name ("Harvard"), not a capitalised first word ("Workers")
    return None


def _capitalised_midsentence(word: str, book: NameBook) -> bool:
    """Whether the story writes ``word`` with a capital inside a sentence: a name, not a common
    noun that only opens one."""
    pattern = re.compile(rf"[\w,;]\s+{re.escape(word)}\b")
    return word.isupper() or any(pattern.search(text) for text in book.texts)


# Reported opinion nested in reported speech: the one who holds it is the one quoted
_HOLDS_THAT = lazy(
    rf"(?:^|\bthat\s+|[.!?]\s+){_WHO}\s+(?:\w+ly\s+)?(?:believes|believed|thinks|thought|argues|argued|contends|"
    rf"contended|maintains|maintained|feels|felt)\s+(?:that\s+)?[^“”\"]{{0,120}}$"
)
_NOUN_LIKE_VERB = lazy(
    rf"(?P<who>{CAPITALISED_RUN.pattern})\s+(?:notes|claims|states|calls|tweets|promises|vows)\s+(?:that\s+)?$"
)


def _subject(before: str, verb: re.Match[str], book: NameBook) -> str | None:
    if verb.group().lower() == "according to":
        m = re.match(rf"\s*{_WHO}", before[verb.end() :])
        return m.group("who") if m else None
    clause = stdre.split(r"[;.!?]\s", before[: verb.start()])[-1]
    paren = stdre.findall(r"\(([^)]+)\)", clause)
    for inside in reversed(paren):
        if CAPITALISED_RUN.fullmatch(inside.strip()):
            return inside.strip()
    # The subject of the verb, in this order: a name with an apposition between it and the verb
    # ("Maria Zakharova, the spokesperson for the ministry, said"; "the director, Annegret
    # Vollmer, said"); a name, pronoun, role or institution right before the verb; the one
    # person the clause names (the subject of "… and promised that …").
    clause = clause.rstrip()
    m = _APPOSITION.search(clause) or _ROLE_APPOSITION.search(clause)
    if m:
        name = m.group("name") or m.group("name2")
        described = stdre.search(rf"\b(?:{_ROLES_RE})\b", clause[m.end("name") if m.group("name") else m.end():])
        if _is_person_run(name, book) or (described and _name_shaped(name)):
            return name  # "Seth Riley, wildlife branch chief with the National Park Service, called …"
    described = _DESCRIBED.search(clause)
    if described:  # "The California tech firm, seen as a bellwether, said …"
        return described.group("desc")
    tail = clause[-90:]
    candidates: list[tuple[int, str]] = []
    for m in CAPITALISED_RUN.finditer(tail):
        if _is_person_run(m.group(), book):
            candidates.append((m.end(), m.group()))
    for m in stdre.finditer(r"\b(?:he|she|they|it)\b", tail, re.I):
        candidates.append((m.end(), m.group()))
    for m in _DESCRIPTION.finditer(tail):
        candidates.append((m.end(), m.group()))
    for m in stdre.finditer(rf"\b{_GROUPS}\b", tail, stdre.I):
        named = stdre.search(r"(?:[A-Z][\w’'.-]*[ \t]+(?:(?:and|of)[ \t]+)?){1,4}$", tail[: m.start()])
        if m.group()[:1].isupper() and named:  # "West Midlands Police": the force, not a police officer
            candidates.append((m.end(), named.group() + m.group()))
        else:
            candidates.append((m.end(), m.group()))
    participle = verb.group().lower().endswith("ing") and tail.rstrip().endswith(",")
    opening = _SUBJECT_ORG.match(clause)
    if verb.group().lower().endswith("ing") and opening and opening.group("org").lower() not in STOPWORDS and not any(
            _is_person_run(m.group(), book) for m in CAPITALISED_RUN.finditer(clause)):
        return opening.group("org")  # "Turkish Airlines officials issued a statement confirming …"
    near = [c for c in candidates if _ADJACENT.fullmatch(tail[c[0] :])]
    if near and not participle:
        return max(near)[1]
    # Otherwise the subject of the sentence: "Putin recalled that he had known Prigozhin … and
    # described him as “…”"; "Putin made his first comments …, saying …"; "He congratulated
    # Keir Starmer …, saying …" (he, not the one congratulated).
    # ("In his exit speech he apologised …, telling voters: “…”" too: the pronoun subject after
    # an opening phrase, when no name comes before it)
    pronoun = stdre.match(r"\s*(He|She)\s+[a-z]", clause) or stdre.search(r"\b(he|she)\s+[a-z]+(?:ed|s)\b", clause)
    if pronoun and verb.group().lower().endswith("ing") and not any(
            _is_person_run(m.group(), book) for m in CAPITALISED_RUN.finditer(clause[: pronoun.start()])):
        return pronoun.group(1)
    people = [m for m in CAPITALISED_RUN.finditer(clause) if _is_person_run(m.group(), book)]
    if people and (people[0].start() <= 60 or len({m.group() for m in people}) == 1):
        return people[0].group()
    # An organisation right before the verb ("Cisco said"), unless a preposition makes it part of
    # a phrase ("Police in the English city of Birmingham declared").
    org = stdre.search(r"(?P<org>(?:[A-Z][\w’'.-]*[ \t]+){0,3}[A-Z][\w’'.-]*)[ \t]+(?:\w+ly[ \t]+)?$", clause + " ")
    if not org or (org.group("org").lower() in STOPWORDS and not org.group("org").isupper()):
        return None  # "The said", "It said" — but "WHO said"
    lead = stdre.search(r"([\w’']+)\s*$", clause[: org.start("org")])
    if lead and lead.group(1).lower() in _PREPOSITIONS:
        return None
    return org.group("org")


# Between a subject and its verb: nothing but an adverb or an auxiliary ("Voss also said").
_SUBJECT_ORG = lazy(
    rf"^\s*(?:[Tt]he\s+)?(?P<org>(?:{CAPITALISED_RUN.pattern}|[A-Z]{{2,6}})(?:\s+{_GROUPS})?)(?:\s+[a-z]|,)"
)
_ADJACENT = lazy(
    rf"(?:{_AND_TITLE})?\s*"  # a title in two parts: "the Finance Minister and Deputy Prime Minister"
    r"(?:(?:has|had|have|was|is|also|then|later|again|once|had\s+earlier|\w+ly)(?:\s+|$))*"
)
_APPOSITION = lazy(
    rf"(?P<name>{CAPITALISED_RUN.pattern})\s*(?:,\s*[^,;:]{{1,140}}?\s*,|\s*\([^)]{{1,80}}\)"
    rf"|\s+(?:of|from|at|with)\s+(?:the\s+)?[\w .’'&-]{{1,60}}?)\s*(?:\w+ly\s*)?$"
    rf"|,\s*(?P<name2>{CAPITALISED_RUN.pattern})\s*,\s*(?:\w+ly\s*)?$"
)


_ROLE_WORD = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_ROLE_APPOSITION = lazy(
    rf"(?P<name>{CAPITALISED_RUN.pattern})\s*,\s*(?:[\w’'.-]+\s+){{0,3}}?(?:{_ROLE_WORD})"
    rf"\b[^,;:]{{0,60}}?\s*$(?P<name2>)?"
)


_DESCRIBED = lazy(
    rf"(?P<desc>{_DESCRIPTION.pattern.replace('(?P<head>', '(?:')})\s*,[^,;:]{{1,100}},\s*(?:\w+ly\s*)?$",
    re.I,
)


def _name_shaped(run: str) -> bool:
    """Two to four name words after any title, none of them a place, organisation or sentence word."""
    _, name = split_name(run.split())
    return 2 <= len(name) <= 4 and not any(
        POSSESSIVE.sub("", w.lower()) in NOT_PERSON_WORDS | STOPWORDS for w in name)


def _is_person_run(run: str, book: NameBook) -> bool:
    name = split_name(run.split())[1]
    if not name or _org_word(run.split()):
        return bool(find_people(run))
    return bool(find_people(run)) or book.is_known_surname(name[-1]) or book.full_name(name[-1]) != name[-1]


def _inherit(
    i: int,
    quotes: list[QuoteSpan],
    done: list[Attribution],
    para: Span,
    paragraphs: tuple[Span, ...],
    masked: str,
    ctx: _Context,
) -> Attribution:
    """A quote with no attribution of its own continues the previous speaker's words: in the
    same paragraph, or standing alone after an earlier quote when nobody else has been named
    in between (the convention of a speaker's run of quotes)."""
    if i == 0:
        return Attribution(None, "")
    prev, prev_attr = quotes[i - 1], done[i - 1]
    if prev_attr.speaker is None:
        return Attribution(None, "")
    between = masked[prev.outer.end : quotes[i].outer.start]
    if prev_attr.how == "after":  # the previous quote's own attribution is not a new speaker
        between = stdre.split(r"(?<=[.!?])\s", between, maxsplit=1)[-1] if stdre.search(r"[.!?]\s", between) else ""
    if para.start <= prev.outer.start and not _VERB_RE.search(between):
        return Attribution(prev_attr.speaker, "continued", sure=prev_attr.sure)
    k = bisect.bisect_left(paragraphs, para.start, key=lambda sp: sp.start)  # (in text order)
    idx = k if k < len(paragraphs) and paragraphs[k] == para else 0
    own = masked[para.start : quotes[i].outer.start]
    # The quote opens its paragraph, or a sentence after narration that names no one.
    standalone = not stdre.search(r"[^\W_]", own) or bool(stdre.search(r"[.!?]\s+$", own))
    near = idx > 0 and paragraphs[max(0, idx - 2)].start <= prev.outer.end  # (a long quotation may begin far back)
    if standalone and near and not _VERB_RE.search(between) and not _names_anyone(between, ctx, prev_attr.speaker):
        return Attribution(prev_attr.speaker, "continued")
    return Attribution(None, "")


# Groups that may speak next: "The sentence also angered women's rights campaigners. “We are …”"
_NEW_VOICES = lazy(
    r"\b(?:campaigners|activists|critics|protesters|protestors|unions|groups|families|relatives|residents|fans|"
    r"experts|analysts|lawyers|officials|prosecutors|investigators|witnesses|survivors|opponents|supporters)\b"
)


def _names_anyone(between: str, ctx: _Context, speaker: str) -> bool:
    """Whether a passage names a person other than ``speaker``, or a group, who might be the
    next speaker."""
    if _NEW_VOICES.search(between):
        return True
    own = speaker.split()[-1] if speaker else ""
    for m in CAPITALISED_RUN.finditer(between):
        words = m.group().split()
        _, name = split_name(words)
        if name and name[-1] == own:
            continue
        if find_people(m.group()) or (name and ctx.book.is_known_surname(name[-1])):
            return True
    return False


def _context(
    q: QuoteSpan,
    ctx: _Context,
    sentences: tuple[Span, ...],
    starts: list[int],
    i: int,
    done: list[Attribution],
    people: list[bool],
) -> _Said:
    """A full quote standing alone: the person the sentence just before reports as speaking
    ("Voss said the plan would work. “It is the right thing.”")."""
    idx = bisect.bisect_right(starts, q.outer.start) - 1
    if idx <= 0:
        return _NOBODY
    prev = sentences[idx - 1]
    piece = ctx.masked[prev.start : prev.end]
    verb = _VERB_RE.search(piece) or _SPEECH_ACT.search(piece)
    if not verb:
        return _NOBODY
    if verb.group().lower() == "according to":
        # "According to X, …" opening the sentence reports X; in passing ("… learn that,
        # according to X, this is …") it sources a fact, not the quote that follows
        m = re.match(rf"\s*{_WHO}", piece[verb.end() :])
        who = m.group("who") if m and not piece[: verb.start()].strip() else None
    else:
        who = _before(piece[: verb.start()] + verb.group(), ctx.book)
    if who is None or who.lower() in _PLURAL_PRONOUNS:
        return _NOBODY
    return ctx.resolve(who, prev.start + verb.start(), i, done, people)


# Acts of speech that introduce what follows without a verb of saying: "Ms Kimber defended the
# museum's security arrangements. “Our security systems …”"
_SPEECH_ACT = lazy(
    r"\b(?:defended|denied|rejected|praised|critici[sz]ed|thanked|apologi[sz]ed|spoke|condemned|blamed|"
    r"welcomed|dismissed|questioned|accused|appealed|paid tribute|recalled|reflected|described|explained)\b",
    re.I,
)


def _surname_positions(text: str, book: NameBook) -> list[tuple[int, str]]:
    """Where the article names someone by surname (``Brown said``) or first name alone (``Cara``)."""
    out = []
    for m in stdre.finditer(r"\b[A-Z][a-z]+(?:[’']s)?\b", text):
        word = POSSESSIVE.sub("", m.group())
        if book.is_known_surname(word) or (book.full_name(word) != word and not text[m.end() : m.end() + 2].strip(
                " \t")[:1].isupper()):
            out.append((m.start(), word))
    return out
