"""Who said a quote in Japanese or Chinese: the subject of the sentence, as the language marks it.

Japanese names the speaker as the topic (``岸田首相は「…」と述べた``) and leaves it unsaid when it
carries on from the sentences before; Chinese puts it before a verb of saying (``李明说：“…”``).
Names are written without spaces or capitals, so a topic counts as a person only when the story
writes it before a title somewhere (``岸田文雄首相``), or with a title here; anything else, and a
subject left unsaid with no person before it, is unknown.
"""

from __future__ import annotations

import bisect
import re

from crosscheck.core.model import Span
from crosscheck.core.normalize import CJK
from crosscheck.core.people import NameBook
from crosscheck.core.quotes import QuoteSpan

CJK_CHAR = re.compile(f"[{CJK}]")
# Verbs of saying after 「…」と (Japanese) or around “…” (Chinese).
_JA_SAY = re.compile(r"^\s*[、,]?\s*と(?:[^。「」]{0,12}?)(?:述べ|語|話|強調|表明|説明|明らかに|指摘|訴え|誇|発言|答え|"
                     r"切り出|主張|批判|呼びかけ|語気|記|書|し(?:た|て)|言)")
_ZH_SAY = r"(?:说|表示|指出|强调|称|说道|透露|介绍|回应|坦言)"
# A Japanese topic or subject: the run of kanji and katakana right before は or が (names and
# titles are written in them; hiragana marks the grammar around them).
_JA_TOPIC = re.compile(r"([\u4e00-\u9fff\u3400-\u4dbf\u30a0-\u30ffー・A-Za-z]{1,12})(?:は|が)")
_JA_VERB = re.compile(r"(?:述べ|語っ|語り|話し|話す|強調|表明|説明|明らかに|指摘|訴え|発言|答え|言っ)")
_JA_HEADLINE = re.compile(
    r"(?:^|[\s、。])([\u4e00-\u9fff]{1,6}(?:首相|総理|大統領|大臣|長官|知事|市長|社長|会長|代表|氏))$"
)
# 「…」という声 / との意見 / という指摘: words going round, attributed to no one in particular
_JA_VOICES = re.compile(r"^\s*(?:という|との|といった)(?:声|意見|指摘|見方|批判|不満|懸念)")
_JA_SUBJECT_AFTER = re.compile(r"^\s*と[、,]?\s*([\u4e00-\u9fff\u30a0-\u30ffー・]{1,12})(?:は|が)")
_JA_TITLES = re.compile(
    r"(?:前|元|現)?(?:内閣総理大臣|総理大臣|総理|首相|大統領|官房長官|大臣|長官|知事|市長|町長|村長|社長|会長|代表|委員長|"
    r"幹事長|政調会長|議長|監督|選手|教授|氏|さん|容疑者|被告|報道官|外相|防衛相|財務相|党首|総裁|副総裁|主席|総統)$"
)


