"""Who is named in an article: person mentions, their roles, and surnames resolved to full names.

A lean stand-in for named-entity recognition, tuned to how news names people: a capitalised
run (``Foreign Minister Yoshimasa Hayashi``) whose leading role and nationality words are the
person's role, whose remainder is two to four name words, and which contains no word that
marks an organisation or a place. Later bare surnames (``Hayashi``) resolve to the full name.
"""

from __future__ import annotations

import re as stdre  # small patterns used once: the standard module's cache is the faster
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex as re  # the name patterns, with Unicode letter properties (\p{Lu}) that compile fast
from rapidfuzz.distance import Levenshtein

from crosscheck.core.lazyre import lazy
from crosscheck.core.marks import CLOSE_CLASS
from crosscheck.core.model import Span
from crosscheck.core.normalize import STOPWORDS

POSSESSIVE = stdre.compile(r"[’']s$")  # "Ardern's" is Ardern

# Names are names in any spelling: Gómez, Müller, Nguyễn, Øster, Łukasz. Unicode's upper- and
# lower-case letters as the `regex` module's properties: the same classes spelt out for the
# standard `re` (hundreds of characters, in dozens of patterns) cost half a second at every start.
UP = r"\p{Lu}"
LOW = r"\p{Ll}"
_TITLE_ABBR = r"(?:Dr|Mr|Mrs|Ms|Prof|Lt|Gen|Col|Sgt|Capt|Maj|Rev|Sen|Rep|Gov|Adm|Cmdr|St)\."
# Name words: capitalised words (also McDonald, DeSantis, O'Neill, Jean-Pierre, al-Assad),
# initials (not the ``S.`` of ``U.S.``), title abbreviations, and short all-capital prefixes
# (``NATO Secretary General…``, ``USS Nimitz``).
_NAME_WORD = (
    rf"(?:{_TITLE_ABBR}|(?:(?:al|el|ad|as|ar|ash|an|ibn|bin|abu|d|l)[-’'])?[{UP}][{LOW}]+(?:[{UP}][{LOW}]+)?"
    rf"(?:[-’'][{UP}]?[{LOW}]+)*|(?<![.\w])[{UP}]\.(?!\w)|O[’'][{UP}][{LOW}]+"
    rf"|[A-Z]{{2,5}}(?=[ \t]+[{UP}][{LOW}]))"
)
_PARTICLE = r"(?:de|van|von|bin|ibn|al|da|di|le|la|du|del|della|der|den|ten|ter|dos|das|do|y|e|zu|af)"
# Names never run over a line break.
CAPITALISED_RUN = lazy(
    rf"(?<![\w’'-]){_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_PARTICLE}(?=[ \t]+(?:{_PARTICLE}[ \t]+)*[{UP}])))*"
)

