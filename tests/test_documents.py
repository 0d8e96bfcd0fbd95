"""PDF and Word documents as sources: text and page starts exact, metadata as stated, scans,
locked, damaged and hostile files refused in one line, and the original statement as the
reference that shows each outlet's misquote.

Every document is generated here: PDFs written by hand (Helvetica text objects, a correct
cross-reference table), .docx files zipped from minimal XML parts.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.core.model import Source
from crosscheck.core.pipeline import analyze
from crosscheck.io import docx_text, pdf_text
from crosscheck.io.errors import InputError
from crosscheck.io.formats import kind_of, open_filter
from crosscheck.io.load import load_bytes, load_path, load_url
from tests.cli_run import run_cli
from tests.fuzzing import examples
from tests.local_http import serving

IMAGE = None  # a page that is only a picture (a scan)


def make_pdf(pages: list[list[str] | None], info: dict[str, str] | None = None) -> bytes:
    """A valid PDF: each page a list of lines set in Helvetica, or ``IMAGE`` for a scanned page."""
    objs: list[bytes] = [b"", b""]  # the catalog and the page tree, written last

    def add(obj: bytes) -> int:
        objs.append(obj)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for lines in pages:
        if lines is IMAGE:
            image = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
            ops = b"q 100 0 0 100 50 600 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % image
        else:
            shown = [b"(" + ln.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                     + b") Tj T*" for ln in lines]
            ops = b"\n".join([b"BT /F1 12 Tf 14 TL 72 720 Td", *shown, b"ET"])
            resources = b"<< /Font << /F1 %d 0 R >> >>" % font
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops), ops))
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources %s >>"
                        % (content, resources)))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_info = b""
    if info:
        entries = b" ".join(b"/%s (%s)" % (k.encode(), v.encode("latin-1")) for k, v in info.items())
        trailer_info = b" /Info %d 0 R" % add(b"<< " + entries + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, trailer_info, xref)
    return bytes(out)


def encrypted(data: bytes, password: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(body: str, core: str | None = None, doctype: str = "") -> bytes:
    """A minimal .docx: ``body`` is the XML inside ``w:body``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
                   f"<w:document {_W}><w:body>{body}</w:body></w:document>")
        z.writestr("word/header1.xml", f"<w:hdr {_W}><w:p><w:r><w:t>RUNNING HEADER</w:t></w:r></w:p></w:hdr>")
        if core is not None:
            z.writestr("docProps/core.xml", core)
    return out.getvalue()


def para(*runs: str) -> str:
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs) + "</w:p>"


STATEMENT = [
    ["PRESS RELEASE", "Statement by the Minister for Harbours"],
    ['The minister said: "We will not back down on the har-', 'bour plan, whatever the cost."',
     "Work on the new quay begins in spring."],
    ["Issued by the press office."],
]


