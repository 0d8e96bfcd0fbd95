"""Loading articles: text, Markdown and HTML files, pasted text, URLs, and what we refuse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crosscheck.core.model import Source
from crosscheck.io import load as load_module
from crosscheck.io.errors import InputError
from crosscheck.io.fetch import fetch
from crosscheck.io.load import load, load_pasted, load_path, load_sources, load_url
from tests.local_http import serving

FIXTURES = Path(__file__).parent / "fixtures"
HERALD = FIXTURES / "harbourline-herald.html"
VALLEY = FIXTURES / "valley-post-jsonld.html"
GAZETTE = FIXTURES / "lindqvarn-gazette-cp1252.html"
CHROME_ONLY = FIXTURES / "chrome-only.html"

# Page furniture the fixtures carry around their articles; none of it may reach the shown text.
CHROME = [
    "cookie", "Cookie", "Accept all", "Manage preferences", "Share on", "Email this story",
    "Subscribe", "Related stories", "Harbour ferry fares", "Privacy", "All rights reserved",
    "Sign up", "trackShare", "analyticsQueue", "font-family", "__INITIAL_STATE__",
    "Front page", "WhatsApp", "Tweet", "More from News", "River festival", "Advertise",
    "Registered in England", "OK, got it", "What's on",
]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def assert_no_chrome(text: str) -> None:
    leaked = [c for c in CHROME if c in text]
    assert not leaked, f"page furniture in the shown text: {leaked}"


def assert_furniture_is_in_text(source: Source) -> None:
    for f in source.furniture:
        assert 0 <= f.span.start < f.span.end <= len(source.text)
        piece = source.text[f.span.start : f.span.end]
        assert piece == piece.strip() and piece


# --- plain text ---------------------------------------------------------------------------


HEADED = """Council approves new harbour wall

By Dana Whitfield

The Eastmere Echo, 14 May 2025

The council voted on Tuesday to build a new harbour wall after a decade of flooding on the quay.