ROLE_WORDS = frozenset(
    """minister prime foreign defence defense finance interior deputy vice president secretary
    general ambassador envoy spokesperson spokeswoman spokesman mayor harbour harbor master chief
    director chairman chairwoman chair senator governor dr mr mrs ms professor prof lieutenant
    lt major maj colonel col captain capt sergeant sgt commander admiral king queen prince princess
    pope judge justice officer inspector chancellor premier leader head ceo founder editor author
    analyst sir lord lady dame rev reverend bishop cardinal sheikh emir president-elect
    representative rep sen gov gen attorney commissioner superintendent constable detective
    councillor councilor alderman speaker minister-president state press national
    former acting interim late senior junior assistant associate executive managing
    coach manager player striker forward goalkeeper captain midfielder defender witness ceo cfo coo
    cto pm mp mep director-general secretary-general official officials spokesperson lawyer
    prosecutor scientist researcher astronomer doctor nurse resident victim survivor chief
    vice-president co-founder deputy-director boss owner economist strategist passenger eyewitness
    onlooker bystander student teacher parent neighbour neighbor customer worker employee farmer pilot
    """.split()
)
NATIONALITY_WORDS = frozenset(
    """japanese chinese russian french american british german ukrainian korean south north
    east west indian italian spanish polish turkish iranian israeli palestinian syrian iraqi
    afghan saudi egyptian canadian australian mexican brazilian dutch belgian swiss swedish
    norwegian danish finnish greek hungarian romanian serbian croatian czech slovak austrian
    irish scottish welsh english european asian african nato eu un us u.s. uk g7 taiwanese
    philippine vietnamese thai indonesian malaysian pakistani nigerian kenyan ethiopian
    """.split()
)
# A word that makes a capitalised run an organisation, a place or a thing, not a person.
NOT_PERSON_WORDS = frozenset(
    """korea asia europe america africa japan china russia ukraine kingdom states federation
    republic union nations sea ocean pacific atlantic island islands peninsula gulf strait river
    mountains coast city county province street square port bay zealand office ministry council
    university times news press club division strategy program programme organization
    organisation treaty alliance commission radio research truth trilogy review website channel
    button facebook twitter instagram telegram war day house party army navy force forces group
    bank fund agency department court parliament congress senate committee institute centre center
    security newsletter media network post daily herald bulletin courier gazette journal tribune
    police museum gallery landesmuseum age cup trust service services station airport hotel
    wire telegraph guardian observer chronicle today monitor magazine foundation company corp
    inc ltd airlines school hospital church summit conference embassy government administration
    cabinet the a an this that these those in on at for with by of and but or also however
    accordingly therefore similarly indeed meanwhile earlier later after before when while
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december middle far east west north south northeast
    northwest southeast southwest indo-pacific asia-pacific euro-atlantic eastern western
    northern southern central international national global world defense defence buildup
    cooperative translate systems technologies holdings labs partners capital motors networks
    solutions industries enterprises ventures co corporation association society league federation
    """.split()
)
# First words of place names, never of a person's: "New Jersey", "San Jose", "Fort Worth".
PLACE_PREFIXES = frozenset(
    "san santa los las new fort port mount saint st. lake cape north south east west upper lower great little".split()
)
# Words that make a capitalised run an organisation (not a place, a day or a thing).
ORGANISATION_WORDS = frozenset(
    """ministry council university times news press club department court parliament congress senate
    committee institute centre center police museum gallery agency bank fund company corp inc ltd
    airlines airways school hospital church embassy government administration cabinet service services
    organization organisation commission union party army navy force forces group foundation trust
    network radio media post daily herald journal tribune systems technologies holdings office board
    authority federation association society league nations constabulary brigade prosecutors
    prosecution tribunal regulator reserve exchange institution laboratory observatory house palace
    kremlin pentagon vatican
    """.split()
)
_PRONOUN = lazy(r"^(?:he|she|him|her)$", re.I)


@dataclass(frozen=True)
class Mention:
    """A person named in the text: the name's span, the full name and the role words before it."""

    span: Span
    name: str
    roles: frozenset[str]


# What marks a capitalised run as a person rather than a place or a thing: a title or role just
# before it, an apposition or age just after it ("X, the spokesperson", "X, 71,", "X, who"),
# a byline, or a speech verb right after it ("X said", "(X) said").
_PERSON_AFTER = lazy(
    r"^\)?(?:,\s+(?:the|a|an|who|whose|\d{1,3}\b|[a-z]+ (?:of|at|for)\b|author|editor|director|leader|"
    r"head|chief|spokes\w*|co-founder|founder|professor|minister|president|said|told|suggested|added|warned)|[’']s\b|\s+(?:said|says|told|added|"
    r"wrote|warned|stated|claimed|insisted|explained|argued|continued|announced|confirmed|noted|stressed))"
)
_ROLE_NOUN = (
    r"(?:leader|director|chief|head|ambassador|minister|spokesperson|spokeswoman|spokesman|president|"
    r"secretary|mayor|envoy|chairman|chairwoman|editor|author|correspondent|reporter|governor|general)"
)
_PERSON_BEFORE = lazy(
    rf"(?:\b[Bb]y|\b(?:Mr|Mrs|Ms|Dr)\.?|\b{_ROLE_NOUN}|\b{_ROLE_NOUN}\b[^.;:]{{0,30}},"
    r"|[,”\"’»]\s*(?:said|says|added|told|wrote|asked|explained|according to|dijo|afirmó|sagte|erklärte"
    r"|a déclaré|a dit|ha detto|disse)|\baccording to)\s*$",
    re.IGNORECASE,
)
# A sentence that opens with the name and goes on in lower case: "Tomas Brandt opened the…".
_SENTENCE_START = lazy(rf"(?:^|[.!?]{CLOSE_CLASS}?\s+|\n)$")