def load_pdf(tmp_path: Path, data: bytes, name: str = "statement.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return load_path(path, "s1")


# ---------------------------------------------------------------- PDF


def test_pdf_text_page_starts_and_metadata(tmp_path: Path) -> None:
    info = {"Title": "Statement on the harbour plan", "Author": "Ministry of Harbours",
            "CreationDate": "D:20261127120000+01'00'"}
    source = load_pdf(tmp_path, make_pdf(STATEMENT, info))
    assert source.kind == "pdf" and len(source.pages) == 3 and source.pages[0] == 0
    assert source.text.startswith("PRESS RELEASE\nStatement by the Minister for Harbours\n\nThe minister said")
    quote = source.text.index("We will not back down on the harbour\nplan")  # hyphen joined, line kept
    assert source.page_at(quote) == 2 and source.page_at(0) == 1
    assert source.text[source.pages[1]:].startswith("The minister said")
    assert source.text[source.pages[2]:] == "Issued by the press office."
    assert source.page_at(source.text.index("Issued")) == 3
    assert (source.title, source.author, source.published) == (
        "Statement on the harbour plan", "Ministry of Harbours", "2026-11-27")
    assert source.warnings == () and source.furniture == ()


def test_pdf_metadata_never_invented_and_hyphens_decided_by_the_document() -> None:
    pages = [["This so-called reform, the minister said, is a so-", "called reform and a state-",
              "ment of intent from Smith-", "Jones."]]
    got = pdf_text.read_pdf(make_pdf(pages), "x.pdf", 10_000)
    assert (got.title, got.author, got.published) == (None, None, None)
    # "so-called" is how the document writes it elsewhere; "statement" is a word broken by the
    # typesetter; "Jones" begins in capitals, so "Smith-" stays as it was.
    assert got.text == ("This so-called reform, the minister said, is a so-called\nreform and a statement\n"
                        "of intent from Smith-\nJones.")


def test_extraction_noise_is_cleaned_before_offsets_are_counted() -> None:
    raw = "The \ufb01nal, e\ufb03cient plan\x0c   \r\n\r\n\r\n\nwas ready.  \n"
    assert pdf_text._clean(raw) == "The final, efficient plan\n\nwas ready."


def test_a_sentence_running_over_a_page_break_stays_one_passage() -> None:
    got = pdf_text.read_pdf(make_pdf([["The minister said the plan"], ["would go ahead."]]), "x.pdf", 10_000)
    assert got.text == "The minister said the plan\nwould go ahead." and got.pages == (0, 27)


def test_scanned_pdf_refused_with_one_line_and_exit_2(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^scan\.pdf: this PDF has no text layer \(a scan\?\); run it through OCR "
                       r"first$"):
        pdf_text.read_pdf(make_pdf([IMAGE, [], IMAGE]), "scan.pdf", 10_000)
    (tmp_path / "x.pdf").write_bytes(make_pdf([IMAGE]))
    (tmp_path / "a.txt").write_text("The minister spoke.\n")
    result = run_cli("compare", "x.pdf", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().endswith("x.pdf: this PDF has no text layer (a scan?); run it through OCR first")
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_scanned_page_among_text_pages_is_named() -> None:
    got = pdf_text.read_pdf(make_pdf([["Page one."], IMAGE, ["Page three."]]), "x.pdf", 10_000)
    assert got.warnings == ("page 2: no text (images or a scan?), shown empty",)
    assert got.text[got.pages[2]:] == "Page three."


def test_encrypted_pdf_refused_unless_the_empty_password_opens_it() -> None:
    plain = make_pdf([["Words the ministry said."]])
    with pytest.raises(InputError, match=r"^locked\.pdf: this PDF is protected by a password"):
        pdf_text.read_pdf(encrypted(plain, "secret"), "locked.pdf", 10_000)
    assert pdf_text.read_pdf(encrypted(plain, ""), "open.pdf", 10_000).text == "Words the ministry said."


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n" + bytes(range(256)) * 4,
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"%PDF-",
])
def test_damaged_pdf_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(InputError) as refused:
        pdf_text.read_pdf(data, "bad.pdf", 10_000)
    assert str(refused.value).startswith("bad.pdf: this PDF ") and "\n" not in str(refused.value)


def test_pages_characters_content_and_time_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    five = make_pdf([[f"Page {n} says something."] for n in range(1, 6)])
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 3)
    got = pdf_text.read_pdf(five, "long.pdf", 10_000)
    assert len(got.pages) == 3 and got.warnings == ("only the first 3 of 5 pages were read (the page limit)",)
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 2_000)
    got = pdf_text.read_pdf(five, "long.pdf", 50)
    assert len(got.pages) == 2 and "the limit of 50 characters" in got.warnings[0]
    with pytest.raises(InputError, match="page 1 alone has 22 characters, over the limit of 10"):
        pdf_text.read_pdf(five, "long.pdf", 10)
    monkeypatch.setattr(pdf_text, "MAX_PAGE_CONTENT", 60)
    dense = make_pdf([["Short."], ["A much longer page whose drawing instructions are over the cap."]])
    got = pdf_text.read_pdf(dense, "dense.pdf", 10_000)
    assert got.text == "Short." and got.warnings == ("page 2: too large to read, left out",)
    monkeypatch.setattr(pdf_text, "TIME_BUDGET", -1.0)
    with pytest.raises(InputError, match="before the time limit"):
        pdf_text.read_pdf(five, "slow.pdf", 10_000)


