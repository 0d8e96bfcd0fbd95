"""The names a reader sees for the sources: one name per source, and no two alike.

A source is called by its outlet, else its title, else its file name (never a folder path).
Two columns from one outlet would both read "Modern Tokyo Times", so where names collide a
distinguishing part is put beside them: the date when the dates differ, else a short form of
the title, else a number ("(2)"). Every place that names a source (column headers, the
reference box, coverage, findings, reports) takes its name from ``display_names``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from crosscheck.core.model import Source

SHORT_TITLE = 28  # characters of a title shown beside a name to tell two sources apart
LONG_NAME = 40  # characters: a title longer than this is cut, at a word, to name a source


def file_name(path: str) -> str:
    """The last part of a path or web address: ``/a/b/001_x.txt`` -> ``001_x.txt``."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def base_name(source: Source) -> str:
    """Outlet, else title (cut at a word), else file name (never its folder): ``Source.label``
    with its spacing tidied and a long title cut between words rather than inside one."""
    outlet, title = " ".join((source.outlet or "").split()), " ".join((source.title or "").split())
    if not outlet and title:
        return _shorten(title.split(), LONG_NAME, lead=False)
    return " ".join(source.label.split()) or file_name(source.path) or source.id


def display_names(sources: Sequence[Source]) -> dict[str, str]:
    """Per source id, the name to show: its base name, with a distinguishing part where two or
    more sources would otherwise read the same. Deterministic, in the sources' order."""
    names = {s.id: base_name(s) for s in sources}
    for part in (_date_part, _title_part):
        for clash in _clashes(sources, names):
            extra = part(clash)
            if len(set(extra.values())) > 1:  # this part tells at least some of them apart
                for s in clash:
                    if extra[s.id]:
                        names[s.id] = f"{names[s.id]} ({extra[s.id]})"
    taken = {_key(n) for n in names.values()}
    for clash in _clashes(sources, names):
        for n, s in enumerate(clash[1:], 2):
            while _key(candidate := f"{names[s.id]} ({n})") in taken:
                n += 1
            names[s.id] = candidate
            taken.add(_key(candidate))
    return names


def _key(name: str) -> str:
    """Names that read the same to a reader: case and spacing aside."""
    return " ".join(name.split()).casefold()


def _clashes(sources: Sequence[Source], names: dict[str, str]) -> list[list[Source]]:
    by_name: dict[str, list[Source]] = defaultdict(list)
    for s in sources:
        by_name[_key(names[s.id])].append(s)
    return [group for group in by_name.values() if len(group) > 1]


def _date_part(clash: list[Source]) -> dict[str, str]:
    return {s.id: (s.published or "").strip() for s in clash}


def _title_part(clash: list[Source]) -> dict[str, str]:
    """Each title cut short at a word, after the words all of them start with, just long enough
    to tell them apart (a title that is already the name adds nothing)."""
    words = {s.id: [] if not s.title or _key(s.title) == _key(base_name(s)) else s.title.split() for s in clash}
    known = [w for w in words.values() if w]
    common = 0
    while known and all(len(w) > common + 1 for w in known) and len({_key(w[common]) for w in known}) == 1:
        common += 1
    shorts = {sid: _shorten(w[common:], SHORT_TITLE, lead=common > 0) if w else "" for sid, w in words.items()}
    limit = SHORT_TITLE
    while _repeats(shorts) and limit < 200:  # two titles alike at the start: show more of each
        limit += SHORT_TITLE
        shorts = {sid: _shorten(w[common:], limit, lead=common > 0) if w else "" for sid, w in words.items()}
    return shorts


def _repeats(shorts: dict[str, str]) -> bool:
    shown = [_key(t) for t in shorts.values() if t]
    return len(set(shown)) < len(shown)


def _shorten(words: list[str], limit: int, lead: bool) -> str:
    out: list[str] = []
    for w in words:
        if out and len(" ".join([*out, w])) > limit:
            break
        out.append(w)
    text = " ".join(out)
    if len(text) > limit:  # one long word: a title in a script written without spaces
        text = text[: limit - 1] + "…"
    elif len(out) < len(words):
        text = text.rstrip(",;:–—-‘“([") + "…"
    return ("…" + text) if lead else text