def find_people(text: str) -> list[Mention]:
    """Full-name mentions (two or more name words) in reading order.

    A name counts once something in the article marks it as a person (see ``_PERSON_AFTER``);
    every mention of a name so marked counts, wherever it stands.
    """
    candidates = _candidates(text)
    confirmed = {
        mention.name for mention, had_roles in candidates
        if had_roles
        or _PERSON_AFTER.match(text[mention.span.end : mention.span.end + 40])
        or _PERSON_BEFORE.search(text[max(0, mention.span.start - 30) : mention.span.start])
        or _subject_at_sentence_start(text, mention)
        or _surname_alone(text, mention.name.split()[-1])
    }
    return [mention for mention, _ in candidates if mention.name in confirmed]


def _subject_at_sentence_start(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.span.start - 3) : mention.span.start]
    after = text[mention.span.end : mention.span.end + 2]
    return bool(_SENTENCE_START.search(before) or mention.span.start == 0) and bool(stdre.match(r" [a-z]", after))


@lru_cache(maxsize=8)
def _word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of ``text`` starts: a surname is looked for where it can be, not by
    scanning a 200,000-word article once per name."""
    out: dict[str, list[int]] = {}
    for m in _WORD_RUN.finditer(text):
        out.setdefault(m.group(), []).append(m.start())
    return out


_WORD_RUN = stdre.compile(r"\w+")


def _surname_alone(text: str, surname: str) -> bool:
    """News names a person in full once, then by surname: "Arata said", "Ms Kimber"."""
    alone = stdre.compile(
        rf"(?<![A-Z][a-z]\s)(?<![A-Z][a-z][a-z]\s)\b{stdre.escape(surname)}\b(?![ \t]+[A-Z])")
    head = _WORD_RUN.match(surname)
    places = _word_starts(text).get(head.group(), []) if head else []
    for m in (alone.match(text, at) for at in places):
        if m is None:
            continue
        start = m.start()
        word_before = stdre.search(r"([A-Z][\w’'-]*)\s+$", text[max(0, start - 25) : start])
        if word_before and word_before.group(1).lower().strip(".") not in ROLE_WORDS:
            continue  # part of a longer capitalised run, not the surname alone
        return True
    return False


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """``West Midlands Police Chief Superintendent Steve Graham`` -> (its prefix, ``Steve Graham``).

    The name is what follows the last word that cannot be part of a name: a role or title, a
    nationality, an organisation or place word, a possessive (``Britain’s``), an acronym
    (``CEO``, ``WHO``), a sentence word (``But``), an adjective (``California-based``).
    """
    cut = 0
    for k, word in enumerate(words[:-1]):
        if stdre.fullmatch(r"[A-Z]\.", word):
            continue  # an initial: "Lewis A. Kaplan"
        low = POSSESSIVE.sub("", word.lower()).strip(".,")
        if (
            low in ROLE_WORDS or low in NATIONALITY_WORDS or low in NOT_PERSON_WORDS or low in STOPWORDS
            or word.endswith(("’s", "'s")) or (word.isupper() and len(word) > 1)
            or stdre.search(r"-[a-z]+$", word) or any(part in ROLE_WORDS for part in low.split("-") if part)
        ):
            cut = k + 1
    return words[:cut], words[cut:]


def _candidates(text: str) -> list[tuple[Mention, bool]]:
    out: list[tuple[Mention, bool]] = []
    for m in CAPITALISED_RUN.finditer(text):
        prefix, words = split_name(m.group().split())
        roles = [w.lower().strip(".") for w in prefix]
        if not 2 <= len(words) <= 4:
            continue
        if words[0].lower() in PLACE_PREFIXES and not roles:
            continue  # New Jersey, San Jose, Port Averly: places
        # Lower-case role words just before the run: "United striker Ole Gunnar Solskjaer".
        lead = stdre.search(r"((?:[a-z][\w-]*[ \t]+){1,2})$", text[max(0, m.start() - 30) : m.start()])
        roles += [w for w in (lead.group(1).split() if lead else []) if w in ROLE_WORDS]
        titled = any(r in ROLE_WORDS and r not in NATIONALITY_WORDS for r in roles)
        # A title makes "Street" in "mayor Andy Street" a surname, not a place.
        if any(_not_name(w) for w in (words[:-1] if titled and words[-1].lower() not in ORGANISATION_WORDS else words)):
            continue
        if words[-1].lower().strip(".") in ROLE_WORDS or words[-1].isupper():
            continue
        if any(w.endswith(("’s", "'s")) for w in words[:-1]):
            continue
        name = " ".join(words)
        name = POSSESSIVE.sub("", name)
        start = m.start() + m.group().index(words[0], len(" ".join(prefix)))
        person_roles = [r for r in roles if r in ROLE_WORDS and r not in NATIONALITY_WORDS]
        out.append((Mention(Span(start, start + len(name)), name, frozenset(roles)), bool(person_roles)))
    return out


def _not_name(word: str) -> bool:
    low = POSSESSIVE.sub("", word.lower())
    return low in NOT_PERSON_WORDS or low in STOPWORDS


_CJK_FULL_NAME = lazy(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?)(首相|総理大臣|総理|大統領|氏|さん|大臣|長官|知事|市長|社長|議員|主席)"
)


class StoryNames:
    """Every article's name mentions, indexed once per story."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_last = _index(mentions, -1)
        self.by_first = _index(mentions, 0)
        self.names = {m.name for m in mentions}