Work will start in June, the harbour master said.
"""


def test_txt_header_gives_title_byline_outlet_date(tmp_path: Path) -> None:
    source = load_path(write(tmp_path, "echo.txt", HEADED), "s1")
    assert source.id == "s1"
    assert source.kind == "text"
    assert source.path == str(tmp_path / "echo.txt")
    assert source.title == "Council approves new harbour wall"
    assert source.author == "Dana Whitfield"
    assert source.outlet == "The Eastmere Echo"
    assert source.published == "2025-05-14"
    assert source.url is None
    assert source.label == "The Eastmere Echo"
    assert_furniture_is_in_text(source)
    kinds = {source.text[f.span.start : f.span.end]: f.kind for f in source.furniture}
    assert kinds == {"By Dana Whitfield": "byline", "The Eastmere Echo, 14 May 2025": "dateline"}
    # The header stays visible: the reader sees the page as it was.
    assert source.text.startswith("Council approves new harbour wall\n\nBy Dana Whitfield\n\n")
    assert source.text.endswith("the harbour master said.")


def test_txt_one_line_byline_with_outlet_and_date(tmp_path: Path) -> None:
    text = (
        "Bridge toll scrapped after protests\n"
        "By Omar Castell · Northgate Wire · March 4, 2026\n\n"
        "The toll on the Ostvik bridge will be scrapped from April, the transport board said.\n"
    )
    source = load_path(write(tmp_path, "wire.txt", text), "s1")
    assert source.title == "Bridge toll scrapped after protests"
    assert source.author == "Omar Castell"
    assert source.outlet == "Northgate Wire"
    assert source.published == "2026-03-04"


def test_txt_author_list_outlet_line_and_iso_date(tmp_path: Path) -> None:
    text = (
        "Reservoir levels fall to lowest in a decade\n\n"
        "Dana Whitfield and Omar Castell\n\n"
        "Marrow Valley Post\n\n"
        "2025-08-02\n\n"
        "Water stored in the valley's reservoirs has fallen to 41 per cent of capacity.\n"
    )
    source = load_path(write(tmp_path, "post.txt", text), "s1")
    assert source.title == "Reservoir levels fall to lowest in a decade"
    assert source.author == "Dana Whitfield and Omar Castell"
    assert source.outlet == "Marrow Valley Post"
    assert source.published == "2025-08-02"
    assert_furniture_is_in_text(source)


def test_txt_repeated_title_is_shown_once(tmp_path: Path) -> None:
    text = (
        "Council approves new harbour wall\n\n"
        "Council approves new harbour wall\n\n"
        "The council voted on Tuesday to build a new harbour wall.\n"
    )
    source = load_path(write(tmp_path, "twice.txt", text), "s1")
    assert source.text.count("Council approves new harbour wall") == 1
    assert source.title == "Council approves new harbour wall"
    assert source.text == (
        "Council approves new harbour wall\n\nThe council voted on Tuesday to build a new harbour wall."
    )


def test_txt_repeated_title_on_adjacent_lines(tmp_path: Path) -> None:
    text = "Harbour wall approved\nHarbour wall approved\nBy Dana Whitfield\n\nThe council voted on Tuesday.\n"
    source = load_path(write(tmp_path, "twice.txt", text), "s1")
    assert source.text.count("Harbour wall approved") == 1
    assert source.title == "Harbour wall approved"
    assert source.author == "Dana Whitfield"


def test_txt_starting_with_a_sentence_has_no_title(tmp_path: Path) -> None:
    text = (
        "The council voted on Tuesday to build a new harbour wall, ending a decade of arguments "
        "about flooding on the quay.\n\nWork will start in June.\n"
    )
    source = load_path(write(tmp_path, "body.txt", text), "s1")
    assert source.title is None
    assert source.outlet is None
    assert source.author is None
    assert source.published is None
    assert source.furniture == ()
    assert source.label == "body.txt"


def test_txt_without_header_invents_no_metadata(tmp_path: Path) -> None:
    text = "Storm warnings were issued for the coast on Sunday.\nFerries stayed in port.\n"
    source = load_path(write(tmp_path, "note.txt", text), "s1")
    assert (source.title, source.author, source.outlet, source.published) == (None, None, None, None)


def test_txt_trailing_spaces_and_blank_runs_are_tidied(tmp_path: Path) -> None:
    text = "\n\n\nHarbour wall approved   \n\n\n\n\nThe council voted on Tuesday.  \n\n\n"
    source = load_path(write(tmp_path, "messy.txt", text), "s1")
    assert source.text == "Harbour wall approved\n\nThe council voted on Tuesday."


def test_txt_crlf_file_has_unix_offsets(tmp_path: Path) -> None:
    source = load_path(write(tmp_path, "win.txt", HEADED.replace("\n", "\r\n").encode("cp1252")), "s1")
    assert "\r" not in source.text
    assert source.title == "Council approves new harbour wall"
    assert source.published == "2025-05-14"
    for span in source.sentences:
        assert source.text[span.start : span.end].strip() == source.text[span.start : span.end]


def test_txt_in_cp1252_keeps_curly_quotes(tmp_path: Path) -> None:
    text = "Talks stall\n\n“We are not there yet,” the minister’s spokesperson said — twice.\n"
    source = load_path(write(tmp_path, "legacy.txt", text.encode("cp1252")), "s1")
    assert "“We are not there yet,” the minister’s spokesperson said — twice." in source.text


def test_file_without_extension_is_read_as_text(tmp_path: Path) -> None:
    source = load_path(write(tmp_path, "README", HEADED), "s1")
    assert source.kind == "text"
    assert source.title == "Council approves new harbour wall"


def test_text_file_that_is_really_html_is_extracted(tmp_path: Path) -> None:
    path = write(tmp_path, "saved-page.txt", HERALD.read_text(encoding="utf-8"))
    source = load_path(path, "s1")
    assert source.kind == "html"
    assert source.outlet == "The Harbourline Herald"
    assert "<p>" not in source.text
    assert_no_chrome(source.text)


# --- Markdown ------------------------------------------------------------------------------


MARKDOWN = r"""# Harbour wall approved

*By Dana Whitfield · Eastmere Echo · 14 May 2025*