_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=8)
_LINES = st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=4))
def test_every_page_begins_where_pages_says(pages: list[list[str]]) -> None:
    got = pdf_text.read_pdf(make_pdf(pages), "x.pdf", 100_000)
    assert len(got.pages) == len(pages) and list(got.pages) == sorted(got.pages) and got.pages[0] == 0
    for number, lines in enumerate(pages):
        start = got.pages[number]
        assert got.text[start:].startswith(lines[0])
        end = got.pages[number + 1] if number + 1 < len(pages) else len(got.text)
        assert got.text[start:end].split() == " ".join(lines).split()


@pytest.mark.fuzz
@settings(max_examples=examples(40), deadline=None)
@given(st.data())
def test_a_damaged_pdf_is_read_or_refused_never_a_crash(data: st.DataObject) -> None:
    good = bytearray(make_pdf(STATEMENT, {"Title": "T"}))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(good) - 1))
        good[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(9, len(good)))
    try:
        got = pdf_text.read_pdf(bytes(good[:cut]), "f.pdf", 100_000)
    except InputError as refused:
        assert str(refused).startswith("f.pdf: ") and "\n" not in str(refused)
    else:
        assert got.pages and all(0 <= p <= len(got.text) for p in got.pages)


# ---------------------------------------------------------------- .docx

_CORE = ('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
         'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
         "<dc:title>Ruling on the harbour</dc:title><dc:creator>High Court</dc:creator>"
         "<dcterms:created>2026-11-20T09:30:00Z</dcterms:created></cp:coreProperties>")


def test_docx_paragraphs_and_a_table_in_order_with_metadata(tmp_path: Path) -> None:
    table = ("<w:tbl><w:tr><w:tc>" + para("Witness") + "</w:tc><w:tc>" + para("Said") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + para("Ms Reed") + "</w:tc><w:tc>" + para("&#8220;I saw the ", "crack.&#8221;")
             + "</w:tc></w:tr></w:tbl>")
    body = (para("The court finds ", "for the port.") + "<w:p/>" + table
            + '<w:p><w:r><w:t>Signed</w:t><w:tab/><w:t>Judge</w:t><w:br/><w:t>Clerk</w:t>'
              "<w:delText>deleted words</w:delText></w:r></w:p>")
    path = tmp_path / "ruling.docx"
    path.write_bytes(make_docx(body, _CORE))
    source = load_path(path, "s1")
    assert source.kind == "docx" and source.pages == ()
    assert source.text == ("The court finds for the port.\n\nWitness\n\nSaid\n\nMs Reed\n\n“I saw the crack.”\n\n"
                           "Signed\tJudge\nClerk")
    assert (source.title, source.author, source.published) == ("Ruling on the harbour", "High Court", "2026-11-20")
    assert "RUNNING HEADER" not in source.text


def test_docx_without_core_properties_states_nothing() -> None:
    got = docx_text.read_docx(make_docx(para("Only words.")), "d.docx", 1_000)
    assert (got.text, got.title, got.author, got.published) == ("Only words.", None, None, None)