class NameBook:
    """Full names known from one article (first) and from all articles (fallback)."""

    def __init__(self, own: list[Mention], others: list[Mention] | None = None, texts: tuple[str, ...] = (),
                 shared: StoryNames | None = None) -> None:
        self.own = own
        self.others = others or []
        self.texts = texts  # every article of the story, for names in scripts without capitals
        # Indexes, so a look-up costs the mentions of one name, not of every name in the story;
        # the story's are built once for all its articles (``StoryNames``), not once per article.
        story = shared if shared is not None else StoryNames(self.others)
        self._by_last: tuple[dict[str, list[Mention]], ...] = (_index(own, -1), story.by_last)
        self._by_first: tuple[dict[str, list[Mention]], ...] = (_index(own, 0), story.by_first)
        self._names = {m.name for m in self.own} | story.names
        self._calls: dict[tuple[int, str], _Called | None] = {}

    @cached_property
    def cjk_names(self) -> dict[str, frozenset[str]]:
        """Japanese and Chinese full names with the titles written after them (``岸田文雄首相``)."""
        names: dict[str, set[str]] = {}
        for text in self.texts:
            for m in _CJK_FULL_NAME.finditer(text):
                names.setdefault(m.group(1), set()).add(m.group(2))
        return {n: frozenset(t) for n, t in names.items()}

    def full_name(self, name: str, at: int | None = None) -> str:
        """``Hayashi`` -> ``Yoshimasa Hayashi`` when the article (or another) gives it."""
        name = POSSESSIVE.sub("", name.strip())
        words = name.split()
        if not words:
            return name
        words = split_name(words)[1] or words
        name = " ".join(words)
        if len(words) > 1:
            return name
        surname = words[0]
        for k, (by_last, by_first) in enumerate(zip(self._by_last, self._by_first, strict=True)):
            found = self._called(k, surname, by_last, by_first)
            if found is None:
                continue
            if found.dominant is not None:
                return found.dominant
            if at is not None:
                return found.at(at)
            return found.longest
        return name

    def _called(self, k: int, word: str, by_last: dict[str, list[Mention]],
                by_first: dict[str, list[Mention]]) -> _Called | None:
        """Who ``word`` names in table ``k`` (this article's, then the story's), worked out once:
        an article naming one surname thousands of times asked this for every mention, and the
        answer, recomputed over every mention each time, made reading it quadratic."""
        key = (k, word)
        if key not in self._calls:
            matches = by_last.get(word, [])
            dominant = None
            names = {m.name for m in matches}
            if len(names) > 1:  # Tina Turner and Ike Turner: "Turner" is the one the article names most
                tally: dict[str, int] = {}
                for m in matches:
                    tally[m.name] = tally.get(m.name, 0) + 1
                counts = sorted(((c, n) for n, c in tally.items()), reverse=True)
                if counts[0][0] > counts[1][0]:
                    dominant = counts[0][1]
            if not matches and dominant is None:  # a first name alone ("Sir Alex", "Cara"): only when one person has it
                firsts = {m.name for m in by_first.get(word, [])}
                matches = by_first.get(word, []) if len(firsts) == 1 else []
            self._calls[key] = _Called(matches, dominant) if matches else None
        return self._calls[key]

    def knows(self, name: str) -> bool:
        """Whether the story names this person in full somewhere."""
        return name in self._names

    def is_known_surname(self, word: str) -> bool:
        word = POSSESSIVE.sub("", word)
        return any(word in by_last for by_last in self._by_last)

    def nearest_before(self, at: int, role: str | None = None, singles: list[tuple[int, str]] = ()) -> str | None:
        """The person named closest before ``at`` (with ``role`` among their roles, if given)."""
        best: tuple[int, str] | None = None
        for m in self.own:
            if m.span.start < at and (role is None or role in m.roles):
                best = max(best or (-1, ""), (m.span.start, m.name))
        for pos, word in singles:
            if pos < at and role is None:
                best = max(best or (-1, ""), (pos, self.full_name(word, pos)))
        return best[1] if best else None

    def nearest_after(self, at: int, role: str | None = None) -> str | None:
        for m in self.own:
            if m.span.start >= at and (role is None or role in m.roles):
                return m.name
        return None


