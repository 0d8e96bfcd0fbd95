"""Names a reader recognises: one name per source, no two alike, never a folder path; the same
letters everywhere; titles of header-less files; an edited source kept in the project."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from crosscheck.core.flags import anchor_at, new_flag, place
from crosscheck.core.model import Comparison, Source, Span
from crosscheck.core.names import display_names, file_name
from crosscheck.core.pipeline import analyze
from crosscheck.core.view import outlet_names
from crosscheck.io import project as projects
from crosscheck.io.export import render, to_dict
from crosscheck.io.load import from_text, load_path

BODY = ("The harbour board closed the north pier on Monday after divers found cracks in two pylons.\n\n"
        "“We will reopen it when it is safe,” said harbour master Ines Calder. Repairs start next week.\n")


def src(sid: str, path: str = "a.txt", **meta) -> Source:
    return Source(sid, path, BODY, **meta)


# ---------------------------------------------------------------- the naming rules


def test_distinct_outlets_are_named_as_they_are() -> None:
    names = display_names([src("s1", outlet="The Herald"), src("s2", outlet="Daily Post")])
    assert names == {"s1": "The Herald", "s2": "Daily Post"}


def test_same_outlet_different_dates_are_told_apart_by_date() -> None:
    names = display_names([src("s1", outlet="Modern Tokyo Times", published="2023-05-16", title="One"),
                           src("s2", outlet="Modern Tokyo Times", published="2023-05-18", title="Two"),
                           src("s3", outlet="Global Research")])
    assert names == {"s1": "Modern Tokyo Times (2023-05-16)", "s2": "Modern Tokyo Times (2023-05-18)",
                     "s3": "Global Research"}


def test_same_outlet_same_date_are_told_apart_by_a_short_title() -> None:
    names = display_names([
        src("s1", outlet="Modern Tokyo Times", published="2023-05-16",
            title="NATO Liaison Office in Japan being Touted: China and Russia"),
        src("s2", outlet="Modern Tokyo Times", published="2023-05-16",
            title="France Rebuffs NATO Office in Japan (Kishida)"),
    ])
    assert names["s1"] != names["s2"]
    assert names["s1"].startswith("Modern Tokyo Times (NATO Liaison")
    assert names["s2"].startswith("Modern Tokyo Times (France Rebuffs")
    assert all(len(n) < len("Modern Tokyo Times") + 35 for n in names.values())  # short, not the whole title


def test_titles_alike_at_the_start_are_told_apart_by_what_differs() -> None:
    names = display_names([src("s1", outlet="Wire", title="Japan to open NATO liaison office, minister says"),
                           src("s2", outlet="Wire", title="Japan to open NATO liaison office, France objects")])
    assert names["s1"] != names["s2"]
    assert "minister" in names["s1"] and "France" in names["s2"]


def test_one_date_known_is_enough_and_the_rest_fall_back_to_titles_then_numbers() -> None:
    names = display_names([src("s1", outlet="Wire", published="2023-05-16"), src("s2", outlet="Wire", title="Alpha"),
                           src("s3", outlet="Wire", title="Beta"), src("s4", outlet="Wire", title="Beta")])
    assert names["s1"] == "Wire (2023-05-16)"
    assert names["s2"] == "Wire (Alpha)"
    assert {names["s3"], names["s4"]} == {"Wire (Beta)", "Wire (Beta) (2)"}
    assert len(set(names.values())) == 4


def test_identical_sources_get_a_number() -> None:
    names = display_names([src("s1", outlet="Wire"), src("s2", outlet="Wire"), src("s3", outlet="Wire")])
    assert list(names.values()) == ["Wire", "Wire (2)", "Wire (3)"]
    # a number already taken by another source's own name is skipped
    taken = display_names([src("s1", outlet="X"), src("s2", outlet="X"), src("s3", outlet="X (2)")])
    assert len(set(taken.values())) == 3


def test_names_differing_only_in_case_or_spacing_read_the_same() -> None:
    names = display_names([src("s1", outlet="The  Herald ", published="2024-01-01"),
                           src("s2", outlet="the herald", published="2024-01-02")])
    assert names == {"s1": "The Herald (2024-01-01)", "s2": "the herald (2024-01-02)"}


@pytest.mark.parametrize("path", ["/home/someone/news/001_7dc13ad.txt", "C:\\Users\\x\\news\\001_7dc13ad.txt",
                                  "news/001_7dc13ad.txt", "001_7dc13ad.txt"])
def test_a_source_without_header_is_named_by_its_file_never_its_folder(path: str) -> None:
    assert file_name(path) == "001_7dc13ad.txt"
    assert display_names([src("s1", path)]) == {"s1": "001_7dc13ad.txt"}


def test_a_source_without_outlet_is_named_by_its_title_cut_at_a_word() -> None:
    title = "Japan Seeking to Open ‘NATO Liaison Office’ as West Seeks Chinese Encirclement"
    name = display_names([src("s1", "/x/y.txt", title=title)])["s1"]
    assert name.endswith("…") and len(name) <= 41
    assert title.startswith(name[:-1].rstrip())
    assert name[:-1].split()[-1] in title.split()  # whole words only


def test_two_sources_of_one_file_name_in_two_folders() -> None:
    names = display_names([src("s1", "/a/story.txt"), src("s2", "/b/story.txt")])
    assert names == {"s1": "story.txt", "s2": "story.txt (2)"}


# ---------------------------------------------------------------- titles of header-less files


def test_a_short_title_like_first_line_is_the_title(tmp_path) -> None:
    path = tmp_path / "folder" / "001_x.txt"
    path.parent.mkdir()
    path.write_text("Harbour pier closed after cracks found\n\n" + BODY, encoding="utf-8")
    source = load_path(path, "s1")
    assert source.title == "Harbour pier closed after cracks found"
    assert source.label == source.title


@pytest.mark.parametrize("first", [
    "The harbour board closed the north pier on Monday after divers found cracks in two of its pylons.",
    "Ines Calder said: “We will reopen it when it is safe.”",
])
def test_a_first_line_that_is_a_sentence_is_not_a_title(tmp_path, first: str) -> None:
    path = tmp_path / "folder" / "001_x.txt"
    path.parent.mkdir()
    path.write_text(first + "\n\n" + BODY, encoding="utf-8")
    source = load_path(path, "s1")
    assert source.title is None  # unknown stays unknown (the JSON contract's rule)
    assert source.label == "001_x.txt" and display_names([source]) == {"s1": "001_x.txt"}


def test_reports_never_show_a_folder_as_a_name(tmp_path) -> None:
    folder = tmp_path / "some" / "folder"
    folder.mkdir(parents=True)
    (folder / "001_x.txt").write_text(BODY, encoding="utf-8")
    (folder / "002_y.txt").write_text("Pier shut over cracks\n\n" + BODY.replace("Monday", "Tuesday"),
                                      encoding="utf-8")
    comparison = analyze([load_path(folder / "001_x.txt", "s1"), load_path(folder / "002_y.txt", "s2")])
    for fmt in ("md", "html", "csv"):
        report = render(comparison, fmt)
        assert str(tmp_path) not in report and "some/folder" not in report, fmt
    md = render(comparison, "md")
    assert "| A | 001_x.txt | 001_x.txt |" in md  # no title: the file's name (an underscore inside a word stays bare)
    assert "| B | Pier shut over cracks |" in md


# ---------------------------------------------------------------- the same letters and names everywhere


@pytest.fixture(scope="module")
def twins() -> Comparison:
    """Two articles of one outlet on one day, and a third outlet."""
    a = from_text("Pier closed after cracks found\n\nBy Ann Lee\n\nThe Herald\n\n" + BODY, "x/a.txt", "s1", kind="text")
    b = from_text("Divers find cracks in pier pylons\n\nBy Ann Lee\n\nThe Herald\n\n"
                  + BODY.replace("Monday", "Tuesday"), "x/b.txt", "s2", kind="text")
    c = from_text("Harbour pier shut\n\nDaily Post\n\n" + BODY.replace("two", "three"), "x/c.txt", "s3", kind="text")
    assert a.outlet == b.outlet == "The Herald"
    return analyze([a, b, c])


def test_findings_and_json_name_each_source_apart(twins: Comparison) -> None:
    names = outlet_names(twins)
    assert names["s1"].startswith("A · The Herald (") and names["s2"].startswith("B · The Herald (")
    assert names["s1"] != names["s2"] and names["s3"] == "C · Daily Post"
    data = to_dict(twins)
    assert [s["letter"] for s in data["sources"]] == ["A", "B", "C"]
    assert [f"{s['letter']} · {s['label']}" for s in data["sources"]] == list(names.values())
    assert [s["id"] for s in data["sources"]] == ["s1", "s2", "s3"]  # ids stay, for machines
    messages = [f["message"] for g in data["groups"] for f in g["findings"]]
    assert messages and all("s1" not in m and "s3" not in m for m in messages)
    assert any(names["s3"] in m for m in messages)


def test_reports_use_the_letters_not_the_ids(twins: Comparison) -> None:
    md = render(twins, "md")
    sources = md[md.index("## Sources") : md.index("## Coverage")]
    assert "| s1 |" not in sources and "| A | The Herald (" in sources and "| C | Daily Post |" in sources
    names = outlet_names(twins)
    legend = " · ".join(n.replace(" · ", " = ", 1) for n in names.values())  # "A = The Herald (…) · B = …"
    assert legend in md
    members = md[md.index("## Linked") :]
    assert any(f"**{n}**" in members for n in names.values())
    html_report = render(twins, "html")
    assert "<td>s1</td>" not in html_report and "<td>A</td>" in html_report


# ---------------------------------------------------------------- an edited source in the project


def test_an_edited_source_survives_the_project_round_trip(tmp_path) -> None:
    original = from_text("Pier closed\n\nThe Herald\n\n" + BODY, "x/a.txt", "s1", kind="text")
    other = from_text(BODY.replace("Monday", "Sunday"), "x/b.txt", "s2", kind="text")
    at = original.text.index("“We")
    flag = new_flag([anchor_at(original, Span(at, at + 10))], note="check")
    edited = replace(original, outlet="Harbour Herald", title="Pier closed after cracks", author="Ann Lee",
                     published="2023-05-16")
    assert edited.id == original.id and edited.text == original.text and edited.furniture == original.furniture
    path = tmp_path / "p.crosscheck"
    projects.save(projects.Project(sources=[edited, other], flags=[flag]), path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == projects.VERSION  # metadata was already kept per source: no new version
    back = projects.load(path)
    assert back.sources[0] == edited
    assert (back.sources[0].outlet, back.sources[0].title, back.sources[0].author, back.sources[0].published) == (
        "Harbour Herald", "Pier closed after cracks", "Ann Lee", "2023-05-16")
    placed = place(back.flags[0].anchors[0], back.sources)
    assert placed.how == "exact" and placed.span == Span(at, at + 10)  # offsets unchanged: same text
    assert display_names(back.sources)["s1"] == "Harbour Herald"


def test_clearing_a_field_saves_it_as_unknown(tmp_path) -> None:
    s = replace(src("s1", outlet="The Herald", author="Ann Lee"), outlet=None)
    path = tmp_path / "p.crosscheck"
    projects.save(projects.Project(sources=[s, src("s2", "b.txt")]), path)
    back = projects.load(path).sources[0]
    assert back.outlet is None and back.author == "Ann Lee"
    assert display_names([back])["s1"] == "a.txt"
