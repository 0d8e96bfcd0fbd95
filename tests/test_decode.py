"""Bytes to text: BOMs, UTF-8, legacy Windows code pages, line endings, and refusing binaries."""

from __future__ import annotations

import codecs

import pytest

from crosscheck.io.decode import decode_bytes
from crosscheck.io.errors import InputError

ENGLISH = "The harbour master said: “We will reopen the route — but not before Friday.” It’s closed."
POLISH = (
    "Rząd ogłosił w poniedziałek, że rozmowy z Komisją Europejską zostaną wznowione "
    "w przyszłym tygodniu. Burmistrz Krakowa zapowiedział budowę nowej linii tramwajowej."
)
RUSSIAN = (
    "Министр иностранных дел заявил в среду, что переговоры продолжатся на следующей неделе. "
    "«Мы не допустим этого», — сказал мэр города журналистам."
)


# --- Unicode, with and without a byte-order mark -------------------------------------------


def test_utf8_without_bom() -> None:
    assert decode_bytes(ENGLISH.encode("utf-8"), "a.txt") == ENGLISH


def test_utf8_with_bom_drops_the_bom() -> None:
    text = decode_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "a.txt")
    assert text == ENGLISH
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    # UTF-16 is full of NUL bytes; the BOM must win over the binary check.
    text = decode_bytes(bom + ENGLISH.encode(codec), "a.txt")
    assert text == ENGLISH


def test_utf16_with_bom_and_crlf_gets_unix_line_endings() -> None:
    data = codecs.BOM_UTF16_LE + "Headline\r\n\r\nBody text.\r\n".encode("utf-16-le")
    assert decode_bytes(data, "a.txt") == "Headline\n\nBody text.\n"


def test_utf8_non_latin_scripts_are_kept() -> None:
    text = "東京は晴れです。Привет. Zażółć gęślą jaźń. مرحبا"
    assert decode_bytes(text.encode("utf-8"), "a.txt") == text


def test_declared_charset_is_used() -> None:
    data = "Ferry – “halted”".encode("cp1252")
    assert decode_bytes(data, "a.html", declared="windows-1252") == "Ferry – “halted”"


def test_latin1_declaration_is_read_as_cp1252_like_browsers_do() -> None:
    # Pages that say iso-8859-1 are really windows-1252 (curly quotes in 0x80-0x9f).
    data = "He said “yes” — twice.".encode("cp1252")
    assert decode_bytes(data, "a.html", declared="ISO-8859-1") == "He said “yes” — twice."


def test_wrong_declaration_falls_back_to_detection() -> None:
    data = "Ça coûte 5 € — “cher”.".encode()
    assert decode_bytes(data, "a.html", declared="no-such-charset") == "Ça coûte 5 € — “cher”."
    assert decode_bytes(data, "a.html", declared="ascii") == "Ça coûte 5 € — “cher”."


# --- legacy code pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "He said “no”.",
        "“Yes,” she said — it’s done.",
        "2019–2020",
        "Café owners in Zürich said the crème brûlée was “excellent”.",
        "Señor Núñez said the café’s façade was “très chic” — and expensive…",
    ],
)
def test_short_cp1252_text_keeps_curly_quotes_and_dashes(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), "note.txt") == text


def test_long_cp1252_text_keeps_curly_quotes_and_dashes() -> None:
    paragraph = (
        "The minister’s office said on Monday that the talks — which began in March — had "
        "“stalled”, and that a new round would start in the autumn. "
    )
    text = "Talks stall\n\n" + paragraph * 40
    decoded = decode_bytes(text.encode("cp1252"), "long.txt")
    assert decoded == text
    assert decoded.count("“stalled”") == 40
    assert "â€" not in decoded  # the classic mojibake of a curly quote


@pytest.mark.parametrize("text", ["It is 5\u00a0km long, he said.", "Le ministre a dit\u00a0: «\u00a0non\u00a0»."])
def test_cp1252_no_break_space_is_kept(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), "nbsp.txt") == text


def test_cp1250_polish() -> None:
    assert decode_bytes(POLISH.encode("cp1250"), "pl.txt") == POLISH


