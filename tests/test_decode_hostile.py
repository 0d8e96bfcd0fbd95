"""Decoding that never hides damage (issue 12): legacy CJK encodings told apart, UTF-16 without a
byte-order mark, a few bad bytes in UTF-8 repaired and counted, a guess said out loud (the
Source, the command's stderr, the JSON, the project, the column header), binaries still refused.

Every text here was written for this test (made-up news in Japanese, Chinese and Korean), then
encoded; none is copied from an article.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.core.pipeline import analyze
from crosscheck.io.decode import decode
from crosscheck.io.errors import InputError
from crosscheck.io.load import load_bytes
from crosscheck.io.project import Project
from crosscheck.io.project import load as load_project
from crosscheck.io.project import save as save_project
from tests.cli_run import run_cli
from tests.fuzzing import examples
from tests.gui import wait_idle

JAPANESE = (
    "北浜市の美術館は十二日、改修工事を終えて三年ぶりに一般公開を再開した。館長は記者団に「多くの人に"
    "足を運んでもらいたい。地元の作家の作品も増やしていく」と語った。入館料は大人八百円で、高校生以下は"
    "無料となる。\n"
    "開館初日の朝には約二百人が列を作った。市内から訪れた女性は「子どものころから通っていた場所なので、"
    "また来られてうれしい」と話していた。美術館によると、来月からは夜間の開館も予定しているという。\n"
    "一方で、駐車場の不足を指摘する声もある。近くに住む男性は「週末は周りの道が混むのではないか」と"
    "心配そうに話した。市は臨時の駐車場を用意し、公共交通機関の利用を呼びかけている。"
)
SIMPLIFIED = (
    "北滨市美术馆十二日在完成改建工程后重新向公众开放，这是该馆三年来首次开放。馆长对记者说：“希望"
    "更多的人能来参观，我们也会增加本地艺术家的作品。”成人门票为八十元，学生免费。\n"
    "开馆当天早上，约有两百人排队等候。一位从市区赶来的女士说：“我从小就常来这里，能再次来到这里"
    "非常高兴。”据美术馆介绍，下个月起还将在晚上开放。\n"
    "不过，也有人担心停车位不足。住在附近的一名男子表示：“周末附近的道路恐怕会很拥挤。”市政府已经"
    "准备了临时停车场，并呼吁市民尽量乘坐公共交通工具。"
)
TRADITIONAL = (
    "北濱市美術館十二日在完成改建工程後重新對外開放，這是該館三年來首次開放。館長對記者說：「希望"
    "更多的人能來參觀，我們也會增加本地藝術家的作品。」成人門票為兩百元，學生免費。\n"
    "開館當天早上，約有兩百人排隊等候。一位從市區趕來的女士說：「我從小就常來這裡，能再次來到這裡"
    "非常高興。」據美術館介紹，下個月起還將在晚上開放。\n"
    "不過，也有人擔心停車位不足。住在附近的一名男子表示：「週末附近的道路恐怕會很擁擠。」市政府已經"
    "準備了臨時停車場，並呼籲市民盡量搭乘大眾運輸工具。"
)
KOREAN = (
    "북하마시 미술관이 12일 개보수 공사를 마치고 3년 만에 다시 문을 열었다. 관장은 기자들에게 “많은 "
    "분들이 찾아와 주셨으면 한다. 지역 작가들의 작품도 늘려 가겠다”고 말했다. 입장료는 성인 8천 원이며 "
    "고등학생 이하는 무료다.\n"
    "개관 첫날 아침에는 약 200명이 줄을 섰다. 시내에서 온 한 여성은 “어릴 때부터 다니던 곳이라 다시 "
    "올 수 있어 기쁘다”고 했다. 미술관에 따르면 다음 달부터는 야간 개관도 할 예정이다.\n"
    "한편 주차 공간이 부족하다는 지적도 나온다. 근처에 사는 한 남성은 “주말에는 주변 도로가 막힐 것 "
    "같다”며 걱정했다. 시는 임시 주차장을 마련하고 대중교통 이용을 당부했다."
)
ENGLISH = (
    "Northshore's art museum reopened on Tuesday after three years of repairs. “We want people to "
    "come back and see what the town has made,” the director, Ines Marlow, told reporters. Entry is "
    "free for children.\n"
    "About two hundred visitors queued before the doors opened. The museum said it would open in "
    "the evenings from next month.\n"
)

# (encoding written, name the warning must give, text): the brief's encodings, each at article
# size and cut to about a hundred characters.
CASES = [
    ("shift_jis", "Shift-JIS", JAPANESE),
    ("cp932", "Shift-JIS", JAPANESE + "\n①　館内は禁煙です。"),  # an NEC extension: read as cp932
    ("euc_jp", "EUC-JP", JAPANESE),
    ("gb18030", "GB18030", SIMPLIFIED),
    ("gbk", "GB18030", SIMPLIFIED),
    ("gb2312", "GB18030", SIMPLIFIED),
    ("big5", "Big5", TRADITIONAL),
    ("cp950", "Big5", TRADITIONAL),
    ("euc_kr", "EUC-KR", KOREAN),
    ("cp949", "EUC-KR", KOREAN),
]


@pytest.mark.parametrize("size", ["long", "article", "short"])
@pytest.mark.parametrize(("codec", "name", "text"), CASES, ids=[c[0] for c in CASES])
def test_legacy_cjk_encodings_are_read_exactly_and_said_to_be_a_guess(codec, name, text, size) -> None:
    if size == "short":
        text = text[:100]
    elif size == "long":  # 4 to 13 KB
        text = "\n".join([text] * 6)
    decoded = decode(text.encode(codec), "story.txt")
    assert decoded.text == text
    assert decoded.warnings == (f"decoded as {name} (a guess; no charset declared)",)


def test_short_cuts_anywhere_in_each_text_are_read_right() -> None:
    # Forty cuts of 40 characters from each text: a headline-sized piece, not always the start.
    rng = random.Random(12)
    for codec, _name, text in CASES:
        for _ in range(40):
            start = rng.randrange(len(text) - 40)
            piece = text[start : start + 40]
            assert decode(piece.encode(codec), "a.txt").text == piece, (codec, piece)


def test_seven_bit_iso_2022_jp_is_not_taken_for_ascii() -> None:
    decoded = decode(JAPANESE.encode("iso2022_jp"), "mail.txt")
    assert decoded.text == JAPANESE
    assert decoded.warnings == ("decoded as ISO-2022-JP (a guess; no charset declared)",)


def test_a_declared_charset_that_does_not_fit_is_named_in_the_warning() -> None:
    decoded = decode(JAPANESE.encode("shift_jis"), "page.html", declared="utf-8")
    assert decoded.text == JAPANESE
    assert decoded.warnings == ("decoded as Shift-JIS (a guess; the declared charset 'utf-8' does not fit)",)


def test_a_declared_charset_that_fits_is_not_a_guess() -> None:
    decoded = decode(JAPANESE.encode("euc_jp"), "page.html", declared="EUC-JP")
    assert (decoded.text, decoded.warnings) == (JAPANESE, ())


# ---------------------------------------------------------------- UTF-16 without a byte-order mark


@pytest.mark.parametrize("text", [ENGLISH, JAPANESE, KOREAN, "Министр заявил: «Переговоры продолжатся».\n" * 3])
@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")])
def test_utf16_without_a_bom_is_read_not_refused_as_binary(text: str, codec: str, name: str) -> None:
    decoded = decode(text.encode(codec), "notepad.txt")
    assert decoded.text == text
    assert decoded.warnings == (f"decoded as {name} (a guess; no byte-order mark)",)


def test_utf16_cut_mid_character_says_so() -> None:
    decoded = decode(ENGLISH.encode("utf-16-le")[:-1], "cut.txt")
    assert decoded.text == ENGLISH[:-1] + "\ufffd"
    assert "the last byte was an incomplete character" in decoded.warnings[1]


# ---------------------------------------------------------------- damaged UTF-8


@pytest.mark.parametrize(
    ("stray", "count"),
    [(b"\xed\xa0\x80", "3 bytes were"), (b"\xe9", "1 byte was"), (b"\xe2\x80", "2 bytes were")],
    ids=["lone-surrogate", "cp1252-e-acute", "cut-character"],
)
def test_a_stray_byte_in_utf8_loses_only_itself(stray: bytes, count: str) -> None:
    half = len(ENGLISH) // 2
    data = ENGLISH[:half].encode() + stray + ENGLISH[half:].encode()
    decoded = decode(data, "b.txt")
    assert decoded.text.replace("\ufffd", "") == ENGLISH  # every other character kept
    assert decoded.text.startswith(ENGLISH[:half] + "\ufffd")
    assert "“We want people to come back" in decoded.text and "â€" not in decoded.text  # no mojibake
    assert decoded.warnings == (f"{count} not valid UTF-8 and {count.split()[-1]} replaced by \ufffd",)


def test_a_stray_byte_after_a_utf8_bom_is_repaired_too() -> None:
    data = b"\xef\xbb\xbf" + ENGLISH.encode().replace(b"Tuesday", b"Tues\xe9day")
    decoded = decode(data, "notepad.txt")
    assert decoded.text == ENGLISH.replace("Tuesday", "Tues\ufffdday")
    assert decoded.warnings == ("1 byte was not valid UTF-8 and was replaced by \ufffd",)


def test_scattered_damage_in_a_long_utf8_file_is_repaired_and_counted() -> None:
    text = JAPANESE * 4  # about 1,400 characters, 4 KB: room for several damaged places
    data = bytearray(text.encode())
    for at in (len(data) // 4, len(data) // 2, len(data) * 3 // 4):
        while data[at] & 0xC0 == 0x80:  # a character's first byte, so the rest stay whole
            at += 1
        data[at:at] = b"\xff"
    decoded = decode(bytes(data), "a.txt")
    assert decoded.text.replace("\ufffd", "") == text
    assert decoded.warnings == ("3 bytes were not valid UTF-8 and were replaced by \ufffd",)


def test_a_file_mostly_not_utf8_still_goes_to_detection() -> None:
    text = "Le maire a déclaré mardi que le musée rouvrirait « dès que possible ». Entrée libre, café offert."
    decoded = decode(text.encode("cp1252"), "fr.txt")
    assert decoded.text == text and "\ufffd" not in decoded.text
    assert decoded.warnings == ("decoded as Windows-1252 (a guess; no charset declared)",)


def test_an_ascii_article_with_one_high_byte_is_read_as_cp1252_where_that_byte_survives() -> None:
    # No multi-byte character shows the file is UTF-8; cp1252 loses nothing, and it is a guess.
    decoded = decode(b"The cafe owner said the caf\xe9 would stay open all summer.", "a.txt")
    assert "caf\u00e9 would" in decoded.text
    assert decoded.warnings == ("decoded as Windows-1252 (a guess; no charset declared)",)


def test_quotes_of_a_damaged_article_are_still_found_by_the_engine() -> None:
    other = ENGLISH.replace("Tuesday", "Tuesday morning").replace("About two hundred", "Some 200")
    data = ENGLISH.encode().replace(b"reopened", b"reopened\xed\xa0\x80", 1)
    damaged = load_bytes(data, "b.txt", "s2", kind="text")
    clean = load_bytes(other.encode(), "a.txt", "s1", kind="text")
    assert damaged.warnings and not clean.warnings
    comparison = analyze([clean, damaged])
    quote = next(g for g in comparison.groups if g.kind == "quote" and "come back" in g.label)
    member = next(m for m in quote.members if m.source == "s2")
    assert damaged.text[member.span.start : member.span.end] == member.text  # offsets into the shown text
    assert "We want people to come back" in member.text


# ---------------------------------------------------------------- what is still refused


@pytest.mark.parametrize(
    "data",
    [
        random.Random(3).randbytes(4000),  # noise, zero bytes included
        b"SQLite format 3\x00" + random.Random(4).randbytes(500) + b"\x00" * 3000,
        b"\x00" * 500,
        b"\x00\x01\x00\x02\x00\x03" * 300,
        bytes(range(1, 32)) * 40,  # control characters, no zero byte
    ],
    ids=["noise", "database", "zeros", "counters", "controls"],
)
def test_true_binaries_are_still_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^blob\.bin: binary file, not text$"):
        decode(data, "blob.bin")


# ---------------------------------------------------------------- invariants

_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300).filter(
    lambda t: not t.startswith(("\ufeff", "%PDF", "GIF8"))  # a BOM or a file format's signature
)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_any_utf8_text_decodes_to_exactly_itself_without_a_warning(text: str) -> None:
    decoded = decode(text.encode("utf-8"), "a.txt")
    assert (decoded.text, decoded.warnings) == (text, ())


def _text_or_clear_refusal(data: bytes) -> None:
    try:
        decoded = decode(data, "a.txt")
    except InputError as exc:
        assert str(exc).startswith("a.txt: ") and "\n" not in str(exc)
        return
    assert isinstance(decoded.text, str) and all("\n" not in w for w in decoded.warnings)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_text_or_a_clear_refusal(data: bytes) -> None:
    _text_or_clear_refusal(data)


@pytest.mark.fuzz
@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(CASES), st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=4)), max_size=8))
def test_damaged_legacy_and_utf8_files_are_text_or_a_clear_refusal(case, edits) -> None:
    """Long run (pytest -m fuzz): real text in each encoding, or in UTF-8, with bytes spliced in."""
    codec, _name, text = case
    for data in (bytearray(text.encode(codec)), bytearray(text.encode("utf-8"))):
        for at, junk in edits:
            data[at % (len(data) + 1) : at % (len(data) + 1)] = junk
        _text_or_clear_refusal(bytes(data))


# ---------------------------------------------------------------- said out loud: CLI, JSON, project


def test_the_command_prints_each_guess_on_one_line_and_the_json_carries_it(tmp_path) -> None:
    (tmp_path / "a.txt").write_bytes(ENGLISH.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(ENGLISH.replace("repairs", "réfection").encode("cp1252"))
    result = run_cli("compare", "a.txt", "b.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["crosscheck: b.txt: decoded as Windows-1252 (a guess; no charset declared)"]
    sources = json.loads(result.stdout)["sources"]
    assert [s["warnings"] for s in sources] == [[], ["decoded as Windows-1252 (a guess; no charset declared)"]]
    quiet = run_cli("compare", "a.txt", "b.txt", "-q", "-o", "out.json", cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert json.loads((tmp_path / "out.json").read_text("utf-8"))["sources"][1]["warnings"] == sources[1]["warnings"]


def test_a_project_keeps_the_warnings_and_compare_repeats_them(tmp_path) -> None:
    (tmp_path / "ja.txt").write_bytes(JAPANESE.encode("shift_jis"))
    (tmp_path / "ko.txt").write_bytes(KOREAN.encode("utf-8"))
    result = run_cli("compare", "ja.txt", "ko.txt", "-o", "story.crosscheck", cwd=tmp_path)
    assert result.stderr == "crosscheck: ja.txt: decoded as Shift-JIS (a guess; no charset declared)\n"
    project = load_project(tmp_path / "story.crosscheck")
    assert [s.warnings for s in project.sources] == [("decoded as Shift-JIS (a guess; no charset declared)",), ()]
    assert project.sources[0].text == JAPANESE
    save_project(Project(sources=project.sources), tmp_path / "again.crosscheck")
    assert load_project(tmp_path / "again.crosscheck").sources[0].warnings == project.sources[0].warnings
    raw = json.loads((tmp_path / "again.crosscheck").read_text("utf-8"))
    assert "warnings" not in raw["sources"][1]  # absent when there is nothing to say


# ---------------------------------------------------------------- the column header


def test_the_column_header_marks_a_guessed_article_and_says_why(qtbot, window, tmp_path) -> None:
    (tmp_path / "ja.txt").write_bytes(JAPANESE.encode("shift_jis"))
    (tmp_path / "utf8.txt").write_bytes(JAPANESE.replace("十二日", "十三日").encode("utf-8"))
    window.open_sources([str(tmp_path / "ja.txt"), str(tmp_path / "utf8.txt")])
    wait_idle(qtbot, window)
    headers = {Path(c.source.path).name: c.header for c in window.columns.values()}
    guessed, exact = headers["ja.txt"], headers["utf8.txt"]
    assert guessed.warning.isVisible() and guessed.warning.text() == "⚠"
    assert guessed.warning.toolTip() == "⚠ Decoded as Shift-JIS (a guess; no charset declared)"
    assert guessed.toolTip().startswith("⚠ Decoded as Shift-JIS")
    assert not exact.warning.isVisible() and "⚠" not in exact.toolTip()
    assert window.columns[guessed.source.id].view.toPlainText() == JAPANESE