The council [voted](https://eastmere-echo.example/votes/112 "Vote record") on **Tuesday**
to spend \$5.5 million on a _new_ wall, and __nobody__ objected.

## Reaction

- Residents [welcomed it](https://eastmere-echo.example/reaction).
- Fishermen said it came *too late*.

1. First phase: the north quay.
2. Second phase: the ferry slip.

> “It is about time,” said one resident.

See ![a photo of the quay](https://eastmere-echo.example/quay.jpg) and the `wall-plan-v2` document.
"""

MARKDOWN_SYNTAX = ["](", "[", "**", "__", "*", "#", "\\$", "![", "`", "> "]


def assert_no_markdown_syntax(text: str) -> None:
    leaked = [m for m in MARKDOWN_SYNTAX if m in text]
    assert not leaked, f"Markdown syntax in the shown text: {leaked}"
    assert "https://" not in text


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_markdown_is_rendered_to_readable_text(tmp_path: Path, suffix: str) -> None:
    source = load_path(write(tmp_path, "echo" + suffix, MARKDOWN), "s1")
    assert source.kind == "markdown"
    text = source.text
    assert_no_markdown_syntax(text)
    assert "The council voted on Tuesday to spend $5.5 million on a new wall, and nobody objected." in text
    assert "• Residents welcomed it." in text
    assert "• Fishermen said it came too late." in text
    assert "1. First phase: the north quay." in text
    assert "2. Second phase: the ferry slip." in text
    assert "“It is about time,” said one resident." in text
    assert "See a photo of the quay and the wall-plan-v2 document." in text
    assert "\nReaction\n" in text  # the heading stays, without its hashes


def test_markdown_header_metadata(tmp_path: Path) -> None:
    source = load_path(write(tmp_path, "echo.md", MARKDOWN), "s1")
    assert source.title == "Harbour wall approved"
    assert source.author == "Dana Whitfield"
    assert source.outlet == "Eastmere Echo"
    assert source.published == "2025-05-14"
    assert_furniture_is_in_text(source)


def test_markdown_paragraph_lines_are_joined(tmp_path: Path) -> None:
    text = "The ferry was\nsuspended on Monday\nafter an inspection.\n\nIt will resume on Friday.\n"
    source = load_path(write(tmp_path, "soft.md", text), "s1")
    assert source.text == "The ferry was suspended on Monday after an inspection.\n\nIt will resume on Friday."


def test_markdown_escapes_are_rendered(tmp_path: Path) -> None:
    text = r"Prices rose by \$5 to \*record\* levels \[citation needed\] in Q\_1." + "\n"
    source = load_path(write(tmp_path, "esc.md", text), "s1")
    assert source.text == "Prices rose by $5 to *record* levels [citation needed] in Q_1."


def test_txt_that_is_really_markdown_is_rendered(tmp_path: Path) -> None:
    source = load_path(write(tmp_path, "saved.txt", MARKDOWN), "s1")
    assert source.kind == "markdown"
    assert_no_markdown_syntax(source.text)
    assert "spend $5.5 million" in source.text
    assert source.title == "Harbour wall approved"
    assert source.outlet == "Eastmere Echo"


# --- HTML ------------------------------------------------------------------------------------


def test_html_article_text_metadata_and_no_chrome() -> None:
    source = load_path(HERALD, "s2")
    assert source.kind == "html"
    assert source.id == "s2"
    assert source.title == "Drawbridge at Ostvik stuck open for second day"
    assert source.outlet == "The Harbourline Herald"
    assert source.author == "Ingrid Solberg"
    assert source.published == "2025-11-18"
    assert source.url == "https://harbourline-herald.example/local/ostvik-drawbridge-stuck"
    text = source.text
    assert text.startswith("Drawbridge at Ostvik stuck open for second day\n\n")
    assert text.count("Drawbridge at Ostvik stuck open for second day") == 1
    for paragraph in [
        "The Ostvik drawbridge remained jammed in the raised position for a second day on Tuesday",
        "a hydraulic pump had failed during a routine lift on Monday afternoon",
        "“We have a replacement pump on its way from the supplier, but we will not lower the bridge "
        "until every safety check has been completed,” said Henrik Dahl",
        "The council has laid on a free shuttle boat between the two quays",
        "Dahl said he expected the repair to take at least until Thursday.",
    ]:
        assert paragraph in text
    assert_no_chrome(text)
    assert "<" not in text and ">" not in text
    assert "\n\n\n" not in text


def test_html_metadata_from_json_ld() -> None:
    source = load_path(VALLEY, "s1")
    assert source.title == "Reservoir levels fall to lowest in a decade"
    assert source.outlet == "Marrow Valley Post"
    assert source.author == "Tobias Rennick"
    assert source.published == "2025-08-02"
    assert "has fallen to 41 per cent of capacity" in source.text
    assert 'the restriction was "a precaution, not a panic measure".' in source.text
    assert "refilling the reservoirs." in source.text
    assert "@context" not in source.text
    assert_no_chrome(source.text)


def test_htm_extension_is_html(tmp_path: Path) -> None:
    path = write(tmp_path, "herald.htm", HERALD.read_text(encoding="utf-8"))
    source = load_path(path, "s1")
    assert source.kind == "html"
    assert source.outlet == "The Harbourline Herald"
    assert_no_chrome(source.text)


def test_html_with_declared_legacy_charset() -> None:
    raw = GAZETTE.read_bytes()
    assert b'charset="windows-1252"' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is cp1252
    source = load_path(GAZETTE, "s1")
    assert source.title == "Café owners protest new terrace rules"
    assert source.outlet == "Lindqvarn Gazette"
    assert source.author == "Renée Fourniér"
    assert source.published == "2024-06-11"
    text = source.text
    assert "Owners of more than thirty cafés in Lindqvarn’s old town" in text
    assert "“These terraces are how we survive the summer,” said José Ibáñez" in text
    assert "the Café Brûlée on the main square" in text
    assert "the rules — due to take effect on 1 July — are needed" in text
    assert "Anaïs Moreau" in text
    assert "Ã" not in text and "â€" not in text


def test_html_sentences_and_furniture_are_offsets_into_text() -> None:
    for path in (HERALD, VALLEY, GAZETTE):
        source = load_path(path, "s1")
        assert source.sentences
        previous = 0
        for span in source.sentences:
            piece = source.text[span.start : span.end]
            assert piece and piece == piece.strip()
            assert span.start >= previous
            previous = span.end
        assert_furniture_is_in_text(source)


# --- pasted text -----------------------------------------------------------------------------


def test_pasted_plain_text() -> None:
    source = load_pasted(HEADED.replace("\n", "\r\n"), "s3")
    assert source.id == "s3"
    assert source.kind == "pasted"
    assert source.path == "Pasted text"
    assert "\r" not in source.text
    assert source.title == "Council approves new harbour wall"
    assert source.author == "Dana Whitfield"
    assert source.outlet == "The Eastmere Echo"
    assert source.published == "2025-05-14"


def test_pasted_text_with_lone_cr() -> None:
    source = load_pasted("The ferry stopped.\rIt will resume on Friday.", "s1", name="Clipboard 1")
    assert source.text == "The ferry stopped.\nIt will resume on Friday."
    assert source.path == "Clipboard 1"


def test_pasted_markdown_is_rendered() -> None:
    source = load_pasted(MARKDOWN, "s1")
    assert source.kind == "pasted"
    assert_no_markdown_syntax(source.text)
    assert "spend $5.5 million on a new wall" in source.text


def test_pasted_html_page_is_extracted() -> None:
    source = load_pasted(HERALD.read_text(encoding="utf-8"), "s1")
    assert source.kind == "pasted"
    assert source.outlet == "The Harbourline Herald"
    assert "The Ostvik drawbridge remained jammed" in source.text
    assert_no_chrome(source.text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\r\n"])
def test_pasted_nothing_is_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"^Pasted text: the article is empty"):
        load_pasted(text, "s1")


def test_pasted_text_over_the_size_limit_is_refused_before_it_is_read(monkeypatch) -> None:
    from crosscheck.io import load as loading

    monkeypatch.setattr(loading, "extract_article", lambda *a: pytest.fail("a page over the limit was parsed"))
    page = "<html><body><p>" + "word " * (loading.MAX_BYTES // 5 + 1) + "</p></body></html>"
    with pytest.raises(InputError, match=r"^Pasted text: 10\.0 MB is over the 10 MB limit for one article"):
        load_pasted(page, "s1")


# --- refusals --------------------------------------------------------------------------------


def refusal(path: Path | str) -> str:
    with pytest.raises(InputError) as info:
        load_path(path, "s1")
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nope.txt").endswith("no such file")


def test_folder_is_refused(tmp_path: Path) -> None:
    assert "is a folder" in refusal(tmp_path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.txt", b"\x00\x01\x02\x03binary\x00" * 100)
    assert refusal(path).endswith("binary file, not text")


def test_pdf_named_txt_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "article.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 20)
    assert "PDF" in refusal(path)


def test_png_named_html_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "article.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "PNG" in refusal(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "empty.txt", b"")).endswith("the file is empty")


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    assert "empty" in refusal(write(tmp_path, "blank.txt", " \n\t\r\n  \n"))


def test_bom_only_file_is_refused(tmp_path: Path) -> None:
    assert "empty" in refusal(write(tmp_path, "bom.txt", b"\xef\xbb\xbf\r\n"))


def test_markdown_with_no_words_is_refused(tmp_path: Path) -> None:
    assert "empty" in refusal(write(tmp_path, "rule.md", "---\n\n***\n"))


def test_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "MAX_BYTES", 2 * 2**20)
    path = write(tmp_path, "huge.txt", b"The ferry stopped. " * (2 * 2**20 // 19 + 10))
    message = refusal(path)
    assert "over the 2 MB limit" in message


def test_file_at_the_size_limit_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = b"The ferry stopped on Monday. "
    monkeypatch.setattr(load_module, "MAX_BYTES", len(body) * 10)
    source = load_path(write(tmp_path, "fits.txt", body * 10), "s1")
    assert source.text.count("The ferry stopped on Monday.") == 10


def test_html_with_no_article_text_is_refused() -> None:
    assert refusal(CHROME_ONLY).endswith("no article text found in this page")


def test_html_with_empty_body_is_refused(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>Loading</title><script>boot()</script></head><body></body></html>"
    assert "no article text" in refusal(write(tmp_path, "shell.html", page))


def test_load_sources_numbers_ids_in_order() -> None:
    sources = load_sources([str(HERALD), str(VALLEY), str(GAZETTE)])
    assert [s.id for s in sources] == ["s1", "s2", "s3"]
    assert [s.path for s in sources] == [str(HERALD), str(VALLEY), str(GAZETTE)]
    assert [s.outlet for s in sources] == ["The Harbourline Herald", "Marrow Valley Post", "Lindqvarn Gazette"]


def test_load_stops_at_the_first_bad_source(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_sources([str(HERALD), str(tmp_path / "gone.txt")])


# --- URLs --------------------------------------------------------------------------------------


PLAIN_ARTICLE = (
    "Ferry timetable published\n\nBy Dana Whitfield\n\nThe Eastmere Echo, 6 March 2026\n\n"
    "The harbour authority published a temporary ferry timetable on Wednesday.\n"
)


def _redirect(to: str, status: int = 302) -> tuple[int, dict[str, str], bytes]:
    return status, {"Location": to, "Content-Type": "text/html"}, b""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    html = HERALD.read_bytes()
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {
        "/news/drawbridge": (200, {"Content-Type": "text/html; charset=utf-8"}, html),
        "/news/plain.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN_ARTICLE.encode()),
        "/news/legacy": (200, {"Content-Type": "text/html"}, GAZETTE.read_bytes()),
        "/news/declared-cp1252": (
            200,
            {"Content-Type": "text/plain; charset=windows-1252"},
            "Talks stall\n\n“We are not there yet,” the minister’s spokesperson said.\n".encode("cp1252"),
        ),
        "/news/story.md": (200, {"Content-Type": "text/markdown"}, MARKDOWN.encode()),
        "/gone": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
        "/broken": (500, {"Content-Type": "text/html"}, b"oops"),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n"),
        "/big-declared": (200, {"Content-Type": "text/html"}, b"<p>" + b"word " * 4000 + b"</p>"),
        "/big-streamed": (
            200,
            {"Content-Type": "text/html", "X-No-Length": "1", "Connection": "close"},
            b"<p>" + b"word " * 4000 + b"</p>",
        ),
        "/to-ftp": _redirect("ftp://127.0.0.1/article.txt"),
        "/to-file": _redirect("file:///etc/passwd", 301),
        "/relative": _redirect("news/drawbridge", 303),
    }
    # /hop/N redirects N+1 times before the article: /hop/4 takes 5 redirects, /hop/5 takes 6.
    for n in range(8):
        routes[f"/hop/{n}"] = _redirect(f"/hop/{n - 1}" if n else "/news/drawbridge", 307 if n % 2 else 302)
    with serving(routes) as base:
        yield base


def test_url_html_page(server: str) -> None:
    url = f"{server}/news/drawbridge"
    source = load_url(url, "s1")
    assert source.kind == "url"
    assert source.path == url
    assert source.title == "Drawbridge at Ostvik stuck open for second day"
    assert source.outlet == "The Harbourline Herald"
    assert source.author == "Ingrid Solberg"
    assert source.published == "2025-11-18"
    assert "The Ostvik drawbridge remained jammed" in source.text
    assert_no_chrome(source.text)


def test_load_dispatches_urls(server: str) -> None:
    source = load(f"{server}/news/drawbridge", "s4")
    assert source.id == "s4"
    assert source.kind == "url"


def test_url_plain_text(server: str) -> None:
    url = f"{server}/news/plain.txt"
    source = load_url(url, "s1")
    assert source.url == url
    assert source.title == "Ferry timetable published"
    assert source.author == "Dana Whitfield"
    assert source.outlet == "The Eastmere Echo"
    assert source.published == "2026-03-06"


def test_url_markdown(server: str) -> None:
    source = load_url(f"{server}/news/story.md", "s1")
    assert_no_markdown_syntax(source.text)
    assert "spend $5.5 million on a new wall" in source.text


def test_url_page_charset_from_meta(server: str) -> None:
    source = load_url(f"{server}/news/legacy", "s1")
    assert "“These terraces are how we survive the summer,” said José Ibáñez" in source.text


def test_url_charset_from_content_type(server: str) -> None:
    source = load_url(f"{server}/news/declared-cp1252", "s1")
    assert "“We are not there yet,” the minister’s spokesperson said." in source.text


def test_url_redirects_are_followed_up_to_five(server: str) -> None:
    fetched = fetch(f"{server}/hop/4", max_bytes=2**20)
    assert fetched.url == f"{server}/news/drawbridge"
    assert fetched.data == HERALD.read_bytes()
    source = load_url(f"{server}/hop/4", "s1")
    assert source.path == f"{server}/hop/4"  # the reference as the user gave it
    assert source.url == "https://harbourline-herald.example/local/ostvik-drawbridge-stuck"  # the page's canonical
    assert source.outlet == "The Harbourline Herald"


def test_url_relative_redirect(server: str) -> None:
    fetched = fetch(f"{server}/relative", max_bytes=2**20)
    assert fetched.url == f"{server}/news/drawbridge"
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert fetched.data == HERALD.read_bytes()


def test_url_more_than_five_redirects_is_refused(server: str) -> None:
    url = f"{server}/hop/5"
    with pytest.raises(InputError) as info:
        load_url(url, "s1")
    assert str(info.value) == f"{url}: more than 5 redirects"


def test_url_404_is_refused(server: str) -> None:
    url = f"{server}/gone"
    with pytest.raises(InputError) as info:
        load_url(url, "s1")
    assert str(info.value) == f"{url}: the server answered 404 Not Found"


def test_url_500_is_refused(server: str) -> None:
    with pytest.raises(InputError, match="the server answered 500"):
        load_url(f"{server}/broken", "s1")


def test_url_non_text_content_type_is_refused(server: str) -> None:
    url = server + "/photo.png"
    with pytest.raises(InputError) as info:
        load_url(url, "s1")
    assert str(info.value) == f"{url}: this is image/png, not an article page"


def test_url_pdf_goes_to_the_pdf_reader_which_refuses_a_broken_one(server: str) -> None:
    url = server + "/report.pdf"  # (served as application/pdf, but not a whole PDF)
    with pytest.raises(InputError, match=r"/report\.pdf: this PDF is damaged and cannot be read"):
        load_url(url, "s1")


@pytest.mark.parametrize("path", ["/big-declared", "/big-streamed"])
def test_url_oversized_body_is_refused(server: str, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "MAX_BYTES", 10_000)
    url = server + path
    with pytest.raises(InputError) as info:
        load_url(url, "s1")
    assert str(info.value).startswith(f"{url}: the page is larger than")


def test_fetch_oversized_streamed_body_stops_at_the_cap(server: str) -> None:
    with pytest.raises(InputError, match="larger than"):
        fetch(f"{server}/big-streamed", max_bytes=5000)
    fetched = fetch(f"{server}/big-streamed", max_bytes=100_000)
    assert len(fetched.data) == len(b"<p>" + b"word " * 4000 + b"</p>")


def test_url_nobody_listening_is_refused() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    with pytest.raises(InputError) as info:
        load_url(url, "s1")
    assert str(info.value).startswith(f"{url}: cannot reach it")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/article.txt", "file:///etc/passwd", "FILE:///etc/hosts"])
def test_fetch_refuses_non_http_schemes(url: str) -> None:
    with pytest.raises(InputError) as info:
        fetch(url, max_bytes=2**20)
    assert str(info.value) == f"{url}: only http and https links can be opened"


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_redirect_to_non_http_scheme_is_refused(server: str, path: str) -> None:
    url = server + path
    with pytest.raises(InputError) as info:
        fetch(url, max_bytes=2**20)
    assert str(info.value) == f"{url}: only http and https links can be opened"


def test_a_file_link_is_not_fetched_and_names_the_path_to_give() -> None:
    # "file://…" typed on the command line is neither fetched nor taken for a file name.
    with pytest.raises(InputError) as info:
        load("file:///etc/passwd", "s1")
    assert str(info.value) == "file:///etc/passwd: file links are not opened; give the file's path instead: /etc/passwd"


def test_a_saved_page_s_date_stamp_is_neither_title_nor_outlet() -> None:
    from crosscheck.io.plaintext import read_header

    header = read_header("date 2024-07-06 Harbour wall approved after years of debate\n\nThe council voted on Tuesday.")
    assert header.title == "Harbour wall approved after years of debate"
    assert header.published == "2024-07-06" and header.outlet is None
    header = read_header("date 2024-07-06\n\nSaturday - The council voted on Tuesday to build the wall.")
    assert header.title is None and header.outlet is None and header.published == "2024-07-06"


@pytest.mark.parametrize("chrome", [
    "SUBSCRIBE NOW SUPPORT US", "TRAVEL NEWS", "Aerospace & Defense",
    "UEFA.com works better on other browsers", "date 2022-09-27 ContributorsPublishersAdvertisers",
])
def test_page_chrome_above_the_headline_is_never_the_title_or_the_outlet(chrome: str) -> None:
    from crosscheck.io.load import from_text

    text = (f"{chrome}\n\nHarbour ferry halted after cracks found in hull\n\n"
            "The only ferry to the islands was taken out of service on Monday after inspectors found cracks.\n")
    source = from_text(text, "page.txt", "s1", kind="text")
    assert source.title == "Harbour ferry halted after cracks found in hull"
    assert source.outlet != chrome and source.label.startswith("Harbour ferry halted")


def test_a_date_stamp_glued_to_the_lead_sentence_keeps_the_sentence() -> None:
    from crosscheck.io.load import from_text

    text = ("date 2023-10-08 Kelvin Mbeki of Kenya won the harbour marathon on Sunday in record time.\n\n"
            "He finished two minutes ahead of the field.\n")
    source = from_text(text, "page.txt", "s1", kind="text")
    assert source.published == "2023-10-08"
    lead = source.text.index("Kelvin Mbeki")
    assert not any(f.span.start <= lead < f.span.end for f in source.furniture)


def test_a_breadcrumb_and_a_byline_without_a_name_are_not_the_outlet() -> None:
    from crosscheck.io.load import from_text

    text = ("Home > Latest News > Harbour ferry halted\n\nHarbour ferry halted after cracks found in hull\n\n"
            "By | 6 Jun 2023\n\nThe only ferry to the islands was taken out of service on Monday.\n")
    source = from_text(text, "page.txt", "s1", kind="text")
    assert source.title == "Harbour ferry halted after cracks found in hull"
    assert source.outlet is None and source.published == "2023-06-06"


def test_one_table_of_formats_serves_loading_and_the_open_dialog() -> None:
    from crosscheck.io.formats import FORMATS, kind_of, open_filter

    assert kind_of(".HTM", b"hello") == "html" and kind_of(".markdown", b"# x") == "markdown"
    assert kind_of(".txt", b"<!DOCTYPE html><html>") == "html"  # a page saved as text is a page
    assert kind_of(".txt", b"Plain words.") == "text" and kind_of("", b"Plain words.") == "text"
    offered = open_filter()
    for fmt in FORMATS:
        assert all(f"*{ext}" in offered for ext in fmt.extensions), fmt.name
    assert "*.crosscheck" in offered and offered.endswith("All files (*)")