@pytest.mark.parametrize(
    "sentence",
    [
        "Rząd w Warszawie ogłosił w poniedziałek, że decyzja zapadnie wkrótce.",
        "Według policji w wypadku na autostradzie A4 ucierpiały cztery osoby.",
        "Władze Gdańska poinformowały, że prom do Helu nie będzie kursował do odwołania.",
    ],
)
def test_cp1250_polish_single_sentences(sentence: str) -> None:
    # One sentence is all a detector gets from a short note; ą and ł must not become ¹ and ³.
    decoded = decode_bytes(sentence.encode("cp1250"), "pl.txt")
    assert decoded == sentence
    assert "¹" not in decoded and "³" not in decoded


def test_cp1251_russian() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), "ru.txt") == RUSSIAN


def test_cp1251_russian_headline() -> None:
    line = "Паром остановлен из-за трещин в корпусе"
    assert decode_bytes(line.encode("cp1251"), "ru.txt") == line


def test_greek_cp1253_is_not_taken_for_cyrillic() -> None:
    text = "Ο υπουργός Εξωτερικών δήλωσε την Τετάρτη ότι οι συνομιλίες θα συνεχιστούν."
    assert decode_bytes(text.encode("cp1253"), "el.txt") == text


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("gbk", "外交部发言人周三表示，谈判将于下周继续进行。"),
        ("shift_jis", "外務大臣は水曜日、北大西洋条約機構の連絡事務所を開設する方針を明らかにした。"),
    ],
)
def test_cjk_legacy_encodings(codec: str, text: str) -> None:
    assert decode_bytes(text.encode(codec), "cjk.txt") == text


# --- line endings and control characters -------------------------------------------------------


def test_crlf_becomes_lf() -> None:
    data = b"Ferry halted\r\n\r\nThe ferry stopped.\r\nIt will resume.\r\n"
    text = decode_bytes(data, "a.txt")
    assert text == "Ferry halted\n\nThe ferry stopped.\nIt will resume.\n"
    assert "\r" not in text


def test_lone_cr_becomes_lf() -> None:
    # Classic Mac OS line endings.
    text = decode_bytes(b"Ferry halted\r\rThe ferry stopped.\rIt will resume.", "a.txt")
    assert text == "Ferry halted\n\nThe ferry stopped.\nIt will resume."


def test_mixed_line_endings_count_one_newline_each() -> None:
    text = decode_bytes(b"one\r\ntwo\rthree\nfour", "a.txt")
    assert text.split("\n") == ["one", "two", "three", "four"]


def test_cp1252_with_crlf() -> None:
    data = "Talks “stalled”\r\n\r\nThe minister’s office said so.\r\n".encode("cp1252")
    assert decode_bytes(data, "a.txt") == "Talks “stalled”\n\nThe minister’s office said so.\n"


def test_a_few_stray_control_characters_are_removed_not_refused() -> None:
    text = decode_bytes(b"The ferry\x0c stopped.\x07 It will resume.\tSoon.", "a.txt")
    assert text == "The ferry stopped. It will resume.\tSoon."


# --- binaries are refused ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_known_binary_formats_are_refused_by_name(data: bytes, what: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "article.bin")
    message = str(info.value)
    assert message.startswith("article.bin: ")
    assert what in message
    assert "\n" not in message


def test_nul_bytes_are_refused() -> None:
    data = b"Looks like text at first" + b"\x00\x01\x02\x03" * 50
    with pytest.raises(InputError, match=r"^blob\.dat: binary file, not text$"):
        decode_bytes(data, "blob.dat")


def test_many_control_characters_are_refused() -> None:
    data = bytes(range(1, 9)) * 40 + b"some words"
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(data, "blob.dat")


def test_a_sentence_starting_with_mz_is_not_a_windows_program() -> None:
    text = "MZ Logistics said on Monday it would close its depot in Port Averly."
    assert decode_bytes(text.encode("ascii"), "a.txt") == text


def test_a_windows_program_is_refused() -> None:
    data = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
    with pytest.raises(InputError, match="Windows program"):
        decode_bytes(data, "setup.exe")