class _Called:
    """The mentions one word may stand for, with what ``NameBook.full_name`` asks of them
    answered in logarithmic time: the name used most often (when one is), the longest, and the
    last one mentioned at or before an offset (in the order the mentions are listed)."""

    def __init__(self, matches: list[Mention], dominant: str | None) -> None:
        self.matches = matches
        self.dominant = dominant
        self.longest = max(matches, key=lambda m: len(m.name)).name
        # the smallest start from each mention to the end of the list: it never decreases, so
        # the last mention starting at or before an offset is found by bisection
        lowest, floor = [], None
        for m in reversed(matches):
            floor = m.span.start if floor is None else min(floor, m.span.start)
            lowest.append(floor)
        self._lowest = lowest[::-1]

    def at(self, offset: int) -> str:
        i = bisect_right(self._lowest, offset) - 1
        return self.matches[i].name if i >= 0 else self.matches[0].name


def _index(pool: list[Mention], which: int) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in pool:
        out.setdefault(m.name.split()[which], []).append(m)
    return out


def is_pronoun(word: str) -> bool:
    return bool(_PRONOUN.match(word))


def is_acronym_of(acronym: str, name: str) -> bool:
    """``WHO`` is the World Health Organization; ``FDNY`` the New York Fire Department (the
    letters of the name's capitalised words, in any order, as agencies reorder them)."""
    caps = "".join(w[0] for w in name.split() if w[:1].isupper())
    return acronym.isupper() and len(acronym) >= 2 and sorted(acronym) == sorted(caps)


def misspelt_alike(a: str, b: str) -> bool:
    """One person's name as two outlets spell it: the same first name and a surname of four
    letters or more one letter apart ("Margaret Chen" for "Margaret Chan")."""
    wa, wb = a.lower().split(), b.lower().split()
    return (len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and min(len(wa[-1]), len(wb[-1])) >= 4
            and Levenshtein.distance(wa[-1], wb[-1]) == 1)