def cjk_speaker(
    text: str, q: QuoteSpan, sentences: tuple[Span, ...], starts: list[int], book: NameBook
) -> tuple[str | None, str]:
    """``岸田首相は「…」と述べた`` / ``他说：“…”``: the topic of the sentence, or the topic
    carried on from the sentences just before when this one leaves it unsaid."""
    idx = max(0, bisect.bisect_right(starts, q.outer.start) - 1)
    sent = sentences[idx] if sentences else Span(0, len(text))
    # A quotation may hold several sentences: what follows it runs to the end of the sentence
    # where it closes.
    end_idx = max(0, bisect.bisect_right(starts, max(q.outer.end - 1, 0)) - 1)
    after = text[q.outer.end : sentences[end_idx].end] if sentences else text[q.outer.end :]
    before = text[sent.start : q.outer.start]
    zh_before = re.search(rf"([{CJK}A-Za-z·]{{2,12}}?){_ZH_SAY}[：:，,]?\s*$", before)
    if zh_before:
        return _cjk_name(zh_before.group(1), book, stated=True), "before"
    zh_after = re.match(rf"^[，,。]?\s*([{CJK}A-Za-z·]{{2,12}}?){_ZH_SAY}", after)
    if zh_after:
        return _cjk_name(zh_after.group(1), book, stated=True), "after"
    headline = _JA_HEADLINE.search(before)  # 岸田首相「党が変わること示す」: a title with a name, then the quote
    if headline:
        name = _cjk_name(headline.group(1), book)
        if name:
            return name, "before"
    subject_after = _JA_SUBJECT_AFTER.match(after)  # 「…」と岸田首相は記者会見で話した
    if subject_after and _JA_VERB.search(after[subject_after.end() :].split("。", 1)[0]):
        name = _cjk_name(subject_after.group(1), book)
        if name:
            return name, "after"
    if _JA_VOICES.match(after):
        # 自民党内からは「…」という声も出ていました: voices from a group, not the topic's words
        group = re.search(r"([\u4e00-\u9fff\u30a0-\u30ffー・]{2,12})(?:から|より)(?:は|も)?\s*$", before)
        return (group.group(1), "before") if group else (None, "")
    if not _JA_SAY.match(after) and not re.search(r"(?:と|として)[^「」]{0,6}$", before):
        # 岸田首相は…人々の「信頼と共感」を得る…と表明した: a phrase quoted inside what the
        # topic of the sentence is reported as saying
        tail = text[q.outer.end : sentences[end_idx].end] if sentences else after
        if _JA_VERB.search(tail[-16:]):
            name = _topic_person(before, book)
            if name:
                return name, "before"
        return None, ""
    name = _topic_person(before, book)
    if name:
        return name, "before"
    # The subject left unsaid: the topic of the sentences just before, if one is a person.
    # Beyond three sentences, only through a run of quotes whose subject is left unsaid too.
    for back in range(idx - 1, max(-1, idx - 9), -1):
        piece = text[sentences[back].start : sentences[back].end]
        name = _topic_person(piece, book)
        if name:
            return name, "continued"
        if back < idx - 3 and "「" not in piece:
            break
    return None, ""


def _strip_quoted(piece: str) -> str:
    return re.sub(r"「[^」]*」|“[^”]*”", "", piece)


def _topic_person(piece: str, book: NameBook) -> str | None:
    """The last topic of ``piece`` that names a person (a name the story knows, or a title)."""
    found = None
    for m in _JA_TOPIC.finditer(_strip_quoted(piece)):
        name = _cjk_name(m.group(1), book)
        if name:
            found = name
    return found


def _cjk_name(topic: str, book: NameBook, stated: bool = False) -> str | None:
    """The person in a topic: ``岸田総理大臣`` -> ``岸田文雄``; ``首相`` -> the story's 首相.

    Only a name the story knows (written before a title somewhere) or a name with a title counts:
    a topic like ``事態`` is no one."""
    title = ""
    while (m := _JA_TITLES.search(topic)) and m.start() > 0:
        title, topic = m.group() + title, topic[: m.start()]
    if _JA_TITLES.fullmatch(topic):
        title, topic = topic + title, ""
    names = {n: t for n, t in book.cjk_names.items() if not _JA_TITLES.search(n)}
    if not topic:  # a title alone: the one person the story gives that title
        return _one_person({n for n, titles in names.items()
                            if title and any(t in title or title in t for t in titles)})
    for k in range(len(topic) - 1):  # the name may follow other words: "…現れた岸田"
        found = _one_person({n for n in names if n.startswith(topic[k:])})
        if found:
            return found
    if (title or stated) and 2 <= len(topic) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", topic):
        return topic  # a name with a title, or the stated subject of 说: "李明说"
    return None


def _one_person(names: set[str]) -> str | None:
    """Several spellings of one person (``岸田``, ``岸田文雄``) give the fullest; two people, none."""
    if not names:
        return None
    full = max(names, key=len)
    return full if all(full.startswith(n) for n in names) else None
