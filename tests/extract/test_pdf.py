"""The PDF reader gives back the PDFs the builder wrote: paragraphs joined, furniture out, the form as one table.

The fixtures are written with reportlab's built-in CJK font STSong-Light,
whose text pdfplumber reads back. A PDF cannot tell a wrapped line from a
line break in a cell, so cell and paragraph texts are compared without
whitespace where the layout decides it.
"""

from __future__ import annotations

import sys

import pytest

from perfrules.document.provenance import Place
from perfrules.errors import DocumentError, PerfrulesError
from perfrules.extract import pdf
from perfrules.extract.layout import Layout, Paragraph, Table
from tests.extract.builders import build_pdf, hostile
from tests.extract.content import (
    CAIDIAN_MEASURES,
    LEFT,
    CellSpec,
    caidian_form,
    caidian_paragraphs,
    urumqi_paragraphs,
)
from tests.extract.pdfbuild import CAIDIAN_HEADER


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def caidian() -> Layout:
    return pdf.read(build_pdf("caidian-2024"), "caidian.pdf")


def _paragraphs(layout: Layout) -> list[Paragraph]:
    return [b for b in layout.blocks if isinstance(b, Paragraph)]


def test_paragraphs_in_order_with_their_page_and_line(caidian: Layout) -> None:
    before, after = caidian_paragraphs()
    expected = [_bare(p.text) for p in [*before, *after] if p.text.strip()]
    got = [p.text for p in _paragraphs(caidian)]
    # the numbering labels are in the PDF's text: compare what follows them
    assert len(got) == len(expected)
    for text, want in zip(got, expected, strict=True):
        assert _bare(text.raw).endswith(want), (text.raw, want)
    first = got[0]
    assert first.place == Place("caidian.pdf", "pdf", page=1, line=2)  # line 1: the header
    assert [t.raw for t in got if t.raw.startswith(("一、", "二、"))] == [
        "一、自评结论",
        "二、佐证材料",
    ]


def test_page_headers_and_numbers_are_left_out_and_listed(caidian: Layout) -> None:
    furniture = [
        (u.reason, u.place.page, u.text) for u in caidian.unread if u.reason.startswith("page-")
    ]
    pages = sorted({page for _, page, _ in furniture})
    assert len(pages) >= 2
    for page in pages:
        assert ("page-header", page, CAIDIAN_HEADER) in furniture
        assert ("page-number", page, f"- {page} -") in furniture
    assert not any(
        CAIDIAN_HEADER in p.text.raw or p.text.raw.startswith("- ") for p in _paragraphs(caidian)
    )