def test_docx_bomb_and_entities_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    laughs = ('<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    with pytest.raises(InputError, match="declares a document type or entities"):
        docx_text.read_docx(make_docx(para("&c;"), doctype=laughs), "laughs.docx", 1_000)
    monkeypatch.setattr(docx_text, "MAX_PART", 2**20)
    bomb = make_docx(para(" " * 3 * 2**20))  # 3 MB of spaces packs into a few kilobytes
    assert len(bomb) < 20_000
    with pytest.raises(InputError, match=r"^bomb\.docx: word/document\.xml unpacks to 3 MB, over the 1 MB limit"):
        docx_text.read_docx(bomb, "bomb.docx", 1_000)
    with pytest.raises(InputError, match="over the limit of 100 characters"):
        docx_text.read_docx(make_docx(para("word " * 50) * 3), "long.docx", 100)


def test_not_a_word_document_refused_in_one_line() -> None:
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("content.xml", "<office:document-content/>")
    cases = {b"PK\x03\x04 truncated": "not a Word .docx file", odt.getvalue(): "this is an OpenDocument file",
             make_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"): "word/document.xml is damaged",
             make_docx("<w:p/>"): "the document is empty"}
    for data, message in cases.items():
        with pytest.raises(InputError, match=message):
            docx_text.read_docx(data, "x.docx", 1_000)


# ---------------------------------------------------------------- the format table


def test_documents_known_by_name_or_signature_but_never_read_when_named_as_text(tmp_path: Path) -> None:
    pdf, docx = make_pdf([["Words."]]), make_docx(para("Words."))
    assert kind_of(".PDF", b"") == "pdf" and kind_of(".docx", b"") == "docx"
    assert kind_of("", pdf) == "pdf" and kind_of(".bin", docx) == "docx"
    assert kind_of(".txt", pdf) == "text" and kind_of(".txt", docx) == "text"
    assert "*.pdf" in open_filter() and "*.docx" in open_filter()
    (tmp_path / "statement").write_bytes(pdf)
    assert load_path(tmp_path / "statement", "s1").kind == "pdf"
    for name, data, hint in (("s.txt", pdf, "name it .pdf"), ("d.txt", docx, "if it is a Word file, name it .docx")):
        with pytest.raises(InputError, match=f"not an article; {hint}"):
            load_bytes(data, name, "s1", kind=kind_of(".txt", data))


# ---------------------------------------------------------------- the original as the reference


def test_statement_pdf_as_reference_shows_the_misquote(tmp_path: Path) -> None:
    (tmp_path / "statement.pdf").write_bytes(make_pdf(STATEMENT, {"Title": "Statement on the harbour plan"}))
    (tmp_path / "a.txt").write_text(
        "Minister stands firm\n\nThe minister said on Monday that the plan would go ahead. \"We will not back down "
        "on the harbour plan, whatever the cost,\" she told reporters.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Harbour plan to go ahead\n\n\"We will not step down on the harbour plan, whatever the cost,\" the minister "
        "said on Monday, adding that work would begin in spring.\n", encoding="utf-8")
    result = run_cli("compare", "statement.pdf", "a.txt", "b.txt", "-r", "1", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["reference"] == "s1" and out["sources"][0]["kind"] == "pdf"
    quote = next(g for g in out["groups"] if g["kind"] == "quote")
    assert {m["source"] for m in quote["members"]} == {"s1", "s2", "s3"}
    pdf_member = next(m for m in quote["members"] if m["source"] == "s1")
    text = out["sources"][0]["text"]
    assert text[pdf_member["start"]:pdf_member["end"]] == pdf_member["text"]
    misquotes = [f for f in quote["findings"] if f["kind"] == "misquote"]
    assert [(f["sources"], [(c["a"], c["b"]) for c in f["changes"]]) for f in misquotes] == [
        (["s1", "s3"], [("back", "step")])]


def test_the_column_header_says_pdf_and_its_pages(qtbot) -> None:
    from crosscheck.ui.article_view import ColumnHeader

    source = pdf_text.read_pdf(make_pdf(STATEMENT), "statement.pdf", 10_000)
    header = ColumnHeader(Source(id="s1", path="statement.pdf", text=source.text, kind="pdf", pages=source.pages))
    qtbot.addWidget(header)
    assert header.meta_text.startswith("PDF · 3 pages · ")


def test_a_statement_printed_without_attribution_is_still_labelled_by_its_speaker(tmp_path: Path) -> None:
    # The original document prints the words bare; the outlets quote them and name the speaker.
    statement = "We will not back down on the harbour plan, whatever the cost, and work begins in spring."
    (tmp_path / "statement.pdf").write_bytes(make_pdf([["Statement", statement]]))
    for name, who in (("a.txt", "Minister Ana Ruiz said"), ("b.txt", "said Minister Ana Ruiz")):
        (tmp_path / name).write_text(f"Plan goes ahead\n\n“{statement[:-1]},” {who}.\n", encoding="utf-8")
    result = run_cli("compare", "statement.pdf", "a.txt", "b.txt", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    quote = next(g for g in json.loads(result.stdout)["groups"] if g["kind"] == "quote")
    assert {m["source"] for m in quote["members"]} == {"s1", "s2", "s3"}
    assert quote["label"].startswith("Ruiz: “We will not back down")


def test_an_original_document_by_link_is_read_as_from_disk(tmp_path: Path) -> None:
    pdf = make_pdf([["Statement"], ["We will not back down on the harbour plan."]])
    docx = make_docx(para("We will not back down on the harbour plan."))
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    served = {"/ruling.pdf": (200, {"Content-Type": "application/pdf"}, pdf), "/untyped": (200, {}, pdf),
              "/statement": (200, {"Content-Type": word}, docx)}
    with serving(served) as base:
        for path, kind in (("/ruling.pdf", "pdf"), ("/untyped", "pdf"), ("/statement", "docx")):
            source = load_url(base + path, "s1")
            assert source.kind == kind and "not back down on the harbour plan" in source.text
            assert source.original == served[path][2] and source.evidence.http_status == 200
        ruling = load_url(base + "/ruling.pdf", "s1")
        assert ruling.page_at(ruling.text.index("We will")) == 2  # cited by page, as from disk


def test_the_original_printed_bare_still_shows_who_misquotes_it(tmp_path: Path) -> None:
    # A transcript prints what was said without quotation marks: its words are the yardstick.
    said = "We will not back down on the harbour plan, whatever the cost, and work begins in spring"
    (tmp_path / "transcript.pdf").write_bytes(make_pdf([["Transcript", f"MINISTER ANA RUIZ: {said}."]]))
    (tmp_path / "a.txt").write_text(f"Plan goes ahead\n\n“{said},” Minister Ana Ruiz said.\n", encoding="utf-8")
    changed = said.replace("back down", "step down")
    (tmp_path / "b.txt").write_text(f"Ruiz firm\n\n“{changed},” said Minister Ana Ruiz.\n", encoding="utf-8")
    result = run_cli("compare", "transcript.pdf", "a.txt", "b.txt", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    quote = next(g for g in json.loads(result.stdout)["groups"] if g["kind"] == "quote")
    assert {m["source"] for m in quote["members"]} == {"s1", "s2", "s3"}
    kinds = [(f["kind"], sorted(f["sources"])) for f in quote["findings"]]
    assert ("misquote", ["s1", "s3"]) in kinds or ("misquote", ["s2", "s3"]) in kinds  # B's "step down"
    assert not any(kind == "unquoted" for kind, _ in kinds)  # the original is no outlet dropping marks


def test_running_heads_and_feet_are_page_furniture_not_claims() -> None:
    body = ["The board approved the sea wall on Tuesday.", "Work on the north quay will begin in April.",
            "The ferry timetable is not affected by the works.", "Residents may object until the end of May."]
    pages = [["Harbour Authority - Statement of 3 March", line, f"Page {n} of 4"] for n, line in enumerate(body, 1)]
    pdf = pdf_text.read_pdf(make_pdf(pages), "statement.pdf", 10_000)
    marked = {(pdf.text[f.span.start:f.span.end], f.kind) for f in pdf.furniture}
    assert ("Harbour Authority - Statement of 3 March", "page-header") in marked
    assert {f"Page {n} of 4" for n in range(1, 5)} <= {text for text, _ in marked}
    assert not any(line in text for line in body for text, _ in marked)  # the statement itself is no furniture
    c = analyze([Source(id="s1", path="statement.pdf", text=pdf.text, kind="pdf", pages=pdf.pages,
                        furniture=pdf.furniture), Source(id="s2", path="a.txt", text="Other news.\n\nA quay.")])
    claims = [u.text for u in c.unique if u.kind == "claim" and u.source == "s1"]
    assert any("sea wall" in t for t in claims) and not any("Page" in t or "Statement of" in t for t in claims)
    # two pages are not enough to call a line running
    assert pdf_text.running_lines(pdf.text, pdf.pages[:2]) == ()


def test_the_compare_panel_cites_a_document_by_page(qtbot) -> None:
    from crosscheck.ui.compare_panel import ComparePanel
    from crosscheck.ui.highlight import PALETTES

    said = "We will not back down on the harbour plan, whatever the cost"
    pdf = pdf_text.read_pdf(make_pdf([["Statement"], [f'"{said}," the minister said.']]), "s.pdf", 10_000)
    sources = [Source(id="s1", path="s.pdf", text=pdf.text, kind="pdf", pages=pdf.pages),
               Source(id="s2", path="a.txt", text=f"Plan\n\n“{said},” the minister said on Monday.")]
    c = analyze(sources)
    group = next(g for g in c.groups if g.kind == "quote")
    panel = ComparePanel()
    qtbot.addWidget(panel)
    panel.show_group(c, group, "s1", PALETTES["light"])
    assert "p. 2" in panel.body.toPlainText()
