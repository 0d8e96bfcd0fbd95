"""Page clutter in scraped news: what sits around an article on its page, not in its story.

Captions and photo credits, credit lines naming reporters and editors, agency and syndication
notes, datelines and time stamps, runs of related or popular headlines, browser and paywall
notes, links and file names. Each finder returns spans of the shown text; ``boilerplate``
keeps them visible but out of every comparison. Rules are about the shape of page furniture,
never about particular sites.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from crosscheck.core.model import Source, Span
from crosscheck.core.normalize import CJK
from crosscheck.core.spans import Spans

_AGENCIES = (
    r"(?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|Xinhua|Bloomberg|Shutterstock|PA|ANI|PTI|IANS|dpa|Kyodo|"
    r"Yonhap|TASS|Sputnik|Anadolu|EFE|UPI|NurPhoto|Alamy|iStock|Pool)"
)
# A photo credit: "REUTERS/Carlo Allegri", "(AP Photo/Aaron Favila)", "TED ALJIBE / AFP",
# "National Park Service via AP", "PHOTO: NZME", "Image Credit: AFP", "©Getty Images".
_CREDIT = re.compile(
    rf"(?:\b{_AGENCIES}(?: Photo)?\s*/\s*[A-Z]|\b[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)+\s*/\s*{_AGENCIES}\b"
    rf"|\bvia {_AGENCIES}\b|\b(?:PHOTO|Photo|IMAGE|Image|Picture|PICTURE|Photograph)(?: [Cc]redit)?\s*:"
    r"|©\s*\w|\bFILE PHOTO\b|^FILE\s+[-–—]\s|\bPA (?:Archive|Images|Wire|Media)\b|\bImage caption\b"
    r"|\b(?:Photo|Picture|Image)s? (?:by|courtesy of)\b|\bHandout\b|/\s*(?:AFP|AP|Reuters)\)?\s*$"
    r"|\b[A-Z][a-z]+ [A-Z][a-z]+\s*/\s*[A-Z][A-Za-z.]+(?:\s|$)|\b[Ff]ile (?:photo|picture|image)\.?\s*$)",
    re.M,
)
# A sentence that opens by reporting: "Police said …", "The Home Office confirmed …"
_REPORTED = re.compile(r"^\W*(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|told|added|announced|confirmed)\b")
# A social-media post embedded in the page: its link or its signature ends the paragraph
_EMBEDDED_POST = re.compile(r"(?:pic\.twitter\.com/\S+|\(@\w+\)\s+\w+ \d{1,2}, \d{4})\s*$")
# Who wrote and edited it, and where the copy came from.
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:additional|further) )?(?:reporting|writing|editing|compiled|written|edited|produced|"
    r"research|translated|translation|graphics?|video)(?: and \w+)? by\b"
    r"|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcontributed reporting\b"
    r"|\bhas not been edited by\b|\bauto-generated from a syndicated feed\b|\bsyndicated (?:feed|content)\b"
    r"|\b(?:originally )?(?:published|appeared) (?:on|in|at) [A-Z]\w+(?:\.\w+)+|\bauthored by\b"
    r"|\bread the (?:whole|full|original) (?:story|article)\b|\bwith (?:news )?wire services\b"
    r"|\bmay not be (?:published|reproduced|redistributed)\b|\brepublished with permission\b"
    r"|\bworks better on\b|\bbest possible experience\b|\bupdate your browser\b|\benable javascript\b"
    r"|\bregister for free\b|\bfull access to\b|\balready a (?:member|subscriber)\b|\blog ?in here\b"
    r"|\blisten (?:with|to this)\b|\b\d+ min(?:ute)?s? read\b|\bnewspapers (?:in|from) \w+"
    r"|\bmeet the author\b|\bnot yet have a bio\b|\babout the author\b"
    r"|\breaders like you\b|\bkeep (?:the )?news free\b|\bprice of (?:a|one) cup of coffee\b|\bpaywalls?\b"
    r"|\b(?:have )?already (?:pitched in|contributed|donated)\b|\bsupport (?:our|independent) journalism\b"
    r"|\bif you or someone you know\b|\bhelpline\b|\bcall the [\w ]{0,30}hotline\b"
    r"|\benjoy the convenience\b|\be-?paper\b|\bdelivered (?:to your|as a digital)\b"
    r"|\bsimilar news\b|\byou can also read\b|\blatest news, [\w ]+ headlines\b"
    r"|^in this (?:still )?(?:image|photo|picture|file photo|video)\b|\bpic\.twitter\.com/\S+"
    r"|\(@\w+\)\s+\w+ \d{1,2}, \d{4}"
    r"|著作権|転載|無断|侵害|関連記事|詳報|動画|記者解説|映像センター",
    re.I | re.M,
)
# Words at least one of which every credit-line pattern above contains; most paragraphs have
# none, and a substring test is far cheaper than the alternation (tests keep them in step).
_CREDIT_WORDS = (
    "by", "contributed", "syndicated", "published", "appeared", "read the", "wire services", "may not be",
    "works better on", "best possible experience", "update your browser", "enable javascript",
    "register for free", "full access to", "already", "log in here", "login here", "listen with", "listen to this",
    "min read", "mins read", "minute read", "minutes read", "newspapers", "meet the author", "not yet have a bio",
    "about the author", "readers like you", "news free", "cup of coffee", "paywall", "journalism",
    "if you or someone you know", "helpline", "hotline", "enjoy the convenience", "paper", "delivered",
    "similar news", "you can also read", "latest news", "in this", "pic.twitter.com", "(@",
    "著作権", "転載", "無断", "侵害", "関連記事", "詳報", "動画", "記者解説", "映像センター",
)


def _may_credit(piece: str) -> bool:
    low = piece.lower()
    return any(word in low for word in _CREDIT_WORDS)


_STAMP_WORDS = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T[\d:+.Z-]+)?|\d{1,2}[./:]\d{1,2}(?:[./:]\d{2,4})?|\d+(?:st|nd|rd|th)?|"
    r"\b(?:date|posted|updated|published|last|modified|at|on|am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|pst|pdt|"
    r"ist|jst|bst|cet|cest|hkt|sgt|aest|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|"
    r"ago|minutes?|mins?|hours?|hrs?|seconds?|days?|yesterday|today|just now|last update|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|[|·,:/()-]",
    re.I,
)


def _is_timestamp(piece: str) -> bool:
    """A line that is nothing but a date or time with its label: "Posted at 3:01 PM, Dec 17, 2022"."""
    if not re.search(r"\d", piece) or len(piece) > 80:
        return False
    return len(_STAMP_WORDS.sub(" ", piece).split()) <= 1


# A dateline opening the first sentence: "LONDON (Reuters) –", "BOGO, Philippines, Oct 2 (AP) —",
# and the page's own "date 2022-04-20" stamp before it.
_DATELINE = re.compile(
    r"^(?:date \d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][A-Za-z .'-]{2,}(?:,\s*[A-Z][\w .]+?)?(?:,\s*\w{3,9}\.? \d{1,2})?"
    rf",?\s*\({_AGENCIES}[^)]*\)\s*[-–—:]+\s*|[A-Z][A-Z .'-]{{2,}}(?:,\s*[A-Z][\w .]+?)?\s*[-–—]\s+"
    rf"|\({_AGENCIES}\)\s*[-–—:]\s*)"
)
_PAGE_STAMP = re.compile(r"^date \d{4}-\d{2}-\d{2}\s+")
# "Saturday, July 06, 2024 - Rishi Sunak is resigning …": a date glued before the first sentence
_DATE_LEAD = re.compile(
    r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*[-–—]\s+(?=[A-Z])"
)
_HEADING_CUE = re.compile(
    r"^(?:related(?: (?:stories|articles|coverage|news|content|posts))?|read (?:more|next|also)|also read|"
    r"more (?:from|on|in|stories|news)\b.*|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|"
    r"trending(?: now| stories)?|latest(?: news| stories)?|top stories|recommended(?: for you)?|"
    r"you (?:may|might) also like|don'?t miss|editor'?s picks?|watch (?:now|more)|"
    r"in (?:other|related) news|what to read next|more images|latest stories)\s*:?$",
    re.I,
)
_SUMMARY_CUE = re.compile(r"^(?:AI\s?)?(?:要約|summary|key points|at a glance|highlights|in brief|tl;?dr)\s*:?$", re.I)
_LINK_PREFIX = re.compile(
    r"^\(?(?:READ|RELATED|ALSO READ|READ ALSO|ALSO SEE|WATCH|LISTEN|SEE ALSO|MORE|READ MORE|DON'?T MISS|DON’T MISS|"
    r"RECOMMENDED)"
    r"\s*[:|-]\s*\S",
    re.I,
)
_CODE = re.compile(r"^(?:\S*[/@\[\]=]\S*\s*)+$")  # page metadata paths and addresses, nothing to read
_HTML = re.compile(r"^\s*<a\b[^>]*>[^<]{0,200}</a>", re.I)  # a line that is a raw link: page markup
# A byline glued before the first sentence: "New York Daily News: MANHATTAN, By Jessica Adebeck – "
_BYLINE_LEAD = re.compile(
    r"^(?:[A-Z][\w .&]+:\s*)?(?:[A-Z]{2,}[A-Z .'-]*,\s*)?By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*[-–—]\s*"
)
_URL = re.compile(r"https?://\S+|\bwww\.\S+|/\w+/\w+(?:/\w+)+|\S+\.(?:jpe?g|png|gif|webp|svg)\b", re.I)
# An image's file name or credit glued to the first word: "photo.jpgThe …", "GOOGLE MAPSThe …".
_IMAGE_FILE = re.compile(
    r"^(?:\S+\.(?i:jpe?g|png|gif|webp)|[A-Z]{2,}(?: [A-Z]{2,})*)(?=[A-Z][a-z])"
)


def find_clutter(source: Source) -> list[tuple[Span, str]]:
    found = list(_clutter(source)) + list(_subheadings(source))
    found += _furniture(source.analysis_text, source.paragraphs, source.sentences)
    # Two title-like lines right after other clutter: more of the same list of links.
    text, paras = source.analysis_text, source.paragraphs
    placed = Spans(found)
    marked = {k for k, p in enumerate(paras) if any(m.contains(p) for m, _ in placed.touching(p.start, p.end))}
    for k in range(1, len(paras) - 1):
        if k - 1 in marked and k not in marked and _title_like(text[paras[k].start : paras[k].end]) and (
            _title_like(text[paras[k + 1].start : paras[k + 1].end])
        ):
            found += [(paras[k], "related headlines"), (paras[k + 1], "related headlines")]
            marked |= {k, k + 1}
    # A teaser followed by its "Read more »" link, in a list of them or glued to its headline.
    for k in range(1, len(paras) - 1):
        link = text[paras[k + 1].start : paras[k + 1].end].strip()
        if k not in marked and _READ_MORE.fullmatch(link) and (
            k - 1 in marked or _GLUED_TITLE.search(text[paras[k].start : paras[k].end])
        ):
            found += [(paras[k], "related headline"), (paras[k + 1], "related headline")]
            marked |= {k, k + 1}
    return found


_READ_MORE = re.compile(r"(?:read|see|continue reading|more)(?: more)?\s*[»›>…]*", re.I)
_GLUED_TITLE = re.compile(r"[a-z0-9’'][A-Z][a-z]+ ")  # "…before turning 30The 10-time Grammy…"


def _subheadings(source: Source) -> Iterator[tuple[Span, str]]:
    """Short title-like lines between two paragraphs of the body: section headings, labels
    rather than statements ("Accusations" / "DHS Secretary accuses Harvard …", then the body)."""
    text, paras = source.analysis_text, source.paragraphs
    pieces = [text[p.start : p.end] for p in paras]

    def heading(k: int) -> bool:
        return 1 <= len(pieces[k].split()) <= 10 and _title_like_or_word(pieces[k])

    def body_ends(k: int) -> bool:
        return _ends(text, paras[k]) or pieces[k].rstrip().endswith(("”", '"', "?"))

    for k in range(2, len(paras) - 1):
        if not heading(k):
            continue
        nxt, prev = pieces[k + 1], k - 1
        lead = prev - 1 if heading(prev) and prev >= 2 else prev  # a heading may come in two lines
        if len(nxt.split()) > 1.5 * len(pieces[k].split()) and body_ends(k + 1) and body_ends(lead):
            yield paras[k], "subheading"
            if lead != prev:
                yield paras[prev], "subheading"


def _title_like_or_word(line: str) -> bool:
    return (_title_like(line) or (len(line.split()) == 1 and line[:1].isupper())) and not re.search(
        r"[.!?:;,]\W*$", line)


@lru_cache(maxsize=16384)
def _paragraph_kind(piece: str) -> tuple[str, int]:
    """What a paragraph is by its own words alone (and where a run-on credit starts): found once
    for every copy of a paragraph, since the patterns are many and some slow."""
    credit = _CREDIT.search(piece)
    if credit and _REPORTED.match(piece[: credit.start()]) and credit.start() > 0 and (
        re.search(r"[.!?”\"]\s+$", piece[: credit.start()])
    ):
        return "credit after", credit.start()
    if credit:
        return "caption", 0
    if _EMBEDDED_POST.search(piece):
        return "embedded post", 0
    if _may_credit(piece) and _CREDIT_LINE.search(piece) and not _SUMMARY_CUE.match(piece.strip()):
        return "credit lines", 0
    if _is_timestamp(piece) or _URL.fullmatch(piece.strip()) or _HTML.match(piece) or _navigation(piece) or (
        _CODE.match(piece)
    ):
        return "time stamp", 0
    if _LINK_PREFIX.match(piece) and _length(piece) <= 25:
        return "related headline", 0
    if _SUMMARY_CUE.match(piece.strip()):
        return "summary", 0
    if _HEADING_CUE.match(piece.strip()):
        return "related headlines", 0
    return "", 0


def _clutter(source: Source) -> Iterator[tuple[Span, str]]:
    text = source.analysis_text
    paras = source.paragraphs
    titles = [_title_like(text[p.start : p.end]) for p in paras]
    for k, para in enumerate(paras):
        piece = text[para.start : para.end]
        kind, cut = _paragraph_kind(piece)
        if kind == "credit after":
            # "Police said there were a “number of victims” … PA Archive/PA Images": a reported
            # sentence (captions show, they do not report) with a photo credit run on after it
            yield Span(para.start + cut, para.end), "credit"
        elif kind == "caption":
            yield para, "caption"  # a caption carries its credit: the whole paragraph is the caption
            if k > 0 and piece.startswith(text[paras[k - 1].start : paras[k - 1].end].rstrip(" .")):
                yield paras[k - 1], "caption"  # the same caption once more, without its credit
            if k > 0 and _short(text, paras[k - 1]) and len(piece.split()) <= 6 and not _ends(text, paras[k - 1]):
                yield paras[k - 1], "caption"
        elif kind == "embedded post":
            yield para, "embedded post"  # a tweet set in the page, signed "— Name (@handle) date"
        elif kind == "credit lines":
            for sent in source.sentences:
                if para.start <= sent.start < para.end and _CREDIT_LINE.search(text[sent.start : sent.end]) and (
                    _length(text[sent.start : sent.end]) <= 40
                ):
                    yield sent, "credit"
        elif kind == "time stamp":
            yield para, "time stamp"
        elif kind == "related headline":
            yield para, "related headline"
        elif kind == "summary":
            yield para, "summary"  # a site's generated summary: its points restate the article
            yield from ((paras[j], "summary") for j in _summary_points(text, paras, k))
        elif kind == "related headlines":
            yield para, "related headlines"
            for j in range(k + 1, len(paras)):  # the run of title-like lines it introduces
                if not titles[j]:
                    break
                yield paras[j], "related headline"
    # Three or more title-like lines in a row, after the article has begun: a list of links.
    run: list[int] = []
    for k in range(len(paras) + 1):
        if k < len(paras) and titles[k] and k > 0:
            run.append(k)
            continue
        if len(run) >= 3:
            for j in run:
                yield paras[j], "related headlines"
        run = []
    for k, para in enumerate(paras):
        piece = text[para.start : para.end]
        if piece.rstrip().endswith(("…", "...")) and k + 1 < len(paras) and text[paras[k + 1].start : paras[k + 1].end
                                                                               ].startswith(piece.rstrip(" .…")):
            yield para, "teaser"  # the first paragraph again, cut short: a standfirst or a link's teaser
        agency = _DATELINE.match(piece) if "(" in piece[:60] else None
        m = _PAGE_STAMP.match(piece) or agency or (_DATE_LEAD.match(piece) if k < 6 else None) or (
            _BYLINE_LEAD.match(piece) or _DATELINE.match(piece) if k < 6 else None)
        if m and m.end() < len(piece):
            yield Span(para.start, para.start + m.end()), "dateline"
        f = _IMAGE_FILE.match(piece)
        if f:
            yield Span(para.start, para.start + f.end()), "image file"


# A photo caption without its credit: one sentence in the present tense of what a picture shows
# ("X sits beside …", "Staff members conduct …", "X and Y leave the press conference"), dated the
# way captions are ("on Thursday", "in 2014", "Oct. 2, 2025"). News narrative is in the past tense.
_CAPTION_VERB = re.compile(
    r"^[A-Z][^.!?“”\"]{0,90}?[a-z,]\s+(?:sits|sit|stands|stand|walks|walk|holds|hold|conducts|conduct|gestures|"
    r"waves|wave|poses|pose|reacts|react|looks on|look on|celebrates|celebrate|waits|wait|carries|carry|"
    r"inspects|inspect|embraces|embrace|mourns|mourn|prays|pray|(?:is|are) (?:seen|pictured|shown)|"
    r"leaves the|leave the|arrives at|arrive at|attends|attend)\b"
)
# The same verbs in their figurative senses: news, not a picture ("sits on the board", "holds talks")
_NOT_A_PICTURE = re.compile(
    r"\b(?:sits?|stands?) (?:on|by|for|at \d)\b|\bholds? (?:talks|office|power|elections?|hearings?|"
    r"(?:a|an|the) (?:meeting|press conference|vote|referendum|seat|post|lead|record|majority|title|view|stake))\b"
)
_CAPTION_DATE = re.compile(
    r"\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bin (?:19|20)\d\d\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b"
)
# A photographer's name after a dash ending a caption: "… resignation speech - Chris J Ratcliffe"
_PHOTOGRAPHER = re.compile(r"\s[-–—]\s(?:[A-Z][\w'’-]*\.?\s){1,2}[A-Z][\w'’-]+\s*$")


def _caption_like(line: str) -> bool:
    """A line that reads like a caption: short, no closing full stop, no quotation."""
    return 3 <= len(line.split()) <= 25 and not re.search(r"[.!?:;,]\s*$", line) and not re.search(r"[“”\"]", line)


def _furniture(text: str, paras: tuple[Span, ...], sentences: tuple[Span, ...]) -> Iterator[tuple[Span, str]]:
    """Captions that lost their credit, printed twice, or signed by the photographer."""
    starts = sorted(s.start for s in sentences)
    for k, para in enumerate(paras):
        piece = text[para.start : para.end].strip()
        one_sentence = bisect.bisect_left(starts, para.end) - bisect.bisect_left(starts, para.start) <= 1
        same_next = k + 1 < len(paras) and text[paras[k + 1].start : paras[k + 1].end].strip() == piece
        same_prev = k > 0 and text[paras[k - 1].start : paras[k - 1].end].strip() == piece
        half = len(piece) // 2  # the same line twice, perhaps joined into one paragraph for analysis
        doubled = len(piece) % 2 == 1 and piece[half].isspace() and piece[:half] == piece[half + 1 :]
        if k >= 2 and (same_next or same_prev or doubled) and _caption_like(piece[:half] if doubled else piece):
            yield para, "caption"  # a photo's caption printed twice (alt text, then caption)
        elif _PHOTOGRAPHER.search(piece) and _length(piece) <= 30 and not re.search(r"[.!?]\s*$", piece):
            yield para, "caption"  # "X delivers his speech - Chris J Ratcliffe": caption and credit
            before = text[paras[k - 1].start : paras[k - 1].end].strip() if k else ""
            if before and piece.startswith(before):
                yield paras[k - 1], "caption"  # the same caption once more, without its credit
        elif one_sentence and _length(piece) <= 60 and _CAPTION_VERB.match(piece) and _CAPTION_DATE.search(piece) and (
            not _NOT_A_PICTURE.search(piece)
        ):
            yield para, "caption"


def _title_like(line: str) -> bool:
    """A headline in a list of links: short, no closing full stop, starts like a title."""
    words = line.split()
    return (
        2 <= len(words) <= 16
        and not re.search(r"[.:;,]$", line.rstrip("”’\"' "))
        and (line[:1].isupper() or line[:1].isdigit() or bool(_CJK_CHAR.match(line)))
        and not re.search(r"[“”\"]", line)
    ) or (line.rstrip().endswith("…") and len(words) <= 25)


_BULLET = re.compile(r"^[·•*▪◦‣-]\s")


def _summary_points(text: str, paras: tuple[Span, ...], k: int) -> list[int]:
    """The points under a summary heading: bulleted lines while they last, else up to three
    short lines; the article's own paragraphs begin where the points stop."""
    pieces = [text[p.start : p.end] for p in paras]
    points: list[int] = []
    bulleted = k + 1 < len(paras) and bool(_BULLET.match(pieces[k + 1]))
    for j in range(k + 1, min(k + (8 if bulleted else 4), len(paras) - 1)):
        if bulleted and not _BULLET.match(pieces[j]):
            break
        if not bulleted and _length(pieces[j]) > 25:
            break
        points.append(j)
    return points


def _navigation(piece: str) -> bool:
    """A run of menu or link titles on one line: many words, nearly all capitalised, no sentence."""
    words = piece.split()
    if len(words) < 8 or re.search(r"[.!?。]\W*$", piece):
        return False
    if re.search(r"(?:^|\s)['\"“‘](?:[^'\"“”‘’\s]+\s+){3,}[^'\"“”‘’]*[”’'\"]", piece):
        return False  # a headline in title case quoting someone: "X 'Believed in Herself …,' Says Y"
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w[:1] in "$£€'\"")
    return capitalised >= 0.8 * len(words)


def _short(text: str, para: Span) -> bool:
    return _length(text[para.start : para.end]) <= 40


_CJK_CHAR = re.compile(f"[{CJK}]")


def _length(piece: str) -> int:
    """Words, counting two characters of a script without spaces as one word."""
    cjk = len(_CJK_CHAR.findall(piece))
    return len(_CJK_CHAR.sub("", piece).split()) + cjk // 2


def _ends(text: str, para: Span) -> bool:
    return bool(re.search(r"[.!?。]\W*$", text[para.start : para.end]))