def test_the_form_split_over_pages_is_one_table_with_its_merges(caidian: Layout) -> None:
    tables = [b for b in caidian.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    [table] = tables
    grid = caidian_form()
    assert len(table.rows) == len(grid)
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(grid):
        assert len(table.rows[r]) == len(row)
        for c, entry in enumerate(row):
            cell = table.rows[r][c]
            if isinstance(entry, CellSpec):
                origins[(r, c)] = (r, c)
                assert not cell.merged, (r + 1, c + 1)
                assert _bare(cell.text.raw) == _bare(entry.shown()), (r + 1, c + 1)
                assert (cell.text.place.table, cell.text.place.row, cell.text.place.cell) == (
                    1,
                    r + 1,
                    c + 1,
                )
            else:
                origin = origins[(r, c - 1) if entry == LEFT else (r - 1, c)]
                origins[(r, c)] = origin
                assert cell.merged, (r + 1, c + 1)
                assert cell.text == table.rows[origin[0]][origin[1]].text
    pages = {cell.text.place.page for row in table.rows for cell in row}
    assert len(pages) == 2  # the form runs over a page break …
    [repeat] = [u for u in caidian.unread if u.reason == "repeated-header"]
    assert repeat.text.split("\t")[0] == "单位名称"  # … and its repeated header row is not a row


def test_wrapped_lines_in_a_cell_are_joined_without_spaces(caidian: Layout) -> None:
    [table] = [b for b in caidian.blocks if isinstance(b, Table)]
    measures = table.rows[-1][1].text.raw
    for n, text in enumerate(CAIDIAN_MEASURES, start=1):
        assert f"{n}.{text}" in measures.replace("\n", "")


def test_prose_indicators_read_as_paragraphs() -> None:
    layout = pdf.read(build_pdf("urumqi-2023"), "urumqi.pdf")
    assert not any(isinstance(b, Table) for b in layout.blocks)
    # a line break inside a paragraph ends a line short: in a PDF, that is a new paragraph
    expected = [_bare(piece) for p in urumqi_paragraphs() for piece in p.text.split("\n")]
    got = [_bare(p.text.raw) for p in _paragraphs(layout)]
    assert len(got) == len(expected)
    for text, want in zip(got, expected, strict=True):
        assert text.endswith(want), (text, want)


def test_a_paragraph_runs_on_over_a_page_break() -> None:
    layout = pdf.read(hostile("long-paragraph-pdf"), "long.pdf")
    [paragraph] = layout.blocks
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.raw == "".join(CAIDIAN_MEASURES) * 16
    assert {u.place.page for u in layout.unread} == {1, 2}


def test_an_image_only_page_is_listed() -> None:
    layout = pdf.read(hostile("scanned-page-pdf"), "cover.pdf")
    assert [(u.reason, u.place.page) for u in layout.unread] == [("no-text-layer", 2)]
    assert _paragraphs(layout)[0].text.raw.startswith("部门单位名称(公章)")


def test_a_line_of_undecodable_glyphs_is_listed() -> None:
    layout = pdf.read(hostile("mixed-cid-pdf"), "mixed.pdf")
    [garbage] = [u for u in layout.unread if u.reason == "garbage"]
    assert garbage.place == Place("mixed.pdf", "pdf", page=1, line=2)
    text = " ".join(p.text.raw for p in _paragraphs(layout))
    assert "(cid:" not in text and "\ufffd" in text  # never passed off as text
    assert "202.98" in text and "92.84%" in text


def test_a_pdf_that_needs_no_password_to_open_is_read() -> None:
    layout = pdf.read(hostile("owner-only-pdf"), "restricted.pdf")
    assert _paragraphs(layout)[0].text.raw == "Budget 202.98, executed 188.44."


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("empty", "empty-file"),
        ("binary", "not-format"),
        ("text-as-pdf", "not-format"),
        ("truncated-pdf", "not-format"),
        ("scanned-pdf", "no-text-layer"),
        ("cid-pdf", "no-text-layer"),
        ("encrypted-pdf", "encrypted"),
    ],
)
def test_unusable_pdfs_give_one_line_errors(kind: str, code: str) -> None:
    with pytest.raises(DocumentError) as caught:
        pdf.read(hostile(kind), f"{kind}.pdf")
    [problem] = caught.value.problems
    assert problem.code == code
    for lang in ("zh", "en"):
        line = caught.value.render(lang)
        assert "\n" not in line and line.startswith(f"{kind}.pdf: ")


def test_a_missing_library_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(PerfrulesError) as caught:
        pdf.read(b"%PDF-1.4 any bytes", "r.pdf")
    assert caught.value.problems[0].code == "extra-missing"
    assert "pip install 'perfrules[pdf]'" in caught.value.render("en")


def test_a_paragraph_running_over_many_lines_is_cut_at_the_bound_not_refused() -> None:
    """Lines that all run on (no sentence end) are cut into paragraphs within the bound on one text."""
    from perfrules.extract.layout import MAX_TEXT_CHARS, Paragraph
    from perfrules.extract.pdf import _assemble
    from perfrules.extract.pdfpage import Line, PageScan

    words = "这是一段没有句号的文字" * 100  # 1,100 characters a line
    count = MAX_TEXT_CHARS // len(words) + 50
    lines = [
        Line(1, n + 1, 12.0 * n, 12.0 * n + 10, 72.0, 523.0, 10.0, words, head=10.0)
        for n in range(count)
    ]
    layout = _assemble([PageScan(1, 595.0, 12.0 * count + 100, list(lines))], "t.pdf")
    paragraphs = [b.text.text for b in layout.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) >= 2
    assert max(map(len, paragraphs)) <= MAX_TEXT_CHARS
    assert sum(p.count("这是") for p in paragraphs) == count * 100
